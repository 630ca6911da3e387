// VietnameseTextTests: structure. Heading numbers and bullets recognised, and look-alikes refused.
import XCTest
@testable import VietnameseText

final class NumberingTests: XCTestCase {
    /// Asserts the label of `line`: kind, ordinal, marker text and where the content starts.
    private func assertLabel(
        _ line: String, _ kind: NumberingLabel.Kind, ordinal: Int, marker: String, content: String,
        file: StaticString = #filePath, lineNumber: UInt = #line
    ) {
        guard let label = Numbering.parse(line: line) else {
            return XCTFail("no label in \"\(line)\"", file: file, line: lineNumber)
        }
        XCTAssertEqual(label.kind, kind, "kind of \"\(line)\"", file: file, line: lineNumber)
        XCTAssertEqual(label.ordinal, ordinal, "ordinal of \"\(line)\"", file: file, line: lineNumber)
        XCTAssertEqual(label.marker, marker, "marker of \"\(line)\"", file: file, line: lineNumber)
        let rest = String(decoding: Array(line.utf8)[label.contentOffset...], as: UTF8.self)
        XCTAssertEqual(rest, content, "content of \"\(line)\"", file: file, line: lineNumber)
    }

    func testRomanNumerals() {
        assertLabel("I. MỤC ĐÍCH, YÊU CẦU", .roman, ordinal: 1, marker: "I.", content: "MỤC ĐÍCH, YÊU CẦU")
        assertLabel("II. Nội dung tổng kết", .roman, ordinal: 2, marker: "II.", content: "Nội dung tổng kết")
        assertLabel(" III/ Tổ chức thực hiện:", .roman, ordinal: 3, marker: "III/", content: "Tổ chức thực hiện:")
        assertLabel("IV- TỔ CHỨC THỰC HIỆN", .roman, ordinal: 4, marker: "IV-", content: "TỔ CHỨC THỰC HIỆN")
        assertLabel("IX/ Công tác nữ công", .roman, ordinal: 9, marker: "IX/", content: "Công tác nữ công")
        assertLabel("XIV. Kiến nghị", .roman, ordinal: 14, marker: "XIV.", content: "Kiến nghị")
        assertLabel("IV - NHIỆM VỤ NỬA SAU NHIỆM KỲ", .roman, ordinal: 4, marker: "IV -", content: "NHIỆM VỤ NỬA SAU NHIỆM KỲ")
        assertLabel("V.KIẾN NGHỊ, ĐỀ XUẤT", .roman, ordinal: 5, marker: "V.", content: "KIẾN NGHỊ, ĐỀ XUẤT")
        assertLabel("VI) Bài học kinh nghiệm", .roman, ordinal: 6, marker: "VI)", content: "Bài học kinh nghiệm")
        XCTAssertEqual(Numbering.parse(line: "III. TỒN TẠI")?.level, 4)
    }

    func testArabicAndMultiLevel() {
        assertLabel("1. Mục đích", .arabic, ordinal: 1, marker: "1.", content: "Mục đích")
        assertLabel("2/ Yêu cầu", .arabic, ordinal: 2, marker: "2/", content: "Yêu cầu")
        assertLabel("3) Thời gian thực hiện", .arabic, ordinal: 3, marker: "3)", content: "Thời gian thực hiện")
        assertLabel("12. Công tác tài chính", .arabic, ordinal: 12, marker: "12.", content: "Công tác tài chính")
        assertLabel("4- Kiến nghị", .arabic, ordinal: 4, marker: "4-", content: "Kiến nghị")
        assertLabel("1.Đánh giá thực trạng", .arabic, ordinal: 1, marker: "1.", content: "Đánh giá thực trạng")
        assertLabel("(2) Công tác tuyên truyền", .arabic, ordinal: 2, marker: "(2)", content: "Công tác tuyên truyền")
        assertLabel("1.1. Về thực hiện nhiệm vụ đại diện", .multiLevel, ordinal: 1, marker: "1.1.", content: "Về thực hiện nhiệm vụ đại diện")
        assertLabel("2.3.1 Kết quả phát triển đoàn viên", .multiLevel, ordinal: 1, marker: "2.3.1", content: "Kết quả phát triển đoàn viên")
        assertLabel("1.8. đổi mới công tác tham mưu", .multiLevel, ordinal: 8, marker: "1.8.", content: "đổi mới công tác tham mưu")
        XCTAssertEqual(Numbering.parse(line: "2.3.1 Kết quả")?.path, [2, 3, 1])
        XCTAssertEqual(Numbering.parse(line: "1.1. Về")?.level, 6)
        XCTAssertEqual(Numbering.parse(line: "2.3.1 Kết quả")?.level, 7)
        XCTAssertEqual(Numbering.parse(line: "3. Kiến nghị")?.level, 5)
    }

    func testLetters() {
        assertLabel("A/ PHẦN MỞ ĐẦU", .upperLetter, ordinal: 1, marker: "A/", content: "PHẦN MỞ ĐẦU")
        assertLabel("B. Kết quả thực hiện", .upperLetter, ordinal: 2, marker: "B.", content: "Kết quả thực hiện")
        assertLabel("a) Công tác tuyên truyền", .lowerLetter, ordinal: 1, marker: "a)", content: "Công tác tuyên truyền")
        assertLabel("b. Công tác tổ chức", .lowerLetter, ordinal: 2, marker: "b.", content: "Công tác tổ chức")
        assertLabel("đ) Công tác nữ công", .lowerLetter, ordinal: 5, marker: "đ)", content: "Công tác nữ công")
        assertLabel("e) Công tác kiểm tra", .lowerLetter, ordinal: 6, marker: "e)", content: "Công tác kiểm tra")
        assertLabel("(c) tài chính công đoàn", .lowerLetter, ordinal: 3, marker: "(c)", content: "tài chính công đoàn")
        assertLabel("C. KIẾN NGHỊ", .upperLetter, ordinal: 3, marker: "C.", content: "KIẾN NGHỊ")
        XCTAssertEqual(Numbering.parse(line: "a) Công tác")?.level, 10)
        XCTAssertEqual(Numbering.parse(line: "A/ Phần")?.level, 9)
    }

    func testPartsChaptersSections() {
        assertLabel("PHẦN THỨ NHẤT", .part, ordinal: 1, marker: "PHẦN THỨ NHẤT", content: "")
        assertLabel("PHẦN THỨ HAI", .part, ordinal: 2, marker: "PHẦN THỨ HAI", content: "")
        assertLabel("Phần thứ hai", .part, ordinal: 2, marker: "Phần thứ hai", content: "")
        assertLabel("PHẦN I", .part, ordinal: 1, marker: "PHẦN I", content: "")
        assertLabel("Phần II: Phương hướng, nhiệm vụ", .part, ordinal: 2, marker: "Phần II:", content: "Phương hướng, nhiệm vụ")
        assertLabel("PHẦN THỨ BA - KIẾN NGHỊ", .part, ordinal: 3, marker: "PHẦN THỨ BA -", content: "KIẾN NGHỊ")
        assertLabel("Chương II", .chapter, ordinal: 2, marker: "Chương II", content: "")
        assertLabel("CHƯƠNG 3. TỔ CHỨC THỰC HIỆN", .chapter, ordinal: 3, marker: "CHƯƠNG 3.", content: "TỔ CHỨC THỰC HIỆN")
        assertLabel("Mục 3", .section, ordinal: 3, marker: "Mục 3", content: "")
        assertLabel("Mục 1. Công tác tuyên truyền", .section, ordinal: 1, marker: "Mục 1.", content: "Công tác tuyên truyền")
        assertLabel("Phần thứ mười hai", .part, ordinal: 12, marker: "Phần thứ mười hai", content: "")
        XCTAssertEqual(Numbering.parse(line: "PHẦN THỨ NHẤT")?.level, 1)
        XCTAssertEqual(Numbering.parse(line: "Chương II")?.level, 2)
        XCTAssertEqual(Numbering.parse(line: "Mục 3")?.level, 3)
    }

    func testBullets() {
        for (line, marker) in [
            ("- Công tác chỉ đạo, tổ chức thực hiện chương trình.", "-"),
            ("– Kết quả cụ thể thực hiện theo kế hoạch.", "–"),
            ("+ Số đoàn viên kết nạp mới: 1.250 người;", "+"),
            ("* Hạn chế:", "*"),
            ("• Tổ chức 12 lớp tập huấn", "•"),
            ("◦ Thăm hỏi đoàn viên ốm đau", "◦"),
            ("▪ Hỗ trợ nhà Mái ấm Công đoàn", "▪"),
            ("-Công tác phát triển đoàn viên", "-"),
            ("\t- Lưu: VT.", "-"),
        ] {
            let label = Numbering.parse(line: line)
            XCTAssertEqual(label?.kind, .bullet, line)
            XCTAssertEqual(label?.marker, marker, line)
            XCTAssertNil(label?.level, line)
            XCTAssertEqual(label?.isBullet, true, line)
        }
        XCTAssertEqual(Numbering.parse(line: "\t- Lưu: VT.")?.indent, 1)
        XCTAssertEqual(Numbering.parse(line: "\t- Lưu: VT.")?.contentOffset, 3)
    }

    func testLookAlikesAreNotMarkers() {
        for line in [
            "2019 là năm bản lề của nhiệm kỳ.",
            "1.234 đoàn viên được kết nạp mới trong năm.",
            "I tăng cường công tác kiểm tra.",
            "V/v sơ kết giữa nhiệm kỳ",
            "14/9/2020 Ban Thường vụ ban hành kế hoạch.",
            "14.9.2020 là ngày ban hành kế hoạch.",
            "3.5 triệu đồng được trao cho đoàn viên.",
            "12,5% công đoàn cơ sở chưa xếp loại.",
            "20-NQ/TW là nghị quyết về giai cấp công nhân.",
            "2444/KH-TLĐ của Đoàn Chủ tịch",
            "-5% so với cùng kỳ",
            "Phần lớn đoàn viên đồng tình.",
            "Chương trình phát triển một triệu đoàn viên",
            "Mục tiêu của nhiệm kỳ",
            "Mục 3 nêu rõ yêu cầu",
            "đ/c Chủ tịch chủ trì hội nghị",
            "b/c Thường trực LĐLĐ tỉnh",
            "v.v. và các nội dung khác",
            "VIỆC LÀM VÀ THU NHẬP",
            "Công đoàn cơ sở",
            "TP. Hồ Chí Minh",
            "100% CĐCS đã tổ chức sơ kết.",
            "5.060.000 đồng mỗi suất",
            "A. đã nêu ở trên",
            "",
            "   ",
        ] {
            XCTAssertNil(Numbering.parse(line: line), "\"\(line)\" must not be a marker")
        }
    }

    func testSubstringOffsetsAreRelativeToTheSubstring() {
        let text = "KẾ HOẠCH\n  II. NỘI DUNG\n"
        let lines = text.split(separator: "\n")
        let label = Numbering.parse(line: lines[1])
        XCTAssertEqual(label?.kind, .roman)
        XCTAssertEqual(label?.indent, 2)
        XCTAssertEqual(label?.length, 4)
    }
}
