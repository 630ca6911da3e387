import XCTest
@testable import DocumentReaders

final class DocumentTests: XCTestCase {
    func testDocumentKeepsItsPath() {
        XCTAssertEqual(Document(path: "bao-cao.docx").path, "bao-cao.docx")
    }
}
