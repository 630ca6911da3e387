// DocumentReadersTests: HTML comments. Taken out of text and Markdown reports, kept with their places.
import XCTest
@testable import DocumentReaders
import VietnameseText

final class MarkupCommentTests: XCTestCase {
    private func read(_ text: String, format: DocumentFormat = .md) throws -> Document {
        try DocumentReaders.read(bytes: Array(text.utf8), format: format, path: "bao-cao.\(format.rawValue)")
    }

    func testCommentsAreNotReportText() throws {
        let document = try read("""
            # I. KẾT QUẢ ĐẠT ĐƯỢC
            <!-- soatxet-disable-next-line van-phong-am-tiet-sai -- tên riêng của xã -->
            Kết nạp 845 đoàn viên mới, đạt 105% chỉ tiêu.

            <!-- ghi chú của người soạn:
                 số liệu lấy theo báo cáo quý III -->
            Thành lập 12 công đoàn cơ sở <!-- cần kiểm tra lại --> ở doanh nghiệp ngoài nhà nước.
            """)
        let text = document.blocks.map(\.text).joined(separator: "\n")
        XCTAssertFalse(text.contains("soatxet"), text)
        XCTAssertFalse(text.contains("ghi chú"), text)
        XCTAssertFalse(text.contains("<!--"), text)
        XCTAssertTrue(document.blocks.contains { $0.text == "Thành lập 12 công đoàn cơ sở ở doanh nghiệp ngoài nhà nước." },
                      document.blocks.map(\.text).description)
        let comments = document.metadata.markupComments
        XCTAssertEqual(comments.map(\.text), [
            "soatxet-disable-next-line van-phong-am-tiet-sai -- tên riêng của xã",
            "ghi chú của người soạn:\n     số liệu lấy theo báo cáo quý III",
            "cần kiểm tra lại",
        ])
        XCTAssertEqual(comments[0].start, SourceLocation(line: 2, column: 1))
        XCTAssertEqual(comments[0].nextContentLine, 3)
        XCTAssertEqual(comments[1].start.line, 5)
        XCTAssertEqual(comments[1].end.line, 6)
        XCTAssertEqual(comments[1].nextContentLine, 7)
        XCTAssertEqual(comments[2].start, SourceLocation(line: 7, column: 30))
    }

    func testPlacesAfterACommentDoNotMove() throws {
        let document = try read("Công đoàn <!-- chú thích có dấu: đoàn viên --> tổ chức hội nghị người lao động.\n", format: .txt)
        let block = try XCTUnwrap(document.blocks.first)
        XCTAssertEqual(block.text, "Công đoàn tổ chức hội nghị người lao động.")
        let byte = "Công đoàn ".utf8.count
        // "tổ" is the 48th character of the source line.
        XCTAssertEqual(block.location(atByte: byte), .text(SourceLocation(line: 1, column: 48)))
    }

    func testAnUnclosedCommentStaysText() throws {
        let document = try read("Công đoàn cơ sở <!-- chưa đóng\ntiếp tục hoạt động.\n", format: .txt)
        XCTAssertTrue(document.metadata.markupComments.isEmpty)
        XCTAssertTrue(document.blocks.map(\.text).joined().contains("<!--"))
    }

    func testWordCommentsKeepWhereTheirRangeEnds() throws {
        let scratch = try Scratch()
        let body = paragraph("Báo cáo sơ kết") + "<w:p><w:commentRangeStart w:id=\"3\"/><w:r><w:t>Kết nạp 15 đoàn viên.</w:t></w:r></w:p>"
            + "<w:p><w:r><w:t>Thành lập 2 CĐCS.</w:t></w:r><w:commentRangeEnd w:id=\"3\"/></w:p>"
        let comments = """
            <?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:comment w:id="3" w:author="Hoa"><w:p><w:r><w:t>soatxet-disable van-phong-viet-tat -- tên viết tắt chính thức</w:t></w:r></w:p></w:comment></w:comments>
            """
        let path = try scratch.zip("binh-luan.docx", minimalDocx(body: body) + [("word/comments.xml", Array(comments.utf8))])
        let comment = try XCTUnwrap(try DocumentReaders.read(path: path).metadata.comments.first)
        XCTAssertEqual(comment.anchor?.paragraph, 1)
        XCTAssertEqual(comment.end?.paragraph, 2)
        XCTAssertEqual(comment.text, "soatxet-disable van-phong-viet-tat -- tên viết tắt chính thức")
    }
}
