// DocumentReadersTests: line scanning. The word-at-a-time scans agree with byte-by-byte ones.
import Foundation
import SeededRandom
import XCTest
@testable import DocumentReaders

final class LineScanTests: XCTestCase {
    /// Random lines rich in the bytes the scans look for: spaces in runs of every length, tabs,
    /// the three line ends, other control bytes, bytes above ASCII; every length 0...40 and longer.
    private func lines(_ count: Int, seed: UInt64) -> [[UInt8]] {
        var random = SeededRandom(seed: seed)
        let palette: [UInt8] = [0x20, 0x20, 0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x01, 0x1F, 0x21, 0x41, 0x61, 0xC3, 0xA0, 0xE1, 0xBB]
        return (0..<count).map { round in
            let length = round < 41 * 30 ? round % 41 : random.next(200)
            let dense = random.next(3) == 0
            return (0..<length).map { _ in
                dense || random.next(6) == 0 ? palette[random.next(palette.count)] : 0x61 + UInt8(random.next(26))
            }
        }
    }

    func testLineEndIsTheFirstLineBreakOrFormFeed() {
        for line in lines(4_000, seed: 3) {
            line.withUnsafeBufferPointer { bytes in
                for from in Set([0, 1, 7, 8, 9, bytes.count / 2, bytes.count]) where from <= bytes.count {
                    let expected = (from..<bytes.count).first { [0x0A, 0x0D, 0x0C].contains(bytes[$0]) } ?? bytes.count
                    XCTAssertEqual(LineScan.lineEnd(bytes, from: from), expected, "\(line) from \(from)")
                }
            }
        }
    }

    func testTabsAndGapsAgreeWithAByteByByteLook() {
        for line in lines(4_000, seed: 4) {
            line.withUnsafeBufferPointer { bytes in
                for (start, end) in [(0, bytes.count), (min(1, bytes.count), bytes.count), (0, bytes.count / 2), (min(3, bytes.count), max(min(3, bytes.count), bytes.count - 2))] {
                    var tab = false, gap = false, spaces = 0
                    for byte in bytes[start..<end] {
                        spaces = byte == 0x20 ? spaces + 1 : 0
                        if spaces >= 3 { gap = true }
                        if byte == 0x09 { tab = true }
                    }
                    let found = LineScan.tabsAndGaps(bytes, from: start, to: end)
                    XCTAssertEqual(found.tab, tab, "\(line) \(start)..<\(end)")
                    XCTAssertEqual(found.gap, gap, "\(line) \(start)..<\(end)")
                }
            }
        }
        // A run of three split across two words, and one that opens a word after a lone space.
        let split = Array("abcdef  ".utf8) + Array(" ghijklm".utf8)
        split.withUnsafeBufferPointer { XCTAssertTrue(LineScan.tabsAndGaps($0, from: 0, to: $0.count).gap) }
        let apart = Array("abcdefg ".utf8) + Array(" hijklmn".utf8)
        apart.withUnsafeBufferPointer { XCTAssertFalse(LineScan.tabsAndGaps($0, from: 0, to: $0.count).gap) }
        // Runs across the sixteen-byte stretches the scan passes whole, at every offset.
        for offset in 0..<40 {
            for run in 1...4 {
                let line = Array(repeating: UInt8(0x61), count: offset) + Array(repeating: 0x20, count: run) + Array(repeating: 0x62, count: 40)
                line.withUnsafeBufferPointer { XCTAssertEqual(LineScan.tabsAndGaps($0, from: 0, to: $0.count).gap, run >= 3, "\(run) spaces after \(offset)") }
                let tabbed = Array(repeating: UInt8(0x61), count: offset + run) + [0x09] + Array(repeating: 0x62, count: 40)
                tabbed.withUnsafeBufferPointer { XCTAssertTrue(LineScan.tabsAndGaps($0, from: 0, to: $0.count).tab, "a tab after \(offset + run)") }
            }
        }
    }

    /// A line the openings' first-byte test turns away opens with none of them (`hasPrefix`, which
    /// compares canonically): lines that open with each word, its decomposed form, its first
    /// letter with a mark, the Kelvin sign for K, and other bytes.
    func testLineOpeningsTurnAwayOnlyLinesThatOpenWithNone() {
        let sets = [Line.documentTypes, Line.signatureOpenings, Line.bareSignatures, Line.recipientsOpenings]
        var lines = ["", " TM.", "tm. ban", "Đề án", "ĐỀ ÁN", "D", "\u{212A}T. CHỦ TỊCH", "\u{212A}Ế HOẠCH", "Q\u{301}. X", "1. BÁO CÁO"]
        for set in sets {
            for word in set.words {
                lines += [word + " X", word.decomposedStringWithCanonicalMapping + " X", String(word.prefix(1)) + "\u{300}" + word.dropFirst()]
            }
        }
        var turnedAway = 0
        for set in sets {
            for line in lines {
                let opens = set.words.contains { line.hasPrefix($0) }
                XCTAssertEqual(set.open(line), opens, line.debugDescription)
                if !set.mayOpen(line) {
                    XCTAssertFalse(opens, line.debugDescription)
                    turnedAway += 1
                }
            }
        }
        XCTAssertGreaterThan(turnedAway, 100)
        XCTAssertTrue(Line.documentTypes.open("KẾ HOẠCH số 5"))
        XCTAssertTrue(Line.isSignatureOpener("KT. CHỦ TỊCH"))
        XCTAssertTrue(Line.isSignatureOpener("CHỦ TỊCH"))
        XCTAssertFalse(Line.isSignatureOpener("Chủ tịch"))
    }
}
