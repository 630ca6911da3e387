// VietnameseTextTests: abbreviations. The lexicon's data, whole-word matching with byte ranges, context readings and equivalence look-ups.
import XCTest
@testable import VietnameseText

final class AbbreviationTests: XCTestCase {
    /// (text as written, reading) of every mention in `text`.
    private func readings(_ text: String) -> [String] {
        AbbreviationLexicon.mentions(in: text).map { "\($0.text)=\($0.expansion)" }
    }

    func testLexiconIsLargeAndConsistent() {
        let entries = AbbreviationLexicon.entries
        XCTAssertGreaterThanOrEqual(entries.count, 80)
        var seen: [String: String] = [:]
        for entry in entries {
            XCTAssertFalse(entry.forms.isEmpty)
            XCTAssertFalse(entry.expansion.isEmpty, entry.canonicalForm)
            for form in entry.forms {
                XCTAssertNil(seen[form], "form \(form) is in two entries: \(seen[form] ?? "") and \(entry.canonicalForm)")
                seen[form] = entry.canonicalForm
            }
        }
        for form in ["CĐ", "ĐH", "LĐ", "TC"] {
            XCTAssertEqual(AbbreviationLexicon.entry(for: form)?.isAmbiguous, true, form)
        }
    }

    func testEveryFormIsFoundInItsOwnSentence() {
        for entry in AbbreviationLexicon.entries {
            for form in entry.forms {
                let text = "Báo cáo của \(form) gửi về."
                let mentions = AbbreviationLexicon.mentions(in: text)
                XCTAssertEqual(mentions.count, 1, "\(form): \(mentions.map(\.text))")
                XCTAssertEqual(mentions.first?.text, form)
                XCTAssertEqual(mentions.first?.abbreviation.canonicalForm, entry.canonicalForm, form)
                XCTAssertEqual(mentions.first?.range.lowerBound, "Báo cáo của ".utf8.count, form)
            }
        }
    }

    func testVariantsOfOneConcept() {
        XCTAssertEqual(readings("Đoàn viên, CNVCLĐ; CNVC-LĐ; CN, VC, LĐ và CN,VC,LĐ."), [
            "CNVCLĐ=công nhân, viên chức, lao động", "CNVC-LĐ=công nhân, viên chức, lao động",
            "CN, VC, LĐ=công nhân, viên chức, lao động", "CN,VC,LĐ=công nhân, viên chức, lao động",
        ])
        XCTAssertEqual(readings("Ký TƯLĐTT, TULĐTT và TƯLĐ."), [
            "TƯLĐTT=thỏa ước lao động tập thể", "TULĐTT=thỏa ước lao động tập thể", "TƯLĐ=thỏa ước lao động tập thể",
        ])
        XCTAssertEqual(readings("CĐ ngành TW, Ban Chấp hành T.Ư và TƯ Đảng"), [
            "CĐ=Công đoàn", "TW=Trung ương", "T.Ư=Trung ương", "TƯ=Trung ương",
        ])
        XCTAssertEqual(readings("thời kỳ đẩy mạnh CNH, HĐH và CNH-HĐH đất nước"), [
            "CNH, HĐH=công nghiệp hóa, hiện đại hóa", "CNH-HĐH=công nghiệp hóa, hiện đại hóa",
        ])
    }

    func testWholeWordsOnlyAndLongestFormFirst() {
        XCTAssertEqual(readings("Các CĐCS trực thuộc LĐLĐ huyện"), ["CĐCS=Công đoàn cơ sở", "LĐLĐ=Liên đoàn Lao động"])
        // "CĐX" is no abbreviation of the lexicon, and "CĐ" inside it must not be found.
        XCTAssertEqual(readings("Mã CĐX12 không phải chữ viết tắt"), [])
        XCTAssertEqual(readings("Nghị quyết số 20-NQ/TW và Kế hoạch số 2444/KH-TLĐ"), [
            "NQ/TW=Nghị quyết của Trung ương", "KH=Kế hoạch", "TLĐ=Tổng Liên đoàn",
        ])
        // Case-sensitive: lower-case "dn" is an ordinary string.
        XCTAssertEqual(readings("dn và DN"), ["DN=doanh nghiệp"])
    }

    func testRangesAreUTF8ByteOffsets() {
        let text = "Ủy ban Kiểm tra và UBKT của LĐLĐ tỉnh"
        let bytes = Array(text.utf8)
        for mention in AbbreviationLexicon.mentions(in: text) {
            XCTAssertEqual(String(decoding: bytes[mention.range], as: UTF8.self), mention.text)
        }
        XCTAssertEqual(AbbreviationLexicon.mentions(in: text).map(\.range.lowerBound),
                       ["Ủy ban Kiểm tra và ".utf8.count, "Ủy ban Kiểm tra và UBKT của ".utf8.count])
    }

    func testCongDoanOrCaoDang() {
        XCTAssertEqual(readings("Đại hội CĐ cấp mình"), ["CĐ=Công đoàn"])
        XCTAssertEqual(readings("Trình độ ĐH, CĐ là 1.950 người; TC 1.240 người"),
                       ["ĐH=Đại học", "CĐ=cao đẳng", "TC=trung cấp"])
        XCTAssertEqual(readings("Có 15 người có bằng CĐ sư phạm"), ["CĐ=cao đẳng"])
        XCTAssertEqual(readings("Công điện số 01/CĐ-UBND ngày 15/3/2020"), ["CĐ=Công điện", "UBND=Ủy ban nhân dân"])
        let plain = AbbreviationLexicon.mentions(in: "Các cấp CĐ đang triển khai sơ kết")
        XCTAssertEqual(plain.first?.isCertain, false)
        let decided = AbbreviationLexicon.mentions(in: "tốt nghiệp CĐ năm 2019")
        XCTAssertEqual(decided.first?.isCertain, true)
    }

    func testDaiHoiOrDaiHoc() {
        XCTAssertEqual(readings("Nghị quyết ĐH IX CĐVN"), ["ĐH=Đại hội", "CĐVN=Công đoàn Việt Nam"])
        XCTAssertEqual(readings("45 người học liên thông lên ĐH"), ["ĐH=Đại học"])
        XCTAssertEqual(readings("Ban Chấp hành có 04 đồng chí trình độ ĐH"), ["ĐH=Đại học"])
    }

    func testLaoDongOrLanhDao() {
        XCTAssertEqual(readings("hỗ trợ LĐ nữ có việc làm bền vững"), ["LĐ=lao động"])
        XCTAssertEqual(readings("họp với LĐ đơn vị và cán bộ LĐ chủ chốt"), ["LĐ=lãnh đạo", "LĐ=lãnh đạo"])
    }

    func testTaiChinhBesideFinanceWords() {
        XCTAssertEqual(readings("công tác TC, quyết toán kinh phí công đoàn"), ["TC=tài chính"])
    }

    func testNumeralTuIsNotTrungUong() {
        XCTAssertEqual(readings("PHẦN THỨ TƯ"), [])
        XCTAssertEqual(readings("Ban Chấp hành TƯ"), ["TƯ=Trung ương"])
    }

    func testSignatureAbbreviations() {
        XCTAssertEqual(readings("TM. BAN THƯỜNG VỤ\nKT. CHỦ TỊCH\nTL. CHỦ TỊCH\nTUQ. CHỦ TỊCH\nV/v sơ kết"), [
            "TM.=thay mặt", "KT.=ký thay", "TL.=thừa lệnh", "TUQ.=thừa ủy quyền", "V/v=về việc",
        ])
    }

    func testEquivalenceLookups() {
        XCTAssertEqual(AbbreviationLexicon.expansions(of: "CĐ"), ["Công đoàn", "cao đẳng", "Công điện"])
        XCTAssertEqual(AbbreviationLexicon.expansions(of: "CNVC-LĐ"), ["công nhân, viên chức, lao động"])
        XCTAssertEqual(AbbreviationLexicon.expansions(of: "XYZ"), [])
        XCTAssertEqual(AbbreviationLexicon.forms(ofExpansion: "công đoàn cơ sở"), ["CĐCS"])
        XCTAssertEqual(AbbreviationLexicon.forms(ofExpansion: "Công nhân, viên chức,  lao động"),
                       ["CNVCLĐ", "CNVC-LĐ", "CN, VC, LĐ", "CNCVLĐ"])
        XCTAssertEqual(Set(AbbreviationLexicon.forms(ofExpansion: "TRUNG ƯƠNG")), ["TW", "T.Ư", "TƯ", "T.W"])
        XCTAssertTrue(AbbreviationLexicon.isEquivalent(form: "BHXH", phrase: "Bảo hiểm xã hội"))
        XCTAssertFalse(AbbreviationLexicon.isEquivalent(form: "BHXH", phrase: "bảo hiểm y tế"))
        XCTAssertTrue(AbbreviationLexicon.pairs.contains(AbbreviationPair(form: "ĐH", expansion: "Đại học")))
        XCTAssertTrue(AbbreviationLexicon.pairs.contains(AbbreviationPair(form: "TƯLĐ", expansion: "thỏa ước lao động tập thể")))
    }

    func testOnePassOverALargeReport() throws {
        let paragraph = "Đoàn Chủ tịch TLĐ yêu cầu LĐLĐ các tỉnh, TP, các CĐ ngành TW quan tâm chỉ đạo CNVCLĐ, "
            + "CĐCS và đoàn viên thực hiện Nghị quyết ĐH IX CĐVN; trình độ ĐH, CĐ, TC được nâng lên.\n"
        let text = String(repeating: paragraph, count: 2_000)
        let mentions = AbbreviationLexicon.mentions(in: text)
        XCTAssertEqual(mentions.count, 12 * 2_000)
    }
}
