// VietnameseTextTests: normalisation. NFC, eth, spaces, invisible characters, quotes, dashes, offsets.

import Foundation
import SeededRandom
import XCTest
@testable import VietnameseText

final class NormalizationTests: XCTestCase {
    func testCleanTextIsReturnedWithIdentityMap() {
        let clean = "Ban Thường vụ LĐLĐ huyện ban hành kế hoạch tổ chức sơ kết giữa nhiệm kỳ (2018 - 2023)."
        let result = TextNormalizer.normalize(clean)
        XCTAssertEqual(result.text, clean)
        XCTAssertTrue(result.map.isIdentity)
        XCTAssertEqual(result.changes.total, 0)
        // En dash and ASCII quotes are already the normal form.
        XCTAssertTrue(TextNormalizer.normalize("giai đoạn 2020 – 2023, \"mô hình tốt\"").map.isIdentity)
    }

    /// The scan passes the Latin-1 letters (C3 80 to C3 BF) by their second byte: only the eth
    /// (C3 90, C3 B0) starts work, at any place in a word.
    func testOnlyTheEthAmongLatin1LettersStartsWork() {
        for second in UInt8(0x80)...0xBF {
            let letter = String(decoding: [0xC3, second], as: UTF8.self)
            let texts = ["\(letter)oàn viên", "đoàn v\(letter)", "\(letter)", "Công đoàn \(letter)ại hội"]
            for (text, ethsInWords) in zip(texts, [1, 0, 0, 1]) {
                let result = TextNormalizer.normalize(text)
                if second == 0x90 || second == 0xB0 {
                    XCTAssertEqual(result.changes.ethReplaced, ethsInWords, text)
                } else {
                    XCTAssertEqual(result.text, text)
                    XCTAssertTrue(result.map.isIdentity, text)
                }
            }
        }
    }

    /// The scan for the first change passes sixteen bytes at a time; it agrees with a look at
    /// every byte on long texts where the bytes that may need work fall at every place of a stretch.
    func testFirstChangeAgreesWithALookAtEveryByte() {
        let pieces = ["Công", "đoàn", "viên", " ", "à", "ộ", "Ð", "ð", "Ðoàn", "\u{A0}", "\u{AD}", "\u{200B}", "\u{FEFF}",
                      "“", "”", "–", "—", "\u{2011}", "\u{202F}", "e\u{0301}", "o\u{0302}\u{0300}", "\u{0340}", "x", "1"]
        var random = SeededRandom(seed: 23)
        var found = 0
        for round in 0..<3_000 {
            // Mostly plain words, so that many texts hold a change only far in, or none.
            var text = ""
            for _ in 0..<(1 + random.next(60)) { text += random.next(4) == 0 ? random.pick(pieces) : random.pick(Array(pieces.prefix(5))) }
            var copy = text
            let (fast, plain) = copy.withUTF8 { bytes -> (Int?, Int?) in
                var plain: Int?
                for index in bytes.indices where TextNormalizer.interesting(bytes[index]) && TextNormalizer.needsWork(bytes, at: index) {
                    var start = index
                    while start > 0 && TextNormalizer.isMark(bytes, at: start) {
                        start -= 1
                        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
                    }
                    plain = start
                    break
                }
                return (TextNormalizer.firstByteNeedingWork(bytes), plain)
            }
            XCTAssertEqual(fast, plain, "round \(round): \(text.debugDescription)")
            if plain.map({ $0 > 16 }) == true { found += 1 }
        }
        XCTAssertGreaterThan(found, 300)
    }

    func testDecomposedTextIsComposed() {
        let composed = "Nghị quyết Đại hội Công đoàn Việt Nam lần thứ IX"
        let result = TextNormalizer.normalize(composed.decomposedStringWithCanonicalMapping)
        XCTAssertEqual(Array(result.text.utf8), Array(composed.utf8))
        XCTAssertGreaterThan(result.changes.composed, 0)
    }

    func testWindows1258StyleSequencesAreComposed() {
        // Precomposed vowel (â, ê, ơ, ư) followed by a combining tone, as Windows-1258 writes it.
        let input2 = "câ\u{0300}n đô\u{0301}i chiê\u{0301}u"
        XCTAssertEqual(TextNormalizer.normalize(input2).text, "cần đối chiếu")
        let result = TextNormalizer.normalize("nâ\u{0300}ng cao chất lươ\u{0323}ng ngươ\u{0300}i lao đô\u{0323}ng")
        XCTAssertEqual(result.text, "nầng cao chất lượng người lao động")
        XCTAssertEqual(result.changes.composed, 4)
        // A tone given before the modifier (non-canonical order) still composes to the Vietnamese letter.
        XCTAssertEqual(TextNormalizer.normalize("ngu\u{031B}o\u{0300}\u{031B}i").text, "người")
    }

    func testNonVietnameseCombiningSequencesUseCanonicalComposition() {
        XCTAssertEqual(TextNormalizer.normalize("Citroe\u{0308}n").text, "Citroën")
    }

    func testEthBecomesDStrokeOnlyInVietnameseWords() {
        let result = TextNormalizer.normalize("ÐẠI HỘI Ðoàn viên ðã Ðorđević")
        XCTAssertEqual(result.text, "ĐẠI HỘI Đoàn viên đã Ðorđević")
        XCTAssertEqual(result.changes.ethReplaced, 3)
    }

    func testSpacesInvisiblesQuotesAndDashes() {
        let input = "\u{FEFF}Kế\u{00A0}hoạch số\u{202F}115/KH-TLĐ về “sơ kết” ‘giữa nhiệm kỳ’ — nhiệm\u{00AD}kỳ 2018\u{2012}2023, CNVC\u{2011}LĐ\u{200B}."
        let result = TextNormalizer.normalize(input)
        XCTAssertEqual(result.text, "Kế hoạch số 115/KH-TLĐ về \"sơ kết\" 'giữa nhiệm kỳ' – nhiệmkỳ 2018–2023, CNVC-LĐ.")
        XCTAssertEqual(result.changes.spaces, 2)
        XCTAssertEqual(result.changes.invisibleRemoved, 3)
        XCTAssertEqual(result.changes.quotes, 4)
        XCTAssertEqual(result.changes.dashes, 3)
    }

    func testOffsetsMapBackToTheInput() {
        let input = "“Công đoàn”\u{00A0}cơ sở: \u{200B}đoàn viên Ðại hội"
            .replacingOccurrences(of: "Công", with: "Công".decomposedStringWithCanonicalMapping)
        let result = TextNormalizer.normalize(input)
        XCTAssertEqual(result.text, "\"Công đoàn\" cơ sở: đoàn viên Đại hội")
        let out = Array(result.text.utf8), source = Array(input.utf8)
        func mapped(_ word: String, occurrence: Int = 0) -> String {
            let range = result.text.ranges(of: word)[occurrence]
            let start = result.text.utf8.distance(from: result.text.startIndex, to: range.lowerBound)
            let end = start + word.utf8.count
            let inStart = result.map.inputOffset(start), inEnd = result.map.inputOffset(end)
            _ = out
            return String(decoding: source[inStart..<inEnd], as: UTF8.self)
        }
        XCTAssertEqual(mapped("đoàn"), "đoàn")
        XCTAssertEqual(mapped("cơ sở"), "cơ sở")
        XCTAssertEqual(mapped("đoàn", occurrence: 1), "đoàn")
        XCTAssertEqual(mapped("viên Đại"), "viên Ðại")
        XCTAssertEqual(mapped("Công").precomposedStringWithCanonicalMapping, "Công")
        XCTAssertEqual(result.map.inputOffset(out.count), source.count)
    }

    func testNormalizationIsIdempotent() {
        let input = "ÐOÀN\u{00A0}“kiê\u{0309}m tra” — ‘giám sát’"
        let once = TextNormalizer.normalize(input).text
        let twice = TextNormalizer.normalize(once)
        XCTAssertEqual(twice.text, once)
        XCTAssertTrue(twice.map.isIdentity)
    }

    /// Found by fuzz-decode: the bytes D0 C2 AD 6E 20 C3 decode (as a legacy code page) to an eth, a
    /// letter and a soft hyphen inside one word. The first pass judged the eth on the word cut at the soft
    /// hyphen and kept it, then deleted the soft hyphen; the second pass saw the whole word and changed
    /// the eth to Đ. Words are now judged as they read without their invisible characters.
    func testAnEthBeforeAnInvisibleCharacterIsDecidedOnce() throws {
        let decoded = try TextDecoder.decode([0xD0, 0xC2, 0xAD, 0x6E, 0x20, 0xC3])
        let repaired = MojibakeRepair.repair(decoded.text).text
        let once = TextNormalizer.normalize(repaired).text
        XCTAssertEqual(TextNormalizer.normalize(once).text, once, "«\(repaired)» → «\(once)»")
        for word in ["Ð\u{AD}ÔNG", "ÐÔ\u{200B}NG", "ÐOÀ\u{2060}N", "\u{FEFF}ÐÂ\u{AD}N", "ðo\u{AD}àn viên"] {
            let first = TextNormalizer.normalize("Công \(word) cơ sở").text
            XCTAssertEqual(TextNormalizer.normalize(first).text, first, word)
        }
        XCTAssertEqual(TextNormalizer.normalize("Ð\u{AD}OÀN viên").text, "ĐOÀN viên")
    }
}
