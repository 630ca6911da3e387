// Reporters: reviewdog's Diagnostic Format (rdjson). One diagnostic per finding, columns in UTF-8 bytes.
import ComplianceEngine
import Foundation

/// reviewdog's Diagnostic Format as one JSON `DiagnosticResult` (`reviewdog -f=rdjson`): `source`, an
/// overall `severity` (the highest present), and `diagnostics` with `message`, `location.path`,
/// `location.range` (end exclusive), `severity`, `code.value` (the rule) and, when the rule's suggestion
/// is replacement text, `suggestions` replacing the flagged range.
///
/// The format counts columns in UTF-8 bytes; results count characters. Columns are converted with the
/// report's text from ``ReportContext/sourceText`` and stay in characters when it has none (standard
/// input, Word files, whose "lines" are paragraphs).
public enum RDJSONReporter: Reporter {
    public static let identifier = "rdjson"

    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        var diagnostics: [Diagnostic] = []
        var highest: FindingSeverity?
        for document in run.documents {
            let lines = context.sourceText(document.path).map(SourceText.lines)
            func position(line: Int, column: Int, after: Bool) -> Position {
                // `after`: the position just past the character at `column` (an exclusive end).
                guard let lines, line >= 1, line <= lines.count else { return Position(line: line, column: column + (after ? 1 : 0)) }
                let text = lines[line - 1]
                guard after else { return Position(line: line, column: SourceText.byteColumn(column, in: text)) }
                return Position(line: line, column: SourceText.byteColumn(column + 1, in: text))
            }
            for finding in document.findings {
                highest = max(highest ?? finding.severity, finding.severity)
                let range = Range(start: position(line: finding.line, column: finding.column, after: false),
                                  end: position(line: finding.endLine, column: finding.endColumn, after: true))
                var message = finding.message
                var suggestions: [Suggestion]?
                if let suggestion = finding.suggestion {
                    if context.rule(finding.rule)?.suggestionsReplaceText == true {
                        suggestions = [Suggestion(range: range, text: suggestion)]
                    } else {
                        message += context.pick(" → gợi ý: ", " → suggestion: ") + suggestion
                    }
                }
                diagnostics.append(Diagnostic(
                    message: message, location: Location(path: ReportPath.relative(document.path), range: range),
                    severity: severity(finding.severity), code: Code(value: finding.rule), suggestions: suggestions))
            }
        }
        for error in run.errors {
            highest = .error
            diagnostics.append(Diagnostic(
                message: error.located, location: Location(path: ReportPath.relative(error.path), range: nil),
                severity: "ERROR", code: Code(value: "input"), suggestions: nil))
        }
        let result = DiagnosticResult(
            source: Source(name: context.tool.name, url: context.tool.informationURI),
            severity: highest.map(severity) ?? "INFO", diagnostics: diagnostics)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(result), as: UTF8.self) + "\n"
    }

    private static func severity(_ severity: FindingSeverity) -> String {
        switch severity {
        case .error: return "ERROR"
        case .warning: return "WARNING"
        case .info: return "INFO"
        }
    }

    // The rdf messages written; field names are the proto's JSON names.
    private struct DiagnosticResult: Encodable {
        let source: Source
        let severity: String
        let diagnostics: [Diagnostic]
    }
    private struct Source: Encodable {
        let name: String
        let url: String?
    }
    private struct Diagnostic: Encodable {
        let message: String
        let location: Location
        let severity: String
        let code: Code
        let suggestions: [Suggestion]?
    }
    private struct Location: Encodable {
        let path: String
        let range: Range?
    }
    private struct Range: Encodable {
        let start: Position
        let end: Position
    }
    private struct Position: Encodable {
        let line: Int
        let column: Int
    }
    private struct Code: Encodable { let value: String }
    private struct Suggestion: Encodable {
        let range: Range
        let text: String
    }
}
