// VietnameseText: negation. Tells a mention that a report makes ("đã rút ra bài học") from one it denies ("chưa rút ra được bài học").

/// The negator that denies a mention.
public struct NegationCue: Sendable, Hashable {
    /// Where the negator stands relative to the mention.
    public enum Position: String, Sendable, Hashable, Codable {
        /// Before it, in the same clause: "không có kiến nghị", "chưa đề ra giải pháp".
        case before
        /// After it, as the predicate: "Kiến nghị: không có", "Bài học kinh nghiệm chưa có."
        case predicate
    }

    /// UTF-8 byte range of the negator ("không", "chưa có", "không có").
    public let range: Range<Int>
    /// Where the negator stands.
    public let position: Position
}

/// Decides whether a mention in a sentence is denied.
///
/// The rules, in the order they apply:
/// 1. **Clause.** Only the clause of the mention counts. A clause ends at `; : . ! ? ( )`, a dash
///    or a line break, and before a conjunction that opens a new clause ("nhưng", "tuy nhiên",
///    "song", "mà", "nên", "vì", "thì", "đồng thời", "ngoài ra", ...) or the copula "là" (but not
///    "phải là"). A comma ends it too, except inside a list (rule 4). "và" and "hoặc" join, they do
///    not end.
/// 2. **Negator before.** "không", "chưa", "chẳng", "chả" at most ``maxGap`` words before the
///    mention negates it: "chưa rút ra được bài học", "không phát sinh kiến nghị". Only words
///    *before* the mention count, so a caller may pass a mention that itself holds a negator
///    ("những việc chưa làm được"), and a negator after the mention does not deny it ("những hạn
///    chế chưa được khắc phục").
/// 3. **Not negators.** A negator that opens a fixed phrase negates nothing: "không ngừng", "không
///    chỉ", "không những", "chẳng những", "không ít", "không kém", "không dưới", "không quá",
///    "không thể thiếu", "không thể phủ nhận", "không tránh khỏi", "không khí", "không gian",
///    "không chuyên trách", "chẳng hạn", "chưa kể", "chưa từng có" meaning unprecedented (followed by
///    "tiền lệ", "trước đây", "về", "trong", "của", "từ", or the clause end), and "không" after
///    "hàng" (aviation). Such a phrase is skipped and the search goes on before it.
/// 4. **Lists.** An existential or verbal negation carries over a comma-separated list of nouns:
///    "không có tồn tại, hạn chế", "chưa nêu nguyên nhân, bài học kinh nghiệm". The comma is crossed
///    when the mention ends its clause (or is followed by "gì", "nào", "và", "hoặc") and each list
///    item is at most ``maxListItem`` words.
/// 5. **Double negation.** A negator right after another ("không phải là không có hạn chế",
///    "không thể không nhắc đến những hạn chế") affirms: not negated.
/// 6. **Predicate after.** "Kiến nghị: không có", "Bài học kinh nghiệm - chưa có", "kiến nghị thì
///    không có", or the mention followed directly by "không có" / "chưa có" / "không" / "chưa" that
///    ends the clause ("Kiến nghị đề xuất không có.").
public enum Negation {
    /// The most words allowed between a negator and the mention it denies.
    public static let maxGap = 5
    /// The most words of one item in a list that a negation carries over.
    public static let maxListItem = 4
    /// Tokens either side of a mention that the rules read (far more than `maxGap` words need): the
    /// cost per mention stays bounded even in a sentence of a megabyte (a run-on line).
    static let window = 128

    /// Whether `mention` (UTF-8 bytes of `text`) is denied within `sentence` (UTF-8 bytes of `text`).
    public static func isNegated(_ mention: Range<Int>, in text: String, sentence: Range<Int>) -> Bool {
        cue(for: mention, in: text, sentence: sentence) != nil
    }

    /// The negator that denies `mention` within `sentence`, or `nil` when the mention is affirmed.
    /// For many mentions of one text, a ``NegationReader`` reads each sentence once.
    public static func cue(for mention: Range<Int>, in text: String, sentence: Range<Int>) -> NegationCue? {
        var reader = NegationReader(text: text)
        return reader.cue(for: mention, sentence: sentence)
    }

    /// The rules on a sentence's tokens, `mention` being the token positions `mention` of `tokens`.
    fileprivate static func cue(in tokens: UnsafeBufferPointer<Token>, mention: Range<Int>) -> NegationCue? {
        let leftStart = max(0, mention.lowerBound - window), rightEnd = min(tokens.count, mention.upperBound + window)
        let left = UnsafeBufferPointer(rebasing: tokens[leftStart..<mention.lowerBound])
        let right = UnsafeBufferPointer(rebasing: tokens[mention.upperBound..<rightEnd])
        let around = UnsafeBufferPointer(rebasing: tokens[leftStart..<rightEnd])
        return before(left: left, around: around, right: right) ?? predicate(right: right)
    }

    // MARK: Rules 1 to 5: a negator before the mention

    /// `around` is `left`, the mention and `right` in one buffer (fixed phrases may run into the mention).
    private static func before(left: Tokens, around: Tokens, right: Tokens) -> NegationCue? {
        let endsItsClause = mentionEndsClause(right)
        var index = left.count - 1
        var gap = 0                 // words between the candidate negator and the current list item
        var itemWords = 0           // words of the current list item seen so far
        while index >= 0 {
            let token = left[index]
            if token.isComma {
                guard endsItsClause, itemWords <= maxListItem else { return nil }
                gap = 0
                itemWords = 0
                index -= 1
                continue
            }
            if token.isBoundary || Lexicon.opensClause(left, at: index) { return nil }
            if Lexicon.negators.contains(token.word) {
                if Lexicon.isFixedPhrase(around, at: index) {
                    gap += 1
                    itemWords += 1
                    index -= 1
                    continue
                }
                if isSecondOfDoubleNegation(left, at: index) { return nil }
                var end = token.range.upperBound
                if index + 1 < left.count, left[index + 1].word == Lexicon.co { end = left[index + 1].range.upperBound }
                return NegationCue(range: token.range.lowerBound..<end, position: .before)
            }
            gap += 1
            itemWords += 1
            if gap > maxGap { return nil }
            index -= 1
        }
        return nil
    }

    /// Whether the mention is the last thing in its clause, or a list item ("..., hạn chế nào").
    private static func mentionEndsClause(_ right: Tokens) -> Bool {
        guard let next = right.first else { return true }
        if next.isBoundary || next.isComma { return true }
        return Lexicon.listClosers.contains(next.word)
    }

    /// Rule 5: "không phải (là) không", "không thể không", "chẳng phải là chưa".
    private static func isSecondOfDoubleNegation(_ tokens: Tokens, at index: Int) -> Bool {
        var position = index - 1
        var skipped = 0
        while position >= 0, skipped <= 2, Lexicon.doubleNegationLinks.contains(tokens[position].word) {
            position -= 1
            skipped += 1
        }
        return position >= 0 && Lexicon.negators.contains(tokens[position].word)
    }

    // MARK: Rule 6: a negated predicate after the mention

    private static func predicate(right: Tokens) -> NegationCue? {
        var index = 0
        var words = 0
        // "Kiến nghị, đề xuất: Không có": skip a few coordinated words up to ":" , a dash or "thì".
        while index < right.count {
            let token = right[index]
            if token.isColonOrDash || token.word == Lexicon.thi {
                return negatorOpening(right, at: index + 1, mustEndClause: false)
            }
            if token.isBoundary { break }
            if !token.isComma { words += 1 }
            if words > 6 { break }
            index += 1
        }
        // "Kiến nghị đề xuất không có.": the negator right after the mention ends the clause.
        return negatorOpening(right, at: 0, mustEndClause: true)
    }

    /// A negator at `index` that denies what came before it: "không có", "chưa rút ra", or a bare
    /// "không" / "chưa" ending the clause. After a colon, "chưa quan tâm đúng mức" is content (a cause
    /// listed under a label), not a denial, so only existence and reporting verbs count there.
    private static func negatorOpening(_ tokens: Tokens, at index: Int, mustEndClause: Bool) -> NegationCue? {
        guard index < tokens.count, Lexicon.negators.contains(tokens[index].word),
              !Lexicon.isFixedPhrase(tokens, at: index) else { return nil }
        var end = index + 1
        let existential = end < tokens.count && tokens[end].word == Lexicon.co
        if existential { end += 1 }
        let endsHere = end >= tokens.count || tokens[end].isBoundary || tokens[end].isComma
            || Lexicon.denialClosers.contains(tokens[end].word)
        if !endsHere {
            if mustEndClause || existential == false && !opensReportingVerb(tokens, at: end) { return nil }
        }
        return NegationCue(range: tokens[index].range.lowerBound..<tokens[end - 1].range.upperBound, position: .predicate)
    }

    /// Verbs that say a part of the report exists or was made: "rút ra", "đề xuất", "nêu", "phát sinh".
    private static func opensReportingVerb(_ tokens: Tokens, at index: Int) -> Bool {
        var index = index
        if index < tokens.count, tokens[index].word == Lexicon.duoc { index += 1 }
        guard index < tokens.count else { return false }
        return Lexicon.reportingVerbs.contains(tokens[index].word)
    }
}

/// Decides negation for many mentions of one text, splitting each sentence into words once
/// (mentions come sentence by sentence, so the last sentence's words are kept). Every denial
/// holds a negator, so a sentence without one is not split at all.
public struct NegationReader {
    private let text: String
    private var sentence: Range<Int>?
    private var tokens: [Token] = []
    private var mayDeny = false

    /// A reader of `text`.
    public init(text: String) { self.text = text }

    /// Whether `mention` (UTF-8 bytes of the text) is denied within `sentence`.
    public mutating func isNegated(_ mention: Range<Int>, sentence: Range<Int>) -> Bool {
        cue(for: mention, sentence: sentence) != nil
    }

    /// The negator that denies `mention` within `sentence` (UTF-8 bytes of the text), or `nil`.
    public mutating func cue(for mention: Range<Int>, sentence: Range<Int>) -> NegationCue? {
        var text = text
        return text.withUTF8 { bytes -> NegationCue? in
            let sentence = sentence.clamped(to: 0..<bytes.count)
            if sentence != self.sentence {
                mayDeny = Self.mayHoldNegator(bytes, sentence)
                tokens = mayDeny ? Token.split(bytes, sentence) : []
                self.sentence = sentence
            }
            guard mayDeny else { return nil }
            let mention = mention.clamped(to: sentence)
            // The mention's tokens: those starting inside it.
            let first = firstToken(startingAtOrAfter: mention.lowerBound)
            let end = mention.isEmpty ? first : firstToken(startingAtOrAfter: mention.upperBound)
            return tokens.withUnsafeBufferPointer { Negation.cue(in: $0, mention: first..<max(first, end)) }
        }
    }

    /// Whether `range` of `bytes` may hold "không", "chưa", "chẳng" or "chả" in any case (NFC, as
    /// the words' keys are): one of them opens a word there (``opensNegator(_:at:end:)``).
    static func mayHoldNegator(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        // Where "kh" or "ch" would start, with room for two bytes after it; stretches without one
        // pass sixteen bytes at a time.
        let found = ByteVectors.firstIndex(bytes, from: range.lowerBound, to: range.upperBound - 3, flags: { bytes, next in
            typealias V = ByteVectors
            let letter = bytes | V.splat(0x20)
            return (letter .== V.splat(0x63) .| letter .== V.splat(0x6B)) .& (next | V.splat(0x20)) .== V.splat(0x68)
        }, where: { opensNegator(bytes, at: $0, end: range.upperBound) })
        return found != nil
    }

    /// Whether "không", "chưa", "chẳng" or "chả" in any case starts at `start` (where "kh" or "ch"
    /// stands, with two bytes after it) and ends before `end`. Only the word's opening is read
    /// ("chảy" passes), but "chương" and "khô", which open many sentences of union reports, do not.
    @inline(__always)
    static func opensNegator(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, end: Int) -> Bool {
        let initial = bytes[start] | 0x20
        guard bytes[start + 1] | 0x20 == 0x68, initial == 0x63 || initial == 0x6B else { return false }
        // The ASCII letter `lower` in either case at `offset` from `start`.
        func letter(_ offset: Int, _ lower: UInt8) -> Bool { start + offset < end && bytes[start + offset] | 0x20 == lower }
        let first = bytes[start + 2], second = bytes[start + 3]
        if initial == 0x6B {
            // ô Ô, then "ng"
            return first == 0xC3 && (second == 0xB4 || second == 0x94) && letter(4, 0x6E) && letter(5, 0x67)
        }
        // ư Ư, then "a"
        if first == 0xC6 && (second == 0xB0 || second == 0xAF) { return letter(4, 0x61) }
        guard first == 0xE1 && second == 0xBA && start + 4 < end else { return false }
        switch bytes[start + 4] {
        case 0xB3, 0xB2: return letter(5, 0x6E) && letter(6, 0x67)  // ẳ Ẳ, then "ng"
        case 0xA3, 0xA2: return true                                 // ả Ả
        default: return false
        }
    }

    private func firstToken(startingAtOrAfter offset: Int) -> Int {
        tokens.partitioningIndex { $0.range.lowerBound >= offset }
    }
}

private typealias Tokens = UnsafeBufferPointer<Token>

/// The words the negation rules know, as ``WordKey``s.
private enum Lexicon {
    static func keys(_ words: [String]) -> WordKeySet { WordKeySet(words.map(WordKey.init)) }

    static let negators = keys(["không", "chưa", "chẳng", "chả"])
    static let khong = WordKey("không"), chua = WordKey("chưa"), co = WordKey("có"), thi = WordKey("thì")
    static let duoc = WordKey("được"), song = WordKey("song"), la = WordKey("là"), phai = WordKey("phải")
    static let hang = WordKey("hàng"), tung = WordKey("từng"), he = WordKey("hề")

    /// Words after a mention that keep it the last item of its clause ("..., hạn chế nào").
    static let listClosers = keys(["gì", "nào", "và", "hoặc", "cả"])
    /// Words that end a denial after "không có" ("không có gì", "chưa có cả").
    static let denialClosers = keys(["gì", "cả", "ạ"])
    /// Words that may stand between the two negators of a double negation ("không phải là không").
    static let doubleNegationLinks = keys(["phải", "là", "thể", "hẳn"])

    /// First words of verbs that make a part of a report exist ("rút ra", "đề xuất", "phát sinh").
    static let reportingVerbs = keys([
        "có", "phát", "rút", "đề", "nêu", "xác", "xây", "tổng", "thấy", "ghi", "nhận", "đưa", "kiến",
    ])

    /// Words that open a new clause when they stand before the mention.
    static let clauseOpeners = keys(["nhưng", "song", "mà", "nên", "vì", "tuy", "thì"])

    /// Two-word clause openers, each pair as one key.
    static let clauseOpenerPairs = WordKeySet([
        ("tuy", "nhiên"), ("tuy", "vậy"), ("đồng", "thời"), ("ngoài", "ra"), ("bên", "cạnh"), ("trong", "khi"),
        ("do", "đó"), ("vì", "vậy"), ("vì", "thế"), ("bởi", "vì"),
    ].map { WordKey(pair: WordKey($0.0), WordKey($0.1)) })

    /// Whether the word at `index` opens a clause (alone, or as the second word of a pair).
    static func opensClause(_ tokens: Tokens, at index: Int) -> Bool {
        let word = tokens[index].word
        if word == song {
            // "song song" (in parallel) is an adverb, not "but".
            let neighbours = [index - 1, index + 1].filter { tokens.indices.contains($0) }
            return !neighbours.contains { tokens[$0].word == song }
        }
        if clauseOpeners.contains(word) { return true }
        // The copula splits subject from complement: "Việc chưa làm được là công tác ..." denies
        // nothing after "là"; "không phải là" keeps its negator.
        if word == la { return index == 0 || tokens[index - 1].word != phai }
        if index > 0, clauseOpenerPairs.contains(WordKey(pair: tokens[index - 1].word, word)) { return true }
        return false
    }

    /// Fixed phrases opened by a negator that negate nothing, as the words that follow it.
    static let fixedAfter: [WordKey: [[WordKey]]] = [
        "không": [
            ["ngừng"], ["chỉ"], ["những"], ["ít"], ["kém"], ["dưới"], ["quá"], ["khỏi"], ["riêng"], ["quản"],
            ["ngại"], ["khí"], ["gian"], ["quân"], ["kể"], ["chuyên", "trách"], ["thể", "thiếu"],
            ["thể", "phủ", "nhận"], ["tránh", "khỏi"], ["thể", "tránh", "khỏi"],
        ],
        "chẳng": [["hạn"], ["những"], ["qua"], ["lẽ"]],
        "chưa": [["kể"]],
    ].reduce(into: [:]) { table, entry in table[WordKey(entry.key)] = entry.value.map { $0.map(WordKey.init) } }
    /// What may follow "chưa từng có" / "chưa hề có" when it means "unprecedented".
    static let unprecedentedFollowers = keys([
        "tiền", "trước", "về", "trong", "của", "từ", "kể", "bao", "nay", "ở", "tại",
    ])

    /// Whether the negator at `index` opens a fixed phrase (rule 3).
    static func isFixedPhrase(_ tokens: Tokens, at index: Int) -> Bool {
        let word = tokens[index].word
        if word == khong, index > 0, tokens[index - 1].word == hang { return true }
        func follows(_ words: [WordKey]) -> Bool {
            guard index + words.count < tokens.count else { return false }
            return words.indices.allSatisfy { tokens[index + 1 + $0].word == words[$0] }
        }
        if let phrases = fixedAfter[word], phrases.contains(where: follows) { return true }
        if word == chua, follows([tung, co]) || follows([he, co]) {
            let after = index + 3
            return after >= tokens.count || tokens[after].isBoundary || tokens[after].isComma
                || unprecedentedFollowers.contains(tokens[after].word)
        }
        return false
    }
}

/// A word or a punctuation mark of a sentence, with its UTF-8 byte range.
fileprivate struct Token {
    enum Kind { case word, comma, colonOrDash, boundary }
    let kind: Kind
    let range: Range<Int>
    /// The word, whatever its case (the key of "" for punctuation).
    let word: WordKey

    static let punctuation = WordKey("")

    var isComma: Bool { kind == .comma }
    var isColonOrDash: Bool { kind == .colonOrDash }
    /// Whether the token ends a clause; a colon and a dash do too.
    var isBoundary: Bool { kind == .boundary || kind == .colonOrDash }

    /// Splits `range` of `bytes` into words and punctuation; spaces and quotes are dropped.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(range.count / 4)
        var wordStart: Int?
        var position = range.lowerBound
        func closeWord(at end: Int) {
            guard let start = wordStart else { return }
            tokens.append(Token(kind: .word, range: start..<end, word: WordKey(bytes, start..<end)))
            wordStart = nil
        }
        while position < range.upperBound {
            let byte = bytes[position]
            var width = 1
            var kind: Kind?
            var isSpace = false
            switch byte {
            case 0x20, 0x09, 0x22, 0x27: isSpace = true                               // space, tab, " '
            case 0x0A, 0x0D, 0x3B, 0x21, 0x3F, 0x28, 0x29, 0x5B, 0x5D: kind = .boundary // \n \r ; ! ? ( ) [ ]
            case 0x2C: kind = .comma
            case 0x3A: kind = .colonOrDash
            case 0x2E:                                                               // "." unless "1.250"
                let inNumber = position > range.lowerBound && position + 1 < range.upperBound
                    && isDigit(bytes[position - 1]) && isDigit(bytes[position + 1])
                if !inNumber { kind = .boundary }
            case 0x2D:                                                               // "-" alone is a dash
                let alone = (position == range.lowerBound || bytes[position - 1] == 0x20)
                    && (position + 1 >= range.upperBound || bytes[position + 1] == 0x20)
                if alone { kind = .colonOrDash }
            case 0xC2 where position + 1 < range.upperBound && bytes[position + 1] == 0xA0:
                isSpace = true                                                       // no-break space
                width = 2
            case 0xE2 where position + 2 < range.upperBound && bytes[position + 1] == 0x80:
                width = 3
                switch bytes[position + 2] {
                case 0x93, 0x94: kind = .colonOrDash                                 // – —
                case 0xA6: kind = .boundary                                          // …
                case 0x9C, 0x9D, 0x98, 0x99: isSpace = true                          // “ ” ‘ ’
                default: width = 1
                }
            default: break
            }
            if isSpace || kind != nil {
                closeWord(at: position)
                if let kind { tokens.append(Token(kind: kind, range: position..<position + width, word: punctuation)) }
            } else if wordStart == nil {
                wordStart = position
            }
            position += width
        }
        closeWord(at: range.upperBound)
        return tokens
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
