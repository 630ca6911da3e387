import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// `soatxet check --format … --output …` end to end, on corpus reports.
final class FormatCommandTests: XCTestCase {
    let chronicle = "Corpus/tld-so-ket-dh-ix/cd-gtvt-bien-nien-ke-le.txt"
    let sample = "Corpus/tld-so-ket-dh-ix/mau-ldld-tinh.txt"

    private func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
        return folder
    }

    func testEveryFormatKeepsTheExitCodes() throws {
        for format in ["text", "json", "sarif", "junit", "github", "checkstyle", "markdown", "rdjson"] {
            let failing = try Soatxet.run(["check", "--format", format, chronicle])
            XCTAssertEqual(failing.status, 1, "\(format): \(failing.stderr)")
            XCTAssertEqual(failing.stderr, "", format)
            XCTAssertFalse(failing.stdout.isEmpty, format)
            XCTAssertEqual(try Soatxet.run(["check", "--format", format, sample]).status, 0, format)
        }
    }

    func testMachineFormatsParse() throws {
        let sarif = try Soatxet.run(["check", "--format", "sarif", chronicle, sample])
        let run = try XCTUnwrap(((sarif.json as? [String: Any])?["runs"] as? [[String: Any]])?.first)
        let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["version"] as? String, "0.1.0")
        XCTAssertTrue((driver["rules"] as? [[String: Any]])?.contains { $0["id"] as? String == "khong-ke-le" } == true)
        XCTAssertGreaterThan((run["results"] as? [Any])?.count ?? 0, 5)

        let rdjson = try Soatxet.run(["check", "--format", "rdjson", chronicle])
        XCTAssertGreaterThan(((rdjson.json as? [String: Any])?["diagnostics"] as? [Any])?.count ?? 0, 5)

        for (format, root) in [("junit", "testsuites"), ("checkstyle", "checkstyle")] {
            let output = try Soatxet.run(["check", "--format", format, chronicle, sample])
            let document = try XMLDocument(data: Data(output.stdout.utf8), options: [])
            XCTAssertEqual(document.rootElement()?.name, root, format)
        }
        let junit = try XMLDocument(data: Data(try Soatxet.run(["check", "--format", "junit", chronicle]).stdout.utf8), options: [])
        let results = try XCTUnwrap(((try Soatxet.run(["check", "--format", "json", chronicle]).json as? [String: Any])?["documents"] as? [[String: Any]])?.first)
        let unmet = (results["requirements"] as? [[String: Any]])?.filter { $0["status"] as? String != "met" }.count ?? 0
        XCTAssertGreaterThan(unmet, 3)
        XCTAssertEqual(try junit.nodes(forXPath: "/testsuites/testsuite/testcase/failure").count, unmet)

        let github = try Soatxet.run(["check", "--format", "github", chronicle])
        XCTAssertTrue(github.stdout.contains("::error file=\(chronicle),line=10,col=1,"), github.stdout)
        let markdown = try Soatxet.run(["check", "--format", "markdown", "--lang", "en", chronicle])
        XCTAssertNotNil(markdown.stdout.range(of: "### \(chronicle) — ❌ NOT YET — score [0-9.]+/100", options: .regularExpression), markdown.stdout)
    }

    func testOutputGoesToTheFileInstead() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("soatxet.sarif")
        try "cũ\n".write(to: file, atomically: false, encoding: .utf8)
        let output = try Soatxet.run(["check", "--format", "sarif", "--output", file.path, chronicle])
        XCTAssertEqual(output.status, 1, output.stderr)
        XCTAssertEqual(output.stdout, "")
        let written = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(written, try Soatxet.run(["check", "--format", "sarif", chronicle]).stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["soatxet.sarif"], "no temporary file is left")
    }

    func testAnOutputInAMissingFolderIsAnErrorAndLeavesNothing() throws {
        let folder = try temporaryFolder()
        let file = folder.appendingPathComponent("khong-co/ket-qua.xml").path
        let output = try Soatxet.run(["check", "--format", "junit", "--output", file, sample])
        XCTAssertEqual(output.status, 2)
        XCTAssertEqual(output.stdout, "")
        XCTAssertTrue(output.stderr.contains("không ghi được tệp kết quả '\(file)'"), output.stderr)
        XCTAssertTrue(output.stderr.contains("không tồn tại"), output.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
        let english = try Soatxet.run(["check", "--format", "junit", "--output", file, "--lang", "en", sample])
        XCTAssertEqual(english.status, 2)
        XCTAssertTrue(english.stderr.contains("cannot write the output '\(file)'"), english.stderr)
    }

    func testUnreadableInputsAreInTheFormatAndExitTwo() throws {
        let output = try Soatxet.run(["check", "--format", "checkstyle", "khong-co.docx", sample])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stdout.contains("<file name=\"khong-co.docx\">"), output.stdout)
        XCTAssertTrue(output.stdout.contains("<file name=\"\(sample)\">"))
    }
}
