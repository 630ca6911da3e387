// soatxet: the output of `analyze`, as stable JSON (version 1) and as text for people.
import Foundation
import DocumentReaders
import VietnameseText

/// A place in the source with the text found there.
struct Located: Codable {
    let text: String
    let line: Int
    let column: Int
}

/// What `soatxet analyze` prints for one file.
struct AnalysisSummary: Codable {
    struct Encoding: Codable { let name: String; let confidence: Double }
    struct RepairEntry: Codable { let kind: String; let line: Int; let column: Int; let replacements: Int; let sample: String }
    struct Heading: Codable { let text: String; let line: Int; let column: Int; let level: Int?; let marker: String? }
    struct TokenEntry: Codable { let text: String; let line: Int; let column: Int; let suggestion: String? }
    struct Syllables: Codable {
        let total: Int, vietnamese: Int, foreign: Int, abbreviations: Int, numbers: Int
        let invalid: [TokenEntry]
        let glued: [TokenEntry]
        let tonePlacement: [String: Int]
        let iy: [String: Int]
    }
    struct AbbreviationEntry: Codable { let text: String; let expansion: String; let line: Int; let column: Int }
    struct FigureEntry: Codable { let kind: String; let text: String; let value: Double; let unit: String?; let line: Int; let column: Int }
    struct DateEntry: Codable { let text: String; let day: Int?; let month: Int?; let year: Int; let line: Int; let column: Int }
    struct BlockEntry: Codable {
        let scope: String
        let level: Int?
        let depth: Int
        let text: String
        let line: Int
        let column: Int
        let place: String
    }

    var version = 1
    let path: String
    let encoding: Encoding
    let repairs: [RepairEntry]
    let normalizationChanges: Int
    let text: String
    let headings: [Heading]
    let paragraphs: Int
    let sentences: [Located]
    let syllables: Syllables
    let abbreviations: [AbbreviationEntry]
    let figures: [FigureEntry]
    let dates: [DateEntry]
    let format: String
    let blocks: [BlockEntry]
    let warnings: [String]

    /// `locate` maps offsets of the analysed text to source places; `document` gives the block tree.
    init(path: String, analysis: TextAnalysis, locate: (Int) -> SourceLocation, document: Document) {
        self.path = path
        func at(_ range: Range<Int>) -> (String, SourceLocation) {
            (analysis.slice(range), locate(range.lowerBound))
        }
        encoding = Encoding(name: analysis.encoding.rawValue, confidence: (analysis.confidence * 100).rounded() / 100)
        repairs = analysis.repairs.map {
            let location = analysis.location(ofDecoded: $0.inputRange.lowerBound)
            return RepairEntry(kind: $0.kind.rawValue, line: location.line, column: location.column,
                               replacements: $0.replacements, sample: $0.sample)
        }
        normalizationChanges = analysis.normalization.total
        text = analysis.text
        headings = analysis.units.filter { $0.kind == .heading }.map { unit in
            let (text, location) = at(unit.range)
            return Heading(text: text, line: location.line, column: location.column, level: unit.label?.level, marker: unit.label?.marker)
        }
        paragraphs = analysis.units.filter { $0.kind != .heading }.count
        sentences = analysis.units.flatMap(\.sentences).map {
            let (text, location) = at($0)
            return Located(text: text, line: location.line, column: location.column)
        }
        let summary = analysis.syllables
        func entries(_ issues: [TokenIssue]) -> [TokenEntry] {
            issues.map {
                let location = locate($0.range.lowerBound)
                return TokenEntry(text: $0.text, line: location.line, column: location.column, suggestion: $0.suggestion)
            }
        }
        syllables = Syllables(
            total: summary.total, vietnamese: summary.vietnamese, foreign: summary.foreign,
            abbreviations: summary.abbreviations, numbers: summary.numbers,
            invalid: entries(summary.invalid), glued: entries(summary.glued),
            tonePlacement: ["old": summary.oldPlacement, "new": summary.newPlacement],
            iy: ["i": summary.iSpelling, "y": summary.ySpelling])
        abbreviations = analysis.abbreviations.map {
            let location = locate($0.range.lowerBound)
            return AbbreviationEntry(text: $0.text, expansion: $0.expansion, line: location.line, column: location.column)
        }
        figures = analysis.figures.map {
            let (text, location) = at($0.range)
            return FigureEntry(kind: $0.kind.rawValue, text: text, value: $0.value, unit: $0.unit, line: location.line, column: location.column)
        }
        dates = analysis.dates.map {
            let (text, location) = at($0.range)
            return DateEntry(text: text, day: $0.day, month: $0.month, year: $0.year, line: location.line, column: location.column)
        }
        format = document.format.rawValue
        warnings = document.warnings.map(\.description)
        blocks = document.blocks.enumerated().map { index, block in
            let level: Int?
            switch block.scope {
            case let .heading(value), let .listItem(value): level = value
            default: level = nil
            }
            let depth = document.sections.headingPath(of: index).count
            let location: SourceLocation
            switch block.location {
            case let .text(source): location = source
            case let .package(place): location = SourceLocation(line: place.paragraph + 1, column: place.characterOffset + 1)
            }
            return BlockEntry(scope: block.scope.description, level: level, depth: depth, text: block.text,
                              line: location.line, column: location.column, place: block.location.description)
        }
    }

    func json(pretty: Bool) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }

    func text(_ lang: Language) -> String {
        var out = ["\(path)"]
        let confidence = String(format: "%.2f", encoding.confidence)
        out.append("  " + lang.pick("mã ký tự", "encoding") + ": \(encoding.name) (" + lang.pick("độ tin cậy", "confidence") + " \(confidence))")
        if repairs.isEmpty {
            out.append("  " + lang.pick("sửa lỗi mã: không có", "repairs: none"))
        } else {
            out.append("  " + lang.pick("sửa lỗi mã", "repairs") + ":")
            for repair in repairs {
                out.append("    \(repair.line):\(repair.column) \(repair.kind) ×\(repair.replacements): \(repair.sample)")
            }
        }
        if normalizationChanges > 0 {
            out.append("  " + lang.pick("chuẩn hoá", "normalised") + ": \(normalizationChanges)")
        }
        out.append("  " + lang.pick("cấu trúc", "structure") + ": \(headings.count) " + lang.pick("đề mục", "headings")
                   + ", \(paragraphs) " + lang.pick("đoạn", "paragraphs") + ", \(sentences.count) " + lang.pick("câu", "sentences"))
        out.append("  " + lang.pick("âm tiết", "syllables") + ": \(syllables.total) (" + lang.pick("tiếng Việt", "Vietnamese")
                   + " \(syllables.vietnamese), " + lang.pick("viết tắt", "abbreviations") + " \(syllables.abbreviations), "
                   + lang.pick("số", "numbers") + " \(syllables.numbers), " + lang.pick("nước ngoài", "foreign")
                   + " \(syllables.foreign), " + lang.pick("sai", "invalid") + " \(syllables.invalid.count), "
                   + lang.pick("dính liền", "glued") + " \(syllables.glued.count))")
        for issue in syllables.invalid + syllables.glued {
            out.append("    \(issue.line):\(issue.column) \(issue.text)" + (issue.suggestion.map { " → \($0)" } ?? ""))
        }
        var counts: [String: (Int, String)] = [:]
        for mention in abbreviations { counts[mention.text, default: (0, mention.expansion)].0 += 1 }
        if !counts.isEmpty {
            let list = counts.sorted { $0.value.0 > $1.value.0 }.prefix(12).map { "\($0.key) ×\($0.value.0) (\($0.value.1))" }
            out.append("  " + lang.pick("viết tắt", "abbreviations") + ": " + list.joined(separator: ", "))
        }
        out.append("  " + lang.pick("số liệu", "figures") + ": \(figures.count); " + lang.pick("ngày tháng", "dates") + ": \(dates.count)")
        out.append("  " + lang.pick("các khối", "blocks") + " (\(format)): \(blocks.count)")
        for block in blocks {
            let indent = String(repeating: "  ", count: min(6, block.depth))
            let shown = block.text.split(separator: "\n").first.map(String.init) ?? ""
            let excerpt = shown.count > 70 ? String(shown.prefix(70)) + "…" : shown
            let place = format == "docx" || format == "odt" ? "¶\(block.line):\(block.column)" : "\(block.line):\(block.column)"
            out.append("    \(place.padding(toLength: 9, withPad: " ", startingAt: 0)) \(indent)\(block.scope): \(excerpt)")
        }
        for warning in warnings { out.append("  " + lang.pick("cảnh báo", "warning") + ": \(warning)") }
        return out.joined(separator: "\n")
    }
}
