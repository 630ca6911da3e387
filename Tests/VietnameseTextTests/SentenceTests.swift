// VietnameseTextTests: sentences. Focused cases for paragraphs, kinds, byte ranges and where sentences never split.
import Foundation
import XCTest
@testable import VietnameseText

final class SentenceTests: XCTestCase {
    /// The sentences of `text` as strings.
    private func sentences(_ text: String, options: SentenceSplitter.Options = .init()) -> [String] {
        let bytes = Array(text.utf8)
        return SentenceSplitter.sentences(in: text, options: options).map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// Asserts that `text` is one sentence.
    private func assertWhole(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(sentences(text), [text], file: file, line: line)
    }

    func testAbbreviationsWithDotsDoNotEndSentences() {
        assertWhole("Hội thảo do PGS.TS. Nguyễn Văn Hùng chủ trì tại TP. Hồ Chí Minh.")
        assertWhole("Tham dự có TS. Lê Minh, ThS. Trần Hoa, Th.S Phạm Toản và GS.TS. Đỗ Quang.")
        assertWhole("Trụ sở đặt tại P. Bến Thành, Q. 1, Tp. Hồ Chí Minh.")
        assertWhole("Các hoạt động thăm hỏi, tặng quà, v.v. được duy trì thường xuyên.")
        assertWhole("Các hoạt động văn hóa, thể thao v.v... được duy trì.")
        assertWhole("Hội nghị tổ chức tại St. Petersburg.")
        XCTAssertEqual(sentences("Hoạt động văn hóa, thể thao, v.v... Tuy nhiên, số người tham gia chưa nhiều."),
                       ["Hoạt động văn hóa, thể thao, v.v...", "Tuy nhiên, số người tham gia chưa nhiều."])
    }

    /// The quick test for listed words answers as the Sets do: for each listed word in both
    /// spellings (composed, decomposed), their prefixes, longer words and ordinary words.
    func testListedWordsAreFoundAsTheSetsFindThem() {
        var tokens = ["", "nhiệm", "năm", "Tp.HCM", "GS.TSKH", "TT.ƯTT", "ThS.BSCK", "t", "T", "x", "1.250", "Điều"]
        for word in SentenceSplitter.nonFinalWords.union(SentenceSplitter.signatureWords) {
            for spelling in [word, word.decomposedStringWithCanonicalMapping, word.lowercased(), word.uppercased()] {
                tokens += [spelling, String(spelling.dropLast()), spelling + "a", "a" + spelling]
            }
        }
        for token in tokens {
            for set in [SentenceSplitter.nonFinalWords, SentenceSplitter.signatureWords] {
                XCTAssertEqual(SentenceSplitter.isListed(token, in: set), set.contains(token), token.debugDescription)
            }
        }
        // A decomposed "Ư" is still the listed word.
        let text = "Chị là NS\u{0055}\u{031B}T. Nguyễn Thị A được khen."
        XCTAssertEqual(SentenceSplitter.split(text).flatMap(\.sentences).count, 1)
    }

    func testSignatureWordsAtLineStart() {
        let units = SentenceSplitter.split("TM. BAN CHẤP HÀNH\nKT. CHỦ TỊCH\nTL. CHỦ TỊCH\nTUQ. CHỦ TỊCH")
        XCTAssertEqual(units.map(\.sentences.count), [1, 1, 1, 1])
        XCTAssertEqual(units.map(\.kind), [.paragraph, .paragraph, .paragraph, .paragraph])
        XCTAssertEqual(sentences("Văn bản do cấp phó ký thay. KT. Chủ tịch là hình thức ký phổ biến."),
                       ["Văn bản do cấp phó ký thay.", "KT. Chủ tịch là hình thức ký phổ biến."])
    }

    func testNumbersDatesAndSymbolsDoNotSplit() {
        assertWhole("Toàn tỉnh có 1.234.567 lượt người lao động được tuyên truyền, tăng 12,5% so với năm 2019.")
        assertWhole("Tổng chi 5.060.000 đồng, bình quân 3.5 lần so với đầu nhiệm kỳ.")
        assertWhole("Ngày 14.9.2020 và ngày 14/9/2020 là hai cách ghi ngày ban hành.")
        assertWhole("Luật có hiệu lực từ ngày 8 tháng 4 năm 2010.")
        assertWhole("Căn cứ Nghị quyết số 20-NQ/TW, Kế hoạch số 2444/KH-TLĐ và Nghị định số 191/2013/NĐ-CP.")
        assertWhole("Số: 15/BC-LĐLĐ")
        assertWhole("V/v sơ kết giữa nhiệm kỳ")
    }

    func testURLsAndEmailAddressesDoNotSplit() {
        assertWhole("Báo cáo gửi qua địa chỉ bantochuc.ldld@kiengiang.gov.vn trước ngày 25/11/2020.")
        assertWhole("Tài liệu đăng tại https://congdoan.vn/tin-tuc/so-ket.htm?id=12 để các đơn vị khai thác.")
        XCTAssertEqual(sentences("Xem tại www.congdoan.vn. Phần mềm được cập nhật hằng tháng."),
                       ["Xem tại www.congdoan.vn.", "Phần mềm được cập nhật hằng tháng."])
    }

    func testEllipsisAndQuotes() {
        assertWhole("Các hoạt động như thăm hỏi, bếp ăn từ thiện ...; hiệu quả các mô hình chăm lo được nâng lên.")
        assertWhole("Tuyên truyền phòng chống dịch Covid - 19... trong đoàn viên được chú trọng.")
        assertWhole("Đồng chí nhấn mạnh: “Báo cáo phải ngắn gọn. Không kể lể dài dòng.”")
        assertWhole("Khẩu hiệu “Công đoàn là nhà!” được treo tại hội trường.")
        XCTAssertEqual(sentences("Đồng chí hỏi: “Bao giờ tổ chức?” Ban Chấp hành đã trả lời."),
                       ["Đồng chí hỏi: “Bao giờ tổ chức?”", "Ban Chấp hành đã trả lời."])
        XCTAssertEqual(sentences("Đời sống còn khó khăn… Nhiều doanh nghiệp cắt giảm lao động."),
                       ["Đời sống còn khó khăn…", "Nhiều doanh nghiệp cắt giảm lao động."])
    }

    func testEndOfDocumentMarkAndQuestionMarks() {
        XCTAssertEqual(sentences("Đề nghị các đơn vị quan tâm thực hiện./."), ["Đề nghị các đơn vị quan tâm thực hiện./."])
        XCTAssertEqual(sentences("Vì sao tỷ lệ còn thấp? Nguyên nhân là do doanh nghiệp chưa tạo điều kiện!"),
                       ["Vì sao tỷ lệ còn thấp?", "Nguyên nhân là do doanh nghiệp chưa tạo điều kiện!"])
    }

    func testSemicolonsJoinClausesUnlessAsked() {
        let text = "Ban Thường vụ đã xây dựng kế hoạch; tổ chức quán triệt; kiểm tra, đôn đốc thực hiện."
        assertWhole(text)
        XCTAssertEqual(sentences(text, options: .init(splitOnSemicolon: true)),
                       ["Ban Thường vụ đã xây dựng kế hoạch;", "tổ chức quán triệt;", "kiểm tra, đôn đốc thực hiện."])
        let item = SentenceSplitter.split("- Các CĐCS trực thuộc;")
        XCTAssertEqual(item.first?.kind, .listItem)
        XCTAssertEqual(item.first?.sentences.count, 1)
    }

    func testMarkersStartUnitsAndAreNeverSentences() throws {
        let text = "II. NỘI DUNG\n1. Mục đích\n- Đánh giá đúng thực trạng. Nêu rõ hạn chế.\na) Công tác nữ công;"
        let bytes = Array(text.utf8)
        let units = SentenceSplitter.split(text)
        XCTAssertEqual(units.map(\.kind), [.heading, .heading, .listItem, .listItem])
        XCTAssertEqual(units.map { $0.label?.marker }, ["II.", "1.", "-", "a)"])
        let all = units.flatMap(\.sentences).map { String(decoding: bytes[$0], as: UTF8.self) }
        XCTAssertEqual(all, ["NỘI DUNG", "Mục đích", "Đánh giá đúng thực trạng.", "Nêu rõ hạn chế.", "Công tác nữ công;"])
        let third = units[2]
        XCTAssertEqual(String(decoding: bytes[third.range], as: UTF8.self), "- Đánh giá đúng thực trạng. Nêu rõ hạn chế.")
        XCTAssertEqual(String(decoding: bytes[third.contentRange], as: UTF8.self), "Đánh giá đúng thực trạng. Nêu rõ hạn chế.")
    }

    func testNumberedTextIsAListItemAndTitlesAreHeadings() {
        let units = SentenceSplitter.split("""
        1. Đánh giá kết quả đạt được. Xây dựng định hướng cho những năm tiếp theo.
        2. Tồn tại, hạn chế và nguyên nhân
        KẾ HOẠCH
        TM. BAN THƯỜNG VỤ
        Công đoàn cơ sở báo cáo như sau:
        """)
        XCTAssertEqual(units.map(\.kind), [.listItem, .heading, .heading, .paragraph, .paragraph])
    }

    func testWrappedLinesJoinAndBlankLinesSeparate() {
        let text = "Ban Thường vụ đã chỉ đạo các CĐCS tổ chức\nsơ kết đúng tiến độ.\nthời gian thực hiện từ tháng 01/2019.\n\nnhững đề xuất"
        let units = SentenceSplitter.split(text)
        XCTAssertEqual(units.count, 3)
        XCTAssertEqual(units[0].lineCount, 2)
        XCTAssertEqual(units.map(\.lineCount), [2, 1, 1])
        let unjoined = SentenceSplitter.split(text, options: .init(joinWrappedLines: false))
        XCTAssertEqual(unjoined.count, 4)
    }

    func testRangesAreUTF8ByteOffsetsIntoTheInput() {
        let text = "\u{FEFF}Đoàn viên tăng 5%. Công đoàn vững mạnh.\r\n- Lưu: VT."
        let units = SentenceSplitter.split(text)
        let bytes = Array(text.utf8)
        let second = units[0].sentences[1]
        XCTAssertEqual(String(decoding: bytes[second], as: UTF8.self), "Công đoàn vững mạnh.")
        XCTAssertEqual(second.lowerBound, "\u{FEFF}Đoàn viên tăng 5%. ".utf8.count)
        XCTAssertEqual(String(decoding: bytes[units[1].sentences[0]], as: UTF8.self), "Lưu: VT.")
    }

    func testEmptyAndBlankText() {
        XCTAssertEqual(SentenceSplitter.split(""), [])
        XCTAssertEqual(SentenceSplitter.split("\n \n\t\n"), [])
        XCTAssertEqual(SentenceSplitter.split("PHẦN THỨ NHẤT").first?.sentences, [])
    }
}
