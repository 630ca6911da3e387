import ComplianceEngine
import Foundation
@testable import ReviewServer
import VietnameseText
import XCTest

final class ServerPartsTests: XCTestCase {
    func testMultipartKeepsFileNamesFieldsAndBinaryBytes() throws {
        let word = Data([0x50, 0x4B, 0x03, 0x04, 0x0D, 0x0A, 0x2D, 0x2D, 0x00, 0xFF])
        var body = Data("--XyZ\r\nContent-Disposition: form-data; name=\"pack\"\r\n\r\ntld-so-ket-dh-ix\r\n".utf8)
        body += Data("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"báo cáo Đà Nẵng.docx\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        body += word + Data("\r\n--XyZ--\r\n".utf8)
        let parts = try Multipart.parse(body, boundary: try XCTUnwrap(Multipart.boundary(contentType: "multipart/form-data; boundary=\"XyZ\"")))
        XCTAssertEqual(parts.count, 2)
        XCTAssertEqual(parts[0].name, "pack")
        XCTAssertNil(parts[0].filename)
        XCTAssertEqual(parts[0].text, "tld-so-ket-dh-ix")
        XCTAssertEqual(parts[1].filename, "báo cáo Đà Nẵng.docx")
        XCTAssertEqual(parts[1].data, word, "a CRLF and dashes inside the file are kept")
        XCTAssertThrowsError(try Multipart.parse(Data("không phải multipart".utf8), boundary: "XyZ"))
        XCTAssertNil(Multipart.boundary(contentType: "application/json"))
    }

    func testSizesAndLoopbackRules() {
        XCTAssertEqual(ServerOptions.parseSize("20MB"), 20 * 1_048_576)
        XCTAssertEqual(ServerOptions.parseSize("512kb"), 512 * 1024)
        XCTAssertEqual(ServerOptions.parseSize("1000"), 1000)
        XCTAssertNil(ServerOptions.parseSize("nhiều"))
        XCTAssertNil(ServerOptions.parseSize("-5MB"))
        XCTAssertNoThrow(try ServerOptions(host: "127.0.0.1").validate())
        XCTAssertNoThrow(try ServerOptions(host: "::1").validate())
        XCTAssertThrowsError(try ServerOptions(host: "0.0.0.0").validate()) { error in
            XCTAssertEqual(error as? ServerOptionsError, .tokenRequired(host: "0.0.0.0"))
            XCTAssertTrue((error as? ServerOptionsError)?.message(language: "vi").contains("--token") == true)
        }
        XCTAssertThrowsError(try ServerOptions(host: "0.0.0.0", token: "ngan").validate())
        XCTAssertNoThrow(try ServerOptions(host: "0.0.0.0", token: "mat-khau-dai-du").validate())
    }

    func testUploadNamesAreMadeSafe() throws {
        XCTAssertEqual(try CheckService.safeName("../../etc/bao-cao.txt"), "bao-cao.txt")
        XCTAssertEqual(try CheckService.safeName("C:\\Users\\Lan\\Báo cáo sơ kết.docx"), "Báo cáo sơ kết.docx")
        XCTAssertEqual(try CheckService.safeName("..bao-cao.md"), "bao-cao.md")
        XCTAssertThrowsError(try CheckService.safeName("script.sh"))
        XCTAssertThrowsError(try CheckService.safeName(".txt"))
        XCTAssertThrowsError(try CheckService.safeName(""))
    }

    func testMarkedTextIsEscapedAndMarksTheSpan() {
        let text = "Dòng một <b>in đậm</b>\nCông đoàn cơ sở & người lao động"
        let finding = Finding(rule: "thu", severity: .warning, message: "Chú ý \"<i>\"",
                              start: .init(line: 2, column: 11), end: .init(line: 2, column: 15), excerpt: "cơ sở")
        let html = Pages.marked(text, findings: [finding], slug: "bc")
        XCTAssertTrue(html.contains("&lt;b&gt;in đậm&lt;/b&gt;"))
        XCTAssertTrue(html.contains("&amp; người"))
        XCTAssertTrue(html.contains("title=\"Chú ý &quot;&lt;i&gt;&quot;\">cơ sở</a>"), html)
        XCTAssertFalse(html.contains("<b>"))
    }
}
