// DocumentReaders: .docx. Word packages: paragraphs, numbering, styles, tables, text boxes, notes, comments, changes.
import Foundation
import VietnameseText

/// Reads .docx files (ZIPFoundation and ``XMLPullParser``).
///
/// Reading order is document order. Tracked changes are read as accepted (`w:ins` kept, `w:del` and
/// `w:moveFrom` dropped); `mc:Fallback` copies are skipped; fields show their result; hidden text is
/// dropped; automatic numbering is rendered and prepended (``Block/generatedPrefixLength``); text boxes
/// come before the paragraph anchoring them; headers, footers, notes and comments go to metadata.
/// Runs in legacy fonts (.VnTime, VNI-Times) are converted from TCVN3/VNI.
struct DocxReader: DocumentReader {
    var format: DocumentFormat { .docx }
    var extensions: [String] { ["docx", "docm", "dotx"] }

    func read(path: String, bytes: consuming [UInt8], options: ReadOptions) throws(ReadError) -> Document {
        let package = try ZipPackage(path: path, data: Data(bytes), limits: options.limits)
        guard let body = try package.read("word/document.xml") else {
            throw ReadError(path: path, cause: .missingPart("word/document.xml"))
        }
        var context = WordContext()
        do {
            if let xml = try package.read("word/styles.xml") { context.styles = try WordStyles(xml: xml, part: "word/styles.xml") }
        } catch let error as XMLParseError { throw DocxReader.error(error, part: "word/styles.xml", path: path) }
        catch { throw error as! ReadError }
        do {
            if let xml = try package.read("word/numbering.xml") { context.numbering = try WordNumbering(xml: xml) }
        } catch let error as XMLParseError { throw DocxReader.error(error, part: "word/numbering.xml", path: path) }
        catch { throw error as! ReadError }

        var metadata = DocumentMetadata()
        var warnings: [ReadWarning] = []
        var verdicts = SyllableVerdicts.taken()
        defer { SyllableVerdicts.keep(verdicts) }
        let main = try walk(body, part: "word/document.xml", path: path, context: &context)
        for (name, isHeader) in package.partNames.sorted().compactMap(DocxReader.pageMarginPart) {
            guard let xml = try package.read(name) else { continue }
            let result = try walk(xml, part: name, path: path, context: &context)
            let blocks = result.blocks.map { ProducedBlock($0, verdicts: &verdicts) }.filter { !$0.text.isEmpty }.map { $0.block(as: .paragraph) }
            if isHeader { metadata.headers += blocks } else { metadata.footers += blocks }
        }
        for (name, kind) in [("word/footnotes.xml", DocumentNote.Kind.footnote), ("word/endnotes.xml", .endnote)] {
            guard let xml = try package.read(name) else { continue }
            let result = try walk(xml, part: name, path: path, context: &context)
            for container in result.containers {
                let text = DocxReader.joined(result.blocks[container.blocks], verdicts: &verdicts)
                guard !text.isEmpty else { continue }
                let referenceKey = (kind == .footnote ? "f" : "e") + container.id
                metadata.notes.append(DocumentNote(kind: kind, id: container.id, text: text, reference: main.noteReferences[referenceKey]))
            }
        }
        if let xml = try package.read("word/comments.xml") {
            let result = try walk(xml, part: "word/comments.xml", path: path, context: &context)
            for container in result.containers {
                metadata.comments.append(DocumentComment(
                    id: container.id, author: container.author, date: container.date,
                    text: DocxReader.joined(result.blocks[container.blocks], verdicts: &verdicts), anchor: main.commentAnchors[container.id],
                    end: main.commentEnds[container.id]))
            }
        }
        if context.unconvertedLegacyRuns > 0 {
            warnings.append(ReadWarning(
                "\(context.unconvertedLegacyRuns) run(s) in a legacy Vietnamese font (.VnTime/VNI) could not be converted; their text is shown as stored"))
        }
        let blocks = StructureDetector.assign(main.blocks.map { ProducedBlock($0, verdicts: &verdicts) }, headingsNeedEmphasis: true)
        return Document(path: path, format: .docx, blocks: blocks, metadata: metadata, warnings: warnings)
    }

    static func pageMarginPart(_ name: String) -> (String, Bool)? {
        guard name.hasPrefix("word/"), name.hasSuffix(".xml"), !name.dropFirst(5).contains("/") else { return nil }
        if name.hasPrefix("word/header") { return (name, true) }
        if name.hasPrefix("word/footer") { return (name, false) }
        return nil
    }

    /// The produced texts of `raws` (a note's or a comment's paragraphs), one line each.
    static func joined(_ raws: ArraySlice<RawBlock>, verdicts: inout SyllableVerdicts) -> String {
        raws.map { ProducedBlock($0, verdicts: &verdicts).text }.filter { !$0.isEmpty }.joined(separator: "\n")
    }

    static func error(_ error: XMLParseError, part: String, path: String) -> ReadError {
        switch error {
        case .forbiddenDeclaration: return ReadError(path: path, cause: .forbiddenXMLDeclaration(part: part))
        case let .malformed(offset, reason): return ReadError(path: path, cause: .malformedXML(part: part, offset: offset, reason: reason))
        }
    }

    private func walk(_ xml: [UInt8], part: String, path: String, context: inout WordContext) throws(ReadError) -> WordWalk {
        var walker = WordWalk(part: part)
        do {
            try walker.run(xml, context: &context)
        } catch {
            throw DocxReader.error(error, part: part, path: path)
        }
        return walker
    }
}

/// What the parts of one document share: styles, numbering counters, conversion tallies.
struct WordContext {
    var styles = WordStyles()
    var numbering = WordNumbering()
    var unconvertedLegacyRuns = 0
}

/// One pass over a WordprocessingML part, collecting raw blocks.
struct WordWalk {
    let part: String
    var blocks: [RawBlock] = []
    /// Footnotes, endnotes, comments: their id and the blocks inside them.
    var containers: [(id: String, author: String?, date: String?, blocks: Range<Int>)] = []
    var commentAnchors: [String: PackageLocation] = [:]
    /// Where each comment's range ends (`w:commentRangeEnd`), by comment id.
    var commentEnds: [String: PackageLocation] = [:]
    var noteReferences: [String: PackageLocation] = [:]

    init(part: String) { self.part = part }

    private struct Paragraph {
        var raw = RawBlock()
        var index: Int
        var cells: [TableCellCoordinate]
        var characters = 0
        var style: String?
        var numId: String?
        var ilvl: Int?
        var outline: Int?
        var centered: Bool?
        var visibleRuns = 0
        var boldRuns = 0
        var capsRuns = 0
        // The current run.
        var runBold: Bool?
        var runCaps: Bool?
        var runFont: String?
        var runHidden = false
        var runText: [UInt8] = []
    }

    private struct Table {
        var number: Int
        var row = -1
        var column = -1
        var nextColumn = 0
    }

    private enum Field { case instruction, result }

    mutating func run(_ xml: [UInt8], context: inout WordContext) throws(XMLParseError) {
        var parser = XMLPullParser(bytes: xml, maximumDepth: 1000)
        var paragraphs: [Paragraph] = []
        var tables: [Table] = []
        var tableCount = 0
        var paragraphCount = 0
        var fields: [Field] = []
        var inText = false
        var inParagraphProperties = 0
        var inRunProperties = 0
        var containerStart: (id: String, author: String?, date: String?, start: Int)?

        while true {
            let event = try parser.next()
            switch event {
            case .eof:
                return
            case .text:
                guard inText, !paragraphs.isEmpty, !fields.contains(.instruction) else { continue }
                paragraphs[paragraphs.count - 1].runText.append(contentsOf: parser.textBytes)
            case .start:
                if parser.nameIs("w:t") {
                    inText = true
                } else if parser.nameIs("w:r") {
                    if !paragraphs.isEmpty { WordWalk.startRun(&paragraphs[paragraphs.count - 1]) }
                } else if parser.nameIs("w:rPr") {
                    inRunProperties += 1
                } else if parser.nameIs("w:pPr") {
                    inParagraphProperties += 1
                } else if parser.nameIs("w:p") {
                    var paragraph = Paragraph(index: paragraphCount, cells: [])
                    paragraphCount += 1
                    var path: [TableCellCoordinate] = []
                    for table in tables { path.append(TableCellCoordinate(table: table.number, row: max(0, table.row), column: max(0, table.column))) }
                    paragraph.cells = path
                    if let innermost = path.last {
                        paragraph.raw.scope = .tableCell(table: innermost.table, row: innermost.row, column: innermost.column)
                        paragraph.raw.group = path.first!.table
                    }
                    paragraphs.append(paragraph)
                } else if parser.nameIs("w:tab") || parser.nameIs("w:ptab") {
                    // A tab in a run is a character; w:tab in w:tabs (paragraph properties) is a tab stop.
                    if inParagraphProperties == 0, !paragraphs.isEmpty, !fields.contains(.instruction) {
                        paragraphs[paragraphs.count - 1].runText.append(0x09)
                    }
                } else if parser.nameIs("w:br") || parser.nameIs("w:cr") {
                    if !paragraphs.isEmpty, !fields.contains(.instruction) {
                        let type = parser.attribute("w:type")
                        paragraphs[paragraphs.count - 1].runText.append(type == "page" || type == "column" ? 0x20 : 0x0A)
                    }
                } else if parser.nameIs("w:noBreakHyphen") {
                    if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].runText.append(UInt8(ascii: "-")) }
                } else if parser.nameIs("w:softHyphen") {
                    continue
                } else if parser.nameIs("w:b") {
                    if inRunProperties > 0, inParagraphProperties == 0, !paragraphs.isEmpty {
                        paragraphs[paragraphs.count - 1].runBold = WordStyles.isOn(parser.attribute("w:val"))
                    }
                } else if parser.nameIs("w:caps") {
                    if inRunProperties > 0, inParagraphProperties == 0, !paragraphs.isEmpty {
                        paragraphs[paragraphs.count - 1].runCaps = WordStyles.isOn(parser.attribute("w:val"))
                    }
                } else if parser.nameIs("w:vanish") || parser.nameIs("w:webHidden") {
                    if inRunProperties > 0, inParagraphProperties == 0, !paragraphs.isEmpty, WordStyles.isOn(parser.attribute("w:val")) {
                        paragraphs[paragraphs.count - 1].runHidden = true
                    }
                } else if parser.nameIs("w:rFonts") {
                    if inRunProperties > 0, inParagraphProperties == 0, !paragraphs.isEmpty {
                        paragraphs[paragraphs.count - 1].runFont = parser.attribute("w:ascii") ?? parser.attribute("w:hAnsi")
                    }
                } else if parser.nameIs("w:pStyle") {
                    if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].style = parser.attribute("w:val") }
                } else if parser.nameIs("w:numId") {
                    if inParagraphProperties > 0, !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].numId = parser.attribute("w:val") }
                } else if parser.nameIs("w:ilvl") {
                    if inParagraphProperties > 0, !paragraphs.isEmpty {
                        paragraphs[paragraphs.count - 1].ilvl = parser.attribute("w:val").flatMap { Int($0) }
                    }
                } else if parser.nameIs("w:outlineLvl") {
                    if inParagraphProperties > 0, !paragraphs.isEmpty {
                        paragraphs[paragraphs.count - 1].outline = parser.attribute("w:val").flatMap { Int($0) }
                    }
                } else if parser.nameIs("w:jc") {
                    if inParagraphProperties > 0, inRunProperties == 0, !paragraphs.isEmpty {
                        paragraphs[paragraphs.count - 1].centered = parser.attribute("w:val") == "center"
                    }
                } else if parser.nameIs("w:tbl") {
                    tables.append(Table(number: tableCount))
                    tableCount += 1
                } else if parser.nameIs("w:tr") {
                    if !tables.isEmpty {
                        tables[tables.count - 1].row += 1
                        tables[tables.count - 1].nextColumn = 0
                    }
                } else if parser.nameIs("w:gridBefore") {
                    if !tables.isEmpty { tables[tables.count - 1].nextColumn += parser.attribute("w:val").flatMap { Int($0) } ?? 0 }
                } else if parser.nameIs("w:tc") {
                    if !tables.isEmpty {
                        tables[tables.count - 1].column = tables[tables.count - 1].nextColumn
                        tables[tables.count - 1].nextColumn += 1
                    }
                } else if parser.nameIs("w:gridSpan") {
                    if !tables.isEmpty {
                        let span = parser.attribute("w:val").flatMap { Int($0) } ?? 1
                        tables[tables.count - 1].nextColumn = tables[tables.count - 1].column + max(1, span)
                    }
                } else if parser.nameIs("w:fldChar") {
                    switch parser.attribute("w:fldCharType") {
                    case "begin": fields.append(.instruction)
                    case "separate": if !fields.isEmpty { fields[fields.count - 1] = .result }
                    case "end": _ = fields.popLast()
                    default: break
                    }
                } else if parser.nameIs("w:commentRangeStart") {
                    if let id = parser.attribute("w:id") {
                        let location = paragraphs.last.map {
                            PackageLocation(part: part, paragraph: $0.index, cells: $0.cells, characterOffset: $0.characters + $0.runText.count)
                        } ?? PackageLocation(part: part, paragraph: paragraphCount)
                        commentAnchors[id] = location
                    }
                } else if parser.nameIs("w:commentRangeEnd") {
                    if let id = parser.attribute("w:id") {
                        commentEnds[id] = paragraphs.last.map {
                            PackageLocation(part: part, paragraph: $0.index, cells: $0.cells, characterOffset: $0.characters + $0.runText.count)
                        } ?? PackageLocation(part: part, paragraph: max(0, paragraphCount - 1))
                    }
                } else if parser.nameIs("w:footnoteReference") || parser.nameIs("w:endnoteReference") {
                    if let id = parser.attribute("w:id"), let paragraph = paragraphs.last {
                        let key = (parser.nameIs("w:footnoteReference") ? "f" : "e") + id
                        noteReferences[key] = PackageLocation(part: part, paragraph: paragraph.index, cells: paragraph.cells, characterOffset: paragraph.characters)
                    }
                } else if parser.nameIs("w:footnote") || parser.nameIs("w:endnote") || parser.nameIs("w:comment") {
                    let type = parser.attribute("w:type")
                    if type == nil || type == "normal" {
                        containerStart = (parser.attribute("w:id") ?? "", parser.attribute("w:author"), parser.attribute("w:date"), blocks.count)
                    }
                } else if parser.nameIs("w:del") || parser.nameIs("w:moveFrom") || parser.nameIs("mc:Fallback")
                    || parser.nameIs("w:instrText") || parser.nameIs("w:delText") || parser.nameIs("w:pPrChange")
                    || parser.nameIs("w:rPrChange") || parser.nameIs("w:sectPrChange") || parser.nameIs("w:tblPrChange")
                    || parser.nameIs("w:delInstrText") || parser.nameIs("w:sectPr")
                {
                    // Deleted or moved-away text, fallback copies, field codes, former formatting.
                    try parser.skipElement()
                }
            case .end:
                if parser.nameIs("w:t") {
                    inText = false
                } else if parser.nameIs("w:r") {
                    if !paragraphs.isEmpty { finishRun(&paragraphs[paragraphs.count - 1], context: &context) }
                } else if parser.nameIs("w:rPr") {
                    inRunProperties -= 1
                } else if parser.nameIs("w:pPr") {
                    inParagraphProperties -= 1
                } else if parser.nameIs("w:p") {
                    if var paragraph = paragraphs.popLast() {
                        finishRun(&paragraph, context: &context)
                        finish(paragraph, context: &context)
                    }
                } else if parser.nameIs("w:tbl") {
                    _ = tables.popLast()
                } else if parser.nameIs("w:footnote") || parser.nameIs("w:endnote") || parser.nameIs("w:comment") {
                    if let open = containerStart {
                        containers.append((open.id, open.author, open.date, open.start..<blocks.count))
                        containerStart = nil
                    }
                }
            }
        }
    }

    private static func startRun(_ paragraph: inout Paragraph) {
        paragraph.runBold = nil
        paragraph.runCaps = nil
        paragraph.runFont = nil
        paragraph.runHidden = false
        paragraph.runText.removeAll(keepingCapacity: true)
    }

    /// Moves the current run's text into the paragraph, converting legacy-font text and tallying emphasis.
    private func finishRun(_ paragraph: inout Paragraph, context: inout WordContext) {
        defer { paragraph.runText.removeAll(keepingCapacity: true) }
        guard !paragraph.runText.isEmpty, !paragraph.runHidden else { return }
        let styles = context.styles
        let style = paragraph.style
        let font = paragraph.runFont ?? styles.resolve(style) { $0.font } ?? styles.defaultFont
        var text = paragraph.runText
        let location = BlockLocation.package(PackageLocation(
            part: part, paragraph: paragraph.index, cells: paragraph.cells, characterOffset: paragraph.characters))
        let characters = WordWalk.characterCount(text)
        if let legacy = LegacyFontText.encoding(ofFont: font) {
            if let converted = LegacyFontText.convert(text, font: legacy) {
                text = converted
            } else {
                context.unconvertedLegacyRuns += 1
            }
            // Converted text has other lengths: anchor the run and what follows it.
            paragraph.raw.anchors.append(Block.Anchor(rawOffset: paragraph.raw.text.count, location: location))
            paragraph.raw.text.append(contentsOf: text)
            paragraph.characters += characters
            paragraph.raw.anchors.append(Block.Anchor(
                rawOffset: paragraph.raw.text.count,
                location: .package(PackageLocation(part: part, paragraph: paragraph.index, cells: paragraph.cells, characterOffset: paragraph.characters))))
        } else {
            if paragraph.raw.anchors.isEmpty { paragraph.raw.anchors.append(Block.Anchor(rawOffset: 0, location: location)) }
            paragraph.raw.text.append(contentsOf: text)
            paragraph.characters += characters
        }
        if text.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A }) {
            paragraph.visibleRuns += 1
            if paragraph.runBold ?? styles.resolve(style, { $0.bold }) ?? false { paragraph.boldRuns += 1 }
            if paragraph.runCaps ?? styles.resolve(style, { $0.caps }) ?? false { paragraph.capsRuns += 1 }
        }
    }

    private static func characterCount(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { ByteWords.scalarCount(in: $0, from: 0, to: $0.count) }
    }

    /// Prepends the automatic number, decides the format-given scope, and files the paragraph.
    private mutating func finish(_ paragraph: Paragraph, context: inout WordContext) {
        var raw = paragraph.raw
        let styles = context.styles
        let numId = paragraph.numId ?? styles.resolve(paragraph.style) { $0.numId }
        let level = paragraph.ilvl ?? styles.resolve(paragraph.style) { $0.ilvl } ?? 0
        var numbered: (label: String, isBullet: Bool)?
        if let numId { numbered = context.numbering.next(numId: numId, level: level) }
        let start = BlockLocation.package(PackageLocation(part: part, paragraph: paragraph.index, cells: paragraph.cells))
        if let numbered {
            let label = Array(numbered.label.utf8)
            raw.text = label + raw.text
            raw.anchors = [Block.Anchor(rawOffset: 0, location: start)]
                + raw.anchors.map { Block.Anchor(rawOffset: $0.rawOffset + label.count, location: $0.location) }
            if raw.anchors.count == 1 { raw.anchors.append(Block.Anchor(rawOffset: label.count, location: start)) }
            raw.generatedPrefixLength = label.count
        } else if raw.anchors.isEmpty {
            raw.anchors = [Block.Anchor(rawOffset: 0, location: start)]
        }
        raw.bold = paragraph.visibleRuns > 0 && paragraph.boldRuns == paragraph.visibleRuns
        raw.caps = paragraph.visibleRuns > 0 && paragraph.capsRuns == paragraph.visibleRuns
        raw.centered = paragraph.centered ?? styles.resolve(paragraph.style) { $0.centered } ?? false
        if case .tableCell = raw.scope {
            // Table cells keep their scope; structure detection may still take a layout table.
        } else if styles.isTitle(paragraph.style) {
            raw.scope = .title
            raw.scopeIsExplicit = true
        } else if let level = styles.headingLevel(paragraph.style) ?? paragraph.outline.flatMap({ $0 < 9 ? $0 + 1 : nil }) {
            raw.scope = .heading(level: level)
            raw.scopeIsExplicit = true
        } else if numbered != nil {
            raw.scope = .listItem(level: level + 1)
        }
        blocks.append(raw)
    }
}
