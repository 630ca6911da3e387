import Foundation
import VietnameseText
import XCTest

/// Runs the real `soatxet` executable, as a user or CI would.
struct Soatxet {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built executable: beside the test bundle, or in .build/debug.
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("soatxet"),
            Bundle.main.bundleURL.appendingPathComponent("soatxet"),
            root.appendingPathComponent(".build/debug/soatxet"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
        var json: Any { (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) ?? [:] }
    }

    /// Runs git in `folder` with a fixed identity; fails the test when git fails.
    static func git(_ arguments: [String], in folder: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", folder.path, "-c", "user.name=soatxet", "-c", "user.email=soatxet@localhost"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments)", file: file, line: line)
    }

    /// Runs soatxet with `arguments` from the package root, feeding `input` to standard input.
    static func run(_ arguments: [String], input: Data? = nil, environment: [String: String] = [:],
                    directory: URL = root) throws -> Output {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

final class AnalyzeCommandTests: XCTestCase {
    let sample = "Corpus/tld-so-ket-dh-ix/mau-ldld-tinh.txt"

    func testJSONHasTheDocumentedFields() throws {
        let output = try Soatxet.run(["analyze", "--format", "json", sample])
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try XCTUnwrap(output.json as? [String: Any])
        let encoding = try XCTUnwrap(json["encoding"] as? [String: Any])
        XCTAssertEqual(encoding["name"] as? String, "utf-8")
        XCTAssertNotNil(encoding["confidence"] as? Double)
        XCTAssertNotNil(json["repairs"] as? [Any])
        XCTAssertTrue((json["text"] as? String)?.contains("BÁO CÁO") == true)
        let sentences = try XCTUnwrap(json["sentences"] as? [[String: Any]])
        XCTAssertGreaterThan(sentences.count, 30)
        XCTAssertNotNil(sentences[0]["line"] as? Int)
        XCTAssertNotNil(sentences[0]["column"] as? Int)
        let syllables = try XCTUnwrap(json["syllables"] as? [String: Any])
        XCTAssertGreaterThan(syllables["total"] as? Int ?? 0, 900)
        XCTAssertNotNil(syllables["invalid"] as? [Any])
        let blocks = try XCTUnwrap(json["blocks"] as? [[String: Any]])
        XCTAssertTrue(blocks.contains { $0["scope"] as? String == "title" })
    }

    func testStandardInputInALegacyEncoding() throws {
        let paragraph = "công đoàn cơ sở đã tổ chức hội nghị người lao động, kết nạp 45 đoàn viên mới trong năm.\n"
        let bytes = try LegacyCodecs.encode(String(repeating: paragraph, count: 4), as: .tcvn3)
        let output = try Soatxet.run(["analyze", "--format", "json", "-"], input: Data(bytes))
        XCTAssertEqual(output.status, 0, output.stderr)
        let json = try XCTUnwrap(output.json as? [String: Any])
        XCTAssertEqual((json["encoding"] as? [String: Any])?["name"] as? String, "tcvn3")
        XCTAssertTrue((json["text"] as? String)?.hasPrefix("công đoàn cơ sở") == true)
    }

    func testTextShowsGluedAndInvalidSyllablesWithPlaces() throws {
        let text = "BÁO CÁO\nHoạtđộngcôngđoàn còn côg tác hình thức.\n"
        let output = try Soatxet.run(["analyze", "-"], input: Data(text.utf8))
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("2:1 Hoạtđộngcôngđoàn → Hoạt động công đoàn"), output.stdout)
        XCTAssertTrue(output.stdout.contains("2:22 côg → công"), output.stdout)
    }

    func testWordFileShowsTheBlockTreeByParagraph() throws {
        let output = try Soatxet.run(["analyze", "--format", "json", "Tests/DocumentReadersTests/Fixtures/bao-cao-so-ket.docx"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let blocks = try XCTUnwrap((output.json as? [String: Any])?["blocks"] as? [[String: Any]])
        let heading = try XCTUnwrap(blocks.first { ($0["text"] as? String)?.hasPrefix("I. KẾT QUẢ") == true })
        XCTAssertEqual(heading["scope"] as? String, "heading(1)")
        XCTAssertTrue((heading["place"] as? String)?.hasPrefix("word/document.xml ¶") == true)
        XCTAssertTrue(blocks.contains { ($0["scope"] as? String)?.hasPrefix("table-cell") == true })
        XCTAssertTrue(blocks.contains { $0["scope"] as? String == "signature" })
    }

    func testAMissingFileIsReportedAndTheOthersStillShown() throws {
        let output = try Soatxet.run(["analyze", "khong-co.txt", sample])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("khong-co.txt"), output.stderr)
        XCTAssertTrue(output.stdout.contains(sample))
    }

    func testUnknownEncodingIsAUsageError() throws {
        let output = try Soatxet.run(["analyze", "--encoding", "latin9", sample])
        XCTAssertNotEqual(output.status, 0)
        XCTAssertTrue(output.stderr.contains("unknown encoding 'latin9'"), output.stderr)
    }
}

final class CheckCommandTests: XCTestCase {
    let sample = "Corpus/tld-so-ket-dh-ix/mau-ldld-tinh.txt"
    let chronicle = "Corpus/tld-so-ket-dh-ix/cd-gtvt-bien-nien-ke-le.txt"

    /// The JSON of a sample report equals the committed golden file (SOATXET_UPDATE_GOLDEN=1 rewrites it).
    func testJSONMatchesTheGoldenFile() throws {
        for (report, golden) in [(sample, "mau-ldld-tinh.json"), (chronicle, "cd-gtvt-bien-nien-ke-le.json")] {
            let output = try Soatxet.run(["check", "--format", "json", report])
            XCTAssertEqual(output.stderr, "")
            let file = Soatxet.root.appendingPathComponent("Tests/CLITests/Golden/\(golden)")
            if ProcessInfo.processInfo.environment["SOATXET_UPDATE_GOLDEN"] == "1" {
                try output.stdout.write(to: file, atomically: true, encoding: .utf8)
            }
            let expected = try String(contentsOf: file, encoding: .utf8)
            XCTAssertEqual(output.stdout, expected,
                           "Tests/CLITests/Golden/\(golden) is out of date; regenerate with SOATXET_UPDATE_GOLDEN=1 swift test --filter CheckCommandTests")
        }
    }

    func testJSONContract() throws {
        let output = try Soatxet.run(["check", "--format", "json", chronicle])
        let json = try XCTUnwrap(output.json as? [String: Any])
        XCTAssertEqual(json["version"] as? Int, 1)
        let document = try XCTUnwrap((json["documents"] as? [[String: Any]])?.first)
        for key in ["path", "pack", "score", "verdict", "encoding", "requirements", "findings", "statistics"] {
            XCTAssertNotNil(document[key], key)
        }
        let requirement = try XCTUnwrap((document["requirements"] as? [[String: Any]])?.first)
        for key in ["id", "status", "score", "items", "evidence"] { XCTAssertNotNil(requirement[key], key) }
        let finding = try XCTUnwrap((document["findings"] as? [[String: Any]])?.first)
        for key in ["rule", "severity", "message", "line", "column", "endLine", "endColumn", "excerpt"] {
            XCTAssertNotNil(finding[key], key)
        }
    }

    func testExitCodes() throws {
        XCTAssertEqual(try Soatxet.run(["check", sample]).status, 0)
        XCTAssertEqual(try Soatxet.run(["check", chronicle]).status, 1)
        let mixed = try Soatxet.run(["check", "khong-co.docx", sample])
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stdout.contains("khong-co.docx"), "the unreadable file is reported")
        XCTAssertTrue(mixed.stdout.contains("ĐẠT"), "the readable file is still checked")
    }

    func testTextChecklistAndFindings() throws {
        let output = try Soatxet.run(["check", chronicle])
        XCTAssertTrue(output.stdout.contains("CHƯA ĐẠT"))
        XCTAssertTrue(output.stdout.contains("✗ Không sa vào kể lể dài dòng những việc đã làm [khong-ke-le]"), output.stdout)
        XCTAssertTrue(output.stdout.contains("«Nội dung báo cáo không sa vào kể lể dài dòng những việc đã làm»"))
        XCTAssertTrue(output.stdout.contains("\(chronicle):1:1: lỗi: ") || output.stdout.range(of: "\(chronicle):\\d+:\\d+: lỗi: ", options: .regularExpression) != nil)
        XCTAssertFalse(output.stdout.contains("\u{1B}["), "no colours when not on a terminal")
        let english = try Soatxet.run(["check", "--lang", "en", chronicle])
        XCTAssertTrue(english.stdout.contains("NOT YET"))
        XCTAssertTrue(english.stdout.contains("Do not narrate activities at length"))
    }

    func testARepositorysReadmeIsNotAReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-readme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try String(contentsOf: Soatxet.root.appendingPathComponent(sample), encoding: .utf8)
        try report.write(to: folder.appendingPathComponent("bao-cao.txt"), atomically: true, encoding: .utf8)
        try "# Báo cáo của các đơn vị\n\nKho lưu báo cáo sơ kết.\n".write(
            to: folder.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
        try "Các thay đổi.\n".write(to: folder.appendingPathComponent("changelog.txt"), atomically: true, encoding: .utf8)
        let walked = try Soatxet.run(["check", "--format", "json", folder.path])
        let documents = try XCTUnwrap((walked.json as? [String: Any])?["documents"] as? [[String: Any]], walked.stderr)
        XCTAssertEqual(documents.compactMap { ($0["path"] as? String).map { ($0 as NSString).lastPathComponent } }, ["bao-cao.txt"])
        XCTAssertTrue(walked.stderr.contains("README.md ×1") && walked.stderr.contains("changelog.txt ×1"), walked.stderr)
        let named = try Soatxet.run(["check", "--format", "json", folder.appendingPathComponent("README.md").path])
        XCTAssertEqual(((named.json as? [String: Any])?["documents"] as? [Any])?.count, 1, "named, it is checked")
    }

    func testStandardInput() throws {
        let text = try String(contentsOf: Soatxet.root.appendingPathComponent(sample), encoding: .utf8)
        let output = try Soatxet.run(["check", "--format", "json", "-"], input: Data(text.utf8))
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertEqual(((output.json as? [String: Any])?["documents"] as? [[String: Any]])?.first?["verdict"] as? String, "dat")
    }

    func testAFolderIsWalked() throws {
        let output = try Soatxet.run(["check", "--format", "json", "--pack", "tld-so-ket-dh-ix", "Corpus/tld-so-ket-dh-ix"])
        let documents = try XCTUnwrap((output.json as? [String: Any])?["documents"] as? [[String: Any]])
        XCTAssertGreaterThanOrEqual(documents.count, 16 + 9, "the reports and their .docx and legacy variants")
        XCTAssertEqual(output.status, 1, "the labels beside the reports are not input errors")
        XCTAssertTrue(output.stderr.contains("bỏ qua 16 tệp không phải báo cáo trong thư mục (.json ×16)"), output.stderr)
        let paths = documents.compactMap { $0["path"] as? String }
        XCTAssertEqual(paths, paths.sorted(), "output keeps a deterministic order")
    }

    func testUnknownPackNamesTheAvailableOnes() throws {
        let output = try Soatxet.run(["check", "--pack", "khong-co", sample])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("no rule pack 'khong-co'"), output.stderr)
        XCTAssertTrue(output.stderr.contains("tld-so-ket-dh-ix"))
    }

    func testBundledPacksAreFoundFromAnyDirectory() throws {
        let elsewhere = FileManager.default.temporaryDirectory
        let output = try Soatxet.run(["check", Soatxet.root.appendingPathComponent(sample).path], directory: elsewhere)
        XCTAssertEqual(output.status, 0, output.stderr)
        XCTAssertTrue(output.stdout.contains("[tld-so-ket-dh-ix]"))
    }
}

final class RulesCommandTests: XCTestCase {
    func testListShowValidateTest() throws {
        let list = try Soatxet.run(["rules", "list"])
        XCTAssertTrue(list.stdout.contains("van-phong (base)"))
        XCTAssertTrue(list.stdout.contains("  nguyen-nhan  Nêu nguyên nhân khách quan, chủ quan"))
        let show = try Soatxet.run(["rules", "show", "tld-so-ket-dh-ix/kien-nghi-de-xuat"])
        XCTAssertTrue(show.stdout.contains("«có những kiến nghị, đề xuất với Đảng, Nhà nước, Tổng Liên đoàn»"), show.stdout)
        XCTAssertTrue(show.stdout.contains("✗ Không có kiến nghị."))
        let validate = try Soatxet.run(["rules", "validate", "tld-so-ket-dh-ix"])
        XCTAssertEqual(validate.status, 0, validate.stderr)
        let test = try Soatxet.run(["rules", "test", "tld-so-ket-dh-ix"])
        XCTAssertEqual(test.status, 0, test.stdout)
        XCTAssertTrue(test.stdout.contains(" passed, 0 failed"))
    }

    func testValidateLocatesMistakes() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("hong-\(UUID().uuidString).yaml")
        try "id: hong\ntitle: Hỏng\nconcepts:\n  a: {phrases: [x], tu-khoa: [y]}\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try Soatxet.run(["rules", "validate", file.path])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stderr.contains("\(file.path):4:21: error: unknown key 'tu-khoa'"), output.stderr)
    }
}

final class ReviewCommandTests: XCTestCase {
    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-cli-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// The page's matrix and the CSV say what `check --format json` says, report by report.
    func testMatrixAndCSVAgreeWithTheJSONResults() throws {
        let folder = "Corpus/ldld-huyen-so-ket-giua-nhiem-ky"
        let pack = "ldld-huyen-so-ket-giua-nhiem-ky"
        let out = try scratch().appendingPathComponent("nhan-xet")
        let review = try Soatxet.run(["review", folder, "--pack", pack, "--out", out.path])
        XCTAssertEqual(review.status, 0, review.stderr)
        XCTAssertTrue(review.stdout.hasPrefix("Đã ghi "), review.stdout)
        let check = try Soatxet.run(["check", folder, "--pack", pack, "--format", "json"])
        let documents = try XCTUnwrap((check.json as? [String: Any])?["documents"] as? [[String: Any]])
        XCTAssertGreaterThan(documents.count, 15)

        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let body = try XCTUnwrap(html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first)
        let rows = body.components(separatedBy: "</tr>").filter { $0.contains("<tr") }
        XCTAssertEqual(rows.count, documents.count)
        let csvData = try Data(contentsOf: out.appendingPathComponent("summary.csv"))
        XCTAssertEqual(Array(csvData.prefix(3)), [0xEF, 0xBB, 0xBF], "summary.csv starts with the UTF-8 byte-order mark")
        let csv = try XCTUnwrap(String(data: csvData.dropFirst(3), encoding: .utf8)).components(separatedBy: "\r\n")
        let words = ["met": "đạt", "partial": "đạt một phần", "missing": "chưa đạt"]

        for document in documents {
            let path = try XCTUnwrap(document["path"] as? String)
            let statuses = try XCTUnwrap(document["requirements"] as? [[String: Any]]).compactMap { $0["status"] as? String }
            let file = (path as NSString).lastPathComponent
            let row = try XCTUnwrap(rows.first { $0.contains("<span class=\"file\">\(file)</span>") }, "no row for \(file)")
            let shown = row.components(separatedBy: "data-status=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            XCTAssertEqual(shown, statuses, file)
            let line = try XCTUnwrap(csv.first { $0.contains(path) }, "no CSV row for \(path)")
            XCTAssertTrue(line.hasSuffix("," + statuses.compactMap { words[$0] }.joined(separator: ",")), line)
            XCTAssertTrue(line.contains(",\(document["verdict"] as? String == "dat" ? "đạt" : "chưa đạt"),"), line)
        }
        // A letter per report, in Markdown and Word.
        let letters = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("feedback").path)
        XCTAssertEqual(letters.filter { $0.hasSuffix(".md") }.count, documents.count)
        XCTAssertEqual(letters.filter { $0.hasSuffix(".docx") }.count, documents.count)
        XCTAssertFalse(html.contains(".expected.json"), "label files in the folder are not reports")
    }

    func testUnreadableInputIsListedAndTheRestReviewed() throws {
        let dir = try scratch()
        let out = dir.appendingPathComponent("nhan-xet")
        let review = try Soatxet.run(["review", "Corpus/tld-so-ket-dh-ix/mau-ldld-tinh.txt", "khong-co.txt", "--out", out.path])
        XCTAssertEqual(review.status, 2)
        XCTAssertTrue(review.stderr.contains("khong-co.txt"), review.stderr)
        let html = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("Tệp không đọc được"))
        XCTAssertTrue(html.contains("mau-ldld-tinh.txt"))
    }

    func testAnnotateWordAndTextReports() throws {
        let dir = try scratch()
        let word = dir.appendingPathComponent("cd-gtvt.reviewed.docx").path
        let annotated = try Soatxet.run(["annotate", "Corpus/tld-so-ket-dh-ix/cd-gtvt-bien-nien-ke-le.docx", "--pack", "tld-so-ket-dh-ix", "-o", word])
        XCTAssertEqual(annotated.status, 0, annotated.stderr)
        XCTAssertTrue(annotated.stdout.contains("góp ý"), annotated.stdout)
        XCTAssertTrue(FileManager.default.fileExists(atPath: word))
        // The annotated copy is still a report soatxet reads, with the same judgement.
        let original = try Soatxet.run(["check", "Corpus/tld-so-ket-dh-ix/cd-gtvt-bien-nien-ke-le.docx", "--format", "json"])
        let copy = try Soatxet.run(["check", word, "--format", "json"])
        let scores = [original, copy].map { (($0.json as? [String: Any])?["documents"] as? [[String: Any]])?.first?["score"] as? Double }
        XCTAssertEqual(scores[0], scores[1])
        XCTAssertNotNil(scores[0])

        try FileManager.default.copyItem(atPath: Soatxet.root.appendingPathComponent("Corpus/tld-so-ket-dh-ix/cdgd-khong-kien-nghi.txt").path,
                                         toPath: dir.appendingPathComponent("cdgd.txt").path)
        let text = try Soatxet.run(["annotate", dir.appendingPathComponent("cdgd.txt").path])
        XCTAssertEqual(text.status, 0, text.stderr)
        let markdown = try String(contentsOf: dir.appendingPathComponent("cdgd.reviewed.md"), encoding: .utf8)
        XCTAssertTrue(markdown.contains("[^1]: "))
        let refused = try Soatxet.run(["annotate", dir.appendingPathComponent("cdgd.txt").path, "-o", dir.appendingPathComponent("x.docx").path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains(".md"), refused.stderr)
    }
}
