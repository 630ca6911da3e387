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
}
