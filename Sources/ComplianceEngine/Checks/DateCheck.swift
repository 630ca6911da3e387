// ComplianceEngine: the `date` check. The report's own date against the directive's deadline.
import RuleModel
import VietnameseText

/// The report's own date (from the header line "…, ngày … tháng … năm …") against a deadline.
///
/// Met when the date satisfies every bound; partial when only the month is written and the month
/// straddles the bound; missing when the report is late or undated.
public struct DateCheck: Check {
    public static let kind = "date"

    private struct Definition: Decodable {
        let kind: String
        let onOrBefore: String?
        let before: String?
        let onOrAfter: String?

        enum CodingKeys: String, CodingKey {
            case kind, onOrBefore = "on-or-before", before, onOrAfter = "on-or-after"
        }
    }

    /// A calendar day as a comparable number, yyyymmdd.
    typealias Day = Int

    let latest: Day?
    let earliest: Day?

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        func day(_ text: String?) throws -> Day? {
            guard let text else { return nil }
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, (1...12).contains(parts[1]), (1...31).contains(parts[2]) else {
                throw definition.error("'\(text)' is not a date; write it as YYYY-MM-DD")
            }
            return parts[0] * 10_000 + parts[1] * 100 + parts[2]
        }
        let onOrBefore = try day(spec.onOrBefore)
        let before = try day(spec.before).map { $0 - 1 }
        switch (onOrBefore, before) {
        case let (a?, b?): latest = min(a, b)
        case let (a, b): latest = a ?? b
        }
        earliest = try day(spec.onOrAfter)
        guard latest != nil || earliest != nil else {
            throw definition.error("a date check needs 'on-or-before:', 'before:' or 'on-or-after:'")
        }
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        guard let date = document.form.date, let month = date.month else {
            return CheckOutcome(status: .missing, detail: "không thấy ngày ban hành báo cáo")
        }
        let first = date.year * 10_000 + month * 100 + (date.day ?? 1)
        let last = date.year * 10_000 + month * 100 + (date.day ?? 31)
        let written = date.day.map { "\($0)/\(month)/\(date.year)" } ?? "tháng \(month)/\(date.year)"
        let early = earliest.map { last < $0 } ?? false
        let late = latest.map { first > $0 } ?? false
        if early || late {
            return CheckOutcome(status: .missing, detail: "báo cáo đề ngày \(written), \(late ? "quá hạn" : "trước kỳ báo cáo")")
        }
        let straddles = (latest.map { last > $0 } ?? false) || (earliest.map { first < $0 } ?? false)
        return CheckOutcome(status: straddles ? .partial : .met, detail: "báo cáo đề ngày \(written)")
    }
}
