// VietnameseTextTests: syllables. Parser, tone placement, tokens, glued words and suggestions.

import SeededRandom
import XCTest
@testable import VietnameseText

final class SyllableTests: XCTestCase {
    /// Words of union review reports (Kế hoạch sơ kết, tổng kết Nghị quyết): every one must parse.
    static let reportVocabulary = """
        đoàn công động của thực hiện các và kết viên chức tác nghị hội nhiệm tổng quả đại tổ lao quyết
        trong về triển cấp dựng vụ xây việc trình số ban liên kỳ hoạt pháp cơ những chủ chính hình chỉ phát
        đề thành kế hoạch cao với chương nhân huyện mạnh bộ khai đạo giá tỉnh hợp sở lượng nâng quyền cho
        báo quan tham thuộc vị nghiệp đơn hành theo gia đánh nữ lập được dung cáo lợi nội hiệu nước tình
        làm tiêu mới thời truyền nam chất thể trực việt năm tập hóa ngày đảng tuyên có phương bảo sát từ
        luật ngành chế giải nhà mục tra kiểm cán phong tiếp ở tại vào cần là cụ xã sơ để định đẩy hướng
        kinh mình ra trị vững thức thường học một đến tiến rõ phần trên thông nửa toàn yêu nhất đổi trào
        trung vận gian năng sự ủy chăm người cầu dụng tâm nguyên như yếu vệ xuất nghiệm ích tháng đạt văn
        quản đối hạn trọng bài giữa kiến độ tích sau lại lý giáo kiện ứng nghề qua thu cực giai lực tịch
        sách biểu diện quy thi điều đất tạo giám giới bản chấp dục điểm lo phối nêu đội tốt còn khảo tin
        phố tục đua ngũ mưu lĩnh tài quá vấn thiết phòng chuyên doanh đảm phí cứ kỷ hỗ cùng mà ty thứ
        thuận trợ an minh trở góp kỹ gửi bồi căn sử mang thị cương đình cố dưỡng đích mô dự đoạn rút tế
        triệu cuộc đáp thưởng xác chống liệu hoặc kèm sống vĩnh tồn khen huy lên chưa địa khuyến khích
        gìn giếng nghĩa khuya thuở quốc quyết khuyết huỳnh khuỷu ngoài hoài xoay khuấy nguyễn khoẻ khỏe
        hoà thuỷ thủy gieo giặc giúp giờ ghế ghi nghỉ nghe ngoặt huých uống ướt yên yểm oai ỉu
        """
        .split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)

    func testReportVocabularyParses() {
        XCTAssertGreaterThanOrEqual(Self.reportVocabulary.count, 150)
        for word in Self.reportVocabulary {
            XCTAssertNotNil(VietnameseSyllable.parse(word), "\(word) should be a syllable")
            XCTAssertNotNil(VietnameseSyllable.parse(word.uppercased()), "\(word.uppercased()) should be a syllable")
        }
    }

    func testInvalidWordsDoNotParse() {
        let invalid = [
            // Stop codas with a level, grave, hook or tilde tone.
            "nghiêp", "côc", "hoạt̀", "tât", "bàc", "mảp", "hĩt", "sách̃",
            // Spelling rules of c/k/q, g/gh, ng/ngh.
            "ce", "ka", "kông", "cinh", "ghà", "gê", "ngiệp", "nghàn", "ngê", "quá̀", "qá", "cuy",
            // Codas and rhymes Vietnamese does not have.
            "côg", "tổg", "đoàm̀", "hêng", "ăn̉", "bơng", "ia̧", "ăa", "ơch", "ânh", "ich̀", "oong̉",
            // Diphthong spellings: iê needs a consonant before it, yê does not after one.
            "iên", "tyên", "tya", "ua̧n",
            // Abbreviations, foreign words, glued words, two tone marks.
            "CNVCLĐ", "CĐCS", "TLĐ", "NQ", "Covid", "Internet", "email", "hoạtđộng", "côngđoàn", "hóà",
            "strong", "zalo", "facebook",
        ]
        XCTAssertGreaterThanOrEqual(invalid.count, 40)
        for word in invalid {
            XCTAssertNil(VietnameseSyllable.parse(word), "\(word) should not be a syllable")
        }
    }

    func testPartsOfSyllables() {
        func parts(_ word: String) -> String? {
            guard let s = VietnameseSyllable.parse(word) else { return nil }
            return "\(s.onset)|\(s.medial)|\(s.nucleus)|\(s.coda)|\(s.tone)"
        }
        XCTAssertEqual(parts("nghiệp"), "ngh||iê|p|dot")
        XCTAssertEqual(parts("Quốc"), "q|u|ô|c|acute")
        XCTAssertEqual(parts("giữa"), "gi||ưa||tilde")
        XCTAssertEqual(parts("gìn"), "g||i|n|grave")
        XCTAssertEqual(parts("giếng"), "g||iê|ng|acute")
        XCTAssertEqual(parts("khuyến"), "kh|u|yê|n|acute")
        XCTAssertEqual(parts("hoạch"), "h|o|a|ch|dot")
        XCTAssertEqual(parts("người"), "ng||ươ|i|grave")
        XCTAssertEqual(parts("yêu"), "||yê|u|level")
        XCTAssertEqual(parts("mùa"), "m||ua||grave")
        XCTAssertEqual(parts("ĐOÀN"), "đ|o|a|n|grave")
        XCTAssertEqual(parts("uỷ"), "|u|y||hook")
    }

    func testToneMarkOnOldOrNewPositionAndMisplaced() {
        for (old, new) in [("hòa", "hoà"), ("khóa", "khoá"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("Hòa", "Hoà")] {
            let a = VietnameseSyllable.parse(old), b = VietnameseSyllable.parse(new)
            XCTAssertNotNil(a); XCTAssertNotNil(b)
            XCTAssertEqual(a?.isToneMarkMisplaced, false); XCTAssertEqual(b?.isToneMarkMisplaced, false)
            XCTAssertEqual(a?.description, b?.description)
        }
        for misplaced in ["qúy", "đòan", "hóan", "cuả", "tíên", "gịa"] {
            XCTAssertEqual(VietnameseSyllable.parse(misplaced)?.isToneMarkMisplaced, true, misplaced)
        }
        XCTAssertEqual(VietnameseSyllable.parse("qúy")?.description, "quý")
        XCTAssertEqual(VietnameseSyllable.parse("đòan")?.description, "đoàn")
        XCTAssertEqual(VietnameseSyllable.parse("quý")?.isToneMarkMisplaced, false)
    }

    func testDecomposedAndWindows1258StyleMarksParse() {
        XCTAssertEqual(VietnameseSyllable.parse("nghiệp".decomposedStringWithCanonicalMapping)?.description, "nghiệp")
        // Windows-1258 writes a precomposed vowel then a combining tone: ê + U+0323.
        XCTAssertEqual(VietnameseSyllable.parse("nghiê\u{0323}p")?.tone, .dot)
    }

    func testValidShareScoresReportTextAndMojibake() {
        let report = "Ban Thường vụ LĐLĐ huyện ban hành kế hoạch tổ chức sơ kết giữa nhiệm kỳ thực hiện Nghị quyết."
        XCTAssertEqual(VietnameseSyllable.validShare(of: report[...]), 19.0 / 20.0, accuracy: 1e-9)
        // The same sentence in VNI read as Windows-1252.
        let mojibake = "Ban Thöôøng vuï LÑLÑ huyeän ban haønh keá hoaïch toå chöùc sô keát"
        XCTAssertLessThan(VietnameseSyllable.validShare(of: mojibake[...]), 0.5)
        XCTAssertEqual(VietnameseSyllable.validShare(of: "2020 - 2023"[...]), 0)
    }

    func testTokensAreClassified() {
        let text = "Đoàn viên CNVC-LĐ theo NQ/TW: 1.234.567 đồng, tăng 12,5% so với Covid, email côg"
        let bytes = Array(text.utf8)
        let tokens = SyllableScanner.tokens(in: text).map { (String(decoding: bytes[$0.range], as: UTF8.self), $0.kind) }
        let expected: [(String, TokenClass)] = [
            ("Đoàn", .vietnamese), ("viên", .vietnamese), ("CNVC", .abbreviation), ("LĐ", .abbreviation),
            ("theo", .vietnamese), ("NQ", .abbreviation), ("TW", .abbreviation), ("1.234.567", .number),
            ("đồng", .vietnamese), ("tăng", .vietnamese), ("12,5", .number), ("so", .vietnamese),
            ("với", .vietnamese), ("Covid", .foreign), ("email", .foreign), ("côg", .invalid),
        ]
        XCTAssertEqual(tokens.map(\.0), expected.map(\.0))
        XCTAssertEqual(tokens.map(\.1), expected.map(\.1))
        XCTAssertEqual(SyllableScanner.tokens(in: "CĐCS TLĐ ĐẠI HỘI").map(\.kind), [.abbreviation, .abbreviation, .vietnamese, .vietnamese])
    }

    /// The token scan, which takes whole classes of bytes without decoding them, cuts where a
    /// scan of scalars does: words are runs of word scalars, numbers open with a digit. On random
    /// texts of ASCII, Vietnamese letters of two and three bytes, × and ÷ among the Latin-1
    /// letters, spaces and marks of other blocks, combining marks, other scripts and digits.
    func testTokensEndWhereAScanOfScalarsSays() {
        let pieces = ["a", "Z", "1", "2.5", ",", "-", " ", "\u{A0}", "ư", "Đ", "ơ", "â", "ñ", "×", "÷", "ệ", "Ẵ", "ỹ",
                      "\u{301}", "\u{323}", "“", "–", "…", "α", "ж", "\u{1040}", "\u{1E00}", "中", "😀", "ǅ", "ʰ", "\u{2D}"]
        var random = SeededRandom(seed: 29)
        for _ in 0..<3_000 {
            let text = (0..<random.next(30)).map { _ in pieces[random.next(pieces.count)] }.joined()
            let bytes = Array(text.utf8)
            var expected: [Range<Int>] = []
            var offsets: [Int] = []
            var offset = 0
            for scalar in text.unicodeScalars {
                offsets.append(offset)
                offset += scalar.utf8.count
            }
            let scalars = Array(text.unicodeScalars)
            var index = 0
            while index < scalars.count {
                let start = offsets[index]
                if (0x30...0x39).contains(scalars[index].value) {
                    // Digits, with "." or "," between two digits.
                    var end = start
                    while end < bytes.count, (0x30...0x39).contains(bytes[end])
                        || (bytes[end] == 0x2E || bytes[end] == 0x2C) && end + 1 < bytes.count && (0x30...0x39).contains(bytes[end + 1]) {
                        end += 1
                    }
                    expected.append(start..<end)
                    while index < scalars.count, offsets[index] < end { index += 1 }
                    continue
                }
                guard LetterTable.isWordScalar(scalars[index].value) else {
                    index += 1
                    continue
                }
                while index < scalars.count, LetterTable.isWordScalar(scalars[index].value) { index += 1 }
                expected.append(start..<(index < scalars.count ? offsets[index] : bytes.count))
            }
            XCTAssertEqual(SyllableScanner.tokens(in: text).map(\.range), expected, text)
        }
    }

    /// The scoring tokens, read through a table of byte kinds, are the runs of ASCII letters and
    /// characters above ASCII but the no-break space and U+2000 to U+207F (E2 80 xx, E2 81 xx),
    /// marked when they hold one above ASCII.
    func testScoringTokensAreRunsOfLettersAndCharactersAboveASCII() {
        let pieces = ["a", "Z", "1", " ", "-", "\u{A0}", "©", "ư", "ệ", "“", "…", "\u{2070}", "\u{2080}", "€", "中", "😀", "\u{301}"]
        var random = SeededRandom(seed: 31)
        for _ in 0..<3_000 {
            let text = (0..<random.next(30)).map { _ in pieces[random.next(pieces.count)] }.joined()
            var expected: [SyllableScoring.TokenRange] = []
            var offset = 0
            for scalar in text.unicodeScalars {
                let width = scalar.utf8.count
                let inToken = scalar.isASCII ? SyllableScoring.isASCIILetter(UInt8(scalar.value))
                    : scalar.value != 0xA0 && !(0x2000...0x207F).contains(scalar.value)
                if inToken {
                    if let last = expected.last, last.range.upperBound == offset {
                        expected[expected.count - 1] = .init(range: last.range.lowerBound..<offset + width, marked: last.marked || !scalar.isASCII)
                    } else {
                        expected.append(.init(range: offset..<offset + width, marked: !scalar.isASCII))
                    }
                }
                offset += width
            }
            XCTAssertEqual(SyllableScoring.tokenRanges(in: text), expected, text)
        }
    }

    func testGluedWordsSplitIntoSyllables() {
        XCTAssertEqual(GluedWords.split("hoạtđộngcôngđoàn"), ["hoạt", "động", "công", "đoàn"])
        XCTAssertEqual(GluedWords.split("CôngđoànViệtNam"), ["Công", "đoàn", "Việt", "Nam"])
        XCTAssertEqual(GluedWords.split("nhiệmvụ"), ["nhiệm", "vụ"])
        XCTAssertNil(GluedWords.split("công"), "a valid syllable is not split")
        XCTAssertNil(GluedWords.split("online"), "ASCII words are left alone")
        XCTAssertNil(GluedWords.split("CNVCLĐ"))
    }

    func testSuggestionsForMistypedSyllables() {
        XCTAssertEqual(VietnameseSyllable.suggestion(for: "côg"), "công")
        XCTAssertEqual(VietnameseSyllable.suggestion(for: "nghiêp"), "nghiệp")
        XCTAssertEqual(VietnameseSyllable.suggestion(for: "ngiệp"), "nghiệp")
        XCTAssertEqual(VietnameseSyllable.suggestion(for: "kông"), "công")
        XCTAssertEqual(VietnameseSyllable.suggestion(for: "tổg"), "tổng")
        XCTAssertEqual(VietnameseSyllable.suggestion(for: "quyêt"), "quyết")
        XCTAssertEqual(VietnameseSyllable.suggestion(for: "Côg"), "Công")
        XCTAssertEqual(VietnameseSyllable.suggestion(for: "ĐOÀM"), nil, "valid already")
        XCTAssertNil(VietnameseSyllable.suggestion(for: "công"))
    }

    /// Verdicts taken from the shelf, after other texts were judged with them, agree with fresh ones.
    func testKeptVerdictsAgreeWithFreshOnes() {
        let first = ["hoà", "côg", "Nghị", "quyết", "CĐCS", "Ã¡", "tỉnh", "Covid", "đoàn", "ươ"]
        let second = ["đoàn", "côg", "Ã¡", "thuỷ", "NGHỊ", "nghị", "xyz", "viên", "tỉnh", "Hoà"]
        func verdicts(_ words: [String], _ judge: inout SyllableVerdicts) -> [Bool] {
            words.map { word in
                var word = word
                return word.withUTF8 { judge.isSyllable($0) }
            }
        }
        var kept = SyllableVerdicts.taken()
        _ = verdicts(first, &kept)
        SyllableVerdicts.keep(kept)
        var again = SyllableVerdicts.taken()
        var fresh = SyllableVerdicts()
        XCTAssertEqual(verdicts(second, &again), verdicts(second, &fresh))
        XCTAssertEqual(verdicts(second, &fresh), [true, false, false, true, true, true, false, true, true, true])
        SyllableVerdicts.keep(again)
    }
}
