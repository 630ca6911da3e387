// ComplianceEngine: the `consistency` check. One form per document for words written several ways.
import RuleModel

/// Each group lists forms of one word ("CNVCLĐ", "CNVC-LĐ"); a document using more than one form of a
/// group is flagged at the occurrences of its less frequent forms, suggesting the most frequent.
public struct ConsistencyCheck: Check {
    public static let kind = "consistency"
    /// Suggestions are the corrected spelling (or the dominant form), to put in place of the flagged text.
    public static let suggestionsReplaceText = true

    private struct Definition: Decodable {
        let kind: String
        let groups: [[String]]
    }

    /// Per group, the concept name of each form with the form as written.
    let groups: [[(form: String, concept: String)]]

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        guard !spec.groups.isEmpty else { throw definition.error("a consistency check needs at least one group") }
        groups = try spec.groups.map { group in
            guard group.count >= 2 else { throw definition.error("group \(group) needs at least two forms") }
            return group.map { ($0, concepts.inline("form:\($0)", phrases: [$0])) }
        }
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        var flags: [Flag] = []
        for group in groups {
            // Exact spellings: the matcher ignores case and tone placement, so keep only literal hits.
            let hits = group.map { form in
                document.mentions(of: form.concept, includeNegated: true).filter { document.slice($0.range).lowercased() == form.form.lowercased() }
            }
            let used = zip(group, hits).filter { !$0.1.isEmpty }
            guard used.count > 1, let dominant = used.max(by: { $0.1.count < $1.1.count }) else { continue }
            for (form, occurrences) in used where form.form != dominant.0.form {
                flags += occurrences.map {
                    Flag(range: $0.range, detail: "\(form.form) / \(dominant.0.form)", suggestion: dominant.0.form)
                }
            }
        }
        flags.sort { $0.range.lowerBound < $1.range.lowerBound }
        return CheckOutcome(status: flags.isEmpty ? .met : .partial, detail: "\(flags.count) chỗ", flags: flags)
    }
}
