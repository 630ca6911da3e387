// ComplianceEngine: the `text-issue` check. Flags what the text analyser noticed about the writing.
import RuleModel

/// Flags each issue of one kind that the analyser noticed: repaired encoding damage, invalid or glued
/// syllables, mixed tone-mark styles or i/y forms, undefined abbreviations.
public struct TextIssueCheck: Check {
    public static let kind = "text-issue"
    /// Suggestions are the corrected spelling (or the dominant form), to put in place of the flagged text.
    public static let suggestionsReplaceText = true

    private struct Definition: Decodable {
        let kind: String
        let issue: String
    }

    let issue: TextIssue.Kind

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        guard let issue = TextIssue.Kind(rawValue: spec.issue) else {
            throw definition.error("unknown issue '\(spec.issue)'; expected one of: \(TextIssue.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.issue = issue
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        let flags = document.issues.filter { $0.kind == issue }
            .map { Flag(range: $0.range, detail: $0.detail, suggestion: $0.suggestion) }
        return CheckOutcome(status: flags.isEmpty ? .met : .partial, detail: "\(flags.count) chỗ", flags: flags)
    }
}
