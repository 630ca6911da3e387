// VietnameseText: phrase matching. Finds every phrase of many named sets in one pass over the matching form.
import Foundation
import PCRE2

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

/// Text prepared once for matching: spaces collapsed, then put in ``MatchForm``.
public struct MatchText: Sendable {
    /// The matching form.
    public let text: String
    /// Whether diacritics were folded away.
    public let folded: Bool
    private let formMap: OffsetMap
    private let spaceMap: OffsetMap

    /// Prepares `text`; with `foldDiacritics`, for reports typed without diacritics.
    public init(_ text: String, foldDiacritics: Bool) {
        let (collapsed, spaceMap) = MatchText.collapseSpaces(text)
        let (form, formMap) = MatchForm.make(collapsed, foldDiacritics: foldDiacritics)
        self.text = form
        self.folded = foldDiacritics
        self.formMap = formMap
        self.spaceMap = spaceMap
    }

    /// The ranges in the original text of ranges of the matching form, fastest when they come in text order.
    func originalRanges(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var formStart = OffsetMap.Cursor(formMap), spaceStart = OffsetMap.Cursor(spaceMap)
        var formEnd = OffsetMap.Cursor(formMap), spaceEnd = OffsetMap.Cursor(spaceMap)
        return ranges.map {
            spaceStart.inputOffset(formStart.inputOffset($0.lowerBound))..<spaceEnd.inputOffset(formEnd.inputOffset($0.upperBound))
        }
    }

    /// Runs of spaces and tabs become one space, so "công  đoàn" matches "công đoàn".
    static func collapseSpaces(_ text: String) -> (String, OffsetMap) {
        let original = text
        var text = text
        return text.withUTF8 { bytes in
            var builder: TextBuilder?
            var copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x20 || byte == 0x09 else { index += 1; continue }
                var end = index + 1
                while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
                if end - index > 1 || byte == 0x09 {
                    if builder == nil { builder = TextBuilder(capacity: bytes.count) }
                    builder!.copy(UnsafeBufferPointer(rebasing: bytes[copied..<index]), from: copied)
                    builder!.replace(index..<end, with: [0x20])
                    copied = end
                }
                index = end
            }
            guard var builder else { return (original, .identity) }
            builder.copy(UnsafeBufferPointer(rebasing: bytes[copied...]), from: copied)
            return (builder.string, builder.map)
        }
    }
}

/// Finds every phrase of many sets in one pass of one PCRE2 JIT pattern over a text's matching form.
///
/// Phrases are compared in ``MatchForm`` (case, tone placement and i/y do not matter; with folding,
/// diacritics neither) and a union abbreviation stands for its expansion and back ("CNVCLĐ" matches
/// "công nhân, viên chức, lao động"). Phrases match whole words only. At every word start the
/// longest phrase wins and every phrase that is a word-prefix of it is reported too; searching
/// resumes at the next word, so overlapping phrases of different sets are all found. Within one
/// set, a phrase found inside a longer phrase of the set is dropped: they are one statement.
public final class PhraseMatcher: Sendable {
    /// The sets, in the order given.
    public let sets: [PhraseSet]
    /// Whether phrases and text are compared without diacritics.
    public let foldDiacritics: Bool
    /// The matching-form keys of every phrase and exclusion, as compiled (for diagnostics and benchmarks).
    public let keys: [String]
    private let scanners: [Scanner]
    // Each set's place among the sets sorted by name: matches at one range come in name order.
    private let nameRank: [Int]

    /// The sources of the compiled prefix-factored alternations (for diagnostics and benchmarks):
    /// one, unless the phrases are too many for one PCRE2 pattern.
    public var patternSources: [String] { scanners.map(\.pattern.source) }


    /// One compiled trie of some of the keys.
    private struct Scanner: Sendable {
        let pattern: Pattern
        // For each trie node a match can end at: every phrase found there, as the set it counts
        // for, its length in bytes and whether it is an exclusion of that set.
        let hitsByNode: [[(set: Int, length: Int, excluded: Bool)]]
    }

    /// Compiles the sets once; throws when a phrase cannot be compiled. At most `keysPerPattern`
    /// phrase keys go into one PCRE2 pattern; more are split over several, and a pattern PCRE2
    /// finds too large is split in two until it compiles.
    public init(_ sets: [PhraseSet], foldDiacritics: Bool = false, keysPerPattern: Int = 4_096) throws {
        self.sets = sets
        self.foldDiacritics = foldDiacritics
        var keys: [String] = []
        var keyIndex: [String: Int] = [:]
        var owners: [[(set: Int, excluded: Bool)]] = []
        for (setIndex, set) in sets.enumerated() {
            for (phrases, excluded) in [(set.phrases, false), (set.exclude, true)] {
                for phrase in phrases {
                    for key in PhraseMatcher.keys(for: phrase, fold: foldDiacritics) {
                        let index: Int
                        if let existing = keyIndex[key] {
                            index = existing
                        } else {
                            index = owners.count
                            keyIndex[key] = index
                            keys.append(key)
                            owners.append([])
                        }
                        if !owners[index].contains(where: { $0.set == setIndex && $0.excluded == excluded }) {
                            owners[index].append((setIndex, excluded))
                        }
                    }
                }
            }
        }
        self.keys = keys
        var nameRank = [Int](repeating: 0, count: sets.count)
        for (rank, index) in sets.indices.sorted(by: { sets[$0].name < sets[$1].name }).enumerated() { nameRank[index] = rank }
        self.nameRank = nameRank
        let chunk = max(1, keysPerPattern)
        scanners = try stride(from: 0, to: keys.count, by: chunk).flatMap { start in
            try Self.scanners(keys: keys, owners: owners, range: start..<min(keys.count, start + chunk))
        }
    }

    /// The scanners of `keys[range]`: one, or several when PCRE2 cannot hold them in one pattern.
    /// Splitting does not change what is found: the phrases matching at one place are each a
    /// word-prefix of the longest, and each scanner reports all of its own.
    private static func scanners(keys: [String], owners: [[(set: Int, excluded: Bool)]], range: Range<Int>) throws -> [Scanner] {
        var trie = PhraseTrie()
        for index in range { trie.insert(keys[index]) }
        do {
            let pattern = try Pattern("(?<![\\p{L}\\p{N}])" + trie.pattern())
            let hitsByNode = trie.pathTable().map { local in
                local.flatMap { key in
                    owners[range.lowerBound + key].map { (set: $0.set, length: trie.keys[key].utf8.count, excluded: $0.excluded) }
                }.sorted { $0.length > $1.length }
            }
            return [Scanner(pattern: pattern, hitsByNode: hitsByNode)]
        } catch let error as PCRE2Error where error.isTooLarge && range.count > 1 {
            let middle = range.lowerBound + range.count / 2
            return try scanners(keys: keys, owners: owners, range: range.lowerBound..<middle)
                + scanners(keys: keys, owners: owners, range: middle..<range.upperBound)
        }
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
    public func matches(in text: String) throws -> [PhraseMatch] {
        try matches(in: MatchText(text, foldDiacritics: foldDiacritics))
    }

    /// Every occurrence in a prepared text (which must be prepared with this matcher's folding).
    public func matches(in prepared: MatchText) throws -> [PhraseMatch] {
        guard !scanners.isEmpty else { return [] }
        precondition(prepared.folded == foldDiacritics, "the text was prepared with other folding")
        // Hits by set. One scanner finds them in text order, the longest first at each place (the
        // hits of a node are kept longest first); hits of several scanners are sorted afterwards.
        var bySet = [[Hit]](repeating: [], count: sets.count)
        var subject = prepared.text
        try subject.withUTF8 { bytes in
            for scanner in scanners {
                try scanner.pattern.scanMarks(inUTF8: bytes) { range, mark in
                    guard let mark, scanner.hitsByNode.indices.contains(mark) else { return range.upperBound }
                    let start = range.lowerBound
                    for hit in scanner.hitsByNode[mark] {
                        bySet[hit.set].append(Hit(set: hit.set, start: start, end: start + hit.length, excluded: hit.excluded))
                    }
                    return PhraseMatcher.nextWordStart(in: bytes, after: start)
                }
            }
        }
        var kept: [Hit] = []
        var exclusions: [Range<Int>] = []
        for var hits in bySet where !hits.isEmpty {
            if scanners.count > 1 { hits.sort { ($0.start, -$0.end) < ($1.start, -$1.end) } }
            exclusions.removeAll(keepingCapacity: true)
            for hit in hits where hit.excluded { exclusions.append(hit.start..<hit.end) }
            // By start, longest first: a range is inside an earlier one exactly when the furthest
            // end seen so far reaches its end.
            var furthest = Int.min
            for hit in hits where !hit.excluded {
                let contained = furthest >= hit.end
                furthest = max(furthest, hit.end)
                // A phrase inside a longer phrase of the same set is the same statement: keep the longer.
                guard !contained, !PhraseMatcher.overlaps(hit.start..<hit.end, sortedRanges: exclusions) else { continue }
                kept.append(hit)
            }
        }
        kept.sort { ($0.start, $0.end, nameRank[$0.set]) < ($1.start, $1.end, nameRank[$1.set]) }
        let ranges = prepared.originalRanges(kept.map { $0.start..<$0.end })
        return zip(kept, ranges).map { PhraseMatch(set: sets[$0.set].name, range: $1) }
    }

    /// One phrase found: its set, its bytes in the matching form, and whether it is an exclusion.
    private struct Hit {
        let set: Int
        let start: Int
        let end: Int
        let excluded: Bool
    }

    /// Whether `range` overlaps any of `sortedRanges` (sorted by start; exclusions are few and short).
    private static func overlaps(_ range: Range<Int>, sortedRanges: [Range<Int>]) -> Bool {
        guard !sortedRanges.isEmpty else { return false }
        // The first exclusion starting at or after the range's end cannot overlap, nor any after it.
        var low = 0, high = sortedRanges.count
        while low < high {
            let mid = (low + high) / 2
            if sortedRanges[mid].lowerBound < range.upperBound { low = mid + 1 } else { high = mid }
        }
        var index = low - 1
        while index >= 0 {
            if sortedRanges[index].overlaps(range) { return true }
            // Exclusions are phrases of a few words: one ending far before cannot reach this range.
            if sortedRanges[index].upperBound + 512 < range.lowerBound { return false }
            index -= 1
        }
        return false
    }

    /// The offset of the first letter or digit after the word that starts at `start`.
    private static func nextWordStart(in bytes: UnsafeBufferPointer<UInt8>, after start: Int) -> Int {
        var index = start
        var inWord = true
        while index < bytes.count {
            let byte = bytes[index]
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || ((byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A)
            if inWord && !isWordByte {
                inWord = false
            } else if !inWord && isWordByte {
                return index
            }
            index += 1
        }
        return bytes.count
    }
}
