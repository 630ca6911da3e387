// soatxet-bench: phrase matching, prefix-factored trie against a flat alternation of the same phrases.
import Foundation
import PCRE2
import RuleModel
import VietnameseText

enum PhraseBench {
    /// Every concept of every bundled pack, as phrase sets.
    static func sets(rules: String) throws -> [PhraseSet] {
        let library = PackLibrary(folders: [rules])
        var sets: [PhraseSet] = []
        for id in library.availableIDs() {
            let pack = try PackLibrary.decode(file: try library.file(of: id))
            for (name, concept) in pack.concepts.sorted(by: { $0.key < $1.key }) {
                sets.append(PhraseSet(name: "\(id)/\(name)", phrases: concept.phrases, exclude: concept.exclude))
            }
        }
        return sets
    }

    /// Seconds to scan `text` (already in matching form) with `pattern`, median of `runs`; and the matches.
    static func scan(_ pattern: Pattern, _ text: String, runs: Int) throws -> (seconds: Double, matches: Int) {
        var count = 0
        let seconds = try medianSeconds(runs: runs) {
            count = 0
            try pattern.forEachMatch(in: text) { _ in count += 1; return true }
        }
        return (seconds, count)
    }

    /// Table rows comparing the factored pattern the matcher uses with a flat alternation.
    static func rows(text: String, rules: String, runs: Int) throws -> [String] {
        let sets = try sets(rules: rules)
        let matcher = try PhraseMatcher(sets)
        let prepared = MatchText(text, foldDiacritics: false)
        let size = Double(text.utf8.count) / 1e6
        // The default packs' phrases fit one pattern.
        let factored = try Pattern(matcher.patternSources[0])
        let flatSource = "(?<![\\p{L}\\p{N}])(?:" + matcher.keys.sorted { $0.utf8.count > $1.utf8.count }
            .map(Pattern.escape).joined(separator: "|") + ")(?![\\p{L}\\p{N}])"
        let flat = try Pattern(flatSource)
        let (factoredSeconds, factoredMatches) = try scan(factored, prepared.text, runs: runs)
        let (flatSeconds, flatMatches) = try scan(flat, prepared.text, runs: runs)
        let whole = try medianSeconds(runs: runs) { _ = try matcher.matches(in: prepared) }
        return [
            String(format: "| phrase scan, prefix-factored trie (%d phrases, %d sets) | %.1f MB, %d matches | %.3f s | %.1f MB/s |",
                   matcher.keys.count, sets.count, size, factoredMatches, factoredSeconds, size / factoredSeconds),
            String(format: "| phrase scan, flat alternation of the same phrases | %.1f MB, %d matches | %.3f s | %.1f MB/s (factored is %.1f× faster) |",
                   size, flatMatches, flatSeconds, size / flatSeconds, flatSeconds / factoredSeconds),
            String(format: "| phrase matching, all matches of all sets (overlaps, exclusions) | %.1f MB | %.3f s | %.1f MB/s |",
                   size, whole, size / whole),
        ]
    }
}
