// DocumentReaders: .odt. OpenDocument text through content.xml (and styles.xml for styles, lists, page headers).
import Foundation
import VietnameseText

/// Reads .odt files: `text:h` (outline level) and `text:p` in reading order, lists with their numbers
/// rendered, tables (nested too), text boxes, notes and annotations to metadata, tracked changes as
/// accepted (the `text:tracked-changes` record of deletions is skipped), master-page headers and footers
/// to metadata.
struct OdtReader: DocumentReader {
    var format: DocumentFormat { .odt }
    var extensions: [String] { ["odt", "ott"] }

    func read(path: String, bytes: consuming [UInt8], options: ReadOptions) throws(ReadError) -> Document {
        let package = try ZipPackage(path: path, data: Data(bytes), limits: options.limits)
        guard let content = try package.read("content.xml") else {
            throw ReadError(path: path, cause: .missingPart("content.xml"))
        }
        var styles = OdfStyles()
        var metadata = DocumentMetadata()
        var pageParts: [OdfWalk] = []
        var verdicts = SyllableVerdicts.taken()
        defer { SyllableVerdicts.keep(verdicts) }
        if let xml = try package.read("styles.xml") {
            var walk = OdfWalk(part: "styles.xml")
            do { try walk.run(xml, styles: &styles, collectStyles: true, verdicts: &verdicts) } catch {
                throw DocxReader.error(error, part: "styles.xml", path: path)
            }
            pageParts.append(walk)
        }
        var main = OdfWalk(part: "content.xml")
        do { try main.run(content, styles: &styles, collectStyles: true, verdicts: &verdicts) } catch {
            throw DocxReader.error(error, part: "content.xml", path: path)
        }
        for walk in pageParts {
            for (raw, isHeader) in zip(walk.pageBlocks, walk.pageBlockIsHeader) {
                let produced = ProducedBlock(raw, verdicts: &verdicts)
                guard !produced.text.isEmpty else { continue }
                if isHeader { metadata.headers.append(produced.block(as: .paragraph)) } else { metadata.footers.append(produced.block(as: .paragraph)) }
            }
        }
        metadata.notes = main.notes
        metadata.comments = main.comments
        let blocks = StructureDetector.assign(main.blocks.map { ProducedBlock($0, verdicts: &verdicts) }, headingsNeedEmphasis: true)
        return Document(path: path, format: .odt, blocks: blocks, metadata: metadata)
    }
}

/// Paragraph and text styles and list styles of an ODF document (automatic and common).
struct OdfStyles {
    struct Style {
        var parent: String?
        var bold: Bool?
        var caps: Bool?
        var centered: Bool?
        var font: String?
        var outlineLevel: Int?
        var listStyle: String?
    }

    struct ListLevel {
        var format = ""
        var prefix = ""
        var suffix = ""
        var displayLevels = 1
        var start = 1
        var bullet: String?
    }

    var styles: [String: Style] = [:]
    var lists: [String: [Int: ListLevel]] = [:]

    func resolve<T>(_ name: String?, _ read: (Style) -> T?) -> T? {
        var next = name
        var seen = 0
        while let key = next, let style = styles[key], seen < 20 {
            if let value = read(style) { return value }
            next = style.parent
            seen += 1
        }
        return nil
    }
}

/// One pass over an ODF XML part.
struct OdfWalk {
    let part: String
    var blocks: [RawBlock] = []
    var pageBlocks: [RawBlock] = []
    var pageBlockIsHeader: [Bool] = []
    var notes: [DocumentNote] = []
    var comments: [DocumentComment] = []

    init(part: String) { self.part = part }

    private struct Paragraph {
        var raw = RawBlock()
        var index: Int
        var cells: [TableCellCoordinate]
        var characters = 0
        var style: String?
        var visibleSpans = 0
        var boldSpans = 0
        var spanStyles: [String?] = []
    }

    private struct Table {
        var number: Int
        var row = -1
        var column = -1
        var nextColumn = 0
    }

    private struct List {
        var style: String?
        var key: Int
        var itemStart: Int?
        var isHeader = false
    }

    /// Walks `xml`; `verdicts`, the document's syllable verdicts, serve the notes and comments produced on the way.
    mutating func run(_ xml: [UInt8], styles: inout OdfStyles, collectStyles: Bool, verdicts: inout SyllableVerdicts) throws(XMLParseError) {
        var parser = XMLPullParser(bytes: xml, maximumDepth: 1000)
        var paragraphs: [Paragraph] = []
        var tables: [Table] = []
        var lists: [List] = []
        var counters: [Int: [Int?]] = [:]
        var listIds: [String: Int] = [:]
        var lastListByStyle: [String: Int] = [:]
        var nextListKey = 0
        var tableCount = 0
        var paragraphCount = 0
        var style: (name: String, value: OdfStyles.Style)?
        var listStyle: (name: String, levels: [Int: OdfStyles.ListLevel])?
        var inBody = part == "content.xml"
        var pageMargin: Bool?  // true in style:header, false in style:footer
        var note: (kind: DocumentNote.Kind, id: String, start: Int, reference: PackageLocation?)?
        var annotation: (author: String?, date: String?, start: Int, anchor: PackageLocation?)?
        var readingAuthor = false
        var readingDate = false
        var annotationAuthor = ""
        var annotationDate = ""
        var numberText: [UInt8]?
        var inNumber = false

        func location(_ paragraph: Paragraph) -> PackageLocation {
            PackageLocation(part: part, paragraph: paragraph.index, cells: paragraph.cells, characterOffset: paragraph.characters)
        }

        while true {
            let event = try parser.next()
            switch event {
            case .eof:
                return
            case .text:
                if readingAuthor { annotationAuthor += parser.text; continue }
                if readingDate { annotationDate += parser.text; continue }
                if inNumber { numberText = (numberText ?? []) + parser.textBytes; continue }
                guard !paragraphs.isEmpty else { continue }
                let text = parser.textBytes
                let index = paragraphs.count - 1
                // ODF collapses runs of white space in text content; text:s carries the extra spaces.
                var collapsed: [UInt8] = []
                collapsed.reserveCapacity(text.count)
                for byte in text {
                    let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
                    if isSpace, collapsed.last == 0x20 || (collapsed.isEmpty && paragraphs[index].raw.text.last == 0x20) { continue }
                    collapsed.append(isSpace ? 0x20 : byte)
                }
                if paragraphs[index].raw.anchors.isEmpty {
                    paragraphs[index].raw.anchors.append(Block.Anchor(rawOffset: 0, location: .package(location(paragraphs[index]))))
                }
                paragraphs[index].raw.text.append(contentsOf: collapsed)
                paragraphs[index].characters += collapsed.withUnsafeBufferPointer { ByteWords.scalarCount(in: $0, from: 0, to: $0.count) }
                if collapsed.contains(where: { $0 != 0x20 }) {
                    paragraphs[index].visibleSpans += 1
                    let spanStyle = paragraphs[index].spanStyles.last ?? nil
                    let bold = styles.resolve(spanStyle) { $0.bold } ?? styles.resolve(paragraphs[index].style) { $0.bold } ?? false
                    if bold { paragraphs[index].boldSpans += 1 }
                }
            case .start:
                if parser.nameIs("text:p") || parser.nameIs("text:h") {
                    var paragraph = Paragraph(index: paragraphCount, cells: [])
                    paragraphCount += 1
                    paragraph.style = parser.attribute("text:style-name")
                    var path: [TableCellCoordinate] = []
                    for table in tables { path.append(TableCellCoordinate(table: table.number, row: max(0, table.row), column: max(0, table.column))) }
                    paragraph.cells = path
                    if let innermost = path.last {
                        paragraph.raw.scope = .tableCell(table: innermost.table, row: innermost.row, column: innermost.column)
                        paragraph.raw.group = path.first!.table
                    } else if parser.nameIs("text:h") {
                        let level = parser.attribute("text:outline-level").flatMap { Int($0) } ?? 1
                        paragraph.raw.scope = .heading(level: level)
                        paragraph.raw.scopeIsExplicit = true
                    } else if styles.resolve(paragraph.style, { $0.outlineLevel }) != nil || styles.styles[paragraph.style ?? ""]?.parent == "Title" || paragraph.style == "Title" {
                        if paragraph.style == "Title" || styles.styles[paragraph.style ?? ""]?.parent == "Title" {
                            paragraph.raw.scope = .title
                            paragraph.raw.scopeIsExplicit = true
                        }
                    }
                    if !lists.isEmpty, case .paragraph = paragraph.raw.scope {
                        paragraph.raw.scope = .listItem(level: lists.count)
                    }
                    // The number of the list item this paragraph opens.
                    if var list = lists.last, list.itemStart != -1 {
                        let level = lists.count - 1
                        let styleName = lists.first?.style ?? list.style
                        if let levels = styleName.flatMap({ styles.lists[$0] }), let definition = levels[level + 1], !list.isHeader,
                            true
                        {
                            var values = counters[list.key] ?? Array(repeating: nil, count: 10)
                            values[level] = list.itemStart ?? ((values[level].map { $0 + 1 }) ?? definition.start)
                            for deeper in (level + 1)..<10 { values[deeper] = nil }
                            counters[list.key] = values
                            let label = OdfWalk.label(definition, levels: levels, values: values, level: level)
                            if !label.isEmpty {
                                paragraph.raw.text = Array(label.utf8)
                                paragraph.raw.generatedPrefixLength = paragraph.raw.text.count
                                paragraph.raw.anchors = [
                                    Block.Anchor(rawOffset: 0, location: .package(PackageLocation(part: part, paragraph: paragraph.index, cells: path))),
                                    Block.Anchor(rawOffset: paragraph.raw.text.count, location: .package(PackageLocation(part: part, paragraph: paragraph.index, cells: path))),
                                ]
                            }
                        }
                        list.itemStart = -1  // one number per item
                        lists[lists.count - 1] = list
                    }
                    paragraph.raw.centered = styles.resolve(paragraph.style) { $0.centered } ?? false
                    paragraphs.append(paragraph)
                } else if parser.nameIs("text:span") {
                    if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].spanStyles.append(parser.attribute("text:style-name")) }
                } else if parser.nameIs("text:s") {
                    let count = parser.attribute("text:c").flatMap { Int($0) } ?? 1
                    if !paragraphs.isEmpty {
                        paragraphs[paragraphs.count - 1].raw.text.append(contentsOf: repeatElement(0x20, count: max(0, min(count, 1000))))
                        paragraphs[paragraphs.count - 1].characters += max(0, min(count, 1000))
                    }
                } else if parser.nameIs("text:tab") {
                    if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].raw.text.append(0x09); paragraphs[paragraphs.count - 1].characters += 1 }
                } else if parser.nameIs("text:line-break") {
                    if !paragraphs.isEmpty { paragraphs[paragraphs.count - 1].raw.text.append(0x0A); paragraphs[paragraphs.count - 1].characters += 1 }
                } else if parser.nameIs("text:number") {
                    inNumber = true
                    numberText = []
                } else if parser.nameIs("text:list") {
                    let styleName = parser.attribute("text:style-name")
                    var key: Int
                    if lists.isEmpty {
                        if let continued = parser.attribute("text:continue-list"), let existing = listIds[continued] {
                            key = existing
                        } else if parser.attribute("text:continue-numbering") == "true", let name = styleName, let existing = lastListByStyle[name] {
                            key = existing
                        } else {
                            key = nextListKey
                            nextListKey += 1
                        }
                        if let id = parser.attribute("xml:id") { listIds[id] = key }
                        if let name = styleName { lastListByStyle[name] = key }
                    } else {
                        key = lists[lists.count - 1].key
                    }
                    lists.append(List(style: styleName ?? lists.last?.style, key: key))
                } else if parser.nameIs("text:list-item") || parser.nameIs("text:list-header") {
                    if !lists.isEmpty {
                        lists[lists.count - 1].itemStart = parser.attribute("text:start-value").flatMap { Int($0) }
                        lists[lists.count - 1].isHeader = parser.nameIs("text:list-header")
                    }
                } else if parser.nameIs("table:table") {
                    tables.append(Table(number: tableCount))
                    tableCount += 1
                } else if parser.nameIs("table:table-row") {
                    if !tables.isEmpty { tables[tables.count - 1].row += 1; tables[tables.count - 1].nextColumn = 0 }
                } else if parser.nameIs("table:table-cell") || parser.nameIs("table:covered-table-cell") {
                    if !tables.isEmpty {
                        let repeated = parser.attribute("table:number-columns-repeated").flatMap { Int($0) } ?? 1
                        tables[tables.count - 1].column = tables[tables.count - 1].nextColumn
                        tables[tables.count - 1].nextColumn += max(1, min(repeated, 1 << 14))
                    }
                } else if parser.nameIs("text:tracked-changes") || parser.nameIs("text:note-citation") || parser.nameIs("office:forms") {
                    try parser.skipElement()
                } else if parser.nameIs("text:note") {
                    let kind: DocumentNote.Kind = parser.attribute("text:note-class") == "endnote" ? .endnote : .footnote
                    note = (kind, parser.attribute("text:id") ?? "", blocks.count, paragraphs.last.map(location))
                } else if parser.nameIs("office:annotation") {
                    annotation = (nil, nil, blocks.count, paragraphs.last.map(location))
                    annotationAuthor = ""
                    annotationDate = ""
                } else if parser.nameIs("dc:creator") {
                    readingAuthor = annotation != nil
                } else if parser.nameIs("dc:date") {
                    readingDate = annotation != nil
                } else if parser.nameIs("office:text") {
                    inBody = true
                } else if parser.nameIs("style:header") || parser.nameIs("style:header-first") || parser.nameIs("style:header-left") {
                    pageMargin = true
                } else if parser.nameIs("style:footer") || parser.nameIs("style:footer-first") || parser.nameIs("style:footer-left") {
                    pageMargin = false
                } else if collectStyles, parser.nameIs("style:style") {
                    style = (parser.attribute("style:name") ?? "", OdfStyles.Style(
                        parent: parser.attribute("style:parent-style-name"),
                        outlineLevel: parser.attribute("style:default-outline-level").flatMap { Int($0) },
                        listStyle: parser.attribute("style:list-style-name")))
                } else if collectStyles, parser.nameIs("style:text-properties") {
                    if style != nil {
                        if let weight = parser.attribute("fo:font-weight") { style!.value.bold = weight == "bold" || (Int(weight) ?? 400) >= 600 }
                        if let transform = parser.attribute("fo:text-transform") { style!.value.caps = transform == "uppercase" }
                        if let font = parser.attribute("style:font-name") { style!.value.font = font }
                    }
                } else if collectStyles, parser.nameIs("style:paragraph-properties") {
                    if style != nil, let align = parser.attribute("fo:text-align") { style!.value.centered = align == "center" }
                } else if collectStyles, parser.nameIs("text:list-style") || parser.nameIs("text:outline-style") {
                    listStyle = (parser.attribute("style:name") ?? "__outline", [:])
                } else if collectStyles, parser.nameIs("text:list-level-style-number") || parser.nameIs("text:outline-level-style") {
                    if listStyle != nil, let level = parser.attribute("text:level").flatMap({ Int($0) }) {
                        listStyle!.levels[level] = OdfStyles.ListLevel(
                            format: parser.attribute("style:num-format") ?? "", prefix: parser.attribute("style:num-prefix") ?? "",
                            suffix: parser.attribute("style:num-suffix") ?? "",
                            displayLevels: parser.attribute("text:display-levels").flatMap { Int($0) } ?? 1,
                            start: parser.attribute("text:start-value").flatMap { Int($0) } ?? 1)
                    }
                } else if collectStyles, parser.nameIs("text:list-level-style-bullet") {
                    if listStyle != nil, let level = parser.attribute("text:level").flatMap({ Int($0) }) {
                        var definition = OdfStyles.ListLevel()
                        definition.bullet = WordNumbering.bulletText(parser.attribute("text:bullet-char") ?? "•")
                        listStyle!.levels[level] = definition
                    }
                }
            case .end:
                if parser.nameIs("text:p") || parser.nameIs("text:h") {
                    guard var paragraph = paragraphs.popLast() else { continue }
                    if let number = numberText, !number.isEmpty, paragraph.raw.generatedPrefixLength == 0 {
                        let label = number + [0x20]
                        paragraph.raw.text = label + paragraph.raw.text
                        paragraph.raw.anchors = [Block.Anchor(rawOffset: 0, location: .package(PackageLocation(part: part, paragraph: paragraph.index, cells: paragraph.cells)))]
                            + paragraph.raw.anchors.map { Block.Anchor(rawOffset: $0.rawOffset + label.count, location: $0.location) }
                        paragraph.raw.generatedPrefixLength = label.count
                    }
                    numberText = nil
                    if paragraph.raw.anchors.isEmpty {
                        paragraph.raw.anchors = [Block.Anchor(rawOffset: 0, location: .package(PackageLocation(part: part, paragraph: paragraph.index, cells: paragraph.cells)))]
                    }
                    paragraph.raw.bold = paragraph.visibleSpans > 0 && paragraph.boldSpans == paragraph.visibleSpans
                    paragraph.raw.caps = styles.resolve(paragraph.style) { $0.caps } ?? false
                    let fontName = styles.resolve(paragraph.style) { $0.font }
                    if let legacy = LegacyFontText.encoding(ofFont: fontName),
                        let converted = LegacyFontText.convert(Array(paragraph.raw.text[paragraph.raw.generatedPrefixLength...]), font: legacy)
                    {
                        paragraph.raw.text = Array(paragraph.raw.text[..<paragraph.raw.generatedPrefixLength]) + converted
                    }
                    if let margin = pageMargin {
                        pageBlocks.append(paragraph.raw)
                        pageBlockIsHeader.append(margin)
                    } else if inBody {
                        blocks.append(paragraph.raw)
                    }
                } else if parser.nameIs("text:span") {
                    if !paragraphs.isEmpty { _ = paragraphs[paragraphs.count - 1].spanStyles.popLast() }
                } else if parser.nameIs("text:number") {
                    inNumber = false
                } else if parser.nameIs("text:list") {
                    _ = lists.popLast()
                } else if parser.nameIs("table:table") {
                    _ = tables.popLast()
                } else if parser.nameIs("text:note") {
                    if let open = note {
                        let text = DocxReader.joined(blocks[open.start...], verdicts: &verdicts)
                        notes.append(DocumentNote(kind: open.kind, id: open.id, text: text, reference: open.reference))
                        blocks.removeSubrange(open.start...)
                        note = nil
                    }
                } else if parser.nameIs("office:annotation") {
                    if let open = annotation {
                        let text = DocxReader.joined(blocks[open.start...], verdicts: &verdicts)
                        comments.append(DocumentComment(
                            id: "\(comments.count)", author: annotationAuthor.isEmpty ? nil : annotationAuthor,
                            date: annotationDate.isEmpty ? nil : annotationDate, text: text, anchor: open.anchor))
                        blocks.removeSubrange(open.start...)
                        annotation = nil
                    }
                } else if parser.nameIs("dc:creator") {
                    readingAuthor = false
                } else if parser.nameIs("dc:date") {
                    readingDate = false
                } else if parser.nameIs("style:header") || parser.nameIs("style:footer") || parser.nameIs("style:header-first")
                    || parser.nameIs("style:footer-first") || parser.nameIs("style:header-left") || parser.nameIs("style:footer-left")
                {
                    pageMargin = nil
                } else if parser.nameIs("style:style") {
                    if let finished = style { styles.styles[finished.name] = finished.value }
                    style = nil
                } else if parser.nameIs("text:list-style") || parser.nameIs("text:outline-style") {
                    if let finished = listStyle { styles.lists[finished.name] = finished.levels }
                    listStyle = nil
                }
            }
        }
    }

    /// The label of a list item: prefix, the numbers of the displayed levels, suffix, a space.
    static func label(_ definition: OdfStyles.ListLevel, levels: [Int: OdfStyles.ListLevel], values: [Int?], level: Int) -> String {
        if let bullet = definition.bullet { return bullet.isEmpty ? "" : bullet + " " }
        guard !definition.format.isEmpty else { return "" }
        var numbers: [String] = []
        let first = max(0, level - definition.displayLevels + 1)
        for index in first...level {
            let format = levels[index + 1]?.format ?? "1"
            numbers.append(format.isEmpty ? "" : OdfWalk.format(values[index] ?? levels[index + 1]?.start ?? 1, as: format))
        }
        return definition.prefix + numbers.joined(separator: ".") + definition.suffix + " "
    }

    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "I": return WordNumbering.roman(value)
        case "i": return WordNumbering.roman(value).lowercased()
        case "A": return WordNumbering.letters(value, base: 0x41)
        case "a": return WordNumbering.letters(value, base: 0x61)
        default: return "\(value)"
        }
    }
}
