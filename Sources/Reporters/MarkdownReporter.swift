// Reporters: Markdown. A pull-request review comment: per report the verdict, a checklist, the findings.
import ComplianceEngine

/// A review comment for a pull request (GitHub-flavoured Markdown): per report a heading with the
/// verdict and score, a checklist table (✓ met, ◐ partial, ✗ missing) giving the clause and what the
/// check saw for unmet requirements, then the findings as a list by line and column. Text from reports
/// and packs is escaped, so that a report's `*`, `|`, `<b>` or `$` cannot change the comment's layout
/// or inject HTML.
public enum MarkdownReporter: Reporter {
    public static let identifier = "markdown"

    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        let met = run.documents.filter { $0.verdict == .dat }.count
        var out = ["## " + context.pick("Kết quả soát xét của soatxet", "soatxet review results"), ""]
        out.append(context.pick(
            "\(run.documents.count) báo cáo: \(met) đạt, \(run.documents.count - met) chưa đạt; \(run.errors.count) tệp không đọc được.",
            "\(run.documents.count) reports: \(met) pass, \(run.documents.count - met) not yet; \(run.errors.count) unreadable."))
        for document in run.documents {
            let verdict = document.verdict == .dat ? "✅ " + context.pick("ĐẠT", "PASS") : "❌ " + context.pick("CHƯA ĐẠT", "NOT YET")
            out += ["", "### \(escape(document.path)) — \(verdict) — \(context.pick("điểm", "score")) \(Score.text(document.score))/100",
                    "", context.pick("Bộ quy tắc", "Rule pack") + ": \(escape(document.pack))", ""]
            out.append("| | \(context.pick("Yêu cầu", "Requirement")) | \(context.pick("Nhận xét", "Notes")) |")
            out.append("|:-:|---|---|")
            for requirement in document.requirements {
                let mark: String
                switch requirement.status {
                case .met: mark = "✓"
                case .partial: mark = "◐"
                case .missing: mark = "✗"
                }
                var notes: [String] = []
                if requirement.status != .met {
                    if !requirement.clause.isEmpty { notes.append("«" + escape(requirement.clause) + "»") }
                    if !requirement.detail.isEmpty { notes.append(escape(requirement.detail)) }
                }
                out.append("| \(mark) | \(escape(requirement.title)) (`\(code(requirement.id))`) | \(notes.joined(separator: " — ")) |")
            }
            if !document.findings.isEmpty {
                out += ["", "**" + context.pick("Phát hiện", "Findings") + "** (\(document.findings.count))", ""]
                for finding in document.findings {
                    var line = "- **\(severity(finding.severity, context))** "
                        + context.pick("dòng", "line") + " \(finding.line):\(finding.column) — \(escape(finding.message)) (`\(code(finding.rule))`)"
                    if let suggestion = finding.suggestion { line += context.pick(" → gợi ý: ", " → suggestion: ") + escape(suggestion) }
                    out.append(line)
                }
            }
        }
        if !run.errors.isEmpty {
            out += ["", "### " + context.pick("Tệp không đọc được", "Unreadable files"), ""]
            for error in run.errors { out.append("- \(escape(error.path)): \(escape(error.message))") }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// `text` safe in a paragraph, list item or table cell: HTML's `& < >` as entities, line breaks as
    /// spaces, and Markdown's punctuation (`\ ` * _ [ ] | ~ $ #` and others) backslash-escaped.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r": out += " "
            case "\\", "`", "*", "_", "[", "]", "|", "~", "$", "#", "{", "}", "!", "^":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// An ID inside a code span: backticks cannot close it, pipes cannot split a table cell.
    private static func code(_ id: String) -> String {
        id.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "/")
    }

    private static func severity(_ severity: FindingSeverity, _ context: ReportContext) -> String {
        switch severity {
        case .error: return context.pick("lỗi", "error")
        case .warning: return context.pick("cảnh báo", "warning")
        case .info: return context.pick("gợi ý", "info")
        }
    }
}
