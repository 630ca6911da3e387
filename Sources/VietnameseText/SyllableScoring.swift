// VietnameseText: decoding. Scores a candidate decoding by how many of its words are Vietnamese syllables.

/// Splits text into letter tokens and counts those that are valid Vietnamese syllables.
///
/// Tokens are runs between ASCII spaces, digits and punctuation, the no-break space and the
/// general punctuation block (U+2000...U+206F: dashes, curly quotes, ellipsis). Anything else
/// stays inside a token, so a stray "«" or "µ" left by a wrong decoding makes its word invalid.
enum SyllableScoring {
    /// Counts over the tokens of a text.
    struct Tally: Equatable {
        /// Tokens that hold at least one letter.
        var tokens = 0
        /// Of those, the ones that are valid syllables.
        var valid = 0
        /// Tokens with a byte above 0x7F (the ones where decodings differ).
        var marked = 0
        /// Of those, the valid ones.
        var markedValid = 0

        /// Share of valid tokens, 0 when there are none.
        var share: Double { tokens == 0 ? 0 : Double(valid) / Double(tokens) }

        static func += (lhs: inout Tally, rhs: Tally) {
            lhs.tokens += rhs.tokens
            lhs.valid += rhs.valid
            lhs.marked += rhs.marked
            lhs.markedValid += rhs.markedValid
        }
    }

    /// Whether `word` (one token, any case) is a valid Vietnamese syllable.
    static func isSyllable(_ word: Substring) -> Bool {
        VietnameseSyllable.parse(word) != nil
    }

    /// ``isSyllable(_:)`` of one token's UTF-8 bytes, with the tables a hot loop fetched once.
    @inline(__always)
    static func isSyllable(_ word: UnsafeBufferPointer<UInt8>, _ tables: SyllableTables) -> Bool {
        SyllableParts.parse(word, allowEth: false, tables: tables) != nil
    }

    /// Tallies the tokens of `text`; each distinct token is parsed once.
    static func tally(_ text: String) -> Tally {
        var text = text
        return text.withUTF8 { bytes in
            var tally = Tally()
            var verdicts = SyllableVerdicts.taken()
            defer { SyllableVerdicts.keep(verdicts) }
            forEachToken(in: bytes) { token in
                let valid = verdicts.isSyllable(UnsafeBufferPointer(rebasing: bytes[token.range]))
                tally.tokens += 1
                if valid { tally.valid += 1 }
                if token.marked {
                    tally.marked += 1
                    if valid { tally.markedValid += 1 }
                }
            }
            return tally
        }
    }

    /// A token: its UTF-8 byte range, and whether it has a non-ASCII byte.
    struct TokenRange: Equatable {
        var range: Range<Int>
        var marked: Bool
    }

    /// The byte ranges of the letter tokens of `text`.
    static func tokenRanges(in text: String) -> [TokenRange] {
        var text = text
        return text.withUTF8 { tokenRanges(in: $0) }
    }

    /// The byte ranges of the letter tokens of UTF-8 `bytes`.
    static func tokenRanges(in bytes: UnsafeBufferPointer<UInt8>) -> [TokenRange] {
        var ranges: [TokenRange] = []
        forEachToken(in: bytes) { ranges.append($0) }
        return ranges
    }

    /// Calls `body` with each letter token of UTF-8 `bytes`, in order, without gathering them.
    @inline(__always)
    static func forEachToken(in bytes: UnsafeBufferPointer<UInt8>, _ body: (TokenRange) -> Void) {
        let kinds = byteKinds
        let count = bytes.count
        var index = 0
        while index < count {
            // Between tokens.
            let kind = kinds[Int(bytes[index])]
            if kind == 0 {
                index += 1
                continue
            }
            if kind == 2, let separator = separatorLength(bytes, at: index) {
                index += separator
                continue
            }
            // A token, to the next byte that is none of one: no branch on ASCII or not per byte.
            let start = index
            var high: UInt8 = 0
            while index < count {
                let byte = bytes[index]
                let kind = kinds[Int(byte)]
                if kind == 0 || kind == 2 && separatorLength(bytes, at: index) != nil { break }
                high |= byte
                index += 1
            }
            body(TokenRange(range: start..<index, marked: high >= 0x80))
        }
    }

    /// Per byte: 0, an ASCII byte that is not a letter; 2, a byte that may start a separator (C2,
    /// E2: ``separatorLength(_:at:)``); 1, any other byte (an ASCII letter, a byte above ASCII).
    /// Kept for the life of the process, fetched once per scan.
    nonisolated(unsafe) private static let byteKinds: UnsafePointer<UInt8> = {
        let kinds = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<256 {
            kinds[byte] = byte == 0xC2 || byte == 0xE2 ? 2 : byte >= 0x80 || isASCIILetter(UInt8(byte)) ? 1 : 0
        }
        return UnsafePointer(kinds)
    }()

    /// The length of the separator scalar at `index`, a byte above ASCII: 2 for the no-break space
    /// (C2 A0), 3 for General Punctuation (U+2000...U+206F: E2 80 xx, E2 81 xx); nil for a character
    /// of a token.
    @inline(__always)
    static func separatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80 || bytes[index + 1] == 0x81 { return 3 }
        return nil
    }

    /// Whether the byte at `index` (the first of its character) belongs to a token: an ASCII letter,
    /// or a character above ASCII that is no separator.
    @inline(__always)
    static func isTokenByte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
        bytes[index] < 0x80 ? isASCIILetter(bytes[index]) : separatorLength(bytes, at: index) == nil
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }
}

/// Syllable verdicts remembered over a text's tokens, and from one text to the next (``taken()``):
/// the encoding detector's tally meets each word many times, the mojibake check judges the same
/// words paragraph after paragraph, and the reports of a batch share most of their words; a parse
/// costs several times a lookup.
public struct SyllableVerdicts {
    private var known = WordTable<Bool>()
    private let tables = SyllableTables.shared

    /// No verdicts yet.
    public init() {}

    /// Verdicts kept from one text to the next: they depend on a word's bytes alone.
    private static let shelf = MemoShelf(make: SyllableVerdicts.init) { $0.known.isHalfFull }

    /// The verdicts given on texts before, which no other scan holds; ``keep(_:)`` them when done.
    public static func taken() -> SyllableVerdicts { shelf.take() }

    /// Keeps `verdicts` for the next text.
    public static func keep(_ verdicts: SyllableVerdicts) { shelf.put(verdicts) }

    /// Whether the token `word` (UTF-8, any case) is a valid Vietnamese syllable.
    @inline(__always)
    mutating func isSyllable(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let tables = tables
        return known.entry(for: word) { SyllableScoring.isSyllable($0, tables) }.value
    }
}
