// ComplianceEngine: the `phrase` check. Occurrences to flag, such as vague formulas with no figure nearby.
import RuleModel

/// Flags each occurrence of a concept (vague formulas like "cơ bản hoàn thành", wrong names),
/// optionally only where no figure stands within `unless-figure-within` sentences.
public struct PhraseCheck: Check {
    public static let kind = "phrase"

    private struct Definition: Decodable {
        let kind: String
        let concept: String?
        let phrases: [String]?
        let unlessFigureWithin: Int?
        let suggest: String?

        enum CodingKeys: String, CodingKey {
            case kind, concept, phrases, unlessFigureWithin = "unless-figure-within", suggest
        }
    }

    let concept: String
    let figureWindow: Int?
    let suggestion: String?

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        if let name = spec.concept {
            concept = try concepts.resolve(name, at: definition)
        } else if let phrases = spec.phrases, !phrases.isEmpty {
            concept = concepts.inline("phrase:\(phrases.joined(separator: "|"))", phrases: phrases)
        } else {
            throw definition.error("a phrase check needs 'concept:' or 'phrases:'")
        }
        figureWindow = spec.unlessFigureWithin
        suggestion = spec.suggest
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        let flags = document.mentions(of: concept, includeNegated: true).filter { occurrence in
            guard let window = figureWindow else { return true }
            let section = document.sentences[occurrence.sentence].section
            let low = max(0, occurrence.sentence - window)
            let high = min(document.sentences.count - 1, occurrence.sentence + window)
            return !(low...high).contains {
                document.sentences[$0].figureCount > 0 && document.sentences[$0].section == section
            }
        }.map { Flag(range: $0.range, detail: document.slice($0.range), suggestion: suggestion) }
        return CheckOutcome(status: flags.isEmpty ? .met : .partial, detail: "\(flags.count) chỗ", flags: flags)
    }
}
