// ReportersTests: JSON. The document-at-a-time, group-parallel encoding gives the bytes of encoding the run whole.
import ComplianceEngine
import Foundation
@testable import Reporters
import XCTest

final class JSONReporterTests: XCTestCase {
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
