// DocumentReadersTests: support. Paths of the committed fixtures and scratch files for hostile cases.
import Foundation
import XCTest
@testable import DocumentReaders
import ZIPFoundation

enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func read(_ name: String) throws -> Document { try DocumentReaders.read(path: path(name)) }
}

/// A scratch directory removed at the end of the test.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-readers-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        try Data(bytes).write(to: url.appendingPathComponent(name))
        return path(name)
    }

    /// Writes a ZIP with the given entries (name, bytes), deflated.
    @discardableResult
    func zip(_ name: String, _ entries: [(String, [UInt8])]) throws -> String {
        let archive = try Archive(url: url.appendingPathComponent(name), accessMode: .create)
        for (entry, bytes) in entries {
            let data = Data(bytes)
            try archive.addEntry(with: entry, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path(name)
    }
}

/// The smallest Word package around a document.xml body.
func minimalDocx(body: String) -> [(String, [UInt8])] {
    let document = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>\(body)</w:body></w:document>
        """
    return [
        ("[Content_Types].xml", Array("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
        ("word/document.xml", Array(document.utf8)),
    ]
}

func paragraph(_ text: String) -> String { "<w:p><w:r><w:t xml:space=\"preserve\">\(text)</w:t></w:r></w:p>" }

/// Asserts that `body` throws a ReadError whose cause matches.
func XCTAssertReadError(
    _ body: @autoclosure () throws -> Document, file: StaticString = #filePath, line: UInt = #line,
    _ check: (ReadError.Cause) -> Bool
) {
    do {
        let document = try body()
        XCTFail("read \(document.path) instead of failing", file: file, line: line)
    } catch let error as ReadError {
        XCTAssertTrue(check(error.cause), "unexpected cause: \(error)", file: file, line: line)
    } catch {
        XCTFail("not a ReadError: \(error)", file: file, line: line)
    }
}
