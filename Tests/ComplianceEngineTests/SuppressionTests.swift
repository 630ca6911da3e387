// ComplianceEngineTests: suppressions, baselines and the exit policy, on corpus reports and the bundled packs.
import ComplianceEngine
import DocumentReaders
import Foundation
import RuleModel
import XCTest

/// Reads and edits corpus reports, checks them with the bundled packs.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func lines(_ report: String) throws -> [String] {
        try String(contentsOf: root.appendingPathComponent("Corpus/\(report)"), encoding: .utf8)
            .components(separatedBy: "\n")
    }

    static func checker(_ pack: String = "tld-so-ket-dh-ix", options: EngineOptions = EngineOptions()) throws -> Checker {
        try Checker(pack: PackLibrary(folders: [root.appendingPathComponent("Rules").path]).resolve(pack), options: options)
    }

    /// Checks `lines` as a Markdown report.
    static func check(_ lines: [String], _ checker: Checker) throws -> DocumentResult {
        try checker.check(try DocumentReaders.read(bytes: Array(lines.joined(separator: "\n").utf8), format: .md, path: "bao-cao.md"))
    }
}

final class SuppressionTests: XCTestCase {
    /// ldld-nghe-an: "đ) Tham gia xây dựng Đảng…" on line 45 is flagged as an invalid syllable "đ".
    let ngheAn = "tld-so-ket-dh-ix/ldld-nghe-an-nguyen-nhan-chu-quan.txt"

    private func inserting(_ comment: String, before line: Int, in report: String? = nil) throws -> [String] {
        var lines = try Corpus.lines(report ?? ngheAn)
        lines.insert(comment, at: line - 1)
        return lines
    }

    func testDirectivesAreParsed() {
        let next = SuppressionSet.parse("soatxet-disable-next-line van-phong-am-tiet-sai, van-phong-viet-tat -- tên riêng")
        XCTAssertEqual(next?.kind, .disableNextLine)
        XCTAssertEqual(next?.rules, ["van-phong-am-tiet-sai", "van-phong-viet-tat"])
        XCTAssertEqual(next?.reason, "tên riêng")
        let all = SuppressionSet.parse("soatxet-disable")
        XCTAssertEqual(all?.rules, [])
        XCTAssertNil(all?.reason)
        XCTAssertEqual(SuppressionSet.parse("soatxet-enable van-phong-cau-dai")?.kind, .enable)
        XCTAssertNil(SuppressionSet.parse("ghi chú: soatxet-disable để sau"), "an ordinary comment is not a directive")
    }

    func testTheReportFlagsTheListMarker() throws {
        let result = try Corpus.check(try Corpus.lines(ngheAn), try Corpus.checker())
        XCTAssertEqual(result.findings.filter { $0.rule == "van-phong-am-tiet-sai" }.map(\.line), [45])
    }

    func testDisableNextLine() throws {
        let lines = try inserting("<!-- soatxet-disable-next-line van-phong-am-tiet-sai -- 'đ)' là ký hiệu mục -->", before: 45)
        let result = try Corpus.check(lines, try Corpus.checker())
        XCTAssertFalse(result.findings.contains { $0.rule == "van-phong-am-tiet-sai" }, "\(result.findings)")
        XCTAssertFalse(result.findings.contains { $0.rule.hasPrefix("soatxet-") }, "a used suppression with a reason is silent")
        XCTAssertFalse(result.findings.contains { $0.excerpt.contains("ký hiệu mục") }, "the comment is not report text")
    }

    func testRegionsCloseAtEnable() throws {
        var lines = try inserting("<!-- soatxet-disable van-phong-am-tiet-sai -- danh sách a) b) c) đ) -->", before: 44)
        lines.insert("<!-- soatxet-enable -->", at: 46)
        let result = try Corpus.check(lines, try Corpus.checker())
        XCTAssertFalse(result.findings.contains { $0.rule == "van-phong-am-tiet-sai" || $0.rule.hasPrefix("soatxet-") }, "\(result.findings)")
        // Closed before the flagged line: nothing suppressed, and that is reported.
        var early = try inserting("<!-- soatxet-disable van-phong-am-tiet-sai -- danh sách -->", before: 40)
        early.insert("<!-- soatxet-enable van-phong-am-tiet-sai -->", at: 41)
        let missed = try Corpus.check(early, try Corpus.checker())
        XCTAssertTrue(missed.findings.contains { $0.rule == "van-phong-am-tiet-sai" })
        let unused = try XCTUnwrap(missed.findings.first { $0.rule == SuppressionSet.unusedRule })
        XCTAssertEqual(unused.line, 40)
        XCTAssertEqual(unused.severity, .warning)
    }

    func testASuppressionWithoutReasonIsReportedButStillSuppresses() throws {
        let lines = try inserting("<!-- soatxet-disable-next-line van-phong-am-tiet-sai -->", before: 45)
        let result = try Corpus.check(lines, try Corpus.checker())
        XCTAssertFalse(result.findings.contains { $0.rule == "van-phong-am-tiet-sai" })
        let finding = try XCTUnwrap(result.findings.first { $0.rule == SuppressionSet.reasonRule })
        XCTAssertEqual(finding.line, 45)
        XCTAssertTrue(finding.message.contains("không nêu lý do"), finding.message)
        XCTAssertFalse(result.findings.contains { $0.rule == SuppressionSet.unusedRule })
    }

    func testUnusedUnknownAndStraySuppressionsAreReported() throws {
        var lines = try inserting("<!-- soatxet-disable-next-line van-phong-cau-dai -- câu dài trích nguyên văn -->", before: 45)
        lines.insert("<!-- soatxet-disable-next-line van-phong-cau-dia -- gõ sai mã -->", at: 0)
        lines.append("<!-- soatxet-enable -->")
        let result = try Corpus.check(lines, try Corpus.checker(options: EngineOptions(language: "en")))
        let unused = result.findings.filter { $0.rule == SuppressionSet.unusedRule }
        XCTAssertEqual(unused.count, 3, "\(unused.map(\.message))")
        XCTAssertTrue(unused.contains { $0.message.contains("'van-phong-cau-dia' is not a rule or requirement of pack tld-so-ket-dh-ix") })
        XCTAssertTrue(unused.contains { $0.message.contains("suppression of 'van-phong-cau-dai' suppresses nothing") })
        XCTAssertTrue(unused.contains { $0.message.contains("closes no suppression") })
        XCTAssertTrue(result.findings.contains { $0.rule == "van-phong-am-tiet-sai" }, "the wrong rule was named")
    }

    func testAWholeDocumentSuppressionTakesARequirementOutOfTheJudgement() throws {
        let plain = try Corpus.check(try Corpus.lines(ngheAn), try Corpus.checker())
        XCTAssertEqual(plain.requirements.first { $0.id == "nguyen-nhan" }?.status, .partial)
        let lines = try inserting("<!-- soatxet-disable nguyen-nhan -- nguyên nhân nêu trong báo cáo chuyên đề kèm theo -->", before: 1)
        let result = try Corpus.check(lines, try Corpus.checker())
        XCTAssertNil(result.requirements.first { $0.id == "nguyen-nhan" })
        XCTAssertFalse(result.findings.contains { $0.rule == "nguyen-nhan" || $0.rule.hasPrefix("soatxet-") }, "\(result.findings)")
        XCTAssertGreaterThan(result.score, plain.score, "the requirement no longer weighs on the score")
        // Closed again, it would be positional: requirements are not suppressed by place.
        var closed = lines
        closed.insert("<!-- soatxet-enable -->", at: 5)
        let misuse = try Corpus.check(closed, try Corpus.checker())
        XCTAssertEqual(misuse.requirements.first { $0.id == "nguyen-nhan" }?.status, .partial)
        XCTAssertTrue(misuse.findings.contains { $0.rule == SuppressionSet.unusedRule && $0.message.contains("cả báo cáo") })
    }

    func testAWordCommentSuppressesTheParagraphsItCovers() throws {
        let path = Corpus.root.appendingPathComponent("Corpus/tld-so-ket-dh-ix/ldld-binh-duong-bang-so-lieu.docx").path
        let document = try DocumentReaders.read(path: path)
        let checker = try Corpus.checker()
        let plain = try checker.check(document)
        let flagged = try XCTUnwrap(plain.findings.first { $0.rule == "van-phong-am-tiet-sai" })
        func with(_ comments: [DocumentComment]) -> Document {
            var metadata = document.metadata
            metadata.comments += comments
            return Document(path: document.path, format: document.format, blocks: document.blocks, metadata: metadata)
        }
        let place = PackageLocation(part: "word/document.xml", paragraph: flagged.line - 1)
        let covered = try checker.check(with([DocumentComment(
            id: "90", author: "Hoa", text: "soatxet-disable van-phong-am-tiet-sai -- mục đ) của danh sách", anchor: place, end: place)]))
        XCTAssertFalse(covered.findings.contains { $0.rule == "van-phong-am-tiet-sai" || $0.rule.hasPrefix("soatxet-") }, "\(covered.findings)")
        let elsewhere = PackageLocation(part: "word/document.xml", paragraph: flagged.line - 3)
        let missed = try checker.check(with([DocumentComment(
            id: "91", text: "soatxet-disable van-phong-am-tiet-sai -- mục đ)", anchor: elsewhere, end: elsewhere)]))
        XCTAssertTrue(missed.findings.contains { $0.rule == "van-phong-am-tiet-sai" })
        XCTAssertTrue(missed.findings.contains { $0.rule == SuppressionSet.unusedRule && $0.line == flagged.line - 2 })
        // A Word comment naming a requirement disables it for the whole report, wherever it is anchored.
        let requirement = try checker.check(with([DocumentComment(
            id: "92", text: "soatxet-disable chi-tieu-so-lieu", anchor: elsewhere)]))
        XCTAssertTrue(plain.requirements.contains { $0.id == "chi-tieu-so-lieu" })
        XCTAssertFalse(requirement.requirements.contains { $0.id == "chi-tieu-so-lieu" })
        XCTAssertTrue(requirement.findings.contains { $0.rule == SuppressionSet.reasonRule })
        XCTAssertTrue(requirement.findings.contains { $0.rule == SuppressionSet.unusedRule },
                      "chi-tieu-so-lieu was met, so disabling it suppressed nothing")
    }

    func testConfigurationTurnsRequirementsOffAndRelevelsRules() throws {
        let lines = try Corpus.lines(ngheAn)
        let options = EngineOptions(disabled: ["nguyen-nhan"], severities: ["van-phong-am-tiet-sai": .error])
        let result = try Corpus.check(lines, try Corpus.checker(options: options))
        XCTAssertNil(result.requirements.first { $0.id == "nguyen-nhan" })
        XCTAssertEqual(result.findings.map(\.rule), ["van-phong-am-tiet-sai"])
        XCTAssertEqual(result.findings.first?.severity, .error)
    }
}

final class BaselineTests: XCTestCase {
    let report = "tld-so-ket-dh-ix/cdyt-ke-le-mot-phan.txt"

    private func run(_ lines: [String], checker: Checker, at path: String) throws -> RunResult {
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return checker.check(paths: [path])
    }

    func testKnownFindingsAreAbsorbedByRuleFileAndExcerptNotLine() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let checker = try Corpus.checker()
        let path = folder.appendingPathComponent("bao-cao/cdyt.txt").path
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let lines = try Corpus.lines(report)
        let today = try run(lines, checker: checker, at: path)
        let known = try XCTUnwrap(today.documents.first?.findings.count)
        XCTAssertTrue(today.documents.first?.findings.contains { $0.rule == "van-phong-cau-dai" } == true)
        let baseline = Baseline(recording: today, folder: folder.path)
        XCTAssertEqual(baseline.files.keys.sorted(), ["bao-cao/cdyt.txt"])
        let file = folder.appendingPathComponent("baseline.json").path
        try baseline.write(to: file)
        XCTAssertEqual(try Baseline.load(file), baseline)
        XCTAssertEqual(baseline.filter(today, folder: folder.path).absorbed, known)

        // Two lines added at the top move every finding; the long 2005 chronicle written twice adds one.
        var edited = ["", ""] + lines
        edited.insert(contentsOf: ["", lines[19]], at: 22)
        let tomorrow = try run(edited, checker: checker, at: path)
        let findings = try XCTUnwrap(tomorrow.documents.first?.findings)
        XCTAssertEqual(findings.filter { $0.rule == "van-phong-cau-dai" }.map(\.line), [22, 24])
        let filtered = baseline.filter(tomorrow, folder: folder.path)
        XCTAssertEqual(filtered.absorbed, known)
        XCTAssertEqual(filtered.run.documents.first?.findings.map(\.line), [24], "one is known, the second copy is new")
    }

    func testVersionAndShapeAreChecked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-baseline-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let future = folder.appendingPathComponent("future.json").path
        try #"{"version": 7, "tool": "soatxet", "files": {}}"#.write(toFile: future, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Baseline.load(future)) { XCTAssertEqual($0 as? BaselineError, .unsupportedVersion(path: future, version: 7)) }
        let broken = folder.appendingPathComponent("broken.json").path
        try "[1, 2]".write(toFile: broken, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Baseline.load(broken)) { XCTAssertTrue("\($0)".contains("not a soatxet baseline")) }
        XCTAssertThrowsError(try Baseline.load(folder.appendingPathComponent("khong-co.json").path))
    }
}

final class ExitPolicyTests: XCTestCase {
    func testThresholds() throws {
        let checker = try Corpus.checker()
        let root = Corpus.root.appendingPathComponent("Corpus/tld-so-ket-dh-ix")
        func run(_ names: [String]) -> RunResult { checker.check(paths: names.map { root.appendingPathComponent($0).path }) }
        let clean = run(["mau-ldld-tinh.txt"])
        let warnings = run(["ldld-ha-tay-chung-chung.txt"])  // đạt; warnings, no error
        let count = warnings.documents.flatMap(\.findings).filter { $0.severity == .warning }.count
        XCTAssertGreaterThan(count, 1)
        XCTAssertFalse(warnings.documents.flatMap(\.findings).contains { $0.severity == .error })
        let errorFinding = run(["ldld-da-nang-khong-bai-hoc.txt"])  // đạt, one error finding
        let notYet = run(["cd-gtvt-bien-nien-ke-le.txt"])  // chưa đạt
        XCTAssertEqual(ExitPolicy().status(of: clean), 0)
        XCTAssertEqual(ExitPolicy().status(of: warnings), 0)
        XCTAssertEqual(ExitPolicy(failOn: .warning).status(of: warnings), 1)
        XCTAssertEqual(ExitPolicy(maxWarnings: count - 1).status(of: warnings), 1)
        XCTAssertEqual(ExitPolicy(maxWarnings: count).status(of: warnings), 0)
        XCTAssertEqual(ExitPolicy().status(of: errorFinding), 1)
        XCTAssertEqual(ExitPolicy().status(of: notYet), 1)
        let notYetPath = try XCTUnwrap(notYet.documents.first?.path)
        let noFindings = notYet.keeping(atLeast: .error)
        XCTAssertEqual(ExitPolicy().status(of: RunResult(documents: noFindings.documents.map { $0.replacingFindings([]) }, errors: []),
                                           acceptedVerdicts: [notYetPath]), 0, "a verdict the baseline knows does not fail")
        let unreadable = run(["mau-ldld-tinh.txt", "khong-co.txt"])
        XCTAssertEqual(unreadable.documents.count, 1)
        XCTAssertEqual(ExitPolicy().status(of: unreadable), 2)
        XCTAssertEqual(warnings.keeping(atLeast: .error).documents.first?.findings.count, 0)
        XCTAssertEqual(warnings.keeping(atLeast: .warning).documents.first?.findings.count, count)
    }
}
