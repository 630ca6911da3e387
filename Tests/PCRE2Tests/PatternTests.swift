import XCTest
@testable import PCRE2

final class PatternTests: XCTestCase {
    func testMatchesReturnUTF8ByteRanges() throws {
        let pattern = try Pattern("công đoàn", options: .caseless)
        let text = "Tổ chức Công đoàn cơ sở và công đoàn cấp trên"
        let matches = try pattern.allMatches(in: text)
        XCTAssertEqual(matches.count, 2)
        let bytes = Array(text.utf8)
        let first = String(decoding: bytes[matches[0].range], as: UTF8.self)
        XCTAssertEqual(first, "Công đoàn")
        XCTAssertEqual(matches[0].range.lowerBound, "Tổ chức ".utf8.count)
    }

    func testCaselessFoldsVietnameseCapitals() throws {
        let pattern = try Pattern("đoàn viên", options: .caseless)
        XCTAssertTrue(try pattern.matches("PHÁT TRIỂN ĐOÀN VIÊN"))
        XCTAssertFalse(try Pattern("đoàn viên").matches("PHÁT TRIỂN ĐOÀN VIÊN"))
    }

    func testUnicodePropertiesApplyToWordBoundaries() throws {
        // With UCP, \b and \w know that "ệ" is a letter.
        let pattern = try Pattern("\\bhiệu quả\\b")
        XCTAssertTrue(try pattern.matches("nâng cao hiệu quả hoạt động"))
        XCTAssertFalse(try pattern.matches("hiệu quảng cáo"))
    }

    func testCaptureGroupsAndUnsetGroups() throws {
        let pattern = try Pattern("(\\d+)/(KH|BC)-(TLĐ)?")
        let match = try XCTUnwrap(try pattern.firstMatch(in: "Kế hoạch số 2444/KH-TLĐ"))
        XCTAssertEqual(match.groups.count, 4)
        XCTAssertNotNil(match.groups[3])
        let none = try XCTUnwrap(try pattern.firstMatch(in: "Báo cáo 15/BC-"))
        XCTAssertNil(none.groups[3])
    }

    func testCompileErrorCarriesMessageAndOffset() {
        XCTAssertThrowsError(try Pattern("kiến nghị (đề xuất")) { error in
            guard case let PCRE2Error.compile(_, offset, _, message) = error else {
                return XCTFail("expected a compile error, got \(error)")
            }
            XCTAssertEqual(offset, "kiến nghị (đề xuất".utf8.count)
            XCTAssertTrue(message.contains("missing closing parenthesis"), message)
        }
    }

    func testATooLargePatternSaysSoWithoutQuotingItWhole() {
        let source = (0..<30_000).map { "đoàn viên \($0)" }.joined(separator: "|")
        XCTAssertThrowsError(try Pattern(source)) { error in
            let error = error as? PCRE2Error
            XCTAssertEqual(error?.isTooLarge, true, "\(String(describing: error))")
            let message = error?.description ?? ""
            XCTAssertLessThan(message.utf8.count, 300, message)
            XCTAssertTrue(message.contains("(\(source.utf8.count) bytes)"), message)
        }
        XCTAssertThrowsError(try Pattern("(đề xuất")) { XCTAssertEqual(($0 as? PCRE2Error)?.isTooLarge, false) }
    }

    func testCatastrophicPatternHitsTheLimitInsteadOfHanging() throws {
        let pattern = try Pattern("(a+)+$", limits: MatchLimits(matchLimit: 100_000, depthLimit: 1_000))
        let subject = String(repeating: "a", count: 40) + "!"
        let start = Date()
        XCTAssertThrowsError(try pattern.matches(subject)) { error in
            XCTAssertTrue((error as? PCRE2Error)?.isLimit == true, "\(error)")
        }
        XCTAssertLessThan(Date().timeIntervalSince(start), 5)
    }

    func testEmptyMatchesAdvanceByWholeCharacters() throws {
        let pattern = try Pattern("x*")
        let matches = try pattern.allMatches(in: "đạt")
        // One empty match before each of the 3 characters and one at the end.
        XCTAssertEqual(matches.count, 4)
        XCTAssertEqual(matches.map(\.range.lowerBound), [0, 2, 5, 6])
    }

    /// A match read in place tells the groups, unset ones inside and after the last set one, and
    /// the mark, as the copied match does.
    func testMatchesReadInPlaceAgreeWithCopiedMatches() throws {
        let pattern = try Pattern("(a)?(b)(c)?(?:(d)(*MARK:dee)|e(*MARK:ee))(f)?")
        let subject = "bd ab be abcdf bcef"
        var views: [Match] = [], marks: [String?] = [], unsetAfter: [Range<Int>?] = []
        let bytes = Array(subject.utf8)
        try bytes.withUnsafeBufferPointer { buffer in
            try pattern.scanInPlace(inUTF8: buffer) { view in
                views.append(Match(groups: (0...view.captureCount).map { view[$0] }, mark: view.mark))
                marks.append(view.markBytes.map { String(decoding: $0, as: UTF8.self) })
                unsetAfter.append(view[5])
                XCTAssertEqual(view.range, view.match.range)
                return view.range.upperBound
            }
        }
        XCTAssertEqual(views, try pattern.allMatches(in: subject))
        XCTAssertEqual(views.count, 4)
        // "bd" sets group 4 with groups 1 and 3 unset before it; "be" sets none after group 2.
        XCTAssertEqual(views.map { $0.groups.map { $0 != nil } }, [
            [true, false, true, false, true, false], [true, false, true, false, false, false],
            [true, true, true, true, true, true], [true, false, true, true, false, true],
        ])
        XCTAssertEqual(marks, ["dee", "ee", "dee", "ee"])
        XCTAssertEqual(unsetAfter.map { $0 != nil }, [false, false, true, true])
    }

    func testMarksNameTheAlternativeThatMatched() throws {
        let pattern = try Pattern("(?:nguyên nhân(*MARK:cause)|bài học(*MARK:lesson))")
        let marks = try pattern.allMatches(in: "Nguyên nhân và bài học kinh nghiệm; nguyên nhân").map(\.mark)
        XCTAssertEqual(marks, ["lesson", "cause"])
    }

    func testEscapeMakesTextLiteral() throws {
        let literal = "20-NQ/TW (khóa X)."
        let pattern = try Pattern(Pattern.escape(literal))
        XCTAssertTrue(try pattern.matches("Nghị quyết số 20-NQ/TW (khóa X). Tiếp"))
        XCTAssertFalse(try pattern.matches("Nghị quyết số 20-NQ/TW (khóa X)x"))
    }

    func testEmptySubject() throws {
        XCTAssertEqual(try Pattern("a").allMatches(in: "").count, 0)
        XCTAssertEqual(try Pattern("").allMatches(in: "").count, 1)
    }

    func testSharedAcrossThreads() throws {
        let pattern = try Pattern("đoàn viên", options: .caseless)
        let text = String(repeating: "Phát triển đoàn viên mới. ", count: 200)
        let counts = Counts()
        DispatchQueue.concurrentPerform(iterations: 8) { index in
            counts.set(index, (try? pattern.allMatches(in: text).count) ?? -1)
        }
        XCTAssertEqual(counts.values, Array(repeating: 200, count: 8))
    }

    /// A pattern with nested repetition, matched on several threads at once over and over, gives each
    /// thread the matches it gives alone (one JIT stack stored in the pattern was once shared by the
    /// threads, and a match in 8 × 20 came back wrong).
    func testManyThreadsMatchingAtOnceAgreeWithOne() throws {
        let pattern = try Pattern(#"((?:công đoàn|đoàn viên|người lao động)(?: cơ sở)?[^.;]*?)+[.;]"#, options: .caseless)
        let text = String(repeating: "Công đoàn cơ sở kết nạp 45 đoàn viên mới; người lao động được chăm lo. ", count: 300)
        let expected = try pattern.allMatches(in: text).count
        XCTAssertEqual(expected, 600)
        let counts = Counts()
        for _ in 0..<20 {
            DispatchQueue.concurrentPerform(iterations: 8) { index in
                counts.set(index, (try? pattern.allMatches(in: text).count) ?? -1)
            }
            XCTAssertEqual(counts.values, Array(repeating: expected, count: 8))
        }
    }
}

/// Results written from several threads under a lock.
private final class Counts: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values = Array(repeating: 0, count: 8)
    func set(_ index: Int, _ value: Int) { lock.lock(); values[index] = value; lock.unlock() }
}
