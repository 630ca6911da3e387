// VietnameseTextTests: decoding. Legacy codecs round trips, detection, Unicode inputs, errors and speed.
import SeededRandom
import XCTest
@testable import VietnameseText

final class DecodingTests: XCTestCase {
    func testTCVN3CapitalsShownThroughVnTimeHAreRestored() throws {
        // .VnTimeH shows lower-case code points as capitals: "PHẦN THỨ NHẤT" is stored as "PHầN THứ NHấT".
        let bytes: [UInt8] = Array("PH".utf8) + [0xC7] + Array("N TH".utf8) + [0xF8] + Array(" NH".utf8) + [0xCA] + Array("T\nH".utf8)
            + [0xB5] + Array(" N".utf8) + [0xE9] + Array("i, ng".utf8) + [0xB5] + Array("y 5".utf8)
        XCTAssertEqual(try LegacyCodecs.decode(bytes, as: .tcvn3), "PHẦN THỨ NHẤT\nHà Nội, ngày 5")
    }

    /// A report paragraph with no capital letter carrying a tone (TCVN3 has none), on two lines.
    static let paragraph = """
        Ban Chấp hành Công đoàn Việt Nam đã tổ chức sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội IX; \
        các cấp công đoàn tập trung tuyên truyền, giáo dục chính trị, pháp luật cho đoàn viên và người lao động, \
        đại diện bảo vệ quyền, lợi ích hợp pháp, chính đáng của họ, xin ý kiến quý báu của cơ sở.
        Năm 2005, toàn ngành kết nạp 12.450 đoàn viên, đạt 104% chỉ tiêu; khó khăn về việc làm, tiền lương, \
        đời sống của công nhân ở các trường, khu công nghiệp vẫn còn nhiều, chưa được giải quyết kịp thời.
        """

    func testEveryLegacyEncodingRoundTripsAndIsDetected() throws {
        for encoding in [TextEncoding.windows1258, .tcvn3, .vni, .viscii] {
            let bytes = try LegacyCodecs.encode(Self.paragraph, as: encoding)
            XCTAssertNotEqual(bytes, Array(Self.paragraph.utf8), "\(encoding)")
            XCTAssertEqual(try LegacyCodecs.decode(bytes, as: encoding), Self.paragraph, "\(encoding)")
            XCTAssertEqual(try TextDecoder.decode(bytes, encoding: encoding).text, Self.paragraph, "\(encoding)")
            let detected = try TextDecoder.decode(bytes)
            XCTAssertEqual(detected.encoding, encoding, "detected \(detected.encoding) for \(encoding)")
            XCTAssertEqual(detected.text, Self.paragraph, "\(encoding)")
            XCTAssertGreaterThan(detected.confidence, 0.5, "\(encoding)")
            XCTAssertLessThanOrEqual(detected.confidence, 1)
        }
    }

    func testBytesMatchThePublishedTables() throws {
        // "Công đoàn Việt Nam" as each encoding writes it.
        XCTAssertEqual(try LegacyCodecs.encode("Công đoàn Việt", as: .tcvn3),
                       [0x43, 0xAB, 0x6E, 0x67, 0x20, 0xAE, 0x6F, 0xB5, 0x6E, 0x20, 0x56, 0x69, 0xD6, 0x74])
        XCTAssertEqual(try LegacyCodecs.encode("Công đoàn Việt", as: .vni),
                       Array("Co\u{E2}ng \u{F1}oa\u{F8}n Vie\u{E4}t".unicodeScalars.map { UInt8($0.value) }))
        XCTAssertEqual(try LegacyCodecs.encode("Công đoàn Việt", as: .windows1258),
                       [0x43, 0xF4, 0x6E, 0x67, 0x20, 0xF0, 0x6F, 0xE0, 0x6E, 0x20, 0x56, 0x69, 0xEA, 0xF2, 0x74])
        XCTAssertEqual(try LegacyCodecs.encode("Công đoàn Việt", as: .viscii),
                       [0x43, 0xF4, 0x6E, 0x67, 0x20, 0xF0, 0x6F, 0xE0, 0x6E, 0x20, 0x56, 0x69, 0xAE, 0x74])
        // VISCII capitals in C0 positions, and ươ in every table.
        XCTAssertEqual(try LegacyCodecs.decode([0x02, 0x1E], as: .viscii), "ẲỴ")
        XCTAssertEqual(try LegacyCodecs.decode([0x6E, 0x67, 0xAD, 0xEA, 0x69], as: .tcvn3), "người")
        XCTAssertEqual(try LegacyCodecs.decode([0x6E, 0x67, 0xDF, 0xB6, 0x69], as: .viscii), "người")
    }

    func testDecodingComposesToneBytesAndModifiers() throws {
        // Windows-1258: "Việt" is V i ê + dot-below byte t; the result has one precomposed "ệ".
        let viet = try LegacyCodecs.decode([0x56, 0x69, 0xEA, 0xF2, 0x74], as: .windows1258)
        XCTAssertEqual(viet, "Việt")
        XCTAssertEqual(Array(viet.unicodeScalars.map(\.value)), [0x56, 0x69, 0x1EC7, 0x74])
        // VNI: one modifier, two modifiers (circumflex then tone), capitals, single-byte letters.
        let vni: (String) -> [UInt8] = { $0.unicodeScalars.map { UInt8($0.value) } }
        XCTAssertEqual(try LegacyCodecs.decode(vni("Coâng ñoaøn"), as: .vni), "Công đoàn")
        XCTAssertEqual(try LegacyCodecs.decode(vni("ca\u{E2}\u{F9}p"), as: .vni), "cấp")
        XCTAssertEqual(try LegacyCodecs.decode(vni("BAÙO CAÙO TOÅNG KEÁT"), as: .vni), "BÁO CÁO TỔNG KẾT")
        XCTAssertEqual(try LegacyCodecs.decode(vni("Ñaïi hoäi nhieäm kyø, chæ tieâu, ngöôøi"), as: .vni),
                       "Đại hội nhiệm kỳ, chỉ tiêu, người")
        // TCVN3 read with the VN2 capitals and marks it may meet.
        XCTAssertEqual(try LegacyCodecs.decode([0x41, 0xB3, 0x20, 0xC4], as: .tcvn3), "Á Ấ")
        // Decoded legacy text keeps its line breaks.
        let lines = try LegacyCodecs.decode(try LegacyCodecs.encode("Báo cáo\r\nsơ kết\n", as: .tcvn3), as: .tcvn3)
        XCTAssertEqual(lines, "Báo cáo\r\nsơ kết\n")
    }

    func testEncodingNamesTheCharacterItCannotWrite() {
        XCTAssertThrowsError(try LegacyCodecs.encode("BÁO CÁO sơ kết", as: .tcvn3)) { error in
            XCTAssertEqual(error as? LegacyEncodingError, .unrepresentable(character: "Á", offset: 1, encoding: .tcvn3))
            XCTAssertTrue("\(error)".contains("'Á' (U+C1)"), "\(error)")
        }
        XCTAssertThrowsError(try LegacyCodecs.encode("Hội nghị – 中国", as: .viscii)) { error in
            XCTAssertEqual(error as? LegacyEncodingError,
                           .unrepresentable(character: "–", offset: "Hội nghị ".utf8.count, encoding: .viscii))
        }
        XCTAssertThrowsError(try LegacyCodecs.encode("Việt", as: .utf8)) { error in
            XCTAssertEqual(error as? LegacyEncodingError, .notLegacy(.utf8))
        }
        XCTAssertThrowsError(try LegacyCodecs.encode("A\u{02}", as: .viscii)) { error in
            XCTAssertEqual(error as? LegacyEncodingError, .unrepresentable(character: "\u{02}", offset: 1, encoding: .viscii))
        }
        // Decomposed input is composed before writing.
        XCTAssertEqual(try LegacyCodecs.encode("Vie\u{302}\u{323}t", as: .viscii), [0x56, 0x69, 0xAE, 0x74])
    }

    func testUnassignedBytesAreErrorsWithTheirOffset() {
        XCTAssertThrowsError(try TextDecoder.decode([0x41, 0x0A, 0x42, 0x8A], encoding: .windows1258)) { error in
            XCTAssertEqual(error as? DecodingError, .invalidBytes(encoding: .windows1258, offset: 3, line: 2))
        }
        XCTAssertThrowsError(try LegacyCodecs.decode([0x43, 0x81], as: .tcvn3)) { error in
            XCTAssertEqual(error as? DecodingError, .invalidBytes(encoding: .tcvn3, offset: 1, line: 1))
        }
    }

    func testUnicodeInputsWithAndWithoutByteOrderMarks() throws {
        let text = "Tổng Liên đoàn Lao động Việt Nam\nBáo cáo sơ kết"
        let utf8 = Array(text.utf8)
        let plain = try TextDecoder.decode(utf8)
        XCTAssertEqual(plain.text, text)
        XCTAssertEqual(plain.encoding, .utf8)
        XCTAssertFalse(plain.hadByteOrderMark)
        XCTAssertGreaterThan(plain.confidence, 0.6)

        let marked = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + utf8)
        XCTAssertEqual(marked.text, text)
        XCTAssertTrue(marked.hadByteOrderMark)

        let units = Array(text.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        XCTAssertEqual(try TextDecoder.decode(little).text, text)
        XCTAssertEqual(try TextDecoder.decode(little).encoding, .utf16LE)
        XCTAssertEqual(try TextDecoder.decode(big).text, text)
        XCTAssertEqual(try TextDecoder.decode(big).encoding, .utf16BE)
    }

    func testInvalidUTF8GivenAsUTF8IsAnErrorWithItsOffset() {
        let bytes = Array("Công đoàn cơ sở\nđạt ".utf8) + [0xE1, 0xBA] + Array(" chỉ tiêu".utf8)
        let offset = "Công đoàn cơ sở\nđạt ".utf8.count
        XCTAssertThrowsError(try TextDecoder.decode(bytes, encoding: .utf8)) { error in
            XCTAssertEqual(error as? DecodingError, .invalidBytes(encoding: .utf8, offset: offset, line: 2))
            XCTAssertTrue("\(error)".contains("byte \(offset) (line 2)"))
        }
    }

    func testBinaryInputIsRefused() {
        let withNUL = Array("PK".utf8) + [0x03, 0x04, 0x14, 0x00, 0x06, 0x00] + Array("word/document.xml".utf8)
        XCTAssertThrowsError(try TextDecoder.decode(withNUL)) { error in
            XCTAssertEqual(error as? DecodingError, .binary(offset: 5))
        }
        var controls: [UInt8] = []
        for index in 0..<400 { controls.append(index % 3 == 0 ? 0x01 : 0x41 + UInt8(index % 26)) }
        XCTAssertThrowsError(try TextDecoder.decode(controls)) { error in
            XCTAssertEqual(error as? DecodingError, .binary(offset: 0))
        }
    }

    func testByteScanWordAtATimeAgreesWithAByteByByteScan() {
        var random = SeededRandom(seed: 5)
        // Mostly letters, with line breaks, NUL, other control bytes, bytes 0x1F/0x20 (the edge of the
        // word test) and bytes above ASCII; every length 0...40 and some long inputs.
        let palette: [UInt8] = [0x41, 0x61, 0x20, 0x0A, 0x0D, 0x09, 0x00, 0x01, 0x1F, 0x1A, 0x7F, 0x80, 0xC3, 0xFF]
        for round in 0..<3_000 {
            let count = round < 41 * 20 ? round % 41 : random.next(300)
            let rare = random.next(4) == 0
            let bytes = (0..<count).map { _ in rare ? palette[random.next(palette.count)] : 0x41 + UInt8(random.next(26)) }
            let scan = ByteScan(bytes)
            let controls = bytes.indices.filter { bytes[$0] > 0 && bytes[$0] < 0x20 && !ByteScan.textControl[Int(bytes[$0])] }
            XCTAssertEqual(scan.firstNUL, bytes.firstIndex(of: 0), "\(bytes)")
            XCTAssertEqual(scan.firstControl, controls.first, "\(bytes)")
            XCTAssertEqual(scan.controlCount, controls.count, "\(bytes)")
            XCTAssertEqual(scan.isASCII, bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
        }
    }

    func testMojibakeSavedAsUTF8IsStillUTF8WithLowConfidence() throws {
        let damaged = "C«ng ®oµn ViÖt Nam ®· tæ chøc s¬ kÕt gi÷a nhiÖm kú"
        let decoded = try TextDecoder.decode(Array(damaged.utf8))
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.text, damaged)
        XCTAssertLessThan(decoded.confidence, 0.5)
    }

    func testBytesEveryCandidateReadsAlikeGiveLowConfidence() throws {
        // "Đoàn viên" is the same bytes in VISCII and Windows-1258: the text is right, the name a guess.
        let decoded = try TextDecoder.decode(try LegacyCodecs.encode("Đoàn viên", as: .viscii))
        XCTAssertEqual(decoded.text, "Đoàn viên")
        XCTAssertLessThan(decoded.confidence, 0.5)
    }

    func testPureASCIIIsUTF8() throws {
        let decoded = try TextDecoder.decode(Array("Bao cao so ket giua nhiem ky 2018-2023".utf8))
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertEqual(decoded.confidence, 1)
    }

    func testAVietnameseOpeningDecidesALongerUTF8Text() throws {
        // 17 KB of Vietnamese, then 40 KB of English: the whole scores below the fast path, the
        // opening far above it, and it alone is scored.
        let line = Self.paragraph + "\n"
        var opening = ""
        while opening.utf8.count < 17_000 { opening += line }
        var tail = ""
        while tail.utf8.count < 40_000 { tail += "The union reviewed its work through the middle of the term and wrote down every figure.\n" }
        let whole = SyllableScoring.tally(opening + tail).share
        XCTAssertLessThan(whole, EncodingDetector.fastPathScore)
        let decoded = try TextDecoder.decode(Array((opening + tail).utf8))
        XCTAssertEqual(decoded.encoding, .utf8)
        XCTAssertGreaterThan(decoded.confidence, EncodingDetector.fastPathScore + EncodingDetector.quickMargin)
        // No longer than the opening: the whole is scored.
        var short = ""
        while short.utf8.count + line.utf8.count <= EncodingDetector.quickLength { short += line }
        short += String(repeating: "x ", count: (EncodingDetector.quickLength - short.utf8.count) / 2)
        XCTAssertEqual(try TextDecoder.decode(Array(short.utf8)).confidence, SyllableScoring.tally(short).share)
    }

    func testFiveMegabytesDetectAndDecodeWhole() throws {
        // Speed is measured by the benchmark (soatxet-bench --stages), not here.
        let line = Self.paragraph + "\n"
        var text = ""
        while text.utf8.count < 5_000_000 { text += line }
        for encoding in [TextEncoding.tcvn3, .utf8] {
            let bytes = encoding == .utf8 ? Array(text.utf8) : try LegacyCodecs.encode(text, as: encoding)
            let decoded = try TextDecoder.decode(bytes)
            XCTAssertEqual(decoded.encoding, encoding)
            XCTAssertEqual(decoded.text.utf8.count, text.utf8.count)
        }
    }
}
