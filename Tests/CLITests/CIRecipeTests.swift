import Foundation
import XCTest

/// The commands docs/ci.md and .pre-commit-hooks.yaml give, run as written on a folder of reports.
final class CIRecipeTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-ci-\(UUID().uuidString)")
        let reports = folder.appendingPathComponent("bao-cao")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        for name in ["mau-ldld-tinh.txt", "cd-gtvt-bien-nien-ke-le.txt", "mau-ldld-tinh.docx"] {
            try FileManager.default.copyItem(
                at: Soatxet.root.appendingPathComponent("Corpus/tld-so-ket-dh-ix/\(name)"),
                to: reports.appendingPathComponent(name.replacingOccurrences(of: "mau-ldld-tinh.docx", with: "ninh-binh.docx")))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    /// The `soatxet ...` command lines of docs/ci.md's code blocks.
    private func recipes() throws -> [[String]] {
        let text = try String(contentsOf: Soatxet.root.appendingPathComponent("docs/ci.md"), encoding: .utf8)
        return text.split(separator: "\n").compactMap { line -> [String]? in
            guard let start = line.range(of: "soatxet check") else { return nil }
            var command = String(line[start.lowerBound...])
            if let end = command.range(of: " || true") { command = String(command[..<end.lowerBound]) }
            return command.split(separator: " ").map(String.init)
        }
    }

    func testEveryCommandOfTheCIRecipesRuns() throws {
        let commands = try recipes()
        XCTAssertGreaterThanOrEqual(commands.count, 5)
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "bao cao"])
        try git(["branch", "-q", "-f", "origin/main"])
        for command in commands {
            let output = try Soatxet.run(Array(command.dropFirst()), directory: folder)
            XCTAssertTrue([0, 1].contains(output.status), "\(command.joined(separator: " ")): \(output.status) \(output.stderr)")
        }
        let sarif = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("soatxet.sarif"))) as? [String: Any]
        XCTAssertEqual(sarif?["version"] as? String, "2.1.0")
        let junit = try String(contentsOf: folder.appendingPathComponent("soatxet-junit.xml"), encoding: .utf8)
        XCTAssertTrue(junit.contains("<testsuites"))
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".soatxet-baseline.json").path))
    }

    func testThePreCommitHookEntryChecksAReport() throws {
        let hooks = try String(contentsOf: Soatxet.root.appendingPathComponent(".pre-commit-hooks.yaml"), encoding: .utf8)
        let entry = try XCTUnwrap(hooks.split(separator: "\n").first { $0.contains("entry:") })
            .split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
        XCTAssertEqual(entry.first, "soatxet")
        let good = try Soatxet.run(Array(entry.dropFirst()) + ["bao-cao/mau-ldld-tinh.txt"], directory: folder)
        XCTAssertEqual(good.status, 0, good.stdout)
        let bad = try Soatxet.run(Array(entry.dropFirst()) + ["bao-cao/cd-gtvt-bien-nien-ke-le.txt"], directory: folder)
        XCTAssertEqual(bad.status, 1, "a failing report stops the commit")
    }

    func testTheManualPageCoversEverySubcommand() throws {
        let manual = try String(contentsOf: Soatxet.root.appendingPathComponent("docs/man/soatxet.1"), encoding: .utf8)
        let help = try Soatxet.run(["--help"])
        for subcommand in ["check", "analyze", "rules", "review", "annotate", "init"] {
            XCTAssertTrue(help.stdout.contains(subcommand), subcommand)
            XCTAssertTrue(manual.contains("Em \(subcommand)"), "docs/man/soatxet.1 is out of date; regenerate it with make man")
        }
    }

    private func git(_ arguments: [String]) throws { try Soatxet.git(arguments, in: folder) }
}
