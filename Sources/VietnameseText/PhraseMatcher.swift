// VietnameseText: phrase matching. Finds every phrase of many named sets in one pass over a text.
import Foundation

/// A named set of phrases (a concept), with the look-alike phrases that cancel a match they overlap.
public struct PhraseSet: Sendable, Hashable {
    /// The set's name.
    public let name: String
    /// Phrases that count.
    public let phrases: [String]
    /// Longer phrases that mean something else; a match overlapping one of them does not count.
    public let exclude: [String]

    public init(name: String, phrases: [String], exclude: [String] = []) {
        self.name = name
        self.phrases = phrases
        self.exclude = exclude
    }
}

/// One occurrence of a phrase of a set.
public struct PhraseMatch: Sendable, Hashable {
    /// The set's name.
    public let set: String
    /// UTF-8 byte range in the text given to ``PhraseMatcher/matches(in:)``.
    public let range: Range<Int>
}

/// A phrase the matcher cannot use.
public struct PhraseError: Error, Sendable, CustomStringConvertible {
    /// The set the phrase belongs to.
    public let set: String
    /// The phrase as given.
    public let phrase: String

    public var description: String {
        "phrase '\(phrase)' of '\(set)' has no letter or digit: phrases match whole words, so each needs one"
    }
}

/// Finds every phrase of many sets in one pass over a text, word by word.
///
/// Phrases are compared in ``MatchForm`` (case, tone placement and i/y do not matter; with folding,
/// diacritics neither), runs of spaces and tabs count as one space, and a union abbreviation
/// stands for its expansion and back ("CNVCLĐ" matches "công nhân, viên chức, lao động").
/// Phrases match whole words only (words are runs of letters and digits, see ``PhraseTokens``).
/// Every phrase found at every word is reported, so overlapping phrases of different sets are all
/// found. Within one set, a phrase found inside a longer phrase of the set is dropped: they are
/// one statement.
///
/// Each distinct word of a text is put in matching form once and looked up among the phrases'
/// words; a phrase is followed along a trie of words only from a word that starts one.
public final class PhraseMatcher: Sendable {
    /// The sets, in the order given.
    public let sets: [PhraseSet]
    /// Whether phrases and text are compared without diacritics.
    public let foldDiacritics: Bool
    /// The matching-form keys of every phrase and exclusion, by key index (for diagnostics and benchmarks).
    public let keys: [String]
    private let trie: PhraseTrie
    // The sets each key counts for, and whether as an exclusion: key k's are at ownerStart[k]..<ownerStart[k+1].
    private let ownerStart: [Int32]
    private let owners: [(set: Int32, excluded: Bool)]
    // Each set's name, and its place among the sets sorted by name.
    private let setNames: [String]
    private let nameRank: [Int32]
    // What the texts matched so far taught about their words, for the next texts.
    private let memos = MemoShelf(make: Memo.init) { $0.words.isHalfFull || $0.separators.isHalfFull }

    /// Compiles the sets once; throws ``PhraseError`` for a phrase without a letter or a digit.
    public init(_ sets: [PhraseSet], foldDiacritics: Bool = false) throws {
        self.sets = sets
        self.foldDiacritics = foldDiacritics
        var keys: [String] = []
        var keyIndex: [String: Int] = [:]
        var keyOwners: [[(set: Int32, excluded: Bool)]] = []
        var trie = PhraseTrie()
        for (setIndex, set) in sets.enumerated() {
            for (phrases, excluded) in [(set.phrases, false), (set.exclude, true)] {
                for phrase in phrases {
                    let variants = PhraseMatcher.keys(for: phrase, fold: foldDiacritics)
                    guard !variants.isEmpty else { throw PhraseError(set: set.name, phrase: phrase) }
                    for key in variants {
                        let index: Int
                        if let existing = keyIndex[key] {
                            index = existing
                        } else {
                            guard trie.insert(key) else { throw PhraseError(set: set.name, phrase: phrase) }
                            index = keyOwners.count
                            keyIndex[key] = index
                            keys.append(key)
                            keyOwners.append([])
                        }
                        if !keyOwners[index].contains(where: { $0.set == Int32(setIndex) && $0.excluded == excluded }) {
                            keyOwners[index].append((Int32(setIndex), excluded))
                        }
                    }
                }
            }
        }
        trie.freeze()
        self.trie = trie
        self.keys = keys
        // Each set's place among the sets sorted by name.
        var nameRank = [Int](repeating: 0, count: sets.count)
        for (rank, index) in sets.indices.sorted(by: { sets[$0].name < sets[$1].name }).enumerated() { nameRank[index] = rank }
        var ownerStart: [Int32] = [0]
        for list in keyOwners { ownerStart.append(ownerStart[ownerStart.count - 1] + Int32(list.count)) }
        self.ownerStart = ownerStart
        // A key's sets in name order: matches of one range come out in that order.
        owners = keyOwners.flatMap { $0.sorted { nameRank[Int($0.set)] < nameRank[Int($1.set)] } }
        setNames = sets.map(\.name)
        self.nameRank = nameRank.map(Int32.init)
    }

    /// The matching-form keys of a phrase: itself, and its variants with union abbreviations
    /// replaced by their expansions and expansions by their abbreviations.
    static func keys(for phrase: String, fold: Bool) -> [String] {
        let base = collapse(MatchForm.key(phrase, foldDiacritics: fold))
        guard !base.isEmpty else { return [] }
        var keys = [base]
        // Only pairs with a word in some key can apply (a dictionary lookup per word, not a
        // search per pair); they are tried in the table's order, as each key appears.
        let table = abbreviationTable(fold: fold)
        var words = [wordSet(base)]
        var candidate = [Bool](repeating: false, count: table.pairs.count)
        table.mark(words[0], in: &candidate)
        for (pairIndex, pair) in table.pairs.enumerated() where candidate[pairIndex] {
            for index in keys.indices where keys.count < 12 {
                for (from, fromWords, to) in [(pair.expansion, pair.expansionWords, pair.form), (pair.form, pair.formWords, pair.expansion)]
                where fromWords.allSatisfy(words[index].contains) {
                    let replaced = replaceWords(from, with: to, in: keys[index])
                    if replaced != keys[index] && !keys.contains(replaced) {
                        keys.append(replaced)
                        words.append(wordSet(replaced))
                        table.mark(words[words.count - 1], in: &candidate)
                    }
                }
            }
        }
        return keys
    }

    /// The words (runs of letters and digits) of a key.
    private static func words(of key: String) -> [Substring] {
        key.split(whereSeparator: { !isWordCharacter($0) })
    }

    /// ``words(of:)`` as a set.
    private static func wordSet(_ key: String) -> Set<Substring> {
        Set(words(of: key))
    }

    private static func collapse(_ key: String) -> String {
        key.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    private static let abbreviationTablePlain = AbbreviationTable(fold: false)
    private static let abbreviationTableFolded = AbbreviationTable(fold: true)

    private static func abbreviationTable(fold: Bool) -> AbbreviationTable {
        fold ? abbreviationTableFolded : abbreviationTablePlain
    }

    /// An abbreviation and its expansion in matching form, with the words of each.
    private struct KeyPair {
        let form: String, expansion: String
        let formWords: [Substring], expansionWords: [Substring]

        init(form: String, expansion: String) {
            self.form = form
            self.expansion = expansion
            formWords = PhraseMatcher.words(of: form)
            expansionWords = PhraseMatcher.words(of: expansion)
        }
    }

    /// The lexicon's (abbreviation, default expansion) pairs in matching form, longest expansion
    /// first, indexed by the words they hold.
    private struct AbbreviationTable {
        let pairs: [KeyPair]
        let byWord: [Substring: [Int]]

        init(fold: Bool) {
            var pairs: [KeyPair] = []
            for entry in AbbreviationLexicon.entries {
                let expansion = collapse(MatchForm.key(entry.expansion, foldDiacritics: fold))
                for form in entry.forms {
                    let key = collapse(MatchForm.key(form, foldDiacritics: fold))
                    // Single letters, and forms that are ordinary syllables once lower-cased ("TƯ" -> "tư",
                    // "TU" -> "tu"), would match everywhere: they stay case-sensitive in the lexicon only.
                    guard key.unicodeScalars.count >= 2, key != expansion, VietnameseSyllable.parse(key) == nil else { continue }
                    pairs.append(KeyPair(form: key, expansion: expansion))
                }
            }
            self.pairs = pairs.sorted { $0.expansion.utf8.count > $1.expansion.utf8.count }
            var byWord: [Substring: [Int]] = [:]
            for (index, pair) in self.pairs.enumerated() {
                for word in Set(pair.formWords + pair.expansionWords) { byWord[word, default: []].append(index) }
            }
            self.byWord = byWord
        }

        /// Marks the pairs that hold one of `words`.
        func mark(_ words: Set<Substring>, in candidate: inout [Bool]) {
            for word in words { for index in byWord[word] ?? [] { candidate[index] = true } }
        }
    }

    /// Replaces whole-word occurrences of `word` in `text` (both in matching form).
    private static func replaceWords(_ word: String, with replacement: String, in text: String) -> String {
        guard !word.isEmpty else { return text }
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: word) {
            let before = rest[..<range.lowerBound].last ?? result.last
            let after = rest[range.upperBound...].first
            let boundary = !(before.map(isWordCharacter) ?? false) && !(after.map(isWordCharacter) ?? false)
            result += rest[..<range.lowerBound]
            result += boundary ? replacement : String(rest[range])
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Every occurrence in `text` of every set, in text order, exclusions applied.
    public func matches(in text: String) -> [PhraseMatch] {
        var result: [PhraseMatch] = []
        forEachMatch(in: text, reserving: { result.reserveCapacity($0) }) { set, range in
            result.append(PhraseMatch(set: setNames[set], range: range))
        }
        return result
    }

    /// ``matches(in:)`` with each set given by its place in ``sets``: for a caller that sorts many
    /// matches by set, which then indexes an array instead of hashing names.
    package func indexedMatches(in text: String) -> [(set: Int, range: Range<Int>)] {
        var result: [(set: Int, range: Range<Int>)] = []
        forEachMatch(in: text, reserving: { result.reserveCapacity($0) }) { result.append(($0, $1)) }
        return result
    }

    /// Calls `body` with each occurrence's set (its place in ``sets``) and range, in text order,
    /// exclusions applied; `reserving` first gets an upper bound of their number.
    @inline(__always)
    private func forEachMatch(in text: String, reserving: (Int) -> Void, _ body: (Int, Range<Int>) -> Void) {
        guard !keys.isEmpty else { return }
        var text = text
        // A walk reads at most one word past the longest key: the words read ahead fit a ring of
        // this size (at least 64, so that words are read in batches).
        var ring = 64
        while ring < trie.depth + 2 { ring *= 2 }
        let (candidates, exclusions) = text.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: TextScan.Word.self, capacity: ring) { words in
                var scan = TextScan(matcher: self, bytes: bytes, words: words, memo: memos.take())
                scan.run()
                memos.put(scan.memo)
                return (scan.candidates, scan.exclusions)
            }
        }
        // Candidates come in text order; a set's exclusions are all known now.
        let excluded = exclusions.map(SortedRanges.init)
        var furthest = [Int](repeating: Int.min, count: sets.count)
        reserving(candidates.count)
        for hit in candidates {
            let set = Int(hit.set)
            // A phrase inside a longer phrase of the same set is the same statement: keep the longer.
            guard furthest[set] < hit.end else { continue }
            furthest[set] = hit.end
            if excluded[set].overlaps(hit.start..<hit.end) { continue }
            body(set, hit.start..<hit.end)
        }
    }

    /// The matching facts of the words and separators of the texts a matcher has scanned: a
    /// function of the bytes alone for one matcher, so they hold from one text to the next, and
    /// the reports of a batch share most of their words.
    private struct Memo {
        /// Each word's number among the keys' words (-1: in no key) and the node of the keys it starts.
        var words = WordTable<(number: Int32, root: PhraseTrie.Step)>()
        /// Each separator's number among the keys' separators (-1: in none), spaces and tabs collapsed.
        var separators = WordTable<Int32>()
    }

    /// One phrase found (not an exclusion): its set and its bytes in the text.
    private struct Hit {
        let set: Int32
        let start: Int
        let end: Int
    }

    /// One pass over one text: its words in matching form, numbered through a memo, and the
    /// trie followed from each word that starts a key.
    private struct TextScan {
        let matcher: PhraseMatcher
        let trie: PhraseTrie
        let bytes: UnsafeBufferPointer<UInt8>
        let classifier: PhraseTokens.Classifier
        /// For each start, the longest phrase of each set found there (unless it is an
        /// exclusion), by start, then end, then set name.
        var candidates: [Hit] = []
        /// Each set's exclusions found, by start.
        var exclusions: [[Range<Int>]]
        /// The facts of the words and separators seen, in this text and the ones before.
        private(set) var memo: Memo
        private var collapsedSeparator: [UInt8] = []
        private var form: [UInt8] = []
        // Where the current walk's candidates start in `candidates`, and each set's latest candidate
        // there (-1 before its first): the set has one in this walk when it is at or after `walkStart`.
        private var walkStart = 0
        private var lastCandidate: [Int]
        // The words read ahead (in batches, for walks to look at), in a ring: word n (counting from
        // 0) is at n & mask. The current word is `head`; `read` words have been read, up to byte `readUpTo`.
        private let words: UnsafeMutableBufferPointer<Word>
        private let mask: Int
        private var head = 0
        private var read = 0
        private var readUpTo = 0

        /// A word of the text: its bytes, its number among the keys' words (-1: in no key) and the
        /// node of the keys it starts.
        struct Word {
            let start: Int
            let end: Int
            let number: Int32
            let root: PhraseTrie.Step
        }

        /// A scan of `bytes` reading ahead into `words`, whose count is a power of two larger than
        /// the longest key plus one.
        init(matcher: PhraseMatcher, bytes: UnsafeBufferPointer<UInt8>, words: UnsafeMutableBufferPointer<Word>, memo: Memo) {
            self.matcher = matcher
            self.memo = memo
            trie = matcher.trie
            self.bytes = bytes
            classifier = PhraseTokens.Classifier(for: bytes)
            exclusions = [[Range<Int>]](repeating: [], count: matcher.sets.count)
            self.words = words
            mask = words.count - 1
            lastCandidate = [Int](repeating: -1, count: matcher.sets.count)
        }

        mutating func run() {
            // Where the separator before the current word starts (0 before the first word).
            var separatorStart = 0
            while let word = word(ahead: 0) {
                if word.number >= 0 {
                    if trie.startsLeadKey[Int(word.number)] {
                        for lead in trie.leads.indices {
                            let node = trie.next(trie.leads[lead].root, UInt64(word.number))
                            // The leading separator ends the one before the word, and a letter or digit may not stand right before it.
                            guard node.exists,
                                  let start = PhraseTokens.suffixStart(trie.leads[lead].separator, in: bytes, from: separatorStart, to: word.start),
                                  start > separatorStart || separatorStart == 0 else { continue }
                            walk(from: node, at: word, start: start)
                        }
                    }
                    if word.root.exists { walk(from: word.root, at: word, start: word.start) }
                }
                separatorStart = word.end
                head += 1
            }
        }

        /// The word `offset` words after the current one, read when first asked for; nil past the end.
        @inline(__always)
        private mutating func word(ahead offset: Int) -> Word? {
            if head + offset >= read {
                fill()
                if head + offset >= read { return nil }
            }
            return words[(head + offset) & mask]
        }

        /// Reads words into the ring until it holds the current word and those after it that fit,
        /// or the text ends.
        @inline(never)
        private mutating func fill() {
            while read - head <= mask {
                let start = classifier.runEnd(bytes, from: readUpTo, word: false)
                readUpTo = start
                guard start < bytes.count else { return }
                let end = classifier.runEnd(bytes, from: start, word: true)
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let (number, root) = memo.words.lookup(word)?.value ?? facts(ofWord: word)
                words[read & mask] = Word(start: start, end: end, number: number, root: root)
                read += 1
                readUpTo = end
            }
        }

        /// Follows the trie from `step`, reached by `word` (the current word), as far as the text agrees.
        private mutating func walk(from step: PhraseTrie.Step, at word: Word, start: Int) {
            walkStart = candidates.count
            var step = step, word = word, offset = 0
            while true {
                if step.hasEnds {
                    for position in trie.node(step.node).ends { found(trie.endKeys[position], start, word.end) }
                }
                guard step.hasTrails || step.hasEdges else { break }
                offset += 1
                let next = self.word(ahead: offset)
                if step.hasTrails { trails(of: step, start: start, after: word.end, before: next?.start ?? bytes.count) }
                guard let next, next.number >= 0, step.hasEdges else { break }
                let separator = number(ofSeparator: word.end..<next.start)
                step = separator >= 0 ? trie.next(step.node, PhraseTrie.label(separator: separator, word: next.number)) : .none
                guard step.exists else { break }
                word = next
            }
            if candidates.count - walkStart > 1 { sortCandidates(from: walkStart) }
        }

        /// Finds the keys ending at `step` with a separator that the separator `after..<before` starts with.
        private mutating func trails(of step: PhraseTrie.Step, start: Int, after end: Int, before next: Int) {
            for position in trie.node(step.node).trails {
                if let end = PhraseTokens.prefixEnd(trie.trailSeparators[position], in: bytes, from: end, to: next) {
                    found(trie.trailKeys[position], start, end)
                }
            }
        }

        /// Files a key found from `start` to `end` for each set it counts for: an exclusion, or the
        /// set's candidate of this walk (a later key of a walk is longer and takes the place of an earlier).
        @inline(__always)
        private mutating func found(_ key: Int32, _ start: Int, _ end: Int) {
            for index in Int(matcher.ownerStart[Int(key)])..<Int(matcher.ownerStart[Int(key) + 1]) {
                let owner = matcher.owners[index]
                let set = Int(owner.set)
                let hit = Hit(set: owner.set, start: start, end: end)
                if owner.excluded {
                    exclusions[set].append(start..<end)
                } else if lastCandidate[set] >= walkStart {
                    candidates[lastCandidate[set]] = hit
                } else {
                    lastCandidate[set] = candidates.count
                    candidates.append(hit)
                }
            }
        }

        /// Puts the candidates of one walk, from `first` on, in order of end, then set name (a
        /// set's longer key, found later, took the place of its shorter one).
        @inline(never)
        private mutating func sortCandidates(from first: Int) {
            let rank = matcher.nameRank
            for index in (first + 1)..<candidates.count {
                let hit = candidates[index]
                var place = index
                while place > first, (candidates[place - 1].end, rank[Int(candidates[place - 1].set)]) > (hit.end, rank[Int(hit.set)]) {
                    candidates[place] = candidates[place - 1]
                    place -= 1
                }
                candidates[place] = hit
            }
        }

        /// The number of `word` among the keys' words (in matching form), or -1, and the node of
        /// the keys it starts; kept in the memo, which ``fill()`` looks in first.
        @inline(never)
        private mutating func facts(ofWord word: UnsafeBufferPointer<UInt8>) -> (number: Int32, root: PhraseTrie.Step) {
            form.removeAll(keepingCapacity: true)
            MatchForm.appendForm(of: word, fold: matcher.foldDiacritics, to: &form)
            let number = form.withUnsafeBufferPointer { trie.number(ofWord: $0) }
            let facts = (number, number >= 0 ? trie.rootChildren[Int(number)] : PhraseTrie.Step.none)
            memo.words.keep(word, facts)
            return facts
        }

        /// The number of the separator at `range` (spaces and tabs collapsed) among the keys' separators, or -1.
        @inline(__always)
        private mutating func number(ofSeparator range: Range<Int>) -> Int32 {
            if range.count == 1 && bytes[range.lowerBound] == 0x20 { return trie.spaceID }
            let separator = UnsafeBufferPointer(rebasing: bytes[range])
            if let known = memo.separators.lookup(separator) { return known.value }
            return newNumber(ofSeparator: separator)
        }

        /// ``number(ofSeparator:)`` of a separator not seen before, kept for next time.
        @inline(never)
        private mutating func newNumber(ofSeparator separator: UnsafeBufferPointer<UInt8>) -> Int32 {
            PhraseTokens.collapsed(separator, into: &collapsedSeparator)
            let number = trie.separatorIDs[collapsedSeparator] ?? -1
            memo.separators.keep(separator, number)
            return number
        }
    }
}
