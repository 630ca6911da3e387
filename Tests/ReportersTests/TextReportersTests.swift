import ComplianceEngine
import Foundation
import Reporters
import XCTest

/// GitHub workflow commands, the Markdown review comment and reviewdog's rdjson on the sample corpus.
final class TextReportersTests: XCTestCase {
    func testGitHubAnnotatesEveryFinding() throws {
        let run = CorpusRun.all
        let output = try GitHubReporter.report(run, context: CorpusRun.context())
        let commands = output.split(separator: "\n").filter { $0.hasPrefix("::") }
        XCTAssertEqual(commands.count, run.documents.reduce(0) { $0 + $1.findings.count } + run.errors.count)
        let pattern = #"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::[^\r\n]+$"#
        let findings = run.documents.flatMap(\.findings)
        for (command, finding) in zip(commands, findings) {
            XCTAssertNotNil(command.range(of: pattern, options: .regularExpression), String(command))
            let expected = ["error": "::error ", "warning": "::warning ", "info": "::notice "][finding.severity.rawValue]!
            XCTAssertTrue(command.hasPrefix(expected), String(command))
            XCTAssertTrue(command.contains(",line=\(finding.line),col=\(finding.column),endLine=\(finding.endLine),endColumn=\(finding.endColumn),"))
        }
        let chronicle = try GitHubReporter.report(CorpusRun.run([CorpusRun.chronicle]), context: CorpusRun.context())
        XCTAssertTrue(chronicle.contains("title=Không sa vào kể lể dài dòng những việc đã làm [khong-ke-le]::"), chronicle)
        let percent = try XCTUnwrap(run.documents.flatMap(\.findings).first { $0.message.contains("%") }, "the corpus has a message with %")
        XCTAssertTrue(output.contains("::" + percent.message.replacingOccurrences(of: "%", with: "%25")), "percent signs are escaped")
        XCTAssertTrue(chronicle.contains("title=Nêu nguyên nhân khách quan%2C chủ quan [nguyen-nhan]::"), "commas in properties")
        XCTAssertTrue(output.contains("::error file=Corpus/tld-so-ket-dh-ix/khong-co.docx,title=soatxet::"))
    }

    func testGitHubEscapingFollowsTheToolkit() {
        XCTAssertEqual(GitHubReporter.command("warning", properties: [("file", "a,b:c.txt"), ("title", "50% xong\r\n")],
                                              message: "dòng 1\r\ndòng 2: 100%"),
                       "::warning file=a%2Cb%3Ac.txt,title=50%25 xong%0D%0A::dòng 1%0D%0Adòng 2: 100%25")
    }

    func testMarkdownCommentHasAChecklistAndFindingsPerReport() throws {
        let run = CorpusRun.run([CorpusRun.exemplary, CorpusRun.chronicle])
        let comment = try MarkdownReporter.report(run, context: CorpusRun.context())
        XCTAssertTrue(comment.contains("### Corpus/tld-so-ket-dh-ix/mau-ldld-tinh.txt — ✅ ĐẠT — điểm "), comment)
        let score = run.documents[1].score == run.documents[1].score.rounded() ? "\(Int(run.documents[1].score))" : "\(run.documents[1].score)"
        XCTAssertTrue(comment.contains("### Corpus/tld-so-ket-dh-ix/cd-gtvt-bien-nien-ke-le.txt — ❌ CHƯA ĐẠT — điểm \(score)/100"), comment)
        let rows = comment.split(separator: "\n").filter { $0.hasPrefix("| ✓ |") || $0.hasPrefix("| ◐ |") || $0.hasPrefix("| ✗ |") }
        XCTAssertEqual(rows.count, run.documents.reduce(0) { $0 + $1.requirements.count })
        let narration = try XCTUnwrap(run.documents[1].requirements.first { $0.id == "khong-ke-le" })
        XCTAssertEqual(narration.status, .missing)
        XCTAssertTrue(comment.contains("| ✗ | Không sa vào kể lể dài dòng những việc đã làm (`khong-ke-le`) | «Nội dung báo cáo không sa vào kể lể dài dòng những việc đã làm» — \(MarkdownReporter.escape(narration.detail)) |"), comment)
        let items = comment.split(separator: "\n").filter { $0.hasPrefix("- **") }
        XCTAssertEqual(items.count, run.documents.reduce(0) { $0 + $1.findings.count })
        XCTAssertTrue(comment.contains("- **lỗi** dòng 10:1 — Báo cáo chưa rút ra bài học kinh nghiệm"), comment)
        let english = try MarkdownReporter.report(run, context: CorpusRun.context(language: "en"))
        XCTAssertTrue(english.contains("— ❌ NOT YET — score \(score)/100"), english)
    }

    func testMarkdownEscapesReportText() throws {
        XCTAssertEqual(MarkdownReporter.escape("<img src=x onerror=alert(1)> *đậm* | ô `mã` [liên kết](x) $x$ & #1\nhết"),
                       "&lt;img src=x onerror=alert(1)&gt; \\*đậm\\* \\| ô \\`mã\\` \\[liên kết\\](x) \\$x\\$ &amp; \\#1 hết")
        let document = try CorpusRun.checker.check(text: "BÁO CÁO\nHoạtđộngcôngđoàn năm qua.\n", path: "bao_cao|<b>moi</b>.txt")
        let comment = try MarkdownReporter.report(RunResult(documents: [document], errors: []), context: CorpusRun.context())
        XCTAssertTrue(comment.contains("### bao\\_cao\\|&lt;b&gt;moi&lt;/b&gt;.txt — "), comment)
        XCTAssertFalse(comment.contains("<b>"))
    }

    /// reviewdog counts columns in UTF-8 bytes with an exclusive end: the byte range of each one-line
    /// diagnostic is the text the finding is about.
    func testRDJSONRangesAreUTF8ByteRanges() throws {
        let run = CorpusRun.run(CorpusRun.reports)
        let result = try json(try RDJSONReporter.report(run, context: CorpusRun.context()))
        XCTAssertEqual((result["source"] as? [String: Any])?["name"] as? String, "soatxet")
        XCTAssertEqual(result["severity"] as? String, "ERROR")
        let diagnostics = try XCTUnwrap(result["diagnostics"] as? [[String: Any]])
        let findings = run.documents.flatMap { document in document.findings.map { (document.path, $0) } }
        XCTAssertEqual(diagnostics.count, findings.count)
        var checked = 0
        for (diagnostic, (path, finding)) in zip(diagnostics, findings) {
            XCTAssertEqual((diagnostic["code"] as? [String: Any])?["value"] as? String, finding.rule)
            XCTAssertEqual(diagnostic["severity"] as? String, finding.severity.rawValue.uppercased())
            let location = try XCTUnwrap(diagnostic["location"] as? [String: Any])
            XCTAssertEqual(location["path"] as? String, path)
            let range = try XCTUnwrap(location["range"] as? [String: Any])
            let start = try XCTUnwrap(range["start"] as? [String: Int]), end = try XCTUnwrap(range["end"] as? [String: Int])
            XCTAssertEqual(start["line"], finding.line)
            XCTAssertEqual(end["line"], finding.endLine)
            guard finding.line == finding.endLine, !finding.excerpt.hasSuffix("…") else { continue }
            let bytes = Array(CorpusRun.line(finding.line, of: path).utf8)
            XCTAssertEqual(String(decoding: bytes[(start["column"]! - 1)..<(end["column"]! - 1)], as: UTF8.self), finding.excerpt,
                           "\(path):\(finding.line) \(finding.rule)")
            checked += 1
        }
        XCTAssertGreaterThan(checked, 50)
    }

    /// A spelling fix is a reviewdog suggestion over the flagged text; advice in words stays in the message.
    func testRDJSONSuggestionsAreReplacementsOnly() throws {
        let text = "BÁO CÁO\nSơ kết nửa nhiệm kỳ\nHoạtđộngcôngđoàn năm qua cơ bản hoàn thành các chỉ tiêu.\n"
        let document = try CorpusRun.checker.check(text: text, path: "bao-cao.txt")
        let context = ReportContext(rules: RuleDescriptor.catalogue(of: CorpusRun.pack), sourceText: { _ in text })
        let diagnostics = try XCTUnwrap(try json(try RDJSONReporter.report(RunResult(documents: [document], errors: []), context: context))["diagnostics"] as? [[String: Any]])
        let glued = try XCTUnwrap(diagnostics.first { $0["suggestions"] != nil })
        let suggestion = try XCTUnwrap((glued["suggestions"] as? [[String: Any]])?.first)
        XCTAssertEqual(suggestion["text"] as? String, "Hoạt động công đoàn")
        let range = try XCTUnwrap(suggestion["range"] as? [String: [String: Int]])
        XCTAssertEqual(range["start"], ["line": 3, "column": 1])
        XCTAssertEqual(range["end"], ["line": 3, "column": "Hoạtđộngcôngđoàn".utf8.count + 1])
        XCTAssertEqual(diagnostics.filter { $0["suggestions"] != nil }.count, 1)
        let vague = try XCTUnwrap(diagnostics.first { ($0["code"] as? [String: Any])?["value"] as? String == "van-phong-chung-chung" })
        XCTAssertTrue((vague["message"] as? String)?.hasSuffix("→ gợi ý: nêu số liệu cụ thể, so sánh với chỉ tiêu") == true,
                      vague["message"] as? String ?? "")
    }

    func testEveryFormatIsRegistered() {
        XCTAssertEqual(Set(Reporters.all.keys), ["text", "json", "sarif", "junit", "github", "checkstyle", "markdown", "rdjson"])
    }
}
