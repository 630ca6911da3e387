// VietnameseTextTests: phrase matching. The word trie against a plain reference, on random texts and phrase sets.
import SeededRandom
import XCTest
@testable import VietnameseText

/// The reference reads the rules off `PhraseMatcher`'s documentation and applies them the slow way:
/// every phrase tried at every word. Vocabulary and separators are chosen so that the matching form
/// is plain lower case (no tone-placement variants, no union abbreviations).
final class PhraseMatcherOracleTests: XCTestCase {
    private static let words = ["công", "đoàn", "viên", "bài", "học", "kinh", "nghiệm", "kết", "quả", "năm", "2020", "95", "đạt"]
    private static let textSeparators = [" ", " ", " ", " ", "  ", "\t", ", ", ": ", " % ", "% ", " - ", "; ", ",", " \t "]
    private static let phraseSeparators = [" ", " ", " ", ", ", "-", ": "]

    /// A word (lower-cased) or a separator (runs of spaces and tabs as one space) and its bytes in the text.
    private struct Piece {
        let isWord: Bool
        var form: [UInt8]
        let range: Range<Int>
        /// For a separator: each byte of `form`'s start and end in the text (a collapsed space spans its run).
        var starts: [Int] = []
        var ends: [Int] = []
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    private static func pieces(_ text: String) -> [Piece] {
        var result: [Piece] = []
        var offset = 0
        var current: (isWord: Bool, start: Int, scalars: String.UnicodeScalarView)?
        func close() {
            guard let run = current else { return }
            let raw = String(run.scalars)
            if run.isWord {
                result.append(Piece(isWord: true, form: Array(raw.lowercased().utf8), range: run.start..<offset))
            } else {
                var piece = Piece(isWord: false, form: [], range: run.start..<offset)
                var position = run.start
                let bytes = Array(raw.utf8)
                var index = 0
                while index < bytes.count {
                    if bytes[index] == 0x20 || bytes[index] == 0x09 {
                        var end = index
                        while end < bytes.count && (bytes[end] == 0x20 || bytes[end] == 0x09) { end += 1 }
                        piece.starts.append(position)
                        piece.ends.append(position + end - index)
                        piece.form.append(0x20)
                        position += end - index
                        index = end
                    } else {
                        piece.starts.append(position)
                        piece.ends.append(position + 1)
                        piece.form.append(bytes[index])
                        position += 1
                        index += 1
                    }
                }
                result.append(piece)
            }
            current = nil
        }
        for scalar in text.unicodeScalars {
            let word = isWordScalar(scalar)
            if current?.isWord != word { close(); current = (word, offset, String.UnicodeScalarView()) }
            current!.scalars.append(scalar)
            offset += String(scalar).utf8.count
        }
        close()
        return result
    }

    private struct Hit: Equatable {
        let set: String
        let start: Int
        let end: Int
        let excluded: Bool
    }

    /// Every place `phrase` matches in `text` (the reference's reading of the rules).
    private static func occurrences(of phrase: String, in text: [Piece]) -> [Range<Int>] {
        let collapsed = phrase.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        let key = pieces(String(collapsed))
        guard let firstWord = key.firstIndex(where: \.isWord) else { return [] }
        let lead = firstWord > 0 ? key[0].form : nil
        let trail = key.last?.isWord == false && key.count > 1 ? key.last!.form : nil
        let body = Array(key[firstWord..<(trail == nil ? key.count : key.count - 1)])
        var found: [Range<Int>] = []
        for (index, piece) in text.enumerated() where piece.isWord {
            guard index + body.count <= text.count,
                  zip(body, text[index..<index + body.count]).allSatisfy({ $0.isWord == $1.isWord && $0.form == $1.form })
            else { continue }
            var start = piece.range.lowerBound
            if let lead {
                guard index > 0 else { continue }
                let before = text[index - 1]
                guard before.form.count >= lead.count, Array(before.form.suffix(lead.count)) == lead else { continue }
                // Nothing but text start or a non-word may stand before the leading punctuation.
                if before.form.count == lead.count && index - 1 > 0 { continue }
                start = before.starts[before.form.count - lead.count]
            }
            let last = text[index + body.count - 1]
            var end = last.range.upperBound
            if let trail {
                guard index + body.count < text.count else { continue }
                let after = text[index + body.count]
                guard after.form.count >= trail.count, Array(after.form.prefix(trail.count)) == trail else { continue }
                end = after.ends[trail.count - 1]
            }
            found.append(start..<end)
        }
        return found
    }

    private static func reference(_ sets: [PhraseSet], _ text: String) -> [PhraseMatch] {
        let text = pieces(text)
        var kept: [Hit] = []
        for set in sets {
            var hits: [Hit] = []
            for (phrases, excluded) in [(set.phrases, false), (set.exclude, true)] {
                for phrase in phrases {
                    for range in occurrences(of: phrase, in: text) {
                        hits.append(Hit(set: set.name, start: range.lowerBound, end: range.upperBound, excluded: excluded))
                    }
                }
            }
            hits.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
            let exclusions = hits.filter(\.excluded).map { $0.start..<$0.end }
            var furthest = Int.min
            var seen = Set<[Int]>()
            for hit in hits where !hit.excluded && seen.insert([hit.start, hit.end]).inserted {
                let contained = furthest >= hit.end
                furthest = max(furthest, hit.end)
                if contained || exclusions.contains(where: { $0.overlaps(hit.start..<hit.end) }) { continue }
                kept.append(hit)
            }
        }
        kept.sort { ($0.start, $0.end, $0.set) < ($1.start, $1.end, $1.set) }
        return kept.map { PhraseMatch(set: $0.set, range: $0.start..<$0.end) }
    }

    private func randomWord(_ random: inout SeededRandom) -> String {
        let word = random.pick(Self.words)
        switch random.next(5) {
        case 0: return word.uppercased()
        case 1: return word.prefix(1).uppercased() + word.dropFirst()
        default: return word
        }
    }

    private func randomPhrase(_ random: inout SeededRandom) -> String {
        var phrase = random.next(6) == 0 ? "% " : ""
        for index in 0..<(1 + random.next(3)) {
            if index > 0 { phrase += random.pick(Self.phraseSeparators) }
            phrase += random.pick(Self.words)
        }
        if random.next(6) == 0 { phrase += random.pick([":", ",", " -"]) }
        return phrase
    }

    func testTheTrieFindsWhatEveryPhraseTriedAtEveryWordFinds() throws {
        var random = SeededRandom(seed: 2026)
        var compared = 0, opening = 0, closing = 0
        for _ in 0..<400 {
            let names = ["d", "b", "c", "a"].prefix(1 + random.next(4))
            let sets = names.map { name in
                PhraseSet(name: name, phrases: (0...random.next(4)).map { _ in randomPhrase(&random) },
                          exclude: random.next(3) == 0 ? [randomPhrase(&random)] : [])
            }
            var text = random.next(4) == 0 ? random.pick(Self.textSeparators) : ""
            for _ in 0..<(20 + random.next(40)) { text += randomWord(&random) + random.pick(Self.textSeparators) }
            let matcher = try PhraseMatcher(Array(sets))
            let expected = Self.reference(Array(sets), text)
            XCTAssertEqual(matcher.matches(in: text), expected, "sets \(sets.map { "\($0.name): \($0.phrases) - \($0.exclude)" }) text «\(text)»")
            let indexed = matcher.indexedMatches(in: text)
            XCTAssertEqual(indexed.map { matcher.sets[$0.set].name }, expected.map(\.set))
            XCTAssertEqual(indexed.map(\.range), expected.map(\.range))
            compared += expected.count
            // The matcher keeps what it learnt of the words of a text for the next: another text of
            // the same words is matched as a fresh matcher would.
            var other = ""
            for _ in 0..<(20 + random.next(40)) { other += randomWord(&random) + random.pick(Self.textSeparators) }
            XCTAssertEqual(matcher.matches(in: other), Self.reference(Array(sets), other), "after «\(text)», text «\(other)»")
            let bytes = Array(text.utf8)
            opening += expected.filter { bytes[$0.range.lowerBound] == UInt8(ascii: "%") }.count
            closing += expected.filter { !Self.isWordScalar(Unicode.Scalar(bytes[$0.range.upperBound - 1])) }.count
        }
        XCTAssertGreaterThan(compared, 1_000, "the cases find enough to compare")
        XCTAssertGreaterThan(opening, 10, "phrases opening with punctuation are among them")
        XCTAssertGreaterThan(closing, 10, "phrases closing with punctuation are among them")
    }
}
