// ReviewServer: the pages. Server-rendered HTML for upload, results (checklist, marked text, downloads, matrix), login and errors; every piece of report text escaped.
import ComplianceEngine
import DocumentReaders
import Foundation
import Hummingbird
import Reporters
import Review

/// The HTML pages. Nothing here runs a script inline; `/static/app.js` adds drag and drop and the
/// finding explanations, and every page works without it.
enum Pages {
    /// "en" when the request asks for English (`?lang=en`), else "vi".
    static func language(of request: Request) -> String {
        request.uri.queryParameters["lang"].map(String.init) == "en" ? "en" : "vi"
    }

    /// Escapes text for HTML content and attribute values.
    static func esc(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }

    static func frame(_ title: String, language: String, body: String, switchTo: String? = nil) -> String {
        let other = language == "en" ? "vi" : "en"
        let switchLink = switchTo ?? (other == "en" ? "/?lang=en" : "/")
        return """
        <!doctype html>
        <html lang="\(language)">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title))</title><link rel="stylesheet" href="/static/app.css"><script src="/static/app.js" defer></script></head>
        <body><header><a class="brand" href="\(language == "en" ? "/?lang=en" : "/")">soatxet</a>
        <nav><a id="lang-switch" href="\(esc(switchLink))">\(other == "en" ? "English" : "Tiếng Việt")</a></nav></header>
        <main>
        \(body)
        </main></body></html>
        """
    }

    static func pick(_ language: String, _ vi: String, _ en: String) -> String { language == "en" ? en : vi }

    /// The upload form: file input (several files), drop zone, pack choice.
    static func uploadPage(packs: [(id: String, title: String)], chosen: String, language: String, maxUpload: Int, maxFiles: Int) -> String {
        let t = { (vi: String, en: String) in pick(language, vi, en) }
        let options = packs.map { "<option value=\"\(esc($0.id))\"\($0.id == chosen ? " selected" : "")>\(esc($0.title)) (\(esc($0.id)))</option>" }
            .joined(separator: "\n")
        let mb = String(format: "%.0f", Double(maxUpload) / 1_048_576)
        let body = """
        <h1>\(t("Soát xét báo cáo công đoàn", "Check trade-union reports"))</h1>
        <p>\(t("Chọn hoặc kéo thả báo cáo (.docx, .odt, .txt, .md, .doc, .pdf); mỗi báo cáo được đối chiếu với từng yêu cầu của văn bản chỉ đạo. Tệp không được lưu lại.",
               "Choose or drop reports (.docx, .odt, .txt, .md, .doc, .pdf); each is checked against every requirement of the directive. Nothing is kept."))</p>
        <form id="upload" method="post" action="/review\(language == "en" ? "?lang=en" : "")" enctype="multipart/form-data">
        <input type="hidden" name="lang" value="\(language)">
        <label for="pack">\(t("Văn bản chỉ đạo (bộ quy tắc)", "Directive (rule pack)"))</label>
        <select id="pack" name="pack">\(options)</select>
        <div id="drop" class="drop"><p>\(t("Kéo thả báo cáo vào đây, hoặc", "Drop reports here, or"))</p>
        <input id="file" type="file" name="file" multiple accept=".docx,.odt,.txt,.md,.doc,.pdf">
        <p id="chosen" class="muted"></p></div>
        <p class="muted">\(t("Tối đa \(maxFiles) tệp, tổng \(mb) MB.", "At most \(maxFiles) files, \(mb) MB in all."))</p>
        <button id="submit" type="submit">\(t("Soát xét", "Check"))</button>
        </form>
        """
        return frame(t("soatxet — soát xét báo cáo", "soatxet — check reports"), language: language, body: body)
    }

    static func errorPage(_ error: APIError, language: String) -> String {
        let body = """
        <h1>\(pick(language, "Không thực hiện được", "Could not do that"))</h1>
        <p class="error" id="error">\(esc(error.message(language)))</p>
        <p><a href="\(language == "en" ? "/?lang=en" : "/")">\(pick(language, "Quay lại", "Back"))</a></p>
        """
        return frame("soatxet", language: language, body: body)
    }

    static func loginPage(language: String, failed: Bool) -> String {
        let body = """
        <h1>\(pick(language, "Đăng nhập", "Sign in"))</h1>
        \(failed ? "<p class=\"error\">\(pick(language, "Mã truy cập không đúng.", "Wrong token."))</p>" : "")
        <form method="post" action="/login\(language == "en" ? "?lang=en" : "")">
        <label for="token">\(pick(language, "Mã truy cập", "Token"))</label>
        <input id="token" name="token" type="password" autocomplete="current-password" required>
        <button type="submit">\(pick(language, "Vào", "Enter"))</button></form>
        """
        return frame("soatxet", language: language, body: body)
    }

    /// The results of one request: the matrix when there are several reports, then each report.
    static func resultsPage(_ checked: CheckedUploads) throws -> String {
        let language = checked.language
        let t = { (vi: String, en: String) in pick(language, vi, en) }
        let batch = ReviewBatch(run: checked.run, pack: checked.pack, language: language)
        var body = "<h1>\(t("Kết quả soát xét", "Review results"))</h1>\n"
        body += "<p>\(t("Văn bản chỉ đạo", "Directive")): <strong>\(esc(checked.pack.pack.title))</strong> · <a href=\"\(language == "en" ? "/?lang=en" : "/")\">\(t("Soát xét báo cáo khác", "Check other reports"))</a></p>\n"
        for error in checked.run.errors {
            body += "<p class=\"error\">\(esc(error.path)): \(esc(error.message))</p>\n"
        }
        if batch.reports.count > 1 {
            body += matrix(batch)
            let summary = Data(HTMLPage.render(batch).utf8)
            body += "<p class=\"downloads\">" + download(t("Trang tổng hợp (.html)", "Summary page (.html)"), "tong-hop.html", "text/html", summary)
                + download(t("Bảng tổng hợp (.csv)", "Summary table (.csv)"), "tong-hop.csv", "text/csv", SummaryCSV.render(batch)) + "</p>\n"
        }
        for report in batch.reports {
            body += try section(report, batch: batch, checked: checked)
        }
        return frame(t("Kết quả soát xét", "Review results"), language: language, body: body,
                     switchTo: language == "en" ? "/" : "/?lang=en")
    }

    /// The review matrix: reports by requirements, a status symbol and word in each cell.
    static func matrix(_ batch: ReviewBatch) -> String {
        let language = batch.language
        var html = "<h2>\(pick(language, "Ma trận soát xét", "Review matrix"))</h2>\n<div class=\"scroll\"><table id=\"matrix\"><thead><tr><th>\(pick(language, "Đơn vị", "Unit"))</th><th>\(pick(language, "Điểm", "Score"))</th>"
        for requirement in batch.requirements { html += "<th title=\"\(esc(requirement.title))\">\(esc(requirement.id))</th>" }
        html += "</tr></thead><tbody>\n"
        for report in batch.reports {
            html += "<tr><td><a href=\"#r-\(esc(report.slug))\">\(esc(report.unit))</a></td><td>\(Int(report.result.score.rounded())) · \(esc(report.result.verdict.words(language)))</td>"
            let statuses = Dictionary(report.result.requirements.map { ($0.id, $0.status) }, uniquingKeysWith: { first, _ in first })
            for requirement in batch.requirements {
                if let status = statuses[requirement.id] {
                    html += "<td class=\"\(status.rawValue)\" title=\"\(esc(status.words(language)))\">\(status.symbol)</td>"
                } else {
                    html += "<td></td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    /// One report: verdict, checklist, findings on the text, downloads.
    static func section(_ report: ReviewedReport, batch: ReviewBatch, checked: CheckedUploads) throws -> String {
        let language = batch.language
        let t = { (vi: String, en: String) in pick(language, vi, en) }
        let result = report.result
        let slug = esc(report.slug)
        var html = "<section class=\"report\" id=\"r-\(slug)\">\n<h2>\(esc(result.path))</h2>\n"
        html += "<p class=\"verdict \(result.verdict == .dat ? "met" : "missing")\">\(esc(report.unit)) · \(t("điểm", "score")) \(String(format: "%.0f", result.score)) · <strong>\(esc(result.verdict.words(language)))</strong></p>\n"
        // Downloads.
        var downloads: [String] = []
        var single = RunResult(documents: [result], errors: [])
        single.version = checked.run.version
        downloads.append(download("JSON", base(result.path) + ".json", "application/json", Data(try JSONReporter.report(single, context: checked.context).utf8)))
        downloads.append(download("SARIF", base(result.path) + ".sarif", "application/sarif+json", Data(try SARIFReporter.report(single, context: checked.context).utf8)))
        if let letter = try? WordLetter.render(FeedbackLetter(report: report, batch: batch), language: language) {
            downloads.append(download(t("Thư nhận xét (.docx)", "Feedback letter (.docx)"), base(result.path) + ".nhan-xet.docx",
                                      "application/vnd.openxmlformats-officedocument.wordprocessingml.document", letter))
        }
        if let file = checked.files[result.path],
           let copy = try? Annotation.annotate(path: file, result: result, pack: checked.pack, language: language) {
            let name = (Annotation.defaultOutput(for: result.path) as NSString).lastPathComponent
            let type = copy.format == "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : "text/markdown"
            downloads.append(download(t("Bản có nhận xét", "Annotated copy") + " (.\(copy.format))", name, type, copy.data))
        }
        html += "<p class=\"downloads\">\(downloads.joined(separator: " "))</p>\n"
        // Checklist.
        let clauses = Dictionary(batch.requirements.map { ($0.id, $0.clause) }, uniquingKeysWith: { first, _ in first })
        html += "<h3>\(t("Danh mục yêu cầu", "Requirement checklist"))</h3>\n<table class=\"checklist\"><thead><tr><th>\(t("Trạng thái", "Status"))</th><th>\(t("Yêu cầu", "Requirement"))</th><th>\(t("Căn cứ và nhận xét", "Clause and notes"))</th></tr></thead><tbody>\n"
        for requirement in result.requirements {
            html += "<tr class=\"\(requirement.status.rawValue)\" data-requirement=\"\(esc(requirement.id))\" data-status=\"\(requirement.status.rawValue)\">"
            html += "<td>\(requirement.status.symbol) \(esc(requirement.status.words(language)))</td><td>\(esc(requirement.title))</td><td>"
            if requirement.status != .met {
                let clause = clauses[requirement.id] ?? requirement.clause
                if !clause.isEmpty { html += "<blockquote class=\"clause\">\(esc(clause))</blockquote>" }
                if !requirement.detail.isEmpty { html += "<p>\(esc(requirement.detail))</p>" }
            }
            if let evidence = requirement.evidence.first {
                html += "<p class=\"evidence\">\(t("Dẫn chứng", "Evidence")) (\(t("dòng", "line")) \(evidence.line)): «\(esc(evidence.excerpt))»</p>"
            }
            html += "</td></tr>\n"
        }
        html += "</tbody></table>\n"
        // Findings.
        html += "<h3>\(t("Phát hiện", "Findings")) (\(result.findings.count))</h3>\n<ol class=\"findings\">\n"
        for (index, finding) in result.findings.enumerated() {
            html += "<li id=\"f-\(slug)-\(index)\" class=\"\(finding.severity.rawValue)\"><span class=\"sev\">\(esc(finding.severity.words(language)))</span> "
            html += "\(t("dòng", "line")) \(finding.line): \(esc(finding.message))"
            if let suggestion = finding.suggestion { html += " <em>\(t("Gợi ý", "Suggestion")): \(esc(suggestion))</em>" }
            html += " <code>\(esc(finding.rule))</code></li>\n"
        }
        html += "</ol>\n"
        // The text with findings marked.
        if let text = reportText(result.path, checked: checked) {
            html += "<h3>\(t("Nội dung báo cáo", "Report text"))</h3>\n<pre class=\"text\">\(marked(text.text, findings: result.findings, slug: report.slug, prefixes: text.prefixes))</pre>\n"
        }
        return html + "</section>\n"
    }

    /// The report's text, where findings are placed by line and column: text reports as decoded,
    /// others as their paragraphs, one a line, with the length of each line's generated list marker.
    static func reportText(_ name: String, checked: CheckedUploads) -> (text: String, prefixes: [Int])? {
        if let text = checked.context.sourceText(name) { return (text, []) }
        guard let file = checked.files[name], let document = try? DocumentReaders.read(path: file) else { return nil }
        // Word files: one line per block, as the engine counts them; columns do not count the list
        // marker the reader generated ("- "), so each line's marker length is added back.
        let prefixes = document.blocks.map { String(decoding: Array($0.text.utf8.prefix($0.generatedPrefixLength)), as: UTF8.self).unicodeScalars.count }
        return (document.blocks.map(\.text).joined(separator: "\n"), prefixes)
    }

    /// `text` escaped, with each finding's span in a `<mark>` linking to its explanation.
    static func marked(_ text: String, findings: [Finding], slug: String, prefixes: [Int] = []) -> String {
        let scalars = Array(text.unicodeScalars)
        var lineStarts = [0]
        for (offset, scalar) in scalars.enumerated() where scalar == "\n" { lineStarts.append(offset + 1) }
        func offset(_ line: Int, _ column: Int) -> Int? {
            guard line >= 1, line <= lineStarts.count else { return nil }
            let prefix = line <= prefixes.count ? prefixes[line - 1] : 0
            return min(scalars.count, lineStarts[line - 1] + prefix + max(0, column - 1))
        }
        var spans: [(start: Int, end: Int, index: Int)] = []
        for (index, finding) in findings.enumerated() {
            guard let start = offset(finding.line, finding.column) else { continue }
            // The end column is the last character of the span (inclusive).
            var end = (offset(finding.endLine, finding.endColumn) ?? start) + 1
            if end <= start { end = min(scalars.count, start + max(1, finding.excerpt.unicodeScalars.count)) }
            spans.append((start, min(end, scalars.count), index))
        }
        spans.sort { $0.start < $1.start }
        var out = ""
        var position = 0
        func plain(_ from: Int, _ to: Int) -> String {
            guard from < to else { return "" }
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[from..<to])
            return esc(String(piece))
        }
        for span in spans where span.start >= position && span.end > span.start {
            out += plain(position, span.start)
            let finding = findings[span.index]
            out += "<a class=\"mark \(finding.severity.rawValue)\" href=\"#f-\(esc(slug))-\(span.index)\" data-finding=\"f-\(esc(slug))-\(span.index)\" title=\"\(esc(finding.message))\">"
            out += plain(span.start, span.end) + "</a>"
            position = span.end
        }
        out += plain(position, scalars.count)
        return out
    }

    static func base(_ name: String) -> String { (name as NSString).deletingPathExtension }

    /// A download link carrying its file (nothing is kept on the server to fetch later).
    static func download(_ label: String, _ filename: String, _ type: String, _ data: Data) -> String {
        "<a class=\"download\" download=\"\(esc(filename))\" href=\"data:\(type);base64,\(data.base64EncodedString())\">\(esc(label))</a>"
    }
}
