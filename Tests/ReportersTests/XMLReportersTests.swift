import ComplianceEngine
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Reporters
import XCTest

/// JUnit and Checkstyle XML on the sample corpus, read back with an XML parser and held to the shapes
/// CI tools expect.
final class XMLReportersTests: XCTestCase {
    private func parse(_ text: String) throws -> XMLElement {
        try XCTUnwrap(try XMLDocument(data: Data(text.utf8), options: []).rootElement())
    }

    private func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }

    private func children(_ element: XMLElement, _ name: String) -> [XMLElement] {
        element.elements(forName: name)
    }

    func testJUnitHasASuitePerReportAndACasePerRequirement() throws {
        let run = CorpusRun.all
        let root = try parse(try JUnitReporter.report(run, context: CorpusRun.context()))
        XCTAssertEqual(root.name, "testsuites")
        let suites = children(root, "testsuite")
        XCTAssertEqual(suites.count, run.documents.count + run.errors.count)
        var totals = (tests: 0, failures: 0, errors: 0)
        for (suite, document) in zip(suites, run.documents) {
            XCTAssertEqual(attribute(suite, "name"), document.path)
            let cases = children(suite, "testcase")
            let errorRules = Set(document.findings.filter { $0.severity == .error }.map(\.rule))
                .subtracting(document.requirements.map(\.id))
            XCTAssertEqual(cases.count, document.requirements.count + errorRules.count, document.path)
            XCTAssertEqual(Int(attribute(suite, "tests") ?? ""), cases.count)
            let failures = cases.filter { !children($0, "failure").isEmpty }
            XCTAssertEqual(Int(attribute(suite, "failures") ?? ""), failures.count)
            XCTAssertEqual(failures.count, document.requirements.filter { $0.status != .met }.count + errorRules.count)
            for (testcase, requirement) in zip(cases, document.requirements) {
                XCTAssertEqual(attribute(testcase, "name"), "\(requirement.title) [\(requirement.id)]")
                XCTAssertEqual(attribute(testcase, "classname"), document.pack)
                let failure = children(testcase, "failure").first
                XCTAssertEqual(failure == nil, requirement.status == .met, requirement.id)
                if let failure {
                    XCTAssertEqual(attribute(failure, "type"), requirement.status.rawValue)
                    XCTAssertFalse(attribute(failure, "message")?.isEmpty ?? true)
                    XCTAssertTrue(failure.stringValue?.contains("«\(requirement.clause)»") == true, requirement.id)
                }
            }
            let properties = children(try XCTUnwrap(children(suite, "properties").first), "property")
            XCTAssertEqual(properties.first { attribute($0, "name") == "verdict" }.flatMap { attribute($0, "value") }, document.verdict.rawValue)
            totals.tests += cases.count
            totals.failures += failures.count
        }
        let unreadable = try XCTUnwrap(suites.last)
        XCTAssertEqual(attribute(unreadable, "name"), "Corpus/tld-so-ket-dh-ix/khong-co.docx")
        XCTAssertEqual(attribute(unreadable, "errors"), "1")
        let error = try XCTUnwrap(children(try XCTUnwrap(children(unreadable, "testcase").first), "error").first)
        XCTAssertTrue(attribute(error, "message")?.contains("no such file") == true)
        XCTAssertEqual(Int(attribute(root, "tests") ?? ""), totals.tests + 1)
        XCTAssertEqual(Int(attribute(root, "failures") ?? ""), totals.failures)
        XCTAssertEqual(attribute(root, "errors"), "1")
    }

    func testJUnitMessageCarriesTheFindingOfTheChronicle() throws {
        let run = CorpusRun.run([CorpusRun.chronicle])
        let root = try parse(try JUnitReporter.report(run, context: CorpusRun.context(language: "en")))
        let cases = children(try XCTUnwrap(children(root, "testsuite").first), "testcase")
        let narration = try XCTUnwrap(cases.first { attribute($0, "name")?.hasSuffix("[khong-ke-le]") == true })
        let failure = try XCTUnwrap(children(narration, "failure").first)
        let finding = try XCTUnwrap(run.documents[0].findings.first { $0.rule == "khong-ke-le" })
        XCTAssertEqual(attribute(failure, "message"), finding.message)
        XCTAssertTrue(failure.stringValue?.contains("Status: missing") == true, failure.stringValue ?? "")
        XCTAssertTrue(failure.stringValue?.contains("\(CorpusRun.chronicle):10:1") == true, failure.stringValue ?? "")
    }

    func testCheckstyleHasAFilePerReportAndAnErrorPerFinding() throws {
        let run = CorpusRun.all
        let root = try parse(try CheckstyleReporter.report(run, context: CorpusRun.context()))
        XCTAssertEqual(root.name, "checkstyle")
        XCTAssertEqual(attribute(root, "version"), "4.3")
        let files = children(root, "file")
        XCTAssertEqual(files.count, run.documents.count + run.errors.count)
        for (file, document) in zip(files, run.documents) {
            XCTAssertEqual(attribute(file, "name"), document.path)
            let errors = children(file, "error")
            XCTAssertEqual(errors.count, document.findings.count, document.path)
            for (error, finding) in zip(errors, document.findings) {
                XCTAssertEqual(attribute(error, "line"), "\(finding.line)")
                XCTAssertEqual(attribute(error, "column"), "\(finding.column)")
                XCTAssertEqual(attribute(error, "severity"), finding.severity.rawValue)
                XCTAssertTrue(["error", "warning", "info"].contains(attribute(error, "severity") ?? ""))
                XCTAssertEqual(attribute(error, "source"), "soatxet.\(finding.rule)")
                XCTAssertTrue(attribute(error, "message")?.hasPrefix(finding.message) == true, "the message survives escaping")
            }
        }
        XCTAssertTrue(run.documents.contains { $0.findings.contains { $0.message.contains("\"") } }, "quotes are exercised")
        let unreadable = try XCTUnwrap(children(try XCTUnwrap(files.last), "error").first)
        XCTAssertEqual(attribute(unreadable, "source"), "soatxet.input")
        XCTAssertEqual(attribute(unreadable, "severity"), "error")
    }

    /// Markup and control characters in a path or message cannot break the XML.
    func testHostileTextStaysText() throws {
        let document = try CorpusRun.checker.check(text: "BÁO CÁO\nHoạtđộngcôngđoàn <b>&amp; \"x\"</b>\u{1}\n", path: "bao <cao> & \"moi\".txt")
        let run = RunResult(documents: [document], errors: [InputError(path: "a<b>.docx", message: "hỏng: <w:t> & \u{7}")])
        for reporter in [JUnitReporter.self, CheckstyleReporter.self] as [any Reporter.Type] {
            let root = try parse(try reporter.report(run, context: CorpusRun.context()))
            let names = (root.elements(forName: "testsuite") + root.elements(forName: "file")).compactMap { attribute($0, "name") }
            XCTAssertEqual(names, ["bao <cao> & \"moi\".txt", "a<b>.docx"], reporter.identifier)
        }
    }
}
