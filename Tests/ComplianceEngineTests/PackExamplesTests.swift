import ComplianceEngine
import RuleModel
import XCTest

/// Every example of every rule of every bundled pack behaves: pass examples are met (or raise no
/// finding), fail examples are not (or raise one). A rule without examples fails this test.
final class PackExamplesTests: XCTestCase {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Rules").path

    func testEveryExampleOfEveryPackBehaves() throws {
        let library = PackLibrary(folders: [Self.rules])
        let ids = library.availableIDs()
        XCTAssertTrue(ids.contains("tld-so-ket-dh-ix"), "the default pack is bundled")
        var total = 0
        for id in ids {
            let (failures, count) = try ExampleRunner.run(try library.resolve(id))
            total += count
            for failure in failures { XCTFail("\(failure)") }
        }
        XCTAssertGreaterThan(total, 50)
    }

    func testARuleWithoutExamplesFails() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-noexamples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let yaml = """
        id: thieu-vi-du
        title: Gói thiếu ví dụ
        directive: {issuer: TLĐ, title: Kế hoạch, clauses: {d1: "rút ra bài học kinh nghiệm"}}
        concepts: {bai-hoc: {phrases: [bài học kinh nghiệm]}}
        requirements:
          - id: bai-hoc-kinh-nghiem
            title: Rút ra bài học kinh nghiệm
            clause: d1
            check: {kind: mention, concept: bai-hoc}
            messages: {missing: Chưa rút ra bài học.}
            examples: {pass: ["Bài học kinh nghiệm là phải sâu sát cơ sở."], fail: []}
        """
        try yaml.write(to: folder.appendingPathComponent("thieu-vi-du.yaml"), atomically: true, encoding: .utf8)
        let (failures, _) = try ExampleRunner.run(try PackLibrary(folders: [folder.path]).resolve("thieu-vi-du"))
        XCTAssertEqual(failures.count, 1)
        XCTAssertEqual(failures.first?.list, "fail")
        XCTAssertTrue(failures.first?.outcome.contains("missing") == true)
    }

    func testDirectivePacksUseTheContractIDs() throws {
        let library = PackLibrary(folders: [Self.rules])
        let pack = try library.resolve("tld-so-ket-dh-ix")
        XCTAssertEqual(pack.pack.requirements.map(\.id), [
            "nhiem-vu-chu-yeu", "chi-tieu-so-lieu", "ket-qua-dat-duoc", "viec-chua-duoc", "nguyen-nhan",
            "bai-hoc-kinh-nghiem", "kien-nghi-de-xuat", "nhiem-vu-giai-phap", "khong-ke-le",
        ])
        XCTAssertEqual(pack.bases.map(\.id).sorted(), ["van-ban-cong-doan", "van-phong"])
    }
}
