// DocumentReadersTests: XML. The pull parser reads what Office parts hold and refuses declarations.
import XCTest
@testable import DocumentReaders

final class XMLPullParserTests: XCTestCase {
    private func events(_ xml: String) throws -> [String] {
        var parser = XMLPullParser(bytes: Array(xml.utf8))
        var result: [String] = []
        while true {
            switch try parser.next() {
            case .eof: return result
            case .start: result.append("<\(parser.name)\(parser.attribute("w:val").map { " \($0)" } ?? "")>")
            case .end: result.append("</\(parser.name)>")
            case .text: result.append(parser.text)
            }
        }
    }

    func testElementsAttributesEntitiesAndCDATA() throws {
        let xml = "<?xml version=\"1.0\"?><!-- ghi chú --><w:p><w:pStyle w:val=\"Tiêu &amp; đề\"/><w:t>L&#272;L&#x110; &lt;huyện&gt;</w:t><![CDATA[a<b]]></w:p>"
        XCTAssertEqual(try events(xml), ["<w:p>", "<w:pStyle Tiêu & đề>", "</w:pStyle>", "<w:t>", "LĐLĐ <huyện>", "</w:t>", "a<b", "</w:p>"])
    }

    func testMalformedInputIsRefused() {
        XCTAssertThrowsError(try events("<w:p><w:t>chưa đóng</w:p>"))
        XCTAssertThrowsError(try events("<w:p><w:t>cắt ngang"))
        XCTAssertThrowsError(try events("<w:p>&nbsp;</w:p>"))
        XCTAssertThrowsError(try events("<!DOCTYPE x [<!ENTITY e SYSTEM \"http://example.invalid/\">]><x>&e;</x>")) { error in
            XCTAssertEqual(error as? XMLParseError, .forbiddenDeclaration)
        }
    }
}
