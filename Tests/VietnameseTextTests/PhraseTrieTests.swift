// VietnameseTextTests: phrase matching. The trie of keys over words and separators.
import XCTest
@testable import VietnameseText

final class PhraseTrieTests: XCTestCase {
    private func trie(_ keys: [String]) -> PhraseTrie {
        var trie = PhraseTrie()
        for key in keys { XCTAssertTrue(trie.insert(key), key) }
        trie.freeze()
        return trie
    }

    private func word(_ trie: PhraseTrie, _ word: String) throws -> Int32 {
        try XCTUnwrap(trie.wordIDs[Array(word.utf8)], word)
    }

    /// Follows `words` joined by single spaces from the root.
    private func path(_ trie: PhraseTrie, _ words: [String]) throws -> PhraseTrie.Step {
        var step = trie.rootChildren[Int(try word(trie, words[0]))]
        for next in words.dropFirst() where step.exists {
            step = trie.next(step.node, PhraseTrie.label(separator: trie.spaceID, word: try word(trie, next)))
        }
        return step
    }

    func testKeysSharingTheirFirstWordsShareTheirPath() throws {
        let trie = trie(["công đoàn", "công đoàn cơ sở", "công nhân"])
        XCTAssertEqual(trie.wordIDs.count, 5, "công, đoàn, cơ, sở, nhân, each numbered once")
        XCTAssertEqual(trie.separatorIDs.keys.map { String(decoding: $0, as: UTF8.self) }, [" "])
        let union = try path(trie, ["công", "đoàn"])
        XCTAssertTrue(union.exists && union.hasEnds && union.hasEdges)
        XCTAssertEqual(trie.node(union.node).ends.map { trie.endKeys[$0] }, [0])
        let grassroots = try path(trie, ["công", "đoàn", "cơ", "sở"])
        XCTAssertTrue(grassroots.hasEnds && !grassroots.hasEdges)
        XCTAssertEqual(trie.node(grassroots.node).ends.map { trie.endKeys[$0] }, [1])
        XCTAssertNotEqual(try path(trie, ["công", "nhân"]).node, union.node)
        XCTAssertFalse(try path(trie, ["công", "cơ"]).exists)
        XCTAssertFalse(trie.rootChildren[Int(try word(trie, "đoàn"))].exists, "no key starts with đoàn")
    }

    func testPunctuationBetweenWordsIsPartOfTheEdge() throws {
        let trie = trie(["kiểm tra, giám sát", "kiểm tra giám sát"])
        let comma = try XCTUnwrap(trie.separatorIDs[Array(", ".utf8)])
        let start = trie.rootChildren[Int(try word(trie, "kiểm"))]
        let check = trie.next(start.node, PhraseTrie.label(separator: trie.spaceID, word: try word(trie, "tra")))
        let withComma = trie.next(check.node, PhraseTrie.label(separator: comma, word: try word(trie, "giám")))
        let withSpace = trie.next(check.node, PhraseTrie.label(separator: trie.spaceID, word: try word(trie, "giám")))
        XCTAssertTrue(withComma.exists && withSpace.exists)
        XCTAssertNotEqual(withComma.node, withSpace.node)
    }

    func testClosingPunctuationIsATrailAndOpeningPunctuationARoot() throws {
        let trie = trie(["năm 2017:", "năm", "% chỉ tiêu"])
        let year = try path(trie, ["năm", "2017"])
        XCTAssertTrue(year.hasTrails && !year.hasEnds)
        XCTAssertEqual(trie.node(year.node).trails.map { String(decoding: trie.trailSeparators[$0], as: UTF8.self) }, [":"])
        XCTAssertTrue(trie.rootChildren[Int(try word(trie, "năm"))].hasEnds)
        XCTAssertEqual(trie.leads.map { String(decoding: $0.separator, as: UTF8.self) }, ["% "])
        XCTAssertFalse(trie.rootChildren[Int(try word(trie, "chỉ"))].exists, "chỉ opens a key only after its %")
        XCTAssertTrue(trie.next(trie.leads[0].root, UInt64(try word(trie, "chỉ"))).exists)
    }

    func testAKeyWithoutAWordIsNotAdded() {
        var trie = PhraseTrie()
        XCTAssertFalse(trie.insert("%"))
        XCTAssertFalse(trie.insert(""))
        XCTAssertTrue(trie.insert("công đoàn"))
        XCTAssertEqual(trie.keyCount, 1)
    }

    /// A text's words are looked up in a word table, which keeps words of at most 48 bytes and
    /// 32,768 of them: the words it does not keep are numbered all the same.
    func testEveryWordHasItsNumberPastTheWordTablesLimits() {
        let count = WordTable<Int32>.limit + 100
        let trie = trie((0..<count).map { "w\($0)" } + ["từ " + String(repeating: "dài", count: 20)])
        for (word, number) in trie.wordIDs {
            XCTAssertEqual(word.withUnsafeBufferPointer { trie.number(ofWord: $0) }, number, String(decoding: word, as: UTF8.self))
        }
        XCTAssertEqual(Array("w\(count)".utf8).withUnsafeBufferPointer { trie.number(ofWord: $0) }, -1)
    }
}
