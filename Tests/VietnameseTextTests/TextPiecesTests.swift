// VietnameseTextTests: pieces of normalised text. The byte search and the trimming agree with Foundation on normalised text.
import Foundation
import SeededRandom
import XCTest
@testable import VietnameseText

final class TextPiecesTests: XCTestCase {
    func testByteOffsetFindsTheFirstPlaceFromTheStartGiven() {
        let line = "Vĩnh Thuận, ngày 20 tháng 11 năm 2020; ngày 21"
        let day = line.byteOffset(of: "ngày")
        XCTAssertEqual(day, "Vĩnh Thuận, ".utf8.count)
        XCTAssertEqual(line.byteOffset(of: "ngày", from: day! + 1), line.utf8.count - "ngày 21".utf8.count)
        XCTAssertEqual(line.byteOffset(of: "năm", from: line.byteOffset(of: "tháng")!), line.utf8.count - "năm 2020; ngày 21".utf8.count)
        XCTAssertNil(line.byteOffset(of: "tháng", from: line.byteOffset(of: "năm")!))
        XCTAssertNil(line.byteOffset(of: "quý"))
        // A first byte met many times before the piece; the piece at the very end; longer than the text.
        XCTAssertEqual("nnnnăm".byteOffset(of: "năm"), 3)
        XCTAssertEqual("abc".byteOffset(of: "bc"), 1)
        XCTAssertNil("ab".byteOffset(of: "abc"))
        XCTAssertNil("".byteOffset(of: "a"))
        XCTAssertEqual("abc".byteOffset(of: "", from: 2), 2)
        XCTAssertNil("abc".byteOffset(of: "a", from: 4))
        XCTAssertTrue("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".holds("XÃ HỘI"))
        XCTAssertFalse("CỘNG HÒA".holds("HOÀ"))
    }

    func testByteSearchAgreesWithFoundationOnNormalisedText() {
        var random = SeededRandom(seed: 91)
        let pieces = ["ngày", "tháng", "năm", "ng", "ăm", "a", "n", "/", " ", "Độc lập", "ộ", "\u{00A0}"]
        for _ in 0..<2_000 {
            let text = (0..<random.next(12)).map { _ in random.pick(pieces + ["x", "1", ",", "Đ", "ă"]) }.joined()
                .precomposedStringWithCanonicalMapping
            for piece in pieces {
                let expected = text.range(of: piece).map { text.utf8.distance(from: text.startIndex, to: $0.lowerBound) }
                XCTAssertEqual(text.byteOffset(of: piece), expected, "\(piece) in \(text)")
            }
        }
    }

    func testOneByteSearchFindsWhatAScanFinds() {
        var random = SeededRandom(seed: 23)
        for _ in 0..<2_000 {
            let bytes = (0..<random.next(40)).map { _ in random.pick([0x0A, 0x25, 0x28, 0x3B, 0x61, 0xC3, 0xA0] as [UInt8]) }
            let byte = random.pick([0x0A, 0x25, 0x3B, 0x7F] as [UInt8])
            let start = random.next(bytes.count + 3) - 1
            let expected = start < 0 ? nil : bytes.indices.first { $0 >= start && bytes[$0] == byte }
            bytes.withUnsafeBufferPointer { buffer in
                XCTAssertEqual(buffer.firstOffset(of: byte, from: start), expected, "\(byte) from \(start) in \(bytes)")
            }
        }
        [UInt8]().withUnsafeBufferPointer { XCTAssertNil($0.firstOffset(of: 0x0A)) }
    }

    func testTrimmingSpacesRemovesWhatFoundationsWhitespacesRemoves() {
        var random = SeededRandom(seed: 17)
        let parts = [" ", "\t", "\u{00A0}", "\u{2003}", "\u{202F}", "\u{3000}", "\u{1680}", "\n", "\r", "\u{200B}",
                     "\u{0301}", "a", "Số", "ỗ", "/", "\u{FEFF}", "\u{2028}"]
        for _ in 0..<3_000 {
            let line = (0..<random.next(8)).map { _ in random.pick(parts) }.joined()
            XCTAssertEqual(String(line.trimmingSpaces()), line.trimmingCharacters(in: .whitespaces), line.debugDescription)
        }
        XCTAssertEqual("\t  TM. BAN THƯỜNG VỤ \u{00A0}".trimmingSpaces(), "TM. BAN THƯỜNG VỤ")
        XCTAssertEqual(" \u{3000}\t".trimmingSpaces(), "")
    }
}
