// VietnameseText: normalisation. Composes Vietnamese letters (NFC), fixes Ð/đ, spaces, invisible characters, quotes and dashes.

import Foundation

/// How many changes of each kind a normalisation made.
public struct NormalizationChanges: Sendable, Hashable {
    /// Letters composed from a base and combining marks (NFD, Windows-1258 style) into NFC.
    public var composed = 0
    /// Icelandic eth (Ð U+00D0, ð U+00F0) in Vietnamese words turned into Đ/đ.
    public var ethReplaced = 0
    /// Non-breaking and narrow no-break spaces turned into spaces.
    public var spaces = 0
    /// Zero-width characters, byte-order marks and soft hyphens removed.
    public var invisibleRemoved = 0
    /// Typographic quotes turned into `"` and `'`.
    public var quotes = 0
    /// Hyphen and dash variants unified (hyphens to `-`, dashes to `–`).
    public var dashes = 0

    /// All changes together.
    public var total: Int { composed + ethReplaced + spaces + invisibleRemoved + quotes + dashes }

    public init() {}
}

/// Normalised text with the map back to the text it came from.
public struct NormalizedText: Sendable {
    /// The normalised text.
    public let text: String
    /// Maps byte offsets of ``text`` to byte offsets of the input.
    public let map: OffsetMap
    /// What was changed.
    public let changes: NormalizationChanges
}

/// Brings decoded report text to one form before any analysis.
///
/// - Vietnamese letters written as base plus combining marks (NFD, or the Windows-1258 habit of
///   a precomposed vowel plus a combining tone) are composed (NFC); other combining sequences go
///   through Foundation's canonical composition.
/// - Ð/ð (eth, from Latin-1 misreadings) become Đ/đ inside words that are then Vietnamese syllables.
/// - U+00A0 and U+202F become a space; U+200B...U+200D, U+2060, U+FEFF and the soft hyphen U+00AD go.
/// - “ ” „ ‟ become `"`; ‘ ’ ‚ ‛ become `'`.
/// - The hyphens U+2010 and U+2011 become `-`; the dashes U+2012...U+2015 (figure dash, en dash, em
///   dash, horizontal bar) become one en dash `–`. Dashes stay distinguishable from hyphens, which
///   join words (`CNVC-LĐ`); which dash a writer chose carries no meaning in these reports.
///
/// Text that needs none of this is returned as is with an identity map, after one scan of its bytes.
public enum TextNormalizer {
    /// Normalises `text`; see the type's documentation for what changes.
    public static func normalize(_ text: String) -> NormalizedText {
        let original = text
        var text = text
        return text.withUTF8 { bytes in
            guard let first = firstByteNeedingWork(bytes) else {
                return NormalizedText(text: original, map: .identity, changes: NormalizationChanges())
            }
            return rewrite(bytes, from: first)
        }
    }

    /// Whether `byte` leads a scalar that may need work: C2 (A0, AD), C3 (90, B0), CC/CD (combining
    /// marks), E2 (80 xx), EF (BB BF). A switch, not a table: a `static let` read in the scanning
    /// loop checks its initialisation at every byte.
    @inline(__always)
    static func interesting(_ byte: UInt8) -> Bool {
        switch byte {
        case 0xC2, 0xC3, 0xCC, 0xCD, 0xE2, 0xEF: return true
        default: return false
        }
    }

    /// Where the first change starts (the base letter of a combining sequence), or nil.
    static func firstByteNeedingWork(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        // Stretches without a lead byte that may need work are passed sixteen bytes at a time.
        let found = ByteVectors.firstIndex(bytes, from: 0, to: bytes.count, flags: { bytes, next in
            typealias V = ByteVectors
            return bytes .== V.splat(0xC2) .| bytes .== V.splat(0xCC) .| bytes .== V.splat(0xCD)
                .| bytes .== V.splat(0xE2) .| bytes .== V.splat(0xEF)
                .| (bytes .== V.splat(0xC3) .& (next .== V.splat(0x90) .| next .== V.splat(0xB0)))
        }, where: { interesting(bytes[$0]) && needsWork(bytes, at: $0) })
        guard var start = found else { return nil }
        // Start at the base letter of a combining sequence.
        while start > 0 && isMark(bytes, at: start) { start = UTF8Scan.previousStart(bytes, before: start, start: 0) }
        return start
    }

    @inline(__always)
    static func needsWork(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        // C3 leads the Latin-1 letters (à, é, ô, …: common in Vietnamese); of them only the eth
        // (C3 90, C3 B0) has an action, so the second byte settles it without decoding.
        if bytes[index] == 0xC3 {
            guard index + 1 < bytes.count else { return false }
            return bytes[index + 1] == 0x90 || bytes[index + 1] == 0xB0
        }
        let (scalar, _) = LetterTable.decode(bytes, at: index)
        return action(for: scalar) != nil || (scalar >= 0x300 && scalar <= 0x36F)
    }

    /// Replacement bytes for single scalars ([] deletes), with the kind of change.
    private static func action(for scalar: UInt32) -> (bytes: [UInt8], kind: WritableKeyPath<NormalizationChanges, Int>)? {
        switch scalar {
        case 0xA0, 0x202F: return ([0x20], \.spaces)
        case let invisible where isRemovedInvisible(invisible): return ([], \.invisibleRemoved)
        case 0x201C, 0x201D, 0x201E, 0x201F: return ([0x22], \.quotes)
        case 0x2018, 0x2019, 0x201A, 0x201B: return ([0x27], \.quotes)
        case 0x2010, 0x2011: return ([0x2D], \.dashes)
        case 0x2012, 0x2014, 0x2015: return ([0xE2, 0x80, 0x93], \.dashes)
        case 0xD0, 0xF0: return ([], \.ethReplaced)  // decided per word in `rewrite`
        default: return nil
        }
    }

    private static func rewrite(_ bytes: UnsafeBufferPointer<UInt8>, from first: Int) -> NormalizedText {
        var builder = TextBuilder(capacity: bytes.count)
        var changes = NormalizationChanges()
        var copiedUpTo = 0
        var index = first
        let count = bytes.count
        func flush(to end: Int) {
            if end > copiedUpTo { builder.copy(UnsafeBufferPointer(rebasing: bytes[copiedUpTo..<end]), from: copiedUpTo) }
        }
        while index < count {
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            guard interesting(byte) || isMark(bytes, at: index + width) else {
                index += width
                continue
            }
            let (scalar, _) = LetterTable.decode(bytes, at: index)
            if index + width < count, isMark(bytes, at: index + width), LetterTable.entry(scalar) & LetterTable.letterBit != 0 || LetterTable.entry(scalar) & LetterTable.otherLetterBit != 0 {
                // A base letter followed by combining marks: compose the cluster.
                var end = index + width
                while end < count, isMark(bytes, at: end) { end += 2 }
                flush(to: index)
                let cluster = UnsafeBufferPointer(rebasing: bytes[index..<end])
                builder.replace(index..<end, with: compose(cluster))
                changes.composed += 1
                copiedUpTo = end
                index = end
                continue
            }
            if scalar == 0xD0 || scalar == 0xF0 {
                if ethIsInVietnameseWord(bytes, at: index) {
                    flush(to: index)
                    builder.replace(index..<(index + 2), with: scalar == 0xD0 ? [0xC4, 0x90] : [0xC4, 0x91])
                    changes.ethReplaced += 1
                    copiedUpTo = index + 2
                }
                index += width
                continue
            }
            if let (replacement, kind) = action(for: scalar) {
                flush(to: index)
                builder.replace(index..<(index + width), with: replacement)
                changes[keyPath: kind] += 1
                copiedUpTo = index + width
            }
            index += width
        }
        flush(to: count)
        return NormalizedText(text: builder.string, map: builder.map, changes: changes)
    }

    /// Whether a combining mark U+0300...U+036F starts at `index`.
    @inline(__always)
    static func isMark(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        guard index + 1 < bytes.count else { return false }
        let lead = bytes[index]
        return (lead == 0xCC && bytes[index + 1] >= 0x80) || (lead == 0xCD && bytes[index + 1] <= 0xAF)
    }

    /// The NFC of one base letter with its combining marks: by table for Vietnamese letters (also
    /// when the marks come in a non-canonical order, as legacy converters write them), else Foundation.
    private static func compose(_ cluster: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        let (base, width) = LetterTable.decode(cluster, at: 0)
        let entry = LetterTable.entry(base)
        if entry & LetterTable.letterBit != 0 && entry & LetterTable.ethBit == 0 {
            var code = UInt8(entry & 0x1F)
            var tone = UInt8(entry >> 5 & 7)
            var index = width
            var composable = true
            while index < cluster.count {
                let (mark, markWidth) = LetterTable.decode(cluster, at: index)
                index += markWidth
                let markEntry = LetterTable.entry(mark)
                guard markEntry & LetterTable.markBit != 0 else { composable = false; break }
                let markTone = UInt8(markEntry >> 5 & 7)
                if markTone != 0 {
                    guard tone == 0, Letter.isVowel(code) else { composable = false; break }
                    tone = markTone
                } else if let changed = LetterTable.modified(code, by: UInt8(markEntry & 0x1F)) {
                    code = changed
                } else {
                    composable = false
                    break
                }
            }
            if composable {
                var out: [UInt8] = []
                LetterTable.appendLetter(code, tone: tone, upper: entry & LetterTable.upperBit != 0, to: &out)
                return out
            }
        }
        let text = String(decoding: cluster, as: UTF8.self).precomposedStringWithCanonicalMapping
        return Array(text.utf8)
    }

    /// Whether the word around the eth at `index` parses as a Vietnamese syllable with Đ/đ.
    /// The invisible characters normalisation deletes: soft hyphen, zero-width space/joiners, word joiner, BOM.
    @inline(__always)
    private static func isRemovedInvisible(_ scalar: UInt32) -> Bool {
        scalar == 0xAD || (scalar >= 0x200B && scalar <= 0x200D) || scalar == 0x2060 || scalar == 0xFEFF
    }

    /// Whether the word around the eth at `index` is a Vietnamese syllable with Đ, judged as the word
    /// reads once its invisible characters are gone: so that normalising again changes nothing
    /// ("Ð\u{AD}ân" is judged as "Ðân", not as "Ð" before a soft hyphen; found by fuzz-decode).
    private static func ethIsInVietnameseWord(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        var start = index, end = index + 2
        while start > 0 {
            var lead = start - 1
            while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            let (scalar, _) = LetterTable.decode(bytes, at: lead)
            guard LetterTable.isWordScalar(scalar) || isRemovedInvisible(scalar) else { break }
            start = lead
        }
        var hasInvisible = false
        while end < bytes.count {
            let (scalar, width) = LetterTable.decode(bytes, at: end)
            let invisible = isRemovedInvisible(scalar)
            guard LetterTable.isWordScalar(scalar) || invisible else { break }
            hasInvisible = hasInvisible || invisible
            end += width
        }
        var scan = start
        while !hasInvisible && scan < index {
            let (scalar, width) = LetterTable.decode(bytes, at: scan)
            hasInvisible = isRemovedInvisible(scalar)
            scan += width
        }
        guard hasInvisible else {
            return SyllableParts.parse(UnsafeBufferPointer(rebasing: bytes[start..<end]), allowEth: true) != nil
        }
        var word: [UInt8] = []
        word.reserveCapacity(end - start)
        var offset = start
        while offset < end {
            let (scalar, width) = LetterTable.decode(bytes, at: offset)
            if !isRemovedInvisible(scalar) { word.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + width)])) }
            offset += width
        }
        return word.withUnsafeBufferPointer { SyllableParts.parse($0, allowEth: true) != nil }
    }
}
