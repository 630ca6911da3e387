// DocumentReadersTests: the model. Section tree, block locations, scope names.
import XCTest
import VietnameseText
@testable import DocumentReaders

final class DocumentTests: XCTestCase {
    func testDumpFixtures() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
        for name in ["bao-cao-so-ket.txt", "bao-cao-so-ket.md", "bao-cao-so-ket.docx", "bao-cao-so-ket.odt", "bao-cao-so-ket.doc", "bao-cao-so-ket.pdf", "tinh-nang-word.docx", "tinh-nang-word.odt", "tcvn3-vntime.docx"] {
            print("=== \(name)")
            do {
                let document = try DocumentReaders.read(path: dir.appendingPathComponent(name).path)
                for block in document.blocks { print("\(block.scope) @\(block.location) | \(block.text.debugDescription)") }
                print("headers:", document.metadata.headers.map(\.text), "footers:", document.metadata.footers.map(\.text))
                print("notes:", document.metadata.notes, "comments:", document.metadata.comments, "warnings:", document.warnings)
            } catch { print("ERROR", error) }
        }
    }
}
