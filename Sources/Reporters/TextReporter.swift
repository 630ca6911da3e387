// Reporters: text. Per report a checklist (✓ ◐ ✗ with the clause), then findings as file:line:col lines.
import ComplianceEngine

/// Text for people: per document the verdict and score, a requirement checklist, and findings as
/// `file:line:col: severity: message [rule]`. Colours only when the context allows them.
public enum TextReporter: Reporter {
    public static let identifier = "text"

    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        let vi = context.language != "en"
        func paint(_ text: String, _ code: String) -> String { context.colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
        var out: [String] = []
        for document in run.documents {
            let verdict = document.verdict == .dat ? paint(vi ? "ĐẠT" : "PASS", "32") : paint(vi ? "CHƯA ĐẠT" : "NOT YET", "31")
            out.append(paint(document.path, "1") + "  \(verdict)  " + (vi ? "điểm" : "score") + " \(Score.text(document.score))/100  [\(document.pack)]")
            for requirement in document.requirements {
                let mark: String
                switch requirement.status {
                case .met: mark = paint("✓", "32")
                case .partial: mark = paint("◐", "33")
                case .missing: mark = paint("✗", "31")
                }
                var line = "  \(mark) \(requirement.title) [\(requirement.id)]"
                if requirement.status != .met, !requirement.detail.isEmpty { line += ": \(requirement.detail)" }
                out.append(line)
                if requirement.status != .met, !requirement.clause.isEmpty {
                    out.append("      " + paint("«\(requirement.clause)»", "2"))
                }
            }
            if !document.findings.isEmpty { out.append("") }
            for finding in document.findings {
                let severity: String
                switch finding.severity {
                case .error: severity = paint(vi ? "lỗi" : "error", "31")
                case .warning: severity = paint(vi ? "cảnh báo" : "warning", "33")
                case .info: severity = paint(vi ? "gợi ý" : "info", "36")
                }
                var line = "\(document.path):\(finding.line):\(finding.column): \(severity): \(finding.message) [\(finding.rule)]"
                if let suggestion = finding.suggestion { line += (vi ? " → gợi ý: " : " → suggestion: ") + suggestion }
                out.append(line)
            }
            out.append("")
        }
        for error in run.errors {
            out.append("\(error.path): " + paint(vi ? "lỗi" : "error", "31") + ": \(error.message)")
        }
        let met = run.documents.filter { $0.verdict == .dat }.count
        out.append(vi
            ? "\(run.documents.count) báo cáo: \(met) đạt, \(run.documents.count - met) chưa đạt; \(run.errors.count) tệp không đọc được."
            : "\(run.documents.count) reports: \(met) pass, \(run.documents.count - met) not yet; \(run.errors.count) unreadable.")
        return out.joined(separator: "\n") + "\n"
    }
}
