// CLITests: exit codes, thresholds, .soatxet.yml, suppressions and baselines, end to end on corpus reports.
import Foundation
import XCTest
import ZIPFoundation

/// A temporary folder of corpus reports, removed at the end of the test.
final class Workspace {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    func write(_ relative: String, _ text: String) throws {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: target, atomically: true, encoding: .utf8)
    }

    func lines(ofCorpus report: String) throws -> [String] {
        try String(contentsOf: Soatxet.root.appendingPathComponent("Corpus/\(report)"), encoding: .utf8).components(separatedBy: "\n")
    }

    func copy(_ report: String, to relative: String) throws {
        let target = url.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Soatxet.root.appendingPathComponent("Corpus/\(report)"), to: target)
    }

    func run(_ arguments: [String]) throws -> Soatxet.Output { try Soatxet.run(arguments, directory: url) }

    /// soatxet with `arguments`, set up to run in the workspace with its output discarded; not started.
    func process(_ arguments: [String]) -> Process {
        let process = Process()
        process.executableURL = Soatxet.executable
        process.arguments = arguments
        process.currentDirectoryURL = url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        return process
    }
}

final class ExitCodeCLITests: XCTestCase {
    let corpus = "Corpus/tld-so-ket-dh-ix/"

    /// The number of warnings a report has today (the packs evolve; the thresholds are tested around it).
    private func warningCount(_ report: String) throws -> Int {
        let json = try Soatxet.run(["check", "--format", "json", report]).json as? [String: Any]
        let findings = (json?["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
        XCTAssertFalse(findings.contains { $0["severity"] as? String == "error" }, report)
        return findings.filter { $0["severity"] as? String == "warning" }.count
    }

    func testThresholds() throws {
        let warnings = corpus + "ldld-ha-tay-chung-chung.txt"  // đạt, warnings only
        let count = try warningCount(warnings)
        XCTAssertGreaterThan(count, 1)
        XCTAssertEqual(try Soatxet.run(["check", corpus + "mau-ldld-tinh.txt"]).status, 0)
        XCTAssertEqual(try Soatxet.run(["check", warnings]).status, 0)
        XCTAssertEqual(try Soatxet.run(["check", "--fail-on", "warning", warnings]).status, 1)
        XCTAssertEqual(try Soatxet.run(["check", "--max-warnings", "\(count - 1)", warnings]).status, 1)
        XCTAssertEqual(try Soatxet.run(["check", "--max-warnings", "\(count)", warnings]).status, 0)
        XCTAssertEqual(try Soatxet.run(["check", corpus + "ldld-da-nang-khong-bai-hoc.txt"]).status, 1, "an error-level finding")
        XCTAssertEqual(try Soatxet.run(["check", corpus + "cd-gtvt-bien-nien-ke-le.txt"]).status, 1, "a chua-dat verdict")
        for usage in [["--fail-on", "info"], ["--max-warnings", "-1"], ["--min-severity", "loi"],
                      ["--baseline", "a.json", "--write-baseline", "b.json"]] {
            let output = try Soatxet.run(["check"] + usage + [warnings])
            XCTAssertEqual(output.status, 2, usage.description)
            XCTAssertFalse(output.stderr.isEmpty)
        }
        let missingBaseline = try Soatxet.run(["check", "--baseline", "khong-co.json", warnings])
        XCTAssertEqual(missingBaseline.status, 2)
        XCTAssertTrue(missingBaseline.stderr.contains("khong-co.json: cannot read the baseline"), missingBaseline.stderr)
    }

    func testWhatIsPrinted() throws {
        let report = corpus + "ldld-ha-tay-chung-chung.txt"  // warnings and an info finding
        let all = try Soatxet.run(["check", report])
        XCTAssertTrue(all.stdout.contains(": cảnh báo: ") && all.stdout.contains(": gợi ý: "), all.stdout)
        let quiet = try Soatxet.run(["check", "--quiet", "--fail-on", "warning", report])
        XCTAssertFalse(quiet.stdout.contains(": cảnh báo: ") || quiet.stdout.contains(": gợi ý: "), quiet.stdout)
        XCTAssertEqual(quiet.status, 1, "the exit status still counts what is not printed")
        let filtered = try Soatxet.run(["check", "--min-severity", "warning", "--format", "json", report])
        let documents = try XCTUnwrap((filtered.json as? [String: Any])?["documents"] as? [[String: Any]])
        let severities = Set((documents.first?["findings"] as? [[String: Any]] ?? []).compactMap { $0["severity"] as? String })
        XCTAssertEqual(severities, ["warning"])
        XCTAssertEqual(filtered.status, 0)
    }
}

final class ConfigurationCLITests: XCTestCase {
    func testTheNearestConfigurationDecides() throws {
        let space = try Workspace()
        try space.write(".soatxet.yml", """
            pack: tld-so-ket-dh-ix
            packs:
              - path: "huyen/**"
                pack: ldld-huyen-so-ket-giua-nhiem-ky
            rules:
              bai-hoc-kinh-nghiem: off
              van-phong-am-tiet-sai: error
            ignore: ["nhap/**"]
            encodings:
              - path: "luu-tru/**"
                encoding: tcvn3
            lang: en
            """)
        try space.copy("tld-so-ket-dh-ix/ldld-da-nang-khong-bai-hoc.txt", to: "tinh/da-nang.txt")
        try space.copy("ldld-huyen-so-ket-giua-nhiem-ky/cdcs-ban-qlda-xay-dung-lon-xon.txt", to: "huyen/qlda.txt")
        try space.copy("tld-so-ket-dh-ix/cd-gtvt-bien-nien-ke-le.txt", to: "nhap/gtvt.txt")
        try space.copy("tld-so-ket-dh-ix/mau-ldld-tinh.tcvn3.txt", to: "luu-tru/mau.txt")
        let output = try space.run(["check", "--format", "json", "."])
        let documents = try XCTUnwrap((output.json as? [String: Any])?["documents"] as? [[String: Any]], output.stderr)
        XCTAssertEqual(documents.map { $0["path"] as? String }, ["./huyen/qlda.txt", "./luu-tru/mau.txt", "./tinh/da-nang.txt"],
                       "nhap/ is ignored")
        XCTAssertEqual(documents.map { $0["pack"] as? String }, ["ldld-huyen-so-ket-giua-nhiem-ky", "tld-so-ket-dh-ix", "tld-so-ket-dh-ix"])
        XCTAssertEqual((documents[1]["encoding"] as? [String: Any])?["name"] as? String, "tcvn3")
        let daNang = documents[2]
        XCTAssertFalse((daNang["requirements"] as? [[String: Any]] ?? []).contains { $0["id"] as? String == "bai-hoc-kinh-nghiem" })
        XCTAssertTrue(try space.run(["check", "tinh/da-nang.txt"]).stdout.contains("PASS"), "lang: en")
        // Two packs on one base: SARIF lists each of the base's rules once.
        let sarif = try space.run(["check", "--format", "sarif", "."])
        let run = try XCTUnwrap(((sarif.json as? [String: Any])?["runs"] as? [[String: Any]])?.first, sarif.stderr)
        let ruleIDs = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
            .compactMap { $0["id"] as? String }
        XCTAssertTrue(ruleIDs.contains("van-phong-am-tiet-sai"))
        XCTAssertEqual(ruleIDs.count, Set(ruleIDs).count, "rule IDs are unique")

        // A nearer file wins whole.
        try space.write("tinh/.soatxet.yml", "pack: tld-so-ket-dh-ix\n")
        let nearer = try space.run(["check", "tinh/da-nang.txt"])
        XCTAssertEqual(nearer.status, 1, "bai-hoc-kinh-nghiem is judged again")
        XCTAssertTrue(nearer.stdout.contains("PASS"), "the run's language comes from the configuration of the current folder")
        // --config replaces discovery; --lang and --pack win over configuration.
        XCTAssertEqual(try space.run(["check", "--config", ".soatxet.yml", "tinh/da-nang.txt"]).status, 0)
        XCTAssertTrue(try space.run(["check", "--config", ".soatxet.yml", "--lang", "vi", "tinh/da-nang.txt"]).stdout.contains("ĐẠT"))
        XCTAssertTrue(try space.run(["check", "--pack", "tld-so-ket-dh-ix", "huyen/qlda.txt"]).stdout.contains("[tld-so-ket-dh-ix]"))
    }

    func testConfigurationMistakesAreLocatedAndExitTwo() throws {
        let space = try Workspace()
        try space.write("hong/.soatxet.yml", "pack: tld-so-ket-dh-ix\nrules:\n  van-phong-cau-dai: tat\n")
        try space.copy("tld-so-ket-dh-ix/mau-ldld-tinh.txt", to: "hong/mau.txt")
        try space.copy("tld-so-ket-dh-ix/mau-ldld-tinh.txt", to: "tot/mau.txt")
        let output = try space.run(["check", "hong/mau.txt", "tot/mau.txt"])
        XCTAssertEqual(output.status, 2)
        XCTAssertTrue(output.stdout.contains("hong/.soatxet.yml:3:22: error: rules.van-phong-cau-dai: unknown setting 'tat'"), output.stdout)
        XCTAssertTrue(output.stdout.contains("1 báo cáo: 1 đạt"), "the other report is still checked")
        try space.write("sai.yml", "pak: tld-so-ket-dh-ix\n")
        let override = try space.run(["check", "--config", "sai.yml", "tot/mau.txt"])
        XCTAssertEqual(override.status, 2)
        XCTAssertTrue(override.stderr.contains("sai.yml:1:1: error: unknown key 'pak'"), override.stderr)
        XCTAssertEqual(try space.run(["check", "--config", "khong-co.yml", "tot/mau.txt"]).status, 2)
    }

    func testInitWritesACommentedFileThatWorks() throws {
        let space = try Workspace()
        let output = try space.run(["init", "--pack", "ldld-huyen-so-ket-giua-nhiem-ky"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let text = try String(contentsOfFile: space.path(".soatxet.yml"), encoding: .utf8)
        XCTAssertTrue(text.contains("pack: ldld-huyen-so-ket-giua-nhiem-ky"))
        XCTAssertTrue(text.contains("# rules:"))
        try space.copy("ldld-huyen-so-ket-giua-nhiem-ky/cdcs-ban-qlda-xay-dung-lon-xon.txt", to: "qlda.txt")
        XCTAssertTrue(try space.run(["check", "qlda.txt"]).stdout.contains("[ldld-huyen-so-ket-giua-nhiem-ky]"))
        let again = try space.run(["init"])
        XCTAssertEqual(again.status, 2)
        XCTAssertTrue(again.stderr.contains("already exists"))
        XCTAssertEqual(try space.run(["init", "--force"]).status, 0)
    }
}

final class SuppressionCLITests: XCTestCase {
    let ngheAn = "tld-so-ket-dh-ix/ldld-nghe-an-nguyen-nhan-chu-quan.txt"  // "đ)" on line 45 flagged

    func testInlineSuppressionsInMarkdownAndText() throws {
        let space = try Workspace()
        var lines = try space.lines(ofCorpus: ngheAn)
        lines.insert("<!-- soatxet-disable-next-line van-phong-am-tiet-sai -- 'đ)' là ký hiệu mục -->", at: 44)
        try space.write("nghe-an.md", lines.joined(separator: "\n"))
        let plain = try space.run(["check", "--fail-on", "warning", "--format", "json", "."])
        XCTAssertEqual(plain.status, 1, "nguyen-nhan is still partial")
        try space.copy(ngheAn, to: "goc/nghe-an.txt")
        let both = try space.run(["check", "--format", "json", "."])
        let documents = try XCTUnwrap((both.json as? [String: Any])?["documents"] as? [[String: Any]])
        func rules(_ document: [String: Any]) -> [String] { (document["findings"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        XCTAssertTrue(rules(documents[0]).contains("van-phong-am-tiet-sai"), "the original still has it")
        XCTAssertFalse(rules(documents[1]).contains("van-phong-am-tiet-sai"))
        XCTAssertFalse(rules(documents[1]).contains { $0.hasPrefix("soatxet-") })

        var region = try space.lines(ofCorpus: ngheAn)
        region.insert("<!-- soatxet-disable -->", at: 43)
        region.insert("<!-- soatxet-enable -->", at: 46)
        region.append("<!-- soatxet-disable nguyen-nhan -- nguyên nhân có trong báo cáo chuyên đề -->")
        try space.write("vung.txt", region.joined(separator: "\n"))
        let output = try space.run(["check", "--fail-on", "warning", "vung.txt"])
        XCTAssertFalse(output.stdout.contains("[van-phong-am-tiet-sai]"), output.stdout)
        XCTAssertFalse(output.stdout.contains("[nguyen-nhan]"), "a requirement disabled for the whole report")
        XCTAssertTrue(output.stdout.contains("vung.txt:44:1: cảnh báo: Chỗ tắt kiểm tra «soatxet-disable» không nêu lý do"), output.stdout)
        XCTAssertEqual(output.status, 1, "the missing reason is a warning")
        XCTAssertEqual(try space.run(["check", "vung.txt"]).status, 0)
    }

    func testUnusedSuppressionsAreReportedAndCanBeErrors() throws {
        let space = try Workspace()
        var lines = try space.lines(ofCorpus: "tld-so-ket-dh-ix/mau-ldld-tinh.txt")
        lines.insert("<!-- soatxet-disable-next-line van-phong-cau-dai -- câu trích nguyên văn -->", at: 20)
        try space.write("mau.md", lines.joined(separator: "\n"))
        let output = try space.run(["check", "mau.md"])
        XCTAssertTrue(output.stdout.contains("mau.md:21:1: cảnh báo: Chỗ tắt kiểm tra «van-phong-cau-dai» không che lỗi nào"), output.stdout)
        XCTAssertEqual(output.status, 0)
        try space.write(".soatxet.yml", "rules: {soatxet-suppression-unused: error}\n")
        XCTAssertEqual(try space.run(["check", "mau.md"]).status, 1)
    }

    func testAWordCommentSuppresses() throws {
        let space = try Workspace()
        let source = Soatxet.root.appendingPathComponent("Corpus/tld-so-ket-dh-ix/ldld-binh-duong-bang-so-lieu.docx")
        let plain = try space.run(["check", "--fail-on", "warning", source.path])
        XCTAssertEqual(plain.status, 1)
        XCTAssertTrue(plain.stdout.contains(":153:"), plain.stdout)  // the flagged "đ)" paragraph
        let target = space.url.appendingPathComponent("binh-duong.docx")
        try Self.addComment("soatxet-disable van-phong-am-tiet-sai -- 'đ)' là ký hiệu mục", onParagraph: 152, from: source, to: target)
        let output = try space.run(["check", "--fail-on", "warning", "binh-duong.docx"])
        XCTAssertEqual(output.status, 0, output.stdout)
        XCTAssertFalse(output.stdout.contains("van-phong-am-tiet-sai"))
    }

    /// Copies a .docx adding a Word comment around paragraph `index` (0-based, every w:p counted).
    static func addComment(_ text: String, onParagraph index: Int, from source: URL, to target: URL) throws {
        let input = try Archive(url: source, accessMode: .read)
        let output = try Archive(url: target, accessMode: .create)
        for entry in input {
            var data = Data()
            _ = try input.extract(entry) { data.append($0) }
            if entry.path == "word/document.xml" {
                var xml = String(decoding: data, as: UTF8.self)
                let pattern = try NSRegularExpression(pattern: "<w:p[ >]")
                let matches = pattern.matches(in: xml, range: NSRange(xml.startIndex..., in: xml))
                let open = Range(matches[index].range, in: xml)!
                let close = xml.range(of: "</w:p>", range: open.upperBound..<xml.endIndex)!
                xml.replaceSubrange(close, with: "<w:commentRangeEnd w:id=\"77\"/></w:p>")
                let tagEnd = xml.range(of: ">", range: open.lowerBound..<xml.endIndex)!
                xml.insert(contentsOf: "<w:commentRangeStart w:id=\"77\"/>", at: tagEnd.upperBound)
                data = Data(xml.utf8)
            }
            try output.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) {
                data.subdata(in: Int($0)..<Int($0) + $1)
            }
        }
        let comments = Data("""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:comment w:id="77" w:author="Văn phòng"><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:comment></w:comments>
            """.utf8)
        try output.addEntry(with: "word/comments.xml", type: .file, uncompressedSize: Int64(comments.count), compressionMethod: .deflate) {
            comments.subdata(in: Int($0)..<Int($0) + $1)
        }
    }
}

final class BaselineCLITests: XCTestCase {
    func testCIFailsOnlyOnNewFindings() throws {
        let space = try Workspace()
        try space.copy("tld-so-ket-dh-ix/cd-gtvt-bien-nien-ke-le.txt", to: "bao-cao/gtvt.txt")  // chưa đạt
        try space.copy("tld-so-ket-dh-ix/cdyt-ke-le-mot-phan.txt", to: "bao-cao/cdyt.txt")
        XCTAssertEqual(try space.run(["check", "bao-cao"]).status, 1)
        let written = try space.run(["check", "--write-baseline", "soatxet-baseline.json", "bao-cao"])
        XCTAssertEqual(written.status, 0, written.stdout)
        let baseline = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: space.url.appendingPathComponent("soatxet-baseline.json"))) as? [String: Any])
        XCTAssertEqual(baseline["version"] as? Int, 1)
        let files = try XCTUnwrap(baseline["files"] as? [String: [String: Any]])
        XCTAssertEqual(files.keys.sorted(), ["bao-cao/cdyt.txt", "bao-cao/gtvt.txt"])
        XCTAssertEqual(files["bao-cao/gtvt.txt"]?["verdict"] as? String, "chua-dat")
        XCTAssertEqual(try space.run(["check", "--baseline", "soatxet-baseline.json", "bao-cao"]).status, 0)

        // Lines added above move the findings; they are still known. A copied paragraph is new.
        var lines = try space.lines(ofCorpus: "tld-so-ket-dh-ix/cdyt-ke-le-mot-phan.txt")
        lines.insert(contentsOf: ["", lines[19]], at: 20)
        try space.write("bao-cao/cdyt.txt", (["", "", ""] + lines).joined(separator: "\n"))
        let output = try space.run(["check", "--fail-on", "info", "--baseline", "soatxet-baseline.json", "bao-cao"])
        XCTAssertEqual(output.status, 2, "--fail-on takes error or warning")
        let after = try space.run(["check", "--max-warnings", "0", "--format", "json", "--baseline", "soatxet-baseline.json", "bao-cao"])
        let documents = try XCTUnwrap((after.json as? [String: Any])?["documents"] as? [[String: Any]])
        let findings = documents.flatMap { $0["findings"] as? [[String: Any]] ?? [] }
        XCTAssertEqual(findings.map { $0["rule"] as? String }, ["van-phong-cau-dai"])
        XCTAssertEqual(findings.first?["line"] as? Int, 25)
        XCTAssertEqual(after.status, 0, "a new info finding does not fail")
        // Run from another folder: paths are matched relative to the baseline.
        let elsewhere = try Soatxet.run(["check", "--baseline", space.path("soatxet-baseline.json"), space.path("bao-cao/gtvt.txt")])
        XCTAssertEqual(elsewhere.status, 0, elsewhere.stdout)
    }
}
