// Reporters: Checkstyle XML. One <file> per report with an <error> per finding; unreadable inputs too.
import ComplianceEngine

/// Checkstyle XML (version 4.3), which Jenkins' warnings plugin, reviewdog and many CI tools read:
/// `<checkstyle version="4.3"><file name=…><error line column severity message source/>`. Severities are
/// `error`, `warning` and `info`; `source` is `soatxet.<rule>`. An input that could not be read is a
/// `<file>` with one error at line 1 whose source is `soatxet.input`.
public enum CheckstyleReporter: Reporter {
    public static let identifier = "checkstyle"

    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        var out = ["<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<checkstyle version=\"4.3\">"]
        for document in run.documents {
            out.append("  <file name=\"\(XML.escape(document.path))\">")
            for finding in document.findings {
                var message = finding.message
                if let suggestion = finding.suggestion { message += context.pick(" → gợi ý: ", " → suggestion: ") + suggestion }
                out.append("    <error line=\"\(finding.line)\" column=\"\(finding.column)\" severity=\"\(finding.severity.rawValue)\""
                           + " message=\"\(XML.escape(message))\" source=\"\(XML.escape(context.tool.name + "." + finding.rule))\"/>")
            }
            out.append("  </file>")
        }
        for error in run.errors {
            out.append("  <file name=\"\(XML.escape(error.path))\">")
            out.append("    <error line=\"1\" severity=\"error\" message=\"\(XML.escape(error.message))\" source=\"\(XML.escape(context.tool.name)).input\"/>")
            out.append("  </file>")
        }
        out.append("</checkstyle>")
        return out.joined(separator: "\n") + "\n"
    }
}
