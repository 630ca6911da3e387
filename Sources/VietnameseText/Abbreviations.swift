// VietnameseText: abbreviations. Finding union abbreviations in text, resolving ambiguous ones by context, and abbreviation/expansion equivalence.
import PCRE2

/// One abbreviation with its written forms and what it stands for.
public struct Abbreviation: Sendable, Hashable {
    /// The ways it is written, canonical first: ["CNVCLĐ", "CNVC-LĐ", "CN, VC, LĐ"].
    public let forms: [String]
    /// The usual reading: "công nhân, viên chức, lao động".
    public let expansion: String
    /// Other readings of an ambiguous abbreviation ("cao đẳng" for "CĐ"); empty when unambiguous.
    public let alternatives: [String]
    /// Where and how it is used, or how to tell the readings apart.
    public let note: String

    /// Creates an entry.
    public init(_ forms: [String], _ expansion: String, alternatives: [String] = [], note: String = "") {
        self.forms = forms
        self.expansion = expansion
        self.alternatives = alternatives
        self.note = note
    }

    /// Whether the abbreviation has more than one reading.
    public var isAmbiguous: Bool { !alternatives.isEmpty }

    /// Every reading, the usual one first.
    public var expansions: [String] { [expansion] + alternatives }

    /// The canonical form.
    public var canonicalForm: String { forms[0] }
}

/// An abbreviation found in a text.
public struct AbbreviationMention: Sendable, Hashable {
    /// UTF-8 byte range of the abbreviation as written.
    public let range: Range<Int>
    /// The text as written ("CNVC-LĐ", "CN,VC,LĐ").
    public let text: String
    /// The lexicon entry.
    public let abbreviation: Abbreviation
    /// The reading that fits here: the usual one, or an alternative chosen by context.
    public let expansion: String
    /// Whether the reading was decided by context (always true for unambiguous entries; false
    /// when an ambiguous abbreviation fell back to its usual reading for want of clues).
    public let isCertain: Bool
}

/// A written form and one of its readings, for matchers that treat the two as equal.
public struct AbbreviationPair: Sendable, Hashable {
    /// The abbreviation as written: "CĐCS".
    public let form: String
    /// What it stands for: "Công đoàn cơ sở".
    public let expansion: String
}

/// The union and administrative abbreviation lexicon (data in AbbreviationData.swift).
///
/// Matching is one pass of one PCRE2 alternation compiled once: case-sensitive, whole words
/// (no letter or digit on either side), longest form first. Text is expected in NFC.
public enum AbbreviationLexicon {
    /// Every (form, reading) pair of the lexicon, alternatives included, in lexicon order.
    public static let pairs: [AbbreviationPair] = entries.flatMap { entry in
        entry.forms.flatMap { form in entry.expansions.map { AbbreviationPair(form: form, expansion: $0) } }
    }

    /// The entry written as `form` (exactly, case-sensitive), or `nil`.
    public static func entry(for form: String) -> Abbreviation? {
        byForm[form].map { entries[$0] }
    }

    /// Every reading of `form`, the usual one first; empty when the form is not in the lexicon.
    public static func expansions(of form: String) -> [String] {
        entry(for: form)?.expansions ?? []
    }

    /// Every written form whose readings include `expansion`, compared without regard to case
    /// and runs of white space ("công đoàn cơ sở" gives ["CĐCS"]).
    public static func forms(ofExpansion expansion: String) -> [String] {
        formsByExpansion[foldKey(expansion)] ?? []
    }

    /// Whether `form` (an abbreviation as written) may stand for `phrase`.
    public static func isEquivalent(form: String, phrase: String) -> Bool {
        let key = foldKey(phrase)
        return expansions(of: form).contains { foldKey($0) == key }
    }

    /// Every abbreviation in `text`, in order, with the reading that fits its context.
    public static func mentions(in text: String) -> [AbbreviationMention] {
        var copy = text
        return copy.withUTF8 { mentions(inUTF8: $0) }
    }

    /// Every abbreviation in valid UTF-8 `bytes`, in order.
    public static func mentions(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [AbbreviationMention] {
        var result: [AbbreviationMention] = []
        // The pattern is built from the lexicon and compiled once; matching cannot fail on valid
        // UTF-8 except at the match limits, where the mentions found so far are returned.
        CandidateScan.forEachMatch(pattern, inUTF8: bytes, candidates: candidates(in: bytes)) { match in
            guard let mark = match.mark, let index = Int(mark) else { return }
            let entry = entries[index]
            let range = match.range
            let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            guard let (expansion, certain) = AbbreviationContext.resolve(entry, range: range, in: bytes) else {
                return
            }
            result.append(AbbreviationMention(range: range, text: written, abbreviation: entry,
                                              expansion: expansion, isCertain: certain))
        }
        return result
    }

    /// The offsets where a form may start: its first character, not after an ASCII letter or digit
    /// (the pattern's look-behind refuses every letter and digit), and followed by a byte that
    /// follows that character in some form. Most capitals of ordinary words ("Công", "Nghị") fail.
    static func candidates(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result: [Int] = []
        let count = bytes.count
        formStarts.firstBytes.withUnsafeBufferPointer { firstBytes in
            formStarts.pairs.withUnsafeBufferPointer { pairs in
                for index in 0..<count where firstBytes[Int(bytes[index])] {
                    if index > 0 {
                        let before = bytes[index - 1]
                        if before &- 0x30 < 10 || (before | 0x20) &- 0x61 < 26 { continue }
                    }
                    // The first character's last byte, and the byte after it.
                    var last = index
                    while last + 1 < count && bytes[last + 1] & 0xC0 == 0x80 { last += 1 }
                    let next = last + 1 < count ? Int(bytes[last + 1]) : 0
                    if pairs[Int(bytes[last]) << 8 | next] || pairs[Int(bytes[last]) << 8 | 0xFF] {
                        result.append(index)
                    }
                }
            }
        }
        return result
    }

    /// The first bytes of the forms; and, indexed by (last byte of a form's first character) << 8
    /// | (a byte that may follow that character), whether some form allows it, 0xFF standing for
    /// any byte after a one-character form. Characters sharing a last byte share entries: the
    /// test lets through a little more than it must, never less.
    static let formStarts: (firstBytes: [Bool], pairs: [Bool]) = {
        var firstBytes = [Bool](repeating: false, count: 256)
        var pairs = [Bool](repeating: false, count: 1 << 16)
        for entry in entries {
            for form in entry.forms {
                let scalars = Array(form.unicodeScalars)
                guard let first = scalars.first else { continue }
                let encoded = Array(String(first).utf8)
                firstBytes[Int(encoded[0])] = true
                let key = Int(encoded[encoded.count - 1]) << 8
                guard scalars.count > 1 else { pairs[key | 0xFF] = true; continue }
                switch scalars[1] {
                case ",", "-", "–":
                    // A separator matches spaces or tabs, then a comma or a dash ("-" or "–").
                    for byte in [0x20, 0x09, 0x2C, 0x2D, 0xE2] { pairs[key | byte] = true }
                case " ":
                    pairs[key | 0x20] = true
                    pairs[key | 0x09] = true
                default:
                    pairs[key | Int(String(scalars[1]).utf8.first!)] = true
                }
            }
        }
        return (firstBytes, pairs)
    }()

    // MARK: - Tables built once

    /// Form -> entry index.
    static let byForm: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            for form in entry.forms where table[form] == nil { table[form] = index }
        }
        return table
    }()

    /// Folded reading -> forms.
    static let formsByExpansion: [String: [String]] = {
        var table: [String: [String]] = [:]
        for pair in pairs {
            let key = foldKey(pair.expansion)
            if !(table[key]?.contains(pair.form) ?? false) { table[key, default: []].append(pair.form) }
        }
        return table
    }()

    /// Lower-cased with white space runs collapsed to one space and trimmed.
    static func foldKey(_ text: String) -> String {
        text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The regular expression source of one form: separators (", " "-" "–") match any of them
    /// with optional spaces; a space matches any run of spaces or tabs.
    static func patternSource(of form: String) -> String {
        var out = ""
        var pendingSeparator = false, pendingSpace = false
        func flush() {
            if pendingSeparator { out += "[ \\t]*[,\\-–][ \\t]*" } else if pendingSpace { out += "[ \\t]+" }
            pendingSeparator = false
            pendingSpace = false
        }
        for character in form {
            switch character {
            case ",", "-", "–": pendingSeparator = true
            case " ": pendingSpace = true
            default:
                flush()
                out += Pattern.escape(String(character))
            }
        }
        flush()
        return out
    }

    /// All forms, longest first, each marked with its entry index, as whole words; tried only at
    /// the offsets ``candidates(in:)`` lists, which hold every offset a form can start at.
    static let pattern = CandidateScan.tried(lexiconSource)

    /// The source of ``pattern`` before anchoring.
    static let lexiconSource: String = {
        var alternatives: [(form: String, index: Int)] = []
        for (index, entry) in entries.enumerated() {
            for form in entry.forms { alternatives.append((form, index)) }
        }
        alternatives.sort { $0.form.utf8.count != $1.form.utf8.count ? $0.form.utf8.count > $1.form.utf8.count : $0.index < $1.index }
        // Forms that start with different characters never match at the same offset, so grouping
        // them by first character (each group in the longest-first order) changes no match and
        // spares the matcher a try of every form: it picks the group by one character.
        var groups: [(first: String, branches: [String])] = []
        for alternative in alternatives {
            let first = String(alternative.form.unicodeScalars.first!)
            let source = patternSource(of: alternative.form)
            let head = Pattern.escape(first)
            precondition(source.hasPrefix(head), "AbbreviationLexicon: form \(alternative.form) starts with a separator")
            let branch = "(*MARK:\(alternative.index))" + source.dropFirst(head.count)
            if let slot = groups.firstIndex(where: { $0.first == first }) {
                groups[slot].branches.append(branch)
            } else {
                groups.append((first, [branch]))
            }
        }
        let body = groups.map { Pattern.escape($0.first) + "(?:" + $0.branches.joined(separator: "|") + ")" }
            .joined(separator: "|")
        return "(?<![\\p{L}\\p{N}])(?:" + body + ")(?![\\p{L}\\p{N}])"
    }()
}

/// Reads the words around an ambiguous abbreviation to choose its reading.
enum AbbreviationContext {
    /// Bytes looked at on each side of a mention.
    static let window = 48

    /// Words that mark a course of study when they stand right before the abbreviation ("bằng ĐH").
    static let educationBefore: Set<String> = ["bằng", "học", "hệ", "trường", "sau", "lên", "Trường", "Học"]
    /// Phrases that mark a course of study anywhere in the window.
    static let educationNearby = [
        "trình độ", "tốt nghiệp", "sinh viên", "giảng viên", "đại học", "cao đẳng", "trung cấp", "thạc sĩ",
        "tiến sĩ", "liên thông", "văn bằng", "học viên",
    ]
    /// Abbreviations that mark a course of study in the window (whole words, case-sensitive).
    static let educationTokens: Set<String> = ["TC", "THPT", "TCCN", "ThS", "TS", "SP"]
    /// Phrases that make "TC" mean tài chính.
    static let financeNearby = ["kinh phí", "thu, chi", "thu chi", "quyết toán", "ngân sách", "tài sản", "đoàn phí"]
    /// Words after "LĐ" that make it mean lãnh đạo.
    static let leadershipAfter: Set<String> = ["chủ chốt", "cơ quan", "đơn vị", "Ban", "cấp ủy", "cấp uỷ"]
    /// Words before "LĐ" that make it mean lãnh đạo.
    static let leadershipBefore: Set<String> = ["cán bộ", "Ban", "ban"]

    /// The reading of `entry` at `range` and whether context decided it, or `nil` when the
    /// match is not an abbreviation here ("PHẦN THỨ TƯ").
    static func resolve(_ entry: Abbreviation, range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>)
        -> (String, Bool)? {
        let form = entry.canonicalForm
        switch form {
        case "TW":
            let written = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            if written == "TƯ", let before = words(before: range.lowerBound, in: bytes, count: 1).last,
               before.lowercased() == "thứ" { return nil }
            return (entry.expansion, true)
        case "CĐ":
            if range.lowerBound > 0, bytes[range.lowerBound - 1] == UInt8(ascii: "/"),
               range.upperBound < bytes.count, bytes[range.upperBound] == UInt8(ascii: "-") {
                return ("Công điện", true)
            }
            return isEducation(range, in: bytes) ? ("cao đẳng", true) : (entry.expansion, false)
        case "ĐH":
            return isEducation(range, in: bytes) ? ("Đại học", true) : (entry.expansion, false)
        case "TC":
            if isEducation(range, in: bytes) { return ("trung cấp", true) }
            let nearby = windowText(range, in: bytes).lowercased()
            if financeNearby.contains(where: { nearby.contains($0) }) { return ("tài chính", true) }
            return (entry.expansion, false)
        case "LĐ":
            let after = words(after: range.upperBound, in: bytes, count: 2)
            let before = words(before: range.lowerBound, in: bytes, count: 2)
            let afterOne = after.first ?? "", afterTwo = after.prefix(2).joined(separator: " ")
            let beforeOne = before.last ?? "", beforeTwo = before.suffix(2).joined(separator: " ")
            if leadershipAfter.contains(afterOne) || leadershipAfter.contains(afterTwo)
                || leadershipBefore.contains(beforeOne) || leadershipBefore.contains(beforeTwo) {
                return ("lãnh đạo", true)
            }
            return (entry.expansion, false)
        default:
            return (entry.expansion, !entry.isAmbiguous)
        }
    }

    /// Whether the words around `range` speak of a course of study or a qualification.
    static func isEducation(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        if let before = words(before: range.lowerBound, in: bytes, count: 1).last,
           educationBefore.contains(before) { return true }
        let text = windowText(range, in: bytes)
        let lower = text.lowercased()
        if educationNearby.contains(where: { lower.contains($0) }) { return true }
        let tokens = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return tokens.contains { educationTokens.contains(String($0)) }
    }

    /// The text within ``window`` bytes of `range` on each side, the mention itself left out.
    static func windowText(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        var lower = max(0, range.lowerBound - window)
        while lower > 0 && bytes[lower] & 0xC0 == 0x80 { lower -= 1 }
        var upper = min(bytes.count, range.upperBound + window)
        while upper < bytes.count && bytes[upper] & 0xC0 == 0x80 { upper += 1 }
        let before = String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<range.lowerBound]), as: UTF8.self)
        let after = String(decoding: UnsafeBufferPointer(rebasing: bytes[range.upperBound..<upper]), as: UTF8.self)
        return before + " | " + after
    }

    /// Up to `count` words right before `offset` on the same line, in reading order.
    static func words(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [String] {
        let lower = max(0, offset - window)
        var start = lower
        while start < offset && bytes[start] & 0xC0 == 0x80 { start += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        return Array(cleanWords(line).suffix(count))
    }

    /// Up to `count` words right after `offset` on the same line.
    static func words(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>, count: Int) -> [String] {
        var upper = min(bytes.count, offset + window)
        while upper < bytes.count && bytes[upper] & 0xC0 == 0x80 { upper += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<upper]), as: UTF8.self)
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
        return Array(cleanWords(line).prefix(count))
    }

    /// The words of `line` without the punctuation around them ("vị," gives "vị").
    static func cleanWords(_ line: Substring) -> [String] {
        line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { word in
            let trimmed = word.drop(while: { !$0.isLetter && !$0.isNumber })
            let end = trimmed.lastIndex(where: { $0.isLetter || $0.isNumber })
            guard let end else { return nil }
            return String(trimmed[...end])
        }
    }
}
