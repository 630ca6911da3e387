// VietnameseText: fast scanning. Runs a pattern only near the bytes its matches hold (digits), in windows a byte scan finds.
import PCRE2

/// Runs a PCRE2 pattern only near the bytes every match holds, instead of at every character.
///
/// A pattern whose matches always hold a rare byte (a digit) wastes most of an unanchored scan
/// trying, and failing, at every other character. Here a byte scan lists *windows*: for each such
/// anchor byte, the stretch from the earliest offset a match holding it can start at, up to the
/// anchor. A ``Windowed`` pattern is compiled anchored (`\G`) behind a lazy skip of at most
/// ``Windowed/reach`` characters and `\K`, with an empty last alternative: one try finds the
/// leftmost match that starts within that many characters of the offset tried (an empty match
/// says there is none).
///
/// The matches are those of the unanchored, non-overlapping scan exactly when every match starts
/// inside a window: every offset between the previous match's end and the next match's start is
/// then either outside all windows (no match starts there) or tried in order by a lazy skip.
enum CandidateScan {
    /// A pattern compiled behind the skip, for ``forEachMatch(_:inUTF8:windows:_:)``.
    struct Windowed: @unchecked Sendable {
        /// The most characters one try skips before the match it reports.
        static let reach = 32
        let pattern: Pattern

        /// `source` (which must not match the empty string nor use `\K`) behind the skip.
        /// `guard`, an assertion true wherever a match of `source` can start, lets the skip pass
        /// other offsets without trying `source`.
        init(_ source: String, options: PatternOptions = [], guard: String = "") {
            // A newline ends a trailing `#` comment of an extended pattern before the group closes.
            let close = options.contains(.extended) ? "\n)|)" : ")|)"
            let skip = "\\G(?:(?s:.{0,\(Self.reach)}?)" + `guard` + "\\K(?:"
            do { pattern = try Pattern(skip + source + close, options: options) } catch {
                fatalError("CandidateScan: the anchored form of a built-in pattern does not compile: \(error)")
            }
        }
    }

    /// Calls `body` with each match of `windowed` that starts in one of `windows` (ascending,
    /// disjoint), in order and without overlap, read in place.
    static func forEachMatch(
        _ windowed: Windowed, inUTF8 bytes: UnsafeBufferPointer<UInt8>, windows: [Range<Int>], _ body: (MatchView) -> Void
    ) {
        guard let first = windows.first else { return }
        var window = 0
        // Matching valid UTF-8 fails only at the match limits; the matches found so far are kept,
        // as the unanchored scan did. One scan serves every window: after each try, the closure
        // names the next offset to try.
        try? windowed.pattern.scanInPlace(inUTF8: bytes, from: first.lowerBound) { match in
            var offset: Int
            if match.range.isEmpty {
                // No match starts within `reach` characters, so none within `reach` bytes.
                offset = match.range.lowerBound + Windowed.reach + 1
                while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            } else {
                body(match)
                offset = match.range.upperBound
            }
            while window < windows.count && windows[window].upperBound <= offset { window += 1 }
            guard window < windows.count else { return nil }
            return max(offset, windows[window].lowerBound)
        }
    }

    /// `source` compiled to be tried at one offset (`\G`), with an empty last alternative so that a
    /// failed try is an empty match; for ``forEachMatch(_:inUTF8:candidates:_:)``. `source` must
    /// not match the empty string.
    static func tried(_ source: String, options: PatternOptions = []) -> Pattern {
        let close = options.contains(.extended) ? "\n)|)" : ")|)"
        do { return try Pattern("\\G(?:(?:" + source + close, options: options) } catch {
            fatalError("CandidateScan: the anchored form of a built-in pattern does not compile: \(error)")
        }
    }

    /// Calls `body` with each match of `tried` (built by ``tried(_:options:)``) at one of
    /// `candidates` (strictly ascending), skipping candidates inside the previous match. These are
    /// the matches of the unanchored scan when every offset a match can start at is a candidate.
    /// Matches are read in place.
    static func forEachMatch(
        _ tried: Pattern, inUTF8 bytes: UnsafeBufferPointer<UInt8>, candidates: [Int], _ body: (MatchView) -> Void
    ) {
        guard let first = candidates.first else { return }
        var index = 0
        try? tried.scanInPlace(inUTF8: bytes, from: first) { match in
            if match.range.isEmpty {
                index += 1
            } else {
                body(match)
                let end = match.range.upperBound
                while index < candidates.count && candidates[index] < end { index += 1 }
            }
            return index < candidates.count ? candidates[index] : nil
        }
    }

    // MARK: - Windows

    /// For each of `anchors` (ascending offsets of a byte every match holds, reached from the
    /// match's start through at most `maxTokens` white-space separated tokens of at most
    /// `tokenBytes` bytes each), the offsets from the earliest such start to the anchor;
    /// overlapping windows merged. An anchor that `startsAlone` accepts is one no match holding
    /// it starts before: its window is the anchor itself.
    static func windows(
        anchors: [Int], in bytes: UnsafeBufferPointer<UInt8>, maxTokens: Int = 4, tokenBytes: Int = 16,
        startsAlone: (Int) -> Bool = { _ in false }
    ) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(anchors.count)
        for anchor in anchors {
            if let last = result.last, last.upperBound > anchor { continue }
            let start = startsAlone(anchor) ? anchor : walkBack(from: anchor, in: bytes, maxTokens: maxTokens, tokenBytes: tokenBytes)
            if let last = result.last, last.upperBound >= start {
                result[result.count - 1] = last.lowerBound..<(anchor + 1)
            } else {
                result.append(start..<(anchor + 1))
            }
        }
        return result
    }

    /// The earliest offset a match can start at and still reach `anchor` through `maxTokens` tokens.
    static func walkBack(from anchor: Int, in bytes: UnsafeBufferPointer<UInt8>, maxTokens: Int, tokenBytes: Int) -> Int {
        var position = anchor
        for _ in 0..<maxTokens {
            position = spacesStart(endingAt: position, in: bytes)
            let tokenEnd = position
            while position > 0 && spaceWidth(endingAt: position, in: bytes) == 0 {
                var previous = position - 1
                while previous > 0 && bytes[previous] & 0xC0 == 0x80 { previous -= 1 }
                if tokenEnd - previous > tokenBytes { return position }
                position = previous
            }
            if position == 0 { return 0 }
        }
        return position
    }

    /// Where the run of white space (PCRE2's `\s` with UCP) that ends right before `end` starts
    /// (`end` when there is none).
    static func spacesStart(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var position = end
        while position > 0 {
            let width = spaceWidth(endingAt: position, in: bytes)
            if width == 0 { break }
            position -= width
        }
        return position
    }

    /// The byte length of the Unicode white space character (PCRE2's `\s` with UCP) that ends
    /// right before `end`, or 0.
    @inline(__always)
    static func spaceWidth(endingAt end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let last = bytes[end - 1]
        if last < 0x80 { return last == 0x20 || (last >= 0x09 && last <= 0x0D) ? 1 : 0 }
        if end >= 2 && bytes[end - 2] == 0xC2 { return last == 0x85 || last == 0xA0 ? 2 : 0 }
        guard end >= 3 else { return 0 }
        switch (bytes[end - 3], bytes[end - 2], last) {
        case (0xE2, 0x80, 0x80...0x8A), (0xE2, 0x80, 0xA8), (0xE2, 0x80, 0xA9), (0xE2, 0x80, 0xAF),
             (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80), (0xE1, 0x9A, 0x80), (0xE1, 0xA0, 0x8E):
            return 3
        default:
            return 0
        }
    }

}

/// The bytes every date and figure holds, found in one pass: the first digit of each run of
/// digits, and the start of each word after white space that may be a magnitude ("triệu").
/// Found once per text, they serve the figure, date and chronicle-date scanners.
package struct NumeralAnchors: Sendable {
    /// Offsets of the first digit (PCRE2's `\d` with UCP: any decimal digit) of each run of digits.
    let digits: [Int]
    /// Offsets of the words "nghìn", "ngàn", "triệu", "tỷ", "tỉ" in any case, after a byte that
    /// may end white space (a number word is a figure only before one of them: "hai triệu").
    let magnitudes: [Int]
    /// The byte count of the text they were found in.
    private let byteCount: Int

    /// The anchors of `text`.
    package init(text: String) {
        var text = text
        self = text.withUTF8 { NumeralAnchors(in: $0) }
    }

    /// The anchors, once sure they were found in `bytes` (the scanners read the bytes around them).
    func checked(for bytes: UnsafeBufferPointer<UInt8>) -> NumeralAnchors {
        precondition(byteCount == bytes.count, "NumeralAnchors: the anchors of another text")
        return self
    }

    init(in bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        var filer = Filer()
        Self.classes.withUnsafeBufferPointer { classes in
            guard count > 0 else { return }
            filer.look(at: 0, in: bytes, classes: classes)
            // Sixteen bytes at a time, each with the byte before and after it: only the bytes that
            // may start something are looked at, found by their bits. Vietnamese text has an n or
            // a t every few bytes, and a loop asking of each byte mispredicted its way through them.
            var index = 1
            while index + 17 <= count {
                var flagged = ByteVectors.bits(Self.mayStart(ByteVectors.load(bytes, at: index),
                                                             after: ByteVectors.load(bytes, at: index - 1),
                                                             before: ByteVectors.load(bytes, at: index + 1)))
                while flagged != 0 {
                    filer.look(at: index + flagged.trailingZeroBitCount, in: bytes, classes: classes)
                    flagged &= flagged - 1
                }
                index += 16
            }
            while index < count {
                filer.look(at: index, in: bytes, classes: classes)
                index += 1
            }
        }
        digits = filer.digits
        magnitudes = filer.magnitudes
        byteCount = count
    }

    /// The anchors found so far, and what the next byte looked at needs to know.
    private struct Filer {
        var digits: [Int] = []
        var magnitudes: [Int] = []
        /// Where the last digit looked at ends (the end of a run of other digits).
        var digitEnd = -1

        /// Files what starts at `index`: a run of digits, or a magnitude word after white space.
        /// Any byte may be looked at; a byte that starts nothing changes nothing.
        @inline(__always)
        mutating func look(at index: Int, in bytes: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>) {
            let byte = bytes[index]
            // A digit continues a run after an ASCII digit (looked at or not) or another digit.
            func startsRun() -> Bool { index != digitEnd && !(index > 0 && bytes[index - 1] &- 0x30 < 10) }
            switch classes[Int(byte)] {
            case 1:
                if startsRun() { digits.append(index) }
                digitEnd = index + 1
            case 2:
                // Vietnamese letters with marks (E1 B8 and up) are the common case: no call.
                if byte == 0xE1 && index + 1 < bytes.count && bytes[index + 1] >= 0xB8 { return }
                let width = NumeralAnchors.otherDigitWidth(bytes, at: index)
                if width > 0 {
                    if startsRun() { digits.append(index) }
                    digitEnd = index + width
                }
            case 3:
                if index > 0 && classes[Int(bytes[index - 1])] & 4 != 0 && index + 2 < bytes.count
                    && NumeralAnchors.mayBeMagnitude(bytes, at: index) && NumeralAnchors.isMagnitude(bytes, at: index) {
                    magnitudes.append(index)
                }
            default:
                // 0, or 4 alone (a byte that may only end white space): it starts nothing.
                return
            }
        }
    }

    /// Per lane of `bytes` (with the bytes one before, `previous`, and one after, `next`), whether
    /// the byte may start an anchor: a digit after a byte that is not one, a lead byte of another
    /// decimal digit (``classes`` kind 2, but E1 before B8 and up), or n, N, t, T after a byte
    /// that may end white space (kind 4). Every lane ``init(in:)`` would file is marked.
    @inline(__always)
    static func mayStart(_ bytes: ByteVectors.Vector, after previous: ByteVectors.Vector, before next: ByteVectors.Vector) -> ByteVectors.Mask {
        typealias V = ByteVectors
        func isDigit(_ lanes: V.Vector) -> V.Mask { lanes &- V.splat(0x30) .< V.splat(10) }
        let runStart = isDigit(bytes) .& .!isDigit(previous)
        let otherLead = bytes .>= V.splat(0xD9) .& bytes .< V.splat(0xF8) .& bytes .!= V.splat(0xE2)
            .& .!(bytes .== V.splat(0xE1) .& next .>= V.splat(0xB8))
        let letter = bytes | V.splat(0x20)
        let spaceEnd = previous &- V.splat(0x09) .< V.splat(5) .| previous .== V.splat(0x20)
            .| previous &- V.splat(0x80) .< V.splat(11) .| previous .== V.splat(0x8E) .| previous .== V.splat(0x9F)
            .| previous .== V.splat(0xA0) .| previous & V.splat(0xFE) .== V.splat(0xA8) .| previous .== V.splat(0xAF)
        let magnitude = (letter .== V.splat(0x6E) .| letter .== V.splat(0x74)) .& spaceEnd
        return runStart .| otherLead .| magnitude
    }

    /// The byte length of the decimal digit other than 0–9 at `index` (whose byte is a lead from
    /// D9 up), or 0 when there is none.
    private static func otherDigitWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        // E1 B8 and up are Latin letters with marks (Vietnamese), no digits.
        if bytes[index] == 0xE1 && index + 1 < bytes.count && bytes[index + 1] >= 0xB8 { return 0 }
        guard let (scalar, width) = UTF8Scan.scalar(bytes, at: index, end: bytes.count),
              scalar.properties.numericType == .decimal else { return 0 }
        return width
    }

    /// The run starts of ``digits`` whose run holds exactly `length` digits.
    func digitRuns(ofLength length: Int, in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        digits.filter { start in
            var index = start, count = 0
            while index < bytes.count, count <= length {
                let byte = bytes[index]
                let width = byte >= 0x30 && byte <= 0x39 ? 1 : byte >= 0xD9 ? Self.otherDigitWidth(bytes, at: index) : 0
                if width == 0 { break }
                index += width
                count += 1
            }
            return count == length
        }
    }

    /// Both lists merged, in order.
    var all: [Int] {
        guard !magnitudes.isEmpty else { return digits }
        var merged: [Int] = []
        merged.reserveCapacity(digits.count + magnitudes.count)
        var left = 0, right = 0
        while left < digits.count || right < magnitudes.count {
            if right == magnitudes.count || (left < digits.count && digits[left] < magnitudes[right]) {
                merged.append(digits[left]); left += 1
            } else {
                merged.append(magnitudes[right]); right += 1
            }
        }
        return merged
    }

    /// Per byte: 1 an ASCII digit; 2 a lead byte that may start another decimal digit; 3 the first
    /// letter of a magnitude (n, N, t, T); plus 4 for a byte that may end white space.
    ///
    /// Decimal digits outside ASCII start with D9, DB, DF (Arabic, NKo), E0 (Indic, Thai, Lao,
    /// Tibetan), E1 80...B7 (Myanmar to Sundanese), EA, EF (fullwidth) or F0 (beyond the BMP):
    /// every lead from D9 up but E2 (General Punctuation) is asked, E1 only before a byte below B8
    /// (not a Vietnamese letter). White space (PCRE2's `\s`) ends with 09...0D, 20, 85 (U+0085),
    /// A0 (U+00A0), 80...8A (U+1680, U+2000...U+200A, U+3000), A8, A9, AF, 9F or 8E (U+2028, U+2029,
    /// U+202F, U+205F, and U+180E, which PCRE2 still counts as a horizontal space).
    private static let classes: [UInt8] = (0..<256).map { byte in
        var kind: UInt8 = 0
        if (0x30...0x39).contains(byte) { kind = 1 }
        else if byte >= 0xD9 && byte != 0xE2 && byte < 0xF8 { kind = 2 }
        else if [0x6E, 0x4E, 0x74, 0x54].contains(byte) { kind = 3 }
        if (0x09...0x0D).contains(byte) || [0x20, 0x85, 0xA0, 0xA8, 0xA9, 0xAF, 0x9F, 0x8E].contains(byte) || (0x80...0x8A).contains(byte) {
            kind |= 4
        }
        return kind
    }

    /// Whether the word at `index` (with two more bytes after it) may be a magnitude: "ngh", "ng"
    /// and a two-byte letter (à), "tri", or "t" and a letter from E1 BB (ỷ, ỉ), in any case.
    @inline(__always)
    private static func mayBeMagnitude(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let second = bytes[index + 1] | 0x20, third = bytes[index + 2]
        if bytes[index] | 0x20 == 0x6E { return second == 0x67 && (third | 0x20 == 0x68 || third == 0xC3) }
        return second == 0x72 ? third | 0x20 == 0x69 : second == 0xE1 && third == 0xBB
    }

    /// Whether the word at `index` is "nghìn", "ngàn", "triệu", "tỷ" or "tỉ" in any case, not
    /// followed by an ASCII letter (the pattern wants no letter after it).
    private static func isMagnitude(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        spellings: for spelling in magnitudeSpellings {
            let end = index + spelling.count
            guard end <= bytes.count else { continue }
            for offset in 0..<spelling.count {
                let byte = bytes[index + offset]
                if spelling[offset].0 != byte && spelling[offset].1 != byte { continue spellings }
            }
            if end < bytes.count && (bytes[end] | 0x20) &- 0x61 < 26 { continue }
            return true
        }
        return false
    }

    /// The magnitude words as byte pairs (lower case, upper case), byte by byte.
    private static let magnitudeSpellings: [[(UInt8, UInt8)]] = ["nghìn", "ngàn", "triệu", "tỷ", "tỉ"].map { word in
        let lower = Array(word.utf8), upper = Array(word.uppercased().utf8)
        precondition(lower.count == upper.count, "NumeralAnchors: a magnitude word changes length in upper case")
        return Array(zip(lower, upper))
    }
}
