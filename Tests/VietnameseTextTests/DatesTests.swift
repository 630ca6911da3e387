// VietnameseTextTests: dates and periods. Dates, periods and the report's own date line in report text.
import XCTest
@testable import VietnameseText

final class DatesTests: XCTestCase {
    private func slice(_ text: String, _ range: Range<Int>) -> String {
        String(decoding: Array(text.utf8)[range], as: UTF8.self)
    }

    /// Asserts that `text` holds exactly the dates listed, as "text=d/m/y" with the matched text.
    private func assertDates(_ text: String, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
        let found = DateScanner.scan(text).map { "\(slice(text, $0.range))=\($0)" }
        XCTAssertEqual(found, expected, file: file, line: line)
    }

    func testNumericDates() {
        assertDates("Báo cáo gửi về trước ngày 14/9/2020 để tổng hợp.", ["ngày 14/9/2020=14/9/2020"])
        assertDates("Hội nghị tổ chức 14-9-2020 tại hội trường.", ["14-9-2020=14/9/2020"])
        assertDates("Đại hội diễn ra 14.9.2020 thành công tốt đẹp.", ["14.9.2020=14/9/2020"])
        assertDates("Hạn nộp báo cáo: ngày 25/11/2020.", ["ngày 25/11/2020=25/11/2020"])
        assertDates("gửi về Ban Tuyên giáo trước ngày 05/11/2017 để tổng hợp", ["ngày 05/11/2017=5/11/2017"])
        assertDates("Kết luận số 79-KL/TW ngày 25/12/2013 của Bộ Chính trị", ["ngày 25/12/2013=25/12/2013"])
        assertDates("Kế hoạch số 15/KH-TLĐ ngày 08/6/2017 của Tổng Liên đoàn", ["ngày 08/6/2017=8/6/2017"])
        assertDates("Ngày 29/02/2020 tổ chức tọa đàm.", ["Ngày 29/02/2020=29/2/2020"])
    }

    func testInvalidDaysAndMonthsAreRejected() {
        assertDates("ngày 31/11/2020", [])
        assertDates("ngày 29/2/2019", [])
        assertDates("ngày 12/13/2020", [])
        assertDates("ngày 0/5/2020", [])
        assertDates("tháng 13/2020", [])
    }

    func testDatesInWords() {
        assertDates("Nghị quyết được ban hành ngày 8 tháng 4 năm 2010.", ["ngày 8 tháng 4 năm 2010=8/4/2010"])
        assertDates("Tính đến tháng 12 năm 2020, toàn huyện có 45 CĐCS.", ["tháng 12 năm 2020=12/2020"])
        assertDates("Từ tháng 11/2007, công đoàn ngành triển khai chương trình.", ["tháng 11/2007=11/2007"])
        assertDates("Trong năm 2020, phát triển mới 1.250 đoàn viên.", ["năm 2020=2020"])
        assertDates("Kết quả quý III/2020 cho thấy", ["quý III/2020=quý 3/2020"])
        assertDates("Báo cáo Quý 4 năm 2019 của LĐLĐ huyện", ["Quý 4 năm 2019=quý 4/2019"])
        assertDates("NGÀY 20 THÁNG 11 NĂM 2020", ["NGÀY 20 THÁNG 11 NĂM 2020=20/11/2020"])
    }

    func testDocumentNumbersAreNotDates() {
        assertDates("Thực hiện Nghị quyết số 20-NQ/TW của Ban Chấp hành Trung ương", [])
        assertDates("Căn cứ Kế hoạch số 2444/KH-TLĐ về sơ kết", [])
        assertDates("Số: 15/BC-LĐLĐ", [])
        assertDates("Nghị định số 01/2020/NĐ-CP", [])
    }

    func testYearPeriods() {
        let text = "Chương trình phát triển một triệu đoàn viên 2003 - 2008 và giai đoạn 2008 - 2013."
        let periods = DateScanner.periods(text)
        XCTAssertEqual(periods.map { slice(text, $0.range) }, ["2003 - 2008", "giai đoạn 2008 - 2013"])
        XCTAssertEqual(periods.map { "\($0.start.year)-\($0.end.year)" }, ["2003-2008", "2008-2013"])
        assertDates(text, ["2003=2003", "2008=2008", "2008=2008", "2013=2013"])
    }

    func testTermPeriods() {
        let text = "Nghị quyết Đại hội Công đoàn huyện nhiệm kỳ 2018-2023; kế hoạch 2018–2023 (khóa X)."
        let periods = DateScanner.periods(text)
        XCTAssertEqual(periods.map { slice(text, $0.range) }, ["nhiệm kỳ 2018-2023", "2018–2023"])
        XCTAssertEqual(DateScanner.periods("Đại hội IX Công đoàn Việt Nam (nhiệm kỳ 2003–2008)").count, 1)
    }

    func testRangesThatAreNotPeriods() {
        XCTAssertTrue(DateScanner.periods("Quỹ hỗ trợ 2500 - 3000 đoàn viên").isEmpty)
        XCTAssertTrue(DateScanner.periods("giai đoạn 2023 - 2018").isEmpty)
    }

    func testPeriodBetweenTwoDates() {
        let text = "Từ tháng 1/2008 đến tháng 8/2008, toàn ngành kết nạp 12.500 đoàn viên."
        let periods = DateScanner.periods(text)
        XCTAssertEqual(periods.map { slice(text, $0.range) }, ["Từ tháng 1/2008 đến tháng 8/2008"])
        XCTAssertEqual(periods.first?.start.month, 1)
        XCTAssertEqual(periods.first?.end.month, 8)

        let days = "Thời gian từ ngày 01/10/2020 đến ngày 15/11/2020 các CĐCS tổ chức sơ kết."
        XCTAssertEqual(DateScanner.periods(days).map { slice(days, $0.range) },
                       ["từ ngày 01/10/2020 đến ngày 15/11/2020"])
        let years = "Từ năm 2018 đến năm 2020 đã thành lập mới 12 CĐCS."
        XCTAssertEqual(DateScanner.periods(years).map { slice(years, $0.range) }, ["Từ năm 2018 đến năm 2020"])
    }

    func testDocumentDateLine() {
        let header = """
            LIÊN ĐOÀN LAO ĐỘNG TỈNH KIÊN GIANG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
            LĐLĐ HUYỆN VĨNH THUẬN\tĐộc lập - Tự do - Hạnh phúc
            Số: 45/BC-LĐLĐ\tVĩnh Thuận, ngày  22  tháng 11 năm 2020
            """
        let date = DateScanner.documentDate(in: header)
        XCTAssertEqual(date?.day, 22)
        XCTAssertEqual(date?.month, 11)
        XCTAssertEqual(date?.year, 2020)
        XCTAssertEqual(date.map { slice(header, $0.range) }, "ngày  22  tháng 11 năm 2020")

        let hanoi = DateScanner.documentDate(in: "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\nHà Nội, ngày 20 tháng 11 năm 2020")
        XCTAssertEqual(hanoi?.description, "20/11/2020")
        let city = DateScanner.documentDate(in: "TP. Hồ Chí Minh, ngày 05/11/2017")
        XCTAssertEqual(city?.description, "5/11/2017")
    }

    func testHandwrittenDayLeavesMonthAndYear() {
        let blank = DateScanner.documentDate(in: "Rạch Giá, ngày    tháng 11 năm 2020")
        XCTAssertNil(blank?.day)
        XCTAssertEqual(blank?.month, 11)
        XCTAssertEqual(blank?.year, 2020)
        let dots = DateScanner.documentDate(in: "Vĩnh Thuận, ngày ..... tháng 11 năm 2020")
        XCTAssertEqual(dots?.description, "11/2020")
        let ellipsis = DateScanner.documentDate(in: "Hà Nội, ngày … tháng … năm 2008")
        XCTAssertEqual(ellipsis?.description, "2008")
        XCTAssertEqual(ellipsis?.latest.month, 12)
    }

    func testDocumentDateIgnoresDatesInTheBody() {
        XCTAssertNil(DateScanner.documentDate(in: "Căn cứ Kế hoạch số 15/KH-TLĐ ngày 08/6/2017 của Tổng Liên đoàn"))
        XCTAssertNil(DateScanner.documentDate(in: "Vĩnh Thuận, ngày 31 tháng 11 năm 2020"))
    }
}
