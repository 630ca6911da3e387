import PCRE2
import XCTest
@testable import VietnameseText

final class PhraseTrieTests: XCTestCase {
    private func trie(_ keys: [String]) -> PhraseTrie {
        var trie = PhraseTrie()
        keys.forEach { trie.insert($0) }
        return trie
    }

    func testSharedPrefixesAreWrittenOnce() {
        let pattern = trie(["công đoàn", "công đoàn cơ sở", "công nhân"]).pattern()
        XCTAssertEqual(pattern.components(separatedBy: "công").count - 1, 1, pattern)
    }

    func testLongestPhraseWinsAndPrefixesAreReported() throws {
        let phrases = ["công đoàn", "công đoàn cơ sở", "cơ sở"]
        let trie = trie(phrases)
        let regex = try Pattern("(?<![\\p{L}\\p{N}])" + trie.pattern())
        let match = try XCTUnwrap(try regex.firstMatch(in: "thành lập công đoàn cơ sở mới"))
        let mark = try XCTUnwrap(match.mark.flatMap(Int.init))
        XCTAssertEqual(Set(trie.phrasesOnPath(toMark: mark).map { phrases[$0] }), ["công đoàn cơ sở", "công đoàn"])
    }

    func testPhraseDoesNotEndInsideAWord() throws {
        let trie = trie(["đoàn", "đoàn viên"])
        let regex = try Pattern("(?<![\\p{L}\\p{N}])" + trie.pattern())
        XCTAssertNil(try regex.firstMatch(in: "đoànkết"))
        let match = try XCTUnwrap(try regex.firstMatch(in: "đoàn viên mới"))
        XCTAssertEqual(trie.phrasesOnPath(toMark: Int(match.mark!)!).count, 2)
        let inner = try XCTUnwrap(try regex.firstMatch(in: "đoàn viênchức"))
        // "đoàn viên" cannot end before "chức"; only "đoàn" is matched.
        XCTAssertEqual(inner.range, 0..<"đoàn".utf8.count)
    }

    func testPrefixFollowedByLetterIsNotReported() {
        // "kiến" is a prefix of "kiến nghị" but also of "kiếnnghị"-like keys: only word-boundary prefixes count.
        let trie = trie(["bài", "bàix"])
        XCTAssertEqual(trie.phrasesOnPath(toMark: 4), [1])
    }

    func testSpecialCharactersAreLiteral() throws {
        let trie = trie(["20-nq/tw", "(khóa x)"])
        let regex = try Pattern(trie.pattern())
        XCTAssertTrue(try regex.matches("nghị quyết 20-nq/tw"))
        XCTAssertFalse(try regex.matches("nghị quyết 20anq/tw"))
    }
}
