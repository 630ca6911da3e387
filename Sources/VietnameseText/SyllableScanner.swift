// VietnameseText: syllables. Classifies the tokens of a text; splits glued words; suggests fixes for mistyped syllables.

/// What a token of text is.
public enum TokenClass: Sendable, Hashable {
    /// A valid Vietnamese syllable (`công`, `ĐOÀN`, `hoà`).
    case vietnamese
    /// An ASCII-only word that is not a Vietnamese syllable (`Covid`, `Internet`, `email`).
    case foreign
    /// A mostly upper-case word that is not a syllable (`CNVCLĐ`, `CĐCS`, `TLĐ`, `NQ`, `IX`).
    case abbreviation
    /// Digits, with `.` or `,` between digit groups (`2020`, `1.234.567`, `12,5`).
    case number
    /// A word with Vietnamese letters that is not a valid syllable (`côg`, `hoạtđộng`).
    case invalid
}

/// One token: its UTF-8 byte range in the scanned text and its class.
public struct SyllableToken: Sendable, Hashable {
    /// Byte range into the scanned text's UTF-8.
    public let range: Range<Int>
    /// What the token is.
    public let kind: TokenClass

    /// A token covering `range` of class `kind`.
    public init(range: Range<Int>, kind: TokenClass) {
        self.range = range
        self.kind = kind
    }
}

/// Splits text into word and number tokens at the byte level and classifies each.
public enum SyllableScanner {
    /// The word and number tokens of `text`, in order. Spaces and punctuation are not tokens; a
    /// hyphen or slash splits (`CNVC-LĐ`, `NQ/TW` give two abbreviations each).
    public static func tokens(in text: String) -> [SyllableToken] {
        var text = text
        return text.withUTF8 { bytes in
            var tokens: [SyllableToken] = []
            tokens.reserveCapacity(bytes.count / 5)
            forEachToken(inUTF8: bytes) { tokens.append($0) }
            return tokens
        }
    }

    /// Calls `body` with each token of UTF-8 `bytes` in order, without collecting them.
    public static func forEachToken(inUTF8 bytes: UnsafeBufferPointer<UInt8>, _ body: (SyllableToken) -> Void) {
        var known = Known()
        var tokens = ClassifiedTokens(bytes)
        while let (token, _) = tokens.next(known: &known) { body(token) }
    }

    /// What a syllable summary counts of one distinct word, worked out when it is first seen.
    struct WordFacts {
        /// The word's class.
        let kind: TokenClass
        /// Whether it is a syllable with a byte above ASCII (a tone mark or a Vietnamese letter).
        let marked: Bool
        /// Its tone placement and i/y spelling, for a syllable that shows either.
        let style: ToneStyle?

        /// The facts of `word`, a run of word characters.
        init(of word: UnsafeBufferPointer<UInt8>, tables: SyllableTables) {
            guard let parts = SyllableParts.parse(word, allowEth: true, tables: tables) else {
                (kind, marked, style) = (classifyNonSyllable(word), false, nil)
                return
            }
            kind = .vietnamese
            marked = word.contains { $0 >= 0x80 }
            // A style needs a byte above ASCII (a tone or letter mark), or an ASCII i/y ending
            // (ty/ti, hy/hi). A word with the eth (ð, Ð) is parsed as with Đ, but it is no syllable
            // to ``VietnameseSyllable/parse(_:)``, and shows no style.
            guard marked || [0x69, 0x79, 0x49, 0x59].contains(word[word.count - 1]), !Self.containsEth(word) else {
                style = nil
                return
            }
            style = MatchForm.toneStyle(of: VietnameseSyllable(parts: parts))
        }

        /// Facts of a number token (made, not read from a `static let`, which the token loop would
        /// check for initialisation at every number).
        static var number: WordFacts { WordFacts(kind: .number) }

        private init(kind: TokenClass) { (self.kind, marked, style) = (kind, false, nil) }

        /// Whether a word holds the eth (U+00F0 ð, U+00D0 Ð: C3 B0, C3 90).
        private static func containsEth(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            var index = 0
            while index + 1 < word.count {
                if word[index] == 0xC3 && (word[index + 1] == 0xB0 || word[index + 1] == 0x90) { return true }
                index += 1
            }
            return false
        }
    }

    /// The facts of each distinct word, by its bytes.
    typealias Known = WordTable<WordFacts>

    /// The tokens of UTF-8 bytes in order, each with the facts of its word (parsed with Đ/đ and the
    /// eth alike, as ``classify(_:)`` does): a loop that calls ``next(known:)`` holds the scan
    /// inline, with no call per token.
    struct ClassifiedTokens {
        private let bytes: UnsafeBufferPointer<UInt8>
        private let tables = SyllableTables.shared
        private let kinds: UnsafePointer<UInt8>
        private var index = 0

        /// ``LetterTable/byteKinds(latin:isWord:)`` for word scalars, for any text and for one whose
        /// C3 and E1 leads lead only letters.
        nonisolated(unsafe) private static let byteKinds = LetterTable.byteKinds(latin: false, isWord: LetterTable.isWordScalar)
        nonisolated(unsafe) private static let latinByteKinds = LetterTable.byteKinds(latin: true, isWord: LetterTable.isWordScalar)

        /// The tokens of `bytes`, from the first.
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            kinds = LetterTable.leadsOnlyLatinLetters(bytes) ? Self.latinByteKinds : Self.byteKinds
        }

        /// The next token and its word's facts, found in `known` or worked out and kept there; nil
        /// at the end.
        @inline(__always)
        mutating func next(known: inout Known) -> (SyllableToken, WordFacts)? {
            let count = bytes.count
            while index < count {
                let start = index
                let byte = bytes[start]
                if byte >= 0x30 && byte <= 0x39 {
                    index = SyllableScanner.numberEnd(bytes, from: start)
                    return (SyllableToken(range: start..<index, kind: .number), .number)
                }
                switch kinds[Int(byte)] {
                case 0:
                    index += 1
                    continue
                case 1:
                    index += 1
                default:
                    let (scalar, width) = LetterTable.decode(bytes, at: start)
                    index += width
                    guard LetterTable.isWordScalar(scalar, tables) else { continue }
                }
                // The rest of the word, a byte at a time where the kinds tell (no branch on ASCII
                // or not, which Vietnamese words change every letter or two).
                while index < count {
                    let kind = kinds[Int(bytes[index])]
                    if kind == 1 {
                        index += 1
                        continue
                    }
                    guard kind == 2 else { break }
                    let (next, nextWidth) = LetterTable.decode(bytes, at: index)
                    guard LetterTable.isWordScalar(next, tables) else { break }
                    index += nextWidth
                }
                let tables = tables  // the closure captures this copy, not `self`
                let facts = known.entry(for: UnsafeBufferPointer(rebasing: bytes[start..<index])) { WordFacts(of: $0, tables: tables) }.value
                return (SyllableToken(range: start..<index, kind: facts.kind), facts)
            }
            return nil
        }
    }

    /// The class of one word (letters only).
    static func classify(_ word: UnsafeBufferPointer<UInt8>) -> TokenClass {
        if SyllableParts.parse(word, allowEth: true) != nil { return .vietnamese }
        return classifyNonSyllable(word)
    }

    /// The class of a word that is not a syllable: abbreviation, foreign or invalid.
    static func classifyNonSyllable(_ word: UnsafeBufferPointer<UInt8>) -> TokenClass {
        var letters = 0, upper = 0, ascii = true
        var index = 0
        while index < word.count {
            let (scalar, width) = LetterTable.decode(word, at: index)
            index += width
            if scalar >= 0x80 { ascii = false }
            let entry = LetterTable.entry(scalar)
            if entry & LetterTable.markBit != 0 { continue }
            letters += 1
            if entry & LetterTable.upperBit != 0 { upper += 1 }
        }
        if (letters == 1 && upper == 1) || (upper >= 2 && upper * 2 > letters) { return .abbreviation }
        return ascii ? .foreign : .invalid
    }

    /// Where a number starting at `start` ends: digit groups joined by single `.` or `,`.
    fileprivate static func numberEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var end = start
        let count = bytes.count
        while end < count {
            let byte = bytes[end]
            if byte >= 0x30 && byte <= 0x39 {
                end += 1
            } else if (byte == 0x2E || byte == 0x2C), end + 1 < count, bytes[end + 1] >= 0x30, bytes[end + 1] <= 0x39 {
                end += 1
            } else {
                break
            }
        }
        return end
    }
}

/// Words run together by a bad text extraction (`hoạtđộngcôngđoàn`), split back into syllables.
public enum GluedWords {
    /// The syllables that `token` is made of, fewest pieces first (ties: longer pieces earlier),
    /// or nil when `token` is already a syllable, has no Vietnamese-only letter (ASCII words such as
    /// `online` are left alone), or cannot be cut into valid syllables.
    public static func split<S: StringProtocol>(_ token: S) -> [String]? {
        let bytes = Array(token.utf8)
        guard bytes.contains(where: { $0 >= 0x80 }) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> [String]? in
            if SyllableParts.parse(buffer, allowEth: false) != nil { return nil }
            // Cut points: before each letter (combining marks stay with their letter).
            var cuts: [Int] = []
            var index = 0
            while index < buffer.count {
                let (scalar, width) = LetterTable.decode(buffer, at: index)
                guard LetterTable.entry(scalar) & LetterTable.letterBit != 0
                    || LetterTable.entry(scalar) & LetterTable.markBit != 0
                else { return nil }
                if LetterTable.entry(scalar) & LetterTable.markBit == 0 { cuts.append(index) }
                index += width
            }
            cuts.append(buffer.count)
            // best[k]: fewest pieces covering cuts[0..<k]'s prefix up to cuts[k], and where the last piece starts.
            let unreachable = Int.max
            var best = [Int](repeating: unreachable, count: cuts.count)
            var from = [Int](repeating: -1, count: cuts.count)
            best[0] = 0
            for end in 1..<cuts.count {
                // Trying the longest piece first keeps longer pieces earlier on ties.
                for start in stride(from: max(0, end - 8), to: end, by: 1) where best[start] != unreachable {
                    let piece = UnsafeBufferPointer(rebasing: buffer[cuts[start]..<cuts[end]])
                    guard best[start] + 1 < best[end], SyllableParts.parse(piece, allowEth: false) != nil else { continue }
                    best[end] = best[start] + 1
                    from[end] = start
                }
            }
            guard best[cuts.count - 1] != unreachable, best[cuts.count - 1] >= 2 else { return nil }
            var pieces: [String] = []
            var end = cuts.count - 1
            while end > 0 {
                let start = from[end]
                pieces.append(String(decoding: buffer[cuts[start]..<cuts[end]], as: UTF8.self))
                end = start
            }
            return pieces.reversed()
        }
    }
}

extension VietnameseSyllable {
    /// A valid syllable one edit away from `word` (a letter inserted, deleted or replaced, or the
    /// tone changed), or nil when `word` is valid already or nothing is one edit away.
    ///
    /// Candidates are ranked by how common they are in union reports, then by the kind of edit
    /// (tone, insertion, replacement, deletion). The case of the word is kept.
    public static func suggestion<S: StringProtocol>(for word: S) -> String? {
        let bytes = Array(word.utf8)
        guard let run = bytes.withUnsafeBufferPointer({ LetterRun.decode($0, maxLetters: 10) }), run.count > 0,
            parse(word) == nil
        else { return nil }
        var codes = (0..<run.count).map { run[$0] }
        let alphabet: [UInt8] = Array(1...29)
        var bestScore = Int.max
        var best: [UInt8] = []

        func consider(_ candidate: [UInt8], tone: UInt8, editCost: Int) {
            guard !candidate.isEmpty, candidate.count <= 8 else { return }
            var candidateRun = LetterRun()
            for (index, code) in candidate.enumerated() {
                candidateRun.letters |= UInt64(code) << (UInt64(index) * 5)
            }
            candidateRun.count = candidate.count
            candidateRun.tone = tone
            candidateRun.toneIndex = tone == 0 ? -1 : candidate.firstIndex(where: Letter.isVowel) ?? -1
            guard tone == 0 || candidateRun.toneIndex >= 0, var parts = SyllableParts.parse(candidateRun) else { return }
            parts.toneIndex = Int8(parts.mainVowel)
            var spelled: [UInt8] = []
            parts.appendCanonical(to: &spelled, unifyIY: false, fold: false)
            let common = CommonSyllables.rank[String(decoding: spelled, as: UTF8.self)] ?? 10_000
            let score = common * 8 + editCost
            if score < bestScore {
                bestScore = score
                best = spelled
            }
        }

        let tone = run.tone
        for position in 0...codes.count {
            for letter in alphabet { codes.insert(letter, at: position); consider(codes, tone: tone, editCost: 1); codes.remove(at: position) }
        }
        for position in 0..<codes.count {
            let original = codes[position]
            for letter in alphabet where letter != original {
                codes[position] = letter
                consider(codes, tone: tone, editCost: 2)
            }
            codes[position] = original
            codes.remove(at: position)
            consider(codes, tone: tone, editCost: 3)
            codes.insert(original, at: position)
        }
        for other in UInt8(0)...5 where other != tone { consider(codes, tone: other, editCost: 0) }
        guard bestScore != Int.max else { return nil }
        return recase(best, like: run)
    }

    /// `spelled` (lower case) in the case pattern of `run`: all upper, capitalised, or lower.
    private static func recase(_ spelled: [UInt8], like run: LetterRun) -> String {
        let text = String(decoding: spelled, as: UTF8.self)
        if run.count > 1 && run.upperMask == (1 << UInt16(run.count)) - 1 { return text.uppercased() }
        if run.upperMask & 1 != 0 { return text.prefix(1).uppercased() + text.dropFirst() }
        return text
    }
}
