// Review: the batch page. index.html: one self-contained, printable page with the matrix, the charts and each report.
import ComplianceEngine
import Foundation

/// `index.html`: the reviewer's overview of a batch.
///
/// Self-contained (inline CSS, inline SVG, a few lines of inline script, nothing fetched), printable
/// on A4, and well-formed XML as well as HTML5 (void elements self-closed, the script in a CDATA
/// section), so a test can check it with an XML parser. Every text from a report or the pack is
/// escaped. Statuses are shown as ✓ ◐ ✗ — three shapes, with colour only as a second cue — and the
/// charts use hatching as well as colour. Without the script the matrix reads in unit order; with it,
/// any column header sorts the rows.
public enum HTMLPage {
    /// How many evidence excerpts a requirement shows.
    static let evidenceShown = 3

    /// The whole page for `batch`; `feedbackFolder` is where the letters are linked (relative).
    public static func render(_ batch: ReviewBatch, feedbackFolder: String = "feedback") -> String {
        let t = batch.pick
        let pack = batch.pack.pack
        var html = """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="\(batch.english ? "en" : "vi")">
        <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="soatxet" />
        <title>\(Escape.xml(t("Tổng hợp soát xét", "Review summary") + " — " + pack.title))</title>
        <style>\(style)</style>
        </head>
        <body>

        """
        html += header(batch)
        html += charts(batch)
        html += matrix(batch)
        html += requirementLegend(batch)
        if !batch.errors.isEmpty { html += errorList(batch) }
        for report in batch.reports { html += section(report, batch: batch, feedbackFolder: feedbackFolder) }
        html += "<footer><p>" + Escape.xml(t("Tạo bởi soatxet. Kết quả tự động: người soát xét đọc lại báo cáo trước khi gửi nhận xét.",
                                              "Made by soatxet. Automatic results: a reviewer reads the report before sending feedback.")) + "</p></footer>\n"
        html += "<script>//<![CDATA[\n\(script)\n//]]></script>\n</body>\n</html>\n"
        return html
    }

    // MARK: - Parts

    private static func header(_ batch: ReviewBatch) -> String {
        let t = batch.pick
        let pack = batch.pack.pack
        let passing = batch.reports.filter { $0.result.verdict == .dat }.count
        var out = "<header>\n<h1>" + Escape.xml(t("Tổng hợp soát xét báo cáo", "Review of reports")) + "</h1>\n"
        out += "<p class=\"pack\">" + Escape.xml(pack.title) + " <span class=\"muted\">[" + Escape.xml(pack.id) + "]</span></p>\n"
        if let directive = pack.directive {
            var cited = directive.issuer + ": " + directive.title
            if let number = directive.number { cited += " (" + number + (directive.date.map { ", " + $0 } ?? "") + ")" }
            out += "<p class=\"muted\">" + Escape.xml(t("Căn cứ: ", "Directive: ") + cited) + "</p>\n"
        }
        let scores = batch.reports.map(\.result.score)
        let mean = scores.isEmpty ? 0 : scores.reduce(0, +) / Double(scores.count)
        out += "<ul class=\"totals\">"
        out += "<li><strong>\(batch.reports.count)</strong> " + Escape.xml(t("báo cáo", "reports")) + "</li>"
        out += "<li><strong>\(passing)</strong> " + Escape.xml(t("đạt", "pass")) + "</li>"
        out += "<li><strong>\(batch.reports.count - passing)</strong> " + Escape.xml(t("chưa đạt", "not yet")) + "</li>"
        out += "<li>" + Escape.xml(t("điểm trung bình", "mean score")) + " <strong>" + formatScore((mean * 10).rounded() / 10) + "</strong></li>"
        if let pass = pack.scoring?.pass {
            out += "<li>" + Escape.xml(t("ngưỡng đạt", "pass mark")) + " <strong>" + formatScore(pass) + "</strong></li>"
        }
        if !batch.errors.isEmpty {
            out += "<li><strong>\(batch.errors.count)</strong> " + Escape.xml(t("tệp không đọc được", "unreadable files")) + "</li>"
        }
        out += "</ul>\n<p class=\"legend\">" + legendLine(batch) + "</p>\n</header>\n"
        return out
    }

    private static func legendLine(_ batch: ReviewBatch) -> String {
        [RequirementStatus.met, .partial, .missing].map {
            "<span class=\"mark s-\($0.rawValue)\">\($0.symbol)</span> " + Escape.xml($0.words(batch.language))
        }.joined(separator: " &#160; ")
    }

    private static func charts(_ batch: ReviewBatch) -> String {
        let t = batch.pick
        var out = "<section class=\"charts\">\n"
        out += "<figure>\n<figcaption>" + Escape.xml(t("Phân bố điểm", "Score distribution")) + "</figcaption>\n"
        out += Charts.scoreHistogram(scores: batch.reports.map(\.result.score), pass: batch.pack.pack.scoring?.pass,
                                     labels: (t("số báo cáo", "reports"), t("ngưỡng đạt", "pass mark")))
        out += "</figure>\n<figure>\n<figcaption>" + Escape.xml(t("Mức đáp ứng từng yêu cầu", "Compliance per requirement")) + "</figcaption>\n"
        let rows = batch.requirements.enumerated().map { index, requirement -> Charts.RequirementRow in
            var counts: [RequirementStatus: Int] = [:]
            for report in batch.reports {
                if let status = report.result.requirements.first(where: { $0.id == requirement.id })?.status { counts[status, default: 0] += 1 }
            }
            return Charts.RequirementRow(label: "R\(index + 1)", title: requirement.title, met: counts[.met] ?? 0,
                                         partial: counts[.partial] ?? 0, missing: counts[.missing] ?? 0)
        }
        out += Charts.requirementBars(rows, language: batch.language)
        out += "</figure>\n</section>\n"
        return out
    }

    private static func matrix(_ batch: ReviewBatch) -> String {
        let t = batch.pick
        var out = "<section class=\"matrix\">\n<h2>" + Escape.xml(t("Ma trận báo cáo × yêu cầu", "Reports × requirements")) + "</h2>\n"
        out += "<p class=\"muted noprint\">" + Escape.xml(t("Bấm vào tiêu đề cột để sắp xếp.", "Click a column header to sort.")) + "</p>\n"
        out += "<table id=\"matrix\">\n<thead><tr>"
        out += "<th scope=\"col\" data-sort=\"num\">#</th>"
        out += "<th scope=\"col\" data-sort=\"text\" class=\"unit\">" + Escape.xml(t("Đơn vị", "Unit")) + "</th>"
        out += "<th scope=\"col\" data-sort=\"num\">" + Escape.xml(t("Điểm", "Score")) + "</th>"
        for (index, requirement) in batch.requirements.enumerated() {
            out += "<th scope=\"col\" data-sort=\"num\" class=\"req\" title=\"" + Escape.xml(requirement.title) + "\">R\(index + 1)</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for (row, report) in batch.reports.enumerated() {
            let result = report.result
            out += "<tr class=\"v-\(result.verdict.rawValue)\">"
            out += "<td data-v=\"\(row + 1)\">\(row + 1)</td>"
            out += "<td class=\"unit\" data-v=\"" + Escape.xml(report.unit) + "\"><a href=\"#r-" + Escape.xml(report.slug) + "\">"
                + Escape.xml(report.unit) + "</a><br /><span class=\"file\">" + Escape.xml((result.path as NSString).lastPathComponent) + "</span></td>"
            out += "<td class=\"score\" data-v=\"" + formatScore(result.score) + "\">" + formatScore(result.score)
                + " <span class=\"verdict\">" + Escape.xml(result.verdict.words(batch.language)) + "</span></td>"
            for requirement in batch.requirements {
                guard let status = result.requirements.first(where: { $0.id == requirement.id })?.status else {
                    out += "<td data-v=\"-1\">–</td>"
                    continue
                }
                out += "<td class=\"mark s-\(status.rawValue)\" data-v=\"\(status.rank)\" data-status=\"\(status.rawValue)\" title=\""
                    + Escape.xml(requirement.title + ": " + status.words(batch.language)) + "\">" + status.symbol + "</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</section>\n"
        return out
    }

    private static func requirementLegend(_ batch: ReviewBatch) -> String {
        var out = "<section class=\"requirements\">\n<h2>" + Escape.xml(batch.pick("Các yêu cầu", "Requirements")) + "</h2>\n<ol class=\"reqs\">\n"
        for (index, requirement) in batch.requirements.enumerated() {
            out += "<li><strong>R\(index + 1)</strong> " + Escape.xml(requirement.title)
            if !requirement.clause.isEmpty { out += "<br /><q>" + Escape.xml(requirement.clause) + "</q>" }
            out += "</li>\n"
        }
        return out + "</ol>\n</section>\n"
    }

    private static func errorList(_ batch: ReviewBatch) -> String {
        var out = "<section class=\"errors\">\n<h2>" + Escape.xml(batch.pick("Tệp không đọc được", "Files that could not be read")) + "</h2>\n<ul>\n"
        for error in batch.errors {
            out += "<li><code>" + Escape.xml(error.path) + "</code>: " + Escape.xml(error.message) + "</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    private static func section(_ report: ReviewedReport, batch: ReviewBatch, feedbackFolder: String) -> String {
        let t = batch.pick
        let result = report.result
        let language = batch.language
        var out = "<section class=\"report\" id=\"r-" + Escape.xml(report.slug) + "\">\n"
        out += "<h2>" + Escape.xml(report.unit) + "</h2>\n"
        out += "<p class=\"meta\"><span class=\"badge v-\(result.verdict.rawValue)\">" + Escape.xml(result.verdict.words(language).uppercased())
            + "</span> " + Escape.xml(t("điểm", "score")) + " <strong>" + formatScore(result.score) + "/100</strong> · <code>"
            + Escape.xml(result.path) + "</code> · " + Escape.xml(t("thư nhận xét", "feedback letter")) + ": "
            + "<a href=\"" + Escape.xml(feedbackFolder + "/" + report.slug) + ".md\">.md</a> "
            + "<a href=\"" + Escape.xml(feedbackFolder + "/" + report.slug) + ".docx\">.docx</a></p>\n"
        out += "<table class=\"checklist\">\n<thead><tr><th scope=\"col\"></th><th scope=\"col\">" + Escape.xml(t("Yêu cầu", "Requirement"))
            + "</th><th scope=\"col\">" + Escape.xml(t("Căn cứ trong báo cáo", "Evidence in the report")) + "</th></tr></thead>\n<tbody>\n"
        for requirement in result.requirements {
            out += "<tr class=\"s-\(requirement.status.rawValue)\"><td class=\"mark s-\(requirement.status.rawValue)\" title=\""
                + Escape.xml(requirement.status.words(language)) + "\">" + requirement.status.symbol + "</td><td>"
                + "<strong>" + Escape.xml(requirement.title) + "</strong>"
            if requirement.status != .met, !requirement.detail.isEmpty {
                out += "<br /><span class=\"detail\">" + Escape.xml(requirement.detail) + "</span>"
            }
            if requirement.status != .met, !requirement.clause.isEmpty {
                out += "<blockquote>" + Escape.xml(requirement.clause) + "</blockquote>"
            }
            out += "</td><td>"
            if requirement.evidence.isEmpty {
                out += "<span class=\"muted\">—</span>"
            } else {
                out += "<ul class=\"evidence\">"
                for evidence in requirement.evidence.prefix(evidenceShown) {
                    out += "<li><span class=\"where\">" + Escape.xml(result.place(line: evidence.line, language)) + "</span> "
                        + Escape.xml(evidence.excerpt) + "</li>"
                }
                if requirement.evidence.count > evidenceShown {
                    out += "<li class=\"muted\">" + Escape.xml(t("và \(requirement.evidence.count - evidenceShown) câu khác",
                                                                 "and \(requirement.evidence.count - evidenceShown) more")) + "</li>"
                }
                out += "</ul>"
            }
            out += "</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        if result.findings.isEmpty {
            out += "<p class=\"muted\">" + Escape.xml(t("Không có góp ý nào khác.", "No findings.")) + "</p>\n"
        } else {
            out += "<h3>" + Escape.xml(t("Góp ý", "Findings")) + " (\(result.findings.count))</h3>\n<ol class=\"findings\">\n"
            for finding in result.findings {
                out += "<li class=\"sev-\(finding.severity.rawValue)\"><span class=\"where\">" + Escape.xml(result.place(line: finding.line, language))
                    + "</span> <span class=\"sev\">" + Escape.xml(finding.severity.words(language)) + "</span> " + Escape.xml(finding.message)
                if !finding.excerpt.isEmpty { out += "<br /><span class=\"excerpt\">" + Escape.xml(finding.excerpt) + "</span>" }
                if let suggestion = finding.suggestion {
                    out += "<br /><span class=\"suggestion\">" + Escape.xml(t("Gợi ý: ", "Suggestion: ") + suggestion) + "</span>"
                }
                out += " <span class=\"rule\">[" + Escape.xml(finding.rule) + "]</span></li>\n"
            }
            out += "</ol>\n"
        }
        return out + "</section>\n"
    }

    // MARK: - Style and script

    static let style = """

    :root{--met:#009E73;--partial:#E69F00;--missing:#D55E00;--ink:#1a1a1a;--muted:#5f6368;--line:#d0d4d9}
    *{box-sizing:border-box}
    body{font-family:"Times New Roman","Liberation Serif","DejaVu Serif",serif;color:var(--ink);margin:0 auto;max-width:1100px;padding:16px 20px;line-height:1.4;font-size:15px}
    h1{font-size:1.6em;margin:.2em 0}
    h2{font-size:1.25em;margin:1.2em 0 .4em;border-bottom:1px solid var(--line);padding-bottom:.15em}
    h3{font-size:1.05em;margin:.8em 0 .3em}
    .muted,.file,.where,.rule{color:var(--muted)}
    .file{font-size:.8em;font-family:"DejaVu Sans Mono",monospace}
    .pack{font-size:1.1em;margin:.2em 0}
    ul.totals{list-style:none;padding:0;margin:.5em 0;display:flex;flex-wrap:wrap;gap:.4em 1.4em}
    .charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}
    .charts figure{margin:0;flex:1 1 420px;border:1px solid var(--line);border-radius:6px;padding:8px}
    figcaption{font-weight:bold;margin-bottom:4px}
    svg{max-width:100%;height:auto;font-family:"DejaVu Sans",Arial,sans-serif}
    table{border-collapse:collapse;width:100%}
    th,td{border:1px solid var(--line);padding:3px 6px;vertical-align:top}
    thead th{background:#f1f3f4}
    #matrix td.mark{text-align:center;font-size:1.15em;font-weight:bold;width:2.2em}
    #matrix th.req{width:2.6em;text-align:center}
    #matrix th.sortable{cursor:pointer}
    #matrix th[aria-sort=ascending]::after{content:" ▲";font-size:.7em}
    #matrix th[aria-sort=descending]::after{content:" ▼";font-size:.7em}
    #matrix td.score{white-space:nowrap;text-align:right}
    #matrix a{color:inherit}
    .verdict{font-size:.75em;color:var(--muted)}
    tr.v-chua-dat td.score{font-weight:bold}
    .mark.s-met{color:#00664a;background:#e3f4ee}
    .mark.s-partial{color:#8a5a00;background:#fdf1d8}
    .mark.s-missing{color:#a33a00;background:#fbe6dc}
    .mark{font-family:"DejaVu Sans","Segoe UI Symbol","Noto Sans Symbols 2",sans-serif}
    span.mark{display:inline-block;width:1.4em;text-align:center;font-weight:bold;border-radius:3px}
    ol.reqs{padding-left:1.2em;columns:2;column-gap:2em}
    ol.reqs li{break-inside:avoid;margin-bottom:.4em;list-style:none}
    q{font-style:italic;color:var(--muted);font-size:.9em}
    .report{margin-top:1.8em}
    .meta{margin:.2em 0 .6em}
    .badge{display:inline-block;padding:0 .5em;border-radius:3px;font-weight:bold;font-size:.85em;border:1.5px solid}
    .badge.v-dat{color:#00664a;border-color:#00664a}
    .badge.v-chua-dat{color:#a33a00;border-color:#a33a00;border-style:dashed}
    table.checklist td.mark{text-align:center;font-size:1.15em;font-weight:bold;width:2em}
    table.checklist td:nth-child(2){width:42%}
    blockquote{margin:.3em 0 0;padding:.1em .6em;border-left:3px solid var(--partial);font-style:italic;font-size:.9em;color:#3c4043}
    .detail{font-size:.9em}
    ul.evidence{margin:0;padding-left:1.1em;font-size:.9em}
    ol.findings li{margin-bottom:.35em}
    .sev{font-weight:bold;font-size:.85em;text-transform:uppercase}
    .sev-error .sev{color:#a33a00}
    .sev-warning .sev{color:#8a5a00}
    .sev-info .sev{color:var(--muted)}
    .excerpt{font-style:italic;font-size:.9em}
    .suggestion{font-size:.9em}
    .rule{font-size:.75em}
    footer{margin-top:2em;font-size:.85em;color:var(--muted)}
    @page{size:A4;margin:14mm 12mm}
    @media print{
    body{max-width:none;padding:0;font-size:10.5pt}
    .noprint{display:none}
    .charts figure{flex-basis:45%;break-inside:avoid}
    #matrix tr,table.checklist tr,ol.findings li{break-inside:avoid}
    .report{break-before:page}
    a{color:inherit;text-decoration:none}
    .mark.s-met,.mark.s-partial,.mark.s-missing{-webkit-print-color-adjust:exact;print-color-adjust:exact}
    }

    """

    // No "<" or "&" in the script, so it needs no escaping in either syntax; the CDATA section around it
    // keeps the page well-formed XML all the same.
    static let script = """
    (function () {
      var table = document.getElementById('matrix');
      if (!table) return;
      var heads = table.tHead.rows[0].cells;
      Array.prototype.forEach.call(heads, function (head, column) {
        var kind = head.getAttribute('data-sort');
        if (!kind) return;
        head.classList.add('sortable');
        head.tabIndex = 0;
        function sort() {
          var ascending = head.getAttribute('aria-sort') !== 'ascending';
          Array.prototype.forEach.call(heads, function (other) { other.removeAttribute('aria-sort'); });
          head.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          var body = table.tBodies[0];
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = a.cells[column].getAttribute('data-v'), y = b.cells[column].getAttribute('data-v');
            var order = kind === 'num' ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, 'vi');
            return ascending ? order : -order;
          });
          rows.forEach(function (row) { body.appendChild(row); });
        }
        head.addEventListener('click', sort);
        head.addEventListener('keydown', function (event) {
          if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); sort(); }
        });
      });
    })();
    """
}
