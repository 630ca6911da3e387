// ComplianceEngine: the `coverage` check. A list of items, each covered by enough non-negated evidence.
import RuleModel

/// Items (task areas, evaluation points), each a concept; an item is covered when at least
/// `min-evidence` non-negated sentences in scope mention it.
///
/// Met when at least `met` items are covered (default all), partial when at least `partial`
/// (default half, rounded up), missing otherwise.
public struct CoverageCheck: Check {
    public static let kind = "coverage"

    private struct Item: Decodable {
        let id: String
        let concept: String?
        let phrases: [String]?
        let exclude: [String]?
    }

    private struct Definition: Decodable {
        let kind: String
        let items: [Item]
        let scope: String?
        let minEvidence: Int?
        let met: Int?
        let partial: Int?

        enum CodingKeys: String, CodingKey {
            case kind, items, scope, minEvidence = "min-evidence", met, partial
        }
    }

    let items: [(id: String, concept: String, label: String)]
    let scope: Scope
    let minEvidence: Int
    let metAt: Int
    let partialAt: Int

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        guard !spec.items.isEmpty else { throw definition.error("a coverage check needs at least one item") }
        items = try spec.items.map { item in
            if let name = item.concept {
                let concept = try concepts.resolve(name, at: definition)
                return (item.id, concept, concepts.label(concept))
            }
            guard let phrases = item.phrases, !phrases.isEmpty else {
                throw definition.error("item '\(item.id)' needs 'concept:' or 'phrases:'")
            }
            let concept = concepts.inline("item:\(item.id)", phrases: phrases, exclude: item.exclude ?? [])
            return (item.id, concept, concepts.label(concept))
        }
        scope = try Scope.parse(spec.scope, definition: definition, concepts: concepts)
        minEvidence = max(1, spec.minEvidence ?? 1)
        metAt = spec.met ?? items.count
        partialAt = spec.partial ?? (items.count + 1) / 2
        guard metAt <= items.count, partialAt <= metAt else {
            throw definition.error("thresholds must satisfy partial (\(partialAt)) <= met (\(metAt)) <= items (\(items.count))")
        }
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        let ranges = scope.ranges(in: document)
        var results: [ItemResult] = []
        var evidence: [(sentence: Int, item: String?)] = []
        for item in items {
            let sentences = CheckDocument.distinctSentences(of: ranges.flatMap { document.mentions(of: item.concept, in: $0) })
            // Prefer a body sentence over a heading as evidence.
            let body = sentences.filter { document.sentences[$0].role != .heading }
            let covered = sentences.count >= minEvidence
            results.append(ItemResult(id: item.id, status: covered ? .met : .missing))
            if covered, let first = body.first ?? sentences.first { evidence.append((first, item.id)) }
        }
        let covered = results.filter { $0.status == .met }.count
        let status: RequirementStatus = covered >= metAt ? .met : covered >= max(1, partialAt) ? .partial : .missing
        let absent = zip(items, results).filter { $0.1.status != .met }.map(\.0.label)
        var detail = "\(covered)/\(items.count) nội dung"
        if !absent.isEmpty { detail += "; thiếu: \(absent.joined(separator: "; "))" }
        return CheckOutcome(status: status, items: results, evidence: evidence, detail: detail)
    }
}
