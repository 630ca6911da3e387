// VietnameseTextTests: word tables. Per-word memoisation returns what the work would, keeps each word once and stays bounded.
@testable import VietnameseText
import XCTest

final class WordTableTests: XCTestCase {
    private func lookUp(_ word: String, in table: inout WordTable<String>, calls: inout Int) -> String {
        Array(word.utf8).withUnsafeBufferPointer { buffer in
            table.value(for: buffer) { bytes in
                calls += 1
                return String(decoding: bytes, as: UTF8.self).uppercased()
            }
        }
    }

    func testEachDistinctWordIsWorkedOutOnceThroughGrowth() {
        var table = WordTable<String>()
        var calls = 0
        let words = (0..<3_000).map { "công đoàn cơ sở \($0)".split(separator: " ").map(String.init) + ["từ\($0)"] }.flatMap { $0 }
        for _ in 0..<2 {
            for word in words { XCTAssertEqual(lookUp(word, in: &table, calls: &calls), word.uppercased()) }
        }
        XCTAssertEqual(calls, Set(words).count)
    }

    func testPastTheLimitAndForLongWordsTheWorkIsDoneEveryTime() {
        var table = WordTable<String>()
        var calls = 0
        for number in 0..<WordTable<String>.limit { _ = lookUp("w\(number)", in: &table, calls: &calls) }
        calls = 0
        _ = lookUp("mới", in: &table, calls: &calls)
        _ = lookUp("mới", in: &table, calls: &calls)
        XCTAssertEqual(calls, 2)
        let long = String(repeating: "đoàn", count: 20)
        _ = lookUp(long, in: &table, calls: &calls)
        _ = lookUp(long, in: &table, calls: &calls)
        XCTAssertEqual(calls, 4)
        XCTAssertEqual(lookUp("w7", in: &table, calls: &calls), "W7")
        XCTAssertEqual(calls, 4)
    }
}
