import XCTest
@testable import VietnameseText

final class PhraseMatcherTests: XCTestCase {
    private func found(_ matcher: PhraseMatcher, _ text: String) throws -> [(String, String)] {
        let bytes = Array(text.utf8)
        return try matcher.matches(in: text).map { ($0.set, String(decoding: bytes[$0.range], as: UTF8.self)) }
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
        let hit = try XCTUnwrap(try matcher.matches(in: text).first)
        XCTAssertEqual(hit.range, "Công ty ".utf8.count..<text.utf8.count)
    }

    func testManyPhrasesCompileToOnePattern() throws {
        let phrases = (1...400).map { "chỉ tiêu số \($0)" }
        let matcher = try PhraseMatcher([PhraseSet(name: "ct", phrases: phrases)])
        XCTAssertEqual(try found(matcher, "Đạt chỉ tiêu số 17 và chỉ tiêu số 170.").map(\.1), ["chỉ tiêu số 17", "chỉ tiêu số 170"])
    }

    /// Phrases split over several patterns find exactly what one pattern finds, prefixes and
    /// exclusions included, even when the pieces of one set land in different patterns.
    func testSplittingThePhrasesOverPatternsChangesNothing() throws {
        let sets = [
            PhraseSet(name: "bai-hoc", phrases: ["bài học", "bài học kinh nghiệm", "rút ra bài học"]),
            PhraseSet(name: "kinh-nghiem", phrases: ["kinh nghiệm"], exclude: ["kinh nghiệm quốc tế"]),
            PhraseSet(name: "cdcs", phrases: ["công đoàn", "công đoàn cơ sở", "thành lập công đoàn cơ sở"]),
            PhraseSet(name: "chi-tieu", phrases: (1...40).map { "chỉ tiêu số \($0)" }),
        ]
        let text = """
            Rút ra bài học kinh nghiệm; học tập kinh nghiệm quốc tế. Đã thành lập CĐCS mới, công đoàn cơ sở \
            vượt chỉ tiêu số 17 và chỉ tiêu số 4. Bài học: công đoàn phải gần đoàn viên.
            """
        let whole = try PhraseMatcher(sets)
        XCTAssertEqual(whole.patternSources.count, 1)
        for size in [1, 2, 3, 7] {
            let split = try PhraseMatcher(sets, keysPerPattern: size)
            XCTAssertGreaterThan(split.patternSources.count, 1)
            XCTAssertEqual(try split.matches(in: text), try whole.matches(in: text), "\(size) keys a pattern")
        }
    }

    /// A pack listing tens of thousands of phrases: more than one PCRE2 pattern can hold.
    func testTwentyThousandPhrasesCompileAndMatch() throws {
        let phrases = (1...20_000).map { "mô hình điểm số \($0) của công đoàn" }
        let matcher = try PhraseMatcher([PhraseSet(name: "mo-hinh", phrases: phrases)])
        XCTAssertGreaterThan(matcher.patternSources.count, 1)
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

    /// One matcher (one compiled JIT pattern) used by several threads at once, as batch checking does.
    func testOneMatcherServesSeveralThreadsAtOnce() throws {
        let phrases = (1...300).map { "chỉ tiêu số \($0)" } + ["kết nạp đoàn viên", "thành lập công đoàn cơ sở", "nguyên nhân"]
        let matcher = try PhraseMatcher([PhraseSet(name: "a", phrases: phrases)])
        let text = String(repeating: "Năm 2020 kết nạp đoàn viên vượt chỉ tiêu số 17; thành lập CĐCS mới. Nguyên nhân là do... ", count: 3_000)
        let expected = try matcher.matches(in: text)
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            results.set(index, (try? matcher.matches(in: text)) ?? [])
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
