// Review: the Markdown summary. summary.md: the matrix and the totals, for a wiki, an e-mail or a pull request.
import ComplianceEngine
import Foundation

/// `summary.md`: totals, the reports × requirements matrix with ✓ ◐ ✗, the requirements' titles, and
/// the files that could not be read.
public enum SummaryMarkdown {
    /// The whole file.
    public static func render(_ batch: ReviewBatch) -> String {
        let t = batch.pick
        let pack = batch.pack.pack
        let passing = batch.reports.filter { $0.result.verdict == .dat }.count
        var out = "# " + t("Tổng hợp soát xét báo cáo", "Review of reports") + ": " + Escape.markdown(pack.title) + "\n\n"
        out += t("\(batch.reports.count) báo cáo: \(passing) đạt, \(batch.reports.count - passing) chưa đạt",
                 "\(batch.reports.count) reports: \(passing) pass, \(batch.reports.count - passing) not yet")
        if !batch.errors.isEmpty { out += t("; \(batch.errors.count) tệp không đọc được", "; \(batch.errors.count) unreadable") }
        out += ". " + t("Ký hiệu: ✓ đạt, ◐ đạt một phần, ✗ chưa đạt.", "Key: ✓ met, ◐ partly met, ✗ missing.") + "\n\n"
        out += "| " + t("Đơn vị", "Unit") + " | " + t("Điểm", "Score") + " | " + t("Kết luận", "Verdict") + " | "
            + batch.requirements.indices.map { "R\($0 + 1)" }.joined(separator: " | ") + " |\n"
        out += "|---|---:|---|" + String(repeating: ":-:|", count: batch.requirements.count) + "\n"
        for report in batch.reports {
            let result = report.result
            out += "| " + Escape.markdown(report.unit) + " (" + Escape.markdown((result.path as NSString).lastPathComponent) + ") | "
                + formatScore(result.score) + " | " + result.verdict.words(batch.language) + " | "
                + batch.requirements.map { requirement in
                    result.requirements.first { $0.id == requirement.id }?.status.symbol ?? "–"
                }.joined(separator: " | ") + " |\n"
        }
        out += "\n"
        for (index, requirement) in batch.requirements.enumerated() {
            let met = batch.reports.filter { $0.result.requirements.first { $0.id == requirement.id }?.status == .met }.count
            out += "- **R\(index + 1)** " + Escape.markdown(requirement.title) + " — "
                + t("\(met)/\(batch.reports.count) báo cáo đạt", "met by \(met) of \(batch.reports.count)") + "\n"
        }
        if !batch.errors.isEmpty {
            out += "\n## " + t("Tệp không đọc được", "Files that could not be read") + "\n\n"
            for error in batch.errors { out += "- `\(error.path)`: " + Escape.markdown(error.message) + "\n" }
        }
        return out
    }
}
