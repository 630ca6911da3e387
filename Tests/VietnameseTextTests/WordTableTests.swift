// VietnameseTextTests: word tables. Per-word memoisation returns what the work would, keeps each word once and stays bounded.
@testable import VietnameseText
import XCTest

final class WordTableTests: XCTestCase {
    private func lookUp(_ word: String, in table: inout WordTable<String>, calls: inout Int) -> String {
        Array(word.utf8).withUnsafeBufferPointer { buffer in
            table.entry(for: buffer) { bytes in
                calls += 1
                return String(decoding: bytes, as: UTF8.self).uppercased()
            }.value
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

    /// Words are told apart by every byte, whatever their length: the table compares short words
    /// by two overlapping loads and long ones in its arena.
    func testWordsDifferingInOneByteAreDistinctAtEveryLength() {
        var table = WordTable<String>()
        var calls = 0
        var words: [String] = []
        for length in 1...48 {
            for position in 0..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                bytes[position] = UInt8(ascii: "b")
                words.append(String(decoding: bytes, as: UTF8.self))
            }
        }
        for _ in 0..<2 {
            for word in words { XCTAssertEqual(lookUp(word, in: &table, calls: &calls), word.uppercased()) }
        }
        XCTAssertEqual(calls, words.count)
    }
}
