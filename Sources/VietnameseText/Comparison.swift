// VietnameseText: comparison phrases. Finds where a report sets a result against a baseline or a target ("tăng 12,5% so với cùng kỳ", "đạt 105% kế hoạch").
import PCRE2

/// The kind of comparison a phrase makes.
public enum ComparisonKind: String, Sendable, Hashable, Codable {
    /// "so với ..." against a baseline.
    case comparedWith
    /// "so cùng kỳ", "so với cùng kỳ": against the same period of an earlier year.
    case samePeriod
    /// "tăng 12,5%", "tăng thêm 320 đoàn viên".
    case increase
    /// "giảm 3%", "giảm 2 vụ".
    case decrease
    /// "đạt 98,7% kế hoạch", "đạt 105% chỉ tiêu".
    case achieved
    /// "vượt 15% chỉ tiêu", "vượt kế hoạch".
    case exceeded
    /// "bằng 95% so với năm trước".
    case proportion
    /// "gấp 2,5 lần".
    case multiple
    /// "hoàn thành 12/15 chỉ tiêu", "hoàn thành 100% nhiệm vụ".
    case completed
}

/// One comparison phrase in report text.
public struct Comparison: Sendable, Hashable {
    /// What the phrase compares.
    public let kind: ComparisonKind
    /// UTF-8 byte range of the phrase, through the end of its figure.
    public let range: Range<Int>
    /// The figure the phrase gives ("12,5%" in "tăng 12,5%"), when it gives one.
    public let figure: Figure?
    /// UTF-8 byte range of what the result is compared with: the target ("kế hoạch", "chỉ tiêu
    /// Nghị quyết") or the baseline after "so với" ("cùng kỳ năm 2019"), up to the end of the clause.
    public let reference: Range<Int>?
}

/// Finds comparison phrases in NFC Vietnamese report text.
public enum ComparisonScanner {
    // Words that may stand between a verb and its figure: "tăng hơn 10%", "đạt gần 98%".
    private static let approx = #"(?:(?:hơn|trên|gần|khoảng|xấp\s+xỉ|thêm|được|lên|xuống|đi|tới|đến|mức)\s+){0,2}"#
    private static let number = #"(\d+(?:[.,]\d+)*)"#
    private static let target = #"((?:kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|nhiệm\s+vụ|KH)(?![\p{L}\p{N}]))"#

    // Group 1 is the figure's first digit, group 2 where the reference starts; `(?|` numbers every
    // alternative alike. At one position the first alternative wins, so the longer phrases come first.
    private static let phrasePattern = try! Pattern(
        #"""
        (?|
          (*MARK:proportion) \bbằng\s+\#(approx)\#(number)\s?%(?:\s*so\s+với|\s*so(?=\s+cùng))?(?=\s*(\S))
        | (*MARK:completed) \bhoàn\s+thành\s+(?:vượt\s+mức\s+|vượt\s+)?\#(approx)\#(number)(?:\s?/\s?\d+|\s?%)?
            \s+(?:số\s+)?\#(target)
        | (*MARK:achieved) \bđạt\s+(?:tỷ\s+lệ\s+|tỉ\s+lệ\s+)?\#(approx)\#(number)\s?%\s*(?:so\s+với\s+)?\#(target)
        | (*MARK:exceeded) \bvượt\s+(?:mức\s+)?(?:\#(approx)\#(number)\s?%?\s*)?(?:so\s+với\s+)?\#(target)
        | (*MARK:multiple) \bgấp\s+\#(approx)\#(number)\s+lần
        | (*MARK:increase) \btăng\s+\#(approx)\#(number)
        | (*MARK:decrease) \bgiảm\s+\#(approx)\#(number)
        | (*MARK:samePeriod) \bso\s+(?:với\s+)?()(cùng\s+kỳ)(?![\p{L}])
        | (*MARK:comparedWith) \bso\s+với()(?=\s+(\S))
        )
        """#,
        options: [.caseless, .extended])

    /// Every comparison phrase in `text`, in text order.
    public static func scan(_ text: String) -> [Comparison] {
        let figures = FigureScanner.scan(text)
        var figureAt: [Int: Figure] = [:]
        for figure in figures { figureAt[figure.range.lowerBound] = figure }
        var result: [Comparison] = []
        var text = text
        text.withUTF8 { bytes in
            try? phrasePattern.forEachMatch(inUTF8: bytes) { match in
                guard let mark = match.mark, let kind = ComparisonKind(rawValue: mark) else { return true }
                let figure = match.groups[1].flatMap { $0.isEmpty ? nil : figureAt[$0.lowerBound] }
                // "tăng", "giảm", "gấp" say nothing without their figure (a date, a document number).
                if figure == nil, [.increase, .decrease, .multiple, .proportion, .achieved].contains(kind) {
                    return true
                }
                let end = max(match.range.upperBound, figure?.range.upperBound ?? 0)
                let reference = match.groups[2].map { clause(from: $0.lowerBound, bytes: bytes) }
                result.append(Comparison(kind: kind, range: match.range.lowerBound..<end, figure: figure,
                                         reference: reference.flatMap { $0.isEmpty ? nil : $0 }))
                return true
            }
        }
        return result
    }

    /// From `start` to the end of the clause: the first of , ; : . ( ) ! ? or a line break, or eight words.
    private static func clause(from start: Int, bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var position = start, words = 0, end = start
        var inWord = false
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "(") || byte == UInt8(ascii: ")") || byte == UInt8(ascii: "!")
                || byte == UInt8(ascii: "?") || byte == 0x0A || byte == 0x0D {
                break
            }
            // A full stop ends the clause unless it groups digits ("năm 2.019" does not occur; "1.250" does).
            if byte == UInt8(ascii: "."),
               !(position > start && position + 1 < bytes.count && isDigit(bytes[position - 1]) && isDigit(bytes[position + 1])) {
                break
            }
            if byte == 0x20 || byte == 0x09 {
                if inWord { words += 1; inWord = false; if words == 8 { break } }
            } else {
                inWord = true
                end = position + 1
            }
            position += 1
        }
        // `end` is one past the last non-space byte, which may sit inside a multi-byte character.
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return start..<end
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
