// VietnameseText: word-at-a-time byte tests. Looks at eight bytes of text at once with 64-bit arithmetic.

/// Tests on eight bytes at once, for scans that pass most of a text without looking at each byte:
/// the binary-input scan, the repair skip, the text layout's line scan, character counts. Public
/// and inlinable because the layout's scan, in DocumentReaders, calls them once per word: this
/// toolchain does not inline a `package` function into another module, a public inlinable one it does.
public enum ByteWords {
    // Constants, not stored statics: a stored static is read through its initialisation check.
    @usableFromInline static var ones: UInt64 { 0x0101_0101_0101_0101 }
    @usableFromInline static var highBits: UInt64 { 0x8080_8080_8080_8080 }

    /// The eight bytes at `index` (there must be eight), byte `index + k` in bits 8k to 8k + 7.
    @inlinable @inline(__always)
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self))
    }

    /// Whether some byte of `word` is below 0x20 (a control byte: line break, tab, NUL). Exact as a
    /// yes or no, though the bits it leaves do not tell which byte ("hasless" of the bit hacks).
    @inlinable @inline(__always)
    public static func hasControl(_ word: UInt64) -> Bool {
        (word &- ones &* 0x20) & ~word & highBits != 0
    }

    /// Whether some byte of `word` is above ASCII.
    @inlinable @inline(__always)
    public static func hasHighByte(_ word: UInt64) -> Bool {
        word & highBits != 0
    }

    /// 0x80 in each byte of `word` that is a space (0x20), 0 in every other byte: exact per byte.
    @inlinable @inline(__always)
    public static func spaceBits(_ word: UInt64) -> UInt64 {
        let folded = word ^ (ones &* 0x20)
        let low = ~highBits
        return ~(((folded & low) &+ low) | folded | low)
    }

    /// The offset of the first byte above ASCII at or after `from`, or `bytes.count`. Eight bytes
    /// at a time, and the byte found by its bit: text that alternates between ASCII and other
    /// letters every few bytes (Vietnamese) costs no test per byte.
    @inlinable @inline(__always)
    public static func firstHighByte(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        let count = bytes.count
        var index = from
        while index + 8 <= count {
            let high = load(bytes, at: index) & highBits
            if high != 0 { return index + high.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count, bytes[index] < 0x80 { index += 1 }
        return index
    }

    /// The number of scalars whose UTF-8 starts in `from..<to` of `bytes` (the bytes that are not
    /// continuation bytes), eight bytes at a time: a character column or count with no branch
    /// per byte.
    @inlinable @inline(__always)
    public static func scalarCount(in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Int {
        var count = to - from
        var index = from
        while index + 8 <= to {
            // A continuation byte is 10xxxxxx: its top bit set and the next one (shifted up) clear.
            let word = load(bytes, at: index)
            count -= (word & ~(word << 1) & highBits).nonzeroBitCount
            index += 8
        }
        while index < to {
            if bytes[index] & 0xC0 == 0x80 { count -= 1 }
            index += 1
        }
        return count
    }

    /// The offset of the first control byte (below 0x20) at or after `from` that `isWanted`
    /// accepts, or `bytes.count`: words with no control byte are passed eight bytes at a time.
    @inlinable @inline(__always)
    public static func firstControl(in bytes: UnsafeBufferPointer<UInt8>, from: Int, where isWanted: (UInt8) -> Bool) -> Int {
        let count = bytes.count
        var index = from
        while true {
            while index + 8 <= count, !hasControl(load(bytes, at: index)) { index += 8 }
            // A word with a control byte (or the last bytes), one byte at a time.
            let stop = min(count, index + 8)
            while index < stop {
                let byte = bytes[index]
                if byte < 0x20, isWanted(byte) { return index }
                index += 1
            }
            if index >= count { return count }
        }
    }
}
