// ComplianceEngine: the `near` check. Concept A accompanied by concept B (or by figures) within a window.
import RuleModel

/// Concept A must be accompanied by one of its companions (concepts, or `figures`) within `window`
/// sentences in the same section: shortfalls with their causes, results with figures.
///
/// Missing when A is never stated; partial when A is stated but fewer than `min` times accompanied.
public struct NearCheck: Check {
    public static let kind = "near"

    private struct Definition: Decodable {
        let kind: String
        let concept: String
        let with: Companions
        let window: Int?
        let min: Int?
        let scope: String?
    }

    /// `with:` is one companion or a list of them, any of which will do.
    private struct Companions: Decodable {
        let names: [String]
        init(from decoder: Decoder) throws {
            if let one = try? decoder.singleValueContainer().decode(String.self) {
                names = [one]
            } else {
                names = try [String](from: decoder)
            }
        }
    }

    let concept: String
    /// Companion concepts; `figures` stands for any figure.
    let companions: [String]
    let acceptsFigures: Bool
    let companionLabel: String
    let window: Int
    let minimum: Int
    let scope: Scope

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        concept = try concepts.resolve(spec.concept, at: definition)
        guard !spec.with.names.isEmpty else { throw definition.error("'with:' needs a concept or 'figures'") }
        acceptsFigures = spec.with.names.contains("figures")
        companions = try spec.with.names.filter { $0 != "figures" }.map { try concepts.resolve($0, at: definition) }
        let labels = (acceptsFigures ? ["số liệu"] : []) + companions.map { concepts.label($0) }
        companionLabel = labels.joined(separator: " hoặc ")
        window = max(0, spec.window ?? 1)
        minimum = max(1, spec.min ?? 1)
        scope = try Scope.parse(spec.scope, definition: definition, concepts: concepts)
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        let ranges = scope.ranges(in: document)
        let anchors = CheckDocument.distinctSentences(of: ranges.flatMap { document.mentions(of: concept, in: $0) })
        guard !anchors.isEmpty else { return CheckOutcome(status: .missing, detail: "không thấy nội dung này") }
        var partners = Set(companions.flatMap { document.mentions(of: $0).map(\.sentence) })
        if acceptsFigures {
            partners.formUnion(document.sentences.indices.filter { document.sentences[$0].figureCount > 0 })
        }
        let accompanied = anchors.filter { anchor in
            let section = document.sentences[anchor].section
            return (max(0, anchor - window)...min(document.sentences.count - 1, anchor + window)).contains { index in
                partners.contains(index) && document.sentences[index].section == section
            }
        }
        let evidence = accompanied.prefix(3).map { (sentence: $0, item: String?.none) }
        let what = companionLabel
        if accompanied.count >= minimum {
            return CheckOutcome(status: .met, evidence: evidence, detail: "\(accompanied.count) lần có kèm \(what)")
        }
        return CheckOutcome(
            status: .partial, evidence: evidence.isEmpty ? [(anchors[0], nil)] : evidence,
            detail: "chỉ \(accompanied.count)/\(minimum) lần có kèm \(what)")
    }
}
