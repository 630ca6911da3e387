// DocumentReadersTests: formats. The same report as .txt, .md, .docx, .odt, .doc and .pdf reads to the same blocks.
import XCTest
import VietnameseText
@testable import DocumentReaders

final class FormatsTests: XCTestCase {
    static let formats = ["txt", "md", "docx", "odt", "doc", "pdf"]

    /// The body's words from the title on, with numbering labels and bullets left out (antiword drops
    /// Word's automatic numbers; layout and table shapes differ between formats).
    private func bodyWords(_ document: Document) -> [String] {
        var words: [String] = []
        for block in document.blocks {
            switch block.scope {
            case .headerBlock, .signature, .recipients: continue
            default: break
            }
            var text = Substring(block.text)
            if let label = Numbering.parse(line: block.text) {
                text = Substring(String(decoding: Array(block.text.utf8).dropFirst(label.contentOffset), as: UTF8.self))
            } else if document.format == .doc, let first = text.split(separator: " ").first, first.allSatisfy(\.isNumber), first.count < text.count {
                text = text.dropFirst(first.count)  // "1 Công tác": antiword keeps the number without its dot
            }
            words += text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        }
        return words
    }

    func testEveryFormatYieldsTheSameReport() throws {
        let reference = try Fixture.read("bao-cao-so-ket.docx")
        let expected = bodyWords(reference)
        XCTAssertEqual(expected.prefix(4), ["BÁO", "CÁO", "Sơ", "kết"])
        for format in Self.formats {
            let document = try Fixture.read("bao-cao-so-ket.\(format)")
            XCTAssertEqual(document.format.rawValue, format)
            XCTAssertEqual(bodyWords(document), expected, "body of .\(format)")
            func texts(_ scope: BlockScope) -> [String] { document.blocks.filter { $0.scope == scope }.map(\.text) }
            XCTAssertTrue(texts(.headerBlock).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), ".\(format) header: \(texts(.headerBlock))")
            XCTAssertTrue(texts(.headerBlock).contains("Số: 15/BC-CĐCS"), ".\(format)")
            XCTAssertTrue(texts(.headerBlock).contains("Vĩnh Thuận, ngày 20 tháng 11 năm 2020"), ".\(format)")
            XCTAssertEqual(texts(.title).first, "BÁO CÁO", ".\(format)")
            XCTAssertEqual(texts(.recipients), ["Nơi nhận:", "- LĐLĐ huyện;", "- Chi bộ nhà trường;", "- Lưu: VT."], ".\(format)")
            XCTAssertEqual(texts(.signature), ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH", "(đã ký)", "Nguyễn Văn An"], ".\(format)")
            let headings = document.blocks.filter { if case .heading = $0.scope { return true } else { return false } }.map(\.text)
            XCTAssertTrue(headings.contains { $0.hasSuffix("KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT") }, ".\(format) headings: \(headings)")
            XCTAssertTrue(headings.contains { $0.hasSuffix("PHƯƠNG HƯỚNG NHIỆM VỤ NỬA CUỐI NHIỆM KỲ") }, ".\(format)")
        }
    }

    func testDocxBlocksScopesNumbersAndLocations() throws {
        let document = try Fixture.read("bao-cao-so-ket.docx")
        let summary = document.blocks.map { "\($0.scope) | \($0.text)" }
        XCTAssertEqual(Array(summary[6...14]), [
            "title | BÁO CÁO",
            "title | Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Công đoàn cơ sở",
            "paragraph | Thực hiện Kế hoạch số 115/KH-LĐLĐ ngày 14/9/2020 của Ban Thường vụ LĐLĐ huyện Vĩnh Thuận về tổ chức sơ kết giữa nhiệm kỳ, Ban Chấp hành Công đoàn cơ sở báo cáo kết quả như sau:",
            "heading(1) | I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT",
            "heading(2) | 1. Công tác tuyên truyền, giáo dục đoàn viên",
            "paragraph | Công đoàn cơ sở đã tổ chức 12 buổi tuyên truyền pháp luật lao động cho 245 lượt đoàn viên, đạt 100% kế hoạch đề ra.",
            "list-item(1) | - Tổ chức hội thi tìm hiểu Bộ luật Lao động năm 2019;",
            "list-item(1) | - Phát động phong trào thi đua dạy tốt, học tốt.",
            "heading(2) | 2. Công tác chăm lo đời sống đoàn viên",
        ])
        XCTAssertTrue(summary.contains("heading(1) | II. PHƯƠNG HƯỚNG NHIỆM VỤ NỬA CUỐI NHIỆM KỲ"))
        // The header is a borderless two-column table: header blocks, located in their cells.
        XCTAssertEqual(document.blocks[3].scope, .headerBlock)
        XCTAssertEqual(document.blocks[3].location, .package(PackageLocation(
            part: "word/document.xml", paragraph: 3, cells: [TableCellCoordinate(table: 0, row: 0, column: 1)])))
        // A real table keeps its cells.
        let cell = try XCTUnwrap(document.blocks.first { $0.text == "3.600.000" })
        XCTAssertEqual(cell.scope, .tableCell(table: 1, row: 1, column: 2))
        // "II. " is Word's automatic numbering: generated, mapped to the paragraph's start.
        let heading = try XCTUnwrap(document.blocks.first { $0.text.hasPrefix("II. ") })
        XCTAssertEqual(heading.generatedPrefixLength, 4)
        guard case let .package(place) = heading.location(atByte: 4 + Array("PHƯƠNG ".utf8).count) else { return XCTFail() }
        XCTAssertEqual(place.characterOffset, 7)
        // The section tree: I has the two numbered subsections.
        let tree = document.sections
        let first = tree.nodes[tree.root.children[0]]
        XCTAssertEqual(first.children.count, 2)
        XCTAssertEqual(document.blocks[tree.nodes[first.children[1]].heading!].text, "2. Công tác chăm lo đời sống đoàn viên")
    }

    func testHeaderColumnsSplitButABlankDayDoesNot() throws {
        let text = "TRƯỜNG ĐẠI HỌC XÂY DỰNG          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHải Phòng, ngày    tháng 10 năm 2017\n"
        let document = try DocumentReaders.read(bytes: Array(text.utf8), format: .txt, path: "ngay-trong.txt")
        XCTAssertEqual(document.blocks.map(\.text), [
            "TRƯỜNG ĐẠI HỌC XÂY DỰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hải Phòng, ngày tháng 10 năm 2017",
        ])
        XCTAssertEqual(document.blocks[1].location, .text(SourceLocation(line: 1, column: 34)))
    }

    func testTextLocationsAreLinesAndColumns() throws {
        let document = try Fixture.read("bao-cao-so-ket.txt")
        let motto = try XCTUnwrap(document.blocks.first { $0.text == "Độc lập - Tự do - Hạnh phúc" })
        XCTAssertEqual(motto.location, .text(SourceLocation(line: 2, column: 49)))
        let cell = try XCTUnwrap(document.blocks.first { $0.text == "18" })
        XCTAssertEqual(cell.scope, .tableCell(table: 0, row: 1, column: 1))
        XCTAssertEqual(document.metadata.encoding, .utf8)
    }

    func testMarkdownDropsMarksButKeepsColumns() throws {
        let source = "# I. KẾT QUẢ\n\nĐã **kết nạp** mới [15 đoàn viên](danh-sach.md) trong năm.\n"
        let document = try DocumentReaders.read(bytes: Array(source.utf8), format: .md)
        XCTAssertEqual(document.blocks.map(\.text), ["I. KẾT QUẢ", "Đã kết nạp mới 15 đoàn viên trong năm."])
        XCTAssertEqual(document.blocks[0].scope, .heading(level: 1))
        let body = document.blocks[1]
        // "15" is at column 21 of line 3 in the source: "Đã **kết nạp** mới [15".
        XCTAssertEqual(body.location(atByte: Array("Đã kết nạp mới ".utf8).count), .text(SourceLocation(line: 3, column: 21)))
    }

    func testConverterOutputNamesItsTool() throws {
        XCTAssertEqual(try Fixture.read("bao-cao-so-ket.pdf").metadata.converter, "pdftotext")
        XCTAssertEqual(try Fixture.read("bao-cao-so-ket.doc").metadata.converter, "antiword")
    }

    func testMissingConverterSaysWhichPackageToInstall() {
        let converter = ExternalConverter(tool: "soatxet-no-such-converter", package: "poppler-utils", arguments: [], trailingArguments: [])
        XCTAssertThrowsError(try converter.run(on: Fixture.path("bao-cao-so-ket.pdf"), reportingAs: "bao-cao.pdf", timeout: 5)) { error in
            XCTAssertEqual((error as? ReadError)?.cause, .converterMissing(tool: "soatxet-no-such-converter", package: "poppler-utils"))
            XCTAssertTrue("\(error)".contains("apt-get install poppler-utils"))
        }
    }
}
