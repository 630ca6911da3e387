import ComplianceEngine
import RuleModel
import XCTest

/// Mistakes in check definitions are load errors located at file:line:col, with what is expected.
final class CheckDefinitionTests: XCTestCase {
    private func compile(check: String) throws {
        let yaml = """
        id: thu
        title: Thử
        directive: {issuer: TLĐ, title: Kế hoạch, clauses: {d1: "nêu nguyên nhân"}}
        concepts:
          nguyen-nhan: {phrases: [nguyên nhân]}
          nguyen-do: {phrases: [nguyên do]}
        requirements:
          - id: nguyen-nhan
            title: Nêu nguyên nhân
            clause: d1
            check: \(check)
            messages: {missing: Thiếu.}
            examples: {pass: [a], fail: [b]}
        """
        let pack = try StrictYAMLDecoder(file: "Rules/thu.yaml", yaml: yaml).decode(Pack.self)
        let resolved = try ResolvedPack(pack, file: "Rules/thu.yaml")
        _ = try CompiledPack(resolved)
    }

    private func expect(_ check: String, line: Int = 11, containing text: String, file: StaticString = #filePath, sourceLine: UInt = #line) {
        XCTAssertThrowsError(try compile(check: check), file: file, line: sourceLine) { error in
            guard let error = error as? RuleError else { return XCTFail("\(error)", file: file, line: sourceLine) }
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: sourceLine)
            XCTAssertTrue(error.message.contains(text), error.message, file: file, line: sourceLine)
            XCTAssertTrue(error.description.hasPrefix("Rules/thu.yaml:\(line):"), error.description, file: file, line: sourceLine)
        }
    }

    func testValidCheckCompiles() throws {
        XCTAssertNoThrow(try compile(check: "{kind: mention, concept: nguyen-nhan}"))
    }

    func testUnknownKind() { expect("{kind: mentions, concept: nguyen-nhan}", containing: "unknown check kind 'mentions'") }
    func testMissingKind() { expect("{concept: nguyen-nhan}", containing: "needs 'kind:'") }
    func testUnknownConceptSuggestsNear() { expect("{kind: mention, concept: nguyen-nhanh}", containing: "did you mean nguyen-do, nguyen-nhan") }
    func testUnknownKeyInsideACheck() { expect("{kind: mention, concept: nguyen-nhan, toi-thieu: 2}", containing: "unknown key 'toi-thieu'") }
    func testWrongTypeInsideACheck() { expect("{kind: mention, concept: nguyen-nhan, min: hai}", containing: "expected a whole number") }
    func testQualifierNeedAboveCount() { expect("{kind: mention, concept: nguyen-nhan, qualifiers: [nguyen-do], need: 2}", containing: "more qualifiers") }
    func testCoverageThresholds() { expect("{kind: coverage, met: 3, items: [{id: a, concept: nguyen-nhan}]}", containing: "thresholds") }
    func testCoverageItemWithoutPhrases() { expect("{kind: coverage, items: [{id: a}]}", containing: "needs 'concept:' or 'phrases:'") }
    func testUnknownMeasure() { expect("{kind: metric, measure: do-dai, max: 3}", containing: "unknown measure 'do-dai'") }
    func testBadDate() { expect("{kind: date, on-or-before: 25/11/2020}", containing: "write it as YYYY-MM-DD") }
    func testUnknownScope() { expect("{kind: mention, concept: nguyen-nhan, scope: chuong}", containing: "unknown scope 'chuong'") }
    func testUnknownFormatElement() { expect("{kind: format, element: con-dau}", containing: "unknown element 'con-dau'") }
}
