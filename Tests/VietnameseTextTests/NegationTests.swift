// VietnameseTextTests: negation. Mentions a report makes versus mentions it denies, in real report sentences.
import SeededRandom
import XCTest
@testable import VietnameseText

final class NegationTests: XCTestCase {
    /// The byte range of the last occurrence of `mention` in `text` (the mention sits late in most sentences).
    private func range(of mention: String, in text: String) -> Range<Int>? {
        let bytes = Array(text.utf8), needle = Array(mention.utf8)
        guard needle.count <= bytes.count else { return nil }
        for start in stride(from: bytes.count - needle.count, through: 0, by: -1)
        where bytes[start..<start + needle.count].elementsEqual(needle) {
            return start..<start + needle.count
        }
        return nil
    }

    private func assertNegation(_ cases: [(String, String)], expected: Bool, file: StaticString = #filePath, line: UInt = #line) {
        for (sentence, mention) in cases {
            guard let mentionRange = range(of: mention, in: sentence) else {
                XCTFail("'\(mention)' not in '\(sentence)'", file: file, line: line)
                continue
            }
            let negated = Negation.isNegated(mentionRange, in: sentence, sentence: 0..<sentence.utf8.count)
            XCTAssertEqual(negated, expected, "\(sentence) [\(mention)]", file: file, line: line)
        }
    }

    func testDeniedMentions() {
        assertNegation([
            ("Đơn vị không có kiến nghị.", "kiến nghị"),
            ("Qua 5 năm thực hiện, đơn vị chưa rút ra được bài học kinh nghiệm.", "bài học kinh nghiệm"),
            ("Báo cáo chưa nêu nguyên nhân của những hạn chế.", "nguyên nhân"),
            ("Ban Thường vụ không đề xuất giải pháp cụ thể cho nửa nhiệm kỳ còn lại.", "giải pháp"),
            ("Công đoàn cơ sở không có bài học kinh nghiệm nào.", "bài học kinh nghiệm"),
            ("Nhìn chung, báo cáo chưa đề ra giải pháp.", "giải pháp"),
            ("Trong kỳ không phát sinh kiến nghị.", "kiến nghị"),
            ("Công đoàn cơ sở không có ý kiến đề xuất.", "đề xuất"),
            ("Năm 2020 không có tồn tại, hạn chế.", "tồn tại"),
            ("Năm 2020 không có tồn tại, hạn chế.", "hạn chế"),
            ("Không có kiến nghị, đề xuất gì thêm.", "đề xuất"),
            ("Báo cáo chưa nêu nguyên nhân, bài học kinh nghiệm.", "bài học kinh nghiệm"),
            ("Kiến nghị: không có.", "Kiến nghị"),
            ("Bài học kinh nghiệm: chưa có", "Bài học kinh nghiệm"),
            ("Kiến nghị, đề xuất: Không", "Kiến nghị"),
            ("Về kiến nghị - không có", "kiến nghị"),
            ("Kiến nghị đề xuất không có.", "Kiến nghị đề xuất"),
            ("Bài học kinh nghiệm thì chưa rút ra được.", "Bài học kinh nghiệm"),
            ("Những việc chưa làm được: không có.", "Những việc chưa làm được"),
            ("Đơn vị chưa từng có kiến nghị nào gửi lên cấp trên.", "kiến nghị"),
            ("Báo cáo không hề đề cập đến nhiệm vụ, giải pháp nửa nhiệm kỳ còn lại.", "nhiệm vụ"),
            ("Các CĐCS chưa chỉ ra được những tồn tại, hạn chế.", "tồn tại"),
            ("Đơn vị chưa xây dựng được mô hình, cách làm hay.", "mô hình"),
            ("Báo cáo không đánh giá kết quả thực hiện các chỉ tiêu.", "kết quả"),
            ("KHÔNG CÓ KIẾN NGHỊ", "KIẾN NGHỊ"),
            ("Tuy có tổng kết nhưng không rút ra bài học.", "bài học"),
            ("Đơn vị không còn tồn tại, hạn chế nào đáng kể.", "hạn chế"),
        ], expected: true)
    }

    func testAffirmedMentions() {
        assertNegation([
            ("Những việc chưa làm được trong nửa nhiệm kỳ qua.", "Những việc chưa làm được"),
            ("Công đoàn không ngừng nâng cao chất lượng hoạt động, đề ra giải pháp sát thực.", "giải pháp"),
            ("Công đoàn không ngừng nâng cao chất lượng công tác tuyên truyền.", "chất lượng"),
            ("Báo cáo không chỉ nêu kết quả mà còn chỉ rõ hạn chế.", "hạn chế"),
            ("Báo cáo không chỉ nêu kết quả mà còn chỉ rõ hạn chế.", "kết quả"),
            ("Đơn vị không những hoàn thành chỉ tiêu mà còn đề xuất nhiều giải pháp mới.", "giải pháp"),
            ("Phong trào thi đua đạt kết quả chưa từng có từ trước đến nay.", "kết quả"),
            ("Một kết quả chưa từng có về phát triển đoàn viên.", "phát triển đoàn viên"),
            ("Không phải là không có hạn chế.", "hạn chế"),
            ("Không thể không nhắc đến những hạn chế trong công tác tài chính.", "hạn chế"),
            ("Nguyên nhân của những hạn chế chưa được khắc phục là do nhận thức.", "hạn chế"),
            ("Nguyên nhân của những hạn chế chưa được khắc phục là do nhận thức.", "Nguyên nhân"),
            ("Các kiến nghị chưa được giải quyết dứt điểm.", "kiến nghị"),
            ("Hoạt động còn không ít hạn chế, yếu kém.", "hạn chế"),
            ("Trong quá trình thực hiện không tránh khỏi những hạn chế.", "hạn chế"),
            ("Đơn vị chưa tổ chức được hội nghị, nhưng đã rút ra bài học kinh nghiệm.", "bài học kinh nghiệm"),
            ("Không tổ chức đại hội đúng hạn; tuy nhiên, đã có kiến nghị gửi Tổng Liên đoàn.", "kiến nghị"),
            ("Dù chưa đạt chỉ tiêu, song đơn vị đã đề ra giải pháp khắc phục.", "giải pháp"),
            ("Cán bộ công đoàn không chuyên trách đã đề xuất nhiều giải pháp.", "giải pháp"),
            ("Đây là nội dung không thể thiếu của bài học kinh nghiệm.", "bài học kinh nghiệm"),
            ("Công đoàn ngành Hàng không đã kiến nghị sửa đổi chính sách.", "kiến nghị"),
            ("Chưa kể những kiến nghị gửi trực tiếp lên Liên đoàn Lao động tỉnh.", "kiến nghị"),
            ("Chẳng hạn, kiến nghị về tiền lương tối thiểu đã được tiếp thu.", "kiến nghị"),
            ("Đơn vị không tổ chức hội nghị tổng kết, bài học rút ra là phải chủ động hơn.", "bài học"),
            ("Nguyên nhân hạn chế: chưa quan tâm đúng mức đến công tác phát triển đoàn viên.", "Nguyên nhân hạn chế"),
            ("Giải pháp: không ngừng đổi mới nội dung, phương thức hoạt động.", "Giải pháp"),
            ("Đã rút ra 5 bài học kinh nghiệm quý báu.", "bài học kinh nghiệm"),
            ("Số đoàn viên không dưới 1.000 người, nhiều kiến nghị đã được giải quyết.", "kiến nghị"),
            ("Việc chưa làm được là công tác phát triển đoàn viên ở khu vực ngoài nhà nước.", "công tác phát triển đoàn viên"),
            ("Công đoàn không tổ chức được đối thoại vì vậy đã kiến nghị với chủ doanh nghiệp.", "kiến nghị"),
        ], expected: false)
    }

    /// A negation carried over a long list, and a predicate after a long subject, reach past the
    /// narrow first window: the wide one decides them.
    func testLongListsAndLongSubjectsAreReadPastTheNarrowWindow() {
        assertNegation([
            ("Năm 2020 không có tồn tại, hạn chế, khó khăn, vướng mắc, bất cập, yếu kém, sai sót, khuyết điểm, tồn đọng, kiến nghị.",
             "kiến nghị"),
            ("Kiến nghị , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , , : không có.", "Kiến nghị"),
        ], expected: true)
        assertNegation([
            ("Công đoàn đã tổ chức tốt hoạt động chăm lo đời sống đoàn viên, không có vướng mắc lớn trong năm, và rút ra bài học kinh nghiệm sâu sắc.",
             "bài học kinh nghiệm"),
        ], expected: false)
    }

    func testCueTellsWhereTheNegatorIs() throws {
        let text = "Trong kỳ báo cáo, đơn vị không có kiến nghị gì."
        let mention = try XCTUnwrap(range(of: "kiến nghị", in: text))
        let cue = try XCTUnwrap(Negation.cue(for: mention, in: text, sentence: 0..<text.utf8.count))
        XCTAssertEqual(cue.position, .before)
        XCTAssertEqual(String(decoding: Array(text.utf8)[cue.range], as: UTF8.self), "không có")

        let label = "Bài học kinh nghiệm: Chưa có."
        let labelMention = try XCTUnwrap(range(of: "Bài học kinh nghiệm", in: label))
        let labelCue = try XCTUnwrap(Negation.cue(for: labelMention, in: label, sentence: 0..<label.utf8.count))
        XCTAssertEqual(labelCue.position, .predicate)
        XCTAssertEqual(String(decoding: Array(label.utf8)[labelCue.range], as: UTF8.self), "Chưa có")
    }

    func testOnlyTheGivenSentenceCounts() throws {
        let text = "Đơn vị không tổ chức hội nghị. Kiến nghị gửi Tổng Liên đoàn gồm 3 nội dung."
        let mention = try XCTUnwrap(range(of: "Kiến nghị", in: text))
        let second = "Đơn vị không tổ chức hội nghị. ".utf8.count..<text.utf8.count
        XCTAssertFalse(Negation.isNegated(mention, in: text, sentence: second))
        // Even with the whole paragraph as the sentence, the full stop ends the clause.
        XCTAssertFalse(Negation.isNegated(mention, in: text, sentence: 0..<text.utf8.count))
    }

    func testNegatorsInAnyCaseAreSeenByTheQuickLook() throws {
        // The reader splits only sentences that may hold a negator: every case of each must pass.
        for negator in ["không", "chưa", "chẳng", "chả"] {
            let scalars = Array(negator.unicodeScalars)
            for mask in 0..<(1 << scalars.count) {
                var word = ""
                for (index, scalar) in scalars.enumerated() {
                    word += mask & (1 << index) != 0 ? String(scalar).uppercased() : String(scalar)
                }
                let sentence = "Đơn vị \(word) có kiến nghị."
                let mention = try XCTUnwrap(range(of: "kiến nghị", in: sentence))
                XCTAssertTrue(Negation.isNegated(mention, in: sentence, sentence: 0..<sentence.utf8.count), sentence)
            }
        }
        let plain = "Đơn vị khu, chịu khó, chọn Khánh; ko có kiến nghị. Chương trình khô hạn, CHƯƠNG, khôn, chẳn, chưng."
        var text = plain + " Chúng tôi KHÔNG có."
        text.withUTF8 { bytes in
            XCTAssertFalse(NegationReader.mayHoldNegator(bytes, 0..<plain.utf8.count))
            XCTAssertTrue(NegationReader.mayHoldNegator(bytes, 0..<bytes.count))
        }
    }

    /// The negator look passes sixteen bytes at a time; it agrees with a look at every place, for
    /// long sentences and any range of them, the negators falling at every place of a stretch.
    func testNegatorLookAgreesWithALookAtEveryPlace() {
        let pieces = ["Đơn", "vị", "khu", "chịu", "chọn", "Khánh", "ch", "k", "h", " ", ",", "không", "KHÔNG", "chưa", "Chưa",
                      "chẳng", "CHẲNG", "chả", "chả", "khô", "chứ", "ô", "ư", "chương", "ng", "a", "n", "ẳ", "ả"]
        var random = SeededRandom(seed: 13)
        var holds = 0
        for _ in 0..<3_000 {
            var text = (0..<(1 + random.next(40))).map { _ in random.next(6) == 0 ? random.pick(pieces) : random.pick(Array(pieces.prefix(6))) }
                .joined(separator: random.next(2) == 0 ? " " : "")
            text.withUTF8 { bytes in
                let lower = random.next(bytes.count + 1), upper = lower + random.next(bytes.count - lower + 1)
                var plain = false
                var start = lower
                while start + 3 < upper {
                    if NegationReader.opensNegator(bytes, at: start, end: upper) { plain = true; break }
                    start += 1
                }
                XCTAssertEqual(NegationReader.mayHoldNegator(bytes, lower..<upper), plain, String(decoding: bytes[lower..<upper], as: UTF8.self))
                if plain && start - lower > 16 { holds += 1 }
            }
        }
        XCTAssertGreaterThan(holds, 200)
    }

    /// One reader over a paragraph, mention after mention and sentence after sentence (and back),
    /// answers as each sentence read alone does.
    func testAReaderOverManySentencesAgreesWithEachSentenceAlone() throws {
        let sentences = [
            "Đơn vị không có kiến nghị.", "Bài học kinh nghiệm: chưa có.", "Giải pháp đã được đề ra, kiến nghị gửi cấp trên.",
            "Năm 2020 không có tồn tại, hạn chế.",
        ]
        let text = sentences.joined(separator: " ")
        var starts: [Int] = []
        var offset = 0
        for sentence in sentences { starts.append(offset); offset += sentence.utf8.count + 1 }
        let mentions = [(0, "kiến nghị"), (1, "Bài học kinh nghiệm"), (2, "Giải pháp"), (2, "kiến nghị"), (3, "tồn tại"), (3, "hạn chế"), (0, "kiến nghị")]
        var reader = NegationReader(text: text)
        for (index, mention) in mentions {
            let local = try XCTUnwrap(range(of: mention, in: sentences[index]))
            let alone = Negation.isNegated(local, in: sentences[index], sentence: 0..<sentences[index].utf8.count)
            let sentence = starts[index]..<starts[index] + sentences[index].utf8.count
            let inText = (local.lowerBound + starts[index])..<(local.upperBound + starts[index])
            XCTAssertEqual(reader.isNegated(inText, sentence: sentence), alone, "\(sentences[index]) [\(mention)]")
        }
    }

    func testNegatorTooFarBeforeTheMention() {
        assertNegation([
            ("Đơn vị không tổ chức hội nghị công nhân viên chức năm nay và kiến nghị", "kiến nghị"),
        ], expected: false)
    }
}

extension NegationTests {
    func testClauseOpenersAndCopula() {
        assertNegation([
            ("Nếu không có kinh phí thì kiến nghị cấp trên hỗ trợ.", "kiến nghị"),
            ("Hạn chế chưa khắc phục được là việc phát triển đoàn viên ngoài khu vực nhà nước.", "việc phát triển đoàn viên"),
        ], expected: false)
        assertNegation([
            ("Đây không phải là hạn chế của riêng đơn vị.", "hạn chế"),
            ("Công tác thi đua song song với phát triển đoàn viên nhưng không có giải pháp mới.", "giải pháp"),
        ], expected: true)
    }
}
