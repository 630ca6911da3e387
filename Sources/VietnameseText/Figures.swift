// VietnameseText: figures. Finds the numbers a report gives as results ("1.250 đoàn viên", "98,7%", "2,3 tỷ đồng", "15/20 CĐCS").
import PCRE2

/// What a figure counts.
public enum FigureKind: String, Sendable, Hashable, Codable {
    /// A bare whole number: "35".
    case integer
    /// A bare number with a fractional part: "2,5".
    case decimal
    /// A percentage: "12,5%", "15 %", "98 phần trăm".
    case percent
    /// An amount of money: "5.060.000 đồng", "2,3 tỷ đồng", "500.000đ".
    case money
    /// A part of a whole: "15/20 CĐCS".
    case ratio
    /// A number of things named by a unit: "1.250 đoàn viên", "12 cuộc".
    case count
    /// A length of time: "10 năm", "3 tháng", "5 ngày". The review period is no result, so the
    /// engine does not count durations as figures.
    case duration

    /// Whether the figure states a result (everything but a duration).
    public var isResult: Bool { self != .duration }
}

/// A number given as a result in report text.
public struct Figure: Sendable, Hashable {
    /// What the figure counts.
    public let kind: FigureKind
    /// UTF-8 byte range of the figure with its sign, magnitude word, currency and unit.
    public let range: Range<Int>
    /// The value: magnitude words applied ("2,3 tỷ" = 2.3e9); a percentage as written (12.5 for
    /// "12,5%"); a ratio as numerator divided by denominator.
    public let value: Double
    /// The unit or currency as written ("đoàn viên", "CĐCS", "đồng"), `nil` when there is none.
    public let unit: String?
    /// For a ratio, the numerator and denominator as written ("15/20" gives 15 and 20).
    public let numerator: Double?
    /// See ``numerator``.
    public let denominator: Double?

    /// Creates a figure.
    public init(kind: FigureKind, range: Range<Int>, value: Double, unit: String? = nil,
                numerator: Double? = nil, denominator: Double? = nil) {
        self.kind = kind
        self.range = range
        self.value = value
        self.unit = unit
        self.numerator = numerator
        self.denominator = denominator
    }
}

/// Finds figures in NFC Vietnamese report text.
///
/// Numbers follow Vietnamese style: "." groups thousands and "," marks decimals ("1.234.567",
/// "12,5%"). Not figures: dates and periods (see ``DateScanner``), document symbols ("20-NQ/TW",
/// "2444/KH-TLĐ", "Số: 15/BC-LĐLĐ"), numbers after document names ("Nghị quyết 20"), heading and
/// clause numbers ("1.2.", "mục 3"), ordinals ("lần thứ 10") and times ("8h30").
public enum FigureScanner {
    /// Units of time: a number of them is a duration.
    private static let timeUnits = ["ngày", "tháng", "năm", "tuần", "giờ", "phút", "quý"].map { Array($0.utf8) }

    /// Whether `unit`, as the pattern matched it, is one of ``timeUnits``. Its bytes are compared:
    /// a unit the pattern matched is spelt with the pattern's own (composed) characters, and seven
    /// short comparisons cost less than hashing the unit.
    static func isTimeUnit(_ unit: String) -> Bool {
        var unit = unit
        return unit.withUTF8 { unit in timeUnits.contains { $0.count == unit.count && $0.elementsEqual(unit) } }
    }

    /// Counting nouns of union reports that make a number a ``FigureKind/count``. Longer names
    /// come first so that "công đoàn cơ sở" wins over "công đoàn".
    static let units: [String] = [
        "công đoàn cơ sở vững mạnh", "công đoàn cơ sở", "tổ công đoàn", "nghiệp đoàn", "công đoàn viên",
        "công đoàn", "đoàn viên công đoàn", "đoàn viên", "CĐCS", "CNVCLĐ", "CNVC-LĐ", "CNVC", "CNLĐ", "NLĐ",
        "người lao động", "lao động", "công nhân", "viên chức", "công chức", "cán bộ công đoàn", "cán bộ",
        "đồng chí", "học viên", "đại biểu", "thành viên", "ủy viên", "uỷ viên", "hội viên", "cá nhân",
        "tập thể", "lượt người", "lượt", "người", "cuộc", "lớp", "buổi", "hội nghị", "hội thảo",
        "đơn vị", "doanh nghiệp", "cơ quan", "trường học", "trường", "xã", "phường", "huyện", "tỉnh",
        "khu công nghiệp", "KCN", "hộ", "suất", "phần quà", "phần", "căn nhà", "căn", "nhà", "mái ấm",
        "sáng kiến", "đề tài", "công trình", "mô hình", "câu lạc bộ", "CLB", "văn bản", "thỏa ước",
        "thoả ước", "TƯLĐTT", "bản", "vụ", "trường hợp", "ý kiến", "kiến nghị", "chỉ tiêu", "nhiệm vụ",
        "bằng khen", "giấy khen", "cờ thi đua", "đợt", "phiên", "kỳ", "lần", "ngày", "tháng", "năm",
        "tuần", "giờ", "phút", "tấn", "km", "ha", "m2", "m²", "tổ", "nhóm", "chi nhánh", "nữ",
    ]

    private static let magnitudes = "nghìn|ngàn|triệu|tỷ|tỉ"
    private static let unitAlternation = factoredAlternation(units)

    /// `words` as one alternation factored by their leading characters, "c(?:ông\\s+đoàn(?:…)?|…)",
    /// a space in a word matching any white space, for a caseless pattern. It matches what the words
    /// listed longest first would: where one word ends and others go on, the longer are tried first.
    /// PCRE2 tries a group's alternatives one by one, each from its first character: after a number,
    /// the hundred units listed cost 500 instructions, 300 factored.
    static func factoredAlternation(_ words: [String]) -> String {
        final class Node {
            var children: [(scalar: Unicode.Scalar, node: Node)] = []
            var ends = false
            /// The most characters below this node.
            var depth = 0
        }
        let root = Node()
        // Lower-cased: a caseless pattern matches a lower-case letter as it matches its capital.
        for word in words {
            let scalars = Array(word.lowercased().unicodeScalars)
            var node = root
            for (offset, scalar) in scalars.enumerated() {
                node.depth = max(node.depth, scalars.count - offset)
                if let child = node.children.first(where: { $0.scalar == scalar })?.node {
                    node = child
                } else {
                    let child = Node()
                    node.children.append((scalar, child))
                    node = child
                }
            }
            node.ends = true
        }
        func alternation(_ node: Node) -> String {
            let branches = node.children.sorted { $0.node.depth > $1.node.depth }.map { scalar, child in
                (scalar == " " ? "\\s+" : Pattern.escape(String(scalar))) + alternation(child)
            }
            if branches.isEmpty { return "" }
            if node.ends { return "(?:" + branches.joined(separator: "|") + ")?" }
            return branches.count == 1 ? branches[0] : "(?:" + branches.joined(separator: "|") + ")"
        }
        return alternation(root)
    }

    // Groups: 1 context that makes the number a non-figure, 2 a date preposition, 3 a number word,
    // 4 the number, 5 a ratio's denominator, 6 "%", 7 "phần trăm", 8 magnitude word, 9 currency, 10 unit.
    // Every match holds a digit or a magnitude word and starts at most a few words before it, at a
    // word start: the scan tries it only there (see ``CandidateScan``). Before a digit, only where
    // a context (group 1 or 2) may end: a new context must end with a word of
    // ``contextFinalWords``, ":" or "-", or that list must learn its last word. No context starts
    // with a digit, where most tries are: `(?!\d)` spares those its `\b` tests and alternations.
    private static let figurePattern = CandidateScan.Windowed(figureSource, options: figureOptions, guard: figureGuard)
    static let figureOptions: PatternOptions = [.caseless, .extended]
    // Every alternative starts a word: after `\b`, or behind a look-behind that refuses letters
    // and digits. The ASCII test first, it is the cheaper.
    static let figureGuard = #"(?<![A-Za-z0-9_])(?<![\p{L}\p{N}])"#
    static let figureSource =
        #"""
        (?:(?!\d)(?:
          (\b(?:ngày|tháng|quý|thứ|mục|điều|khoản|điểm|tiết|chương|phần\s+thứ|khóa|khoá|ngõ|hẻm|đường|phòng|tổ\s+dân\s+phố
             |(?:nghị\s+quyết|chỉ\s+thị|kết\s+luận|quyết\s+định|kế\s+hoạch|công\s+văn|thông\s+tư|nghị\s+định
                |hướng\s+dẫn|thông\s+báo|báo\s+cáo|văn\s+bản|luật|điều\s+lệ|tờ\s+trình|chương\s+trình\s+số)(?:\s+số)?
             |số\s*:|số\s+hiệu|điện\s+thoại|ĐT\s*:|fax\s*:|covid\s*-?)\s*)
        | (\b(?:trước|sau|đến|tới|từ|hạn|cuối|đầu|hôm)\s+)
        ))?
        (?<![\p{L}\p{N}_.,/])(?<![\p{L}\p{N}][\-/])
        (?:
          (một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?=\s+(?:\#(magnitudes))(?![\p{L}]))
        | (\d+(?:[.,]\d+)*)(?:/(\d+(?:[.,]\d+)*))?
        )
        (?![\p{N}])
        (?:[ \t\x{A0}]?(%)|\s+(phần\s+trăm)(?![\p{L}]))?
        (?:\s*(\#(magnitudes))(?![\p{L}\p{N}])(?!\s+lệ))?
        (?:\s*(đồng|VNĐ|VND|USD|đ)(?![\p{L}\p{N}])(?!/c(?![\p{L}]))(?!\s+chí))?
        (?:\s+(\#(unitAlternation))(?![\p{L}\p{N}]))?
        """#

    /// Every figure in `text`, in text order.
    public static func scan(_ text: String) -> [Figure] {
        scan(text, anchors: NumeralAnchors(text: text))
    }

    /// Every figure in `text`, whose anchors are already found.
    package static func scan(_ text: String, anchors: NumeralAnchors) -> [Figure] {
        scan(text, dated: DateScanner.scanAll(text, anchors: anchors), anchors: anchors)
    }

    /// Every figure in `text`, given the dates and periods ``DateScanner/scanAll(_:)`` found in it
    /// and the digits and magnitude words of `text`.
    static func scan(
        _ text: String, dated: (dates: [VietnameseDate], periods: [VietnameseDatePeriod]), anchors: NumeralAnchors
    ) -> [Figure] {
        let blocked = SortedRanges(dated.dates.map(\.range) + dated.periods.map(\.range))
        var figures: [Figure] = []
        var text = text
        text.withUTF8 { bytes in
            // Every match holds a digit, or a number word before a magnitude word ("hai triệu").
            let windows = figureWindows(bytes, anchors: anchors.checked(for: bytes))
            CandidateScan.forEachMatch(figurePattern, inUTF8: bytes, windows: windows) { match in
                if let figure = figure(match, bytes: bytes), !blocked.overlaps(figure.range) {
                    figures.append(figure)
                }
            }
        }
        return figures
    }

    /// Where a figure may start: a few words before each digit and magnitude word (group 1 or 2
    /// of the pattern, a context, may come first: "Nghị quyết số 20", "trước 15"), or at the
    /// digit itself when no context can end right before it, which is most digits.
    ///
    /// A digit where no number can start has no window: a match holding it ("1.250", "3/4", "120
    /// m2") holds the digit its number starts at, whose window covers the match.
    static func figureWindows(_ bytes: UnsafeBufferPointer<UInt8>, anchors: NumeralAnchors) -> [Range<Int>] {
        // A digit anchor's byte is an ASCII digit or the lead byte of another decimal digit (D9 and
        // up); a magnitude word's is a letter.
        func isDigit(_ anchor: Int) -> Bool { bytes[anchor] &- 0x30 < 10 || bytes[anchor] >= 0xD9 }
        let starts = anchors.all.filter { !isDigit($0) || numberMayStart(at: $0, in: bytes) }
        var memo = contextMemos.take()
        defer { contextMemos.put(memo) }
        return CandidateScan.windows(anchors: starts, in: bytes) { anchor in
            // A figure holding a digit starts at it, or at a context that ends right before it. A
            // magnitude word keeps its whole window: its number word ("hai triệu") stands before it.
            isDigit(anchor) && !contextMayEnd(before: anchor, in: bytes, memo: &memo)
        }
    }

    /// ``contextMayEnd(before:in:memo:)``'s answers by the letters they were asked of, kept from
    /// one text to the next: most digits follow one of a few words ("năm 2021", "đạt 98%").
    private static let contextMemos = MemoShelf(make: WordTable<Bool>.init) { $0.isHalfFull }

    /// Whether the pattern's look-behinds let a number start at the digit at `anchor`: not right
    /// after a letter, a digit, "_", ".", ",", "/", nor after "-" that follows a letter or a digit
    /// (`[\p{L}\p{N}]` as PCRE2 reads it with Unicode properties). "250" of "1.250", "19" of
    /// "Covid-19" and "2020" of "14/9/2020" start none; each would cost a try that skips 32
    /// characters and finds nothing.
    static func numberMayStart(at anchor: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func scalar(before index: Int) -> (value: UInt32, start: Int)? {
            guard index > 0 else { return nil }
            let start = UTF8Scan.previousStart(bytes, before: index, start: 0)
            let (value, _) = LetterTable.decode(bytes, at: start)
            return (value, start)
        }
        func isLetterOrNumber(_ value: UInt32) -> Bool {
            value < 0x80 ? NumeralByteClass.isASCIIAlphanumeric(UInt8(value)) : PhraseTokens.isLetterOrNumber(value)
        }
        guard let previous = scalar(before: anchor) else { return true }
        switch previous.value {
        case 0x5F, 0x2E, 0x2C, 0x2F:  // _ . , /
            return false
        case 0x2D:  // -
            guard let earlier = scalar(before: previous.start) else { return true }
            return !isLetterOrNumber(earlier.value)
        default:
            return !isLetterOrNumber(previous.value)
        }
    }

    /// The last word of each context of the pattern (groups 1 and 2). A context ends with one of
    /// them, then white space, or with ":" ("Số:", "ĐT:") or "-" ("Covid-"), then white space.
    static let contextFinalWords = [
        "ngày", "tháng", "quý", "thứ", "mục", "điều", "khoản", "điểm", "tiết", "chương", "khóa", "khoá", "ngõ",
        "hẻm", "đường", "phòng", "phố", "quyết", "thị", "luận", "định", "hoạch", "văn", "tư", "dẫn", "báo", "cáo",
        "bản", "luật", "lệ", "trình", "số", "hiệu", "thoại", "covid", "trước", "sau", "đến", "tới", "từ", "hạn",
        "cuối", "đầu", "hôm",
    ]
    /// One of ``contextFinalWords`` at the end of the subject, matched as the pattern matches them.
    private static let contextFinalWord: Pattern = {
        do {
            return try Pattern("(?:" + contextFinalWords.map(Pattern.escape).joined(separator: "|") + ")\\z", options: figureOptions)
        } catch {
            fatalError("FigureScanner: the context words do not compile: \(error)")
        }
    }()
    /// The most characters of a word of ``contextFinalWords``.
    private static let longestFinalWord = contextFinalWords.map(\.unicodeScalars.count).max() ?? 0

    /// Whether a context of the pattern may end right before `start` (white space allowed between):
    /// ":" or "-" there, or one of ``contextFinalWords`` in any case the pattern accepts. Only a
    /// "no" matters: a figure at `start` then starts at `start`.
    ///
    /// PCRE2's answers are kept in `memo` by the letters they were asked of.
    static func contextMayEnd(before start: Int, in bytes: UnsafeBufferPointer<UInt8>, memo: inout WordTable<Bool>) -> Bool {
        let end = CandidateScan.spacesStart(endingAt: start, in: bytes)
        guard end > 0 else { return false }
        let last = bytes[end - 1]
        if last == UInt8(ascii: ":") || last == UInt8(ascii: "-") { return true }
        // Every word ends with a letter, and every letter a caseless match accepts is a letter:
        // other ASCII is settled here. Other characters go to PCRE2, which knows its case folding.
        func isASCIINonLetter(_ byte: UInt8) -> Bool { byte < 0x80 && (byte | 0x20) &- 0x61 >= 26 }
        if isASCIINonLetter(last) { return false }
        var from = end
        for _ in 0..<longestFinalWord where from > 0 { from = UTF8Scan.previousStart(bytes, before: from, start: 0) }
        // The words are letters only, so a match lies after the last ASCII byte that is no letter:
        // the answer is a function of the bytes from there, which key the memo.
        if let stop = bytes[from..<end].lastIndex(where: isASCIINonLetter) { from = stop + 1 }
        return memo.entry(for: UnsafeBufferPointer(rebasing: bytes[from..<end])) { letters in
            var found = false
            do {
                try contextFinalWord.scan(inUTF8: letters, from: 0) { _ in
                    found = true
                    return nil
                }
            } catch {
                // A match that fails (at a limit) says nothing: the whole window is kept.
                return true
            }
            return found
        }.value
    }

    private static let numberWords: [String: Double] = [
        "một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
    ]

    private static func figure(_ match: MatchView, bytes: UnsafeBufferPointer<UInt8>) -> Figure? {
        if match[1] != nil { return nil }
        let end = match.range.upperBound
        // Glued to a letter or digit ("8h30", "20NQ"): not a figure.
        if end < bytes.count, NumeralByteClass.isWordByte(bytes, at: end) { return nil }

        let percent = match[6] != nil || match[7] != nil
        let magnitude = match[8].map { magnitudeValue(NumeralBytes.string(bytes, $0)) } ?? 1
        let currency = match[9].map { NumeralBytes.string(bytes, $0) }
        let unit = match[10].map { collapseSpaces(NumeralBytes.string(bytes, $0)) }
        let start = match[2]?.upperBound ?? match.range.lowerBound
        let range = start..<end

        if let wordRange = match[3] {
            let word = NumeralBytes.string(bytes, wordRange).lowercased()
            guard let base = numberWords[word] else { return nil }
            return make(value: base * magnitude, isDecimal: false, percent: false, currency: currency, unit: unit, range: range)
        }
        guard let numberRange = match[4] else { return nil }
        let core = numberRange.lowerBound..<(match[5]?.upperBound ?? numberRange.upperBound)

        // A document symbol: the number runs on into "-NQ/TW", "/KH-TLĐ", "/2020/NĐ-CP".
        if core.upperBound + 1 < bytes.count, bytes[core.upperBound] == UInt8(ascii: "/") || bytes[core.upperBound] == UInt8(ascii: "-"),
           NumeralByteClass.isLetterByte(bytes[core.upperBound + 1]) {
            return nil
        }
        // A heading number at the start of a line: "1.", "2.3.", "4)".
        let bare = !percent && match[8] == nil && currency == nil && unit == nil
        if bare, NumeralByteClass.startsLine(bytes, at: numberRange.lowerBound) {
            let next = core.upperBound < bytes.count ? bytes[core.upperBound] : 0
            if next == UInt8(ascii: ".") || next == UInt8(ascii: ")") { return nil }
        }
        let countable = unit != nil && match[8] == nil
        guard let number = VietnameseNumber.parse(bytes, numberRange, wholeCount: countable) else { return nil }
        // "1.2 Kết quả đạt được" at the start of a line is a heading, not the decimal 1.2.
        if bare, number.isDecimal, NumeralByteClass.startsLine(bytes, at: numberRange.lowerBound),
           bytes[numberRange].contains(UInt8(ascii: ".")) {
            return nil
        }

        if let denominatorRange = match[5] {
            guard let denominator = VietnameseNumber.parse(bytes, denominatorRange, wholeCount: true),
                  denominator.value > 0, !percent, currency == nil else { return nil }
            // "ngày 14/9", "trước 25/11": a day and month, not a ratio.
            if match[2] != nil, number.value >= 1, number.value <= 31, denominator.value >= 1, denominator.value <= 12 {
                return nil
            }
            return Figure(kind: .ratio, range: range, value: number.value / denominator.value, unit: unit,
                          numerator: number.value, denominator: denominator.value)
        }
        return make(value: number.value * magnitude, isDecimal: number.isDecimal, percent: percent,
                    currency: currency, unit: unit, range: range)
    }

    private static func make(value: Double, isDecimal: Bool, percent: Bool, currency: String?, unit: String?,
                             range: Range<Int>) -> Figure {
        if percent { return Figure(kind: .percent, range: range, value: value, unit: unit) }
        if let currency { return Figure(kind: .money, range: range, value: value, unit: currency) }
        if let unit {
            let kind: FigureKind = FigureScanner.isTimeUnit(unit) ? .duration : .count
            return Figure(kind: kind, range: range, value: value, unit: unit)
        }
        return Figure(kind: isDecimal ? .decimal : .integer, range: range, value: value)
    }

    private static func magnitudeValue(_ word: String) -> Double {
        switch word.lowercased() {
        case "nghìn", "ngàn": return 1e3
        case "triệu": return 1e6
        case "tỷ", "tỉ": return 1e9
        default: return 1
        }
    }

    private static func collapseSpaces(_ text: String) -> String {
        // A unit written with single spaces between its words (the usual case) is its own
        // collapsed form.
        var previous: UInt8 = 0x20  // a leading space counts as a run
        var simple = true
        for byte in text.utf8 {
            if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0xC2 || (byte == 0x20 && previous == 0x20) {
                simple = false
                break
            }
            previous = byte
        }
        if simple && previous != 0x20 { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{A0}" })
            .joined(separator: " ")
    }
}

/// Reads a number written in Vietnamese style ("1.234.567", "12,5") or, where unambiguous, English style.
enum VietnameseNumber {
    /// `value` followed by the digits of `range` (ASCII digits).
    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, after value: Double = 0) -> Double {
        var value = value
        for index in range { value = value * 10 + Double(bytes[index] - 0x30) }
        return value
    }

    /// `wholeCount`: the number counts whole things (people, unions), so "1,250" reads as 1250, not 1.25.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, wholeCount: Bool)
        -> (value: Double, isDecimal: Bool)?
    {
        let dot = UInt8(ascii: "."), comma = UInt8(ascii: ",")
        // Most numbers are one run of digits: no groups to split.
        if !bytes[range].contains(where: { $0 == dot || $0 == comma }) { return (Self.digits(bytes, range), false) }
        // Split into digit groups and the separators between them.
        var groups: [Range<Int>] = []
        var separators: [UInt8] = []
        var groupStart = range.lowerBound
        for index in range where bytes[index] == dot || bytes[index] == comma {
            groups.append(groupStart..<index)
            separators.append(bytes[index])
            groupStart = index + 1
        }
        groups.append(groupStart..<range.upperBound)

        func digits(_ parts: ArraySlice<Range<Int>>) -> Double? {
            parts.reduce(0.0) { value, part in Self.digits(bytes, part, after: value) }
        }
        func fraction(_ part: Range<Int>) -> Double {
            var value = 0.0, scale = 1.0
            for index in part {
                scale /= 10
                value += Double(bytes[index] - 0x30) * scale
            }
            return value
        }
        func thousands(_ parts: ArraySlice<Range<Int>>) -> Bool {
            guard let first = parts.first, (1...3).contains(first.count) else { return false }
            return parts.dropFirst().allSatisfy { $0.count == 3 }
        }

        let dots = separators.filter { $0 == dot }.count
        let commas = separators.count - dots
        if commas == 0 {
            // "1.234.567" groups thousands; a single "12.5" is an English decimal; "1.2.3" is no number.
            if thousands(groups[...]) { return digits(groups[...]).map { ($0, false) } }
            if dots == 1 { return digits(groups[0..<1]).map { ($0 + fraction(groups[1]), true) } }
            return nil
        }
        if dots == 0 {
            if commas == 1 {
                // "12,5" is a decimal; "1,250 đoàn viên" cannot be, so it groups thousands.
                if wholeCount, thousands(groups[...]) { return digits(groups[...]).map { ($0, false) } }
                return digits(groups[0..<1]).map { ($0 + fraction(groups[1]), true) }
            }
            if thousands(groups[...]) { return digits(groups[...]).map { ($0, false) } }
            return nil
        }
        // Both: Vietnamese "1.234,5" or English "1,234.5"; the last separator is the decimal mark.
        guard let last = separators.last, separators.dropLast().allSatisfy({ $0 != last }),
              thousands(groups.dropLast()) else { return nil }
        return digits(groups.dropLast()).map { ($0 + fraction(groups[groups.count - 1]), true) }
    }
}

/// Byte classes for scanning UTF-8 text around a match.
enum NumeralByteClass {
    /// Whether the character starting at `index` is a letter or digit (ASCII, or any non-ASCII
    /// character other than punctuation and spaces from General Punctuation and Latin-1).
    static func isWordByte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x80 { return isASCIIAlphanumeric(byte) }
        if byte == 0xC2 { return false }                            // U+0080...U+00BF: NBSP, «, », °, ...
        if byte == 0xE2, index + 1 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 {
            return false                                           // U+2000...U+207F: dashes, quotes, …
        }
        return byte >= 0xC3
    }

    /// Whether `byte` starts a letter: ASCII letter or the lead byte of a Latin letter with marks.
    static func isLetterByte(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0xC3 && byte <= 0xC6)
            || byte == 0xE1
    }

    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Whether only spaces and tabs stand between the start of the line and `index`.
    static func startsLine(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var position = index
        while position > 0 {
            let byte = bytes[position - 1]
            if byte == 0x0A || byte == 0x0D { return true }
            if byte == 0x20 || byte == 0x09 { position -= 1; continue }
            return false
        }
        return true
    }
}
