// VietnameseText: fast scanning. Runs a pattern only near the bytes its matches hold (digits), in windows a byte scan finds.
import PCRE2

/// Runs a PCRE2 pattern only near the bytes every match holds, instead of at every character.
///
/// A pattern whose matches always hold a rare byte (a digit) wastes most of an unanchored scan
/// trying, and failing, at every other character. Here a byte scan lists *windows*: for each such
/// anchor byte, the stretch from the earliest offset a match holding it can start at, up to the
/// anchor. The pattern is compiled anchored (`\G`) behind a lazy skip of at most ``reach``
/// characters and `\K`, with an empty last alternative: one call finds the leftmost match that
/// starts within ``reach`` characters of the offset tried (an empty match says there is none).
///
/// The matches are those of the unanchored, non-overlapping scan exactly when every match starts
/// inside a window: every offset between the previous match's end and the next match's start is
/// then either outside all windows (no match starts there) or tried in order by a lazy skip.
enum CandidateScan {
    /// The most characters one call skips before the match it reports.
    static let reach = 48

    /// `source` compiled for ``forEachMatch(_:inUTF8:windows:_:)``. `source` must not match the
    /// empty string and must not use `\K` itself. `guard`, an assertion true wherever a match of
    /// `source` can start, lets the skip pass other offsets without trying `source`.
    static func anchored(_ source: String, options: PatternOptions = [], guard: String = "") -> Pattern {
        // A newline ends a trailing `#` comment of an extended pattern before the group closes.
        let close = options.contains(.extended) ? "\n)|)" : ")|)"
        let skip = "\\G(?:(?s:.{0,\(reach)}?)" + `guard` + "\\K(?:"
        do { return try Pattern(skip + source + close, options: options) } catch {
            fatalError("CandidateScan: the anchored form of a built-in pattern does not compile: \(error)")
        }
    }

    /// Calls `body` with each match of `anchored` (built by ``anchored(_:options:)``) that
    /// starts in one of `windows` (ascending, disjoint), in order and without overlap.
    static func forEachMatch(
        _ anchored: Pattern, inUTF8 bytes: UnsafeBufferPointer<UInt8>, windows: [Range<Int>], _ body: (Match) -> Void
    ) {
        guard let first = windows.first else { return }
        var window = 0
        // Matching valid UTF-8 with the match limits fails only at those limits; the matches
        // found so far are kept, as an unanchored scan does.
        try? anchored.scan(inUTF8: bytes, from: first.lowerBound) { match in
            var offset: Int
            if match.range.isEmpty {
                // No match starts within `reach` characters (at least `reach` bytes) of the try.
                offset = match.range.lowerBound + reach
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
    static func forEachMatch(
        _ tried: Pattern, inUTF8 bytes: UnsafeBufferPointer<UInt8>, candidates: [Int], _ body: (Match) -> Void
    ) {
        guard let first = candidates.first else { return }
        var index = 0
        try? tried.scan(inUTF8: bytes, from: first) { match in
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
    /// overlapping windows merged.
    static func windows(
        anchors: [Int], in bytes: UnsafeBufferPointer<UInt8>, maxTokens: Int = 4, tokenBytes: Int = 16
    ) -> [Range<Int>] {
        var result: [Range<Int>] = []
        result.reserveCapacity(anchors.count)
        for anchor in anchors {
            if let last = result.last, last.upperBound > anchor { continue }
            let start = walkBack(from: anchor, in: bytes, maxTokens: maxTokens, tokenBytes: tokenBytes)
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
            while position > 0 {
                let width = spaceWidth(endingAt: position, in: bytes)
                if width == 0 { break }
                position -= width
            }
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
             (0xE2, 0x81, 0x9F), (0xE3, 0x80, 0x80), (0xE1, 0x9A, 0x80):
            return 3
        default:
            return 0
        }
    }

    /// Offsets of the first digit (PCRE2's `\d` with UCP: any decimal digit) of each run of digits.
    static func digitRunStarts(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var result: [Int] = []
        let count = bytes.count
        var digitEnd = -1  // where the last digit seen ends
        var index = 0
        digitClass.withUnsafeBufferPointer { classes in
            while index < count {
                let byte = bytes[index]
                let kind = classes[Int(byte)]
                if kind == 0 {
                    index += 1
                    continue
                }
                if kind == 1 {
                    if index != digitEnd { result.append(index) }
                    digitEnd = index + 1
                } else if !(byte == 0xE1 && index + 1 < count && bytes[index + 1] >= 0xB8),
                          let (scalar, width) = UTF8Scan.scalar(bytes, at: index, end: count),
                          scalar.properties.numericType == .decimal {
                    if index != digitEnd { result.append(index) }
                    digitEnd = index + width
                }
                index += 1
            }
        }
        return result
    }

    /// 1 for an ASCII digit; 2 for a lead byte that may start another decimal digit. Those start
    /// with D9, DB, DF (Arabic, NKo), E0 (Indic, Thai, Lao, Tibetan), E1 80...B7 (Myanmar to
    /// Sundanese), EA, EF (fullwidth) or F0 (beyond the BMP): every lead from D9 up but E2 (General
    /// Punctuation) is asked, E1 only before a byte below B8 (not a Vietnamese letter).
    private static let digitClass: [UInt8] = (0..<256).map { byte in
        (0x30...0x39).contains(byte) ? 1 : byte >= 0xD9 && byte != 0xE2 && byte < 0xF8 ? 2 : 0
    }

    /// Whether the byte before `offset` is not an ASCII letter, digit or underscore: the offset
    /// may start a word (a superset of PCRE2's `\b` before a word character).
    @inline(__always)
    static func mayStartWord(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard offset > 0 else { return true }
        let byte = bytes[offset - 1]
        if byte >= 0x80 { return true }
        return !(byte &- 0x30 < 10 || (byte | 0x20) &- 0x61 < 26 || byte == 0x5F)
    }
}
