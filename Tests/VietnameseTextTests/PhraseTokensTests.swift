// VietnameseTextTests: phrase matching. The scanner's words and separators against Unicode's categories.
import SeededRandom
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

    /// A text's C3 and E1 leads are found to lead only letters exactly when no × or ÷ and no E1
    /// scalar outside Latin Extended Additional is in it; the tables chosen for such a text cut
    /// every run where the tables for any text do. Texts of every length to past two stretches.
    func testTablesForATextCutWhereTheGeneralOnesDo() {
        let pieces = ["a", " ", "1", ",", "â", "Ô", "ệ", "Ỹ", "ư", "đ", "×", "÷", "\u{1040}", "ἀ", "\u{1DC0}", "“", "…", "\u{A0}"]
        var random = SeededRandom(seed: 41)
        let general = PhraseTokens.Classifier()
        var latin = 0
        for round in 0..<3_000 {
            let text = (0..<(round < 40 ? round : random.next(40))).map { _ in random.next(6) == 0 ? pieces[6 + random.next(pieces.count - 6)] : pieces[random.next(10)] }.joined()
            let bytes = Array(text.utf8)
            let expected = !text.unicodeScalars.contains { scalar in
                scalar.value == 0xD7 || scalar.value == 0xF7 || (0x1000...0x1FFF).contains(scalar.value) && !(0x1E00...0x1EFF).contains(scalar.value)
            }
            bytes.withUnsafeBufferPointer { buffer in
                XCTAssertEqual(LetterTable.leadsOnlyLatinLetters(buffer), expected, text)
                if expected { latin += 1 }
                let chosen = PhraseTokens.Classifier(for: buffer)
                for from in 0...buffer.count {
                    for word in [false, true] {
                        XCTAssertEqual(chosen.runEnd(buffer, from: from, word: word), general.runEnd(buffer, from: from, word: word), "\(text) from \(from)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(latin, 300)
    }
}
