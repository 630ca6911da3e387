import Foundation
import XCTest

/// The cache, --changed-since and the generated shell completions, on real corpus reports.
final class BatchCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-batch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in ["mau-ldld-tinh", "cd-gtvt-bien-nien-ke-le", "ldld-da-nang-khong-bai-hoc"] {
            try FileManager.default.copyItem(
                at: Soatxet.root.appendingPathComponent("Corpus/tld-so-ket-dh-ix/\(name).txt"),
                to: folder.appendingPathComponent("\(name).txt"))
        }
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func run(_ arguments: [String]) throws -> Soatxet.Output {
        try Soatxet.run(arguments, directory: folder)
    }

    func testTheCacheReusesResultsOfUnchangedReportsOnly() throws {
        let first = try run(["check", "--cache", "--format", "json", "."])
        XCTAssertTrue(first.stderr.contains("0 báo cáo không đổi, 3 báo cáo kiểm tra lại"), first.stderr)
        let second = try run(["check", "--cache", "--format", "json", "."])
        XCTAssertTrue(second.stderr.contains("3 báo cáo không đổi, 0 báo cáo kiểm tra lại"), second.stderr)
        XCTAssertEqual(second.stdout, first.stdout, "a cached result is the result")
        XCTAssertEqual(second.status, first.status)
        let edited = folder.appendingPathComponent("mau-ldld-tinh.txt")
        try (try String(contentsOf: edited, encoding: .utf8) + "\nKhông có kiến nghị.\n").write(to: edited, atomically: true, encoding: .utf8)
        let third = try run(["check", "--cache", "--format", "json", "."])
        XCTAssertTrue(third.stderr.contains("2 báo cáo không đổi, 1 báo cáo kiểm tra lại"), third.stderr)
        let english = try run(["check", "--cache", "--lang", "en", "."])
        XCTAssertTrue(english.stderr.contains("0 unchanged reports, 3 checked again"), "another language is another judge: \(english.stderr)")
    }

    func testAnEditedPackInvalidatesTheCache() throws {
        let pack = folder.appendingPathComponent("goi.yaml")
        let original = try String(contentsOf: Soatxet.root.appendingPathComponent("Rules/tld-so-ket-dh-ix.yaml"), encoding: .utf8)
        try original.replacingOccurrences(of: "id: tld-so-ket-dh-ix", with: "id: goi").write(to: pack, atomically: true, encoding: .utf8)
        _ = try run(["check", "--cache", "--pack", pack.path, "mau-ldld-tinh.txt"])
        try original.replacingOccurrences(of: "id: tld-so-ket-dh-ix", with: "id: goi").replacingOccurrences(of: "pass: 70", with: "pass: 90")
            .write(to: pack, atomically: true, encoding: .utf8)
        let again = try run(["check", "--cache", "--pack", pack.path, "mau-ldld-tinh.txt"])
        XCTAssertTrue(again.stderr.contains("0 báo cáo không đổi, 1 báo cáo kiểm tra lại"), again.stderr)
    }

    /// A pack that a configuration's `extends:` names by path is part of the judge: editing it
    /// invalidates the cache like editing the main pack.
    func testAnEditedExtendingPackGivenByPathInvalidatesTheCache() throws {
        let extra = folder.appendingPathComponent("them-quy-tac.yaml")
        let original = try String(contentsOf: Soatxet.root.appendingPathComponent("Rules/van-phong.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "id: van-phong", with: "id: them-quy-tac")
        try original.write(to: extra, atomically: true, encoding: .utf8)
        try "extends: [them-quy-tac.yaml]\n".write(to: folder.appendingPathComponent(".soatxet.yml"), atomically: true, encoding: .utf8)
        let first = try run(["check", "--cache", "mau-ldld-tinh.txt"])
        XCTAssertTrue(first.stderr.contains("0 báo cáo không đổi, 1 báo cáo kiểm tra lại"), first.stderr)
        let same = try run(["check", "--cache", "mau-ldld-tinh.txt"])
        XCTAssertTrue(same.stderr.contains("1 báo cáo không đổi, 0 báo cáo kiểm tra lại"), same.stderr)
        try original.replacingOccurrences(of: "title: Văn phong và chính tả báo cáo", with: "title: Văn phong báo cáo")
            .write(to: extra, atomically: true, encoding: .utf8)
        let edited = try run(["check", "--cache", "mau-ldld-tinh.txt"])
        XCTAssertTrue(edited.stderr.contains("0 báo cáo không đổi, 1 báo cáo kiểm tra lại"), edited.stderr)
    }

    private func git(_ arguments: [String]) throws { try Soatxet.git(arguments, in: folder) }

    func testChangedSinceChecksOnlyWhatGitSaysChanged() throws {
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "bao cao"])
        let edited = folder.appendingPathComponent("cd-gtvt-bien-nien-ke-le.txt")
        try (try String(contentsOf: edited, encoding: .utf8) + "\n").write(to: edited, atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(
            at: Soatxet.root.appendingPathComponent("Corpus/tld-so-ket-dh-ix/cdgd-khong-kien-nghi.txt"),
            to: folder.appendingPathComponent("moi.txt"))
        let output = try run(["check", "--changed-since", "HEAD", "--format", "json", "."])
        let documents = ((output.json as? [String: Any])?["documents"] as? [[String: Any]]) ?? []
        XCTAssertEqual(documents.compactMap { ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } },
                       ["cd-gtvt-bien-nien-ke-le.txt", "moi.txt"])
        let wrong = try run(["check", "--changed-since", "khong-co-nhanh", "."])
        XCTAssertEqual(wrong.status, 2)
        XCTAssertTrue(wrong.stderr.contains("--changed-since khong-co-nhanh"), wrong.stderr)
    }

    func testChangedSinceOutsideARepositoryIsAnError() throws {
        let output = try run(["check", "--changed-since", "HEAD", "."])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("git rev-parse"), output.stderr)
    }

    func testShellCompletionsAreGeneratedFromTheArguments() throws {
        for shell in ["bash", "zsh", "fish"] {
            let output = try run(["--generate-completion-script", shell])
            XCTAssertEqual(output.status, 0, shell)
            for word in ["check", "analyze", "rules", "review", "annotate", "changed-since"] {
                XCTAssertTrue(output.stdout.contains(word), "\(shell) completion lacks \(word)")
            }
        }
    }
}
