// DocumentReaders: line scanning. Finds line ends, tabs and column gaps in plain text eight bytes at a time.

/// The two looks ``TextLayout`` takes at every byte of a plain text file, done a 64-bit word at a
/// time: most words hold no control byte and no two spaces side by side, and are passed whole.
enum LineScan {
    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    @inline(__always)
    private static func word(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
    }

    /// Whether some byte of `word` is below 0x20 (a control byte: line break, tab, form feed).
    /// Exact as a yes or no, though not as to which byte.
    @inline(__always)
    private static func hasControl(_ word: UInt64) -> Bool {
        (word &- ones &* 0x20) & ~word & highBits != 0
    }

    /// 0x80 in each byte of `word` that is a space (0x20), 0 in every other byte: exact per byte.
    @inline(__always)
    private static func spaceBits(_ word: UInt64) -> UInt64 {
        let folded = word ^ (ones &* 0x20)
        let low = ~highBits
        return ~(((folded & low) &+ low) | folded | low)
    }

    /// The offset of the first line feed, carriage return or form feed at or after `from`, or
    /// `bytes.count` when there is none.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let count = bytes.count
        var index = from
        while true {
            while index + 8 <= count, !hasControl(word(bytes, at: index)) { index += 8 }
            // A word with a control byte (or the last bytes), one byte at a time.
            let stop = min(count, index + 8)
            while index < stop {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D || byte == 0x0C { return index }
                index += 1
            }
            if index >= count { return count }
        }
    }

    /// Whether `start..<end` holds a tab, and whether it holds three spaces or more in a row.
    static func tabsAndGaps(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (tab: Bool, gap: Bool) {
        var tab = false, gap = false
        var spaces = 0  // spaces in a row just before `index`
        var index = start
        while index < end {
            if index + 8 <= end {
                let word = word(bytes, at: index)
                let bits = spaceBits(word)
                // Passed whole unless it holds a control byte, two spaces side by side, or opens with a
                // space after one.
                if !hasControl(word), bits & (bits << 8) == 0, spaces == 0 || bits & 0x80 == 0 {
                    spaces = bits >> 63 == 1 ? 1 : 0
                    index += 8
                    continue
                }
            }
            let stop = min(end, index + 8)
            while index < stop {
                let byte = bytes[index]
                if byte == 0x20 {
                    spaces += 1
                    if spaces >= 3 { gap = true }
                } else {
                    spaces = 0
                    if byte == 0x09 { tab = true }
                }
                index += 1
            }
            if tab && gap { break }
        }
        return (tab, gap)
    }
}
