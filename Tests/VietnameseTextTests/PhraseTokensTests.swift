// VietnameseTextTests: phrase matching. The scanner's words and separators against Unicode's categories.
import XCTest
@testable import VietnameseText

final class PhraseTokensTests: XCTestCase {
    /// Every scalar up to U+3000 and some beyond, between two letters and between two spaces: the
    /// runs end where its category says (the byte kinds let whole lead bytes through unread).
    func testRunsEndWhereTheCategoriesSay() {
        let classifier = PhraseTokens.Classifier()
        var checked = 0
        for value in Array(0x21..<0x3000) + [0x1_D7CE, 0x1_F600, 0xFF10, 0xFF0C] {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let isWord = PhraseTokens.isLetterOrNumber(scalar.value)
            let width = String(scalar).utf8.count
            for (text, word) in [("a\(scalar)b", true), (" \(scalar) ", false)] {
                let bytes = Array(text.utf8)
                let end = bytes.withUnsafeBufferPointer { classifier.runEnd($0, from: 0, word: word) }
                XCTAssertEqual(end, isWord == word ? 2 + width : 1, "U+\(String(value, radix: 16, uppercase: true)) in «\(text)»")
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 10_000)
    }
}
