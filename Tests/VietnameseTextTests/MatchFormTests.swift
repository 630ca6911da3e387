// VietnameseTextTests: matching. The matching form: case, tone placement, i/y, folding, tone styles.

import XCTest
@testable import VietnameseText

final class MatchFormTests: XCTestCase {
    private func key(_ phrase: String, fold: Bool = false) -> String { MatchForm.key(phrase, foldDiacritics: fold) }

    func testTonePlacementVariantsGiveOneForm() {
        let pairs = [
            ("hòa bình", "hoà bình"), ("Khóa học", "khoá học"), ("thủy lợi", "thuỷ lợi"), ("qúy", "quý"),
            ("Ban chấp hành công đòan", "ban chấp hành công đoàn"), ("sức khỏe", "sức khoẻ"),
            ("CÔNG ĐOÀN", "công đoàn"), ("ĐẨY MẠNH CÔNG NGHIỆP HÓA", "đẩy mạnh công nghiệp hoá"),
            ("kỹ thuật", "kĩ thuật"), ("lý luận", "lí luận"), ("Mỹ", "mĩ"), ("quí", "quý"), ("công ty", "công ti"),
        ]
        for (a, b) in pairs { XCTAssertEqual(key(a), key(b), "\(a) / \(b)") }
        XCTAssertEqual(key("Hòa bình"), "hoà bình")
        XCTAssertEqual(key("kỹ thuật"), "kĩ thuật")
    }

    func testDistinctWordsStayDistinct() {
        let pairs = [
            ("tay", "tai"), ("tuy", "tui"), ("yêu", "iêu"), ("quy", "qui ước"), ("hoà", "hoá"), ("ý kiến", "í kiến"),
            ("đoàn", "doàn"), ("thuỷ", "thuý"), ("uy tín", "ui tín"), ("may", "mai"), ("quý", "quỹ"),
        ]
        for (a, b) in pairs { XCTAssertNotEqual(key(a), key(b), "\(a) / \(b)") }
        XCTAssertEqual(key("yêu cầu"), "yêu cầu")
        XCTAssertEqual(key("Y tế"), "y tế")
        XCTAssertEqual(key("quyết định"), "quyết định")
        XCTAssertEqual(key("uy tín"), "uy tín")
    }

    func testFoldingRemovesAllDiacritics() {
        XCTAssertEqual(key("Đoàn viên CĐCS – Thủy lợi, Kỹ năng", fold: true), "doan vien cdcs – thuy loi, ki nang")
        XCTAssertEqual(key("hòa", fold: true), key("HOÁ", fold: true))
        XCTAssertEqual(key("Nghị quyết 20-NQ/TW", fold: true), "nghi quyet 20-nq/tw")
    }

    /// The matching form of report text, as phrase matching makes it of each word.
    private func form(_ text: String, fold: Bool) -> String {
        var text = text
        var form: [UInt8] = []
        text.withUTF8 { MatchForm.appendForm(of: $0, fold: fold, to: &form) }
        return String(decoding: form, as: UTF8.self)
    }

    func testMatchFormKeepsWordBoundariesAndMatchesMapBack() throws {
        let text = "Thực hiện Nghị quyết, LĐLĐ tỉnh đã chỉ đạo công đòan cơ sở về kỹ năng thương lượng."
        XCTAssertEqual(form(text, fold: true), "thuc hien nghi quyet, ldld tinh da chi dao cong doan co so ve ki nang thuong luong.")
        let folded = try PhraseMatcher([PhraseSet(name: "cdcs", phrases: ["Công đoàn cơ sở"]), PhraseSet(name: "doa", phrases: ["cong doa"])],
                                       foldDiacritics: true)
        let source = Array(text.utf8)
        XCTAssertEqual(folded.matches(in: text).map { String(decoding: source[$0.range], as: UTF8.self) }, ["công đòan cơ sở"])
        let plain = try PhraseMatcher([PhraseSet(name: "kn", phrases: ["kĩ năng"])])
        XCTAssertEqual(plain.matches(in: text).map { String(decoding: source[$0.range], as: UTF8.self) }, ["kỹ năng"])
    }

    func testAlreadyMatchFormTextIsItsOwnForm() {
        let text = "công đoàn cơ sở, đoàn viên: 1.234 người (2020 – 2023)"
        XCTAssertEqual(form(text, fold: false), text)
    }

    func testForeignAndAbbreviationTokensAreLowerCased() {
        XCTAssertEqual(key("Phòng chống COVID-19 và HIV/AIDS qua Internet"), "phòng chống covid-19 và hiv/aids qua internet")
        XCTAssertEqual(key("ΔΣ Straße", fold: false), "δσ straße")
    }

    func testToneStyleOfSyllables() {
        XCTAssertEqual(MatchForm.toneStyle(of: "hòa"), ToneStyle(placement: .old, iy: nil))
        XCTAssertEqual(MatchForm.toneStyle(of: "hoà"), ToneStyle(placement: .new, iy: nil))
        XCTAssertEqual(MatchForm.toneStyle(of: "Thủy"), ToneStyle(placement: .old, iy: nil))
        XCTAssertEqual(MatchForm.toneStyle(of: "khoẻ"), ToneStyle(placement: .new, iy: nil))
        XCTAssertEqual(MatchForm.toneStyle(of: "qúy"), ToneStyle(placement: .misplaced, iy: .y))
        XCTAssertEqual(MatchForm.toneStyle(of: "kỹ"), ToneStyle(placement: nil, iy: .y))
        XCTAssertEqual(MatchForm.toneStyle(of: "kĩ"), ToneStyle(placement: nil, iy: .i))
        XCTAssertNil(MatchForm.toneStyle(of: "công"))
        XCTAssertNil(MatchForm.toneStyle(of: "hoàn"), "with a final consonant both conventions agree")
        XCTAssertNil(MatchForm.toneStyle(of: "yêu"))
        XCTAssertNil(MatchForm.toneStyle(of: "CNVCLĐ"))
    }

    func testReportSizedText() {
        let paragraph = "Ban Thường vụ LĐLĐ huyện ban hành kế hoạch tổ chức sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Công đoàn các cấp; hòa, thủy, kỹ năng, 1.234.567 đồng.\n"
        let text = String(repeating: paragraph, count: 4000)
        let share = VietnameseSyllable.validShare(of: text[...])
        let folded = form(text, fold: true)
        XCTAssertTrue(TextNormalizer.normalize(text).map.isIdentity)
        XCTAssertGreaterThan(share, 0.9)
        XCTAssertLessThan(folded.utf8.count, text.utf8.count)
    }
}
