// VietnameseText: structure. Heading numbers (PHẦN, Chương, Mục, I., 1., 1.1., a)) and list bullets at the start of a line.
import PCRE2

/// The numbering marker or bullet that opens a line, e.g. "II. " in "II. NỘI DUNG".
public struct NumberingLabel: Sendable, Hashable {
    /// The family a marker belongs to.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// "PHẦN THỨ NHẤT", "Phần II", "PHẦN 1".
        case part
        /// "Chương II", "CHƯƠNG 3".
        case chapter
        /// "Mục 3", "MỤC II".
        case section
        /// Upper-case roman numerals I–XXXIX with a delimiter: "I.", "II/", "IV-", "IX)".
        case roman
        /// One arabic number with a delimiter: "1.", "1/", "1)", "1-", "(1)".
        case arabic
        /// Dotted numbers: "1.1.", "2.3.1".
        case multiLevel
        /// Upper-case letters A–N (not I): "A/", "B.", "C)".
        case upperLetter
        /// Lower-case letters in Vietnamese order: "a)", "b.", "đ)", "(c)".
        case lowerLetter
        /// A list bullet: "-", "–", "+", "*", "•", "◦", "▪" and kin.
        case bullet
    }

    /// The family of the marker.
    public let kind: Kind
    /// Bytes of white space before the marker.
    public let indent: Int
    /// Bytes of the marker itself, including the white space after it.
    public let length: Int
    /// The value of the marker: 2 for "II.", "b)" and "PHẦN THỨ HAI", the last number of "2.3.1";
    /// 0 for bullets.
    public let ordinal: Int
    /// Every number of the marker: [2, 3, 1] for "2.3.1", [ordinal] otherwise, [] for bullets.
    public let path: [Int]
    /// The marker as written, without surrounding white space: "II.", "1.1.", "PHẦN THỨ NHẤT", "-".
    public let marker: String

    /// Creates a label; ``Numbering/parse(line:)-(String)`` is the usual way to get one.
    public init(kind: Kind, indent: Int, length: Int, ordinal: Int, path: [Int], marker: String) {
        self.kind = kind
        self.indent = indent
        self.length = length
        self.ordinal = ordinal
        self.path = path
        self.marker = marker
    }

    /// The byte offset, from the start of the line, where the text after the marker begins.
    public var contentOffset: Int { indent + length }

    /// Whether the marker is a list bullet rather than a heading number.
    public var isBullet: Bool { kind == .bullet }

    /// A suggested heading level, 1 being the highest, `nil` for bullets:
    /// PHẦN 1, Chương 2, Mục 3, roman 4, arabic 5, dotted numbers 5 + depth - 1 (at most 8),
    /// upper-case letters 9, lower-case letters 10. Documents that use fewer families should be
    /// ranked relative to each other by the reader.
    public var level: Int? {
        switch kind {
        case .part: return 1
        case .chapter: return 2
        case .section: return 3
        case .roman: return 4
        case .arabic: return 5
        case .multiLevel: return min(8, 5 + path.count - 1)
        case .upperLetter: return 9
        case .lowerLetter: return 10
        case .bullet: return nil
        }
    }
}

/// Recognises heading numbers and bullets at the start of a line.
///
/// False positives are avoided on purpose: a marker needs its delimiter ("I." not "I tăng"),
/// white space or an upper-case letter after it ("V/v" and "đ/c" are not markers), arabic
/// numbers have at most 3 digits ("2019 là năm" is not), dotted numbers have parts of at most
/// 2 digits ("1.234 đoàn viên", "14.9.2020" are not) and without a final dot need an upper-case
/// word after them ("3.5 triệu đồng" is not); roman numerals are I, V, X only (C, D, L, M are
/// letters) up to XXXIX.
public enum Numbering {
    /// The label at the start of `line`, or `nil` when the line does not open with one.
    public static func parse(line: String) -> NumberingLabel? {
        var copy = line
        return copy.withUTF8 { parse(utf8: $0, from: 0, to: $0.count) }
    }

    /// The label at the start of `line`, or `nil`; offsets are relative to the substring's start.
    public static func parse(line: Substring) -> NumberingLabel? {
        var copy = line
        return copy.withUTF8 { parse(utf8: $0, from: 0, to: $0.count) }
    }

    /// The label at byte `start` of UTF-8 `bytes` (a line ending at `end`), or `nil`.
    /// `indent` of the result is counted from `start`.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> NumberingLabel? {
        let markerStart = UTF8Scan.skipHorizontalSpace(bytes, from: start, end: end)
        guard markerStart < end else { return nil }
        let scanner = Scanner(bytes: bytes, start: markerStart, end: end, indent: markerStart - start)
        let byte = bytes[markerStart]
        switch byte {
        case 0x30...0x39: return scanner.number()
        case UInt8(ascii: "("): return scanner.parenthesised()
        case UInt8(ascii: "P"), UInt8(ascii: "C"), UInt8(ascii: "M"):
            if let label = scanner.keyword() { return label }
            return scanner.letter()
        case UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"):
            return scanner.roman()
        default:
            if let label = scanner.bullet() { return label }
            return scanner.letter()
        }
    }

    /// The Vietnamese alphabet order used by lettered lists: a b c d đ e g h i k l m n o p q r s t u v x y.
    static let letterOrder: [String] = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n",
        "o", "p", "q", "r", "s", "t", "u", "v", "x", "y",
    ]

    /// "PHẦN THỨ NHẤT", "Chương II", "Mục 3": the keyword, then an ordinal word, roman or arabic
    /// number that is a whole word. What may follow is checked in code.
    static let keywordPattern: Pattern = {
        let ordinals = "nhất|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?:[ \\t]+(?:một|hai|ba|bốn|lăm|năm|sáu|bảy|tám|chín))?"
        let source = "^(?:(PHẦN|Phần)|(CHƯƠNG|Chương)|(MỤC|Mục))[ \\t]+"
            + "(?:(?i:thứ)[ \\t]+((?i:\(ordinals)))|([IVX]{1,6})|(\\d{1,3}))(?![\\p{L}\\p{N}])"
        do { return try Pattern(source) } catch { fatalError("Numbering.keywordPattern does not compile: \(error)") }
    }()

    /// Values of the ordinal words after "thứ".
    static let ordinalWords: [String: Int] = [
        "nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6,
        "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    ]

    /// The value of a canonical roman numeral made of I, V, X (1...39), or `nil`.
    static func romanValue<C: Collection>(_ letters: C) -> Int? where C.Element == UInt8 {
        var total = 0, previous = 0
        for letter in letters.reversed() {
            let value: Int
            switch letter {
            case UInt8(ascii: "I"): value = 1
            case UInt8(ascii: "V"): value = 5
            case UInt8(ascii: "X"): value = 10
            default: return nil
            }
            if value < previous { total -= value } else { total += value; previous = value }
        }
        guard total > 0, total < 40, romanString(total).utf8.elementsEqual(letters) else { return nil }
        return total
    }

    /// The canonical roman numeral of 1...39.
    static func romanString(_ value: Int) -> String {
        let ones = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        return String(repeating: "X", count: value / 10) + ones[value % 10]
    }

    /// The value of a Vietnamese ordinal word sequence ("nhất", "mười hai"), case-insensitive.
    static func ordinalValue(_ words: String) -> Int? {
        let parts = words.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard let first = parts.first, var value = ordinalWords[String(first)] else { return nil }
        if parts.count == 2 {
            let unit = parts[1] == "lăm" ? 5 : (ordinalWords[String(parts[1])] ?? 0)
            value += unit
        }
        return value
    }
}

/// The byte-level recogniser behind ``Numbering``: one instance per line start.
private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let start: Int
    let end: Int
    let indent: Int

    /// Builds the label for a marker ending (before trailing space) at `markerEnd`.
    func label(_ kind: NumberingLabel.Kind, markerEnd: Int, path: [Int]) -> NumberingLabel {
        let contentStart = UTF8Scan.skipHorizontalSpace(bytes, from: markerEnd, end: end)
        let marker = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<markerEnd]), as: UTF8.self)
        return NumberingLabel(
            kind: kind, indent: indent, length: contentStart - start,
            ordinal: path.last ?? 0, path: path, marker: marker)
    }

    /// Whether the marker may end at `index`: white space or the line's end follows, or, when
    /// `allowLetter`, an upper-case letter follows directly ("1.Mục đích", "II.NỘI DUNG").
    func acceptsEnd(at index: Int, allowLetter: Bool) -> Bool {
        if index >= end || UTF8Scan.isSpace(bytes, at: index, end: end) { return true }
        return allowLetter && UTF8Scan.isUppercaseLetter(bytes, at: index, end: end)
    }

    /// The length of an en or em dash at `index`, 0 otherwise.
    func dashLength(at index: Int) -> Int {
        guard index + 2 < end else { return 0 }
        if bytes[index] == 0xE2 && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94) {
            return 3
        }
        return 0
    }

    /// "1.", "1/", "1)", "1-", "1.1.", "2.3.1".
    func number() -> NumberingLabel? {
        var parts: [Int] = []
        var widths: [Int] = []
        var index = start
        while true {
            let runStart = index
            var value = 0
            while index < end, UTF8Scan.isDigit(bytes[index]), index - runStart < 4 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            let width = index - runStart
            guard width > 0, width <= 3 else { return nil }
            if index < end, UTF8Scan.isDigit(bytes[index]) { return nil }
            parts.append(value)
            widths.append(width)
            if index + 1 < end, bytes[index] == UInt8(ascii: "."), UTF8Scan.isDigit(bytes[index + 1]) {
                index += 1
                continue
            }
            break
        }
        if parts.count >= 2 {
            guard parts.count <= 5, widths.allSatisfy({ $0 <= 2 }) else { return nil }
            if index < end, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ")") {
                guard acceptsEnd(at: index + 1, allowLetter: true) else { return nil }
                return label(.multiLevel, markerEnd: index + 1, path: parts)
            }
            // Without a closing dot, "3.5 triệu" is a figure: an upper-case word must follow.
            let next = UTF8Scan.skipHorizontalSpace(bytes, from: index, end: end)
            guard next > index, UTF8Scan.isUppercaseLetter(bytes, at: next, end: end) else { return nil }
            return label(.multiLevel, markerEnd: index, path: parts)
        }
        guard index < end else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "."), UInt8(ascii: ")"):
            guard acceptsEnd(at: index + 1, allowLetter: true) else { return nil }
            return label(.arabic, markerEnd: index + 1, path: parts)
        case UInt8(ascii: "/"), UInt8(ascii: "-"):
            guard acceptsEnd(at: index + 1, allowLetter: false) else { return nil }
            return label(.arabic, markerEnd: index + 1, path: parts)
        default:
            let dash = dashLength(at: index)
            guard dash > 0, acceptsEnd(at: index + dash, allowLetter: false) else { return nil }
            return label(.arabic, markerEnd: index + dash, path: parts)
        }
    }

    /// "(1)", "(a)", "(đ)".
    func parenthesised() -> NumberingLabel? {
        var index = start + 1
        var value = 0
        let digitsStart = index
        while index < end, UTF8Scan.isDigit(bytes[index]), index - digitsStart < 3 {
            value = value * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        if index > digitsStart {
            guard index < end, bytes[index] == UInt8(ascii: ")"), acceptsEnd(at: index + 1, allowLetter: false)
            else { return nil }
            return label(.arabic, markerEnd: index + 1, path: [value])
        }
        guard let (scalar, width) = UTF8Scan.scalar(bytes, at: index, end: end),
              let ordinal = Numbering.letterOrder.firstIndex(of: String(scalar)) else { return nil }
        index += width
        guard index < end, bytes[index] == UInt8(ascii: ")"), acceptsEnd(at: index + 1, allowLetter: false)
        else { return nil }
        return label(.lowerLetter, markerEnd: index + 1, path: [ordinal + 1])
    }

    /// "I.", "II/", "IV-", "IX)", "IV - "; falls back to a letter marker ("V." is roman 5).
    func roman() -> NumberingLabel? {
        var index = start
        while index < end, index - start < 7,
              bytes[index] == UInt8(ascii: "I") || bytes[index] == UInt8(ascii: "V") || bytes[index] == UInt8(ascii: "X") {
            index += 1
        }
        guard let value = Numbering.romanValue(bytes[start..<index]) else { return nil }
        // A letter or digit glued to the numeral: a word ("IX2", "VIỆC"), not a marker.
        if UTF8Scan.isWordCharacter(bytes, at: index, end: end) { return nil }
        var delimiter = index
        // "IV - NHIỆM VỤ": one space before a dash is tolerated.
        if delimiter < end, bytes[delimiter] == 0x20,
           delimiter + 1 < end, bytes[delimiter + 1] == UInt8(ascii: "-") || dashLength(at: delimiter + 1) > 0 {
            delimiter += 1
        }
        guard delimiter < end else { return nil }
        switch bytes[delimiter] {
        case UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ")"), UInt8(ascii: "-"):
            guard acceptsEnd(at: delimiter + 1, allowLetter: true) else { return nil }
            return label(.roman, markerEnd: delimiter + 1, path: [value])
        default:
            let dash = dashLength(at: delimiter)
            guard dash > 0, acceptsEnd(at: delimiter + dash, allowLetter: true) else { return nil }
            return label(.roman, markerEnd: delimiter + dash, path: [value])
        }
    }

    /// "A/", "B.", "a)", "b.", "đ)". Upper-case A–N (not I, V, X: roman); lower-case any letter
    /// of the Vietnamese order with ")", only a–n with "." or "/" ("v.v." and "x." are not markers).
    func letter() -> NumberingLabel? {
        guard let (scalar, width) = UTF8Scan.scalar(bytes, at: start, end: end) else { return nil }
        let index = start + width
        guard index < end else { return nil }
        let delimiter = bytes[index]
        guard delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") || delimiter == UInt8(ascii: "/")
        else { return nil }
        let lower = String(scalar).lowercased()
        guard let position = Numbering.letterOrder.firstIndex(of: lower) else { return nil }
        let isUpper = scalar.properties.isUppercase
        if isUpper {
            guard position <= 12, lower != "i" else { return nil }
        } else if delimiter != UInt8(ascii: ")") {
            guard position <= 12 else { return nil }
        }
        guard acceptsEnd(at: index + 1, allowLetter: delimiter == UInt8(ascii: ")")) else { return nil }
        // "a)" must be followed by something or be the whole line; "A." before a lower-case word
        // is an initial in a sentence ("A. đã"), not a marker.
        let next = UTF8Scan.skipHorizontalSpace(bytes, from: index + 1, end: end)
        if delimiter != UInt8(ascii: ")"), UTF8Scan.isLowercaseLetter(bytes, at: next, end: end), isUpper {
            return nil
        }
        return label(isUpper ? .upperLetter : .lowerLetter, markerEnd: index + 1, path: [position + 1])
    }

    /// "-", "–", "—", "+", "*", "•", "◦", "▪", "●", "○", "■", "□", "➢", "►", "✓", "·" and the
    /// private-use bullets Word symbol fonts leave behind.
    func bullet() -> NumberingLabel? {
        let byte = bytes[start]
        if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") {
            // "-5%" or "--" are not bullets; "-Công tác" (no space) is.
            guard acceptsEnd(at: start + 1, allowLetter: true), start + 1 < end else { return nil }
            return label(.bullet, markerEnd: start + 1, path: [])
        }
        if byte == UInt8(ascii: "*") {
            guard start + 1 < end, acceptsEnd(at: start + 1, allowLetter: false) else { return nil }
            return label(.bullet, markerEnd: start + 1, path: [])
        }
        guard let (scalar, width) = UTF8Scan.scalar(bytes, at: start, end: end) else { return nil }
        switch scalar.value {
        case 0x2013, 0x2014:
            guard start + width < end, acceptsEnd(at: start + width, allowLetter: true) else { return nil }
            return label(.bullet, markerEnd: start + width, path: [])
        case 0x2022, 0x25E6, 0x25AA, 0x25CF, 0x25CB, 0x25A0, 0x25A1, 0x27A2, 0x25BA, 0x2713, 0x00B7,
             0x2043, 0x2219, 0xF0A7, 0xF0B7, 0xF0D8, 0xF076, 0xF0FC:
            return label(.bullet, markerEnd: start + width, path: [])
        default:
            return nil
        }
    }

    /// "PHẦN THỨ NHẤT", "Phần II", "Chương 3:", "Mục 1. Tuyên truyền".
    func keyword() -> NumberingLabel? {
        let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard let match = try? Numbering.keywordPattern.firstMatch(in: slice) else { return nil }
        let kind: NumberingLabel.Kind =
            match.groups[1] != nil ? .part : match.groups[2] != nil ? .chapter : .section
        let value: Int?
        if let words = match.groups[4] {
            value = Numbering.ordinalValue(String(decoding: UnsafeBufferPointer(rebasing: slice[words]), as: UTF8.self))
        } else if let roman = match.groups[5] {
            value = Numbering.romanValue(slice[roman])
        } else if let digits = match.groups[6] {
            value = Int(String(decoding: UnsafeBufferPointer(rebasing: slice[digits]), as: UTF8.self))
        } else {
            value = nil
        }
        guard let value else { return nil }
        // After the number: the line's end, a delimiter (".", ":", "-", "–"), or an upper-case title.
        var index = start + match.range.upperBound
        let afterSpace = UTF8Scan.skipHorizontalSpace(bytes, from: index, end: end)
        if afterSpace >= end || bytes[afterSpace] == 0x0D || bytes[afterSpace] == 0x0A {
            return label(kind, markerEnd: index, path: [value])
        }
        let delimiter = bytes[afterSpace]
        if delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ":") || delimiter == UInt8(ascii: "-") {
            index = afterSpace + 1
            guard acceptsEnd(at: index, allowLetter: true) else { return nil }
            return label(kind, markerEnd: index, path: [value])
        }
        let dash = dashLength(at: afterSpace)
        if dash > 0 {
            guard acceptsEnd(at: afterSpace + dash, allowLetter: true) else { return nil }
            return label(kind, markerEnd: afterSpace + dash, path: [value])
        }
        guard afterSpace > index, UTF8Scan.isUppercaseLetter(bytes, at: afterSpace, end: end) else { return nil }
        return label(kind, markerEnd: index, path: [value])
    }
}

extension Pattern {
    /// The first match in a buffer of valid UTF-8, offsets relative to the buffer.
    fileprivate func firstMatch(in buffer: UnsafeBufferPointer<UInt8>) throws -> Match? {
        var result: Match?
        try forEachMatch(inUTF8: buffer) { match in
            result = match
            return false
        }
        return result
    }
}
