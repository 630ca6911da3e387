import ComplianceEngine
import DocumentReaders
import RuleModel
import XCTest

/// The engine on small real-looking reports: statuses, negation, sections, scoring, findings, locations.
final class EngineTests: XCTestCase {
    private static let yaml = """
    id: thu-nghiem
    title: Gói thử nghiệm
    directive:
      issuer: Đoàn Chủ tịch Tổng Liên đoàn
      title: Sơ kết giữa nhiệm kỳ
      clauses:
        nguyen-nhan: nêu rõ những kết quả đạt được, những việc chưa được và nguyên nhân
        bai-hoc: rút ra những bài học kinh nghiệm
        kien-nghi: có những kiến nghị, đề xuất với Đảng, Nhà nước, Tổng Liên đoàn
        ke-le: không sa vào kể lể dài dòng những việc đã làm
    scoring: {pass: 70}
    concepts:
      nguyen-nhan: {phrases: [nguyên nhân], exclude: [tìm hiểu nguyên nhân]}
      khach-quan: {phrases: [khách quan]}
      chu-quan: {phrases: [chủ quan]}
      bai-hoc: {phrases: [bài học kinh nghiệm, bài học], exclude: [bài học lịch sử]}
      kien-nghi: {phrases: [kiến nghị, đề xuất, đề nghị]}
      nha-nuoc: {phrases: [Nhà nước, Chính phủ]}
      tld: {phrases: [Tổng Liên đoàn]}
      chung-chung: {phrases: [cơ bản hoàn thành]}
    requirements:
      - id: nguyen-nhan
        title: Nêu nguyên nhân
        clause: nguyen-nhan
        weight: 2
        check: {kind: mention, concept: nguyen-nhan, qualifiers: [khach-quan, chu-quan]}
        messages: {partial: "Nguyên nhân chưa đủ ({detail}).", missing: "Chưa nêu nguyên nhân."}
        examples: {pass: [a], fail: [b]}
      - id: bai-hoc
        title: Bài học kinh nghiệm
        clause: bai-hoc
        check: {kind: section, concept: bai-hoc, min-sentences: 2}
        messages: {missing: Chưa có phần bài học kinh nghiệm.}
        examples: {pass: [a], fail: [b]}
      - id: kien-nghi
        title: Kiến nghị
        clause: kien-nghi
        severity: warning
        check: {kind: mention, concept: kien-nghi, qualifiers: [nha-nuoc, tld], need: 1, window: 2}
        messages: {partial: Kiến nghị chưa rõ địa chỉ., missing: Chưa có kiến nghị.}
        examples: {pass: [a], fail: [b]}
      - id: khong-ke-le
        title: Không kể lể
        clause: ke-le
        check: {kind: metric, measure: narrative-share, max: 0.3, partial-max: 0.5}
        messages: {missing: "Kể lể ({detail})."}
        examples: {pass: [a], fail: [b]}
    rules:
      - id: chung-chung
        title: Công thức chung chung
        check: {kind: phrase, concept: chung-chung, unless-figure-within: 0, suggest: nêu số liệu}
        message: "Cách nói chung chung \\"{detail}\\"."
        examples: {pass: [a], fail: [b]}
    """

    private func checker() throws -> Checker {
        let pack = try StrictYAMLDecoder(file: "thu-nghiem.yaml", yaml: Self.yaml).decode(Pack.self)
        return try Checker(pack: try ResolvedPack(pack, file: "thu-nghiem.yaml"))
    }

    private func status(_ result: DocumentResult, _ id: String) -> RequirementStatus? {
        result.requirements.first { $0.id == id }?.status
    }

    private let good = """
    BÁO CÁO
    Sơ kết giữa nhiệm kỳ
    I. KẾT QUẢ
    Năm 2020 kết nạp 1.250 đoàn viên, đạt 104% chỉ tiêu; so với đầu nhiệm kỳ tăng 12%.
    Nguyên nhân khách quan là doanh nghiệp khó khăn; nguyên nhân chủ quan là cán bộ còn kiêm nhiệm.
    II. BÀI HỌC KINH NGHIỆM
    Một là, phải bám sát sự lãnh đạo của cấp ủy.
    Hai là, cán bộ công đoàn phải sâu sát cơ sở.
    III. KIẾN NGHỊ
    Kiến nghị Nhà nước sửa đổi quy định về kinh phí công đoàn.
    """

    func testAGoodReportMeetsEverything() throws {
        let result = try checker().check(text: good, path: "tot.txt")
        XCTAssertEqual(result.requirements.map(\.status), [.met, .met, .met, .met], "\(result.requirements.map(\.detail))")
        XCTAssertEqual(result.score, 100)
        XCTAssertEqual(result.verdict, .dat)
        XCTAssertTrue(result.findings.isEmpty, "\(result.findings)")
        let evidence = try XCTUnwrap(result.requirements.first?.evidence.first)
        XCTAssertEqual(evidence.line, 5)
        XCTAssertEqual(evidence.column, 1)
        XCTAssertTrue(evidence.excerpt.hasPrefix("Nguyên nhân khách quan"))
    }

    func testNegatedMentionsAreMissing() throws {
        let text = """
        BÁO CÁO
        Chưa nêu nguyên nhân của các hạn chế. Đơn vị chưa rút ra được bài học kinh nghiệm nào.
        Không có kiến nghị.
        """
        let result = try checker().check(text: text)
        XCTAssertEqual(status(result, "nguyen-nhan"), .missing)
        XCTAssertEqual(status(result, "bai-hoc"), .missing)
        XCTAssertEqual(status(result, "kien-nghi"), .missing)
        XCTAssertEqual(result.verdict, .chuaDat)
        XCTAssertTrue(result.requirements.first?.detail.contains("phủ định") == true, result.requirements[0].detail)
    }

    func testHalfAnswersArePartial() throws {
        let text = """
        BÁO CÁO
        Nguyên nhân chủ yếu là do chủ quan, cán bộ chưa sâu sát.
        Bài học kinh nghiệm là phải sâu sát cơ sở.
        Đề nghị cấp trên quan tâm hỗ trợ kinh phí.
        """
        let result = try checker().check(text: text)
        XCTAssertEqual(status(result, "nguyen-nhan"), .partial)
        XCTAssertEqual(status(result, "bai-hoc"), .missing, "a sentence is not a section")
        XCTAssertEqual(status(result, "kien-nghi"), .partial)
        let finding = try XCTUnwrap(result.findings.first { $0.rule == "nguyen-nhan" })
        XCTAssertEqual(finding.severity, .warning, "a partial requirement is at most a warning")
        XCTAssertTrue(finding.message.contains("thiếu: khách quan"), finding.message)
        XCTAssertTrue(finding.message.contains("«nêu rõ những kết quả"), "the clause is cited")
    }

    func testLookAlikesDoNotCount() throws {
        let text = "BÁO CÁO\nCông đoàn phối hợp tìm hiểu nguyên nhân vụ việc.\nHội thi tìm hiểu bài học lịch sử thu hút 300 đoàn viên."
        let result = try checker().check(text: text)
        XCTAssertEqual(status(result, "nguyen-nhan"), .missing)
    }

    func testChroniclesAreNarration() throws {
        let text = """
        BÁO CÁO
        Ngày 5/3/2005, tổ chức hội nghị triển khai nhiệm vụ năm.
        Ngày 8/3/2005, tổ chức gặp mặt nữ CNVCLĐ nhân ngày Quốc tế Phụ nữ.
        Tháng 4/2005, tổ chức thăm hỏi công nhân tại Khu công nghiệp Trà Nóc.
        So với năm trước, số đoàn viên tăng 8%.
        """
        let result = try checker().check(text: text)
        XCTAssertEqual(status(result, "khong-ke-le"), .missing)
        XCTAssertEqual(result.statistics.narrativeShare, 0.75, accuracy: 0.01)
    }

    /// A dated sentence that also evaluates ("đạt", a percentage, "so với") is not narration,
    /// whatever the case and the i/y spelling.
    func testDatedSentencesThatEvaluateAreNotNarration() throws {
        let text = """
        BÁO CÁO
        Ngày 5/3/2005, tổ chức hội nghị triển khai nhiệm vụ năm.
        Ngày 8/3/2005, kết nạp 120 đoàn viên, ĐẠT 80 % kế hoạch.
        Tháng 4/2005, số đoàn viên tăng so với cùng kỳ.
        Tháng 5/2005, tổ chức tập huấn, tỉ lệ tham gia cao.
        """
        XCTAssertEqual(try checker().check(text: text).statistics.narrativeShare, 0.25, accuracy: 0.01)
    }

    func testVagueFormulaIsFlaggedWhereItStands() throws {
        let text = "BÁO CÁO\nCác chỉ tiêu cơ bản hoàn thành.\nCơ bản hoàn thành kế hoạch: kết nạp 1.250 đoàn viên."
        let result = try checker().check(text: text, path: "mo-ho.txt")
        let flags = result.findings.filter { $0.rule == "chung-chung" }
        XCTAssertEqual(flags.count, 1, "the second sentence has a figure")
        XCTAssertEqual(flags.first.map { [$0.line, $0.column, $0.endLine, $0.endColumn] }, [2, 14, 2, 30])
        XCTAssertEqual(flags.first?.excerpt, "cơ bản hoàn thành")
        XCTAssertEqual(flags.first?.suggestion, "nêu số liệu")
    }

    func testEnglishMessages() throws {
        let pack = try StrictYAMLDecoder(file: "thu-nghiem.yaml", yaml: Self.yaml).decode(Pack.self)
        let checker = try Checker(pack: try ResolvedPack(pack, file: "thu-nghiem.yaml"), options: EngineOptions(language: "en"))
        let result = try checker.check(text: "BÁO CÁO\nNăm qua tổ chức nhiều hoạt động.")
        XCTAssertEqual(result.requirements.first?.title, "Nêu nguyên nhân", "no English title given: Vietnamese stays")
    }

    func testUndiacritisedReportsMatchFolded() throws {
        let text = """
        BAO CAO
        Nam 2020 ket nap 1.250 doan vien, dat 104% chi tieu cua Nghi quyet Dai hoi cong doan cac cap de ra.
        Nguyen nhan khach quan la doanh nghiep kho khan; nguyen nhan chu quan la can bo con kiem nhiem nhieu viec.
        Kien nghi Nha nuoc sua doi quy dinh ve kinh phi cong doan va ho tro can bo cong doan co so.
        """
        let result = try checker().check(text: text)
        XCTAssertEqual(status(result, "nguyen-nhan"), .met)
        XCTAssertEqual(status(result, "kien-nghi"), .met)
    }
}
