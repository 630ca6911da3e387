// ReviewTests: annotated copies. Word comments at the findings' places, the rest of the file untouched; footnotes for text.
import ComplianceEngine
import DocumentReaders
import Foundation
import RuleModel
import XCTest
@testable import Review

final class DocxAnnotationTests: XCTestCase {
    /// Every corpus .docx with the pack of its folder.
    static let wordReports: [(path: String, pack: String)] = Corpus.packs.flatMap { pack in
        Corpus.reports(pack).filter { $0.hasSuffix(".docx") }.map { ($0, pack) }
    }

    func testTheCorpusHasWordReports() {
        XCTAssertGreaterThanOrEqual(Self.wordReports.count, 10)
    }

    /// The map of paragraphs and characters agrees with the reader: every block's place exists, and no
    /// block starts past the characters the map counts in its paragraph.
    func testParagraphMapCountsAsTheReaderDoes() throws {
        let fixture = Corpus.path("Tests/DocumentReadersTests/Fixtures/tinh-nang-word.docx")
        for path in Self.wordReports.map(\.path) + [fixture] {
            let document = try DocumentReaders.read(path: path)
            let xml = try XCTUnwrap(try zipPart(try Data(contentsOf: URL(fileURLWithPath: path)), "word/document.xml"))
            let map = try WordParagraphMap(xml: Array(xml.utf8))
            for block in document.blocks {
                guard case let .package(place) = block.location, place.part == "word/document.xml" else { continue }
                XCTAssertLessThan(place.paragraph, map.paragraphs.count, "\(path): \(place)")
                guard place.paragraph < map.paragraphs.count else { continue }
                let counted = map.paragraphs[place.paragraph].characters
                let visible = block.text.unicodeScalars.count - String(decoding: Array(block.text.utf8).prefix(block.generatedPrefixLength), as: UTF8.self).unicodeScalars.count
                XCTAssertLessThanOrEqual(place.characterOffset, counted, "\(path): \(place)")
                if block.text.contains("\n") == false, place.characterOffset == 0, case .paragraph = block.scope {
                    // A body paragraph read whole: its characters are the paragraph's (whitespace may be trimmed).
                    XCTAssertGreaterThanOrEqual(counted, visible, "\(path): \(place) «\(block.text.prefix(40))»")
                }
            }
        }
    }

    /// On every corpus .docx: one comment per finding, by "soatxet", read back by the reader at the
    /// finding's paragraph and character; the text of every block unchanged.
    func testCommentsLandAtTheFindingsAndTheTextIsUntouched() throws {
        var total = 0
        defer { XCTAssertGreaterThan(total, 40, "the corpus .docx reports need findings for this test") }
        for (path, pack) in Self.wordReports {
            let result = try Corpus.check(path, pack: pack)
            total += result.findings.count
            let comments = DocxAnnotator.comments(for: result, ruleTitles: [:])
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            let annotated = try DocxAnnotator.annotate(docx: original, comments: comments, path: path)
            let scratch = try Scratch()
            let copy = scratch.path("ban-soat-xet.docx")
            try annotated.write(to: URL(fileURLWithPath: copy))

            let before = try DocumentReaders.read(path: path)
            let after = try DocumentReaders.read(path: copy)
            XCTAssertEqual(after.blocks.map(\.text), before.blocks.map(\.text), "\(path): the text changed")
            XCTAssertEqual(after.blocks.map(\.scope), before.blocks.map(\.scope), "\(path): the structure changed")

            let added = after.metadata.comments.filter { $0.author == DocxAnnotator.author }
            XCTAssertEqual(added.count, result.findings.count, path)
            for (comment, finding) in zip(added, result.findings) {
                // The reader writes dashes as en dashes.
                XCTAssertTrue(comment.text.contains(finding.message.replacingOccurrences(of: "—", with: "–")), "\(path): «\(comment.text)» lacks «\(finding.message)»")
                let anchor = try XCTUnwrap(comment.anchor, "\(path): comment \(comment.id) has no range")
                XCTAssertEqual(anchor.paragraph, finding.line - 1, "\(path): \(finding.rule) at paragraph")
                XCTAssertEqual(anchor.characterOffset, finding.column - 1, "\(path): \(finding.rule) at character")
            }
            // Unmet requirements are anchored on the title.
            let title = try XCTUnwrap(before.blocks.first { $0.scope == .title })
            guard case let .package(titlePlace) = title.location else { return XCTFail("\(path): the title has no package place") }
            for (comment, finding) in zip(added, result.findings) where result.requirements.contains(where: { $0.id == finding.rule }) {
                XCTAssertEqual(comment.anchor?.paragraph, titlePlace.paragraph, "\(path): \(finding.rule) is not on the title")
                XCTAssertTrue(comment.text.hasPrefix("✗ Yêu cầu") || comment.text.hasPrefix("◐ Yêu cầu"), comment.text)
            }
            // The comments part is declared.
            XCTAssertTrue(try XCTUnwrap(try zipPart(annotated, "[Content_Types].xml")).contains("/word/comments.xml"))
            XCTAssertTrue(try XCTUnwrap(try zipPart(annotated, "word/_rels/document.xml.rels")).contains("Target=\"comments.xml\""))
        }
    }

    /// A Word file with comments, tracked changes, numbering, tables, a text box, notes, header and
    /// footer keeps all of them; only the three parts that carry comments change.
    func testWordFeaturesSurvive() throws {
        let path = Corpus.path("Tests/DocumentReadersTests/Fixtures/tinh-nang-word.docx")
        let original = try Data(contentsOf: URL(fileURLWithPath: path))
        let before = try DocumentReaders.read(path: path)
        XCTAssertEqual(before.metadata.comments.count, 1)
        let result = try Corpus.check(path, pack: "tld-so-ket-dh-ix")
        let comments = DocxAnnotator.comments(for: result, ruleTitles: [:])
        XCTAssertFalse(comments.isEmpty)
        let annotated = try DocxAnnotator.annotate(docx: original, comments: comments, path: path)
        let scratch = try Scratch()
        let copy = scratch.path("tinh-nang-word.reviewed.docx")
        try annotated.write(to: URL(fileURLWithPath: copy))
        let after = try DocumentReaders.read(path: copy)
        XCTAssertEqual(after.blocks.map(\.text), before.blocks.map(\.text))
        XCTAssertEqual(after.blocks.map(\.location), before.blocks.map(\.location))
        XCTAssertEqual(after.metadata.notes, before.metadata.notes)
        XCTAssertEqual(after.metadata.headers.map(\.text), before.metadata.headers.map(\.text))
        XCTAssertEqual(after.metadata.footers.map(\.text), before.metadata.footers.map(\.text))
        let kept = try XCTUnwrap(after.metadata.comments.first)
        XCTAssertEqual(kept, before.metadata.comments[0], "the writer's own comment is kept as it was")
        XCTAssertEqual(after.metadata.comments.count, 1 + comments.count)
        // New IDs do not reuse the existing comment's.
        XCTAssertEqual(Set(after.metadata.comments.map(\.id)).count, after.metadata.comments.count)

        for part in ["word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/header1.xml", "word/footer1.xml", "_rels/.rels"] {
            XCTAssertEqual(try zipPart(annotated, part), try zipPart(original, part), "\(part) changed")
        }
        // document.xml: only comment markup was added; tracked changes are where they were.
        let document = try XCTUnwrap(try zipPart(annotated, "word/document.xml"))
        let originalDocument = try XCTUnwrap(try zipPart(original, "word/document.xml"))
        for element in ["<w:ins ", "<w:del ", "<w:tbl>", "<w:numPr>", "<w:commentRangeStart w:id=\"0\"/>"] {
            XCTAssertEqual(document.components(separatedBy: element).count, originalDocument.components(separatedBy: element).count, element)
        }
        func stripped(_ xml: String) -> String {
            xml.replacingOccurrences(of: #"<w:commentRange(Start|End) w:id="\d+"/>"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"<w:r><w:commentReference w:id="\d+"/></w:r>"#, with: "", options: .regularExpression)
                // Where a range starts or ends inside a run, the run is split in two with the same properties.
                .replacingOccurrences(of: #"</w:t></w:r><w:r>(<w:rPr>((?!</w:rPr>).)*</w:rPr>|<w:rPr/>)?<w:t xml:space="preserve">"#, with: "",
                                      options: .regularExpression)
                .replacingOccurrences(of: "<w:t xml:space=\"preserve\">", with: "<w:t>")
        }
        XCTAssertEqual(stripped(document), stripped(originalDocument), "document.xml differs by more than comment markers")
    }

    /// LibreOffice opens the annotated file and renders the same text as the original.
    func testLibreOfficeConvertsTheAnnotatedFile() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]
            .first(where: FileManager.default.isExecutableFile(atPath:)) else {
            return XCTFail("soffice is not installed: `make test-deps` installs libreoffice-writer-nogui")
        }
        let path = Corpus.path("Corpus/tld-so-ket-dh-ix/cd-gtvt-bien-nien-ke-le.docx")
        let result = try Corpus.check(path, pack: "tld-so-ket-dh-ix")
        let annotated = try DocxAnnotator.annotate(docx: try Data(contentsOf: URL(fileURLWithPath: path)),
                                                   comments: DocxAnnotator.comments(for: result, ruleTitles: [:]), path: path)
        let scratch = try Scratch()
        try annotated.write(to: URL(fileURLWithPath: scratch.path("ban-soat-xet.docx")))
        try FileManager.default.copyItem(atPath: path, toPath: scratch.path("ban-goc.docx"))
        for name in ["ban-soat-xet", "ban-goc"] {
            let status = try run(soffice, ["-env:UserInstallation=file://\(scratch.path("profile"))", "--headless",
                                           "--convert-to", "pdf", "--outdir", scratch.url.path, scratch.path("\(name).docx")])
            XCTAssertEqual(status, 0, "soffice failed on \(name).docx")
            XCTAssertTrue(FileManager.default.fileExists(atPath: scratch.path("\(name).pdf")), "no PDF for \(name)")
        }
        for name in ["ban-soat-xet", "ban-goc"] {
            XCTAssertEqual(try run("/usr/bin/pdftotext", [scratch.path("\(name).pdf"), scratch.path("\(name).txt")]), 0)
        }
        let original = try String(contentsOfFile: scratch.path("ban-goc.txt"), encoding: .utf8)
        let reviewed = try String(contentsOfFile: scratch.path("ban-soat-xet.txt"), encoding: .utf8)
        XCTAssertTrue(original.contains("BÁO CÁO"))
        XCTAssertEqual(reviewed, original, "LibreOffice renders a different text")
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

final class MarkdownAnnotationTests: XCTestCase {
    func testTextReportGetsFootnotesAndKeepsItsText() throws {
        let path = Corpus.path("Corpus/tld-so-ket-dh-ix/cd-gtvt-bien-nien-ke-le.txt")
        let pack = try Corpus.pack("tld-so-ket-dh-ix")
        let result = try Corpus.check(path, pack: "tld-so-ket-dh-ix")
        let copy = try Annotation.annotate(path: path, result: result, pack: pack)
        XCTAssertEqual(copy.format, "md")
        let markdown = String(decoding: copy.data, as: UTF8.self)
        let original = try String(contentsOfFile: path, encoding: .utf8)
        // Taking the marks and the notes out gives the report back.
        let body = markdown.components(separatedBy: "\n---\n\n")[0]
            .replacingOccurrences(of: #"\[\^\d+\]"#, with: "", options: .regularExpression)
            .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(3).joined(separator: "\n")
        XCTAssertEqual(body.trimmingCharacters(in: .newlines), original.trimmingCharacters(in: .newlines))
        for (index, finding) in result.findings.enumerated() {
            XCTAssertTrue(markdown.contains("[^\(index + 1)]: "), "note \(index + 1)")
            XCTAssertEqual(markdown.components(separatedBy: "[^\(index + 1)]").count, 3, "one mark and one note for \(finding.rule)")
        }
        // The unmet requirements' marks follow the title line.
        let titleLine = try XCTUnwrap(markdown.split(separator: "\n").first { $0.hasPrefix("BÁO CÁO") })
        XCTAssertTrue(titleLine.contains("[^"), String(titleLine))
    }

    func testOtherFormatsAreRefusedWithAdvice() throws {
        let path = Corpus.path("Tests/DocumentReadersTests/Fixtures/bao-cao-so-ket.odt")
        let pack = try Corpus.pack("tld-so-ket-dh-ix")
        let result = try Corpus.check(path, pack: "tld-so-ket-dh-ix")
        XCTAssertThrowsError(try Annotation.annotate(path: path, result: result, pack: pack)) {
            XCTAssertEqual($0 as? ReviewError, .unsupportedFormat(path: path, format: "odt"))
            XCTAssertTrue("\($0)".contains(".docx"))
        }
    }

    /// The annotator opens the user's .docx again: a central directory pointing past the end of the file
    /// (which crashed ZIPFoundation's in-memory archive, found by fuzz-docx) is a bad package, not a crash.
    func testACentralDirectoryPastTheEndIsABadPackage() throws {
        let path = Corpus.path("Tests/DocumentReadersTests/Fixtures/bao-cao-so-ket.docx")
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        let end = try XCTUnwrap((0...(bytes.count - 22)).last { Array(bytes[$0..<$0 + 4]) == [0x50, 0x4B, 0x05, 0x06] })
        bytes.replaceSubrange(end + 16..<end + 20, with: [0xF0, 0xFF, 0xFF, 0x7F])
        XCTAssertThrowsError(try DocxAnnotator.annotate(docx: Data(bytes), comments: [], path: "bao-cao.docx")) {
            guard case .badPackage(path: "bao-cao.docx", _, _)? = $0 as? ReviewError else { return XCTFail("\($0)") }
        }
    }
}
