// DocumentReaders: line scanning. Finds line ends, tabs and column gaps in plain text eight bytes at a time.
import VietnameseText

/// The two looks ``TextLayout`` takes at every byte of a plain text file, done a 64-bit word at a
/// time: most words hold no control byte and no two spaces side by side, and are passed whole.
enum LineScan {
    /// The offset of the first line feed, carriage return or form feed at or after `from`, or
    /// `bytes.count` when there is none.
    static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        ByteWords.firstControl(in: bytes, from: from) { $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }
    }

    /// Whether `start..<end` holds a tab, and whether it holds three spaces or more in a row.
    static func tabsAndGaps(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> (tab: Bool, gap: Bool) {
        var tab = false, gap = false
        var spaces = 0  // spaces in a row just before `index`
        var index = start
        while index < end {
            if index + 8 <= end {
                let word = ByteWords.load(bytes, at: index)
                let bits = ByteWords.spaceBits(word)
                // Passed whole unless it holds a control byte, two spaces side by side, or opens with a
                // space after one.
                if !ByteWords.hasControl(word), bits & (bits << 8) == 0, spaces == 0 || bits & 0x80 == 0 {
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
