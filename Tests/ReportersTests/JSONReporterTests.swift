// ReportersTests: JSON. The directly written, group-parallel JSON gives the bytes of JSONEncoder encoding the run whole.
import ComplianceEngine
import Foundation
@testable import Reporters
import SeededRandom
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

    /// Strings of every character JSON escapes, or might (controls, quotes, backslash, slash, DEL,
    /// the line and paragraph separators), numbers of every shape, optional members present and
    /// absent: the bytes are JSONEncoder's.
    func testHostileStringsAndNumbersAreWrittenAsJSONEncoderWritesThem() throws {
        let characters = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }
            + ["\"", "\\", "/", "\u{7F}", "\u{2028}", "\u{2029}", "\u{FEFF}", "ộ", "o\u{302}\u{323}", "😀", "a", " ", "\u{A0}"]
        let numbers: [Double] = [0, -0.0, 1, 2, 0.5, 0.96, 0.1 + 0.2, 1e16, 1.5e-7, 123_456_789_012.5, 100, 1.0 / 3]
        var random = SeededRandom(seed: 42)
        let enums: Set = ["severity", "status", "verdict"]
        let doubles: Set = ["score", "weight", "confidence", "narrativeShare", "figuresPerThousand"]
        let optional: Set = ["issuingBody", "item", "suggestion"]
        func scramble(_ value: Any, key: String?) -> Any? {
            switch value {
            case let object as [String: Any]:
                var scrambled: [String: Any] = [:]
                for (key, value) in object {
                    if optional.contains(key), random.next(2) == 0 { continue }
                    scrambled[key] = scramble(value, key: key)
                }
                for key in optional where scrambled[key] == nil && random.next(2) == 0 && (object["line"] != nil || object["pack"] != nil) {
                    scrambled[key] = (0..<random.next(12)).map { _ in random.pick(characters) }.joined()
                }
                return scrambled
            case let array as [Any]:
                return array.compactMap { scramble($0, key: key) }
            case is String where !enums.contains(key ?? ""):
                return (0..<random.next(12)).map { _ in random.pick(characters) }.joined()
            case is NSNumber where doubles.contains(key ?? ""):
                return random.pick(numbers) * (random.next(2) == 0 ? 1 : 1 + Double(random.next(1000)) / 7)
            default:
                return value
            }
        }
        let plain = JSONEncoder()
        let original = try JSONSerialization.jsonObject(with: plain.encode(CorpusRun.all))
        for _ in 0..<40 {
            let scrambled = try XCTUnwrap(scramble(original, key: nil))
            let run = try JSONDecoder().decode(RunResult.self, from: JSONSerialization.data(withJSONObject: scrambled))
            XCTAssertEqual(try JSONReporter.report(run, context: CorpusRun.context()), try wholeEncoding(run))
        }
    }

    /// NaN and the infinities have no JSON: the report throws, as the encoder does.
    func testANumberJSONCannotHoldThrows() throws {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(CorpusRun.all)) as? [String: Any])
        var documents = try XCTUnwrap(object["documents"] as? [[String: Any]])
        for value in ["nan", "inf", "-inf"] {
            documents[0]["score"] = value
            object["documents"] = documents
            let run = try decoder.decode(RunResult.self, from: JSONSerialization.data(withJSONObject: object))
            XCTAssertThrowsError(try wholeEncoding(run))
            XCTAssertThrowsError(try JSONReporter.report(run, context: CorpusRun.context())) { error in
                XCTAssertTrue(error is EncodingError, "\(error)")
            }
        }
    }
}
