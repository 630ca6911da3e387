// VietnameseTextTests: figures. Numbers, percentages, money, ratios and counts in report text.
import PCRE2
import XCTest
@testable import VietnameseText

final class FiguresTests: XCTestCase {
    private func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }

    /// The figures of `text` as "matched text|kind|value|unit".
    private func figures(_ text: String) -> [String] {
        FigureScanner.scan(text).map { figure in
            let value = figure.value == figure.value.rounded() && abs(figure.value) < 1e15
                ? String(Int64(figure.value)) : String(figure.value)
            return "\(slice(text, figure.range))|\(figure.kind.rawValue)|\(value)|\(figure.unit ?? "-")"
        }
    }

    private func assertFigures(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(figures(text), expected, file: file, line: line)
    }

    func testFactoredAlternationShape() {
        XCTAssertEqual(FigureScanner.factoredAlternation(["ab", "A", "abc d"]), #"a(?:b(?:c\s+d)?)?"#)
        XCTAssertEqual(FigureScanner.factoredAlternation(["xy", "xz"]), "x(?:y|z)")
    }

    /// The units factored match, after a number, exactly what the units listed longest first match:
    /// every unit as written, in capitals and in lower case, with more white space, cut short,
    /// followed by a letter or by another unit.
    func testFactoredUnitsMatchAsTheListedUnits() throws {
        let listed = FigureScanner.units.sorted { $0.utf8.count > $1.utf8.count }
            .map { $0.split(separator: " ").map { Pattern.escape(String($0)) }.joined(separator: "\\s+") }
            .joined(separator: "|")
        func unitPattern(_ alternation: String) throws -> Pattern {
            try Pattern(#"\G\s+("# + alternation + #")(?![\p{L}\p{N}])"#, options: FigureScanner.figureOptions)
        }
        let plain = try unitPattern(listed)
        let factored = try unitPattern(FigureScanner.factoredAlternation(FigureScanner.units))
        var subjects: [String] = []
        for (index, unit) in FigureScanner.units.enumerated() {
            let next = FigureScanner.units[(index * 7 + 3) % FigureScanner.units.count]
            for form in [unit, unit.uppercased(), unit.lowercased(), unit.replacingOccurrences(of: " ", with: " \t ")] {
                subjects += [form, form + " x", form + "x", form + "1", form + " " + next, String(form.dropLast())]
            }
        }
        var matched = 0
        for subject in subjects {
            let text = " " + subject
            let expected = try plain.firstMatch(in: text)
            XCTAssertEqual(try factored.firstMatch(in: text), expected, subject)
            if expected != nil { matched += 1 }
        }
        XCTAssertGreaterThan(matched, subjects.count / 2)
    }

    func testDurationsAreNoResults() {
        assertFigures("Qua 10 năm thực hiện Nghị quyết, 5 năm qua có 3 tuần cao điểm.",
                      ["10 năm|duration|10|năm", "5 năm|duration|5|năm", "3 tuần|duration|3|tuần"])
        XCTAssertFalse(FigureKind.duration.isResult)
        XCTAssertTrue(FigureKind.count.isResult)
    }

    func testCountsWithUnits() {
        assertFigures("Trong 6 tháng đầu năm, phát triển mới 1.250 đoàn viên.",
                      ["6 tháng|duration|6|tháng", "1.250 đoàn viên|count|1250|đoàn viên"])
        assertFigures("Toàn huyện hiện có 45 CĐCS với 3.412 đoàn viên.",
                      ["45 CĐCS|count|45|CĐCS", "3.412 đoàn viên|count|3412|đoàn viên"])
        assertFigures("Thành lập mới 12 công đoàn cơ sở", ["12 công đoàn cơ sở|count|12|công đoàn cơ sở"])
        assertFigures("tổ chức 18 lớp tập huấn cho 1.024 lượt cán bộ",
                      ["18 lớp|count|18|lớp", "1.024 lượt|count|1024|lượt"])
        assertFigures("phối hợp tổ chức 56 cuộc đối thoại tại doanh nghiệp", ["56 cuộc|count|56|cuộc"])
        assertFigures("trao 320 suất quà Tết", ["320 suất|count|320|suất"])
        assertFigures("xây dựng 7 căn nhà Mái ấm Công đoàn", ["7 căn nhà|count|7|căn nhà"])
        assertFigures("có 1,250 đoàn viên", ["1,250 đoàn viên|count|1250|đoàn viên"])
        assertFigures("Chương trình phát triển một triệu đoàn viên",
                      ["một triệu đoàn viên|count|1000000|đoàn viên"])
        assertFigures("kết nạp 1,2 triệu đoàn viên", ["1,2 triệu đoàn viên|count|1200000|đoàn viên"])
    }

    func testPercentages() {
        assertFigures("Tỷ lệ CĐCS đạt vững mạnh là 98,7%.", ["98,7%|percent|98.7|-"])
        assertFigures("tăng 12,5% so với cùng kỳ", ["12,5%|percent|12.5|-"])
        assertFigures("chiếm 15 % tổng số lao động", ["15 %|percent|15|-"])
        assertFigures("Thu kinh phí công đoàn đạt 100% kế hoạch", ["100%|percent|100|-"])
        assertFigures("có 100% CĐCS tổ chức hội nghị", ["100% CĐCS|percent|100|CĐCS"])
        assertFigures("giảm 3 phần trăm", ["3 phần trăm|percent|3|-"])
        assertFigures("đạt 12.5% (số liệu nhập theo kiểu Anh)", ["12.5%|percent|12.5|-"])
    }

    func testMoney() {
        assertFigures("hỗ trợ 5.060.000 đồng cho đoàn viên", ["5.060.000 đồng|money|5060000|đồng"])
        assertFigures("tổng kinh phí 2,3 tỷ đồng", ["2,3 tỷ đồng|money|2300000000|đồng"])
        assertFigures("Quỹ Tấm lòng vàng vận động được 150 triệu đồng", ["150 triệu đồng|money|150000000|đồng"])
        assertFigures("mức hỗ trợ 500.000đ/người", ["500.000đ|money|500000|đ"])
        assertFigures("số tiền 12.000.000 VNĐ", ["12.000.000 VNĐ|money|12000000|VNĐ"])
        assertFigures("thu được 1,5 tỉ đồng", ["1,5 tỉ đồng|money|1500000000|đồng"])
        assertFigures("Kinh phí 1.234.567,5 đồng", ["1.234.567,5 đồng|money|1234567.5|đồng"])
    }

    func testRatios() {
        assertFigures("Có 15/20 CĐCS tổ chức Đại hội đúng thời gian.", ["15/20 CĐCS|ratio|0.75|CĐCS"])
        let figure = FigureScanner.scan("hoàn thành 12/15 chỉ tiêu Nghị quyết").first
        XCTAssertEqual(figure?.kind, .ratio)
        XCTAssertEqual(figure?.numerator, 12)
        XCTAssertEqual(figure?.denominator, 15)
        XCTAssertEqual(figure?.unit, "chỉ tiêu")
        assertFigures("đạt 9/9 chỉ tiêu", ["9/9 chỉ tiêu|ratio|1|chỉ tiêu"])
    }

    func testBareNumbers() {
        assertFigures("Số lao động nữ là 4.530", ["4.530|integer|4530|-"])
        assertFigures("bình quân 2,5 cuộc mỗi đơn vị, hệ số 1,8", ["2,5 cuộc|count|2.5|cuộc", "1,8|decimal|1.8|-"])
        assertFigures("tổng vốn 3 tỷ", ["3 tỷ|integer|3000000000|-"])
        assertFigures("Tổng số 1.234.567", ["1.234.567|integer|1234567|-"])
    }

    func testDatesAreNotFigures() {
        assertFigures("Ngày 14/9/2020 đã có 30 đoàn viên tham gia", ["30 đoàn viên|count|30|đoàn viên"])
        assertFigures("trước ngày 25/11/2020", [])
        assertFigures("ngày 8 tháng 4 năm 2010", [])
        assertFigures("tháng 11/2007 và quý III/2020", [])
        assertFigures("nhiệm kỳ 2018-2023 và giai đoạn 2008 - 2013", [])
        assertFigures("hạn chót ngày 14/9 hằng năm", [])
        assertFigures("gửi báo cáo trước 25/11", [])
    }

    func testDocumentNumbersAreNotFigures() {
        assertFigures("Thực hiện Nghị quyết số 20-NQ/TW của Trung ương", [])
        assertFigures("Căn cứ Kế hoạch số 2444/KH-TLĐ của Tổng Liên đoàn", [])
        assertFigures("Số: 15/BC-LĐLĐ", [])
        assertFigures("theo Nghị định 01/2020/NĐ-CP", [])
        assertFigures("Kết luận 79-KL/TW của Bộ Chính trị", [])
        assertFigures("triển khai Chỉ thị 22 của Ban Bí thư", [])
        assertFigures("Đại hội Công đoàn huyện lần thứ 10", [])
        assertFigures("thực hiện theo khoản 2 Điều 5 Điều lệ", [])
    }

    func testHeadingNumbersAreNotFigures() {
        assertFigures("1.2. Công tác phát triển đoàn viên\n2. Kết quả", [])
        assertFigures("3) Về tài chính: thu được 150 triệu đồng", ["150 triệu đồng|money|150000000|đồng"])
        assertFigures("1.2 Tuyên truyền, giáo dục", [])
        assertFigures("như đã nêu tại mục 1.2 ở trên", [])
    }

    func testTimesAndCodesAreNotFigures() {
        assertFigures("Hội nghị khai mạc lúc 8h30", [])
        assertFigures("Mã số thuế 1700123456A", [])
        assertFigures("tuyên truyền phòng chống dịch Covid - 19 trong đoàn viên", [])
        assertFigures("phòng chống dịch COVID-19 tại 35 doanh nghiệp", ["35 doanh nghiệp|count|35|doanh nghiệp"])
    }

    func testRangesAreUTF8Bytes() {
        let text = "Đoàn viên công đoàn tăng 1.250 người"
        let figure = FigureScanner.scan(text).first
        XCTAssertEqual(figure?.range.lowerBound, "Đoàn viên công đoàn tăng ".utf8.count)
        XCTAssertEqual(figure?.range.upperBound, text.utf8.count)
    }
}
