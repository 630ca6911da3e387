// VietnameseText: words. A case-insensitive 64-bit key of a word, computed on UTF-8 bytes without allocating.

/// A word's identity regardless of case: FNV-1a over the scalars of its lower-case form.
///
/// Vietnamese capitals (toned vowels, Đ) are lowered through the letter tables, so "KHÔNG",
/// "Không" and "không" share a key. Made for comparing the words of a text with a small
/// vocabulary (negators, clause openers): two different words share a key with a probability
/// of about 2⁻⁶⁴.
struct WordKey: Hashable, Sendable {
    /// The hash value.
    let value: UInt64

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// The key of two words in a row.
    init(pair first: WordKey, _ second: WordKey) {
        value = (first.value ^ 0x9E37_79B9_7F4A_7C15) &* WordKey.prime ^ second.value
    }

    /// The key of a word of the vocabulary, written in NFC.
    init(_ word: String) {
        var word = word
        self = word.withUTF8 { WordKey($0, 0..<$0.count) }
    }

    /// The key of `range` of valid UTF-8 `bytes`.
    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        var hash = WordKey.offsetBasis
        var index = range.lowerBound
        let tables = SyllableTables.shared
        while index < range.upperBound {
            var scalar: UInt32
            let byte = bytes[index]
            if byte < 0x80 {
                scalar = UInt32(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
            } else {
                let (decoded, width) = LetterTable.decode(bytes, at: index)
                scalar = decoded
                index += width
                let entry = LetterTable.entry(decoded, tables)
                if entry & (LetterTable.upperBit | LetterTable.letterBit) == LetterTable.upperBit | LetterTable.letterBit {
                    scalar = WordKey.lower(entry: entry)
                }
            }
            hash = (hash ^ UInt64(scalar)) &* WordKey.prime
        }
        value = hash
    }

    /// The lower-case scalar of a non-ASCII Vietnamese capital (a vowel, Đ or Ð) with letter-table `entry`.
    @inline(__always)
    private static func lower(entry: UInt16) -> UInt32 {
        let code = UInt8(entry & 0x1F)
        if code == Letter.dStroke { return entry & LetterTable.ethBit != 0 ? 0xF0 : 0x111 }  // Ð -> ð, Đ -> đ
        return LetterTable.vowelScalars[0][Int(code - 1) * 6 + Int(entry >> 5 & 7)]
    }
}

/// A small fixed vocabulary of word keys, looked up without hashing again: the keys are hashes
/// already, kept sorted for a binary search, behind a 64-bit filter of their top six bits that
/// turns away most other words at once.
struct WordKeySet: Sendable {
    private let values: [UInt64]
    /// Bit `k` set when a key's top six bits are `k`.
    private let filter: UInt64

    /// The set of `keys`.
    init(_ keys: [WordKey]) {
        values = Set(keys.map(\.value)).sorted()
        filter = values.reduce(0) { $0 | 1 << ($1 >> 58) }
    }

    /// Whether `key` is in the set.
    @inline(__always)
    func contains(_ key: WordKey) -> Bool {
        guard filter & 1 << (key.value >> 58) != 0 else { return false }
        let low = values.partitioningIndex { $0 >= key.value }
        return low < values.count && values[low] == key.value
    }
}
