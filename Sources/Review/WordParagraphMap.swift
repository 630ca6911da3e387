// Review: where paragraphs and characters sit in word/document.xml. Byte offsets for putting comments back into the file.
import Foundation

/// The paragraphs of a WordprocessingML part with the byte offsets of their runs, counted exactly as
/// the .docx reader counts them, so that a ``PackageLocation`` (paragraph ordinal, character offset)
/// from a result finds its place in the file's bytes.
///
/// The reader's rules, mirrored here: every `w:p` start counts, except inside skipped elements
/// (`w:del`, `w:moveFrom`, `mc:Fallback`, `w:sectPr`, former properties, field codes); a run's
/// characters are the Unicode scalars of its `w:t` text (entities decoded), plus one per `w:tab`,
/// `w:ptab`, `w:br`, `w:cr` and `w:noBreakHyphen`; hidden runs (`w:vanish`, `w:webHidden`) and field
/// instructions (between `begin` and `separate`) count nothing. `ReviewTests` checks the two agree on
/// every corpus .docx.
struct WordParagraphMap {
    /// A run of a paragraph and the characters it holds.
    struct Run {
        /// Byte offset of `<w:r`.
        var start: Int
        /// Byte offset just past `</w:r>` (or the self-closing `<w:r/>`).
        var end = 0
        /// The paragraph's character count before the run, and after it.
        var characterStart: Int
        var characterEnd = 0
        /// For a run whose characters are one `w:t` and nothing else: the text's byte range, the `w:t`
        /// start tag's range and the run's `w:rPr` range (copied when the run is split).
        var text: Range<Int>?
        var textTag: Range<Int>?
        var properties: Range<Int>?
        // Scan state.
        var hidden = false
        var pieces = 0
        var characters = 0
    }

    /// A paragraph and its runs.
    struct Paragraph {
        /// Byte range of the `<w:p …>` start tag.
        var startTag: Range<Int>
        /// Whether it is written `<w:p/>`.
        var selfClosing: Bool
        /// Byte offset just past `</w:pPr>`, or past the start tag when there are no properties.
        var contentStart: Int
        /// Byte offset of `</w:p>`.
        var endTag = 0
        /// Runs that hold characters, in order.
        var runs: [Run] = []
        /// Characters in the paragraph.
        var characters = 0
    }

    /// The paragraphs by ordinal.
    private(set) var paragraphs: [Paragraph] = []

    /// Elements the reader skips with everything inside them.
    private static let skipped: Set<String> = [
        "w:del", "w:moveFrom", "mc:Fallback", "w:instrText", "w:delText", "w:pPrChange", "w:rPrChange",
        "w:sectPrChange", "w:tblPrChange", "w:delInstrText", "w:sectPr",
    ]

    init(xml: [UInt8]) throws(XMLScanError) {
        var scanner = XMLScanner(bytes: xml)
        var open: [Int] = []            // indices into `paragraphs`, innermost last
        var currentRun: [Int: Run] = [:] // per open paragraph: the run being read
        var inText = false
        var inParagraphProperties = 0
        var inRunProperties = 0
        var fields: [Bool] = []         // true while in an instruction
        var inInstruction: Bool { fields.contains(true) }

        while let token = try scanner.next() {
            switch token.kind {
            case .text:
                guard inText, let paragraph = open.last, !inInstruction, var run = currentRun[paragraph] else { continue }
                run.characters += XMLScanner.characterCount(xml[token.range])
                run.pieces += 1
                run.text = run.pieces == 1 ? token.range : nil
                currentRun[paragraph] = run
            case .start, .empty:
                let name = scanner.name(token)
                if Self.skipped.contains(name) {
                    if token.kind == .start { try scanner.skipElement() }
                    continue
                }
                switch name {
                case "w:p":
                    let paragraph = Paragraph(startTag: token.range, selfClosing: token.kind == .empty, contentStart: token.range.upperBound,
                                              endTag: token.range.upperBound)
                    paragraphs.append(paragraph)
                    if token.kind == .start { open.append(paragraphs.count - 1) }
                case "w:r":
                    guard let paragraph = open.last else { continue }
                    if token.kind == .empty { continue }
                    currentRun[paragraph] = Run(start: token.range.lowerBound, characterStart: paragraphs[paragraph].characters)
                case "w:t":
                    if token.kind == .start {
                        inText = true
                        if let paragraph = open.last, var run = currentRun[paragraph] {
                            run.textTag = token.range
                            currentRun[paragraph] = run
                        }
                    }
                case "w:pPr":
                    if token.kind == .start { inParagraphProperties += 1 }
                case "w:rPr":
                    if token.kind == .start {
                        inRunProperties += 1
                        if inParagraphProperties == 0, let paragraph = open.last, var run = currentRun[paragraph] {
                            run.properties = token.range.lowerBound..<token.range.lowerBound
                            currentRun[paragraph] = run
                        }
                    } else if inParagraphProperties == 0, let paragraph = open.last, var run = currentRun[paragraph] {
                        run.properties = token.range
                        currentRun[paragraph] = run
                    }
                case "w:tab", "w:ptab":
                    if inParagraphProperties == 0, !inInstruction { addCharacter(open, &currentRun) }
                case "w:br", "w:cr":
                    if !inInstruction { addCharacter(open, &currentRun) }
                case "w:noBreakHyphen":
                    addCharacter(open, &currentRun)
                case "w:vanish", "w:webHidden":
                    if inRunProperties > 0, inParagraphProperties == 0, let paragraph = open.last, var run = currentRun[paragraph],
                       Self.isOn(scanner.attribute("w:val", of: token)) {
                        run.hidden = true
                        currentRun[paragraph] = run
                    }
                case "w:fldChar":
                    switch scanner.attribute("w:fldCharType", of: token) {
                    case "begin": fields.append(true)
                    case "separate": if !fields.isEmpty { fields[fields.count - 1] = false }
                    case "end": _ = fields.popLast()
                    default: break
                    }
                default:
                    break
                }
            case .end:
                switch scanner.name(token) {
                case "w:t":
                    inText = false
                case "w:rPr":
                    inRunProperties -= 1
                    if inParagraphProperties == 0, let paragraph = open.last, var run = currentRun[paragraph], let start = run.properties?.lowerBound {
                        run.properties = start..<token.range.upperBound
                        currentRun[paragraph] = run
                    }
                case "w:pPr":
                    inParagraphProperties -= 1
                    if inParagraphProperties == 0, let paragraph = open.last, paragraphs[paragraph].runs.isEmpty, currentRun[paragraph] == nil {
                        paragraphs[paragraph].contentStart = token.range.upperBound
                    }
                case "w:r":
                    guard let paragraph = open.last, var run = currentRun.removeValue(forKey: paragraph) else { continue }
                    run.end = token.range.upperBound
                    finish(run, in: paragraph)
                case "w:p":
                    guard let paragraph = open.popLast() else { continue }
                    if var run = currentRun.removeValue(forKey: paragraph) {
                        run.end = token.range.lowerBound
                        run.text = nil
                        finish(run, in: paragraph)
                    }
                    paragraphs[paragraph].endTag = token.range.lowerBound
                default:
                    break
                }
            }
        }
    }

    private func addCharacter(_ open: [Int], _ currentRun: inout [Int: Run]) {
        guard let paragraph = open.last, var run = currentRun[paragraph] else { return }
        run.characters += 1
        run.pieces += 2  // a run with a tab or a break is not split inside
        run.text = nil
        currentRun[paragraph] = run
    }

    private mutating func finish(_ run: Run, in paragraph: Int) {
        guard !run.hidden, run.characters > 0 else { return }
        var run = run
        run.characterStart = paragraphs[paragraph].characters
        run.characterEnd = run.characterStart + run.characters
        if run.pieces != 1 { run.text = nil }
        paragraphs[paragraph].characters = run.characterEnd
        paragraphs[paragraph].runs.append(run)
    }

    private static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return !["0", "false", "off", "none"].contains(value)
    }
}

/// Why a part could not be scanned.
struct XMLScanError: Error, CustomStringConvertible {
    let offset: Int
    let reason: String
    var description: String { "not well-formed XML at byte \(offset): \(reason)" }
}

/// A minimal XML tokenizer that keeps byte ranges: start, end and empty-element tags, and text.
/// Comments, processing instructions and CDATA are passed over (CDATA comes as text); a DOCTYPE is refused.
struct XMLScanner {
    enum Kind { case start, end, empty, text }

    struct Token {
        let kind: Kind
        /// The whole tag, or the text (CDATA: its content).
        let range: Range<Int>
        /// The name's bytes, for tags.
        let name: Range<Int>
    }

    let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    mutating func next() throws(XMLScanError) -> Token? {
        while position < bytes.count {
            guard bytes[position] == UInt8(ascii: "<") else {
                let start = position
                while position < bytes.count, bytes[position] != UInt8(ascii: "<") { position += 1 }
                return Token(kind: .text, range: start..<position, name: start..<start)
            }
            let start = position
            if hasPrefix("<?") {
                position = try find("?>", from: position + 2) + 2
                continue
            }
            if hasPrefix("<!--") {
                position = try find("-->", from: position + 4) + 3
                continue
            }
            if hasPrefix("<![CDATA[") {
                let end = try find("]]>", from: position + 9)
                position = end + 3
                return Token(kind: .text, range: (start + 9)..<end, name: start..<start)
            }
            if hasPrefix("<!") { throw XMLScanError(offset: position, reason: "declarations are not allowed") }
            let closing = bytes[position + 1] == UInt8(ascii: "/")
            let nameStart = position + (closing ? 2 : 1)
            var index = nameStart
            while index < bytes.count, !Self.endsName(bytes[index]) { index += 1 }
            let name = nameStart..<index
            var quote: UInt8 = 0
            while index < bytes.count {
                let byte = bytes[index]
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: ">") {
                    break
                }
                index += 1
            }
            guard index < bytes.count else { throw XMLScanError(offset: start, reason: "unterminated tag") }
            position = index + 1
            if closing {
                depth -= 1
                return Token(kind: .end, range: start..<position, name: name)
            }
            if bytes[index - 1] == UInt8(ascii: "/") { return Token(kind: .empty, range: start..<position, name: name) }
            depth += 1
            return Token(kind: .start, range: start..<position, name: name)
        }
        return nil
    }

    /// Skips past the end of the element just started.
    mutating func skipElement() throws(XMLScanError) {
        let target = depth - 1
        while depth > target {
            guard try next() != nil else { throw XMLScanError(offset: bytes.count, reason: "document ends inside an element") }
        }
    }

    func name(_ token: Token) -> String { String(decoding: bytes[token.name], as: UTF8.self) }

    /// An attribute's value (entities not decoded; OOXML's values here never hold any).
    func attribute(_ name: String, of token: Token) -> String? {
        let tag = String(decoding: bytes[token.name.upperBound..<token.range.upperBound], as: UTF8.self)
        for quote in ["\"", "'"] {
            if let range = tag.range(of: " \(name)=\(quote)") ?? tag.range(of: "\t\(name)=\(quote)") ?? tag.range(of: "\n\(name)=\(quote)") {
                let rest = tag[range.upperBound...]
                if let end = rest.firstIndex(of: Character(quote)) { return String(rest[..<end]) }
            }
        }
        return nil
    }

    /// Unicode scalars in raw XML text, a character reference or entity counting as one.
    static func characterCount(_ raw: ArraySlice<UInt8>) -> Int {
        var count = 0
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "&"), let end = raw[index...].firstIndex(of: UInt8(ascii: ";")) {
                count += 1
                index = end + 1
                continue
            }
            if byte & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// The byte offset in `raw` (absolute) after `characters` characters, never inside a reference.
    static func byteOffset(in raw: Range<Int>, of bytes: [UInt8], afterCharacters characters: Int) -> Int {
        var count = 0
        var index = raw.lowerBound
        while index < raw.upperBound, count < characters {
            if bytes[index] == UInt8(ascii: "&"), let end = bytes[index..<raw.upperBound].firstIndex(of: UInt8(ascii: ";")) {
                index = end + 1
            } else {
                index += 1
                while index < raw.upperBound, bytes[index] & 0xC0 == 0x80 { index += 1 }
            }
            count += 1
        }
        return index
    }

    private func hasPrefix(_ prefix: String) -> Bool {
        let utf8 = Array(prefix.utf8)
        return position + utf8.count <= bytes.count && bytes[position..<(position + utf8.count)].elementsEqual(utf8)
    }

    private func find(_ terminator: String, from start: Int) throws(XMLScanError) -> Int {
        let utf8 = Array(terminator.utf8)
        var index = start
        while index + utf8.count <= bytes.count {
            if bytes[index] == utf8[0], bytes[index..<(index + utf8.count)].elementsEqual(utf8) { return index }
            index += 1
        }
        throw XMLScanError(offset: start, reason: "unterminated \(terminator)")
    }

    private static func endsName(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }
}
