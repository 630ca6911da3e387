// Reporters: GitHub Actions workflow commands. One annotation per finding, per unreadable input.
import ComplianceEngine

/// GitHub Actions workflow commands: `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`
/// for error findings, `::warning` for warnings and `::notice` for info, which GitHub shows as annotations
/// on the files of a pull request. Columns are in characters and `endColumn` is the last character's.
/// Each report also gets one plain log line with its verdict and score. Values are escaped as GitHub's
/// toolkit escapes them: `%`, CR and LF in messages; also `:` and `,` in properties.
public enum GitHubReporter: Reporter {
    public static let identifier = "github"

    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        var out: [String] = []
        for document in run.documents {
            let verdict = document.verdict == .dat ? context.pick("ĐẠT", "PASS") : context.pick("CHƯA ĐẠT", "NOT YET")
            out.append("\(document.path): \(verdict) \(context.pick("điểm", "score")) \(Score.text(document.score))/100 [\(document.pack)]")
            let path = ReportPath.relative(document.path)
            for finding in document.findings {
                let title = context.rule(finding.rule).map { "\($0.title) [\(finding.rule)]" } ?? finding.rule
                var message = finding.message
                if let suggestion = finding.suggestion { message += context.pick(" → gợi ý: ", " → suggestion: ") + suggestion }
                out.append(command(command(finding.severity), properties: [
                    ("file", path), ("line", "\(finding.line)"), ("col", "\(finding.column)"),
                    ("endLine", "\(finding.endLine)"), ("endColumn", "\(finding.endColumn)"), ("title", title),
                ], message: message))
            }
        }
        for error in run.errors {
            out.append(command("error", properties: [("file", ReportPath.relative(error.path)), ("title", context.tool.name)],
                               message: error.located))
        }
        return out.map { $0 + "\n" }.joined()
    }

    /// One workflow command line.
    public static func command(_ name: String, properties: [(String, String)], message: String) -> String {
        let list = properties.map { "\($0.0)=\(escapeProperty($0.1))" }.joined(separator: ",")
        return "::\(name)\(list.isEmpty ? "" : " " + list)::\(escapeData(message))"
    }

    /// A message: `%`, CR and LF percent-encoded.
    public static func escapeData(_ text: String) -> String { escape(text, also: []) }

    /// A property value: as a message, and `:` and `,` too.
    public static func escapeProperty(_ text: String) -> String { escape(text, also: [":", ","]) }

    /// Works on Unicode scalars, so that a CR LF pair (one Swift character) becomes `%0D%0A`.
    private static func escape(_ text: String, also: Set<Unicode.Scalar>) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where also.contains(scalar): out += "%3A"
            case "," where also.contains(scalar): out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func command(_ severity: FindingSeverity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }
}
