// Review: annotated text reports. A Markdown copy of a .txt or .md report with each finding as a footnote.
import ComplianceEngine
import Foundation

/// Text reports cannot carry Word comments; their annotated copy is Markdown: a short note on top,
/// the report's text as it was (decoded to UTF-8), a footnote mark `[^n]` right after the text each
/// finding concerns, and the footnotes at the end.
public enum MarkdownAnnotator {
    /// The annotated copy of `text` (the decoded report, whose lines and columns the findings use).
    public static func annotate(text: String, result: DocumentResult, ruleTitles: [String: String], language: String = "vi") -> String {
        let english = language == "en"
        // Lines as the source map counts them: \n, \r\n or a lone \r end a line; columns are scalars.
        var lines: [[Unicode.Scalar]] = [[]]
        var endings: [String] = []
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "\r" {
                if scalars.first == "\n" { scalars.removeFirst(); endings.append("\r\n") } else { endings.append("\r") }
                lines.append([])
            } else if scalar == "\n" {
                endings.append("\n")
                lines.append([])
            } else {
                lines[lines.count - 1].append(scalar)
            }
        }
        // Marks go after the finding's last character; several at one place keep their order.
        var marks: [Int: [Int: [Int]]] = [:]  // line index → column (scalars before the mark) → note numbers
        for (index, finding) in result.findings.enumerated() {
            let line = min(max(0, finding.endLine - 1), lines.count - 1)
            let column = min(max(0, finding.endColumn), lines[line].count)
            marks[line, default: [:]][column, default: []].append(index + 1)
        }
        let requirements = Dictionary(result.requirements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var out = "<!-- " + (english ? "Annotated by soatxet; the report's text is unchanged, the review is in the footnotes."
                                   : "Bản soát xét của soatxet: nội dung báo cáo giữ nguyên, góp ý ở chú thích cuối trang.") + " -->\n"
        out += "> **soatxet** — " + (english ? "score" : "điểm") + " \(formatScore(result.score))/100, "
            + result.verdict.words(language) + "; \(result.findings.count) " + (english ? "findings" : "góp ý") + "\n\n"
        for (index, line) in lines.enumerated() {
            var text = ""
            let lineMarks = marks[index] ?? [:]
            for (column, scalar) in line.enumerated() {
                for note in lineMarks[column] ?? [] where column > 0 { text += "[^\(note)]" }
                text.unicodeScalars.append(scalar)
            }
            // Marks at the line's end, and marks at column 0 of an empty line.
            for column in lineMarks.keys.sorted() where column >= line.count || column == 0 {
                if column == 0, !line.isEmpty {
                    // At the very start of a non-empty line: put it after the first word instead of before the text.
                    continue
                }
                for note in lineMarks[column]! { text += "[^\(note)]" }
            }
            if let atStart = lineMarks[0], !line.isEmpty {
                let firstSpace = text.firstIndex(of: " ") ?? text.endIndex
                text.insert(contentsOf: atStart.map { "[^\($0)]" }.joined(), at: firstSpace)
            }
            out += text
            if index < endings.count { out += "\n" }
        }
        if !out.hasSuffix("\n") { out += "\n" }
        out += "\n---\n\n"
        for (index, finding) in result.findings.enumerated() {
            var note = "[^\(index + 1)]: "
            if let requirement = requirements[finding.rule] {
                note += "**\(requirement.status.symbol) " + Escape.markdown(requirement.title) + "** (" + requirement.status.words(language) + "). "
            } else {
                note += "**" + finding.severity.words(language) + ": " + Escape.markdown(ruleTitles[finding.rule] ?? finding.rule) + ".** "
            }
            note += Escape.markdown(finding.message)
            if let suggestion = finding.suggestion { note += " " + (english ? "Suggestion: " : "Gợi ý: ") + Escape.markdown(suggestion) }
            note += " `\(finding.rule)`, " + result.place(line: finding.line, language) + "\n"
            out += note
        }
        return out
    }
}
