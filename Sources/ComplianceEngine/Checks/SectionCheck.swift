// ComplianceEngine: the `section` check. Sections whose headings state given concepts, with content, in order.
import RuleModel

/// One or more sections whose headings match concepts, in the given order, each with at least
/// `min-sentences` sentences of content.
///
/// Met when every section is there, in order, with content; partial when only some are, when one is
/// thin or out of order, or when the `fallback` sequence is there instead; missing when none is.
public struct SectionCheck: Check {
    public static let kind = "section"

    private struct Definition: Decodable {
        let kind: String
        let concept: String?
        let sequence: [String]?
        let fallback: [String]?
        let minSentences: Int?

        enum CodingKeys: String, CodingKey {
            case kind, concept, sequence, fallback, minSentences = "min-sentences"
        }
    }

    let sequence: [String]
    let fallback: [String]
    let labels: [String: String]
    let minSentences: Int

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        let names = (spec.concept.map { [$0] } ?? []) + (spec.sequence ?? [])
        guard !names.isEmpty else { throw definition.error("a section check needs 'concept:' or 'sequence:'") }
        sequence = try names.map { try concepts.resolve($0, at: definition) }
        fallback = try (spec.fallback ?? []).map { try concepts.resolve($0, at: definition) }
        minSentences = max(0, spec.minSentences ?? 1)
        labels = Dictionary((sequence + fallback).map { ($0, concepts.label($0)) }) { first, _ in first }
    }

    /// For each concept, the first section headed by it (sentence index of the heading) and its body size.
    private func locate(_ concepts: [String], in document: CheckDocument) -> [(concept: String, heading: Int, body: Int)?] {
        concepts.map { concept in
            guard let section = document.sections(about: concept).first else { return nil }
            let view = document.sections[section]
            return (concept, view.heading, view.sentences.count - 1)
        }
    }

    private static func inOrder(_ found: [(concept: String, heading: Int, body: Int)]) -> Bool {
        zip(found, found.dropFirst()).allSatisfy { $0.heading < $1.heading }
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        let located = locate(sequence, in: document)
        let found = located.compactMap { $0 }
        let evidence = found.map { (sentence: $0.heading, item: String?.none) }
        if found.count == sequence.count {
            let thin = found.filter { $0.body < minSentences }.map { labels[$0.concept] ?? $0.concept }
            if !Self.inOrder(found) {
                return CheckOutcome(status: .partial, evidence: evidence, detail: "có đủ phần nhưng sai thứ tự")
            }
            if !thin.isEmpty {
                return CheckOutcome(status: .partial, evidence: evidence, detail: "phần sơ sài: \(thin.joined(separator: "; "))")
            }
            return CheckOutcome(status: .met, evidence: evidence, detail: "có đủ \(found.count) phần, đúng thứ tự")
        }
        if !fallback.isEmpty {
            let inner = locate(fallback, in: document).compactMap { $0 }
            if inner.count == fallback.count && Self.inOrder(inner) {
                return CheckOutcome(
                    status: .partial, evidence: inner.map { ($0.heading, nil) },
                    detail: "theo thứ tự nội dung nhưng không chia phần theo đề cương")
            }
        }
        if found.isEmpty { return CheckOutcome(status: .missing, detail: "không có phần này") }
        let absent = zip(sequence, located).filter { $0.1 == nil }.map { labels[$0.0] ?? $0.0 }
        return CheckOutcome(status: .partial, evidence: evidence, detail: "thiếu phần: \(absent.joined(separator: "; "))")
    }
}
