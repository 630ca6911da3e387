// ComplianceEngine: the `metric` check. Measured quantities against bounds, for the document or per sentence.
import RuleModel

/// A measured quantity against bounds.
///
/// Document measures (`narrative-share`, `figures-per-1000`, `syllables`) give a status: met within
/// `min`/`max`, partial within `partial-min`/`partial-max`, missing beyond. Per-sentence and
/// per-paragraph measures (`sentence-syllables`, `paragraph-sentences`) flag each one out of bounds.
public struct MetricCheck: Check {
    public static let kind = "metric"

    enum Measure: String, CaseIterable {
        case narrativeShare = "narrative-share"
        case figuresPerThousand = "figures-per-1000"
        case syllables
        case sentenceSyllables = "sentence-syllables"
        case paragraphSentences = "paragraph-sentences"
    }

    private struct Definition: Decodable {
        let kind: String
        let measure: String
        let min: Double?
        let max: Double?
        let partialMin: Double?
        let partialMax: Double?

        enum CodingKeys: String, CodingKey {
            case kind, measure, min, max, partialMin = "partial-min", partialMax = "partial-max"
        }
    }

    let measure: Measure
    let bounds: ClosedRange<Double>
    let partialBounds: ClosedRange<Double>

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        guard let measure = Measure(rawValue: spec.measure) else {
            throw definition.error("unknown measure '\(spec.measure)'; expected one of: \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard spec.min != nil || spec.max != nil else { throw definition.error("a metric check needs 'min:' or 'max:'") }
        self.measure = measure
        let low = spec.min ?? -.infinity, high = spec.max ?? .infinity
        guard low <= high else { throw definition.error("min (\(low)) is above max (\(high))") }
        bounds = low...high
        partialBounds = Swift.min(low, spec.partialMin ?? low)...Swift.max(high, spec.partialMax ?? high)
    }

    private func status(_ value: Double) -> RequirementStatus {
        bounds.contains(value) ? .met : partialBounds.contains(value) ? .partial : .missing
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 100).rounded() / 100)
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        let stats = document.statistics
        switch measure {
        case .narrativeShare:
            let value = stats.narrativeShare
            let narrative = document.sentences.indices.filter { document.sentences[$0].isNarrative }
            let status = status(value)
            return CheckOutcome(
                status: status, evidence: status == .met ? [] : narrative.prefix(3).map { ($0, nil) },
                detail: "câu kể lể sự việc chiếm \(Int((value * 100).rounded()))%")
        case .figuresPerThousand:
            let value = stats.figuresPerThousand
            return CheckOutcome(status: status(value), detail: "\(Self.format(value)) số liệu/1.000 âm tiết")
        case .syllables:
            let value = Double(stats.syllables)
            return CheckOutcome(status: status(value), detail: "\(stats.syllables) âm tiết")
        case .sentenceSyllables:
            let flags = document.sentences.filter { $0.role != .heading && !bounds.contains(Double($0.syllables)) }
                .map { Flag(range: $0.range, detail: "\($0.syllables) âm tiết") }
            return CheckOutcome(status: flags.isEmpty ? .met : .partial, detail: "\(flags.count) câu", flags: flags)
        case .paragraphSentences:
            var counts: [Int: (range: Range<Int>, count: Int)] = [:]
            for sentence in document.sentences where sentence.role == .paragraph {
                let previous = counts[sentence.block]
                let start = previous?.range.lowerBound ?? sentence.range.lowerBound
                counts[sentence.block] = (start..<sentence.range.upperBound, (previous?.count ?? 0) + 1)
            }
            let flags = counts.values.filter { !bounds.contains(Double($0.count)) }
                .sorted { $0.range.lowerBound < $1.range.lowerBound }
                .map { Flag(range: $0.range.lowerBound..<Swift.min($0.range.upperBound, $0.range.lowerBound + 1), detail: "\($0.count) câu") }
            return CheckOutcome(status: flags.isEmpty ? .met : .partial, detail: "\(flags.count) đoạn", flags: flags)
        }
    }
}
