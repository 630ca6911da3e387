// VietnameseText: sentences. Splits text into paragraphs (headings, list items, plain) and each paragraph into sentences.
import Foundation

/// One paragraph of a text: a heading, a list item or a plain paragraph, with its sentences.
public struct TextUnit: Sendable, Hashable {
    /// What a paragraph is.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A numbered title ("II. NỘI DUNG", "1. Mục đích", "PHẦN THỨ NHẤT") or an all-capitals line ("KẾ HOẠCH").
        case heading
        /// A bulleted item ("- Công tác ...;") or a numbered item that reads as text, not as a title.
        case listItem
        /// Anything else.
        case paragraph
    }

    /// What the paragraph is.
    public let kind: Kind
    /// The numbering marker or bullet that opens the paragraph, if any.
    public let label: NumberingLabel?
    /// UTF-8 byte range of the paragraph: from its marker (or first character) to its last
    /// non-space character, line breaks of wrapped lines included.
    public let range: Range<Int>
    /// UTF-8 byte range of the text after the marker.
    public let contentRange: Range<Int>
    /// UTF-8 byte ranges of the sentences, in order, each trimmed of surrounding white space.
    public let sentences: [Range<Int>]
    /// The number of source lines the paragraph spans (more than 1 when wrapped lines were joined).
    public let lineCount: Int

    /// Creates a unit; ``SentenceSplitter/split(_:options:)`` is the usual way to get one.
    public init(kind: Kind, label: NumberingLabel?, range: Range<Int>, contentRange: Range<Int>,
                sentences: [Range<Int>], lineCount: Int) {
        self.kind = kind
        self.label = label
        self.range = range
        self.contentRange = contentRange
        self.sentences = sentences
        self.lineCount = lineCount
    }
}

/// Splits Vietnamese administrative text into paragraphs and sentences, on UTF-8 bytes.
///
/// Paragraphs: every line is a paragraph, except that a line is joined to the one before it
/// (a wrapped line) when the line before is not blank and does not end with . ! ? ; : or an
/// ellipsis, and the line carries no numbering marker or bullet and starts with a lower-case
/// letter ("… Nghị quyết số 20-NQ/TW" + "về “Tiếp tục xây dựng …”").
///
/// Sentences end after `.`, `!`, `?`, `…` (and the end-of-document mark `./.`), with any closing
/// quotes or brackets, when white space and a sentence start follow. Never inside: numbers,
/// dates, symbols, URLs and e-mail addresses (no white space follows their dots); balanced
/// quotes and brackets; titles and names that always precede a name (TP., TS., PGS.TS., ThS.,
/// Th.S, GS., St., single initials such as "P." or "Q."); signature-block words (TM., KT., TL.,
/// TUQ.) at the start of a line; dotted abbreviations or an ellipsis followed by a lower-case word
/// ("v.v. và", "bếp ăn từ thiện ...; hiệu quả").
///
/// ";" does not end a sentence by default: Vietnamese reports chain the clauses of one sentence
/// with it, and list items ending with ";" are paragraphs of their own. Set
/// ``Options/splitOnSemicolon`` to cut clauses. ":" never ends a sentence.
public enum SentenceSplitter {
    /// How to split.
    public struct Options: Sendable, Hashable {
        /// Whether ";" followed by white space ends a sentence (a clause). Default false.
        public var splitOnSemicolon: Bool
        /// Whether wrapped lines are joined into one paragraph (see ``SentenceSplitter``). Default true.
        public var joinWrappedLines: Bool

        /// Creates options; the defaults suit reports.
        public init(splitOnSemicolon: Bool = false, joinWrappedLines: Bool = true) {
            self.splitOnSemicolon = splitOnSemicolon
            self.joinWrappedLines = joinWrappedLines
        }
    }

    /// The paragraphs of `text` with their sentences; ranges are UTF-8 byte offsets into `text`.
    public static func split(_ text: String, options: Options = Options()) -> [TextUnit] {
        var copy = text
        return copy.withUTF8 { split(utf8: $0, options: options) }
    }

    /// Every sentence of `text`, in order, as UTF-8 byte ranges.
    public static func sentences(in text: String, options: Options = Options()) -> [Range<Int>] {
        split(text, options: options).flatMap(\.sentences)
    }

    /// The paragraphs of valid UTF-8 `bytes` with their sentences.
    public static func split(utf8 bytes: UnsafeBufferPointer<UInt8>, options: Options = Options()) -> [TextUnit] {
        var units: [TextUnit] = []
        var pending: Pending?
        var previousBlank = true
        var lineStart = 0
        let count = bytes.count
        while lineStart < count {
            // Find the line's end and the start of the next line ("\n", "\r\n" or "\r").
            let lineEnd = ByteWords.firstControl(in: bytes, from: lineStart) { $0 == 0x0A || $0 == 0x0D }
            var next = lineEnd
            if next < count {
                next += (bytes[next] == 0x0D && next + 1 < count && bytes[next + 1] == 0x0A) ? 2 : 1
            }
            let first = skipSpace(bytes, from: lineStart, end: lineEnd)
            let last = trimEnd(bytes, start: first, end: lineEnd)
            if first >= last {
                previousBlank = true
            } else {
                let label = Numbering.parse(utf8: bytes, from: lineStart, to: last)
                if options.joinWrappedLines, !previousBlank, label == nil, var current = pending,
                   UTF8Scan.isLowercaseLetter(bytes, at: first, end: last),
                   !endsClause(bytes, start: current.contentStart, end: current.end) {
                    current.end = last
                    current.lines += 1
                    pending = current
                } else {
                    if let current = pending { units.append(current.unit(bytes, options: options)) }
                    let contentStart = label.map { min(lineStart + $0.contentOffset, last) } ?? first
                    pending = Pending(label: label, start: first, contentStart: contentStart, end: last, lines: 1)
                }
                previousBlank = false
            }
            lineStart = next
        }
        if let current = pending { units.append(current.unit(bytes, options: options)) }
        return units
    }

    /// A paragraph being gathered line by line.
    private struct Pending {
        let label: NumberingLabel?
        let start: Int
        let contentStart: Int
        var end: Int
        var lines: Int

        func unit(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) -> TextUnit {
            let sentences = SentenceSplitter.sentences(bytes, start: contentStart, end: end, options: options)
            let kind = SentenceSplitter.kind(bytes, label: label, contentStart: contentStart, end: end, sentences: sentences)
            return TextUnit(kind: kind, label: label, range: start..<end, contentRange: contentStart..<end,
                            sentences: sentences, lineCount: lines)
        }
    }

    // MARK: - Paragraph kinds

    /// A numbered paragraph is a heading when it reads as a title: at most one sentence, at most
    /// 300 bytes, not ending with "." or ";". Roman numerals, PHẦN, Chương, Mục are always headings.
    /// An unnumbered paragraph is a heading when it has letters, none lower-case, does not end
    /// with "." and is not a signature line ("TM. BAN THƯỜNG VỤ").
    static func kind(_ bytes: UnsafeBufferPointer<UInt8>, label: NumberingLabel?, contentStart: Int, end: Int,
                     sentences: [Range<Int>]) -> TextUnit.Kind {
        let lastByte = contentStart < end ? bytes[lastSignificant(bytes, start: contentStart, end: end)] : 0
        let endsLikeText = lastByte == UInt8(ascii: ".") || lastByte == UInt8(ascii: ";")
        if let label {
            switch label.kind {
            case .bullet: return .listItem
            case .part, .chapter, .section, .roman: return .heading
            case .arabic, .multiLevel, .upperLetter, .lowerLetter:
                return sentences.count <= 1 && end - contentStart <= 300 && !endsLikeText ? .heading : .listItem
            }
        }
        guard !endsLikeText, !startsSignature(bytes, start: contentStart, end: end),
              isAllCapitals(bytes, start: contentStart, end: end) else { return .paragraph }
        return .heading
    }

    /// Whether the text has letters and none of them is lower-case.
    static func isAllCapitals(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var index = start
        var letters = 0
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte >= 0x61 && byte <= 0x7A { return false }
                if byte >= 0x41 && byte <= 0x5A { letters += 1 }
                index += 1
                continue
            }
            guard let (scalar, width) = UTF8Scan.scalar(bytes, at: index, end: end) else { index += 1; continue }
            if scalar.properties.isLowercase { return false }
            if scalar.properties.isAlphabetic { letters += 1 }
            index += width
        }
        return letters >= 2
    }

    /// Whether the text opens with a signature-block word: "TM.", "KT.", "TL.", "TUQ.", "Q.".
    static func startsSignature(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        var index = start
        while index < end, bytes[index] >= 0x41, bytes[index] <= 0x5A, index - start < 4 { index += 1 }
        guard index < end, index > start, bytes[index] == UInt8(ascii: ".") else { return false }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        return signatureWords.contains(word)
    }

    // MARK: - Sentences

    /// Words of signature blocks that never end a sentence at the start of a line.
    static let signatureWords: Set<String> = ["TM", "KT", "TL", "TUQ", "Q"]

    /// Whether `set` (``nonFinalWords`` or ``signatureWords``) holds `token`. Most tokens are
    /// longer than any listed word, or start with a byte none does: those are answered without hashing.
    @inline(__always)
    static func isListed(_ token: String, in set: Set<String>) -> Bool {
        let utf8 = token.utf8
        guard let first = utf8.first, utf8.count <= listedShape.longest, listedShape.firstBytes[Int(first)] else { return false }
        return set.contains(token)
    }

    /// The longest word of ``nonFinalWords`` and ``signatureWords``, in bytes, and the bytes they
    /// start with; of their decomposed forms too, as a Set of Strings finds a word in any canonically
    /// equivalent spelling (decomposing is what lengthens a spelling most).
    static let listedShape: (longest: Int, firstBytes: [Bool]) = {
        let words = nonFinalWords.union(signatureWords).flatMap { [$0, $0.decomposedStringWithCanonicalMapping] }
        var firstBytes = [Bool](repeating: false, count: 256)
        for word in words { firstBytes[Int(word.utf8.first!)] = true }
        return (words.map(\.utf8.count).max() ?? 0, firstBytes)
    }()

    /// Titles and abbreviations that precede a name or a figure, so never end a sentence.
    static let nonFinalWords: Set<String> = [
        "TP", "Tp", "TX", "TS", "TSKH", "PGS", "GS", "GS.TS", "PGS.TS", "ThS", "Ths", "Th.S", "ThS.BS",
        "BS", "BSCK", "KS", "Nxb", "NXB", "St", "tr", "Tr", "TT.ƯT", "NSND", "NSƯT", "NGƯT", "NGND",
    ]

    /// The sentences of the content `start..<end`.
    static func sentences(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, options: Options) -> [Range<Int>] {
        guard start < end else { return [] }
        let spans = protectedSpans(bytes, start: start, end: end)
        var spanIndex = 0
        var result: [Range<Int>] = []
        var sentenceStart = skipSpace(bytes, from: start, end: end, lineBreaks: true)
        var index = sentenceStart
        var lookEnd = index
        let semicolon = options.splitOnSemicolon
        while index < end {
            if index >= lookEnd {
                // Stretches without a byte that may start a terminator are passed sixteen bytes at a time.
                index = ByteVectors.skipUnflagged(bytes, from: index, to: end) { bytes, _ in
                    terminatorLeadLanes(bytes, semicolon: semicolon)
                }
                lookEnd = ByteVectors.lookEnd(from: index, end: end)
            }
            // Bytes that cannot start a terminator are skipped one by one: in valid UTF-8 an ASCII
            // byte or a lead byte 0xE2 never stands inside another character.
            let byte = bytes[index]
            guard mayStartTerminator(byte, semicolon: semicolon),
                  byte != 0xE2 || (index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0xA6)  // …
            else {
                index += 1
                continue
            }
            let run = terminatorRun(bytes, at: index, end: end, options: options)
            while spanIndex < spans.count, spans[spanIndex].upperBound <= index { spanIndex += 1 }
            // Inside a quote or bracket, only a run that closes it may end the sentence.
            let inside = spanIndex < spans.count && spans[spanIndex].lowerBound < index
            if inside && run.upperBound < spans[spanIndex].upperBound {
                index = run.upperBound
                continue
            }
            if endsSentence(bytes, run: run, sentenceStart: sentenceStart, contentStart: start, end: end) {
                append(&result, bytes, sentenceStart..<run.upperBound)
                sentenceStart = skipSpace(bytes, from: run.upperBound, end: end, lineBreaks: true)
                index = sentenceStart
            } else {
                index = run.upperBound
            }
        }
        if sentenceStart < end {
            append(&result, bytes, sentenceStart..<trimEnd(bytes, start: sentenceStart, end: end))
        }
        return result
    }

    /// Adds a sentence, or, when it has no letter or digit ("./.", "…"), lengthens the one before.
    private static func append(_ result: inout [Range<Int>], _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        guard !range.isEmpty else { return }
        var index = range.lowerBound
        while index < range.upperBound {
            if UTF8Scan.isWordCharacter(bytes, at: index, end: range.upperBound) {
                result.append(range)
                return
            }
            index += 1
            while index < range.upperBound && bytes[index] & 0xC0 == 0x80 { index += 1 }
        }
        if let last = result.popLast() { result.append(last.lowerBound..<range.upperBound) }
    }

    /// The terminator run at `index` (". ", "?!", "...", "…", "./.") with its closing quotes and brackets.
    static func terminatorRun(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int, options: Options) -> Range<Int> {
        var position = index
        if options.splitOnSemicolon && bytes[position] == UInt8(ascii: ";") {
            position += 1
        } else {
            while position < end {
                let byte = bytes[position]
                if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") {
                    position += 1
                } else if byte == 0xE2, position + 2 < end, bytes[position + 1] == 0x80, bytes[position + 2] == 0xA6 {
                    position += 3
                } else if byte == UInt8(ascii: "/"), position > index, bytes[position - 1] == UInt8(ascii: "."),
                          position + 1 < end, bytes[position + 1] == UInt8(ascii: ".") {
                    position += 2  // "./." closes a document
                } else {
                    break
                }
            }
        }
        while position < end {
            let closer = closerLength(bytes, at: position, end: end)
            if closer == 0 { break }
            position += closer
        }
        return index..<position
    }

    /// The length of a closing quote or bracket at `index`: ” ’ " ' ) ] » ›, else 0.
    static func closerLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        let byte = bytes[index]
        if byte == UInt8(ascii: ")") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            return 1
        }
        if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80,
           bytes[index + 2] == 0x9D || bytes[index + 2] == 0x99 || bytes[index + 2] == 0xBA {
            return 3
        }
        if byte == 0xC2, index + 1 < end, bytes[index + 1] == 0xBB { return 2 }
        return 0
    }

    /// Whether the terminator `run` ends the sentence that began at `sentenceStart`.
    static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>, run: Range<Int>, sentenceStart: Int,
                             contentStart: Int, end: Int) -> Bool {
        if run.upperBound >= end { return true }
        guard UTF8Scan.isSpace(bytes, at: run.upperBound, end: end) else { return false }
        let next = skipSpace(bytes, from: run.upperBound, end: end, lineBreaks: true)
        guard next < end else { return true }
        let terminator = bytes[run.lowerBound]
        if terminator == UInt8(ascii: ";") { return true }
        // The word right before the run, back to white space or an opening quote or bracket.
        var tokenStart = run.lowerBound
        while tokenStart > sentenceStart {
            let previous = UTF8Scan.previousStart(bytes, before: tokenStart, start: sentenceStart)
            if UTF8Scan.isSpace(bytes, at: previous, end: end) || isOpener(bytes, at: previous, end: end) { break }
            tokenStart = previous
        }
        let token = String(decoding: UnsafeBufferPointer(rebasing: bytes[tokenStart..<run.lowerBound]), as: UTF8.self)
        let singleDot = run.count == 1 || (closerOnly(bytes, from: run.lowerBound + 1, to: run.upperBound, end: end))
        let isPlainDot = singleDot && terminator == UInt8(ascii: ".")
        if UTF8Scan.isLowercaseLetter(bytes, at: next, end: end) {
            // "v.v. và", "… trong", "gia đình!” được": a lower-case word continues the sentence,
            // except after a plain word and a bare stop ("… (có kế hoạch cụ thể). thời gian").
            guard run.count == 1, terminator == UInt8(ascii: "."), !token.isEmpty, !token.contains("."), token.unicodeScalars.count >= 2,
                  !isListed(token, in: nonFinalWords), !isListed(token, in: signatureWords) else { return false }
            return true
        }
        guard isPlainDot else { return true }
        if isListed(token, in: nonFinalWords) { return false }
        // A dotted word ("GS.TS"): its last part counts. No "." byte, no "." character.
        if token.utf8.contains(UInt8(ascii: ".")), let lastDot = token.lastIndex(of: "."),
           isListed(String(token[token.index(after: lastDot)...]), in: nonFinalWords) {
            return false
        }
        let previous = previousWord(bytes, before: tokenStart, sentenceStart: sentenceStart)
        // A single capital letter is an initial or a place abbreviation ("P. Bến Nghé", "Nguyễn V. An"),
        // except the roman numerals I, V, X after a lower-case word ("khóa X.", "Đại hội V.").
        if token.unicodeScalars.count == 1, let scalar = token.unicodeScalars.first, scalar.properties.isUppercase {
            let isRoman = scalar == "I" || scalar == "V" || scalar == "X"
            if !isRoman { return false }
            if let previous, previous.range.lowerBound < tokenStart,
               UTF8Scan.isUppercaseLetter(bytes, at: previous.range.lowerBound, end: end) { return false }
        }
        // "Điều 5. Quy định chung": an article or part number is not a sentence of its own.
        if let previous, previous.range.lowerBound == sentenceStart, numberedDivisions.contains(previous.word),
           token.utf8.allSatisfy({ UTF8Scan.isDigit($0) }) || Numbering.romanValue(token.utf8) != nil {
            return false
        }
        // "TM. BAN THƯỜNG VỤ", "KT. CHỦ TỊCH" at the start of a line or of a sentence.
        if isListed(token, in: signatureWords),
           tokenStart == sentenceStart || lineStartsAt(bytes, tokenStart, contentStart: contentStart) { return false }
        return true
    }

    /// Words that number divisions of a legal text: "Điều 5.", "Khoản 2.", "Chương II.".
    static let numberedDivisions: Set<String> = ["Điều", "Khoản", "Điểm", "Mục", "Chương", "Phần"]

    /// The word that ends before the white space preceding `index`, within the sentence.
    private static func previousWord(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int,
                                     sentenceStart: Int) -> (word: String, range: Range<Int>)? {
        var wordEnd = index
        while wordEnd > sentenceStart, bytes[wordEnd - 1] == 0x20 || bytes[wordEnd - 1] == 0x09 { wordEnd -= 1 }
        guard wordEnd < index, wordEnd > sentenceStart else { return nil }
        var wordStart = wordEnd
        while wordStart > sentenceStart {
            let previous = UTF8Scan.previousStart(bytes, before: wordStart, start: sentenceStart)
            if UTF8Scan.isSpace(bytes, at: previous, end: wordEnd) { break }
            wordStart = previous
        }
        let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]), as: UTF8.self)
        return (word, wordStart..<wordEnd)
    }

    /// Whether `from..<to` holds only closing quotes and brackets.
    private static func closerOnly(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int, end: Int) -> Bool {
        var index = from
        while index < to {
            let length = closerLength(bytes, at: index, end: end)
            if length == 0 { return false }
            index += length
        }
        return true
    }

    /// Whether only white space lies between the line's start (or the content's start) and `index`.
    private static func lineStartsAt(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, contentStart: Int) -> Bool {
        var position = index
        while position > contentStart {
            let byte = bytes[position - 1]
            if byte == 0x0A || byte == 0x0D { return true }
            if byte != 0x20 && byte != 0x09 { return false }
            position -= 1
        }
        return true
    }

    /// Whether an opening quote or bracket is at `index`: “ ‘ ( [ « ‹ " '.
    static func isOpener(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        let byte = bytes[index]
        if byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
            return true
        }
        if byte == 0xE2, index + 2 < end, bytes[index + 1] == 0x80,
           bytes[index + 2] == 0x9C || bytes[index + 2] == 0x98 || bytes[index + 2] == 0xB9 {
            return true
        }
        return byte == 0xC2 && index + 1 < end && bytes[index + 1] == 0xAB
    }

    /// Whether `byte` may start a terminator: . ! ? the lead byte of "…", and ; when it splits.
    static func mayStartTerminator(_ byte: UInt8, semicolon: Bool) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "!") || byte == UInt8(ascii: "?") || byte == 0xE2
            || (semicolon && byte == UInt8(ascii: ";"))
    }

    /// ``mayStartTerminator(_:semicolon:)`` in each lane.
    @inline(__always)
    static func terminatorLeadLanes(_ bytes: ByteVectors.Vector, semicolon: Bool) -> ByteVectors.Mask {
        typealias V = ByteVectors
        let lanes = bytes .== V.splat(UInt8(ascii: ".")) .| bytes .== V.splat(UInt8(ascii: "!"))
            .| bytes .== V.splat(UInt8(ascii: "?")) .| bytes .== V.splat(0xE2)
        return semicolon ? lanes .| bytes .== V.splat(UInt8(ascii: ";")) : lanes
    }

    /// Whether `byte` may start a quote or bracket mark: ( ) [ ] " and the lead bytes 0xE2 and 0xC2
    /// of the curly quotes and guillemets. In valid UTF-8 no other byte starts one.
    static func mayStartSpanMark(_ byte: UInt8) -> Bool {
        byte == 0x28 || byte == 0x29 || byte == 0x5B || byte == 0x5D || byte == 0x22 || byte == 0xE2 || byte == 0xC2
    }

    /// ``mayStartSpanMark(_:)`` in each lane.
    @inline(__always)
    static func spanByteLanes(_ bytes: ByteVectors.Vector) -> ByteVectors.Mask {
        typealias V = ByteVectors
        return bytes .== V.splat(0x28) .| bytes .== V.splat(0x29) .| bytes .== V.splat(0x5B) .| bytes .== V.splat(0x5D)
            .| bytes .== V.splat(0x22) .| bytes .== V.splat(0xE2) .| bytes .== V.splat(0xC2)
    }

    /// The outermost balanced quote and bracket spans of the content, sorted: “…”, ‘…’, «…», (…),
    /// […], and straight "…" taken in pairs. An opener without its closer protects nothing.
    static func protectedSpans(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> [Range<Int>] {
        var spans: [Range<Int>] = []
        var stack: [(kind: UInt8, position: Int)] = []
        var straightOpen: Int?
        var index = start
        var lookEnd = start
        while index < end {
            if index >= lookEnd {
                // Stretches without any of those bytes are passed sixteen bytes at a time.
                index = ByteVectors.skipUnflagged(bytes, from: index, to: end) { bytes, _ in spanByteLanes(bytes) }
                lookEnd = ByteVectors.lookEnd(from: index, end: end)
            }
            let byte = bytes[index]
            guard mayStartSpanMark(byte) else {
                index += 1
                continue
            }
            var width = 1
            var open: UInt8 = 0, close: UInt8 = 0
            switch byte {
            case UInt8(ascii: "("): open = 1
            case UInt8(ascii: ")"): close = 1
            case UInt8(ascii: "["): open = 2
            case UInt8(ascii: "]"): close = 2
            case UInt8(ascii: "\""):
                if let opened = straightOpen {
                    spans.append(opened..<index + 1)
                    straightOpen = nil
                } else {
                    straightOpen = index
                }
            case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80:
                width = 3
                switch bytes[index + 2] {
                case 0x9C: open = 3
                case 0x9D: close = 3
                case 0x98: open = 4
                case 0x99: close = 4
                default: break
                }
            case 0xC2 where index + 1 < end:
                width = 2
                if bytes[index + 1] == 0xAB { open = 5 } else if bytes[index + 1] == 0xBB { close = 5 }
            default:
                break  // a lead byte of another scalar: its continuation bytes match nothing above
            }
            if open != 0 {
                stack.append((open, index))
            } else if close != 0, let matched = stack.lastIndex(where: { $0.kind == close }) {
                // ’ doubles as an apostrophe: close only a ‘ that is open.
                spans.append(stack[matched].position..<index + width)
                stack.removeSubrange(matched...)
            }
            index += width
        }
        spans.sort { $0.lowerBound < $1.lowerBound }
        var outer: [Range<Int>] = []
        for span in spans {
            if let last = outer.last, span.lowerBound < last.upperBound {
                if span.upperBound > last.upperBound { outer[outer.count - 1] = last.lowerBound..<span.upperBound }
            } else {
                outer.append(span)
            }
        }
        return outer
    }

    // MARK: - Bytes

    /// The first index at or after `index` that is not white space (line breaks too when asked).
    static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, end: Int, lineBreaks: Bool = false) -> Int {
        var position = index
        while position < end {
            let step = UTF8Scan.horizontalSpace(bytes, at: position, end: end)
            if step > 0 { position += step; continue }
            let byte = bytes[position]
            if byte == 0x0B || byte == 0x0C || (lineBreaks && (byte == 0x0A || byte == 0x0D)) {
                position += 1
                continue
            }
            return position
        }
        return position
    }

    /// The end of `start..<end` without trailing white space.
    static func trimEnd(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var position = end
        while position > start {
            let previous = UTF8Scan.previousStart(bytes, before: position, start: start)
            guard UTF8Scan.isSpace(bytes, at: previous, end: position) else { break }
            position = previous
        }
        return position
    }

    /// The index of the last byte that is not a closing quote or bracket (the content's last byte otherwise).
    static func lastSignificant(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var position = end
        while position > start {
            let previous = UTF8Scan.previousStart(bytes, before: position, start: start)
            if closerLength(bytes, at: previous, end: end) == 0 { return position - 1 }
            position = previous
        }
        return end - 1
    }

    /// Whether the paragraph so far ends a clause: . ! ? ; : or an ellipsis before closing quotes.
    static func endsClause(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        guard start < end else { return false }
        let last = bytes[lastSignificant(bytes, start: start, end: end)]
        return last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")
            || last == UInt8(ascii: ";") || last == UInt8(ascii: ":") || endsWithEllipsis(bytes, start: start, end: end)
    }

    /// Whether `start..<end` ends with "…" before any closing quotes.
    private static func endsWithEllipsis(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
        let last = lastSignificant(bytes, start: start, end: end)
        return last - 2 >= start && bytes[last] == 0xA6 && bytes[last - 1] == 0x80 && bytes[last - 2] == 0xE2
    }
}
