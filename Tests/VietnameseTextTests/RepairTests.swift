// VietnameseTextTests: decoding. Mojibake repair: each kind repaired and reported, mixed documents, clean text untouched.
import XCTest
@testable import VietnameseText

final class RepairTests: XCTestCase {
    static let report = """
        Công đoàn Việt Nam đã tổ chức sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội IX, \
        tập trung tuyên truyền, giáo dục chính trị cho đoàn viên và người lao động, \
        đại diện bảo vệ quyền, lợi ích hợp pháp, chính đáng của công nhân ở các khu công nghiệp.
        """

    /// Bytes as a Windows-1252 editor shows them (unassigned bytes as C1 controls).
    private func shownAsWindows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = LegacyTables.windows1252[Int(byte)]
            scalars.append(Unicode.Scalar(value == 0 ? UInt32(byte) : value)!)
        }
        return String(scalars)
    }

    private func assertRepaired(
        _ damaged: String, into expected: String, kind: RepairKind, file: StaticString = #filePath, line: UInt = #line
    ) {
        let result = MojibakeRepair.repair(damaged)
        XCTAssertEqual(result.text, expected, file: file, line: line)
        XCTAssertEqual(result.repairs.count, 1, "\(result.repairs)", file: file, line: line)
        guard let repair = result.repairs.first else { return }
        XCTAssertEqual(repair.kind, kind, file: file, line: line)
        XCTAssertEqual(repair.inputRange, 0..<damaged.utf8.count, file: file, line: line)
        XCTAssertGreaterThan(repair.replacements, 0, file: file, line: line)
        XCTAssertTrue(repair.sample.contains(" → "), repair.sample, file: file, line: line)
        XCTAssertFalse(result.map.isIdentity, file: file, line: line)
        XCTAssertEqual(result.map.inputOffset(result.text.utf8.count), damaged.utf8.count, file: file, line: line)
    }

    func testTCVN3ShownAsWindows1252() throws {
        let damaged = shownAsWindows1252(try LegacyCodecs.encode(Self.report, as: .tcvn3))
        XCTAssertTrue(damaged.hasPrefix("C«ng ®oµn ViÖt Nam"), damaged)
        assertRepaired(damaged, into: Self.report, kind: .tcvn3AsWindows1252)
        let repair = MojibakeRepair.repair(damaged).repairs[0]
        XCTAssertTrue(repair.sample.hasPrefix("C«ng ®oµn ViÖt → Công đoàn Việt"), repair.sample)
        XCTAssertEqual(repair.kind.rawValue, "tcvn3-as-cp1252")
    }

    func testVNIShownAsWindows1252() throws {
        let damaged = shownAsWindows1252(try LegacyCodecs.encode(Self.report, as: .vni))
        XCTAssertTrue(damaged.hasPrefix("Coâng ñoaøn"), damaged)
        assertRepaired(damaged, into: Self.report, kind: .vniAsWindows1252)
    }

    func testUTF8ShownAsWindows1252() {
        let damaged = shownAsWindows1252(Array(Self.report.utf8))
        XCTAssertTrue(damaged.hasPrefix("CÃ´ng Ä‘oÃ\u{A0}n"), damaged)
        assertRepaired(damaged, into: Self.report, kind: .utf8AsWindows1252)
        // The usual losses: the no-break space of "à" became a space, the unassigned 0x90 of "Đ" dropped.
        assertRepaired("CÃ´ng ÄoÃ n Viá»‡t Nam", into: "Công Đoàn Việt Nam", kind: .utf8AsWindows1252)
    }

    func testLatin1ShownAsWindows1258() {
        let damaged = "Ban Thường vụ đă xin ư kiến lănh đạo về việc tổ chức hội nghị, v\u{301} vậy cần làm rơ trách nhiệm."
        let expected = "Ban Thường vụ đã xin ý kiến lãnh đạo về việc tổ chức hội nghị, vì vậy cần làm rõ trách nhiệm."
        assertRepaired(damaged, into: expected, kind: .latin1AsWindows1258)
        XCTAssertEqual(MojibakeRepair.repair(damaged).repairs.first?.replacements, 5)
    }

    func testLostTCVN3SoftHyphen() {
        let damaged = "Những ngời lao động trong các nhà trờng đã đợc tham gia xây dựng phơng hớng nhiệm vụ."
        let expected = "Những người lao động trong các nhà trường đã được tham gia xây dựng phương hướng nhiệm vụ."
        assertRepaired(damaged, into: expected, kind: .lostTCVN3SoftHyphen)
        XCTAssertEqual(MojibakeRepair.repair(damaged).repairs.first?.kind.rawValue, "tcvn3-lost-u-horn")
    }

    func testDamagedParagraphsAmongCleanOnesAreRepairedAlone() throws {
        let clean1 = "I. KẾT QUẢ ĐẠT ĐƯỢC\nTổng Liên đoàn đã chỉ đạo sơ kết, ánh mắt sáng ngời niềm tin của đoàn viên."
        let tcvn3 = shownAsWindows1252(try LegacyCodecs.encode("Tổ chức công đoàn cơ sở được củng cố, phát triển.", as: .tcvn3))
        let clean2 = "Năm 2019 kết nạp 3.215 đoàn viên (ASEAN, ILO: Decent Work)."
        let vni = shownAsWindows1252(try LegacyCodecs.encode("Kiến nghị Tổng Liên đoàn sửa đổi chính sách.", as: .vni))
        let document = [clean1, tcvn3, clean2, vni, ""].joined(separator: "\n")
        let result = MojibakeRepair.repair(document)
        XCTAssertEqual(result.text, [
            clean1, "Tổ chức công đoàn cơ sở được củng cố, phát triển.", clean2,
            "Kiến nghị Tổng Liên đoàn sửa đổi chính sách.", "",
        ].joined(separator: "\n"))
        XCTAssertEqual(result.repairs.map(\.kind), [.tcvn3AsWindows1252, .vniAsWindows1252])
        let tcvn3Start = clean1.utf8.count + 1
        XCTAssertEqual(result.repairs[0].inputRange, tcvn3Start..<(tcvn3Start + tcvn3.utf8.count))
        let vniStart = tcvn3Start + tcvn3.utf8.count + 1 + clean2.utf8.count + 1
        XCTAssertEqual(result.repairs[1].inputRange, vniStart..<(vniStart + vni.utf8.count))
        // The clean paragraph after a repaired one maps back onto itself.
        let clean2Out = result.text.utf8.count - clean2.utf8.count - "Kiến nghị Tổng Liên đoàn sửa đổi chính sách.".utf8.count - 2
        XCTAssertEqual(result.map.inputOffset(clean2Out), tcvn3Start + tcvn3.utf8.count + 1)
        XCTAssertEqual(result.map.inputOffset(0), 0)
    }

    func testCleanTextIsUntouched() {
        let clean = """
            Ánh mắt sáng ngời, người lao động tin tưởng vào tổ chức công đoàn; mời các đồng chí dự hội nghị.
            Ban Thường vụ xin ý kiến lãnh đạo, làm rõ trách nhiệm, vì vậy quản lý chặt chẽ; lư hương, tư tưởng.
            Năm 2023: 104% kế hoạch, 12.450 đoàn viên; Microsoft Word, Excel, ASEAN, ILO, e-mail café.
            Lớp tập huấn về Bộ luật Lao động 2019 – thỏa ước lao động tập thể “mẫu”… được tổ chức ở trường.
            CÔNG ĐOÀN VIỆT NAM – BÁO CÁO SƠ KẾT GIỮA NHIỆM KỲ
            """
        let result = MojibakeRepair.repair(clean)
        XCTAssertEqual(result.text, clean)
        XCTAssertEqual(result.repairs, [])
        XCTAssertTrue(result.map.isIdentity)
    }
}

extension RepairTests {
    func testRepairLeavesALargeCleanCorpusUntouched() {
        let line = Self.report + "\n" + "Năm 2023: 104% kế hoạch, 12.450 đoàn viên; ánh mắt sáng ngời.\n"
        var text = ""
        while text.utf8.count < 2_000_000 { text += line }
        let result = MojibakeRepair.repair(text)
        XCTAssertEqual(result.repairs, [])
        XCTAssertTrue(result.map.isIdentity)
    }
}
