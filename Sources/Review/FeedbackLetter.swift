// Review: feedback letters. What a union office writes back to a unit about its report, built from the pack's messages.
import ComplianceEngine
import Foundation
import RuleModel

/// A feedback letter ("Nhận xét báo cáo …") for one report, as a sequence of blocks that the Markdown
/// and Word renderings share.
///
/// What is said about each requirement is the pack's own wording: its `messages.met` (or, when the
/// pack gives none, the requirement's title) for what the report does well, its `messages.partial` /
/// `messages.missing` with `{detail}` filled for what it must add, each followed by the directive
/// clause it cites. Only the letter's frame (headings, the opening and closing sentences) is fixed
/// here, in Vietnamese and English.
public struct FeedbackLetter: Sendable {
    /// One block of the letter.
    public enum Block: Sendable, Equatable {
        /// The letter's title line ("NHẬN XÉT").
        case title(String)
        /// The line under the title: which report, from which unit.
        case subtitle(String)
        /// A numbered part's heading.
        case heading(String)
        /// Running text.
        case paragraph(String)
        /// A point, with the directive clause it cites when there is one.
        case point(String, clause: String?)
        /// A closing remark in small type.
        case note(String)
    }

    /// The blocks in reading order.
    public let blocks: [Block]

    /// Builds the letter for `report` of `batch`.
    public init(report: ReviewedReport, batch: ReviewBatch) {
        let t = batch.pick
        let language = batch.language
        let result = report.result
        let pack = batch.pack.pack
        var blocks: [Block] = [.title(t("NHẬN XÉT", "FEEDBACK"))]
        let unitPhrase = report.unitFromHeader ? report.unit : t("đơn vị", "the unit")
        var subject = t("Báo cáo ", "On the report: ") + Self.lowerFirst(pack.title, language)
        subject += report.unitFromHeader ? t(" của ", " by ") + report.unit : " (" + (result.path as NSString).lastPathComponent + ")"
        blocks.append(.subtitle(subject))

        var basis: String
        if let directive = pack.directive {
            basis = t("Căn cứ văn bản", "Under the directive")
            if let number = directive.number { basis += t(" số ", " no. ") + number }
            if let date = directive.date { basis += t(" ngày ", " of ") + date }
            basis += t(" của ", " by ") + directive.issuer + t(" về ", " on ") + Self.lowerFirst(directive.title, language)
        } else {
            basis = t("Căn cứ yêu cầu ", "Under the requirements of ") + pack.title
        }
        let file = (result.path as NSString).lastPathComponent
        basis += t(", sau khi nghiên cứu báo cáo của \(unitPhrase) (tệp «\(file)»), xin có ý kiến nhận xét như sau:",
                   ", having read the report of \(unitPhrase) (file «\(file)»), our comments are as follows:")
        blocks.append(.paragraph(basis))

        let statuses = Dictionary(result.requirements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        blocks.append(.heading(t("1. Những mặt báo cáo đã làm được", "1. What the report does well")))
        let met = batch.requirements.compactMap { requirement -> Block? in
            guard let judged = statuses[requirement.id], judged.status == .met else { return nil }
            let text = requirement.messages.met.map { Self.sentence($0.text(in: language, detail: judged.detail)) }
                ?? Self.sentence(requirement.title)
            return .point(text, clause: nil)
        }
        blocks += met.isEmpty
            ? [.paragraph(t("Báo cáo chưa đáp ứng đầy đủ yêu cầu nào của văn bản chỉ đạo.", "The report does not yet fully meet any requirement of the directive."))]
            : met

        blocks.append(.heading(t("2. Những nội dung cần bổ sung, sửa đổi", "2. What must be added or changed")))
        let unmet = batch.requirements.compactMap { requirement -> Block? in
            guard let judged = statuses[requirement.id], judged.status != .met else { return nil }
            let template = judged.status == .partial ? (requirement.messages.partial ?? requirement.messages.missing) : requirement.messages.missing
            return .point(Self.sentence(template.text(in: language, detail: judged.detail)), clause: requirement.clause.isEmpty ? nil : requirement.clause)
        }
        blocks += unmet.isEmpty
            ? [.paragraph(t("Báo cáo đã đáp ứng đủ các yêu cầu của văn bản chỉ đạo.", "The report meets every requirement of the directive."))]
            : unmet

        // Form and wording: the findings of the pack's rules, one point per rule with the places.
        let requirementIDs = Set(batch.requirements.map(\.id))
        let ruleFindings = result.findings.filter { !requirementIDs.contains($0.rule) }
        var part = 3
        if !ruleFindings.isEmpty {
            blocks.append(.heading(t("\(part). Về thể thức và câu chữ", "\(part). Form and wording")))
            part += 1
            var order: [String] = []
            var byRule: [String: [Finding]] = [:]
            for finding in ruleFindings {
                if byRule[finding.rule] == nil { order.append(finding.rule) }
                byRule[finding.rule, default: []].append(finding)
            }
            for rule in order {
                let findings = byRule[rule]!
                var text = Self.sentence(findings[0].message)
                let places = findings.prefix(6).map { result.place(line: $0.line, language) }
                text += " (" + places.joined(separator: ", ")
                if findings.count > places.count { text += t(" và \(findings.count - places.count) chỗ khác", " and \(findings.count - places.count) more") }
                text += ")"
                if findings.count == 1, let suggestion = findings[0].suggestion { text += t(" Gợi ý: ", " Suggestion: ") + suggestion }
                blocks.append(.point(text, clause: nil))
            }
        }

        blocks.append(.heading(t("\(part). Đánh giá chung", "\(part). Overall assessment")))
        let counts = (met: report.count(.met), partial: report.count(.partial), missing: report.count(.missing))
        let tally = t("\(counts.met) yêu cầu đạt, \(counts.partial) đạt một phần, \(counts.missing) chưa đạt",
                      "\(counts.met) requirements met, \(counts.partial) partly met, \(counts.missing) missing")
        var overall = result.verdict == .dat
            ? t("Báo cáo đạt yêu cầu", "The report meets the directive's requirements")
            : t("Báo cáo chưa đạt yêu cầu", "The report does not yet meet the directive's requirements")
        overall += " (" + t("điểm", "score") + " \(formatScore(result.score))/100; " + tally + ")."
        if result.verdict == .chuaDat {
            overall += t(" Đề nghị \(unitPhrase) bổ sung, hoàn chỉnh báo cáo theo các nội dung nêu tại mục 2 và gửi lại.",
                         " Please complete the report as set out in part 2 and send it again.")
        } else if !unmet.isEmpty {
            overall += t(" Đề nghị \(unitPhrase) lưu ý các nội dung nêu tại mục 2 khi hoàn chỉnh báo cáo.",
                         " Please take part 2 into account when finalising the report.")
        }
        blocks.append(.paragraph(overall))
        blocks.append(.note(t("Nhận xét do soatxet soạn tự động theo bộ quy tắc «\(pack.id)»; người soát xét đọc lại trước khi gửi.",
                              "Drafted automatically by soatxet from the rule pack «\(pack.id)»; a reviewer reads it before sending.")))
        self.blocks = blocks
    }

    /// The letter as Markdown.
    public var markdown: String {
        var out = ""
        for block in blocks {
            switch block {
            case let .title(text): out += "# " + text + "\n\n"
            case let .subtitle(text): out += "**" + Escape.markdown(text) + "**\n\n"
            case let .heading(text): out += "## " + text + "\n\n"
            case let .paragraph(text): out += Escape.markdown(text) + "\n\n"
            case let .point(text, clause):
                out += "- " + Escape.markdown(text)
                if let clause { out += "\n  > " + Escape.markdown(clause) }
                out += "\n"
            case let .note(text): out += "\n_" + Escape.markdown(text) + "_\n"
            }
        }
        // A list ends before the next heading.
        return out.replacingOccurrences(of: "\n## ", with: "\n\n## ").replacingOccurrences(of: "\n\n\n", with: "\n\n")
    }

    private static func sentence(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let last = trimmed.last else { return trimmed }
        return ".!?…»".contains(last) ? trimmed : trimmed + "."
    }

    private static func lowerFirst(_ text: String, _ language: String) -> String {
        guard language != "en", let first = text.first, text.count > 1 else { return text }
        // Keep abbreviations and proper names ("LĐLĐ", "Nghị quyết 20") as written: lower only a word in
        // sentence case.
        let word = text.prefix { $0 != " " }
        guard word.dropFirst().allSatisfy({ !$0.isUppercase }) else { return text }
        return first.lowercased() + text.dropFirst()
    }
}
