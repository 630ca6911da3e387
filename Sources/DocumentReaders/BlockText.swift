// DocumentReaders: block text. The one place where a block's final text is produced from what a reader collected.
import Foundation
import VietnameseText

/// Produces a block's text from the raw text a reader collected.
///
/// Every reader goes through ``produce(raw:)``; it is the seam where the analyser's repair and
/// normalisation plug in. Today it: trims; turns runs of spaces, tabs and no-break spaces into one space
/// (line breaks stay "\n"); drops soft hyphens, zero-width spaces and stray byte-order marks; turns the
/// non-breaking hyphen into "-"; composes base letters with combining marks (NFC).
public enum BlockText {
    /// The final text of `raw` (the text a reader collected) and the map from its byte offsets back to `raw`'s.
    public static func produce(raw: String) -> (text: String, map: OffsetMap, repairs: [Repair]) {
        var verdicts = SyllableVerdicts()
        return produce(raw: raw, verdicts: &verdicts)
    }

    /// ``produce(raw:)``, with the syllable verdicts of the blocks produced before from the same document.
    static func produce(raw: String, verdicts: inout SyllableVerdicts) -> (text: String, map: OffsetMap, repairs: [Repair]) {
        let repaired = MojibakeRepair.repair(raw, verdicts: &verdicts)
        let normalized = TextNormalizer.normalize(repaired.text)
        let (text, cleanMap) = clean(normalized.text)
        return (text, cleanMap.composed(with: normalized.map).composed(with: repaired.map), repaired.repairs)
    }

    /// Trims, collapses white space, drops invisible characters and composes what is left.
    static func clean(_ text: String) -> (text: String, map: OffsetMap) {
        var text = text
        if text.withUTF8(isAlreadyClean) { return (text, .identity) }
        return clean(raw: Array(text.utf8))
    }

    static func clean(raw: [UInt8]) -> (text: String, map: OffsetMap) {
        var builder = TextBuilder(capacity: raw.count)
        var index = 0
        // Start of a pending unchanged stretch; it runs on through single plain spaces, so that
        // most blocks are copied in a few pieces, not word by word.
        var copyStart = -1
        var spaceStart = -1  // start of a pending run of white space (not yet in the stretch)
        var spaceIsPlain = false  // the pending run is exactly one ASCII space
        var pendingNewline = false
        let count = raw.count

        func flushCopy(to end: Int) {
            if copyStart >= 0, copyStart < end { builder.copy(raw[copyStart..<end], from: copyStart) }
            copyStart = -1
        }
        func flushSpace(before position: Int) {
            guard spaceStart >= 0 else { return }
            let hasContent = !builder.bytes.isEmpty || copyStart >= 0
            if hasContent && spaceIsPlain && !pendingNewline {
                // One plain space stays: the stretch copied goes on through it.
                if copyStart < 0 { copyStart = spaceStart }
            } else {
                flushCopy(to: spaceStart)
                if hasContent { builder.replace(spaceStart..<position, with: [pendingNewline ? 0x0A : 0x20]) }
            }
            spaceStart = -1
            pendingNewline = false
        }

        while index < count {
            let byte = raw[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            let end = min(count, index + width)
            // Classify the scalar at `index`.
            var kind = 0  // 0 keep, 1 space, 2 newline, 3 drop, 4 hyphen
            switch byte {
            case 0x20, 0x09: kind = 1
            case 0x0A, 0x0D: kind = 2
            case 0x00..<0x20: kind = 1
            case 0xC2 where end - index == 2:
                if raw[index + 1] == 0xA0 { kind = 1 } else if raw[index + 1] == 0xAD { kind = 3 }
            case 0xE2 where end - index == 3 && raw[index + 1] == 0x80:
                switch raw[index + 2] {
                case 0x8B, 0x8C, 0x8D: kind = 3  // zero-width space and joiners
                case 0x91: kind = 4  // non-breaking hyphen
                case 0xAF, 0x87, 0x80...0x8A: kind = 1  // narrow no-break, figure and other spaces
                default: break
                }
            case 0xEF where end - index == 3 && raw[index + 1] == 0xBB && raw[index + 2] == 0xBF: kind = 3
            default: break
            }
            switch kind {
            case 1, 2:
                if spaceStart < 0 {
                    spaceStart = index
                    spaceIsPlain = byte == 0x20
                } else {
                    spaceIsPlain = false
                }
                if kind == 2 { pendingNewline = true }
                index = end
                continue
            case 3:
                if spaceStart >= 0 {
                    spaceIsPlain = false
                } else {
                    flushCopy(to: index)
                    builder.replace(index..<end, with: [])
                }
                index = end
                continue
            case 4:
                flushSpace(before: index)
                flushCopy(to: index)
                builder.replace(index..<end, with: [UInt8(ascii: "-")])
                index = end
                continue
            default:
                break
            }
            flushSpace(before: index)
            // A base character followed by combining marks (U+0300–U+036F: CC 80 – CD AF) is composed.
            if end < count, raw[end] == 0xCC || (raw[end] == 0xCD && end + 1 < count && raw[end + 1] <= 0xAF) {
                var clusterEnd = end
                while clusterEnd + 1 < count,
                    raw[clusterEnd] == 0xCC || (raw[clusterEnd] == 0xCD && raw[clusterEnd + 1] <= 0xAF)
                {
                    clusterEnd += 2
                }
                flushCopy(to: index)
                let cluster = String(decoding: raw[index..<clusterEnd], as: UTF8.self)
                builder.replace(index..<clusterEnd, with: cluster.precomposedStringWithCanonicalMapping)
                index = clusterEnd
                continue
            }
            if copyStart < 0 { copyStart = index }
            index = end
        }
        // Trailing white space is dropped.
        flushCopy(to: spaceStart >= 0 ? spaceStart : count)
        return (builder.string, builder.map)
    }

    /// Whether `bytes` need no change: no edge or doubled white space, no control, no no-break space,
    /// soft hyphen, special space or hyphen, zero-width character, byte-order mark or combining mark
    /// (a dash, quotes and other punctuation are left as they are).
    static func isAlreadyClean(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
        // Stretches without a control, a doubled space or a lead byte that may start a change are
        // passed sixteen bytes at a time.
        let change = ByteVectors.firstIndex(bytes, from: 0, to: bytes.count, flags: { bytes, next in
            typealias V = ByteVectors
            return bytes .< V.splat(0x20) .| (bytes .== V.splat(0x20) .& next .== V.splat(0x20))
                .| bytes .== V.splat(0xC2) .| bytes .== V.splat(0xCC) .| bytes .== V.splat(0xCD)
                .| bytes .== V.splat(0xE2) .| bytes .== V.splat(0xEF)
        }, where: { startsChange(bytes, at: $0) })
        return change == nil
    }

    /// Whether the byte at `index` starts something ``isAlreadyClean(_:)`` refuses.
    @inline(__always)
    private static func startsChange(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        let byte = bytes[index], count = bytes.count
        if byte == 0x20 { return index + 1 < count && bytes[index + 1] == 0x20 }
        if byte >= 0x20 && byte < 0xC2 { return false }
        // Every other byte that may start a change, with the bytes after it (a sequence cut short is not clean).
        guard byte >= 0xC2, index + 1 < count else { return true }
        let next = bytes[index + 1], third = index + 2 < count ? bytes[index + 2] : 0
        switch byte {
        case 0xC2: return next == 0xA0 || next == 0xAD  // no-break space, soft hyphen
        case 0xCC: return true  // combining marks U+0300–U+033F
        case 0xCD: return next <= 0xAF  // U+0340–U+036F
        case 0xE2:  // U+2000–U+200D spaces and zero-width characters, U+2011 hyphen, U+202F space
            return next == 0x80 && (third <= 0x8D || third == 0x91 || third == 0xAF)
        case 0xEF: return next == 0xBB && third == 0xBF  // byte-order mark
        default: return false
        }
    }
}
