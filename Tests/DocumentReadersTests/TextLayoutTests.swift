// DocumentReadersTests: text layout. Blocks copied from the decoded text by stretches hold the raw text the layout collected.
import SeededRandom
import VietnameseText
import XCTest
@testable import DocumentReaders

final class TextLayoutTests: XCTestCase {
    /// Each block's text is copied from the decoded String by the stretches the layout recorded;
    /// `ProducedBlock` asserts (in this debug build) that they make exactly the raw text collected,
    /// here over random documents with wrapped lines, tables, column gaps, Markdown marks and
    /// headings, laid out as plain text, Markdown and converter output.
    func testStretchesMakeTheRawTextOfEveryBlock() {
        let words = ["Công", "đoàn", "viên", "NGƯỜI", "lao", "động", "1.250", "**đạt**", "`mã`", "[liên kết](x)", "*", "-", "|",
                     "\t", "   ", "  ", "ộ", "Ðoàn", "“trích”", "a\u{00A0}b", "\u{200B}", "e\u{0301}"]
        let openings = ["", "", "", "# ", "## ", "- ", "1. ", "| ", "    ", "\t", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM      "]
        var random = SeededRandom(seed: 17)
        var blocks = 0, joined = 0
        for _ in 0..<400 {
            var lines: [String] = []
            for _ in 0..<(1 + random.next(12)) {
                if random.next(5) == 0 { lines.append(""); continue }
                lines.append(random.pick(openings) + (0..<(1 + random.next(10))).map { _ in random.pick(words) }.joined(separator: " "))
            }
            let text = lines.joined(separator: random.next(3) == 0 ? "\r\n" : "\n")
            for layout in [TextLayout(), TextLayout(markdown: true), TextLayout(converted: true)] {
                let produced = layout.blocks(of: DecodedText(text: text, encoding: .utf8, confidence: 1, hadByteOrderMark: false))
                // Each ProducedBlock asserted its copy; here, that the documents had the shapes asked for.
                for block in produced {
                    blocks += 1
                    if block.raw.anchors.count > 1 { joined += 1 }
                    XCTAssertTrue(block.raw.stretches.isEmpty, "the stretches are let go once the text is made")
                }
            }
        }
        XCTAssertGreaterThan(blocks, 2_000)
        XCTAssertGreaterThan(joined, 50)
    }
}
