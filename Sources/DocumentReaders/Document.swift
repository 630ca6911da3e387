// DocumentReaders: the model. A report read into ordered scoped blocks, with metadata kept apart.
import VietnameseText

/// The file formats soatxet reads.
public enum DocumentFormat: String, Sendable, CaseIterable, Codable {
    case txt, md, docx, odt, doc, pdf

    /// Whether the format is plain text (decoded by the analyser, located by line and column).
    public var isText: Bool { self == .txt || self == .md }
}

/// What a block is in the report's structure.
public enum BlockScope: Hashable, Sendable, CustomStringConvertible {
    /// The document title ("BÁO CÁO") and its subject lines.
    case title
    /// A heading; level 1 is the outermost.
    case heading(level: Int)
    /// Ordinary body text.
    case paragraph
    /// A bulleted or numbered list item; level 1 is the outermost.
    case listItem(level: Int)
    /// A paragraph inside a table cell: `table` counts tables from 0 in reading order (nested ones
    /// included), `row` and `column` from 0 (a merged cell takes the column where it starts).
    case tableCell(table: Int, row: Int, column: Int)
    /// The administrative header: issuing body, national motto, number, place and date.
    case headerBlock
    /// The signature block: "TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "(đã ký)", the signer's name.
    case signature
    /// "Nơi nhận:" and its recipient lines, up to "- Lưu: VT.".
    case recipients

    /// A short lowercase name, as rules name scopes ("heading", "table-cell", ...).
    public var name: String {
        switch self {
        case .title: return "title"
        case .heading: return "heading"
        case .paragraph: return "paragraph"
        case .listItem: return "list-item"
        case .tableCell: return "table-cell"
        case .headerBlock: return "header-block"
        case .signature: return "signature"
        case .recipients: return "recipients"
        }
    }

    public var description: String {
        switch self {
        case let .heading(level): return "heading(\(level))"
        case let .listItem(level): return "list-item(\(level))"
        case let .tableCell(table, row, column): return "table-cell(t\(table) r\(row) c\(column))"
        default: return name
        }
    }
}

/// One cell on the way from the body into a (possibly nested) table.
public struct TableCellCoordinate: Hashable, Sendable, Codable {
    /// The table's number in reading order, from 0, nested tables included.
    public var table: Int
    /// The row, from 0.
    public var row: Int
    /// The column, from 0 (grid columns: a merged cell takes the column where it starts).
    public var column: Int

    public init(table: Int, row: Int, column: Int) {
        self.table = table
        self.row = row
        self.column = column
    }
}

/// A place inside a .docx or .odt package, precise enough to put a finding back into the file.
public struct PackageLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The XML part, e.g. "word/document.xml" or "content.xml".
    public var part: String
    /// The 0-based ordinal of the paragraph element (`w:p`, or `text:p`/`text:h`) in the part, in
    /// document order, counting every paragraph element (inside tables, text boxes, fallbacks).
    public var paragraph: Int
    /// The cells from the outermost table to the innermost one holding the paragraph; empty outside tables.
    public var cells: [TableCellCoordinate]
    /// Characters (Unicode scalars) into the paragraph's own text, before normalisation. Text the
    /// reader generated (automatic numbering) has no place in the file and reports offset 0.
    public var characterOffset: Int

    public init(part: String, paragraph: Int, cells: [TableCellCoordinate] = [], characterOffset: Int = 0) {
        self.part = part
        self.paragraph = paragraph
        self.cells = cells
        self.characterOffset = characterOffset
    }

    public var description: String {
        var result = "\(part) ¶\(paragraph)"
        for cell in cells { result += " [t\(cell.table) r\(cell.row) c\(cell.column)]" }
        if characterOffset > 0 { result += " +\(characterOffset)" }
        return result
    }
}

/// Where a block (or a byte of it) comes from.
public enum BlockLocation: Hashable, Sendable, CustomStringConvertible {
    /// Line and column in a text source (for .doc and .pdf: in the converter's text output).
    case text(SourceLocation)
    /// Paragraph, table cell and character offset in a .docx or .odt package.
    case package(PackageLocation)

    public var description: String {
        switch self {
        case let .text(location): return location.description
        case let .package(location): return location.description
        }
    }
}

/// A stretch of report text with its scope and its place in the source.
public struct Block: Sendable, Hashable {
    /// What the block is.
    public let scope: BlockScope
    /// The text, repaired and NFC, as produced by ``BlockText/produce(raw:)``.
    public let text: String
    /// Where the block's first character comes from.
    public let location: BlockLocation
    /// UTF-8 bytes at the start of ``text`` that the reader generated (Word/ODF automatic numbering such
    /// as "II. " or "a) "); 0 when everything in the text is in the source.
    public let generatedPrefixLength: Int
    /// Encoding damage repaired in this block (ranges in the block's raw text), in order.
    public let repairs: [Repair]

    // Where stretches of the raw text start in the source, sorted by raw offset; and how the final text
    // maps to the raw text (nil raw: text and raw are the same bytes).
    let anchors: [Anchor]
    let map: OffsetMap
    let raw: String?

    /// A block whose text is exactly its source text starting at `location` (for tests and callers that
    /// build documents themselves).
    public init(scope: BlockScope, text: String, location: BlockLocation) {
        self.init(
            scope: scope, text: text, location: location, generatedPrefixLength: 0, anchors: [], map: .identity, raw: nil,
            repairs: [])
    }

    init(
        scope: BlockScope, text: String, location: BlockLocation, generatedPrefixLength: Int, anchors: [Anchor],
        map: OffsetMap, raw: String?, repairs: [Repair]
    ) {
        self.scope = scope
        self.text = text
        self.location = location
        self.generatedPrefixLength = generatedPrefixLength
        self.anchors = anchors
        self.map = map
        self.raw = raw
        self.repairs = repairs
    }

    struct Anchor: Sendable, Hashable {
        var rawOffset: Int
        var location: BlockLocation
    }

    public static func == (lhs: Block, rhs: Block) -> Bool {
        lhs.scope == rhs.scope && lhs.text == rhs.text && lhs.location == rhs.location
            && lhs.generatedPrefixLength == rhs.generatedPrefixLength
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(scope)
        hasher.combine(text)
        hasher.combine(location)
    }

    /// The source place of byte `offset` of ``text`` (a UTF-8 byte offset).
    public func location(atByte offset: Int) -> BlockLocation {
        let rawOffset = map.inputOffset(max(0, min(offset, text.utf8.count)))
        // No anchors: the whole block is one stretch starting at `location`.
        var anchor = Anchor(rawOffset: 0, location: location)
        if !anchors.isEmpty {
            var low = 0, high = anchors.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if anchors[mid].rawOffset <= rawOffset { low = mid } else { high = mid - 1 }
            }
            anchor = anchors[low]
        }
        var source = raw ?? text
        let characters = source.withUTF8 { bytes in
            let from = min(anchor.rawOffset, bytes.count)
            let to = min(max(rawOffset, anchor.rawOffset), bytes.count)
            return ByteWords.scalarCount(in: bytes, from: from, to: to)
        }
        switch anchor.location {
        case var .text(source):
            source.column += characters
            return .text(source)
        case var .package(place):
            if rawOffset >= generatedPrefixLength || anchor.rawOffset >= generatedPrefixLength {
                place.characterOffset += characters
            }
            return .package(place)
        }
    }
}

/// A Word or ODF comment, kept apart from the text.
public struct DocumentComment: Sendable, Hashable {
    /// The comment's id in the file.
    public var id: String
    /// Who wrote it, when the file says.
    public var author: String?
    /// When it was written, as the file gives it (ISO 8601).
    public var date: String?
    /// The comment's text, NFC.
    public var text: String
    /// Where its commented range starts, when the file marks one.
    public var anchor: PackageLocation?
    /// Where its commented range ends, when the file marks one.
    public var end: PackageLocation? = nil

    public init(id: String, author: String? = nil, date: String? = nil, text: String, anchor: PackageLocation? = nil,
                end: PackageLocation? = nil) {
        self.id = id
        self.author = author
        self.date = date
        self.text = text
        self.anchor = anchor
        self.end = end
    }
}

/// An HTML comment (`<!-- … -->`) in a text or Markdown report. It is not report text: the reader
/// takes it out of the blocks (its characters become blanks, so places after it stay exact) and keeps
/// it here with its place, for the engine's suppressions.
public struct MarkupComment: Sendable, Hashable {
    /// What is between `<!--` and `-->`, trimmed.
    public var text: String
    /// Where `<!--` starts.
    public var start: SourceLocation
    /// Where `-->` ends (the column of its last character).
    public var end: SourceLocation
    /// The first line after the comment that holds report text, when there is one.
    public var nextContentLine: Int?

    public init(text: String, start: SourceLocation, end: SourceLocation, nextContentLine: Int?) {
        self.text = text
        self.start = start
        self.end = end
        self.nextContentLine = nextContentLine
    }
}

/// A footnote or endnote, kept apart from the text.
public struct DocumentNote: Sendable, Hashable {
    /// Footnote or endnote.
    public enum Kind: String, Sendable { case footnote, endnote }
    /// Which kind of note.
    public var kind: Kind
    /// The note's id in the file.
    public var id: String
    /// The note's text, NFC.
    public var text: String
    /// The paragraph holding the note's reference mark, when found.
    public var reference: PackageLocation?
}

/// Something the reader noticed and worked around; the document was still read.
public struct ReadWarning: Sendable, Hashable, CustomStringConvertible {
    /// What happened, in words for the user.
    public var message: String
    /// Where, when it concerns one place.
    public var location: BlockLocation?

    public init(_ message: String, at location: BlockLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String { location.map { "\($0): \(message)" } ?? message }
}

/// What a report carries besides its body: notes, comments, page headers and footers, encoding.
public struct DocumentMetadata: Sendable {
    /// Word/ODF comments.
    public var comments: [DocumentComment] = []
    /// HTML comments of text and Markdown reports, taken out of the text.
    public var markupComments: [MarkupComment] = []
    /// Footnotes and endnotes.
    public var notes: [DocumentNote] = []
    /// Page header paragraphs (Word header parts, ODF master-page headers), never in the body.
    public var headers: [Block] = []
    /// Page footer paragraphs, never in the body.
    public var footers: [Block] = []
    /// For text formats: the encoding the bytes were decoded as.
    public var encoding: TextEncoding?
    /// For text formats: how sure the decoder was (0...1).
    public var encodingConfidence: Double?
    /// For text formats: whether the bytes started with a byte-order mark.
    public var hadByteOrderMark = false
    /// For .doc and .pdf: the converter that produced the text ("antiword", "pdftotext", ...).
    public var converter: String?

    public init() {}
}

/// A report read into scoped blocks.
public struct Document: Sendable {
    /// The file the document was read from ("-" for standard input).
    public let path: String
    /// The format it was read as (by content when the extension lied; see ``warnings``).
    public let format: DocumentFormat
    /// The body, in reading order.
    public let blocks: [Block]
    /// Notes, comments, page headers and footers, encoding.
    public let metadata: DocumentMetadata
    /// What the reader worked around.
    public let warnings: [ReadWarning]
    /// The headings' tree, derived once from ``blocks``.
    public let sections: SectionTree

    /// Makes a document and derives its section tree.
    public init(
        path: String, format: DocumentFormat, blocks: [Block], metadata: DocumentMetadata = DocumentMetadata(),
        warnings: [ReadWarning] = []
    ) {
        self.path = path
        self.format = format
        self.blocks = blocks
        self.metadata = metadata
        self.warnings = warnings
        self.sections = SectionTree(blocks: blocks)
    }
}
