import DocumentReaders
import RuleModel
import SeededRandom
import VietnameseText
import XCTest
@testable import ComplianceEngine

/// Finer engine behaviours asked for by the pack writers.
final class EngineDetailTests: XCTestCase {
    /// The sentence finder, walking on from its last answer or searching by halves, names the
    /// sentence a look at every sentence names, for offsets in text order, with jumps back and far
    /// ahead, before the first sentence, in gaps and at ends.
    func testTheSentenceFinderAgreesWithALookAtEverySentence() {
        var random = SeededRandom(seed: 31)
        for _ in 0..<300 {
            var ranges: [(block: Int, range: Range<Int>)] = []
            var offset = random.next(3)
            for block in 0..<random.next(60) {
                let length = 1 + random.next(20)
                ranges.append((block, offset..<offset + length))
                offset += length + random.next(2) * random.next(4)
            }
            var finder = DocumentPreparer.SentenceFinder(ranges)
            var probe = 0
            for _ in 0..<200 {
                probe = random.next(10) == 0 ? random.next(offset + 3) : probe + random.next(random.next(4) == 0 ? 80 : 6)
                let expected = ranges.lastIndex { $0.range.lowerBound <= probe }
                    .flatMap { ranges[$0].range.contains(probe) || ranges[$0].range.upperBound == probe ? $0 : nil }
                XCTAssertEqual(finder.sentence(containing: probe), expected, "\(probe) in \(ranges.map(\.range))")
            }
        }
    }

    /// The clauses of a sentence written as an inline list: one per ";"-separated part of four
    /// words or more, at least one; a sentence without ";" is one, whatever its words.
    func testInlineClausesAgreeWithACountOfParts() {
        let pieces = ["một", "là", "tăng", "cường", ";", "; ", " ", "  ", "hai", "ộ"]
        var random = SeededRandom(seed: 31)
        for _ in 0..<3_000 {
            let sentence = (0..<random.next(40)).map { _ in random.pick(pieces) }.joined(separator: random.next(2) == 0 ? " " : "")
            let parts = sentence.split(separator: ";", omittingEmptySubsequences: false)
            let expected = max(1, parts.filter { $0.split(separator: " ").count >= 4 }.count)
            XCTAssertEqual(MentionCheck.clauses(in: sentence[...].utf8), expected, sentence)
        }
    }

    private func checker(concepts: String, check: String) throws -> Checker {
        let yaml = """
        id: thu
        title: Thử
        directive: {issuer: TLĐ, title: Kế hoạch, clauses: {d1: "yêu cầu"}}
        concepts:
        \(concepts)
        requirements:
          - id: r
            title: Yêu cầu
            clause: d1
            check: \(check)
            messages: {missing: Thiếu.}
            examples: {pass: [a], fail: [b]}
        """
        let pack = try StrictYAMLDecoder(file: "thu.yaml", yaml: yaml).decode(Pack.self)
        return try Checker(pack: try ResolvedPack(pack, file: "thu.yaml"))
    }

    private func status(_ checker: Checker, _ text: String) throws -> RequirementStatus {
        try checker.check(text: text).requirements[0].status
    }

    func testTheDateLineOfAReportTypedWithoutDiacritics() throws {
        let checker = try self.checker(concepts: "  x: {phrases: [x]}", check: "{kind: date, on-or-before: 2020-11-25}")
        XCTAssertEqual(try status(checker, "LDLD HUYEN VINH THUAN\nVinh Thuan, ngay 18 thang 11 nam 2020\nBAO CAO"), .met)
        XCTAssertEqual(try status(checker, "LDLD HUYEN VINH THUAN\nVinh Thuan, ngay 28 thang 11 nam 2020\nBAO CAO"), .missing)
        XCTAssertEqual(FormReader.withDateWordsMarked("Ha Noi, ngay 5 thang 3 nam 2006"), "Ha Noi, ngày 5 tháng 3 năm 2006")
    }

    /// The form's capitals test, scalar by scalar, answers as comparing a line with its upper-cased
    /// copy does: on Vietnamese capitals (composed and not), small letters, digits and signs, and
    /// letters whose upper case is longer (ß, ŉ, ﬁ), a title case (ǅ) or a small letter that has none (ª).
    func testTheCapitalsTestAgreesWithUpperCasing() {
        let palette = ["A", "Đ", "Ộ", "Ư", "Ơ", "O\u{323}\u{302}", "a", "đ", "ộ", "ư", "o\u{323}\u{302}", "1", " ", "/", "-",
                       "ß", "ŉ", "ﬁ", "ǅ", "ª", "\u{212A}", "İ", "Ω", "ω", "Σ", "ς"]
        var random = SeededRandom(seed: 17)
        var capitals = 0
        for _ in 0..<3_000 {
            let count = 1 + random.next(6)
            // Mostly capitals, so that whole lines of them come up.
            let line = Substring((0..<count).map { _ in random.next(3) == 0 ? palette[random.next(palette.count)] : palette[random.next(6)] }.joined())
            XCTAssertEqual(FormReader.isAllCapitals(line), line.uppercased() == String(line), line.debugDescription)
            if FormReader.isAllCapitals(line) { capitals += 1 }
        }
        XCTAssertGreaterThan(capitals, 300)
    }

    func testALessonListWrittenInOneSentenceHasSubstance() throws {
        let checker = try self.checker(concepts: "  bai-hoc: {phrases: [bài học kinh nghiệm]}", check: "{kind: mention, concept: bai-hoc, substance: 3}")
        let inline = "Bài học kinh nghiệm: một là phải bám sát cấp ủy; hai là phải sâu sát cơ sở; ba là phải lắng nghe người lao động."
        XCTAssertEqual(try status(checker, inline), .met)
        XCTAssertEqual(try status(checker, "Bài học kinh nghiệm là phải bám sát cấp ủy."), .partial)
    }

    func testASectionScopeReadsAReportWithoutHeadingsWhole() throws {
        let checker = try self.checker(
            concepts: "  ket-qua: {phrases: [kết quả]}\n  thi-dua: {phrases: [thi đua]}",
            check: "{kind: mention, concept: thi-dua, scope: 'section:ket-qua'}")
        XCTAssertEqual(try status(checker, "Phong trào thi đua lao động giỏi có 120 sáng kiến."), .met)
        XCTAssertEqual(try status(checker, "I. TÌNH HÌNH\nPhong trào thi đua lao động giỏi có 120 sáng kiến.\nII. KẾT QUẢ\nKết nạp 40 đoàn viên."), .missing)
    }

    func testNearAcceptsAnyOfSeveralCompanions() throws {
        let checker = try self.checker(
            concepts: "  mo-hinh: {phrases: [mô hình]}\n  hieu-qua: {description: hiệu quả, phrases: [hiệu quả]}",
            check: "{kind: near, concept: mo-hinh, with: [figures, hieu-qua], window: 0}")
        XCTAssertEqual(try status(checker, "Mô hình \"Bữa cơm công đoàn\" mang lại hiệu quả thiết thực."), .met)
        XCTAssertEqual(try status(checker, "Mô hình \"Tủ sách pháp luật\" có 320 đầu sách."), .met)
        let result = try checker.check(text: "Duy trì mô hình tổ tự quản.")
        XCTAssertEqual(result.requirements[0].status, .partial)
        XCTAssertTrue(result.requirements[0].detail.contains("số liệu hoặc hiệu quả"), result.requirements[0].detail)
    }

    func testAPhraseEndingInPunctuationMatchesBeforeALetter() throws {
        let matcher = try PhraseMatcher([PhraseSet(name: "mo-hinh-ten", phrases: ["mô hình \""])])
        XCTAssertEqual(matcher.matches(in: "Mô hình \"Mái ấm công đoàn\" được nhân rộng.").count, 1)
    }

    func testAbbreviationsThatAreSyllablesDoNotStandForTheirExpansion() throws {
        let matcher = try PhraseMatcher([PhraseSet(name: "tw", phrases: ["Trung ương"])])
        XCTAssertEqual(matcher.matches(in: "Khu vực tư nhân và vốn đầu tư.").count, 0, "TƯ lower-cased is the syllable tư")
        XCTAssertEqual(matcher.matches(in: "Công đoàn ngành TW.").count, 1)
    }

    func testAbbreviationsSpelledOutInParenthesesAreDefined() {
        let text = "Ban Chấp hành (QXBH) họp; Ban Kiểm tra (ZQKT (BKT) cũ) và (QWE; dấu ( chưa đóng XYZW) ) "
            + "QXBH, BKT, ZQKT, QWE, XYZW."
        func ranges(of word: String) -> [Range<Int>] {
            let bytes = Array(text.utf8), needle = Array(word.utf8)
            return (0...(bytes.count - needle.count)).filter { Array(bytes[$0..<($0 + needle.count)]) == needle }
                .map { $0..<($0 + needle.count) }
        }
        let tokens = ["QXBH", "BKT", "ZQKT", "QWE", "XYZW"].flatMap(ranges).sorted { $0.lowerBound < $1.lowerBound }
        let undefined = TextIssues.undefinedAbbreviations(in: text, tokens: tokens).map(\.detail)
        // "(QXBH)" and "(BKT)" spell out (neither is in the lexicon); "(ZQKT (BKT) cũ)" does not close
        // before the next "("; "(QWE; … XYZW)" holds more than an abbreviation; a second ")" closes nothing.
        XCTAssertEqual(undefined, ["ZQKT", "QWE", "XYZW"])
    }

    /// Each abbreviation is reported at its first use only, a word too long for the table of words
    /// seen (over 48 bytes) as much as a short one.
    func testEachUndefinedAbbreviationIsReportedOnce() {
        let long = String(repeating: "QXZ", count: 20)
        let words = ["QXBH", long, "QXBH", long, "ZQKT", long]
        var text = "", tokens: [Range<Int>] = []
        for word in words {
            tokens.append(text.utf8.count..<(text.utf8.count + word.utf8.count))
            text += word + " và "
        }
        let undefined = TextIssues.undefinedAbbreviations(in: text, tokens: tokens)
        XCTAssertEqual(undefined.map(\.detail), ["QXBH", long, "ZQKT"])
        XCTAssertEqual(undefined.map(\.range), [tokens[0], tokens[1], tokens[4]])
    }

    func testMentionsInARangeAreTheFilteredMentions() throws {
        let concepts = try StrictYAMLDecoder(file: "c.yaml", yaml: "bai-hoc: {phrases: [bài học]}\nhan-che: {phrases: [hạn chế]}")
            .decode([String: Concept].self)
        let text = (1...30).map { number in
            "Câu \(number): " + (number % 3 == 0 ? "bài học kinh nghiệm, hạn chế." : number % 5 == 0 ? "chưa rút ra bài học." : "hạn chế.")
        }.joined(separator: "\n")
        let document = try DocumentPreparer(concepts: concepts)
            .prepare(DocumentReaders.read(bytes: Array(text.utf8), format: .txt, path: "t.txt"))
        for concept in ["bai-hoc", "han-che", "khac"] {
            let all = document.mentions(of: concept, includeNegated: true)
            XCTAssertEqual(all.map(\.sentence), all.map(\.sentence).sorted(), "occurrences come in sentence order")
            for lower in 0...document.sentences.count {
                for upper in lower...document.sentences.count {
                    for negated in [false, true] {
                        XCTAssertEqual(document.mentions(of: concept, in: lower..<upper, includeNegated: negated),
                                       all.filter { (negated || !$0.negated) && (lower..<upper).contains($0.sentence) })
                    }
                }
            }
        }
        XCTAssertTrue(document.mentions(of: "bai-hoc", includeNegated: true).contains(where: \.negated))
    }

    func testASentenceNearAnotherIsFoundByBinarySearch() {
        var random = SeededRandom(seed: 5)
        for _ in 0..<500 {
            let sentences = Array(Set((0..<random.next(8)).map { _ in random.next(40) })).sorted()
            let sentence = random.next(40), window = random.next(4)
            XCTAssertEqual(MentionCheck.hasSentence(near: sentence, within: window, in: sentences),
                           sentences.contains { abs($0 - sentence) <= window }, "\(sentences) \(sentence) ±\(window)")
        }
    }

    /// The distinct sentences of mentions, against a set sorted: mentions in order, out of order
    /// (as from several scopes), with repeats, none.
    func testDistinctSentencesAreASortedSet() {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let count = round % 12
            var sentences = (0..<count).map { _ in Int.random(in: 0..<8, using: &generator) }
            if round % 3 == 0 { sentences.sort() }
            let mentions = sentences.map { Occurrence(concept: "c", sentence: $0, range: 0..<1, negated: false) }
            XCTAssertEqual(CheckDocument.distinctSentences(of: mentions), Array(Set(sentences)).sorted(), "\(sentences)")
        }
    }
}
