// VietnameseText: syllables. The letter tables: scalar -> (base letter, tone, case) and back.

/// Base letters of Vietnamese spelling, without tone, as small codes (0 = not a letter).
///
/// Vowels 1...12 in alphabet order, then consonants; `foreign` stands for f, j, w, z, which
/// no Vietnamese syllable uses.
enum Letter {
    static let a: UInt8 = 1, aBreve: UInt8 = 2, aHat: UInt8 = 3, e: UInt8 = 4, eHat: UInt8 = 5
    static let i: UInt8 = 6, o: UInt8 = 7, oHat: UInt8 = 8, oHorn: UInt8 = 9, u: UInt8 = 10
    static let uHorn: UInt8 = 11, y: UInt8 = 12
    static let b: UInt8 = 13, c: UInt8 = 14, d: UInt8 = 15, dStroke: UInt8 = 16, g: UInt8 = 17
    static let h: UInt8 = 18, k: UInt8 = 19, l: UInt8 = 20, m: UInt8 = 21, n: UInt8 = 22
    static let p: UInt8 = 23, q: UInt8 = 24, r: UInt8 = 25, s: UInt8 = 26, t: UInt8 = 27
    static let v: UInt8 = 28, x: UInt8 = 29, foreign: UInt8 = 30

    @inline(__always) static func isVowel(_ code: UInt8) -> Bool { code >= 1 && code <= 12 }

    /// The ASCII spelling of each code, for consonants and the folded form of vowels.
    static let ascii: [UInt8] = Array(" aaaeeiooouuybcddghklmnpqrstvxf".utf8)
}

/// Per-scalar facts for U+0000..U+1EFF, packed in a `UInt16`, plus composition back to scalars.
///
/// Entry bits: 0-4 letter code, 5-7 tone (raw value of ``VietnameseSyllable/Tone``), 8 upper case,
/// 9 a Vietnamese letter or ASCII letter, 10 a combining mark that Vietnamese uses (tone or
/// vowel modifier), 11 a letter that is not Vietnamese (other Latin, Greek, ...), 12 the eth
/// (Ð/ð) that legacy decoding produces in place of Đ/đ.
enum LetterTable {
    static let letterBit: UInt16 = 1 << 9
    static let markBit: UInt16 = 1 << 10
    static let otherLetterBit: UInt16 = 1 << 11
    static let ethBit: UInt16 = 1 << 12
    static let upperBit: UInt16 = 1 << 8
    static let limit: UInt32 = 0x1F00

    // Modifier marks stored in the code field of a mark entry (tone marks store a tone instead).
    static let modCircumflex: UInt8 = 1, modBreve: UInt8 = 2, modHorn: UInt8 = 3

    /// Each vowel followed by its five toned forms, in ``VietnameseSyllable/Tone`` order.
    static let lowerVowels = "aàảãáạăằẳẵắặâầẩẫấậeèẻẽéẹêềểễếệiìỉĩíịoòỏõóọôồổỗốộơờởỡớợuùủũúụưừửữứựyỳỷỹýỵ"
    static let upperVowels = "AÀẢÃÁẠĂẰẲẴẮẶÂẦẨẪẤẬEÈẺẼÉẸÊỀỂỄẾỆIÌỈĨÍỊOÒỎÕÓỌÔỒỔỖỐỘƠỜỞỠỚỢUÙỦŨÚỤƯỪỬỮỨỰYỲỶỸÝỴ"

    static let entries: [UInt16] = {
        var table = [UInt16](repeating: 0, count: Int(limit))
        for (index, scalar) in lowerVowels.unicodeScalars.enumerated() {
            table[Int(scalar.value)] = UInt16(index / 6 + 1) | UInt16(index % 6) << 5 | letterBit
        }
        for (index, scalar) in upperVowels.unicodeScalars.enumerated() {
            table[Int(scalar.value)] = UInt16(index / 6 + 1) | UInt16(index % 6) << 5 | letterBit | upperBit
        }
        let consonants: [(Character, UInt8)] = [
            ("b", Letter.b), ("c", Letter.c), ("d", Letter.d), ("g", Letter.g), ("h", Letter.h),
            ("k", Letter.k), ("l", Letter.l), ("m", Letter.m), ("n", Letter.n), ("p", Letter.p),
            ("q", Letter.q), ("r", Letter.r), ("s", Letter.s), ("t", Letter.t), ("v", Letter.v),
            ("x", Letter.x), ("f", Letter.foreign), ("j", Letter.foreign), ("w", Letter.foreign),
            ("z", Letter.foreign),
        ]
        for (character, code) in consonants {
            let lower = Int(character.asciiValue!)
            table[lower] = UInt16(code) | letterBit
            table[lower - 32] = UInt16(code) | letterBit | upperBit
        }
        table[0x111] = UInt16(Letter.dStroke) | letterBit
        table[0x110] = UInt16(Letter.dStroke) | letterBit | upperBit
        table[0xF0] = UInt16(Letter.dStroke) | letterBit | ethBit
        table[0xD0] = UInt16(Letter.dStroke) | letterBit | upperBit | ethBit
        // Other letters of the Latin blocks, Greek and Cyrillic: letters, but never Vietnamese.
        for range in [0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x1E00...0x1EFF] {
            for value in range where table[value] == 0 && value != 0xD7 && value != 0xF7 {
                table[value] = otherLetterBit
            }
        }
        for value in 0x300...0x36F { table[value] = otherLetterBit }
        // Combining marks: tones carry the tone in bits 5-7, modifiers their code in bits 0-4.
        let tones: [(Int, UInt16)] = [(0x300, 1), (0x340, 1), (0x309, 2), (0x303, 3), (0x301, 4), (0x341, 4), (0x323, 5)]
        for (value, tone) in tones { table[value] = markBit | tone << 5 }
        table[0x302] = markBit | UInt16(modCircumflex)
        table[0x306] = markBit | UInt16(modBreve)
        table[0x31B] = markBit | UInt16(modHorn)
        return table
    }()

    /// Composed scalar of vowel `code` (1...12) with `tone`, lower or upper case.
    static let vowelScalars: [[UInt32]] = [
        lowerVowels.unicodeScalars.map(\.value), upperVowels.unicodeScalars.map(\.value),
    ]

    @inline(__always) static func entry(_ scalar: UInt32) -> UInt16 {
        scalar < limit ? entries[Int(scalar)] : 0
    }

    /// ``entry(_:)`` read from tables a hot loop fetched once.
    @inline(__always) static func entry(_ scalar: UInt32, _ tables: SyllableTables) -> UInt16 {
        scalar < limit ? tables.entries[Int(scalar)] : 0
    }

    /// The vowel that a modifier mark turns `code` into, or nil when the mark does not apply.
    static func modified(_ code: UInt8, by modifier: UInt8) -> UInt8? {
        switch (code, modifier) {
        case (Letter.a, modCircumflex): return Letter.aHat
        case (Letter.e, modCircumflex): return Letter.eHat
        case (Letter.o, modCircumflex): return Letter.oHat
        case (Letter.a, modBreve): return Letter.aBreve
        case (Letter.o, modHorn): return Letter.oHorn
        case (Letter.u, modHorn): return Letter.uHorn
        default: return nil
        }
    }

    /// Appends the UTF-8 of letter `code` with `tone` (vowels only) to `out`.
    @inline(__always)
    static func appendLetter(_ code: UInt8, tone: UInt8, upper: Bool, to out: inout [UInt8]) {
        if code == Letter.dStroke {
            out.append(0xC4); out.append(upper ? 0x90 : 0x91)
            return
        }
        if !Letter.isVowel(code) || (tone == 0 && code != Letter.aBreve && code != Letter.aHat
            && code != Letter.eHat && code != Letter.oHat && code != Letter.oHorn && code != Letter.uHorn) {
            let ascii = Letter.ascii[Int(code)]
            out.append(upper ? ascii - 32 : ascii)
            return
        }
        appendScalar(vowelScalars[upper ? 1 : 0][Int(code - 1) * 6 + Int(tone)], to: &out)
    }

    /// Appends the UTF-8 encoding of `value`.
    @inline(__always)
    static func appendScalar(_ value: UInt32, to out: inout [UInt8]) {
        if value < 0x80 {
            out.append(UInt8(value))
        } else if value < 0x800 {
            out.append(UInt8(0xC0 | value >> 6)); out.append(UInt8(0x80 | value & 0x3F))
        } else if value < 0x10000 {
            out.append(UInt8(0xE0 | value >> 12)); out.append(UInt8(0x80 | value >> 6 & 0x3F))
            out.append(UInt8(0x80 | value & 0x3F))
        } else {
            out.append(UInt8(0xF0 | value >> 18)); out.append(UInt8(0x80 | value >> 12 & 0x3F))
            out.append(UInt8(0x80 | value >> 6 & 0x3F)); out.append(UInt8(0x80 | value & 0x3F))
        }
    }

    /// Decodes one scalar of valid UTF-8 at `index`; returns the scalar and its byte length.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let end = bytes.count
        if lead < 0xE0, index + 1 < end {
            return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        }
        if lead < 0xF0, index + 2 < end {
            return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6
                | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        if index + 3 < end {
            return (UInt32(lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12
                | UInt32(bytes[index + 2] & 0x3F) << 6 | UInt32(bytes[index + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    /// A token scan's table of byte kinds, kept for the life of the process, for words made of the
    /// scalars `isWord` accepts: 1, a byte inside a word whatever comes around it (an ASCII word
    /// scalar, a continuation byte, the lead of two bytes whose 64 scalars are all word scalars:
    /// ă đ ĩ ũ ơ ư); 0, an ASCII byte that is not one; 2, a lead whose scalar must be decoded.
    /// With `latin`, for texts whose C3 and E1 leads lead only Latin letters
    /// (``leadsOnlyLatinLetters(_:)``), those two are 1 as well, if `isWord` takes all those letters.
    static func byteKinds(latin: Bool, isWord: (UInt32) -> Bool) -> UnsafePointer<UInt8> {
        let kinds = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        for byte in 0..<0x80 { kinds[byte] = isWord(UInt32(byte)) ? 1 : 0 }
        for byte in 0x80..<0xC0 { kinds[byte] = 1 }
        for byte in 0xC0..<0x100 {
            let twoByteWords = (0xC2..<0xE0).contains(byte) && (0..<64).allSatisfy { isWord(UInt32(byte & 0x1F) << 6 | $0) }
            kinds[byte] = twoByteWords ? 1 : 2
        }
        if latin, (UInt32(0xC0)...0xFF).allSatisfy({ $0 == 0xD7 || $0 == 0xF7 || isWord($0) }),
           (UInt32(0x1E00)...0x1EFF).allSatisfy(isWord) {
            (kinds[0xC3], kinds[0xE1]) = (1, 1)
        }
        return UnsafePointer(kinds)
    }

    /// Whether every C3 lead byte of valid UTF-8 `bytes` leads a letter (not × or ÷, C3 97 and
    /// C3 B7) and every E1 lead byte one of Latin Extended Additional (E1 B8 to E1 BB: ạ ả … ỹ),
    /// as in Vietnamese text: token scans may then take those two leads, which lead most of its
    /// non-ASCII letters, as letters without decoding them. Sixteen bytes at a time.
    static func leadsOnlyLatinLetters(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        typealias V = ByteVectors
        let count = bytes.count
        var offset = 0
        while offset + 17 <= count {
            let lanes = V.load(bytes, at: offset), next = V.load(bytes, at: offset + 1)
            let other = lanes .== V.splat(0xE1) .& (next & V.splat(0xFC)) .!= V.splat(0xB8)
                .| lanes .== V.splat(0xC3) .& (next & V.splat(0xDF)) .== V.splat(0x97)
            if V.any(other) { return false }
            offset += 16
        }
        while offset < count {
            let after: UInt8 = offset + 1 < count ? bytes[offset + 1] : 0
            if bytes[offset] == 0xE1 && after & 0xFC != 0xB8 || bytes[offset] == 0xC3 && after & 0xDF == 0x97 { return false }
            offset += 1
        }
        return true
    }

    /// Whether `scalar` starts or continues a word: a letter of any script the table knows, a
    /// Vietnamese combining mark, or (beyond the table) an alphabetic scalar.
    @inline(__always)
    static func isWordScalar(_ scalar: UInt32) -> Bool {
        isWordScalar(scalar, .shared)
    }

    /// ``isWordScalar(_:)`` read from tables a hot loop fetched once.
    @inline(__always)
    static func isWordScalar(_ scalar: UInt32, _ tables: SyllableTables) -> Bool {
        if scalar < limit { return tables.entries[Int(scalar)] & (letterBit | markBit | otherLetterBit) != 0 }
        guard let value = Unicode.Scalar(scalar) else { return false }
        return value.properties.isAlphabetic
    }
}

/// The letter and rhyme tables as pointers to copies kept for the life of the process.
///
/// A `static let` table is reached through a lazy-initialisation check on every access; the
/// syllable parser reads several per letter. Hot loops fetch ``shared`` once and pass it on.
struct SyllableTables: @unchecked Sendable {
    /// ``LetterTable/entries``.
    let entries: UnsafePointer<UInt16>
    /// ``Rhymes/masks``.
    let rhymeMasks: UnsafePointer<UInt16>

    /// The tables, built on first use.
    static let shared: SyllableTables = {
        func kept(_ table: [UInt16]) -> UnsafePointer<UInt16> {
            let copy = UnsafeMutablePointer<UInt16>.allocate(capacity: table.count)
            copy.initialize(from: table, count: table.count)
            return UnsafePointer(copy)
        }
        return SyllableTables(entries: kept(LetterTable.entries), rhymeMasks: kept(Rhymes.masks))
    }()
}
