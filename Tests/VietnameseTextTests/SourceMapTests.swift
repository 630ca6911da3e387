import XCTest
@testable import VietnameseText

final class SourceMapTests: XCTestCase {
    func testLineIndexCountsColumnsInCharacters() {
        let index = LineIndex("BÁO CÁO\r\nSơ kết giữa nhiệm kỳ\nĐoàn viên")
        let text = Array("BÁO CÁO\r\nSơ kết giữa nhiệm kỳ\nĐoàn viên".utf8)
        let offset = "BÁO CÁO\r\nSơ kết ".utf8.count
        XCTAssertEqual(index.location(of: offset), SourceLocation(line: 2, column: 8))
        XCTAssertEqual(index.location(of: 0), SourceLocation(line: 1, column: 1))
        XCTAssertEqual(index.location(of: text.count), SourceLocation(line: 3, column: 10))
        XCTAssertEqual(index.lineCount, 3)
    }

    func testBuilderMapsCopiesAndReplacements() {
        // "Coâng ñoaøn" (VNI read as Windows-1252) repaired into "Công đoàn".
        let input = Array("Coâng ñoaøn".utf8)
        var builder = TextBuilder()
        builder.copy(input[0..<1], from: 0)                 // C
        builder.replace(1..<4, with: "ô")                    // oâ -> ô
        builder.copy(input[4..<6], from: 4)                 // "ng"
        builder.copy(input[6..<7], from: 6)                 // " "
        builder.replace(7..<9, with: "đ")                    // ñ -> đ
        builder.replace(9..<13, with: "oà")                  // oaø -> oà
        builder.copy(input[13..<14], from: 13)              // n
        XCTAssertEqual(builder.string, "Công đoàn")
        let out = Array(builder.string.utf8)
        let doan = "Công ".utf8.count
        XCTAssertEqual(builder.map.inputOffset(doan), 7)
        XCTAssertEqual(builder.map.inputOffset(out.count), input.count)
        XCTAssertEqual(builder.map.inputOffset(3), 4, "the 'n' after the repaired vowel")
        XCTAssertFalse(builder.map.isIdentity)
    }

    func testIdentityMap() {
        XCTAssertEqual(OffsetMap.identity.inputOffset(42), 42)
        var builder = TextBuilder()
        builder.copy(Array("đoàn viên".utf8), from: 0)
        XCTAssertTrue(builder.map.isIdentity)
        XCTAssertEqual(builder.map.inputOffset(5), 5)
    }
}
