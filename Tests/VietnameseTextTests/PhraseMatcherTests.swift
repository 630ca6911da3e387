import XCTest
@testable import VietnameseText

final class PhraseMatcherTests: XCTestCase {
    private func found(_ matcher: PhraseMatcher, _ text: String) throws -> [(String, String)] {
        let bytes = Array(text.utf8)
        return matcher.matches(in: text).map { ($0.set, String(decoding: bytes[$0.range], as: UTF8.self)) }
    }

    /// Each match as "set: text".
    private func labelled(_ matcher: PhraseMatcher, _ text: String) throws -> [String] {
        try found(matcher, text).map { "\($0.0): \($0.1)" }
    }

    func testCaseTonePlacementAndIYDoNotMatter() throws {
        let matcher = try PhraseMatcher([
            PhraseSet(name: "hoa-binh", phrases: ["hòa bình"]),
            PhraseSet(name: "ky-nang", phrases: ["kỹ năng nghề"]),
        ])
        let hits = try found(matcher, "Giữ vững HOÀ BÌNH; nâng cao kĩ năng nghề cho CNVCLĐ.")
        XCTAssertEqual(hits.map(\.0), ["hoa-binh", "ky-nang"])
        XCTAssertEqual(hits.map(\.1), ["HOÀ BÌNH", "kĩ năng nghề"])
    }

    func testAbbreviationAndExpansionAreEqual() throws {
        let matcher = try PhraseMatcher([
            PhraseSet(name: "cdcs", phrases: ["thành lập công đoàn cơ sở"]),
            PhraseSet(name: "cnvcld", phrases: ["đời sống CNVCLĐ"]),
        ])
        let hits = try found(matcher, "Đã thành lập CĐCS mới. Chăm lo đời sống công nhân, viên chức, lao động.")
        XCTAssertEqual(hits.map(\.0), ["cdcs", "cnvcld"])
        XCTAssertEqual(hits.map(\.1), ["thành lập CĐCS", "đời sống công nhân, viên chức, lao động"])
    }

    func testExclusionsCancelOverlappingMatches() throws {
        let matcher = try PhraseMatcher([
            PhraseSet(name: "nguyen-nhan", phrases: ["nguyên nhân"], exclude: ["tìm hiểu nguyên nhân", "nguyên nhân tai nạn"]),
        ])
        XCTAssertEqual(try found(matcher, "Phối hợp tìm hiểu nguyên nhân vụ việc.").count, 0)
        XCTAssertEqual(try found(matcher, "Làm rõ nguyên nhân tai nạn lao động.").count, 0)
        XCTAssertEqual(try found(matcher, "Nguyên nhân chủ quan là do cán bộ còn kiêm nhiệm.").map(\.1), ["Nguyên nhân"])
    }

    func testALongExclusionCancelsAMatchFarFromItsStart() throws {
        // "hạn chế<1,000 tabs>tồn tại" is one exclusion (white space runs are one separator); the
        // shorter exclusion "hạn chế" starts at the same word and ends long before "tồn tại".
        let matcher = try PhraseMatcher([
            PhraseSet(name: "ton-tai", phrases: ["tồn tại"], exclude: ["hạn chế tồn tại", "hạn chế"]),
        ])
        let text = "Về hạn chế" + String(repeating: "\t", count: 1_000) + "tồn tại. Những tồn tại khác."
        XCTAssertEqual(try found(matcher, text).count, 1, "only the second «tồn tại» counts")
    }

    func testOverlappingPhrasesOfDifferentSetsAreAllFound() throws {
        let matcher = try PhraseMatcher([
            PhraseSet(name: "a", phrases: ["nguyên nhân chủ quan"]),
            PhraseSet(name: "b", phrases: ["chủ quan"]),
            PhraseSet(name: "c", phrases: ["nguyên nhân"]),
        ])
        let hits = try found(matcher, "Về nguyên nhân chủ quan, ...")
        XCTAssertEqual(Set(hits.map(\.0)), ["a", "b", "c"])
    }

    func testWholeWordsOnlyAndCollapsedSpaces() throws {
        let matcher = try PhraseMatcher([PhraseSet(name: "dv", phrases: ["đoàn viên"])])
        XCTAssertEqual(try found(matcher, "Phát triển đoàn  viên mới").map(\.1), ["đoàn  viên"])
        XCTAssertEqual(try found(matcher, "đoàn viênchức").count, 0)
    }

    func testFoldedMatchingForReportsTypedWithoutDiacritics() throws {
        let matcher = try PhraseMatcher([PhraseSet(name: "bai-hoc", phrases: ["bài học kinh nghiệm"])], foldDiacritics: true)
        XCTAssertEqual(try found(matcher, "Bai hoc kinh nghiem: phai bam sat co so.").map(\.1), ["Bai hoc kinh nghiem"])
    }

    func testOffsetsMapBackThroughAbbreviationsAndTonePlacement() throws {
        let matcher = try PhraseMatcher([PhraseSet(name: "thuy", phrases: ["thủy lợi"])])
        let text = "Công ty Thuỷ lợi"
        let hit = try XCTUnwrap(matcher.matches(in: text).first)
        XCTAssertEqual(hit.range, "Công ty ".utf8.count..<text.utf8.count)
    }

    func testManyPhrasesSharingTheirFirstWords() throws {
        let phrases = (1...400).map { "chỉ tiêu số \($0)" }
        let matcher = try PhraseMatcher([PhraseSet(name: "ct", phrases: phrases)])
        XCTAssertEqual(try found(matcher, "Đạt chỉ tiêu số 17 và chỉ tiêu số 170.").map(\.1), ["chỉ tiêu số 17", "chỉ tiêu số 170"])
    }

    /// A phrase may open with punctuation ("% chỉ tiêu"): it is found after a space or other
    /// punctuation, never glued to a letter or digit before it, and from where the punctuation starts.
    func testAPhraseOpeningWithPunctuation() throws {
        let matcher = try PhraseMatcher([PhraseSet(name: "pct", phrases: ["% chỉ tiêu"]), PhraseSet(name: "ct", phrases: ["chỉ tiêu"])])
        XCTAssertEqual(try labelled(matcher, "đạt 95 % chỉ tiêu"), ["pct: % chỉ tiêu", "ct: chỉ tiêu"])
        XCTAssertEqual(try labelled(matcher, "(%  chỉ tiêu)"), ["pct: %  chỉ tiêu", "ct: chỉ tiêu"])
        XCTAssertEqual(try found(matcher, "đạt 95% chỉ tiêu").map(\.0), ["ct"], "the % is glued to 95")
        XCTAssertEqual(try found(matcher, "% chỉ tiêu đầu dòng").map(\.0), ["pct", "ct"], "at the start of the text")
    }

    /// A phrase may close with punctuation ("năm 2017:"): the text's punctuation must start with it;
    /// a space in it takes the whole run of spaces and tabs.
    func testAPhraseClosingWithPunctuation() throws {
        let matcher = try PhraseMatcher([PhraseSet(name: "nam", phrases: ["năm 2017:"]), PhraseSet(name: "kh", phrases: ["kế hoạch ("])])
        XCTAssertEqual(try labelled(matcher, "Trong năm 2017: đạt"), ["nam: năm 2017:"])
        XCTAssertEqual(try labelled(matcher, "Trong năm 2017:đạt; năm 2017 đạt"), ["nam: năm 2017:"])
        XCTAssertEqual(try labelled(matcher, "vượt kế hoạch \t (CĐCS)"), ["kh: kế hoạch \t ("])
        XCTAssertEqual(try found(matcher, "năm 2017").count, 0, "the text ends before the colon")
    }

    /// Punctuation between the words of a phrase must be the text's, spaces and tabs aside.
    func testPunctuationInsideAPhraseMustAgree() throws {
        let matcher = try PhraseMatcher([PhraseSet(name: "kt", phrases: ["kiểm tra, giám sát"]), PhraseSet(name: "nq", phrases: ["20-NQ/TW"])])
        XCTAssertEqual(try found(matcher, "Công tác kiểm tra,\tgiám sát; kiểm tra giám sát; kiểm tra , giám sát").map(\.1), ["kiểm tra,\tgiám sát"])
        XCTAssertEqual(try found(matcher, "Nghị quyết số 20-NQ/TW và 20/NQ-TW").map(\.1), ["20-NQ/TW"])
    }

    /// A phrase of punctuation alone would match no word: it is refused, naming itself and its set.
    func testAPhraseWithoutAWordIsRefused() {
        XCTAssertThrowsError(try PhraseMatcher([PhraseSet(name: "dau", phrases: ["công đoàn", "%"])])) { error in
            XCTAssertEqual((error as? PhraseError)?.phrase, "%")
            XCTAssertEqual((error as? PhraseError)?.set, "dau")
        }
        XCTAssertThrowsError(try PhraseMatcher([PhraseSet(name: "rong", phrases: ["  "])]))
    }

    /// Words of the text that are digits, letters of other scripts, or longer than the memo keeps,
    /// are compared like any other.
    func testUnusualWords() throws {
        let long = String(repeating: "dài", count: 30)
        let matcher = try PhraseMatcher([
            PhraseSet(name: "so", phrases: ["Quyết định 1234"]), PhraseSet(name: "dai", phrases: ["từ \(long) nhất"]),
            PhraseSet(name: "hy-lap", phrases: ["chỉ số Δ"]),
        ])
        XCTAssertEqual(try found(matcher, "QUYẾT ĐỊNH 1234 và quyết định 12345; từ \(long.uppercased()) NHẤT; chỉ số Δ.").map(\.0), ["so", "dai", "hy-lap"])
    }

    /// A pack listing tens of thousands of phrases.
    func testTwentyThousandPhrasesCompileAndMatch() throws {
        let phrases = (1...20_000).map { "mô hình điểm số \($0) của công đoàn" }
        let matcher = try PhraseMatcher([PhraseSet(name: "mo-hinh", phrases: phrases)])
        XCTAssertEqual(try found(matcher, "Xây dựng mô hình điểm số 19999 của công đoàn ngành.").map(\.1),
                       ["mô hình điểm số 19999 của công đoàn"])
    }

    func testAShorterPhraseInsideALongerOneOfTheSameSetIsOneStatement() throws {
        let matcher = try PhraseMatcher([
            PhraseSet(name: "bai-hoc", phrases: ["bài học", "bài học kinh nghiệm"]),
            PhraseSet(name: "kinh-nghiem", phrases: ["kinh nghiệm"]),
        ])
        XCTAssertEqual(try found(matcher, "Rút ra bài học kinh nghiệm.").map(\.1), ["bài học kinh nghiệm", "kinh nghiệm"])
    }

    /// Matches of one start come out shortest first, then by set name, also when a set's longer
    /// phrase is found after another set's shorter one ("a" takes its longer match's place).
    func testMatchesOfOneStartGoShortestFirstThenBySetName() throws {
        let matcher = try PhraseMatcher([
            PhraseSet(name: "c", phrases: ["bài học"]),
            PhraseSet(name: "a", phrases: ["bài học", "bài học kinh nghiệm", "bài"]),
            PhraseSet(name: "b", phrases: ["bài học", "bài"]),
            PhraseSet(name: "d", phrases: ["bài học kinh"]),
        ])
        XCTAssertEqual(try labelled(matcher, "Rút ra bài học kinh nghiệm."),
                       ["b: bài học", "c: bài học", "d: bài học kinh", "a: bài học kinh nghiệm"])
    }

    /// One matcher used by several threads at once, as batch checking does.
    func testOneMatcherServesSeveralThreadsAtOnce() throws {
        let phrases = (1...300).map { "chỉ tiêu số \($0)" } + ["kết nạp đoàn viên", "thành lập công đoàn cơ sở", "nguyên nhân"]
        let matcher = try PhraseMatcher([PhraseSet(name: "a", phrases: phrases)])
        let text = String(repeating: "Năm 2020 kết nạp đoàn viên vượt chỉ tiêu số 17; thành lập CĐCS mới. Nguyên nhân là do... ", count: 3_000)
        let expected = matcher.matches(in: text)
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            results.set(index, matcher.matches(in: text))
        }
        for index in 0..<8 { XCTAssertEqual(results.get(index), expected) }
        XCTAssertEqual(expected.count, 3_000 * 4)
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: [PhraseMatch]] = [:]
    func set(_ index: Int, _ value: [PhraseMatch]) { lock.lock(); values[index] = value; lock.unlock() }
    func get(_ index: Int) -> [PhraseMatch] { lock.lock(); defer { lock.unlock() }; return values[index] ?? [] }
}
