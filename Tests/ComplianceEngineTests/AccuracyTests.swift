import ComplianceEngine
import RuleModel
import XCTest

/// The packs agree with the strict reviewer's labels of the corpus: met/not-met agreement at least
/// 95% overall and 90% for every requirement, and every variant of a report (other encodings, Word)
/// gets the statuses of its .txt.
final class AccuracyTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testPacksAgreeWithTheLabelledCorpus() throws {
        let library = PackLibrary(folders: [Self.root.appendingPathComponent("Rules").path])
        var total = 0, agreed = 0
        var packs = 0
        for id in library.availableIDs() {
            let folder = Self.root.appendingPathComponent("Corpus/\(id)").path
            guard FileManager.default.fileExists(atPath: folder) else { continue }
            packs += 1
            let evaluation = try CorpusEvaluation.evaluate(try Checker(pack: try library.resolve(id)), folder: folder)
            XCTAssertEqual(evaluation.errors, [], id)
            XCTAssertGreaterThanOrEqual(evaluation.requirements.first?.total ?? 0, 15, "\(id): at least 15 labelled reports")
            total += evaluation.total
            agreed += evaluation.metAgreement
            for row in evaluation.requirements {
                XCTAssertGreaterThanOrEqual(Double(row.metAgreement) / Double(max(1, row.total)), 0.9,
                                            "\(id) \(row.id): \(row.metAgreement)/\(row.total)")
            }
            for mismatch in evaluation.variantMismatches {
                XCTFail("\(mismatch.file) \(mismatch.requirement): \(mismatch.variant.rawValue), its .txt \(mismatch.txt.rawValue)")
            }
        }
        XCTAssertEqual(packs, 4, "the four directive packs have corpora")
        XCTAssertGreaterThanOrEqual(Double(agreed) / Double(max(1, total)), 0.95, "overall \(agreed)/\(total)")
    }
}
