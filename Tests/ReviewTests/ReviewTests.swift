// ReviewTests: the batch outputs on the corpus. Page, summaries, letters, units, atomic writing.
import ComplianceEngine
import DocumentReaders
import Foundation
import RuleModel
import XCTest
@testable import Review

final class BatchOutputTests: XCTestCase {
    /// The default pack's corpus folder, checked once for the tests of this class.
    static let batch: ReviewBatch = {
        let pack = try! Corpus.pack("tld-so-ket-dh-ix")
        let run = try! Checker(pack: pack).check(paths: Corpus.reports("tld-so-ket-dh-ix"))
        return ReviewBatch(run: run, pack: pack)
    }()

    /// The batch is checked on every core with one checker; it must give what one thread gives (a
    /// PCRE2 JIT stack shared between threads once made it differ, or crash).
    func testParallelCheckingGivesWhatOneThreadGives() throws {
        let paths = Corpus.reports("tld-so-ket-dh-ix")
        let checker = try Checker(pack: try Corpus.pack("tld-so-ket-dh-ix"))
        let parallel = checker.check(paths: paths, workers: 4)
        let single = checker.check(paths: paths, workers: 1)
        XCTAssertEqual(parallel.documents.map(\.path), single.documents.map(\.path))
        XCTAssertEqual(parallel.documents.map(\.score), single.documents.map(\.score))
        XCTAssertEqual(parallel.documents.map { $0.requirements.map(\.status) }, single.documents.map { $0.requirements.map(\.status) })
        XCTAssertEqual(parallel.documents.map(\.findings), single.documents.map(\.findings))
    }

    func testPageIsWellFormedAndItsMatrixAgreesWithTheResults() throws {
        let batch = Self.batch
        let html = HTMLPage.render(batch)
        let page = PageReader.parse(html)
        XCTAssertNil(page.error, "index.html is not well-formed: \(page.error.map { "\($0)" } ?? "")")
        XCTAssertEqual(page.rows.count, batch.reports.count)
        XCTAssertGreaterThan(page.rows.count, 20)
        for report in batch.reports {
            let file = (report.result.path as NSString).lastPathComponent
            let row = try XCTUnwrap(page.rows.first { $0.file == file }, "no matrix row for \(file)")
            XCTAssertEqual(row.statuses, report.result.requirements.map(\.status.rawValue), file)
        }
        // Self-contained: no external resource of any kind.
        XCTAssertFalse(html.contains("src=\"http"))
        XCTAssertFalse(html.contains("href=\"http"))
        XCTAssertFalse(html.contains("<link"))
        XCTAssertFalse(html.contains("@import"))
        XCTAssertEqual(page.scripts, 1, "one inline script, nothing loaded")
        XCTAssertEqual(page.elements["svg"], 2, "the score distribution and the requirement bars")
        XCTAssertEqual(page.elements["section", default: 0] - 3, batch.reports.count, "charts, matrix, requirements, then one section per report")
        XCTAssertTrue(html.contains("@page{size:A4"))
        // The statuses are written as three different shapes.
        XCTAssertTrue(html.contains(">✓<") && html.contains(">◐<") && html.contains(">✗<"))
    }

    func testReportTextIsEscaped() throws {
        let scratch = try Scratch()
        let report = """
        LIÊN ĐOÀN LAO ĐỘNG TỈNH <SCRIPT>ALERT(1)</SCRIPT>
        BAN THƯỜNG VỤ

        BÁO CÁO
        Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội IX Công đoàn Việt Nam

        I. KẾT QUẢ ĐẠT ĐƯỢC
        Công đoàn đã tổ chức 12 lớp tập huấn <img src=x onerror=alert(2)> cho 450 cán bộ công đoàn, đạt 112% chỉ tiêu Nghị quyết.

        II. BÀI HỌC KINH NGHIỆM
        Bài học kinh nghiệm rút ra là <script>alert("x")</script> & "ngoặc" phải bám sát cơ sở.
        """
        let path = scratch.path("bao-cao-<b>.txt")
        try report.write(toFile: path, atomically: true, encoding: .utf8)
        let pack = try Corpus.pack("tld-so-ket-dh-ix")
        let run = try Checker(pack: pack).check(paths: [path])
        XCTAssertEqual(run.documents.count, 1)
        let batch = ReviewBatch(run: run, pack: pack)
        let html = HTMLPage.render(batch)
        let page = PageReader.parse(html)
        XCTAssertNil(page.error)
        XCTAssertEqual(page.scripts, 1, "only the page's own script")
        XCTAssertFalse(html.lowercased().contains("<script>alert"))
        XCTAssertFalse(html.contains("<img"))
        XCTAssertFalse(html.contains("<b>"))
        XCTAssertTrue(page.text.contains("Bài học kinh nghiệm rút ra là <script>alert(\"x\")</script> & \"ngoặc\" phải bám sát cơ sở."),
                      "the evidence is shown as written")
        XCTAssertTrue(page.text.contains("tập huấn <img src=x onerror=alert(2)> cho 450"))
        XCTAssertTrue(html.contains("&lt;SCRIPT&gt;ALERT(1)&lt;/SCRIPT&gt;"), "the unit name is escaped")
        XCTAssertTrue(page.text.contains("bao-cao-<b>.txt"))
    }

    func testCSVIsUTF8WithByteOrderMarkAndOneRowPerReport() throws {
        let batch = Self.batch
        let data = SummaryCSV.render(batch)
        XCTAssertEqual(Array(data.prefix(3)), [0xEF, 0xBB, 0xBF])
        let text = try XCTUnwrap(String(data: data.dropFirst(3), encoding: .utf8))
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.count, batch.reports.count + 1)
        XCTAssertTrue(lines[0].hasPrefix("Đơn vị,Tệp,Điểm,Kết luận,"))
        for (line, report) in zip(lines.dropFirst(), batch.reports) {
            XCTAssertTrue(line.contains(report.result.path), line)
            XCTAssertTrue(line.hasSuffix("," + report.result.requirements.map { $0.status.words("vi") }.joined(separator: ",")), line)
        }
    }

    func testMarkdownSummaryHasTheMatrix() {
        let batch = Self.batch
        let markdown = SummaryMarkdown.render(batch)
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") }
        XCTAssertEqual(rows.count, batch.reports.count + 1)
        let first = batch.reports[0]
        XCTAssertTrue(rows[1].hasSuffix(first.result.requirements.map(\.status.symbol).joined(separator: " | ") + " |"))
    }

    func testUnitsAreNamedFromTheHeaderOrTheFile() {
        XCTAssertEqual(UnitName.fromHeader("LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH / BAN THƯỜNG VỤ"), "LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH")
        XCTAssertEqual(UnitName.fromHeader("LIEN DOAN LAO DONG TINH AN GIANG / BAN THUONG VU"), "LIEN DOAN LAO DONG TINH AN GIANG")
        XCTAssertEqual(UnitName.fromHeader("TỔNG LĐLĐ VIỆT NAM / CÔNG ĐOÀN Y TẾ VIỆT NAM"), "CÔNG ĐOÀN Y TẾ VIỆT NAM")
        XCTAssertEqual(UnitName.fromHeader("LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ HẢI PHÒNG"), "LIÊN ĐOÀN LAO ĐỘNG THÀNH PHỐ HẢI PHÒNG")
        XCTAssertEqual(UnitName.fromHeader("LIÊN ĐOÀN LAO ĐỘNG HUYỆN VĨNH THUẬN / BAN CHẤP HÀNH CĐCS TRUNG TÂM Y TẾ HUYỆN"),
                       "CĐCS TRUNG TÂM Y TẾ HUYỆN")
        XCTAssertEqual(UnitName.fromHeader("CĐCS TRƯỜNG THCS VĨNH BÌNH NAM / PHẦN I: KẾT QUẢ THỰC HIỆN NQ ĐẠI HỘI"), "CĐCS TRƯỜNG THCS VĨNH BÌNH NAM")
        XCTAssertNil(UnitName.fromHeader("I. ĐẶC ĐIỂM TÌNH HÌNH"))
        XCTAssertNil(UnitName.fromHeader(nil))
        XCTAssertEqual(UnitName.fromFile("Corpus/x/ldld-da-nang-khong-bai-hoc.tcvn3.txt"), "ldld-da-nang-khong-bai-hoc.tcvn3")

        let byFile = Dictionary(Self.batch.reports.map { (($0.result.path as NSString).lastPathComponent, $0) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(byFile["mau-ldld-tinh.txt"]?.unit, "LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH")
        XCTAssertEqual(byFile["mau-ldld-tinh.docx"]?.unit, "LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH", "the Word variant names the same unit")
        for report in Self.batch.reports where !report.unitFromHeader {
            XCTAssertEqual(report.unit, UnitName.fromFile(report.result.path), "without a header the file name stands in")
        }
        // Slugs are unique although the .txt and .docx share a stem.
        XCTAssertEqual(Set(Self.batch.reports.map(\.slug)).count, Self.batch.reports.count)
        XCTAssertEqual(byFile["mau-ldld-tinh.docx"]?.slug, "mau-ldld-tinh")
        XCTAssertEqual(byFile["mau-ldld-tinh.txt"]?.slug, "mau-ldld-tinh-txt")
        XCTAssertEqual(byFile["mau-ldld-tinh.vni.txt"]?.slug, "mau-ldld-tinh.vni")
    }

    func testLettersUseThePacksMessages() throws {
        let batch = Self.batch
        let pack = batch.pack
        let report = try XCTUnwrap(batch.reports.first { $0.result.path.hasSuffix("/cd-gtvt-bien-nien-ke-le.txt") })
        let letter = FeedbackLetter(report: report, batch: batch)
        let markdown = letter.markdown
        XCTAssertTrue(markdown.hasPrefix("# NHẬN XÉT\n"))
        XCTAssertTrue(markdown.contains("Báo cáo sơ kết nửa nhiệm kỳ thực hiện Nghị quyết Đại hội IX Công đoàn Việt Nam của CÔNG ĐOÀN GIAO THÔNG VẬN TẢI VIỆT NAM"))
        for judged in report.result.requirements where judged.status != .met {
            let requirement = try XCTUnwrap(pack.requirements.first { $0.id == judged.id })
            let template = judged.status == .partial ? (requirement.messages.partial ?? requirement.messages.missing) : requirement.messages.missing
            let expected = template.vi.replacingOccurrences(of: "{detail}", with: judged.detail)
            let point = letter.blocks.first {
                if case let .point(text, _) = $0 { return text.hasPrefix(expected.trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
                return false
            }
            XCTAssertNotNil(point, "the letter says «\(expected)» for \(judged.id)")
            XCTAssertEqual(point.flatMap { if case let .point(_, clause) = $0 { return clause } else { return nil } }, judged.clause)
        }
        XCTAssertEqual(report.result.verdict, .chuaDat, "the chronicle report does not pass")
        let overall = "Báo cáo chưa đạt yêu cầu (điểm \(formatScore(report.result.score))/100"
        XCTAssertTrue(markdown.contains(overall))
        XCTAssertTrue(markdown.contains("Đề nghị CÔNG ĐOÀN GIAO THÔNG VẬN TẢI VIỆT NAM bổ sung, hoàn chỉnh báo cáo"))
        // A requirement met with a `met` message in the pack is praised in the pack's words.
        let good = try XCTUnwrap(batch.reports.first { $0.result.path.hasSuffix("/mau-ldld-tinh.txt") })
        XCTAssertTrue(FeedbackLetter(report: good, batch: batch).markdown.contains("Báo cáo đã đánh giá đủ 5 nhiệm vụ chủ yếu của Nghị quyết Đại hội IX."))

        // The Word letter holds the same text.
        let word = try WordLetter.render(letter)
        let document = try XCTUnwrap(try zipPart(word, "word/document.xml"))
        XCTAssertTrue(document.contains("Những nội dung cần bổ sung, sửa đổi"))
        let scratch = try Scratch()
        let path = scratch.path("letter.docx")
        try word.write(to: URL(fileURLWithPath: path))
        let read = try DocumentReaders.read(path: path)
        XCTAssertEqual(read.blocks.first?.text, "NHẬN XÉT")
        XCTAssertTrue(read.blocks.contains { $0.text.contains(overall) })
    }

    func testFolderIsWrittenAtomicallyAndReplacedWhole() throws {
        let scratch = try Scratch()
        let folder = URL(fileURLWithPath: scratch.path("nhan-xet"))
        let written = try ReviewOutput.write(Self.batch, to: folder)
        XCTAssertEqual(Array(written.prefix(3)), ["index.html", "summary.csv", "summary.md"])
        XCTAssertEqual(written.count, 3 + 2 * Self.batch.reports.count)
        for file in written { XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path), file) }
        // A second review replaces the first whole: a stale letter does not survive.
        try Data("cũ".utf8).write(to: folder.appendingPathComponent("feedback/cu.md"))
        try ReviewOutput.write(Self.batch, to: folder)
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("feedback/cu.md").path))
        // No temporary folder is left beside it.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path), ["nhan-xet"])
        // A folder that is not a review is never replaced.
        let other = URL(fileURLWithPath: scratch.path("tai-lieu"))
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try Data("giữ".utf8).write(to: other.appendingPathComponent("ghi-chu.txt"))
        XCTAssertThrowsError(try ReviewOutput.write(Self.batch, to: other)) {
            XCTAssertEqual($0 as? ReviewError, .outputNotAReviewFolder(path: other.standardizedFileURL.path))
        }
        XCTAssertTrue(FileManager.default.fileExists(atPath: other.appendingPathComponent("ghi-chu.txt").path))
    }
}
