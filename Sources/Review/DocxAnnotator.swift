// Review: annotated Word files. A copy of a .docx with one comment per finding, anchored where the finding is.
import ComplianceEngine
import DocumentReaders
import Foundation
import ZIPFoundation

/// One comment to add: its text and the span it covers, in the reader's terms (paragraph ordinal of
/// `word/document.xml`, characters into the paragraph; the end is exclusive).
public struct ReviewComment: Sendable, Equatable {
    /// Paragraph ordinal and character where the comment's range starts.
    public var startParagraph: Int
    public var startCharacter: Int
    /// Paragraph ordinal and character (exclusive) where it ends.
    public var endParagraph: Int
    public var endCharacter: Int
    /// The comment's paragraphs; the first is shown in bold.
    public var paragraphs: [String]

    public init(startParagraph: Int, startCharacter: Int, endParagraph: Int, endCharacter: Int, paragraphs: [String]) {
        self.startParagraph = startParagraph
        self.startCharacter = startCharacter
        self.endParagraph = endParagraph
        self.endCharacter = endCharacter
        self.paragraphs = paragraphs
    }
}

/// Adds Word comments to a .docx without touching anything else.
///
/// Only three parts change: `word/document.xml` gains `w:commentRangeStart`, `w:commentRangeEnd` and a
/// `w:commentReference` run per comment (a run is split in two, its properties copied, when a range
/// starts or ends inside it); `word/comments.xml` is created or extended; and, when the file had no
/// comments, `[Content_Types].xml` and `word/_rels/document.xml.rels` gain the comments part. Every
/// other byte of those parts and every other part is copied as it was, so text, styles, numbering,
/// tables, tracked changes and existing comments survive. New comment IDs start above every `w:id`
/// in the document and its comments.
public enum DocxAnnotator {
    /// The author written on every comment.
    public static let author = "soatxet"

    /// The comments for `result`'s findings: unmet requirements (anchored by the engine on the title)
    /// and rule findings, each with a bold first line naming what it is about, the message, and the
    /// suggestion when there is one.
    public static func comments(for result: DocumentResult, ruleTitles: [String: String], language: String = "vi") -> [ReviewComment] {
        let english = language == "en"
        let requirements = Dictionary(result.requirements.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return result.findings.map { finding in
            var lines: [String] = []
            if let requirement = requirements[finding.rule] {
                lines.append("\(requirement.status.symbol) " + (english ? "Requirement " : "Yêu cầu ") + "«\(requirement.title)»: "
                             + requirement.status.words(language))
            } else {
                lines.append(capitalizedFirst(finding.severity.words(language)) + ": "
                             + (ruleTitles[finding.rule] ?? finding.rule))
            }
            lines.append(finding.message)
            if let suggestion = finding.suggestion { lines.append((english ? "Suggestion: " : "Gợi ý: ") + suggestion) }
            lines.append("[\(finding.rule)]")
            return ReviewComment(
                startParagraph: max(0, finding.line - 1), startCharacter: max(0, finding.column - 1),
                endParagraph: max(0, finding.endLine - 1), endCharacter: max(0, finding.endColumn),
                paragraphs: lines)
        }
    }

    /// The bytes of `docx` with `comments` added; `path` names the file in errors.
    public static func annotate(docx: Data, comments: [ReviewComment], path: String) throws -> Data {
        let archive: Archive
        do {
            archive = try ArchiveBytes.open(docx)
        } catch {
            throw ReviewError.badPackage(path: path, part: "(zip)", reason: "not a zip package (\(error))")
        }
        var parts: [(String, Data)] = []
        for entry in archive where entry.type == .file {
            var data = Data()
            do {
                _ = try archive.extract(entry, skipCRC32: false) { data.append($0) }
            } catch {
                throw ReviewError.badPackage(path: path, part: entry.path, reason: "cannot be unpacked (\(error))")
            }
            parts.append((entry.path, data))
        }
        func part(_ name: String) -> Data? { parts.first { $0.0 == name }?.1 }
        func replace(_ name: String, _ data: Data) {
            if let index = parts.firstIndex(where: { $0.0 == name }) { parts[index].1 = data } else { parts.append((name, data)) }
        }
        guard let document = part("word/document.xml") else {
            throw ReviewError.badPackage(path: path, part: "word/document.xml", reason: "missing")
        }
        let existingComments = part("word/comments.xml")
        var firstID = 0
        for data in [document, existingComments].compactMap({ $0 }) {
            firstID = max(firstID, (largestID(in: [UInt8](data)) ?? -1) + 1)
        }

        let annotated: [UInt8]
        do {
            annotated = try insertAnchors(into: [UInt8](document), comments: comments, firstID: firstID)
        } catch let error as XMLScanError {
            throw ReviewError.badPackage(path: path, part: "word/document.xml", reason: error.description)
        }
        replace("word/document.xml", Data(annotated))

        var entries = ""
        for (index, comment) in comments.enumerated() {
            entries += "<w:comment w:id=\"\(firstID + index)\" w:author=\"\(author)\" w:initials=\"SX\">"
            for (line, text) in comment.paragraphs.enumerated() {
                let bold = line == 0 ? "<w:rPr><w:b/></w:rPr>" : ""
                entries += "<w:p><w:r>\(bold)<w:t xml:space=\"preserve\">\(Escape.xml(text))</w:t></w:r></w:p>"
            }
            entries += "</w:comment>"
        }
        if let existing = existingComments {
            var text = String(decoding: existing, as: UTF8.self)
            if let close = text.range(of: "</w:comments>", options: .backwards) {
                text.insert(contentsOf: entries, at: close.lowerBound)
            } else if let selfClosed = text.range(of: #"<w:comments\b[^>]*/>"#, options: .regularExpression) {
                let tag = String(text[selfClosed].dropLast(2))
                text.replaceSubrange(selfClosed, with: tag + ">" + entries + "</w:comments>")
            } else {
                throw ReviewError.badPackage(path: path, part: "word/comments.xml", reason: "no <w:comments> element")
            }
            replace("word/comments.xml", Data(text.utf8))
        } else {
            replace("word/comments.xml", Data(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<w:comments xmlns:w=\"\(OOXML.wordNamespace)\">\(entries)</w:comments>").utf8))
        }

        // The part's content type and its relationship, unless the file already declares them.
        guard let types = part("[Content_Types].xml") else {
            throw ReviewError.badPackage(path: path, part: "[Content_Types].xml", reason: "missing")
        }
        var typesText = String(decoding: types, as: UTF8.self)
        if !typesText.contains("PartName=\"/word/comments.xml\"") {
            guard let close = typesText.range(of: "</Types>", options: .backwards) else {
                throw ReviewError.badPackage(path: path, part: "[Content_Types].xml", reason: "no <Types> element")
            }
            typesText.insert(contentsOf: "<Override PartName=\"/word/comments.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml\"/>", at: close.lowerBound)
            replace("[Content_Types].xml", Data(typesText.utf8))
        }
        let relationsName = "word/_rels/document.xml.rels"
        var relations = part(relationsName).map { String(decoding: $0, as: UTF8.self) }
            ?? "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"\(OOXML.relationshipsNamespace)\"></Relationships>"
        if !relations.contains("/relationships/comments\"") {
            var id = "rIdSoatxetComments"
            while relations.contains("Id=\"\(id)\"") { id += "1" }
            guard let close = relations.range(of: "</Relationships>", options: .backwards) else {
                throw ReviewError.badPackage(path: path, part: relationsName, reason: "no <Relationships> element")
            }
            relations.insert(contentsOf: "<Relationship Id=\"\(id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments\" "
                + "Target=\"comments.xml\"/>", at: close.lowerBound)
            replace(relationsName, Data(relations.utf8))
        }
        return try OOXML.package(parts)
    }

    // MARK: - Anchors in document.xml

    private enum MarkKind: Int { case end = 0, start = 1 }

    private struct Edit {
        var offset: Int
        var length: Int
        var text: String
        var order: Int
    }

    /// `document` with each comment's range start, range end and reference inserted.
    static func insertAnchors(into document: [UInt8], comments: [ReviewComment], firstID: Int) throws -> [UInt8] {
        let map = try WordParagraphMap(xml: document)
        guard !map.paragraphs.isEmpty else {
            throw XMLScanError(offset: 0, reason: "the document has no paragraphs")
        }
        var edits: [Edit] = []
        var splits: [Int: [(order: Int, text: String)]] = [:]   // byte offset inside a w:t → markers
        var preserved: Set<Int> = []                            // w:t tags given xml:space="preserve"
        var bare: [Int: [String]] = [:]                         // paragraphs without characters → markers
        var order = 0

        func place(_ marker: String, kind: MarkKind, paragraph index: Int, character: Int) {
            order += 1
            let paragraphIndex = min(max(0, index), map.paragraphs.count - 1)
            let paragraph = map.paragraphs[paragraphIndex]
            let sequence = kind.rawValue * 1_000_000 + order
            let runs = paragraph.runs
            if paragraph.selfClosing || runs.isEmpty {
                // No characters: the markers go together, in the order placed (each start before its end).
                bare[paragraphIndex, default: []].append(marker)
                return
            }
            switch kind {
            case .start:
                guard let run = runs.first(where: { $0.characterEnd > character }) else {
                    // At or past the end: cover the last run, or the empty paragraph.
                    edits.append(Edit(offset: runs.last?.start ?? paragraph.contentStart, length: 0, text: marker, order: sequence))
                    return
                }
                if run.characterStart >= character || run.text == nil {
                    edits.append(Edit(offset: run.start, length: 0, text: marker, order: sequence))
                } else {
                    split(run, at: character - run.characterStart, marker: marker, order: sequence)
                }
            case .end:
                guard let run = runs.last(where: { $0.characterStart < character }) else {
                    edits.append(Edit(offset: runs.first?.end ?? paragraph.contentStart, length: 0, text: marker, order: sequence))
                    return
                }
                if run.characterEnd <= character || run.text == nil {
                    edits.append(Edit(offset: run.end, length: 0, text: marker, order: sequence))
                } else {
                    split(run, at: character - run.characterStart, marker: marker, order: sequence)
                }
            }
        }

        func split(_ run: WordParagraphMap.Run, at characters: Int, marker: String, order: Int) {
            guard let text = run.text, let tag = run.textTag else { return }
            let offset = XMLScanner.byteOffset(in: text, of: document, afterCharacters: characters)
            splits[offset, default: []].append((order, marker))
            if splits[offset]!.count == 1 {
                let properties = run.properties.map { String(decoding: document[$0], as: UTF8.self) } ?? ""
                // The run's properties are repeated on the second half so that it looks the same.
                splits[offset]![0].text = "\u{0}" + properties + "\u{0}" + marker
            }
            if !preserved.contains(tag.lowerBound) {
                preserved.insert(tag.lowerBound)
                let tagText = String(decoding: document[tag], as: UTF8.self)
                if !tagText.contains("xml:space") {
                    edits.append(Edit(offset: tag.lowerBound, length: tag.count, text: "<w:t xml:space=\"preserve\">", order: -1))
                }
            }
        }

        for (index, comment) in comments.enumerated() {
            let id = firstID + index
            let start = "<w:commentRangeStart w:id=\"\(id)\"/>"
            let end = "<w:commentRangeEnd w:id=\"\(id)\"/><w:r><w:commentReference w:id=\"\(id)\"/></w:r>"
            var endParagraph = comment.endParagraph, endCharacter = comment.endCharacter
            if (endParagraph, endCharacter) < (comment.startParagraph, comment.startCharacter) {
                endParagraph = comment.startParagraph
                endCharacter = comment.startCharacter
            }
            if endParagraph == comment.startParagraph, endCharacter <= comment.startCharacter {
                // An empty span: anchor on the run or paragraph where it points.
                endCharacter = comment.startCharacter + 1
            }
            place(start, kind: .start, paragraph: comment.startParagraph, character: comment.startCharacter)
            place(end, kind: .end, paragraph: endParagraph, character: endCharacter)
        }

        for (index, markers) in bare {
            let paragraph = map.paragraphs[index]
            if paragraph.selfClosing {
                // <w:p/> → <w:p>markers</w:p>: the tag's "/>" is replaced.
                edits.append(Edit(offset: paragraph.startTag.upperBound - 2, length: 2, text: ">" + markers.joined() + "</w:p>", order: 0))
            } else {
                edits.append(Edit(offset: paragraph.contentStart, length: 0, text: markers.joined(), order: 2_000_000))
            }
        }

        // Split points: close the text and the run, put the markers, reopen a run with the same properties.
        for (offset, markers) in splits {
            let sorted = markers.sorted { $0.order < $1.order }
            var properties = ""
            var texts: [String] = []
            for marker in sorted {
                var text = marker.text
                if text.hasPrefix("\u{0}") {
                    let parts = text.split(separator: "\u{0}", maxSplits: 2, omittingEmptySubsequences: false)
                    properties = String(parts[1])
                    text = String(parts[2])
                }
                texts.append(text)
            }
            edits.append(Edit(offset: offset, length: 0,
                              text: "</w:t></w:r>" + texts.joined() + "<w:r>" + properties + "<w:t xml:space=\"preserve\">", order: 0))
        }

        // Apply from the start; at one offset, range ends before range starts, each in the order placed.
        edits.sort { ($0.offset, $0.order) < ($1.offset, $1.order) }
        var output: [UInt8] = []
        output.reserveCapacity(document.count + edits.count * 120)
        var position = 0
        for edit in edits {
            guard edit.offset >= position else { continue }
            output.append(contentsOf: document[position..<edit.offset])
            output.append(contentsOf: Array(edit.text.utf8))
            position = edit.offset + edit.length
        }
        output.append(contentsOf: document[position...])
        return output
    }

    /// The largest `w:id="N"` in a part.
    static func largestID(in bytes: [UInt8]) -> Int? {
        let needle = Array("w:id=\"".utf8)
        var largest: Int?
        var index = 0
        while index + needle.count < bytes.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) {
                var value = 0, digits = 0
                var cursor = index + needle.count
                while cursor < bytes.count, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39, digits < 9 {
                    value = value * 10 + Int(bytes[cursor] - 0x30)
                    digits += 1
                    cursor += 1
                }
                if digits > 0 { largest = max(largest ?? value, value) }
                index = cursor
            } else {
                index += 1
            }
        }
        return largest
    }
}
