// DocumentReadersTests: Word and ODF features. Styles, numbering, changes, comments, notes, text boxes, fields, fonts.
import XCTest
import VietnameseText
@testable import DocumentReaders

final class WordFeaturesTests: XCTestCase {
    private func block(_ document: Document, _ prefix: String, file: StaticString = #filePath, line: UInt = #line) throws -> Block {
        try XCTUnwrap(document.blocks.first { $0.text.hasPrefix(prefix) }, "no block starting with \(prefix)", file: file, line: line)
    }

    func testStylesGiveTitleAndHeadingLevels() throws {
        let document = try Fixture.read("tinh-nang-word.docx")
        XCTAssertEqual(try block(document, "Tài liệu kiểm tra").scope, .title)
        XCTAssertEqual(try block(document, "Mục có cấp đề cương").scope, .heading(level: 1))  // outlineLvl 0 in the style
        XCTAssertEqual(try block(document, "Tiểu mục theo tên").scope, .heading(level: 3))  // style named "Tiêu đề 3"
        // Bold typed numbering is a heading below the styled ones; plain typed numbering is a list item.
        XCTAssertEqual(try block(document, "2. Kết quả phát triển").scope, .heading(level: 4))
        XCTAssertEqual(try block(document, "3. Một đoạn đánh số").scope, .listItem(level: 1))
    }

    func testTrackedChangesAreReadAsAccepted() throws {
        let document = try Fixture.read("tinh-nang-word.docx")
        XCTAssertEqual(try block(document, "Đã tổ chức").text, "Đã tổ chức 12 buổi sinh hoạt chuyên đề.")
    }

    func testCommentsAndFootnotesGoToMetadata() throws {
        let document = try Fixture.read("tinh-nang-word.docx")
        let comment = try XCTUnwrap(document.metadata.comments.first)
        XCTAssertEqual(comment.text, "Đề nghị ghi rõ danh sách đoàn viên mới.")
        XCTAssertEqual(comment.author, "Nguyễn Thị Hoa")
        let commented = try block(document, "Kết nạp mới")
        XCTAssertEqual(commented.text, "Kết nạp mới 15 đoàn viên.")
        guard case let .package(place) = commented.location else { return XCTFail() }
        XCTAssertEqual(comment.anchor?.paragraph, place.paragraph)
        let note = try XCTUnwrap(document.metadata.notes.first)
        XCTAssertEqual(note.kind, .footnote)
        XCTAssertEqual(note.text, "Số liệu tính đến ngày 15/11/2020.")
        XCTAssertEqual(try block(document, "Tỷ lệ").text, "Tỷ lệ đoàn viên tham gia đạt 98%.")
        XCTAssertFalse(document.blocks.contains { $0.text.contains("Số liệu tính đến") })
    }

    func testHeadersAndFootersStayApart() throws {
        let document = try Fixture.read("tinh-nang-word.docx")
        XCTAssertEqual(document.metadata.headers.map(\.text), ["Công đoàn cơ sở Trường TH Vĩnh Bình Bắc"])
        XCTAssertEqual(document.metadata.footers.map(\.text), ["Báo cáo sơ kết giữa nhiệm kỳ"])
        XCTAssertFalse(document.blocks.contains { $0.text == "Báo cáo sơ kết giữa nhiệm kỳ" })
    }

    func testTextBoxIsReadOnceBeforeItsParagraph() throws {
        let document = try Fixture.read("tinh-nang-word.docx")
        let texts = document.blocks.map(\.text)
        XCTAssertEqual(texts.filter { $0 == "Ghi chú trong khung: số liệu tạm tính." }.count, 1)
        let box = try XCTUnwrap(texts.firstIndex(of: "Ghi chú trong khung: số liệu tạm tính."))
        XCTAssertEqual(texts[box + 1], "Đoạn có khung văn bản.")
    }

    func testFieldsShowResultsAndSpecialCharactersAreNormalised() throws {
        let document = try Fixture.read("tinh-nang-word.docx")
        XCTAssertEqual(try block(document, "Trang").text, "Trang 3, lập ngày 20/11/2020")
        // Soft hyphen dropped, no-break space and tab become spaces, no-break hyphen a hyphen, hidden text dropped.
        XCTAssertEqual(try block(document, "Công").text, "Côngđoàn cơ sở-trường Vĩnh Bình Bắc")
    }

    func testNestedTablesGiveTheirCellPath() throws {
        let document = try Fixture.read("tinh-nang-word.docx")
        let inner = try block(document, "Ô trong 2")
        XCTAssertEqual(inner.scope, .tableCell(table: 1, row: 0, column: 1))
        guard case let .package(place) = inner.location else { return XCTFail() }
        XCTAssertEqual(place.cells, [TableCellCoordinate(table: 0, row: 0, column: 0), TableCellCoordinate(table: 1, row: 0, column: 1)])
        XCTAssertEqual(try block(document, "Ô bên").scope, .tableCell(table: 0, row: 0, column: 1))
    }

    func testAutomaticNumberingStartsContinuesAndRestarts() throws {
        let document = try Fixture.read("tinh-nang-word.docx")
        let items = document.blocks.filter { if case .listItem = $0.scope { return true } else { return false } }.map(\.text)
        // Level 0 starts at 3; level 1 ("%2)") is never restarted (w:lvlRestart 0); a w:num with a start override restarts.
        XCTAssertEqual(Array(items.prefix(6)), [
            "3. Nội dung thứ ba", "a) Ý thứ nhất", "b) Ý thứ hai", "4. Nội dung thứ tư", "c) Ý tiếp theo", "1. Danh sách mới",
        ])
        XCTAssertEqual(try block(document, "a) Ý thứ nhất").scope, .listItem(level: 2))
    }

    func testNumberFormats() {
        XCTAssertEqual(WordNumbering.roman(14), "XIV")
        XCTAssertEqual(WordNumbering.format(3, as: "lowerLetter"), "c")
        XCTAssertEqual(WordNumbering.format(28, as: "upperLetter"), "BB")
        XCTAssertEqual(WordNumbering.format(7, as: "decimalZero"), "07")
        XCTAssertEqual(WordNumbering.bulletText("\u{F0B7}"), "•")
    }

    func testOdtFeatures() throws {
        let document = try Fixture.read("tinh-nang-word.odt")
        XCTAssertEqual(try block(document, "Tài liệu kiểm tra").scope, .title)
        XCTAssertEqual(try block(document, "Mục có cấp đề cương").scope, .heading(level: 1))
        XCTAssertEqual(try block(document, "Đã tổ chức").text, "Đã tổ chức 12 buổi sinh hoạt chuyên đề.")
        XCTAssertEqual(document.metadata.comments.first?.text, "Đề nghị ghi rõ danh sách đoàn viên mới.")
        XCTAssertEqual(document.metadata.comments.first?.author, "Nguyễn Thị Hoa")
        XCTAssertEqual(document.metadata.notes.first?.text, "Số liệu tính đến ngày 15/11/2020.")
        XCTAssertEqual(document.metadata.headers.map(\.text), ["Công đoàn cơ sở Trường TH Vĩnh Bình Bắc"])
        XCTAssertEqual(try block(document, "3. Nội dung thứ ba").scope, .listItem(level: 1))
        XCTAssertEqual(try block(document, "Ô trong 2").scope, .tableCell(table: 1, row: 0, column: 1))
        XCTAssertEqual(document.blocks.filter { $0.text == "Ghi chú trong khung: số liệu tạm tính." }.count, 1)
    }

    func testLegacyFontRunsAreRecognisedAndDecodedThroughTheAnalyser() throws {
        XCTAssertEqual(LegacyFontText.encoding(ofFont: ".VnTime")?.encoding, .tcvn3)
        XCTAssertEqual(LegacyFontText.encoding(ofFont: ".VnTimeH")?.capitals, true)
        XCTAssertEqual(LegacyFontText.encoding(ofFont: "VNI-Times")?.encoding, .vni)
        XCTAssertNil(LegacyFontText.encoding(ofFont: "Times New Roman"))
        let document = try Fixture.read("tcvn3-vntime.docx")
        let stored = try XCTUnwrap(FileManager.default.contents(atPath: Fixture.path("tcvn3-vntime.bytes")))
        XCTAssertEqual(document.blocks.last?.text, "Dòng gõ bằng Unicode giữ nguyên.")
        // The runs come out as Unicode through the analyser's TCVN3 codec (capitals for .VnTimeH).
        let decoded = try TextDecoder.decode([UInt8](stored), encoding: .tcvn3)
        XCTAssertEqual(document.blocks[0].text, "BÁO CÁO KẾT QUẢ HOẠT ĐỘNG CÔNG ĐOÀN")
        XCTAssertEqual(document.blocks[1].text, decoded.text)
        XCTAssertEqual(document.blocks[1].text, "Đoàn viên tham gia đầy đủ các buổi sinh hoạt.")
        XCTAssertTrue(document.warnings.isEmpty)
    }
}
