// VietnameseText: phrase matching. Splits UTF-8 text into the words and separators phrases are made of.

/// Words and separators as phrase matching sees them.
///
/// A word is a run of letters and digits (Unicode `L` and `N`, PCRE2's `[\p{L}\p{N}]`); a
/// separator is the run of other characters between two words (spaces, punctuation, marks).
/// Phrases match whole words, so a text is compared with a phrase word by word and separator
/// by separator. Runs of spaces and tabs in a separator count as one space.
enum PhraseTokens {
    /// Whether scalar `value` is a letter or a number (Unicode `L` or `N`). Out of line: scalars
    /// beyond the table are rare, and the category cases are loaded at run time.
    @inline(never)
    static func isLetterOrNumber(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Whether each scalar below U+3000 is a letter or a digit, one bit each, in memory kept for
    /// the life of the process: a scanner fetches the pointer once (a `static let` array read in a
    /// hot loop would check its initialisation on every access).
    nonisolated(unsafe) private static let table: UnsafePointer<UInt64> = {
        let bits = UnsafeMutablePointer<UInt64>.allocate(capacity: 0x3000 / 64)
        bits.initialize(repeating: 0, count: 0x3000 / 64)
        for value in 0..<UInt32(0x3000) where isLetterOrNumber(value) { bits[Int(value) >> 6] |= 1 << (value & 63) }
        return UnsafePointer(bits)
    }()

    /// Each byte's kind for the scanner (``LetterTable/byteKinds(latin:isWord:)`` for letters and
    /// digits), for any text and for one whose C3 and E1 leads lead only letters: 1, (part of) a
    /// word character; 0, a separator character; 2, the lead of a scalar to decode.
    nonisolated(unsafe) private static let kinds = LetterTable.byteKinds(latin: false, isWord: isLetterOrNumber)
    nonisolated(unsafe) private static let latinKinds = LetterTable.byteKinds(latin: true, isWord: isLetterOrNumber)

    /// Whether every scalar of Latin Extended Additional (U+1E00...U+1EFF: ạ ả ấ … ỹ, three bytes
    /// from E1 B8 to E1 BB) is a letter, so that the scanner takes them without decoding.
    private static let extendedAdditionalAreLetters = (UInt32(0x1E00)..<0x1F00).allSatisfy(isLetterOrNumber)

    /// The scanner's tables, fetched once per text.
    struct Classifier {
        private let table = PhraseTokens.table
        private let kinds: UnsafePointer<UInt8>
        private let extendedAdditionalAreLetters = PhraseTokens.extendedAdditionalAreLetters

        /// Tables for any text.
        init() { kinds = PhraseTokens.kinds }

        /// Tables for `text`: when its C3 and E1 leads lead only letters, the scan takes them
        /// without decoding.
        init(for text: UnsafeBufferPointer<UInt8>) {
            kinds = LetterTable.leadsOnlyLatinLetters(text) ? PhraseTokens.latinKinds : PhraseTokens.kinds
        }

        /// Whether the non-ASCII scalar starting at `index` is a letter or a digit, and its length in bytes.
        // Out of line: a scan that inlines this twice is too large for the compiler to inline a
        // caller's memo lookup into (the phrase matcher's `fill()`); a call per non-ASCII scalar costs less.
        @inline(never)
        private func classify(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (isWord: Bool, width: Int) {
            let (scalar, width) = LetterTable.decode(bytes, at: index)
            if scalar < 0x3000 { return (table[Int(scalar >> 6)] & (1 << UInt64(scalar & 63)) != 0, width) }
            return (PhraseTokens.isLetterOrNumber(scalar), width)
        }

        /// The end of the run of word characters (`word` true) or of separator characters that starts at `index`.
        @inline(__always)
        func runEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, word: Bool) -> Int {
            var index = index
            let wanted: UInt8 = word ? 1 : 0
            while index < bytes.count {
                // One load decides an ASCII byte: most of a Vietnamese text is ASCII letters and single spaces.
                let kind = kinds[Int(bytes[index])]
                if kind == wanted {
                    index += 1
                    continue
                }
                if kind < 2 { return index }
                // The Vietnamese letters with a tone mark, the most common scalars of kind 2 (the text
                // is valid UTF-8: E1 B8...BB has its third byte).
                if bytes[index] == 0xE1, extendedAdditionalAreLetters, index + 2 < bytes.count, bytes[index + 1] & 0xFC == 0xB8 {
                    if !word { return index }
                    index += 3
                    continue
                }
                let (isWord, width) = classify(bytes, at: index)
                if isWord != word { return index }
                index += width
            }
            return index
        }
    }

    /// Whether `byte` is one of the spaces that collapse (space, tab).
    @inline(__always)
    static func isCollapsingSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// `separator` with each run of spaces and tabs written as one space.
    static func collapsed(_ separator: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var index = 0
        while index < separator.count {
            if isCollapsingSpace(separator[index]) {
                out.append(0x20)
                while index < separator.count && isCollapsingSpace(separator[index]) { index += 1 }
            } else {
                out.append(separator[index])
                index += 1
            }
        }
    }

    /// Where the collapsed separator `prefix` ends in `text` (a separator, not collapsed) when
    /// `text` starts with it, or nil. A space of `prefix` takes the whole run of spaces and tabs.
    static func prefixEnd(_ prefix: [UInt8], in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = start
        for byte in prefix {
            guard index < end else { return nil }
            if byte == 0x20 {
                guard isCollapsingSpace(text[index]) else { return nil }
                while index < end && isCollapsingSpace(text[index]) { index += 1 }
            } else {
                guard text[index] == byte else { return nil }
                index += 1
            }
        }
        return index
    }

    /// Where the collapsed separator `suffix` starts in `text[start..<end]` (a separator, not
    /// collapsed) when that range ends with it, or nil. A space of `suffix` takes the whole run.
    static func suffixStart(_ suffix: [UInt8], in text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
        var index = end
        for byte in suffix.reversed() {
            guard index > start else { return nil }
            if byte == 0x20 {
                guard isCollapsingSpace(text[index - 1]) else { return nil }
                while index > start && isCollapsingSpace(text[index - 1]) { index -= 1 }
            } else {
                guard text[index - 1] == byte else { return nil }
                index -= 1
            }
        }
        return index
    }
}
