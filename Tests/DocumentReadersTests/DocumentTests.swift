// DocumentReadersTests: the model. Section tree, scope names, block locations, block text production.
import XCTest
import SeededRandom
import VietnameseText
@testable import DocumentReaders

final class DocumentTests: XCTestCase {
    private func text(_ line: Int, _ text: String, _ scope: BlockScope) -> Block {
        Block(scope: scope, text: text, location: .text(SourceLocation(line: line, column: 1)))
    }

    func testSectionTreeNestsHeadingsAndKeepsPreamble() {
        let blocks = [
            text(1, "BÁO CÁO", .title),
            text(3, "I. KẾT QUẢ THỰC HIỆN", .heading(level: 1)),
            text(4, "1. Công tác tuyên truyền", .heading(level: 2)),
            text(5, "Đã tổ chức 12 buổi tuyên truyền.", .paragraph),
            text(6, "2. Công tác chăm lo", .heading(level: 2)),
            text(7, "Thăm hỏi 18 đoàn viên ốm đau.", .paragraph),
            text(8, "II. PHƯƠNG HƯỚNG", .heading(level: 1)),
            text(9, "Tiếp tục đổi mới phương thức hoạt động.", .paragraph),
        ]
        let document = Document(path: "bao-cao.txt", format: .txt, blocks: blocks)
        let tree = document.sections
        XCTAssertEqual(tree.root.children.count, 2)
        XCTAssertEqual(tree.root.ownContent, 0..<1)
        let first = tree.nodes[tree.root.children[0]]
        XCTAssertEqual(first.heading, 1)
        XCTAssertEqual(first.blocks, 1..<6)
        XCTAssertEqual(first.children.map { tree.nodes[$0].heading }, [2, 4])
        XCTAssertEqual(tree.nodes[first.children[1]].blocks, 4..<6)
        XCTAssertEqual(tree.headingPath(of: 5), [1, 4])
        XCTAssertEqual(tree.headingPath(of: 7), [6])
        XCTAssertEqual(tree.section(containing: 0), 0)
    }

    func testScopeNamesAreTheRuleNames() {
        XCTAssertEqual(BlockScope.tableCell(table: 0, row: 1, column: 2).name, "table-cell")
        XCTAssertEqual(BlockScope.listItem(level: 1).name, "list-item")
        XCTAssertEqual(BlockScope.headerBlock.name, "header-block")
        XCTAssertEqual(BlockScope.heading(level: 2).description, "heading(2)")
    }

    func testBlockTextNormalisesSpacesHyphensAndComposes() {
        // "Công\u{A0}đoàn", a soft hyphen, a non-breaking hyphen, a tab, decomposed "ệ" (e + ̂ + ̣).
        let raw = "  Công\u{A0}đoàn cơ\u{AD}sở\u{2011}Vi\u{0065}\u{0323}\u{0302}t\tNam  "
        let (text, map, _) = BlockText.produce(raw: raw)
        XCTAssertEqual(text, "Công đoàn cơsở-Việt Nam")
        XCTAssertEqual(text, text.precomposedStringWithCanonicalMapping)
        // "Việt" starts after "Công đoàn cơsở-" in the output and at byte 2 + len("Công\u{A0}đoàn cơ\u{AD}sở\u{2011}") in the raw text.
        let outputStart = Array("Công đoàn cơsở-".utf8).count
        let rawStart = 2 + Array("Công\u{A0}đoàn cơ\u{AD}sở\u{2011}".utf8).count
        XCTAssertEqual(map.inputOffset(outputStart), rawStart)
        XCTAssertEqual(map.inputOffset(0), 2)
    }

    func testTheCleanTextShortcutAgreesWithTheFullClean() {
        // Pieces that need cleaning and pieces that look like they might but do not ("–", "“", "«", "Ͱ").
        let pieces = ["Công", "đoàn", " ", " ", "  ", "\t", "\n", "\u{A0}", "\u{AD}", "\u{2011}", "\u{200B}", "\u{200D}",
                      "\u{2009}", "\u{202F}", "\u{FEFF}", "e\u{0302}\u{0301}", "\u{0340}", "–", "—", "“", "”", "…", "«",
                      "»", "°", "Ͱ", "\u{2028}", "\u{2010}", "\u{1}", "ư", "ộ", "Ă", "x"]
        var random = SeededRandom(seed: 7)
        var shortcuts = 0
        for round in 0..<2000 {
            var text = ""
            for _ in 0..<(1 + random.next(12)) { text += random.pick(pieces) }
            let quick = BlockText.clean(text), full = BlockText.clean(raw: Array(text.utf8))
            XCTAssertEqual(quick.text, full.text, "round \(round): \(text.debugDescription)")
            var copy = text
            if copy.withUTF8(BlockText.isAlreadyClean) {
                shortcuts += 1
                XCTAssertEqual(full.text, text, "round \(round): \(text.debugDescription) is not clean")
            }
            for offset in 0...quick.text.utf8.count {
                XCTAssertEqual(quick.map.inputOffset(offset), full.map.inputOffset(offset), "round \(round)")
            }
        }
        XCTAssertGreaterThan(shortcuts, 100)
    }

    /// The clean-text test passes sixteen bytes at a time; it agrees with a look at every byte on
    /// long texts where the bytes that make a text unclean fall at every place of a stretch.
    func testTheCleanTextTestAgreesWithALookAtEveryByte() {
        let pieces = ["Công", "đoàn", "viên", " ", "ộ", " ", "  ", "\t", "\n", "\u{A0}", "\u{AD}", "\u{2011}", "\u{200B}",
                      "\u{2009}", "\u{202F}", "\u{FEFF}", "e\u{0302}\u{0301}", "\u{0340}", "–", "“", "«", "Ͱ", "\u{1}", "x"]
        var random = SeededRandom(seed: 11)
        var clean = 0, uncleanFarIn = 0
        for round in 0..<3_000 {
            var text = ""
            for _ in 0..<(1 + random.next(60)) { text += random.next(5) == 0 ? random.pick(pieces) : random.pick(Array(pieces.prefix(5))) }
            var copy = text
            let (fast, plain, firstUnclean) = copy.withUTF8 { bytes -> (Bool, Bool, Int?) in
                (BlockText.isAlreadyClean(bytes), Self.isCleanByteByByte(bytes), Self.firstUncleanByte(bytes))
            }
            XCTAssertEqual(fast, plain, "round \(round): \(text.debugDescription)")
            if plain { clean += 1 } else if firstUnclean.map({ $0 > 16 }) == true { uncleanFarIn += 1 }
        }
        XCTAssertGreaterThan(clean, 100)
        XCTAssertGreaterThan(uncleanFarIn, 300)
    }

    /// The rule of ``BlockText/isAlreadyClean(_:)`` read byte by byte: the edges, then each byte.
    private static func isCleanByteByByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        return first != 0x20 && last != 0x20 && firstUncleanByte(bytes) == nil
    }

    /// The first byte of a doubled space, a control, or a character the cleaning changes.
    private static func firstUncleanByte(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        bytes.indices.first { index in
            let byte = bytes[index]
            let next = index + 1 < bytes.count ? bytes[index + 1] : nil, third = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch byte {
            case 0x20: return next == 0x20
            case ..<0x20: return true
            case 0xC2: return next == nil || next == 0xA0 || next == 0xAD
            case 0xCC: return true
            case 0xCD: return next.map { $0 <= 0xAF } ?? true
            case 0xE2: return next == nil || (next == 0x80 && (third <= 0x8D || third == 0x91 || third == 0xAF))
            case 0xEF: return next == nil || (next == 0xBB && third == 0xBF)
            case 0xC3...: return next == nil  // a lead byte cut short at the end
            default: return false
            }
        }
    }

    func testUnchangedTextKeepsAnIdentityMap() {
        let (text, map, repairs) = BlockText.produce(raw: "Ban Chấp hành Công đoàn cơ sở")
        XCTAssertTrue(repairs.isEmpty)
        XCTAssertEqual(text, "Ban Chấp hành Công đoàn cơ sở")
        XCTAssertTrue(map.isIdentity)
    }

    func testLocationOfAByteInsideATextBlock() throws {
        let document = try DocumentReaders.read(bytes: Array("Số liệu:\n   Kết nạp mới 15 đoàn viên.\n".utf8), format: .txt)
        let block = try XCTUnwrap(document.blocks.first { $0.text.hasPrefix("Kết nạp") })
        XCTAssertEqual(block.location, .text(SourceLocation(line: 2, column: 4)))
        let offset = Array("Kết nạp mới ".utf8).count
        XCTAssertEqual(block.location(atByte: offset), .text(SourceLocation(line: 2, column: 16)))
    }
}
