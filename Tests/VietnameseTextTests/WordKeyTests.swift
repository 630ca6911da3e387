// VietnameseTextTests: word keys. Case-insensitive keys of words read from UTF-8 bytes.
@testable import VietnameseText
import SeededRandom
import XCTest

final class WordKeyTests: XCTestCase {
    private func key(inText text: String, word: String) -> WordKey {
        let bytes = Array(text.utf8), needle = Array(word.utf8)
        let offset = (0...bytes.count - needle.count).first { bytes[$0..<$0 + needle.count].elementsEqual(needle) }!
        return bytes.withUnsafeBufferPointer { WordKey($0, offset..<offset + needle.count) }
    }

    func testCapitalsOfEveryKindShareTheLowerCaseKey() {
        for (upper, lower) in [("KHÔNG", "không"), ("Chưa", "chưa"), ("ĐƯỢC", "được"), ("Ủy", "ủy"),
                               ("NGUYỄN", "nguyễn"), ("Ð", "ð"), ("ẲNG", "ẳng")] {
            XCTAssertEqual(key(inText: "Báo cáo \(upper) nêu", word: upper), WordKey(lower), upper)
        }
    }

    func testDifferentWordsAndTonesHaveDifferentKeys() {
        let words = ["không", "khống", "khong", "chưa", "chua", "chứa", "có", "co", "cỏ", "đã", "da", "dã", ""]
        XCTAssertEqual(Set(words.map(WordKey.init)).count, words.count)
    }

    /// A set holds its words, in any case, and no other: the filter in front of its search turns
    /// away only words that are not in it (thousands of words, sets of every size up to 60).
    func testASetHoldsItsWordsAndNoOthers() {
        let syllables = ["a", "b", "c", "d", "đ", "g", "h", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "s", "t", "th", "tr", "v"]
        let rhymes = ["a", "à", "ắt", "ông", "ống", "ưa", "ừa", "iên", "uyết", "oai", "ơn", "ợp", "ỉ", "ành"]
        let words = syllables.flatMap { onset in rhymes.map { onset + $0 } }
        var random = SeededRandom(seed: 23)
        for size in 0...60 {
            let members = Set((0..<size).map { _ in random.pick(words) })
            let set = WordKeySet(members.map(WordKey.init))
            for word in words {
                XCTAssertEqual(set.contains(WordKey(word)), members.contains(word), word)
                XCTAssertEqual(set.contains(WordKey(word.uppercased())), members.contains(word), word)
            }
        }
    }
}
