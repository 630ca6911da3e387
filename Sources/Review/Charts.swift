// Review: charts. The score distribution and the per-requirement compliance bars, as inline SVG.
import Foundation

/// Inline SVG charts for the batch page. Statuses are told apart by hatching and labels as well as
/// by colour (Okabe–Ito colours, safe for the common colour-vision deficiencies), so they survive
/// grey-scale printing too.
enum Charts {
    static let met = "#009E73", partial = "#E69F00", missing = "#D55E00"

    /// Patterns for partial (diagonal hatching) and missing (cross-hatching); met is solid.
    static func defs(_ prefix: String) -> String {
        """
        <defs>\
        <pattern id="\(prefix)-partial" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" fill="\(partial)"/><line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2.2"/></pattern>\
        <pattern id="\(prefix)-missing" width="6" height="6" patternUnits="userSpaceOnUse">\
        <rect width="6" height="6" fill="\(missing)"/><path d="M0 0L6 6M6 0L0 6" stroke="#ffffff" stroke-width="1.4"/></pattern>\
        </defs>
        """
    }

    /// A histogram of scores in ten bands (0–9, 10–19, …, 90–100), with the pass mark as a dashed line.
    static func scoreHistogram(scores: [Double], pass: Double?, labels: (axis: String, pass: String)) -> String {
        var bins = [Int](repeating: 0, count: 10)
        for score in scores { bins[min(9, max(0, Int(score / 10)))] += 1 }
        let highest = max(1, bins.max() ?? 1)
        let width = 460.0, height = 230.0, left = 36.0, bottom = 34.0, top = 14.0
        let plotHeight = height - bottom - top, band = (width - left - 10) / 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\""
            + Escape.xml(labels.axis) + "\">\n"
        // Axis and grid: a few whole-number ticks.
        let step = max(1, Int((Double(highest) / 4).rounded(.up)))
        var tick = 0
        while tick <= highest {
            let y = top + plotHeight * (1 - Double(tick) / Double(highest))
            svg += "<line x1=\"\(left)\" y1=\"\(f(y))\" x2=\"\(f(width - 10))\" y2=\"\(f(y))\" stroke=\"#e3e6e8\"/>"
            svg += "<text x=\"\(f(left - 5))\" y=\"\(f(y + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5f6368\">\(tick)</text>\n"
            tick += step
        }
        for (index, count) in bins.enumerated() {
            let x = left + Double(index) * band
            let barHeight = plotHeight * Double(count) / Double(highest)
            let failing = pass.map { Double(index * 10 + 9) < $0 } ?? false
            if count > 0 {
                svg += "<rect x=\"\(f(x + 3))\" y=\"\(f(top + plotHeight - barHeight))\" width=\"\(f(band - 6))\" height=\"\(f(barHeight))\" "
                    + "fill=\"\(failing ? "#9aa0a6" : "#0072B2")\"><title>\(index * 10)–\(index == 9 ? 100 : index * 10 + 9): \(count)</title></rect>"
                svg += "<text x=\"\(f(x + band / 2))\" y=\"\(f(top + plotHeight - barHeight - 3))\" font-size=\"11\" text-anchor=\"middle\">\(count)</text>\n"
            }
            svg += "<text x=\"\(f(x + band / 2))\" y=\"\(f(height - bottom + 14))\" font-size=\"10\" text-anchor=\"middle\" fill=\"#3c4043\">\(index * 10)</text>\n"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(f(top + plotHeight))\" x2=\"\(f(width - 10))\" y2=\"\(f(top + plotHeight))\" stroke=\"#3c4043\"/>\n"
        if let pass {
            let x = left + band * pass / 10
            svg += "<line x1=\"\(f(x))\" y1=\"\(f(top - 4))\" x2=\"\(f(x))\" y2=\"\(f(top + plotHeight))\" stroke=\"#1a1a1a\" stroke-dasharray=\"5 3\" stroke-width=\"1.5\"/>"
            svg += "<text x=\"\(f(x - 4))\" y=\"\(f(top + 6))\" font-size=\"11\" text-anchor=\"end\">" + Escape.xml(labels.pass) + " \(formatScore(pass))</text>\n"
        }
        svg += "<text x=\"\(f(left + (width - left) / 2))\" y=\"\(f(height - 4))\" font-size=\"11\" text-anchor=\"middle\" fill=\"#3c4043\">"
            + "0–100 · " + Escape.xml(labels.axis) + "</text>\n"
        return svg + "</svg>\n"
    }

    /// One row of the requirement chart.
    struct RequirementRow {
        let label: String
        let title: String
        let met: Int
        let partial: Int
        let missing: Int
        var total: Int { met + partial + missing }
    }

    /// Horizontal stacked bars, one per requirement: the share of reports that meet it (solid), meet it
    /// in part (hatched) or miss it (cross-hatched), with the counts written on the bars.
    static func requirementBars(_ rows: [RequirementRow], language: String) -> String {
        let rowHeight = 22.0, labelWidth = 215.0, barWidth = 235.0, top = 26.0
        let height = top + rowHeight * Double(rows.count) + 6
        let width = labelWidth + barWidth + 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" role=\"img\" aria-label=\""
            + Escape.xml(language == "en" ? "Compliance per requirement" : "Mức đáp ứng từng yêu cầu") + "\">\n" + defs("rb") + "\n"
        // Legend.
        let legend: [(String, String, String)] = [
            ("✓ " + (language == "en" ? "met" : "đạt"), met, "met"),
            ("◐ " + (language == "en" ? "partly" : "một phần"), "url(#rb-partial)", "partial"),
            ("✗ " + (language == "en" ? "missing" : "chưa đạt"), "url(#rb-missing)", "missing"),
        ]
        var x = labelWidth
        for (text, fill, _) in legend {
            defer { x += 30 + 6.2 * Double(text.count) }
            svg += "<rect x=\"\(f(x))\" y=\"4\" width=\"14\" height=\"12\" fill=\"\(fill)\" stroke=\"#3c4043\" stroke-width=\"0.5\"/>"
            svg += "<text x=\"\(f(x + 18))\" y=\"14\" font-size=\"11\">" + Escape.xml(text) + "</text>"
        }
        svg += "\n"
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight
            let title = row.title.count > 29 ? String(row.title.prefix(27)) + "…" : row.title
            svg += "<text x=\"0\" y=\"\(f(y + 14))\" font-size=\"10.5\"><tspan font-weight=\"bold\">" + Escape.xml(row.label) + "</tspan> "
                + Escape.xml(title) + "<title>" + Escape.xml(row.title) + "</title></text>"
            guard row.total > 0 else { continue }
            var start = labelWidth
            for (count, fill, name) in [(row.met, met, "met"), (row.partial, "url(#rb-partial)", "partial"), (row.missing, "url(#rb-missing)", "missing")] where count > 0 {
                let length = barWidth * Double(count) / Double(row.total)
                svg += "<rect x=\"\(f(start))\" y=\"\(f(y + 2))\" width=\"\(f(length))\" height=\"\(f(rowHeight - 6))\" fill=\"\(fill)\" "
                    + "stroke=\"#ffffff\" stroke-width=\"0.8\" data-status=\"\(name)\"><title>\(count)</title></rect>"
                if length >= 18 {
                    svg += "<text x=\"\(f(start + length / 2))\" y=\"\(f(y + 14))\" font-size=\"10.5\" text-anchor=\"middle\" font-weight=\"bold\" "
                        + "fill=\"#ffffff\" stroke=\"#1a1a1a\" stroke-width=\"2.4\" paint-order=\"stroke\">\(count)</text>"
                }
                start += length
            }
            svg += "\n"
        }
        return svg + "</svg>\n"
    }

    private static func f(_ value: Double) -> String { String(format: "%.1f", value) }
}
