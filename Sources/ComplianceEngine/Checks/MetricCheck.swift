// ComplianceEngine: the `metric` check. Measured quantities against bounds, for the document or per sentence.
import RuleModel

/// A measured quantity against bounds.
///
/// Document measures (`narrative-share`, `narrative-run`, `figures-per-1000`, `syllables`) give a
/// status: met within `min`/`max`, partial within `partial-min`/`partial-max`, missing beyond; `and:`
/// adds further document measures and the worst status counts. Per-sentence and per-paragraph
/// measures (`sentence-syllables`, `paragraph-sentences`) flag each one out of bounds.
public struct MetricCheck: Check {
    public static let kind = "metric"

    enum Measure: String, CaseIterable {
        case narrativeShare = "narrative-share"
        case narrativeRun = "narrative-run"
        case figuresPerThousand = "figures-per-1000"
        case syllables
        case sentenceSyllables = "sentence-syllables"
        case paragraphSentences = "paragraph-sentences"
    }

    private struct Bound: Decodable {
        let measure: String
        let min: Double?
        let max: Double?
        let partialMin: Double?
        let partialMax: Double?

        enum CodingKeys: String, CodingKey {
            case measure, min, max, partialMin = "partial-min", partialMax = "partial-max"
        }
    }

    private struct Definition: Decodable {
        let kind: String
        let measure: String
        let min: Double?
        let max: Double?
        let partialMin: Double?
        let partialMax: Double?
        /// Further document measures; the status is the worst of all.
        let and: [Bound]?

        enum CodingKeys: String, CodingKey {
            case kind, measure, min, max, partialMin = "partial-min", partialMax = "partial-max", and
        }
    }

    let measure: Measure
    let bounds: ClosedRange<Double>
    let partialBounds: ClosedRange<Double>
    /// Further document measures whose worst status counts too.
    let others: [MetricCheck]

    private init(measure: Measure, bounds: ClosedRange<Double>, partialBounds: ClosedRange<Double>) {
        self.measure = measure
        self.bounds = bounds
        self.partialBounds = partialBounds
        others = []
    }

    private static func make(measure name: String, min: Double?, max: Double?, partialMin: Double?, partialMax: Double?,
                             definition: DeferredNode) throws -> (Measure, ClosedRange<Double>, ClosedRange<Double>) {
        guard let measure = Measure(rawValue: name) else {
            throw definition.error("unknown measure '\(name)'; expected one of: \(Measure.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard min != nil || max != nil else { throw definition.error("a metric check needs 'min:' or 'max:'") }
        let low = min ?? -.infinity, high = max ?? .infinity
        guard low <= high else { throw definition.error("min (\(low)) is above max (\(high))") }
        return (measure, low...high, Swift.min(low, partialMin ?? low)...Swift.max(high, partialMax ?? high))
    }

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        (measure, bounds, partialBounds) = try Self.make(
            measure: spec.measure, min: spec.min, max: spec.max, partialMin: spec.partialMin, partialMax: spec.partialMax,
            definition: definition)
        others = try (spec.and ?? []).map { bound in
            let (measure, bounds, partial) = try Self.make(
                measure: bound.measure, min: bound.min, max: bound.max, partialMin: bound.partialMin,
                partialMax: bound.partialMax, definition: definition)
            guard ![.sentenceSyllables, .paragraphSentences].contains(measure) else {
                throw definition.error("'and:' takes document measures only, not \(measure.rawValue)")
            }
            return MetricCheck(measure: measure, bounds: bounds, partialBounds: partial)
        }
    }

    private func status(_ value: Double) -> RequirementStatus {
        bounds.contains(value) ? .met : partialBounds.contains(value) ? .partial : .missing
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String((value * 100).rounded() / 100)
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        var outcome = measureOne(document)
        for other in others {
            let more = other.measureOne(document)
            if more.status < outcome.status {
                outcome.status = more.status
                outcome.evidence = more.evidence
            }
            outcome.detail += "; " + more.detail
        }
        return outcome
    }

    /// The longest run of consecutive chronicle sentences in the body, and where it starts.
    static func longestNarrativeRun(_ document: CheckDocument) -> (length: Int, start: Int?) {
        var best = (length: 0, start: Int?.none)
        var current = 0
        for (index, sentence) in document.sentences.enumerated() {
            let body = sentence.role == .paragraph || sentence.role == .listItem || sentence.role == .tableCell
            current = body && sentence.isNarrative ? current + 1 : 0
            if current > best.length { best = (current, index - current + 1) }
        }
        return best
    }

    private func measureOne(_ document: CheckDocument) -> CheckOutcome {
        let stats = document.statistics
        switch measure {
        case .narrativeRun:
            let run = Self.longestNarrativeRun(document)
            let status = status(Double(run.length))
            let evidence = run.start.map { start in (start..<start + run.length).prefix(3).map { (sentence: $0, item: String?.none) } } ?? []
            return CheckOutcome(status: status, evidence: status == .met ? [] : evidence,
                                detail: "\(run.length) câu kể lể liền nhau")
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
