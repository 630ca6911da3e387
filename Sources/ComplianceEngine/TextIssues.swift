// ComplianceEngine: text issues. What the analyser noticed about the writing, as issues the `text-issue` check flags.
import DocumentReaders
import Foundation
import VietnameseText

/// Collects the writing issues of a document's joined text.
enum TextIssues {
    /// The issues of `text`, from its syllable `summary` and the ranges of its abbreviation tokens
    /// (both made by the preparer's one token scan).
    static func find(in text: String, document: Document, blockStarts: [Int], summary: SyllableSummary,
                     abbreviations: [Range<Int>]) -> [TextIssue] {
        var issues: [TextIssue] = []
        for (index, block) in document.blocks.enumerated() where !block.repairs.isEmpty {
            let start = blockStarts[index]
            let detail = block.repairs.map { "\($0.kind.rawValue): \($0.sample)" }.joined(separator: "; ")
            issues.append(TextIssue(kind: .repairedEncoding, range: start..<start + block.text.utf8.count, detail: detail))
        }
        var copy = text
        copy.withUTF8 { bytes in
            for invalid in summary.invalid where !isInProperName(invalid.range, in: bytes) {
                issues.append(TextIssue(kind: .invalidSyllable, range: invalid.range, detail: invalid.text, suggestion: invalid.suggestion))
            }
        }
        for glued in summary.glued {
            issues.append(TextIssue(kind: .gluedWords, range: glued.range, detail: glued.text, suggestion: glued.suggestion))
        }
        if summary.oldPlacement > 0, summary.newPlacement > 0,
           let first = summary.oldPlacement < summary.newPlacement ? summary.firstOldPlacement : summary.firstNewPlacement {
            let detail = "kiểu cũ \(summary.oldPlacement), kiểu mới \(summary.newPlacement)"
            issues.append(TextIssue(kind: .mixedToneStyle, range: first, detail: detail))
        }
        if summary.iSpelling > 0, summary.ySpelling > 0,
           let first = summary.iSpelling < summary.ySpelling ? summary.firstISpelling : summary.firstYSpelling {
            issues.append(TextIssue(kind: .mixedIY, range: first, detail: "i \(summary.iSpelling), y \(summary.ySpelling)"))
        }
        issues += undefinedAbbreviations(in: text, tokens: abbreviations)
        return issues.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// Whether a capitalised word stands beside another capitalised word ("Hồng Kông", "Nậm Pồ"):
    /// a name, whose spelling is not Vietnamese orthography's business.
    static func isInProperName(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        func isCapital(at offset: Int) -> Bool {
            guard offset >= 0, offset < bytes.count else { return false }
            var end = offset + 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            let character = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<end]), as: UTF8.self)
            return character.first?.isUppercase == true
        }
        guard isCapital(at: range.lowerBound) else { return false }
        var before = range.lowerBound - 1
        while before >= 0, bytes[before] == 0x20 { before -= 1 }
        var start = before
        while start > 0, bytes[start - 1] != 0x20, bytes[start - 1] != 0x0A { start -= 1 }
        var after = range.upperBound
        while after < bytes.count, bytes[after] == 0x20 { after += 1 }
        let previousIsName = before >= 0 && bytes[before] != 0x0A && bytes[before] != 0x2E && isCapital(at: start)
        let nextIsName = after < bytes.count && after > range.upperBound && isCapital(at: after)
        return previousIsName || nextIsName
    }

    /// Abbreviations outside the union lexicon that the document never spells out: each one's first use
    /// (`tokens`: the ranges of the text's abbreviation tokens).
    static func undefinedAbbreviations(in text: String, tokens: [Range<Int>]) -> [TextIssue] {
        // Each word is judged once (the same abbreviation recurs all through a report).
        var seen = WordSet()
        var found: [TextIssue] = []
        var spelledOut = Set<String>()
        var copy = text
        copy.withUTF8 { bytes in
            for range in tokens {
                let bytesOfWord = UnsafeBufferPointer(rebasing: bytes[range])
                guard seen.insert(bytesOfWord) else { continue }
                let word = String(decoding: bytesOfWord, as: UTF8.self)
                guard word.unicodeScalars.count >= 3, !isRomanNumeral(word),
                      AbbreviationLexicon.entry(for: word) == nil else { continue }
                found.append(TextIssue(kind: .undefinedAbbreviation, range: range, detail: word))
            }
            if !found.isEmpty { spelledOut = parenthesised(bytes) }
        }
        return found.filter { !spelledOut.contains($0.detail) }
    }

    /// What stands between each "(" and the next ")" (at most 64 bytes, no "(" between): where a
    /// report introduces its abbreviations, "Ban Chấp hành (BCH)".
    private static func parenthesised(_ bytes: UnsafeBufferPointer<UInt8>) -> Set<String> {
        var result = Set<String>()
        var position = 0
        // memchr finds each "(", then the bytes after it are read up to the ")" or a later "(".
        while let found = bytes.firstOffset(of: 0x28, from: position) {
            let start = found + 1
            var index = start
            while index < bytes.count, bytes[index] != 0x28, bytes[index] != 0x29 { index += 1 }
            if index < bytes.count, bytes[index] == 0x29 {
                if index - start <= 64 { result.insert(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)) }
                index += 1
            }
            position = index
        }
        return result
    }

    private static func isRomanNumeral(_ word: String) -> Bool {
        word.allSatisfy { "IVXLC".contains($0) }
    }
}
