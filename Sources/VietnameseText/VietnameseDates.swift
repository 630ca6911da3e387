// VietnameseText: dates and periods. Finds dates ("14/9/2020", "ngày 8 tháng 4 năm 2010", "quý III/2020"), periods and a report's own date line.
import PCRE2

/// A date written in Vietnamese report text; day and month are absent when the text gives only a month or a year.
public struct VietnameseDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Day of the month, 1...31, when written.
    public let day: Int?
    /// Month, 1...12, when written (a quarter gives its first month in ``quarter`` instead).
    public let month: Int?
    /// The four-digit year.
    public let year: Int
    /// Quarter 1...4 for "quý III/2020", otherwise `nil`.
    public let quarter: Int?
    /// UTF-8 byte range of the whole expression, including a leading "ngày", "tháng", "năm" or "quý".
    public let range: Range<Int>

    /// Creates a date; values are taken as given (the scanner validates them).
    public init(day: Int? = nil, month: Int? = nil, year: Int, quarter: Int? = nil, range: Range<Int>) {
        self.day = day
        self.month = month
        self.year = year
        self.quarter = quarter
        self.range = range
    }

    /// The earliest (year, month, day) this date can mean, for ordering and deadline checks.
    public var earliest: (year: Int, month: Int, day: Int) {
        (year, month ?? quarter.map { ($0 - 1) * 3 + 1 } ?? 1, day ?? 1)
    }

    /// The latest (year, month, day) this date can mean: "tháng 11/2020" ends on 30/11/2020.
    public var latest: (year: Int, month: Int, day: Int) {
        let lastMonth = month ?? quarter.map { $0 * 3 } ?? 12
        return (year, lastMonth, day ?? DateScanner.daysIn(month: lastMonth, year: year))
    }

    /// Orders by the earliest day meant, then by position in the text.
    public static func < (lhs: VietnameseDate, rhs: VietnameseDate) -> Bool {
        let left = lhs.earliest, right = rhs.earliest
        if (left.year, left.month, left.day) != (right.year, right.month, right.day) {
            return (left.year, left.month, left.day) < (right.year, right.month, right.day)
        }
        return lhs.range.lowerBound < rhs.range.lowerBound
    }

    /// "14/9/2020", "11/2007", "quý 3/2020" or "2020".
    public var description: String {
        if let quarter { return "quý \(quarter)/\(year)" }
        switch (day, month) {
        case let (day?, month?): return "\(day)/\(month)/\(year)"
        case let (nil, month?): return "\(month)/\(year)"
        default: return "\(year)"
        }
    }
}

/// A stretch of time: "2003 - 2008", "nhiệm kỳ 2018-2023", "từ tháng 1/2008 đến tháng 8/2008".
public struct VietnameseDatePeriod: Sendable, Hashable {
    /// Where the period starts.
    public let start: VietnameseDate
    /// Where the period ends (never before `start`).
    public let end: VietnameseDate
    /// UTF-8 byte range of the whole expression, including a leading "giai đoạn", "nhiệm kỳ" or "từ".
    public let range: Range<Int>
}

/// Finds dates and periods in NFC Vietnamese text; every range is in UTF-8 bytes of the text given.
public enum DateScanner {
    // One pattern, one alternative per written form, each tagged with a MARK. At one position the
    // first alternative wins, so the longer forms come first ("ngày 8 tháng 4 năm 2010" before
    // "năm 2010"). Branch reset `(?|` numbers the groups alike in every alternative:
    // 1 = day, 2 = month or quarter, 3 = year, 4 = end year of a period.
    // Every alternative holds a year, a run of exactly four digits, at most six white-space
    // separated pieces of at most 18 bytes after its start: the scan tries it only there (see
    // ``dateWindows(_:anchors:)``). A new form must keep to that, or widen the windows.
    private static let datePattern = CandidateScan.Windowed(dateSource, options: dateOptions, guard: dateGuard)
    static let dateOptions: PatternOptions = [.caseless, .extended]
    // A digit or the first letter of "giai đoạn", "nhiệm kỳ", "niên khóa", "năm", "ngày", "thời kỳ",
    // "từ", "tháng", "khóa", "quý" (caseless: upper case and the Kelvin sign too).
    static let dateGuard = #"(?=(?-i:[\dgntkqGNTKQ]|\x{212A}))"#
    static let dateSource =
        #"""
        (?|
          (*MARK:period)
          (?:(?:giai\s+đoạn|nhiệm\s+kỳ|thời\s+kỳ|niên\s+khóa|niên\s+khoá|khóa|khoá|từ\s+năm|năm)\s+)?
          (?<![\p{N}/.,\-])()()(\d{4})\s*[-–—]\s*(\d{4})(?![\p{N}])
        | (*MARK:period)
          từ\s+(?:năm\s+)?()()(\d{4})\s+(?:đến|tới)\s+(?:năm\s+)?(\d{4})(?![\p{N}])
        | (*MARK:words)
          ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s+năm\s+(\d{4})()(?![\p{N}])
        | (*MARK:numeric)
          (?:ngày\s+)?(?<![\p{N}/.,\-])(\d{1,2})\s?/\s?(\d{1,2})\s?/\s?(\d{4})()(?![\p{N}]|[/.\-]\p{N})
        | (*MARK:numeric)
          (?:ngày\s+)?(?<![\p{N}/.,\-])(\d{1,2})\.(\d{1,2})\.(\d{4})()(?![\p{N}]|[/.\-]\p{N})
        | (*MARK:numeric)
          (?:ngày\s+)?(?<![\p{N}/.,\-])(\d{1,2})-(\d{1,2})-(\d{4})()(?![\p{N}]|[/.\-]\p{N})
        | (*MARK:month)
          tháng\s+()(\d{1,2})(?:\s*,?\s+năm\s+|\s?[/.\-]\s?)(\d{4})()(?![\p{N}])
        | (*MARK:quarter)
          quý\s+()(IV|I{1,3}|[1-4])(?:\s*,?\s+năm\s+|\s?[/.\-]\s?)(\d{4})()(?![\p{N}])
        | (*MARK:year)
          năm\s+()()(\d{4})()(?![\p{N}]|\s*[-–—]\s*\d)
        )
        """#

    /// Every date in `text`, in text order. The two ends of a period are reported as dates too.
    public static func scan(_ text: String) -> [VietnameseDate] {
        scanAll(text).dates
    }

    /// Every period in `text`, in text order: year spans and "từ ... đến ..." between two dates.
    public static func periods(_ text: String) -> [VietnameseDatePeriod] {
        scanAll(text).periods
    }

    /// Dates and periods found in one pass over `text`.
    public static func scanAll(_ text: String) -> (dates: [VietnameseDate], periods: [VietnameseDatePeriod]) {
        scanAll(text, anchors: nil)
    }

    /// ``scanAll(_:)`` with the digits of `text` already found (nil: find them).
    static func scanAll(_ text: String, anchors: NumeralAnchors?) -> (dates: [VietnameseDate], periods: [VietnameseDatePeriod]) {
        var dates: [VietnameseDate] = []
        var periods: [VietnameseDatePeriod] = []
        var text = text
        text.withUTF8 { bytes in
            let windows = dateWindows(bytes, anchors: anchors?.checked(for: bytes) ?? NumeralAnchors(in: bytes))
            CandidateScan.forEachMatch(datePattern, inUTF8: bytes, windows: windows) { match in
                collect(match, bytes: bytes, dates: &dates, periods: &periods)
            }
            periods.append(contentsOf: spans(between: dates, bytes: bytes, known: periods))
        }
        periods.sort { $0.range.lowerBound < $1.range.lowerBound }
        return (dates, periods)
    }

    /// Where a date may start. Every alternative of the pattern holds a year, a run of exactly four
    /// digits, at most six words (white-space separated) after the date's start: "ngày 14 tháng 11 ,
    /// năm 2020", "ngày 14 / 9 / 2020".
    /// Pieces are at most 18 bytes: "14/11/" in four-byte digits.
    static func dateWindows(_ bytes: UnsafeBufferPointer<UInt8>, anchors: NumeralAnchors) -> [Range<Int>] {
        CandidateScan.windows(anchors: anchors.digitRuns(ofLength: 4, in: bytes), in: bytes, maxTokens: 6, tokenBytes: 18)
    }

    private static func collect(
        _ match: MatchView, bytes: UnsafeBufferPointer<UInt8>,
        dates: inout [VietnameseDate], periods: inout [VietnameseDatePeriod]
    ) {
        func number(_ index: Int) -> Int? {
            guard let range = match[index], !range.isEmpty else { return nil }
            return NumeralBytes.integer(bytes, range)
        }
        guard let year = number(3), validYear(year) else { return }
        switch match.mark {
        case "period":
            guard let endYear = number(4), validYear(endYear), endYear > year, endYear - year <= 30,
                  let first = match[3], let last = match[4] else { return }
            let start = VietnameseDate(year: year, range: first)
            let end = VietnameseDate(year: endYear, range: last)
            dates.append(start)
            dates.append(end)
            periods.append(VietnameseDatePeriod(start: start, end: end, range: match.range))
        case "quarter":
            guard let quarterRange = match[2] else { return }
            let quarter: Int
            switch NumeralBytes.upperASCII(bytes, quarterRange) {
            case "I", "1": quarter = 1
            case "II", "2": quarter = 2
            case "III", "3": quarter = 3
            case "IV", "4": quarter = 4
            default: return
            }
            dates.append(VietnameseDate(year: year, quarter: quarter, range: match.range))
        default:
            let month = number(2), day = number(1)
            if let month, !(1...12).contains(month) { return }
            if let day {
                guard let month, (1...daysIn(month: month, year: year)).contains(day) else { return }
            }
            dates.append(VietnameseDate(day: day, month: month, year: year, range: match.range))
        }
    }

    // "từ tháng 1/2008 đến tháng 8/2008": two neighbouring dates joined by "đến", "tới" or a dash.
    private static let joiner = try! Pattern(#"\A\s*(?:đến|tới|[-–—])\s*\z"#, options: .caseless)
    private static let opener = try! Pattern(#"(?:\b(?:từ|trong\s+thời\s+gian\s+từ)\s+)\z"#, options: .caseless)

    private static func spans(
        between dates: [VietnameseDate], bytes: UnsafeBufferPointer<UInt8>, known: [VietnameseDatePeriod]
    ) -> [VietnameseDatePeriod] {
        // The two ends of a year span ("2003 - 2008") are already a period.
        let taken = Set(known.map(\.start.range.lowerBound))
        var result: [VietnameseDatePeriod] = []
        var index = 0
        while index + 1 < dates.count {
            let first = dates[index], second = dates[index + 1]
            if taken.contains(first.range.lowerBound) { index += 2; continue }
            let gap = first.range.upperBound..<second.range.lowerBound
            guard gap.count > 0, gap.count <= 16,
                  (try? joiner.matches(NumeralBytes.string(bytes, gap))) == true,
                  !(second < first)
            else { index += 1; continue }
            // Include a leading "từ" when it sits right before the first date.
            var lookBack = max(0, first.range.lowerBound - 40)
            while lookBack < first.range.lowerBound, bytes[lookBack] & 0xC0 == 0x80 { lookBack += 1 }
            var start = first.range.lowerBound
            let before = NumeralBytes.string(bytes, lookBack..<first.range.lowerBound)
            if let hit = try? opener.firstMatch(in: before) { start = lookBack + hit.range.lowerBound }
            result.append(VietnameseDatePeriod(start: first, end: second, range: start..<second.range.upperBound))
            index += 2
        }
        return result
    }

    // MARK: The report's own date line

    // "Hà Nội, ngày 20 tháng 11 năm 2020": a place in capitals, a comma, then the date; the day or
    // the month may be left blank (spaces, dots, underscores, an ellipsis) to be written by hand.
    private static let headerPattern = try! Pattern(
        #"""
        (?<![\p{L}\p{N}])\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,5}[ \t]*,[ \t]*
        (?i:(?|
          (ngày)[ \t.…_]*(\d{1,2})?[ \t.…_]*tháng[ \t.…_]*(\d{1,2})?[ \t.…_]*năm[ \t]*(\d{4})
        | (ngày)[ \t]*(\d{1,2})/(\d{1,2})/(\d{4})
        | (ngày)[ \t]*(\d{1,2})\.(\d{1,2})\.(\d{4})
        | (ngày)[ \t]*(\d{1,2})-(\d{1,2})-(\d{4})
        ))(?![\p{N}])
        """#,
        options: [.extended])

    /// Dates that may open a sentence or clause of a chronicle ("Ngày 5/3", "Tháng 4/2005", "vào
    /// sáng ngày 8/3", "quý 2"): a day, month, quarter or part-of-year word and its number. Byte
    /// ranges in text order, not overlapping.
    public static func chronicleLeads(in text: String) -> [Range<Int>] {
        chronicleLeads(in: text, anchors: NumeralAnchors(text: text))
    }

    /// ``chronicleLeads(in:)`` of a text whose anchors are already found.
    package static func chronicleLeads(in text: String, anchors: NumeralAnchors) -> [Range<Int>] {
        var leads: [Range<Int>] = []
        var text = text
        text.withUTF8 { bytes in
            // The number follows spaces or tabs after "ngày", "tháng", "quý" or "năm": their last letters.
            let numbers = anchors.checked(for: bytes).digits.filter { start in
                var end = start
                while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
                guard end < start, end > 0 else { return false }
                switch bytes[end - 1] {
                case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "g"), UInt8(ascii: "G"), UInt8(ascii: "m"), UInt8(ascii: "M"):
                    return true
                case 0xBD, 0x9D: return end > 1 && bytes[end - 2] == 0xC3  // "ý", "Ý"
                default: return false
                }
            }
            let windows = CandidateScan.windows(anchors: numbers, in: bytes)
            CandidateScan.forEachMatch(chronicleLead, inUTF8: bytes, windows: windows) { leads.append($0.range) }
        }
        return leads
    }

    // At most four words ("vào sáng cuối tháng") stand before the number, which follows a word
    // ending in y, g, m or ý: the scan tries only there (see ``chronicleLeads(in:anchors:)``). A new
    // word must keep to that, or the filter there must learn its last letter.
    private static let chronicleLead = CandidateScan.Windowed(
        chronicleLeadSource, options: chronicleLeadOptions, guard: chronicleLeadGuard)
    static let chronicleLeadOptions: PatternOptions = [.caseless]
    // No letter or digit before, and the first letter of one of the words (caseless: "ſ" is an "s").
    static let chronicleLeadGuard = #"(?<![A-Za-z0-9])(?=(?-i:[vsctnqgđVSCTNQGĐ]|\x{17F}))"#
    static let chronicleLeadSource =
        #"(?<![\p{L}\p{N}])(?:vào[ \t]+)?(?:(?:sáng|chiều|tối)[ \t]+)?(?:ngày|tháng|đầu tháng|cuối tháng|giữa tháng|trong tháng|quý|đầu năm|cuối năm)[ \t]+\d{1,2}(?:[/.\-]\d{1,4}){0,2}"#

    /// The date of the report itself, from the place-and-date line of its administrative header
    /// ("Vĩnh Thuận, ngày  22  tháng 11 năm 2020"). A blank day gives month and year only; a blank
    /// month gives the year only. The range covers "ngày ... năm 2020", not the place.
    public static func documentDate(in headerText: String) -> VietnameseDate? {
        var headerText = headerText
        return headerText.withUTF8 { bytes -> VietnameseDate? in
            var found: VietnameseDate?
            try? headerPattern.forEachMatch(inUTF8: bytes) { match in
                found = headerDate(match, bytes: bytes)
                return found == nil
            }
            return found
        }
    }

    private static func headerDate(_ match: Match, bytes: UnsafeBufferPointer<UInt8>) -> VietnameseDate? {
        let groups = match.groups
        guard let word = groups[1] else { return nil }
        let numbers = (day: groups[2], month: groups[3], year: groups[4])
        guard let yearRange = numbers.year, let year = NumeralBytes.integer(bytes, yearRange), validYear(year) else {
            return nil
        }
        let month = numbers.month.flatMap { NumeralBytes.integer(bytes, $0) }
        let day = numbers.day.flatMap { NumeralBytes.integer(bytes, $0) }
        if let month, !(1...12).contains(month) { return nil }
        if let day {
            guard let month, (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        }
        return VietnameseDate(day: day, month: month, year: year, range: word.lowerBound..<match.range.upperBound)
    }

    // MARK: Calendar

    static func validYear(_ year: Int) -> Bool { (1900...2100).contains(year) }

    /// Days in `month` of `year` (Gregorian).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// Small byte helpers shared by the number, date and comparison scanners.
enum NumeralBytes {
    /// The decimal integer written by the ASCII digits in `range`; `nil` if any byte is not a digit.
    static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        guard !range.isEmpty, range.count <= 18 else { return nil }
        var value = 0
        for index in range {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The ASCII bytes of `range` upper-cased, as a String (for roman numerals and short codes).
    static func upperASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: bytes[range].map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }, as: UTF8.self)
    }

    /// The text of a byte range (which must start and end on character boundaries).
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
