// VietnameseTextTests: eight bytes at a time. The word-at-a-time searches against a byte-by-byte one.
import SeededRandom
import VietnameseText
import XCTest

final class ByteWordsTests: XCTestCase {
    /// `firstHighByte` finds the first byte above ASCII from every start, at every offset of a
    /// word and in the last bytes, and the end when there is none.
    func testFirstHighByteAgreesWithAByteByByteSearch() {
        var random = SeededRandom(seed: 11)
        // ASCII edges (0x00, 0x7F) and the first bytes above it (0x80, 0x81), and Vietnamese leads.
        let palette: [UInt8] = [0x00, 0x20, 0x61, 0x7F, 0x80, 0x81, 0xC3, 0xE1, 0xFF]
        var found = 0
        for round in 0..<4_000 {
            let count = round < 40 * 10 ? round % 40 : random.next(100)
            let rare = random.next(3)
            let bytes = (0..<count).map { _ in
                random.next(8) < rare ? palette[random.next(palette.count)] : 0x41 + UInt8(random.next(26))
            }
            let from = random.next(count + 1)
            let expected = bytes[from...].firstIndex { $0 >= 0x80 } ?? count
            let result = bytes.withUnsafeBufferPointer { ByteWords.firstHighByte(in: $0, from: from) }
            XCTAssertEqual(result, expected, "\(bytes) from \(from)")
            if expected < count { found += 1 }
        }
        XCTAssertGreaterThan(found, 1_000)
    }

    /// `scalarCount` counts the bytes that are not continuation bytes, over every range of
    /// buffers of all byte values.
    func testScalarCountAgreesWithCountingByteByByte() {
        var random = SeededRandom(seed: 13)
        for _ in 0..<2_000 {
            let count = random.next(60)
            let bytes = (0..<count).map { _ in UInt8(random.next(256)) }
            let from = random.next(count + 1), to = from + random.next(count - from + 1)
            let expected = bytes[from..<to].filter { $0 & 0xC0 != 0x80 }.count
            XCTAssertEqual(bytes.withUnsafeBufferPointer { ByteWords.scalarCount(in: $0, from: from, to: to) }, expected, "\(bytes) \(from)..<\(to)")
        }
    }
}
