// soatxet-bench: phrase matching of every bundled pack's concepts.
import Foundation
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

    /// A table row: every match of every set over `text`, with the number of keys and matches.
    static func rows(text: String, rules: String, runs: Int) throws -> [String] {
        let sets = try sets(rules: rules)
        let matcher = try PhraseMatcher(sets)
        let size = Double(text.utf8.count) / 1e6
        var found = 0
        let seconds = medianSeconds(runs: runs) { found = matcher.matches(in: text).count }
        return [
            String(format: "| phrase matching, all matches of all sets (%d keys, %d sets; overlaps, exclusions) | %.1f MB, %d matches | %.3f s | %.1f MB/s |",
                   matcher.keys.count, sets.count, size, found, seconds, size / seconds),
        ]
    }
}
