// VietnameseTextTests: the fast paths. Windowed and candidate scans give the matches of the unanchored patterns; the repair skip test.
import PCRE2
import SeededRandom
import XCTest
@testable import VietnameseText

final class FastPathTests: XCTestCase {
    /// Report text with the forms the scanners look for, and the edge cases of the windows:
    /// long white space before a number, non-ASCII digits, number words before magnitudes,
    /// roman quarters, document symbols and words that only look like magnitudes ("tỉnh").
    static let samples = [
        "LĐLĐ tỉnh Kiên Giang, ngày 25 tháng 11 năm 2020. Trong nhiệm kỳ 2018 - 2023, kết nạp 1.250 đoàn viên, đạt 98,7% chỉ tiêu.",
        "Thực hiện Nghị quyết số 20-NQ/TW, từ năm 2018 đến năm 2023 đã hỗ trợ hai triệu đồng cho 15/20 CĐCS; quý IV, năm 2021 và quý 3/2022.",
        "Giai đoạn\n\n      2016   –   2021 tổng kinh phí 2,3 tỷ đồng; ngày      \n   14/9/2020 tổ chức 12 cuộc với 350 lượt người.",
        "Số: 15/BC-LĐLĐ ngày 8.4.2010; điện thoại 0297 3862 555; Covid-19; mục 3; lần thứ 10; 8h30; tỉnh 2 có ba nghìn người.",
        "Năm ２０２０ (chữ số toàn khoảng), năm ٢٠٢١ và năm 2022; TRIỆU người; Tỷ lệ 45 %; 500.000đ; 1.2 Kết quả",
        "ngày 14 tháng 11 , năm 2020; NGÀY  14 / 9 / 2020; Ngày 5 tháng 3\t,\tnăm 2006; năm 20201, 12345; ngày 1 / 2 / ２０２１; "
            + "ngày 𝟏𝟒/𝟏𝟏/2020; tháng\u{180E}11\u{180E}năm\u{180E}2020; hai\u{180E}triệu người.",
        "từ tháng 1/2008 đến tháng 8/2008, trong thời gian từ 3/2019 tới 5/2019; CN, VC, LĐ và CNVC-LĐ; TP. HCM; đ/c Lan (b/c).",
    ]

    static var corpus: String {
        var text = samples.joined(separator: "\n")
        for sample in samples.reversed() { text += "\n" + sample.uppercased() + " " + sample }
        return text
    }

    private func unanchored(_ pattern: Pattern, _ text: String) throws -> [Match] {
        try pattern.allMatches(in: text)
    }

    func testDateWindowsGiveTheUnanchoredMatches() throws {
        let text = Self.corpus
        let plain = try Pattern(DateScanner.dateSource, options: DateScanner.dateOptions)
        let windowed = CandidateScan.Windowed(DateScanner.dateSource, options: DateScanner.dateOptions, guard: DateScanner.dateGuard)
        var copy = text
        let found = copy.withUTF8 { bytes -> [Match] in
            var found: [Match] = []
            let windows = DateScanner.dateWindows(bytes, anchors: NumeralAnchors(in: bytes))
            CandidateScan.forEachMatch(windowed, inUTF8: bytes, windows: windows) { found.append($0.match) }
            return found
        }
        let expected = try unanchored(plain, text)
        XCTAssertGreaterThan(expected.count, 20)
        XCTAssertEqual(found, expected)
    }

    func testFigureWindowsGiveTheUnanchoredMatches() throws {
        let text = Self.corpus
        let plain = try Pattern(FigureScanner.figureSource, options: FigureScanner.figureOptions)
        let windowed = CandidateScan.Windowed(FigureScanner.figureSource, options: FigureScanner.figureOptions,
                                              guard: FigureScanner.figureGuard)
        var copy = text
        let found = copy.withUTF8 { bytes -> [Match] in
            var found: [Match] = []
            let windows = FigureScanner.figureWindows(bytes, anchors: NumeralAnchors(in: bytes))
            CandidateScan.forEachMatch(windowed, inUTF8: bytes, windows: windows) { found.append($0.match) }
            return found
        }
        let expected = try unanchored(plain, text)
        XCTAssertGreaterThan(expected.count, 30)
        XCTAssertEqual(found, expected)
        // "hai triệu đồng" has no digit: only the magnitude word brings it into a window.
        XCTAssertTrue(FigureScanner.scan(Self.samples[1]).contains { $0.kind == .money && $0.value == 2e6 })
    }

    /// Random text of every context the figure pattern knows (in upper case, mixed case, with the
    /// Kelvin sign for K and the long s for s, which PCRE2 matches caselessly), numbers and
    /// separators: the windows, most of them the digit alone, give the unanchored matches.
    func testFigureWindowsGiveTheUnanchoredMatchesAfterEveryContext() throws {
        let contexts = [
            "ngày", "tháng", "quý", "thứ", "mục", "điều", "khoản", "điểm", "tiết", "chương", "phần thứ", "khóa", "khoá",
            "ngõ", "hẻm", "đường", "phòng", "tổ dân phố", "nghị quyết", "chỉ thị", "kết luận", "quyết định", "kế hoạch",
            "công văn", "thông tư", "nghị định", "hướng dẫn", "thông báo", "báo cáo", "văn bản", "luật", "điều lệ",
            "tờ trình", "chương trình số", "Nghị quyết số", "số:", "số :", "số hiệu", "điện thoại", "ĐT:", "fax :",
            "covid", "covid-", "Covid -", "trước", "sau", "đến", "tới", "từ", "hạn", "cuối", "đầu", "hôm",
        ]
        let variants = contexts.flatMap { [$0, $0.uppercased(), $0.capitalized] }
            + ["\u{212A}HOẢN", "ſố", "\u{17F}au", "xngày", "ngàyx", "số-", "thángg", "ĐẦu", "hạn_", "từ.", "(ngày", "đến:"]
        let others = ["đạt", "tổ chức", "có", "năm", "hai", "triệu", "tỷ", "%", "đồng", "đoàn viên", "CĐCS", "lớp", "a", "-", "/", ",",
                      ".", ":", "(", ")", "_"]
        let numbers = ["12", "1.250", "98,7", "15/20", "٣", "２０", "7", "2020", "0297", "Covid-19", "m2", "x-5", "_3", "ạ9", "1,", "14/9/2020"]
        let spaces = [" ", " ", " ", "  ", "\t", "\u{A0}", "\n", "\u{180E}", "\u{2003}", ""]
        let plain = try Pattern(FigureScanner.figureSource, options: FigureScanner.figureOptions)
        let windowed = CandidateScan.Windowed(FigureScanner.figureSource, options: FigureScanner.figureOptions,
                                              guard: FigureScanner.figureGuard)
        var random = SeededRandom(seed: 131)
        var alone = 0, anchorsSeen = 0
        for _ in 0..<400 {
            var text = ""
            for _ in 0..<(10 + random.next(30)) {
                let choice = random.next(10)
                text += choice < 4 ? random.pick(variants) : choice < 7 ? random.pick(numbers) : random.pick(others)
                text += random.pick(spaces)
            }
            var copy = text
            let found = copy.withUTF8 { bytes -> [Match] in
                var found: [Match] = []
                let anchors = NumeralAnchors(in: bytes)
                let windows = FigureScanner.figureWindows(bytes, anchors: anchors)
                anchorsSeen += anchors.all.count
                alone += windows.filter { $0.count == 1 }.count
                CandidateScan.forEachMatch(windowed, inUTF8: bytes, windows: windows) { found.append($0.match) }
                return found
            }
            XCTAssertEqual(found, try unanchored(plain, text), text.debugDescription)
        }
        // The narrowing takes place: many digits have a window of their own.
        XCTAssertGreaterThan(alone, anchorsSeen / 10)
    }

    func testContextEndsAreFoundAsThePatternFindsThem() {
        func mayEnd(_ text: String) -> Bool {
            var copy = text
            var memo = WordTable<Bool>()
            return copy.withUTF8 { FigureScanner.contextMayEnd(before: $0.count, in: $0, memo: &memo) }
        }
        for text in ["ngày ", "Nghị quyết số\t", "SỐ:", "số : ", "Covid-", "\u{212A}HOẢN ", "ſố\u{A0}", "đầu", "ĐẾN  "] {
            XCTAssertTrue(mayEnd(text), text.debugDescription)
        }
        for text in ["", " ", "đạt ", "ngày.", "có", "năm ", "12 ", "(", "ngày) ", "tổ chức "] {
            XCTAssertFalse(mayEnd(text), text.debugDescription)
        }
    }

    /// The answers kept by the letters before the spaces (one memo for many texts) are those of the
    /// context words' pattern run over everything before the spaces.
    func testKeptContextEndsAreThoseOfThePatternOverTheWholeText() throws {
        let words = try Pattern("(?:" + FigureScanner.contextFinalWords.map(Pattern.escape).joined(separator: "|") + ")\\z",
                                options: FigureScanner.figureOptions)
        let pieces = ["ngày", "NGÀY", "xngày", "ngàyx", "\u{212A}HOẢN", "khoản", "ſố", "số", "Covid", "năm", "đạt", "có", "là",
                      "quyết", "thị", "từ", "hôm", "ĐẦU", "a", "1", "-", ":", ".", ",", "(", "_", "–", "\u{A0}", " ", "  ", "\t", ""]
        var random = SeededRandom(seed: 59)
        var memo = WordTable<Bool>()
        var yes = 0
        for _ in 0..<3_000 {
            var text = (0..<(1 + random.next(5))).map { _ in random.pick(pieces) }.joined()
            text += random.pick([" ", "  ", "\t", ""])
            let (kept, expected) = try text.withUTF8 { bytes -> (Bool, Bool) in
                let end = CandidateScan.spacesStart(endingAt: bytes.count, in: bytes)
                let before = UnsafeBufferPointer(rebasing: bytes[..<end])
                var found = end > 0 && (bytes[end - 1] == UInt8(ascii: ":") || bytes[end - 1] == UInt8(ascii: "-"))
                try words.scan(inUTF8: before, from: 0) { _ in
                    found = true
                    return nil
                }
                return (FigureScanner.contextMayEnd(before: bytes.count, in: bytes, memo: &memo), found)
            }
            XCTAssertEqual(kept, expected, text.debugDescription)
            if expected { yes += 1 }
        }
        XCTAssertGreaterThan(yes, 300)
    }

    func testChronicleLeadWindowsGiveTheUnanchoredMatches() throws {
        let leads = "Ngày 5/3, tổ chức hội nghị; vào sáng ngày 8/3 gặp mặt; VÀO CHIỀU CUỐI THÁNG 12 tổng kết; "
            + "ſáng ngày 3 (chữ s dài); trong tháng\t4/2020 và giữa tháng 6.2021; quý 2, Quý  3-2022; Đầu năm 2021; "
            + "_ngày 7; abcngày 9; ngày5; 12ngày 5; tối\tngày 31/12/2023; cuối năm 10"
        let text = Self.corpus + "\n" + leads
        let plain = try Pattern(DateScanner.chronicleLeadSource, options: DateScanner.chronicleLeadOptions)
        let expected = try unanchored(plain, text).map(\.range)
        XCTAssertGreaterThan(expected.count, 15)
        XCTAssertEqual(DateScanner.chronicleLeads(in: text), expected)
    }

    func testAbbreviationCandidatesGiveTheUnanchoredMatches() throws {
        let text = Self.corpus
        let plain = try Pattern(AbbreviationLexicon.lexiconSource)
        var copy = text
        let found = copy.withUTF8 { bytes -> [Match] in
            var found: [Match] = []
            let candidates = AbbreviationLexicon.candidates(in: bytes)
            CandidateScan.forEachMatch(AbbreviationLexicon.pattern, inUTF8: bytes, candidates: candidates) { found.append($0.match) }
            return found
        }
        let expected = try unanchored(plain, text)
        XCTAssertGreaterThan(expected.count, 10)
        XCTAssertEqual(found, expected)
    }

    func testNumeralAnchors() {
        var text = "Năm ２０２０ có 1.250 đoàn viên, hai triệu đồng; tỉnh 2; 3 TỶ"
        let anchors = text.withUTF8 { NumeralAnchors(in: $0) }
        let utf8 = Array(text.utf8)
        let digits = anchors.digits.map { String(decoding: utf8[$0..<min(utf8.count, $0 + 1)], as: UTF8.self) }
        XCTAssertEqual(anchors.digits.count, 5)  // ２０２０, 1, 250 (after "."), 2, 3
        XCTAssertEqual(digits.filter { $0 == "1" || $0 == "2" || $0 == "3" }.count, 4)
        let words = anchors.magnitudes.map { String(decoding: utf8[$0...].prefix(while: { $0 != 0x20 && $0 != 0x3B }), as: UTF8.self) }
        XCTAssertEqual(words, ["triệu", "TỶ"])
    }

    /// The anchors against a scan of the text's scalars: each run of decimal digits (any script)
    /// found at its first digit; each magnitude word after white space found, and nothing else
    /// taken for one.
    func testNumeralAnchorsAgreeWithAScanOfScalars() {
        let pieces = ["1", "09", "٣", "２", "\u{1045}", "𝟏", "ạ", "ệ", "ỷ", "ỉ", "à", "ă", "đ", "n", "t", "x", ".", ",",
                      " ", "  ", "\u{A0}", "\u{2003}", "\n", "triệu", "TỶ", "nghìn", "Ngàn", "tỉ", "tỉnh", "ngàna", "Tri"]
        var random = SeededRandom(seed: 97)
        let magnitudeWords = ["nghìn", "ngàn", "triệu", "tỷ", "tỉ"]
        for _ in 0..<3_000 {
            // Short texts, and texts long enough for several sixteen-byte stretches and a tail.
            var text = (0..<random.next(random.next(2) == 0 ? 24 : 90)).map { _ in random.pick(pieces) }.joined()
            let anchors = text.withUTF8 { NumeralAnchors(in: $0) }
            var digits: [Int] = [], spacedMagnitudes: [Int] = []
            var offset = 0, previous: Unicode.Scalar?, digitRun = false
            for scalar in text.unicodeScalars {
                let isDigit = scalar.properties.numericType == .decimal
                if isDigit && !digitRun { digits.append(offset) }
                digitRun = isDigit
                let rest = String(decoding: Array(text.utf8)[offset...], as: UTF8.self).lowercased()
                if previous?.properties.isWhitespace == true,
                   magnitudeWords.contains(where: { word in
                       guard rest.hasPrefix(word) else { return false }
                       guard let next = rest.dropFirst(word.count).unicodeScalars.first else { return true }
                       return !(next.isASCII && next.properties.isAlphabetic)
                   }) {
                    spacedMagnitudes.append(offset)
                }
                previous = scalar
                offset += scalar.utf8.count
            }
            XCTAssertEqual(anchors.digits, digits, text)
            XCTAssertTrue(Set(spacedMagnitudes).isSubset(of: anchors.magnitudes), text)
            for start in anchors.magnitudes {
                let rest = String(decoding: Array(text.utf8)[start...], as: UTF8.self).lowercased()
                XCTAssertTrue(magnitudeWords.contains { rest.hasPrefix($0) }, text)
            }
        }
    }

    /// The anchor scan looks only at the lanes `mayStart` marks: a digit after a byte that is not
    /// one, a lead byte of another script's digits (not E1 before a Vietnamese letter's B8–BB), n
    /// or t in either case after a byte that may end white space; each byte after each byte, in a
    /// lane of either half, and nothing in the lanes around it.
    func testNumeralLaneTestMarksTheBytesThatMayStartAnAnchor() {
        let spaceEnds = Set<UInt8>([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20, 0x8E, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF] + Array(0x80...0x8A))
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        for lane in [0, 9] {
            for previous in UInt8(0)...255 {
                for byte in UInt8(0)...255 {
                    for next: UInt8 in [0x41, 0xB7, 0xB8, 0xBB] {
                        var bytes = ByteVectors.splat(0x61), before = ByteVectors.splat(0x61), after = ByteVectors.splat(0x61)
                        (bytes[lane], before[lane], after[lane]) = (byte, previous, next)
                        let marks = NumeralAnchors.mayStart(bytes, after: before, before: after)
                        let expected = isDigit(byte) && !isDigit(previous)
                            || byte >= 0xD9 && byte < 0xF8 && byte != 0xE2 && !(byte == 0xE1 && next >= 0xB8)
                            || [0x6E, 0x4E, 0x74, 0x54].contains(byte) && spaceEnds.contains(previous)
                        XCTAssertEqual(marks[lane], expected, "\(previous) \(byte) \(next)")
                        XCTAssertEqual(ByteVectors.bits(marks), expected ? 1 << lane : 0)
                    }
                }
            }
        }
    }

    /// The sentence splitter passes stretches whose lanes hold no byte its byte-by-byte look acts
    /// at: each lane test marks exactly the bytes of its predicate, at every place of a stretch.
    func testSentenceLaneTestsMarkTheBytesOfTheirPredicates() {
        for byte in UInt8(0)...255 {
            for lane in 0..<16 {
                var bytes = ByteVectors.splat(byte == 0x61 ? 0x62 : 0x61)
                bytes[lane] = byte
                let spans = SentenceSplitter.spanByteLanes(bytes)
                XCTAssertEqual(spans[lane], SentenceSplitter.mayStartSpanMark(byte), "\(byte) in lane \(lane)")
                XCTAssertEqual((0..<16).filter { spans[$0] }.count, spans[lane] ? 1 : 0)
                for semicolon in [false, true] {
                    let leads = SentenceSplitter.terminatorLeadLanes(bytes, semicolon: semicolon)
                    XCTAssertEqual(leads[lane], SentenceSplitter.mayStartTerminator(byte, semicolon: semicolon), "\(byte) in lane \(lane)")
                    XCTAssertEqual((0..<16).filter { leads[$0] }.count, leads[lane] ? 1 : 0)
                }
            }
        }
        XCTAssertTrue(SentenceSplitter.mayStartTerminator(UInt8(ascii: ";"), semicolon: true))
        XCTAssertFalse(SentenceSplitter.mayStartTerminator(UInt8(ascii: ";"), semicolon: false))
    }

    func testRepairSkipsOnlyParagraphsWithoutSignsOfDamage() {
        func check(_ paragraph: String) -> Bool {
            var copy = paragraph
            var verdicts = SyllableVerdicts()
            return copy.withUTF8 { MojibakeRepair.mayNeedRepair($0, verdicts: &verdicts) }
        }
        XCTAssertFalse(check("Ban Thường vụ LĐLĐ tỉnh đã chỉ đạo các CĐCS tổ chức tốt Tháng Công nhân năm 2020."))
        XCTAssertFalse(check("Report of the union, 2020."))
        XCTAssertTrue(check("C«ng ®oµn ViÖt Nam"))           // TCVN3 shown as Windows-1252
        XCTAssertTrue(check("CÃ´ng Ä‘oÃ n cÆ¡ sá»Ÿ"))         // UTF-8 shown as Windows-1252
        XCTAssertTrue(check("Ban lănh đạo đă có ư kiến"))     // Latin-1 read as Windows-1258
        XCTAssertTrue(check("Ngời lao động nớc ngoài"))       // the TCVN3 ư lost
        // The same words with their ư present: "nớc" cannot have lost it, and "ngời" is a syllable.
        XCTAssertFalse(check("Người lao động ngời"))
    }

    /// ``MojibakeRepair/mayNeedRepair(_:)`` passes runs of ASCII by the word and finds a token only
    /// around a damage letter; it must answer as a walk over every token does.
    func testRepairSkipAgreesWithAWalkOverEveryToken() {
        func reference(_ paragraph: UnsafeBufferPointer<UInt8>) -> Bool {
            let keptHorn = String(decoding: paragraph, as: UTF8.self).unicodeScalars.contains { $0 == "ư" || $0 == "Ư" }
            let wanted = keptHorn ? MojibakeRepair.damageLetter : MojibakeRepair.damageLetter | MojibakeRepair.hornLetter
            return SyllableScoring.tokenRanges(in: paragraph).contains { token in
                let word = UnsafeBufferPointer(rebasing: paragraph[token.range])
                let flagged = String(decoding: word, as: UTF8.self).unicodeScalars.contains {
                    $0.value < LetterTable.limit && MojibakeRepair.damageLetters[Int($0.value)] & wanted != 0
                }
                return flagged && !SyllableScoring.isSyllable(word, SyllableTables.shared)
            }
        }
        // Words with and without damage letters, glued and apart, with the separators of the
        // token rules (ASCII, no-break space, General Punctuation) and other non-ASCII marks. Each
        // paragraph holds "đ", which Windows-1252 lacks, so the token walk decides.
        let pieces = ["đ", "ngời", "nớc", "người", "lănh", "đă", "ư", "ý", "ì", "ò", "ḿ", "ơn", "ăn", "Công", "đoàn", "abcdefgh",
                      "lao", "động", " ", "  ", ",", "1", "\u{00A0}", "–", "“", "…", "\u{2060}", "«", "µ", "ngờ", "nơi", "ừ"]
        var random = SeededRandom(seed: 41)
        // One memo for all paragraphs, as for the paragraphs of a document.
        var verdicts = SyllableVerdicts()
        for _ in 0..<5_000 {
            var paragraph = (0..<(1 + random.next(14))).map { _ in random.pick(pieces) }.joined() + "đ"
            if random.next(2) == 0 { paragraph = "đ " + paragraph }
            let (fast, slow) = paragraph.withUTF8 { (MojibakeRepair.mayNeedRepair($0, verdicts: &verdicts), reference($0)) }
            XCTAssertEqual(fast, slow, paragraph)
        }
    }
}

extension FastPathTests {
    func testOwnMatchFormShortcutAgreesWithTheFullForm() {
        let words = ["cho", "trong", "kinh", "doanh", "ky", "ly", "qui", "quy", "thi", "hoa", "online", "gi", "q", "qua"]
        for word in words {
            var copy = word
            let own = copy.withUTF8 { MatchForm.isOwnMatchForm($0) }
            var full: [UInt8] = []
            copy.withUTF8 { MatchForm.appendMatchForm(of: $0, fold: false, to: &full) }
            if own { XCTAssertEqual(String(decoding: full, as: UTF8.self), word, word) }
        }
        var form: [UInt8] = []
        var text = "Kỹ thuật và ky thuat, qui định cho công nhân"
        text.withUTF8 { MatchForm.appendForm(of: $0, fold: false, to: &form) }
        XCTAssertEqual(String(decoding: form, as: UTF8.self), "kĩ thuật và ki thuat, quy định cho công nhân")
    }
}
