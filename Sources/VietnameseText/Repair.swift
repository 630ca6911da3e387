// VietnameseText: decoding. Repairs text damaged by a wrong conversion before it was saved as UTF-8 (mojibake), paragraph by paragraph, reporting every repair.

import Foundation

/// The kinds of damage ``MojibakeRepair`` undoes. The raw values are stable (reports print them).
public enum RepairKind: String, CaseIterable, Codable, Sendable {
    /// TCVN3 bytes shown as Windows-1252: "C«ng ®oµn ViÖt Nam".
    case tcvn3AsWindows1252 = "tcvn3-as-cp1252"
    /// VNI-Windows bytes shown as Windows-1252: "Coâng ñoaøn".
    case vniAsWindows1252 = "vni-as-cp1252"
    /// UTF-8 bytes shown as Windows-1252: "CÃ´ng ÄoÃ n".
    case utf8AsWindows1252 = "utf8-as-cp1252"
    /// Latin-1 letters shown as Windows-1258: "đă", "lănh", "ư kiến" for "đã", "lãnh", "ý kiến".
    case latin1AsWindows1258 = "latin1-as-cp1258"
    /// The TCVN3 "ư" (byte 0xAD, the Windows soft hyphen) dropped: "nớc", "ngời" for "nước", "người".
    case lostTCVN3SoftHyphen = "tcvn3-lost-u-horn"
}

/// One repaired paragraph.
public struct Repair: Sendable, Equatable, CustomStringConvertible {
    /// What was wrong.
    public let kind: RepairKind
    /// The paragraph's UTF-8 byte range in the text given to ``MojibakeRepair/repair(_:)``.
    public let inputRange: Range<Int>
    /// How many stretches of the paragraph were replaced.
    public let replacements: Int
    /// A few words before and after, "C«ng ®oµn → Công đoàn".
    public let sample: String

    /// One line for logs: kind, byte range, count and sample.
    public var description: String {
        "\(kind.rawValue) at bytes \(inputRange.lowerBound)..<\(inputRange.upperBound): \(replacements) replacement(s), \(sample)"
    }
}

/// Repaired text, the map from its offsets to the input's, and what was repaired.
public struct RepairResult: Sendable {
    /// The repaired text (the input itself when nothing was repaired).
    public let text: String
    /// Maps UTF-8 byte offsets of ``text`` to those of the input.
    public let map: OffsetMap
    /// Every repair made, in text order; empty when the text was clean.
    public let repairs: [Repair]
}

/// Finds and undoes mojibake, one paragraph (line) at a time.
///
/// A paragraph is repaired only on evidence: a re-decoding (TCVN3, VNI or UTF-8 bytes that were
/// shown as Windows-1252) must raise the share of valid syllables by ``minimumGain`` to at least
/// ``minimumShare``; a word-level repair (Latin-1 read as Windows-1258, the lost TCVN3 "ư") must
/// turn words that are not syllables into syllables, and only then touches the few ambiguous
/// words the damage is known to produce ("ư" for "ý", "ngời" for "người").
public enum MojibakeRepair {
    /// The gain in valid-syllable share a re-decoding must bring.
    public static let minimumGain = 0.2
    /// The share of valid syllables a re-decoded paragraph must reach.
    public static let minimumShare = 0.5

    /// Repairs `text`, paragraph by paragraph; clean paragraphs are copied unchanged.
    public static func repair(_ text: String) -> RepairResult {
        var verdicts = SyllableVerdicts.taken()
        defer { SyllableVerdicts.keep(verdicts) }
        return repair(text, verdicts: &verdicts)
    }

    /// ``repair(_:)``, remembering in `verdicts` which words are syllables: pass the same one for
    /// every paragraph of a document.
    public static func repair(_ text: String, verdicts: inout SyllableVerdicts) -> RepairResult {
        // Most paragraphs show no sign of damage; only the others go through the repairs.
        var scanned = text
        let suspects = scanned.withUTF8 { bytes in
            var suspects: [Range<Int>] = []
            var start = 0
            while start < bytes.count {
                let end = bytes.firstOffset(of: 0x0A, from: start) ?? bytes.count
                if mayNeedRepair(UnsafeBufferPointer(rebasing: bytes[start..<end]), verdicts: &verdicts) { suspects.append(start..<end) }
                start = end + 1
            }
            return suspects
        }
        guard !suspects.isEmpty else { return RepairResult(text: text, map: .identity, repairs: []) }
        let input = Array(text.utf8)
        var builder = TextBuilder(capacity: input.count)
        var repairs: [Repair] = []
        var copied = 0
        for paragraph in suspects {
            if let fixed = repairParagraph(input, paragraph) {
                for edit in fixed.edits {
                    builder.copy(input[copied..<edit.input.lowerBound], from: copied)
                    builder.replace(edit.input, with: edit.output)
                    copied = edit.input.upperBound
                }
                repairs.append(contentsOf: fixed.repairs)
            }
        }
        guard !repairs.isEmpty else { return RepairResult(text: text, map: .identity, repairs: []) }
        builder.copy(input[copied...], from: copied)
        return RepairResult(text: builder.string, map: builder.map, repairs: repairs)
    }

    // MARK: - Paragraphs

    /// Whether ``repairParagraph(_:_:)`` can change `paragraph` (UTF-8): false only when it
    /// certainly cannot. Nothing changes without a byte above ASCII. A re-decoding needs every
    /// character to be a Windows-1252 one; a word-level repair needs a word (a token as
    /// ``SyllableScoring`` splits them) that is not a syllable and holds a letter the damage
    /// produces (ă ư ơ, the marks read as ì ò, "ḿ"), or a horned o in a paragraph without ư.
    static func mayNeedRepair(_ paragraph: UnsafeBufferPointer<UInt8>, verdicts: inout SyllableVerdicts) -> Bool {
        let count = paragraph.count
        var high = false
        if isWindows1252(paragraph, high: &high) { return high }
        // An untoned ư (C6 B0, C6 AF) means the lost-horn damage is not there.
        let keptHorn = keptHornLetters.contains { letter in letter.withUnsafeBufferPointer { paragraph.firstOffset(of: $0) != nil } }
        let wanted: UInt8 = keptHorn ? damageLetter : damageLetter | hornLetter
        return damageLetters.withUnsafeBufferPointer { damage in
            // Tokens as SyllableScoring.tokenRanges splits them: ASCII letters and non-ASCII
            // characters other than the no-break space and General Punctuation. Every damage letter
            // is above ASCII, so runs of ASCII are passed eight bytes at a time, and only a token
            // holding a damage letter is found whole (back and forth from the letter) and parsed.
            var judgedUpTo = 0  // tokens before this offset are judged
            var index = 0
            while index < count {
                index = ByteWords.firstHighByte(in: paragraph, from: index)
                guard index < count else { break }
                if let separator = SyllableScoring.separatorLength(paragraph, at: index) {
                    index += separator
                    continue
                }
                let (scalar, width) = LetterTable.decode(paragraph, at: index)
                guard scalar < LetterTable.limit && damage[Int(scalar)] & wanted != 0 else {
                    index += width
                    continue
                }
                let token = tokenAround(paragraph, at: index, from: judgedUpTo)
                if !verdicts.isSyllable(UnsafeBufferPointer(rebasing: paragraph[token])) { return true }
                index = token.upperBound
                judgedUpTo = token.upperBound
            }
            return false
        }
    }

    /// The token holding the character at `index` (not a separator), none of it before `floor`.
    private static func tokenAround(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, from floor: Int) -> Range<Int> {
        var start = index
        while start > floor {
            let previous = bytes[start - 1]
            let lead = previous < 0x80 ? start - 1 : UTF8Scan.previousStart(bytes, before: start, start: floor)
            guard SyllableScoring.isTokenByte(bytes, at: lead) else { break }
            start = lead
        }
        var end = index
        while end < bytes.count, SyllableScoring.isTokenByte(bytes, at: end) { end += 1 }
        return start..<end
    }

    /// Whether every character of `paragraph` has a Windows-1252 byte (C1 controls included), as
    /// a re-decoding needs; `high` tells whether a byte above ASCII was seen.
    private static func isWindows1252(_ paragraph: UnsafeBufferPointer<UInt8>, high: inout Bool) -> Bool {
        var index = 0
        while index < paragraph.count {
            let byte = paragraph[index]
            // ASCII and U+0080...U+00FF (lead bytes C2, C3, continuation bytes) all have a byte.
            if byte < 0xC4 {
                if byte >= 0x80 { high = true }
                index += 1
                continue
            }
            high = true
            let (scalar, width) = LetterTable.decode(paragraph, at: index)
            if LegacyTables.windows1252Inverse[scalar] == nil { return false }
            index += width
        }
        return true
    }

    /// "ư" and "Ư" untoned (C6 B0, C6 AF).
    private static let keptHornLetters: [[UInt8]] = [Array("ư".utf8), Array("Ư".utf8)]
    static let damageLetter: UInt8 = 1, hornLetter: UInt8 = 2
    /// Per scalar below ``LetterTable/limit``: ``damageLetter`` for the letters ``latin1Pass(_:)``
    /// undoes, ``hornLetter`` for the horned o's ``lostHornPass(_:)`` completes.
    static let damageLetters: [UInt8] = {
        var table = [UInt8](repeating: 0, count: Int(LetterTable.limit))
        precondition((Array(latin1Letters.keys) + hornO).allSatisfy { $0 < LetterTable.limit },
                     "MojibakeRepair: a damage letter lies beyond the letter table")
        for scalar in latin1Letters.keys { table[Int(scalar)] |= damageLetter }
        for scalar in hornO { table[Int(scalar)] |= hornLetter }
        return table
    }()

    /// A replacement of input bytes (offsets into the whole input).
    struct Edit {
        var input: Range<Int>
        var output: [UInt8]
    }

    private struct ParagraphFix {
        var edits: [Edit]
        var repairs: [Repair]
    }

    private static func repairParagraph(_ input: [UInt8], _ range: Range<Int>) -> ParagraphFix? {
        guard input[range].contains(where: { $0 >= 0x80 }) else { return nil }
        let paragraph = String(decoding: input[range], as: UTF8.self)
        if let (kind, edits) = bestRedecoding(paragraph) {
            return ParagraphFix(edits: shifted(edits, by: range.lowerBound), repairs: [
                report(kind, edits, input, range)
            ])
        }
        // The word-level kinds can both claim a word ("phơng": "phõng" or "phương"); the one that
        // turns more non-syllables into syllables is the damage this paragraph has.
        let latin1 = latin1Pass(paragraph)
        let lostHorn = lostHornPass(paragraph)
        let (kind, found) = lostHorn.fixed > latin1.fixed
            ? (RepairKind.lostTCVN3SoftHyphen, lostHorn) : (.latin1AsWindows1258, latin1)
        guard !found.edits.isEmpty else { return nil }
        let edits = shifted(found.edits, by: range.lowerBound)
        return ParagraphFix(edits: edits, repairs: [report(kind, edits, input, range)])
    }

    private static func shifted(_ edits: [Edit], by offset: Int) -> [Edit] {
        edits.map { Edit(input: ($0.input.lowerBound + offset)..<($0.input.upperBound + offset), output: $0.output) }
    }

    /// The report of edits (whole-input offsets) made in paragraph `range`.
    private static func report(_ kind: RepairKind, _ edits: [Edit], _ input: [UInt8], _ range: Range<Int>) -> Repair {
        // The sample: up to three words from the first edit on, before and after.
        var wordStart = edits[0].input.lowerBound
        while wordStart > range.lowerBound, input[wordStart - 1] != 0x20 { wordStart -= 1 }
        var wordEnd = wordStart
        var words = 0
        while wordEnd < range.upperBound {
            if input[wordEnd] == 0x20 {
                words += 1
                if words == 3 { break }
            }
            wordEnd += 1
        }
        var after: [UInt8] = []
        var position = wordStart
        for edit in edits where edit.input.lowerBound < wordEnd && edit.input.lowerBound >= wordStart {
            after.append(contentsOf: input[position..<edit.input.lowerBound])
            after.append(contentsOf: edit.output)
            position = edit.input.upperBound
        }
        if position < wordEnd { after.append(contentsOf: input[position..<wordEnd]) }
        let beforeText = String(decoding: input[wordStart..<max(wordStart, wordEnd)], as: UTF8.self)
        return Repair(
            kind: kind, inputRange: range, replacements: edits.count,
            sample: "\(beforeText) → \(String(decoding: after, as: UTF8.self))")
    }

    // MARK: - Re-decoding (TCVN3, VNI, UTF-8 shown as Windows-1252)

    /// The re-decoding that best repairs `paragraph`, if one clears the evidence bar.
    private static func bestRedecoding(_ paragraph: String) -> (RepairKind, [Edit])? {
        guard let reversed = windows1252Bytes(of: paragraph) else { return nil }
        let before = SyllableScoring.tally(paragraph)
        var best: (kind: RepairKind, edits: [Edit], share: Double)?
        for kind in [RepairKind.tcvn3AsWindows1252, .vniAsWindows1252, .utf8AsWindows1252] {
            guard let units = redecode(reversed, as: kind) else { continue }
            let (text, edits) = assemble(units, paragraph: paragraph)
            guard !edits.isEmpty else { continue }
            let after = SyllableScoring.tally(text)
            guard after.share >= minimumShare, after.share >= before.share + minimumGain,
                after.markedValid > before.markedValid
            else { continue }
            if best == nil || after.share > best!.share { best = (kind, edits, after.share) }
        }
        return best.map { ($0.kind, $0.edits) }
    }

    /// A paragraph turned back into the Windows-1252 bytes it was shown as: each byte with the
    /// input range of the character it came from. Nil when a character has no such byte.
    struct ReversedBytes {
        var bytes: [UInt8] = []
        var origins: [Range<Int>] = []
    }

    static func windows1252Bytes(of paragraph: String) -> ReversedBytes? {
        var reversed = ReversedBytes()
        var offset = 0
        for scalar in paragraph.unicodeScalars {
            let width = UTF8.width(scalar)
            let byte: UInt8
            if scalar.value < 0x80 || (0x80...0x9F).contains(scalar.value) {
                byte = UInt8(scalar.value)  // C1 controls: the bytes Windows-1252 leaves unassigned
            } else if let mapped = LegacyTables.windows1252Inverse[scalar.value] {
                byte = mapped
            } else {
                return nil
            }
            reversed.bytes.append(byte)
            reversed.origins.append(offset..<(offset + width))
            offset += width
        }
        return reversed
    }

    /// A decoded character and the paragraph bytes it replaces; `choices` lists other scalars
    /// when a byte was lost and several letters fit.
    struct Unit {
        var scalar: UInt32
        var input: Range<Int>
        var choices: [UInt32] = []
    }

    /// Decodes reversed bytes as the encoding `kind` names, unit by unit; nil when they are not
    /// valid in it.
    static func redecode(_ reversed: ReversedBytes, as kind: RepairKind) -> [Unit]? {
        let bytes = reversed.bytes
        let origins = reversed.origins
        var units: [Unit] = []
        var index = 0
        func span(_ from: Int, _ to: Int) -> Range<Int> { origins[from].lowerBound..<origins[to - 1].upperBound }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 && kind != .vniAsWindows1252 {
                units.append(Unit(scalar: UInt32(byte), input: span(index, index + 1)))
                index += 1
                continue
            }
            switch kind {
            case .tcvn3AsWindows1252:
                let scalar = LegacyTables.tcvn3[Int(byte)]
                guard scalar != 0 else { return nil }
                if let last = units.last, let composed = VietnameseLetters.compose(last.scalar, scalar) {
                    units[units.count - 1] = Unit(scalar: composed, input: last.input.lowerBound..<origins[index].upperBound)
                } else {
                    units.append(Unit(scalar: scalar, input: span(index, index + 1)))
                }
                index += 1
            case .vniAsWindows1252:
                let (scalar, length) = bytes.withUnsafeBufferPointer { input in
                    VNITables.base.withUnsafeBufferPointer { base in
                        VNITables.modifiers.withUnsafeBufferPointer { modifiers in
                            LegacyCodecs.readVNI(input, at: index, base: base, modifiers: modifiers)
                        }
                    }
                }
                guard scalar != 0 || byte == 0 else { return nil }
                units.append(Unit(scalar: scalar, input: span(index, index + length)))
                index += length
            case .utf8AsWindows1252:
                guard let (unit, length) = utf8Unit(bytes, at: index, span: span) else { return nil }
                units.append(unit)
                index += length
            case .latin1AsWindows1258, .lostTCVN3SoftHyphen:
                return nil
            }
        }
        return units
    }

    /// Reads one UTF-8 character from reversed bytes, forgiving the two usual losses: the no-break
    /// space (a continuation byte 0xA0) turned into a plain space, and the continuation bytes that
    /// Windows-1252 leaves unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D) dropped.
    private static func utf8Unit(
        _ bytes: [UInt8], at index: Int, span: (Int, Int) -> Range<Int>
    ) -> (Unit, Int)? {
        let lead = bytes[index]
        let needed: Int
        switch lead {
        case 0xC2...0xDF: needed = 1
        case 0xE0...0xEF: needed = 2
        case 0xF0...0xF4: needed = 3
        default: return nil
        }
        var value = UInt32(lead) & (needed == 1 ? 0x1F : needed == 2 ? 0x0F : 0x07)
        var consumed = 1
        var lostAt: Int?
        for position in 0..<needed {
            let next = index + consumed < bytes.count ? bytes[index + consumed] : 0
            if next & 0xC0 == 0x80 {
                value = value << 6 | UInt32(next & 0x3F)
                consumed += 1
            } else if next == 0x20 {
                value = value << 6 | 0x20  // 0xA0 & 0x3F
                consumed += 1
            } else if lostAt == nil {
                lostAt = position
                value = value << 6  // filled below
            } else {
                return nil
            }
        }
        let shift = lostAt.map { UInt32(6 * (needed - 1 - $0)) }
        var choices: [UInt32] = []
        if let shift {
            for lost: UInt32 in [0x90, 0x9D, 0x81, 0x8D, 0x8F] {
                let candidate = value | ((lost & 0x3F) << shift)
                if candidate >= 0xA0, VietnameseLetters.places[candidate] != nil || candidate == 0x110 || candidate == 0x111 {
                    choices.append(candidate)
                }
            }
            guard let first = choices.first else { return nil }
            value = first
        }
        guard value >= 0x80, !(0xD800...0xDFFF).contains(value), value <= 0x10FFFF else { return nil }
        return (Unit(scalar: value, input: span(index, index + consumed), choices: choices), consumed)
    }

    /// Builds the decoded paragraph and the edits (paragraph offsets) from units, settling lost
    /// bytes by the choice that makes its word a syllable.
    private static func assemble(_ units: [Unit], paragraph: String) -> (String, [Edit]) {
        var units = units
        for index in units.indices where units[index].choices.count > 1 {
            var wordStart = index, wordEnd = index + 1
            while wordStart > 0, isWordScalar(units[wordStart - 1].scalar) { wordStart -= 1 }
            while wordEnd < units.count, isWordScalar(units[wordEnd].scalar) { wordEnd += 1 }
            for choice in units[index].choices {
                var word = String.UnicodeScalarView()
                for position in wordStart..<wordEnd {
                    let value = position == index ? choice : units[position].scalar
                    if let scalar = Unicode.Scalar(value) { word.append(scalar) }
                }
                if SyllableScoring.isSyllable(Substring(String(word))) {
                    units[index].scalar = choice
                    break
                }
            }
        }
        let source = Array(paragraph.utf8)
        var text: [UInt8] = []
        var edits: [Edit] = []
        for unit in units {
            var encoded: [UInt8] = []
            if let scalar = Unicode.Scalar(unit.scalar) { encoded.append(contentsOf: String(scalar).utf8) }
            text.append(contentsOf: encoded)
            if source[unit.input].elementsEqual(encoded) { continue }
            if var last = edits.last, last.input.upperBound == unit.input.lowerBound {
                last.input = last.input.lowerBound..<unit.input.upperBound
                last.output.append(contentsOf: encoded)
                edits[edits.count - 1] = last
            } else {
                edits.append(Edit(input: unit.input, output: encoded))
            }
        }
        return (String(decoding: text, as: UTF8.self), edits)
    }

    private static func isWordScalar(_ value: UInt32) -> Bool {
        value >= 0x80 ? !(0x2000...0x206F).contains(value) && value != 0xA0 : SyllableScoring.isASCIILetter(UInt8(value))
    }

    // MARK: - Word-level repairs

    /// Latin-1 letters that Windows-1258 shows as something else, and what they were.
    private static let latin1Letters: [UInt32: String] = [
        0x103: "ã", 0x102: "Ã", 0x1B0: "ý", 0x1AF: "Ý", 0x1A1: "õ", 0x1A0: "Õ",
        0x301: "ì", 0x323: "ò", 0x300: "Ì", 0x309: "Ò",
        // A consonant and the mark that stood for ì or ò, composed by NFC.
        0x1F5: "gì", 0x1E31: "kì", 0x13A: "lì", 0x1E3F: "mì", 0x144: "nì", 0x155: "rì", 0x15B: "sì",
        0x107: "cì", 0x1E55: "pì", 0x1E05: "bò", 0x1E0D: "dò", 0x1E25: "hò", 0x1E33: "kò", 0x1E37: "lò",
        0x1E43: "mò", 0x1E47: "nò", 0x1E5B: "rò", 0x1E63: "sò", 0x1E6D: "tò", 0x1E7F: "vò",
    ]
    /// Letters the Latin-1 damage leaves intact that it would have destroyed: their presence
    /// means a paragraph was not damaged that way, so ambiguous words stay as they are.
    private static let latin1Survivors: Set<UInt32> = [0xE3, 0xC3, 0xFD, 0xDD, 0xF5, 0xD5, 0xEC, 0xF2, 0xCC, 0xD2]
    /// Valid syllables that, in a damaged paragraph, are far likelier the damaged form.
    private static let latin1Ambiguous: [String: String] = ["ư": "ý", "Ư": "Ý", "lư": "lý", "rơ": "rõ"]

    /// Edits (paragraph offsets) undoing Latin-1 letters read as Windows-1258, or none.
    private static func latin1Pass(_ paragraph: String) -> WordPassResult {
        wordPass(paragraph, ambiguous: latin1Ambiguous, allowAmbiguous: !paragraph.unicodeScalars.contains {
            latin1Survivors.contains($0.value)
        }) { word in
            var changed = false
            var output = ""
            for scalar in word.unicodeScalars {
                if let original = latin1Letters[scalar.value] {
                    output += original
                    changed = true
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
            return changed ? output : nil
        }
    }

    private static let hornO: Set<UInt32> = Set(VietnameseLetters.rows[8].letters + VietnameseLetters.rows[20].letters)
    /// Valid syllables that, in a paragraph that lost its "ư", are far likelier the damaged form.
    private static let lostHornAmbiguous: [String: String] = [
        "ngời": "người", "Ngời": "Người", "dới": "dưới", "Dới": "Dưới", "lợt": "lượt", "vờn": "vườn",
    ]

    /// Edits (paragraph offsets) putting back a dropped TCVN3 "ư" before "ơ", or none.
    private static func lostHornPass(_ paragraph: String) -> WordPassResult {
        // An untoned "ư" in the paragraph means its 0xAD bytes survived.
        let keptHorn = paragraph.unicodeScalars.contains { $0.value == 0x1B0 || $0.value == 0x1AF }
        guard !keptHorn else { return WordPassResult() }
        return wordPass(paragraph, ambiguous: lostHornAmbiguous, allowAmbiguous: true) { word in
            let scalars = Array(word.unicodeScalars)
            guard let index = scalars.firstIndex(where: { hornO.contains($0.value) }), index > 0 else { return nil }
            let previous = scalars[index - 1].value
            // After a consonant ("nớc"), or the "i" of "gi" ("giờng").
            let isGi = (previous | 0x20) == 0x69 && index >= 2 && (scalars[index - 2].value | 0x20) == 0x67
            let isConsonant = previous == 0x111 || previous == 0x110
                || (previous < 0x80 && SyllableScoring.isASCIILetter(UInt8(previous))
                    && !"aeiouyAEIOUY".unicodeScalars.contains(scalars[index - 1]))
            guard isGi || isConsonant else { return nil }
            var output = String.UnicodeScalarView()
            output.append(contentsOf: scalars[..<index])
            output.append(Unicode.Scalar(VietnameseLetters.places[scalars[index].value]!.row >= 12 ? 0x1AF : 0x1B0)!)
            output.append(contentsOf: scalars[index...])
            return String(output)
        }
    }

    /// The edits of a word-level repair and how many of them turned a non-syllable into a syllable.
    private struct WordPassResult {
        var edits: [Edit] = []
        var fixed = 0
    }

    /// Runs a word-level repair: words that are not syllables and become syllables are replaced;
    /// once any is, `ambiguous` words are replaced too when `allowAmbiguous`.
    private static func wordPass(
        _ paragraph: String, ambiguous: [String: String], allowAmbiguous: Bool, candidate: (Substring) -> String?
    ) -> WordPassResult {
        var edits: [Edit] = []
        var pending: [(Range<Int>, String)] = []
        let utf8 = paragraph.utf8
        for token in SyllableScoring.tokenRanges(in: paragraph) where token.marked {
            let start = utf8.index(utf8.startIndex, offsetBy: token.range.lowerBound)
            let end = utf8.index(start, offsetBy: token.range.count)
            let word = paragraph[start..<end]
            if let replacement = ambiguous[String(word)] {
                pending.append((token.range, replacement))
                continue
            }
            guard let repaired = candidate(word), !SyllableScoring.isSyllable(word),
                SyllableScoring.isSyllable(Substring(repaired))
            else { continue }
            edits.append(Edit(input: token.range, output: Array(repaired.utf8)))
        }
        guard !edits.isEmpty else { return WordPassResult() }
        let fixed = edits.count
        if allowAmbiguous {
            edits += pending.map { Edit(input: $0.0, output: Array($0.1.utf8)) }
            edits.sort { $0.input.lowerBound < $1.input.lowerBound }
        }
        return WordPassResult(edits: edits, fixed: fixed)
    }
}
