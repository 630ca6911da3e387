// ReportersTests: JSON. The document-at-a-time, group-parallel encoding gives the bytes of encoding the run whole.
import ComplianceEngine
import Foundation
@testable import Reporters
import SeededRandom
import XCTest

final class JSONReporterTests: XCTestCase {
    /// Each document's JSON, indented line by line, is the JSON with four spaces before every line
    /// but an empty one, and a line break at the end.
    func testIndentingAgreesWithALookAtEveryByte() {
        let pieces = ["\n", "\n\n", "{", "\"a\" : 1", "  ", "ộ", "[", "]", "x"]
        var random = SeededRandom(seed: 9)
        for _ in 0..<2_000 {
            let text = (0..<random.next(30)).map { _ in random.pick(pieces) }.joined()
            var expected: [UInt8] = []
            var lineStart = true
            for byte in text.utf8 {
                if lineStart && byte != 0x0A { expected += Array("    ".utf8) }
                expected.append(byte)
                lineStart = byte == 0x0A
            }
            if !lineStart { expected.append(0x0A) }
            XCTAssertEqual(JSONReporter.indented(Data(text.utf8)), expected, text.debugDescription)
        }
    }

    private func wholeEncoding(_ run: RunResult) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(run), as: UTF8.self) + "\n"
    }

    func testSplicedDocumentsEqualTheWholeRunEncoded() throws {
        var run = CorpusRun.all
        run.errors = [InputError(path: "hong.docx", message: "tệp .docx hỏng: thiếu word/document.xml")]
        for candidate in [run, CorpusRun.run([CorpusRun.chronicle]), RunResult(documents: [], errors: run.errors)] {
            XCTAssertEqual(try JSONReporter.report(candidate, context: CorpusRun.context()), try wholeEncoding(candidate))
        }
        XCTAssertGreaterThan(run.documents.count, 3)
    }

    /// More documents than one group encoded in parallel: groups are joined in order, with commas.
    func testManyDocumentsEncodedInGroupsEqualTheWholeRunEncoded() throws {
        let documents = CorpusRun.all.documents
        var many = RunResult(documents: [], errors: [])
        while many.documents.count <= 16 * Batch.defaultWorkers * 2 + 3 { many.documents += documents }
        XCTAssertEqual(try JSONReporter.report(many, context: CorpusRun.context()), try wholeEncoding(many))
    }
}
