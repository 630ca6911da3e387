// Review: letters as Word files. A minimal, valid WordprocessingML package for a feedback letter.
import Foundation
import ZIPFoundation

/// Writes a ``FeedbackLetter`` as a .docx: Times New Roman 13 pt on A4 with the margins of Vietnamese
/// administrative documents (Decree 30/2020: top, bottom and right 20 mm, left 30 mm), a centred bold title, bold part
/// headings, justified text, points as indented dashes and cited clauses in italics. Only the parts a
/// document needs: content types, relationships, document, styles.
public enum WordLetter {
    /// The .docx bytes for `letter`.
    public static func render(_ letter: FeedbackLetter, language: String = "vi") throws -> Data {
        var body = ""
        for block in letter.blocks {
            switch block {
            case let .title(text): body += paragraph(text, style: "Title")
            case let .subtitle(text): body += paragraph(text, style: "Subtitle")
            case let .heading(text): body += paragraph(text, style: "Heading1")
            case let .paragraph(text): body += paragraph(text, style: nil)
            case let .point(text, clause):
                body += paragraph("– " + text, style: "ListParagraph")
                if let clause { body += paragraph("«" + clause + "»", style: "Quote") }
            case let .note(text): body += paragraph(text, style: "Note")
            }
        }
        let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="\(OOXML.wordNamespace)"><w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
        <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>
        """
        return try OOXML.package([
            ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
            <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
            """),
            ("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(OOXML.relationshipsNamespace)">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
            """),
            ("word/_rels/document.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="\(OOXML.relationshipsNamespace)">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """),
            ("word/document.xml", document),
            ("word/styles.xml", styles(language: language)),
        ])
    }

    private static func paragraph(_ text: String, style: String?) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)<w:r><w:t xml:space=\"preserve\">\(Escape.xml(text))</w:t></w:r></w:p>"
    }

    private static func styles(language: String) -> String {
        let lang = language == "en" ? "en-GB" : "vi-VN"
        func style(_ id: String, _ name: String, paragraph: String, run: String) -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:qFormat/><w:pPr>\(paragraph)</w:pPr><w:rPr>\(run)</w:rPr></w:style>"
        }
        return """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(OOXML.wordNamespace)"><w:docDefaults><w:rPrDefault><w:rPr>\
        <w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>\
        <w:sz w:val="26"/><w:szCs w:val="26"/><w:lang w:val="\(lang)"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="288" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>\
        <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:pPr><w:jc w:val="both"/></w:pPr></w:style>\
        \(style("Title", "Title", paragraph: "<w:jc w:val=\"center\"/><w:spacing w:after=\"60\"/>", run: "<w:b/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>"))\
        \(style("Subtitle", "Subtitle", paragraph: "<w:jc w:val=\"center\"/><w:spacing w:after=\"240\"/>", run: "<w:b/>"))\
        \(style("Heading1", "heading 1", paragraph: "<w:keepNext/><w:spacing w:before=\"200\" w:after=\"80\"/><w:jc w:val=\"left\"/><w:outlineLvl w:val=\"0\"/>", run: "<w:b/>"))\
        \(style("ListParagraph", "List Paragraph", paragraph: "<w:ind w:left=\"567\" w:hanging=\"283\"/><w:spacing w:after=\"60\"/>", run: ""))\
        \(style("Quote", "Quote", paragraph: "<w:ind w:left=\"851\"/><w:spacing w:after=\"100\"/>", run: "<w:i/><w:sz w:val=\"24\"/><w:szCs w:val=\"24\"/>"))\
        \(style("Note", "Note", paragraph: "<w:spacing w:before=\"360\"/>", run: "<w:i/><w:sz w:val=\"22\"/><w:szCs w:val=\"22\"/><w:color w:val=\"5F6368\"/>"))\
        </w:styles>
        """
    }
}

/// What the Word outputs share: namespaces and writing a package.
enum OOXML {
    static let wordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// A zip package with `parts` in the given order (the content types first, as Office writes them).
    static func package(_ parts: [(String, String)]) throws -> Data {
        try package(parts.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A zip package with binary parts, in the given order.
    static func package(_ parts: [(String, Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ReviewError.cannotWrite(path: "(zip)", reason: "the zip archive was not built in memory") }
        return data
    }
}
