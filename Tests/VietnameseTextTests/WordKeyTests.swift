// VietnameseTextTests: word keys. Case-insensitive keys of words read from UTF-8 bytes.
@testable import VietnameseText
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
}
