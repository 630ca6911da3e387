import XCTest
@testable import VietnameseText

final class TextAnalyzerTests: XCTestCase {
    private let report = """
    LĐLĐ HUYỆN VĨNH THUẬN
    Số: 15/BC-LĐLĐ
    I. KẾT QUẢ ĐẠT ĐƯỢC
    1. Công tác phát triển đoàn viên
    Năm 2020 kết nạp 1.250 đoàn viên, đạt 104% chỉ tiêu. TP. Rạch Giá có 12 CĐCS mới.
    Hoạtđộngcôngđoàn còn côg tác hình thức; hoà giải và hòa nhập.
    """

    func testUnitsSentencesAndFigures() throws {
        let analysis = try TextAnalyzer.analyze(bytes: Array(report.utf8))
        XCTAssertEqual(analysis.encoding, .utf8)
        XCTAssertEqual(analysis.units.filter { $0.kind == .heading }.count >= 2, true)
        let body = try XCTUnwrap(analysis.units.first { analysis.slice($0.range).hasPrefix("Năm 2020") })
        XCTAssertEqual(body.sentences.count, 2, "TP. must not end a sentence")
        XCTAssertTrue(analysis.figures.contains { $0.kind == .percent && $0.value == 104 })
        XCTAssertTrue(analysis.abbreviations.contains { $0.text == "CĐCS" })
    }

    func testSyllableIssuesAndStyles() throws {
        let analysis = try TextAnalyzer.analyze(bytes: Array(report.utf8))
        XCTAssertEqual(analysis.syllables.glued.map(\.suggestion), ["Hoạt động công đoàn"])
        XCTAssertEqual(analysis.syllables.invalid.map(\.text), ["côg"])
        XCTAssertEqual(analysis.syllables.invalid.first?.suggestion, "công")
        XCTAssertEqual(analysis.syllables.newPlacement, 1)
        XCTAssertEqual(analysis.syllables.oldPlacement, 1)
        let invalid = try XCTUnwrap(analysis.syllables.invalid.first)
        XCTAssertEqual(analysis.location(of: invalid.range.lowerBound), SourceLocation(line: 6, column: 22))
    }

    func testLegacyBytesLocateOnTheirOwnLines() throws {
        let bytes = try LegacyCodecs.encode(report.replacingOccurrences(of: "Ậ", with: "ậ")
            .replacingOccurrences(of: "Ế", with: "ế").replacingOccurrences(of: "Ạ", with: "ạ")
            .replacingOccurrences(of: "Ả", with: "ả").replacingOccurrences(of: "Đ", with: "đ")
            .replacingOccurrences(of: "Ư", with: "ư").replacingOccurrences(of: "Ợ", with: "ợ")
            .replacingOccurrences(of: "Ệ", with: "ệ"), as: .vni)
        let analysis = try TextAnalyzer.analyze(bytes: bytes)
        XCTAssertEqual(analysis.encoding, .vni)
        let invalid = try XCTUnwrap(analysis.syllables.invalid.first { $0.text == "côg" })
        XCTAssertEqual(analysis.location(of: invalid.range.lowerBound), SourceLocation(line: 6, column: 22))
    }

    func testRepairedParagraphMapsBackToItsLine() throws {
        let text = "Báo cáo sơ kết.\nC«ng ®oµn ViÖt Nam tæ chøc §¹i héi.\nKết nạp 1.250 đoàn viên."
        let analysis = try TextAnalyzer.analyze(bytes: Array(text.utf8))
        XCTAssertEqual(analysis.repairs.count, 1)
        XCTAssertEqual(analysis.repairs.first?.kind, .tcvn3AsWindows1252)
        XCTAssertTrue(analysis.text.contains("Công đoàn Việt Nam tổ chức Đại hội."))
        let offset = Array(analysis.text.utf8).firstRange(of: Array("Kết nạp".utf8))!.lowerBound
        XCTAssertEqual(analysis.location(of: offset), SourceLocation(line: 3, column: 1))
        let repaired = Array(analysis.text.utf8).firstRange(of: Array("Việt".utf8))!.lowerBound
        XCTAssertEqual(analysis.location(of: repaired).line, 2)
    }

    func testUndiacritisedTextIsRecognised() throws {
        let text = String(repeating: "Cong doan co so da to chuc nhieu hoat dong cho doan vien trong nam. ", count: 8)
        let analysis = try TextAnalyzer.analyze(bytes: Array(text.utf8))
        XCTAssertTrue(analysis.syllables.looksUndiacritised)
        XCTAssertFalse(try TextAnalyzer.analyze(bytes: Array(report.utf8)).syllables.looksUndiacritised)
    }

    func testOnlyWordsWrittenBothWaysCountAsIYStyle() throws {
        let analysis = TextAnalyzer.analyze(text: "Thi đua chỉ đạo; kỹ năng, kĩ thuật, quý I, công ty, thi thoảng đi họp.")
        XCTAssertEqual(analysis.syllables.ySpelling, 3, "kỹ, quý, ty")
        XCTAssertEqual(analysis.syllables.iSpelling, 1, "kĩ only: thi, chỉ, đi are never written with y")
    }

    /// Summaries keep what they learnt of words from one text to the next: a text's summary is the
    /// same whichever texts came before it, in whatever order (so words numbered in another order).
    func testASummaryDoesNotDependOnTheTextsBefore() {
        let texts = [
            report, "Kỹ thuật, kĩ năng; hoà giải, hòa nhập; côg tác, Hoạtđộng CĐCS và LĐLĐ năm 2020.",
            "Thi đua chỉ đạo; kỹ năng, kĩ thuật, quý I, công ty, thi thoảng đi họp. Covid, Internet.",
            "Cong doan co so da to chuc nhieu hoat dong cho doan vien trong nam; tỉnh, tủy, thủy, thuỷ.",
        ]
        func fields(_ summary: SyllableSummary) -> [String] {
            [summary.total, summary.vietnamese, summary.foreign, summary.abbreviations, summary.numbers, summary.marked,
             summary.oldPlacement, summary.newPlacement, summary.iSpelling, summary.ySpelling].map(String.init)
                + [summary.firstOldPlacement, summary.firstNewPlacement, summary.firstISpelling, summary.firstYSpelling].map { "\($0.map { [$0.lowerBound, $0.upperBound] } ?? [])" }
                + (summary.invalid + summary.glued).map { "\($0.range) \($0.text) \($0.suggestion ?? "")" }
        }
        let forward = texts.map { fields(SyllableSummary(of: $0)) }
        let backward = texts.reversed().map { fields(SyllableSummary(of: $0)) }
        XCTAssertEqual(Array(backward.reversed()), forward)
        XCTAssertEqual(fields(SyllableSummary(of: texts[1]))[6...9], ["1", "1", "1", "1"], "one of each placement and spelling")
    }

    /// The summary that also counts tokens per unit is the plain summary, and its counts and
    /// abbreviations are those of the scanner's tokens: units with gaps between them, a unit with
    /// no token, tokens before the first unit and after the last.
    func testUnitCountsAreTheTokensStartingInEachUnit() {
        let text = report + "\nCĐCS và LĐLĐ tỉnh; Covid-19, NQ/TW.\n\nBCH  mới."
        let tokens = SyllableScanner.tokens(in: text)
        let length = text.utf8.count
        // Cuts at token starts and ends, inside a token, and between tokens.
        let cuts = [tokens[1].range.lowerBound, tokens[5].range.lowerBound, tokens[5].range.lowerBound + 1,
                    tokens[20].range.upperBound, tokens[21].range.lowerBound, tokens[30].range.lowerBound, length - 20, length - 6]
        let units = stride(from: 0, to: cuts.count - 1, by: 1).map { cuts[$0]..<cuts[$0 + 1] }.enumerated()
            .filter { $0.offset != 2 }.map(\.element)
        let (summary, counts, abbreviations) = SyllableSummary.counting(text, units: units)
        let expected = units.map { unit in tokens.filter { unit.contains($0.range.lowerBound) }.count }
        XCTAssertEqual(counts, expected)
        XCTAssertTrue(expected.contains(0) && expected.filter { $0 > 2 }.count >= 3, "the cuts make empty and full units")
        XCTAssertEqual(abbreviations, tokens.filter { $0.kind == .abbreviation }.map(\.range))
        XCTAssertGreaterThanOrEqual(abbreviations.count, 6)
        let plain = SyllableSummary(of: text)
        XCTAssertEqual([summary.total, summary.vietnamese, summary.abbreviations, summary.numbers, summary.marked],
                       [plain.total, plain.vietnamese, plain.abbreviations, plain.numbers, plain.marked])
        XCTAssertEqual(summary.invalid, plain.invalid)
        XCTAssertEqual(summary.glued, plain.glued)
    }
}
