// VietnameseText: matching. The matching form of text and phrases (case, tone placement, i/y, diacritics) and tone-style detection.

import Foundation

/// The form in which phrases are matched against text: the same transformation for both.
///
/// Every word is lower-cased (Vietnamese capitals and Đ included). A word that is a Vietnamese
/// syllable is respelled with its tone mark on the main vowel (`hòa`/`hoà` -> `hoà`, `thủy` ->
/// `thuỷ`, misplaced `qúy` -> `quý`, `đòan` -> `đoàn`) and with i/y unified where Vietnamese
/// writes both (`kỹ`/`kĩ` -> `kĩ`, `lý` -> `lí`, `qui` -> `quy`; `y`, `yêu`, `uy`, `ay`, `quy`
/// keep their `y`). With `foldDiacritics`, every diacritic goes as well and `đ` becomes `d`.
/// Spaces, digits and punctuation are copied unchanged, so word boundaries stay.
public enum MatchForm {
    /// Appends the matching form of `text` (UTF-8) to `out`: each word respelled, everything else copied.
    static func appendForm(of text: UnsafeBufferPointer<UInt8>, fold: Bool, to out: inout [UInt8]) {
        var copiedUpTo = 0
        WordScanner.forEachWord(in: text) { range in
            let word = UnsafeBufferPointer(rebasing: text[range])
            if isOwnMatchForm(word) { return }
            // Appending an empty slice is not free: a single word (the phrase matcher's) has none around it.
            if copiedUpTo < range.lowerBound { out.append(contentsOf: text[copiedUpTo..<range.lowerBound]) }
            appendMatchForm(of: word, fold: fold, to: &out)
            copiedUpTo = range.upperBound
        }
        if copiedUpTo < text.count { out.append(contentsOf: text[copiedUpTo...]) }
    }

    /// Whether `word` is certainly its own matching form: lower-case ASCII letters without "y" and
    /// not starting "qu". Such a word has no tone mark and no capital, and the i/y unification
    /// only ever turns a "y" into "i", or the "i" of "qui" into "y".
    @inline(__always)
    static func isOwnMatchForm(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count > 0, !(word.count > 1 && word[0] == 0x71 && word[1] == 0x75) else { return false }
        for byte in word where byte &- 0x61 >= 26 || byte == 0x79 { return false }
        return true
    }

    /// The matching form of a phrase (from a rule): normalised like report text, then each word respelled.
    public static func key(_ phrase: String, foldDiacritics: Bool) -> String {
        var text = TextNormalizer.normalize(phrase).text
        var form: [UInt8] = []
        text.withUTF8 { appendForm(of: $0, fold: foldDiacritics, to: &form) }
        return String(decoding: form, as: UTF8.self)
    }

    /// Appends the matching form of one word.
    @inline(__always)
    static func appendMatchForm(of word: UnsafeBufferPointer<UInt8>, fold: Bool, to out: inout [UInt8]) {
        if let parts = SyllableParts.parse(word, allowEth: true) {
            parts.appendCanonical(to: &out, unifyIY: true, fold: fold)
            return
        }
        var index = 0
        while index < word.count {
            let byte = word[index]
            if byte < 0x80 {
                out.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                index += 1
                continue
            }
            let (scalar, width) = LetterTable.decode(word, at: index)
            let entry = LetterTable.entry(scalar)
            if entry & LetterTable.letterBit != 0 {
                let code = UInt8(entry & 0x1F)
                if fold {
                    out.append(Letter.ascii[Int(code)])
                } else {
                    LetterTable.appendLetter(code, tone: UInt8(entry >> 5 & 7), upper: false, to: &out)
                }
            } else if entry & LetterTable.markBit != 0 {
                if !fold { out.append(contentsOf: word[index..<(index + width)]) }
            } else {
                // Other scripts and letters: Unicode lower case, and folded when asked (rare path).
                var piece = String(decoding: word[index..<(index + width)], as: UTF8.self).lowercased()
                if fold { piece = piece.folding(options: .diacriticInsensitive, locale: nil) }
                out.append(contentsOf: piece.utf8)
            }
            index += width
        }
    }
}

/// How a syllable places its tone mark and spells an i/y variant, for consistency checks.
public struct ToneStyle: Sendable, Hashable {
    /// Where the tone mark sits in the syllables where the two conventions differ (`oa`, `oe`, `uy`
    /// with no final consonant).
    public enum Placement: Sendable, Hashable {
        /// Kiểu cũ, the old convention: mark on the glide, `hòa`, `khỏe`, `thủy`.
        case old
        /// Kiểu mới, the new convention: mark on the main vowel, `hoà`, `khoẻ`, `thuỷ`.
        case new
        /// Neither: `qúy`, `đòan`, `cuả`.
        case misplaced
    }

    /// How a syllable that Vietnamese writes with i or y alike (`kĩ`/`kỹ`) is written.
    public enum IYSpelling: Sendable, Hashable {
        /// `kĩ`, `lí`, `qui`.
        case i
        /// `kỹ`, `lý`, `quy`.
        case y
    }

    /// The tone placement, or nil when the syllable does not tell the conventions apart.
    public let placement: Placement?
    /// The i/y spelling, or nil when the syllable has no i/y variant.
    public let iy: IYSpelling?

    /// A style with the given parts.
    public init(placement: Placement?, iy: IYSpelling?) {
        self.placement = placement
        self.iy = iy
    }
}

extension MatchForm {
    /// The style `syllable` shows, or nil when it shows none (`công`: one place for the mark, no i/y choice).
    public static func toneStyle(of syllable: VietnameseSyllable) -> ToneStyle? {
        let parts = syllable.parts
        var placement: ToneStyle.Placement?
        if parts.isMisplaced {
            placement = .misplaced
        } else if parts.tone != 0 && parts.mainVowel != parts.oldVowel {
            placement = parts.toneIndex == Int8(parts.oldVowel) ? .old : .new
        }
        var iy: ToneStyle.IYSpelling?
        if let index = parts.iyStyleIndex { iy = parts.letter(index) == Letter.i ? .i : .y }
        if placement == nil && iy == nil { return nil }
        return ToneStyle(placement: placement, iy: iy)
    }

    /// The style of `word`, or nil when it is not a syllable or shows no style.
    public static func toneStyle<S: StringProtocol>(of word: S) -> ToneStyle? {
        VietnameseSyllable.parse(word).flatMap { toneStyle(of: $0) }
    }
}
