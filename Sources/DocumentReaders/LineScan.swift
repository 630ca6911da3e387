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
        var index = start
        var lookEnd = start
        var spaces = 0  // spaces in a row just before `index`
        while index < end {
            // A run of spaces is read to its end first: its third space may open a stretch that
            // holds no pair.
            if index >= lookEnd && spaces == 0 {
                // Stretches without a tab or two spaces side by side are passed sixteen bytes at a
                // time (a pair across two stretches is marked in the first, so a space that ends a
                // passed stretch is followed by another byte: `spaces` stays 0).
                index = ByteVectors.skipUnflagged(bytes, from: index, to: end) { bytes, next in
                    typealias V = ByteVectors
                    return bytes .== V.splat(0x09) .| (bytes .== V.splat(0x20) .& next .== V.splat(0x20))
                }
                lookEnd = ByteVectors.lookEnd(from: index, end: end)
                if index >= end { break }
            }
            let byte = bytes[index]
            if byte == 0x20 {
                spaces += 1
                if spaces >= 3 { gap = true }
            } else {
                spaces = 0
                if byte == 0x09 { tab = true }
            }
            index += 1
            if tab && gap { break }
        }
        return (tab, gap)
    }
}
