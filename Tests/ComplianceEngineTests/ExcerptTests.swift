// ComplianceEngineTests: excerpts. The byte-level reading agrees with the definition in characters.
import SeededRandom
import XCTest
@testable import ComplianceEngine

final class ExcerptTests: XCTestCase {
    /// Pieces of report text, and pieces the byte-level reading must leave to the character one.
    private static let plain = ["công", "đoàn", "viên", "Kết quả", "NGƯỜI", "2020", "98,5%", " ", " ", "  ", "\n", "\n\n",
                                "\u{0B}", "\u{0C}", "—", "“trích”", "…", "‰", "•", "\u{A0}", "\u{1}", "ç", "ʼ"]
    private static let hard = ["\r\n", "\r", "\u{2028}", "\u{2029}", "\u{85}", "e\u{301}", "\u{200D}", "👍🏽", "🇻🇳",
                               "한국", "\u{300}", "a\u{20DD}"]

    func testBytewiseAgreesWithCharacterwiseOnRandomText() {
        var random = SeededRandom(seed: 2026)
        var readBytewise = 0
        for round in 0..<600 {
            var text = ""
            let pieces = random.next(round < 300 ? 60 : 400)
            for _ in 0..<pieces {
                text += random.next(40) == 0 ? random.pick(Self.hard) : random.pick(Self.plain)
            }
            // A substring of a longer string, as the engine passes it.
            let whole = "đầu " + text + " cuối"
            let slice = whole.dropFirst(4).dropLast(5)
            if let fast = Excerpt.bytewise(slice) {
                readBytewise += 1
                XCTAssertEqual(fast, Excerpt.characterwise(slice), "round \(round): \(text.debugDescription)")
            }
            XCTAssertEqual(Excerpt.of(slice), Excerpt.characterwise(slice), "round \(round)")
        }
        XCTAssertGreaterThan(readBytewise, 200, "most report text is read from its bytes")
    }

    func testCutsAtASpaceAndMarksTheCut() {
        let words = Array(repeating: "đoàn viên", count: 40).joined(separator: " ")
        let excerpt = Excerpt.of(Substring(words))
        XCTAssertTrue(excerpt.hasSuffix("viên …"), excerpt)
        XCTAssertLessThanOrEqual(excerpt.count, Excerpt.length + 2)
        XCTAssertEqual(Excerpt.of("Kết quả\n\nđạt được\n"), "Kết quả đạt được")
        XCTAssertEqual(Excerpt.of("\nmột\r\nhai"), "một hai")
        let long = String(repeating: "\n", count: 700) + "chữ"
        XCTAssertEqual(Excerpt.of(Substring(long)), " …", "only the opening 640 characters are read")
        // The 640th character with a mark, a variation selector or a keycap joined after it.
        for joined in ["e\u{301}", "1\u{FE0F}\u{20E3}", "a\u{200D}b"] {
            let text = Substring(String(repeating: "\n", count: 639) + joined)
            XCTAssertEqual(Excerpt.of(text), Excerpt.characterwise(text), joined.debugDescription)
        }
    }
}
