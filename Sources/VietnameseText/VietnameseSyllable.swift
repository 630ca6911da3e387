// VietnameseText: syllables. Parses one written word into onset, medial, nucleus, coda and tone.

/// One Vietnamese syllable as written, split by a phonotactic model of the spelling.
///
/// The parts are spelled in lower case without the tone mark and, put together, give the word
/// back: `onset + medial + nucleus + coda`. `q` is always followed by the medial `u`; `gi` is the
/// onset when a vowel follows (`gia`, `giữ`), while in `gì`, `gìn`, `giếng` the onset is `g` and
/// the `i` belongs to the rhyme (one letter serves both, as in the spelling).
public struct VietnameseSyllable: Hashable, Sendable, CustomStringConvertible {
    /// The six tones, named by their marks.
    public enum Tone: UInt8, Sendable, CaseIterable {
        /// No mark (thanh ngang): `ma`.
        case level
        /// Grave, huyền: `mà`.
        case grave
        /// Hook above, hỏi: `mả`.
        case hook
        /// Tilde, ngã: `mã`.
        case tilde
        /// Acute, sắc: `má`.
        case acute
        /// Dot below, nặng: `mạ`.
        case dot
    }

    let parts: SyllableParts

    /// The initial consonant as written (`ngh`, `gi`, `q`, ...), or "" when the syllable starts with a vowel.
    public var onset: String { SyllableParts.spell(parts.letters, from: 0, count: Int(parts.onsetLength)) }
    /// The glide `o` or `u` before the nucleus (`hoa`, `thuế`, `quốc`), or "".
    public var medial: String { SyllableParts.spell(parts.letters, from: parts.medialStart, count: Int(parts.medialLength)) }
    /// The vowel or diphthong (`a`, `ê`, `iê`, `yê`, `ươ`, `ưa`, ...).
    public var nucleus: String { SyllableParts.spell(parts.letters, from: parts.nucleusStart, count: Int(parts.nucleusLength)) }
    /// The final consonant or semivowel (`c`, `ch`, `ng`, `i`, `y`, `o`, `u`, ...), or "".
    public var coda: String { SyllableParts.spell(parts.letters, from: parts.codaStart, count: Int(parts.codaLength)) }
    /// The tone.
    public var tone: Tone { Tone(rawValue: parts.tone)! }
    /// Whether the tone mark sits where neither the old nor the new placement puts it (`qúy`, `đòan`).
    public var isToneMarkMisplaced: Bool { parts.isMisplaced }
    /// Whether every letter is upper case.
    public var isUppercase: Bool { parts.upperMask == (1 << UInt16(parts.count)) - 1 }

    /// The syllable in lower case with the tone mark on its main vowel (the new placement).
    public var description: String {
        var out: [UInt8] = []
        parts.appendCanonical(to: &out, unifyIY: false, fold: false)
        return String(decoding: out, as: UTF8.self)
    }

    /// Parses `word` (one syllable, any case, NFC or decomposed tone marks), or nil when it is not a
    /// valid Vietnamese syllable.
    ///
    /// The tone mark may sit on the old (`hòa`, `thủy`) or the new (`hoà`, `thuỷ`) position; a
    /// mark elsewhere on the vowels (`qúy`, `đòan`) still parses, with ``isToneMarkMisplaced`` set.
    /// A stop coda (`c`, `ch`, `p`, `t`) only takes the acute or dot tone.
    public static func parse<S: StringProtocol>(_ word: S) -> VietnameseSyllable? {
        let parts: SyllableParts? =
            word.utf8.withContiguousStorageIfAvailable { SyllableParts.parse($0, allowEth: false) }
            ?? Array(word.utf8).withUnsafeBufferPointer { SyllableParts.parse($0, allowEth: false) }
        return parts.map(VietnameseSyllable.init(parts:))
    }

    /// The share (0...1) of letter tokens in `text` that are valid Vietnamese syllables; 0 when
    /// there are none. Runs over raw bytes, for scoring candidate decodings of whole documents.
    public static func validShare(of text: Substring) -> Double {
        var text = text
        return text.withUTF8 { bytes in
            var total = 0, valid = 0
            WordScanner.forEachWord(in: bytes) { range in
                total += 1
                let word = UnsafeBufferPointer(rebasing: bytes[range])
                if SyllableParts.parse(word, allowEth: false) != nil { valid += 1 }
            }
            return total == 0 ? 0 : Double(valid) / Double(total)
        }
    }
}

/// Finds words (runs of letters and combining marks) in UTF-8 bytes.
enum WordScanner {
    /// Calls `body` with the byte range of each word in `bytes`.
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void) {
        var index = 0, start = -1
        let count = bytes.count
        let tables = SyllableTables.shared
        while index < count {
            let byte = bytes[index]
            let isWord: Bool, length: Int
            if byte < 0x80 {
                isWord = SyllableScoring.isASCIILetter(byte)
                length = 1
            } else {
                let (scalar, width) = LetterTable.decode(bytes, at: index)
                isWord = LetterTable.isWordScalar(scalar, tables)
                length = width
            }
            if isWord {
                if start < 0 { start = index }
            } else if start >= 0 {
                body(start..<index)
                start = -1
            }
            index += length
        }
        if start >= 0 { body(start..<count) }
    }
}

/// A word decoded into letter codes, with its single tone mark and upper-case letters.
struct LetterRun {
    static let capacity = 12
    var letters: UInt64 = 0
    var count = 0
    var upperMask: UInt16 = 0
    var tone: UInt8 = 0
    var toneIndex = -1
    var hasEth = false

    @inline(__always) subscript(index: Int) -> UInt8 {
        index < count ? UInt8(truncatingIfNeeded: letters >> (UInt64(index) * 5)) & 0x1F : 0
    }

    /// Decodes `bytes` into letters; nil when a scalar is not a Vietnamese letter or mark, when two
    /// tone marks appear, or when the word is longer than any syllable.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, maxLetters: Int) -> LetterRun? {
        decode(bytes, maxLetters: maxLetters, tables: .shared)
    }

    /// ``decode(_:maxLetters:)`` with the tables fetched by the caller.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, maxLetters: Int, tables: SyllableTables) -> LetterRun? {
        var run = LetterRun()
        var index = 0
        let end = bytes.count
        while index < end {
            let entry: UInt16
            let byte = bytes[index]
            if byte < 0x80 {
                entry = tables.entries[Int(byte)]
                index += 1
            } else {
                let (scalar, width) = LetterTable.decode(bytes, at: index)
                entry = LetterTable.entry(scalar, tables)
                index += width
            }
            if entry & LetterTable.letterBit != 0 {
                guard run.count < maxLetters else { return nil }
                let code = UInt64(entry & 0x1F)
                run.letters |= code << (UInt64(run.count) * 5)
                if entry & LetterTable.upperBit != 0 { run.upperMask |= 1 << UInt16(run.count) }
                if entry & LetterTable.ethBit != 0 { run.hasEth = true }
                let tone = UInt8(entry >> 5 & 7)
                if tone != 0 {
                    guard run.tone == 0 else { return nil }
                    run.tone = tone
                    run.toneIndex = run.count
                }
                run.count += 1
            } else if entry & LetterTable.markBit != 0 {
                guard run.count > 0 else { return nil }
                let last = run.count - 1
                let tone = UInt8(entry >> 5 & 7)
                if tone != 0 {
                    guard run.tone == 0, Letter.isVowel(run[last]) else { return nil }
                    run.tone = tone
                    run.toneIndex = last
                } else {
                    guard let changed = LetterTable.modified(run[last], by: UInt8(entry & 0x1F)) else { return nil }
                    let shift = UInt64(last) * 5
                    run.letters = run.letters & ~(0x1F << shift) | UInt64(changed) << shift
                }
            } else {
                return nil
            }
        }
        return run
    }
}

/// The parsed structure of a syllable: letter codes and the extent of each part, all small integers.
struct SyllableParts: Hashable, Sendable {
    var letters: UInt64
    var count: UInt8
    var upperMask: UInt16
    var onset: UInt8            // index into `onsets`
    var onsetLength: UInt8
    var medial: UInt8           // MedialKind
    var medialLength: UInt8
    var nucleus: UInt8          // Nucleus id
    var nucleusLength: UInt8
    var coda: UInt8             // Coda id
    var codaLength: UInt8
    var tone: UInt8
    var toneIndex: Int8
    var mainVowel: UInt8        // letter index of the new (kiểu mới) tone position
    var oldVowel: UInt8         // letter index of the old (kiểu cũ) tone position

    var medialStart: Int { Int(onsetLength) }
    var nucleusStart: Int { Int(onsetLength + medialLength) }
    var codaStart: Int { Int(onsetLength + medialLength + nucleusLength) }
    var isMisplaced: Bool { tone != 0 && toneIndex != Int8(mainVowel) && toneIndex != Int8(oldVowel) }

    @inline(__always) func letter(_ index: Int) -> UInt8 {
        UInt8(truncatingIfNeeded: letters >> (UInt64(index) * 5)) & 0x1F
    }

    // MARK: parsing

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowEth: Bool) -> SyllableParts? {
        parse(bytes, allowEth: allowEth, tables: .shared)
    }

    /// ``parse(_:allowEth:)`` with the tables fetched by the caller.
    @inline(__always)
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, allowEth: Bool, tables: SyllableTables) -> SyllableParts? {
        guard !bytes.isEmpty, bytes.count <= 40,
            let run = LetterRun.decode(bytes, maxLetters: 8, tables: tables), !run.hasEth || allowEth
        else { return nil }
        return parse(run, tables: tables)
    }

    static func parse(_ run: LetterRun) -> SyllableParts? {
        parse(run, tables: .shared)
    }

    static func parse(_ run: LetterRun, tables: SyllableTables) -> SyllableParts? {
        let first = run[0], second = run[1], third = run[2]
        var onset = Onset.none, length = 0
        switch first {
        case Letter.n:
            if second == Letter.g { (onset, length) = third == Letter.h ? (Onset.ngh, 3) : (Onset.ng, 2) }
            else if second == Letter.h { (onset, length) = (Onset.nh, 2) }
            else { (onset, length) = (Onset.n, 1) }
        case Letter.c: (onset, length) = second == Letter.h ? (Onset.ch, 2) : (Onset.c, 1)
        case Letter.k: (onset, length) = second == Letter.h ? (Onset.kh, 2) : (Onset.k, 1)
        case Letter.p: (onset, length) = second == Letter.h ? (Onset.ph, 2) : (Onset.p, 1)
        case Letter.t:
            if second == Letter.h { (onset, length) = (Onset.th, 2) }
            else if second == Letter.r { (onset, length) = (Onset.tr, 2) }
            else { (onset, length) = (Onset.t, 1) }
        case Letter.g:
            if second == Letter.h { (onset, length) = (Onset.gh, 2) }
            else if second == Letter.i {
                // "gia", "giữ": the i is the onset's; "gì", "gìn", "giếng": it is also the rhyme's.
                if run.count > 2, let parts = rhyme(run, onset: Onset.gi, start: 2, tables: tables) { return parts }
                (onset, length) = (Onset.g, 1)
            } else { (onset, length) = (Onset.g, 1) }
        case Letter.b: (onset, length) = (Onset.b, 1)
        case Letter.d: (onset, length) = (Onset.d, 1)
        case Letter.dStroke: (onset, length) = (Onset.dStroke, 1)
        case Letter.h: (onset, length) = (Onset.h, 1)
        case Letter.l: (onset, length) = (Onset.l, 1)
        case Letter.m: (onset, length) = (Onset.m, 1)
        case Letter.q: (onset, length) = (Onset.q, 1)
        case Letter.r: (onset, length) = (Onset.r, 1)
        case Letter.s: (onset, length) = (Onset.s, 1)
        case Letter.v: (onset, length) = (Onset.v, 1)
        case Letter.x: (onset, length) = (Onset.x, 1)
        case 1...12: (onset, length) = (Onset.none, 0)
        default: return nil
        }
        guard length < run.count else { return nil }
        return rhyme(run, onset: onset, start: length, tables: tables)
    }

    private static func rhyme(_ run: LetterRun, onset: UInt8, start: Int, tables: SyllableTables) -> SyllableParts? {
        let firstVowel = run[start]
        guard Letter.isVowel(firstVowel) else { return nil }
        let front = firstVowel == Letter.e || firstVowel == Letter.eHat || firstVowel == Letter.i || firstVowel == Letter.y
        switch onset {
        case Onset.c, Onset.ng: if front { return nil }
        case Onset.g: if front && firstVowel != Letter.i { return nil }
        case Onset.k: if !front { return nil }
        case Onset.gh, Onset.ngh: if !front || firstVowel == Letter.y { return nil }
        case Onset.gi: if firstVowel == Letter.i { return nil }
        default: break
        }
        var medialLengths = 0...0
        if onset == Onset.q {
            guard firstVowel == Letter.u else { return nil }
            medialLengths = 1...1
        } else if (firstVowel == Letter.o || firstVowel == Letter.u) && onset != Onset.c && onset != Onset.k {
            medialLengths = 0...1
        }
        for medialLength in medialLengths {
            let nucleusStart = start + medialLength
            guard nucleusStart < run.count else { continue }
            let medial: UInt8 = medialLength == 0 ? MedialKind.none
                : onset == Onset.q ? MedialKind.qu : firstVowel == Letter.o ? MedialKind.o : MedialKind.u
            for nucleusLength in stride(from: 2, through: 1, by: -1) where nucleusStart + nucleusLength <= run.count {
                let nucleus = nucleusLength == 2
                    ? Nucleus.diphthong(run[nucleusStart], run[nucleusStart + 1])
                    : run[nucleusStart]
                guard nucleus != 0, Letter.isVowel(run[nucleusStart]) else { continue }
                let codaStart = nucleusStart + nucleusLength
                guard let (coda, codaLength) = Coda.parse(run, from: codaStart) else { continue }
                guard tables.rhymeMasks[Int(medial) * 32 + Int(nucleus)] & (1 << UInt16(coda)) != 0 else { continue }
                // Spelling of the diphthongs: yê/ya after a glide or alone, iê/ia after a consonant.
                switch nucleus {
                case Nucleus.yeHat: if !(medial == MedialKind.u || medial == MedialKind.qu || (onset == Onset.none && medial == MedialKind.none)) { continue }
                case Nucleus.ieHat: if onset == Onset.none || medial != MedialKind.none { continue }
                case Nucleus.ya: if medial != MedialKind.u && medial != MedialKind.qu { continue }
                case Nucleus.ia: if medial != MedialKind.none { continue }
                default: break
                }
                if Coda.isStop(coda) && run.tone != ToneCode.acute && run.tone != ToneCode.dot { continue }
                let secondMain = nucleus == Nucleus.ieHat || nucleus == Nucleus.yeHat || nucleus == Nucleus.uoHat
                    || nucleus == Nucleus.uoHorn || nucleus == Nucleus.oo
                let main = nucleusStart + (secondMain ? 1 : 0)
                var old = main
                if (medial == MedialKind.o || medial == MedialKind.u) && coda == Coda.none
                    && (nucleus == Letter.a || nucleus == Letter.e || nucleus == Letter.y) {
                    old = start
                }
                return SyllableParts(
                    letters: run.letters, count: UInt8(run.count), upperMask: run.upperMask,
                    onset: onset, onsetLength: UInt8(start), medial: medial,
                    medialLength: UInt8(medialLength), nucleus: nucleus, nucleusLength: UInt8(nucleusLength),
                    coda: coda, codaLength: UInt8(codaLength), tone: run.tone, toneIndex: Int8(run.toneIndex),
                    mainVowel: UInt8(main), oldVowel: UInt8(old))
            }
        }
        return nil
    }

    // MARK: spelling out

    static let spellings: [String] = [
        "", "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "q", "r", "s", "t", "v", "x", "f",
    ]

    static func spell(_ letters: UInt64, from start: Int, count: Int) -> String {
        var text = ""
        for index in start..<(start + count) {
            text += spellings[Int(UInt8(truncatingIfNeeded: letters >> (UInt64(index) * 5)) & 0x1F)]
        }
        return text
    }

    /// Whether this syllable is one where Vietnamese writes i or y alike (`kĩ`/`kỹ`, `lí`/`lý`,
    /// `qui`/`quy`): a bare i/y rhyme after a consonant. Not `y`, `ý` alone, not `uy`, `ay`, `yêu`.
    var iyVariantIndex: Int? {
        guard coda == Coda.none, nucleusLength == 1, nucleus == Letter.i || nucleus == Letter.y else { return nil }
        if medial == MedialKind.none && onset != Onset.none && onset != Onset.g { return nucleusStart }
        if medial == MedialKind.qu { return nucleusStart }
        return nil
    }

    /// The i/y letter of a syllable that writers really spell both ways (hi/hy, kì/kỳ, lí/lý, mĩ/mỹ,
    /// sĩ/sỹ, ti/ty, quí/quý): the onsets h, k, l, m, s, t and qu. "thi", "chỉ", "đi" are only ever i.
    var iyStyleIndex: Int? {
        guard let index = iyVariantIndex else { return nil }
        if medial == MedialKind.qu { return index }
        return [Onset.h, Onset.k, Onset.l, Onset.m, Onset.s, Onset.t].contains(onset) ? index : nil
    }

    /// Appends the syllable in lower case, tone on the main vowel; with `unifyIY` the i/y variants
    /// spelled one way (`i` after a consonant, `y` after `qu`); with `fold` without any diacritic.
    func appendCanonical(to out: inout [UInt8], unifyIY: Bool, fold: Bool) {
        let variant = unifyIY ? iyVariantIndex : nil
        for index in 0..<Int(count) {
            var code = letter(index)
            if index == variant { code = medial == MedialKind.qu ? Letter.y : Letter.i }
            if fold {
                out.append(Letter.ascii[Int(code)])
            } else {
                LetterTable.appendLetter(code, tone: index == Int(mainVowel) ? tone : 0, upper: false, to: &out)
            }
        }
    }
}

enum ToneCode {
    static let acute: UInt8 = 4, dot: UInt8 = 5
}

enum Onset {
    static let none: UInt8 = 0, b: UInt8 = 1, c: UInt8 = 2, ch: UInt8 = 3, d: UInt8 = 4, dStroke: UInt8 = 5
    static let g: UInt8 = 6, gh: UInt8 = 7, gi: UInt8 = 8, h: UInt8 = 9, k: UInt8 = 10, kh: UInt8 = 11
    static let l: UInt8 = 12, m: UInt8 = 13, n: UInt8 = 14, ng: UInt8 = 15, ngh: UInt8 = 16, nh: UInt8 = 17
    static let p: UInt8 = 18, ph: UInt8 = 19, q: UInt8 = 20, r: UInt8 = 21, s: UInt8 = 22, t: UInt8 = 23
    static let th: UInt8 = 24, tr: UInt8 = 25, v: UInt8 = 26, x: UInt8 = 27
}

enum MedialKind {
    static let none: UInt8 = 0, o: UInt8 = 1, u: UInt8 = 2, qu: UInt8 = 3
}

/// Nucleus ids: single vowels keep their letter code (1...12); diphthongs follow.
enum Nucleus {
    static let ieHat: UInt8 = 13, yeHat: UInt8 = 14, ia: UInt8 = 15, ya: UInt8 = 16
    static let uoHat: UInt8 = 17, ua: UInt8 = 18, uoHorn: UInt8 = 19, uHornA: UInt8 = 20, oo: UInt8 = 21

    @inline(__always) static func diphthong(_ first: UInt8, _ second: UInt8) -> UInt8 {
        switch (first, second) {
        case (Letter.i, Letter.eHat): return ieHat
        case (Letter.y, Letter.eHat): return yeHat
        case (Letter.i, Letter.a): return ia
        case (Letter.y, Letter.a): return ya
        case (Letter.u, Letter.oHat): return uoHat
        case (Letter.u, Letter.a): return ua
        case (Letter.uHorn, Letter.oHorn): return uoHorn
        case (Letter.uHorn, Letter.a): return uHornA
        case (Letter.o, Letter.o): return oo
        default: return 0
        }
    }
}

enum Coda {
    static let none: UInt8 = 0, c: UInt8 = 1, ch: UInt8 = 2, m: UInt8 = 3, n: UInt8 = 4, ng: UInt8 = 5
    static let nh: UInt8 = 6, p: UInt8 = 7, t: UInt8 = 8, i: UInt8 = 9, y: UInt8 = 10, o: UInt8 = 11, u: UInt8 = 12

    @inline(__always) static func isStop(_ coda: UInt8) -> Bool { coda == c || coda == ch || coda == p || coda == t }

    /// The coda spelled by all letters of `run` from `start`, with its length.
    @inline(__always) static func parse(_ run: LetterRun, from start: Int) -> (UInt8, Int)? {
        switch run.count - start {
        case 0: return (none, 0)
        case 1:
            switch run[start] {
            case Letter.c: return (c, 1)
            case Letter.m: return (m, 1)
            case Letter.n: return (n, 1)
            case Letter.p: return (p, 1)
            case Letter.t: return (t, 1)
            case Letter.i: return (i, 1)
            case Letter.y: return (y, 1)
            case Letter.o: return (o, 1)
            case Letter.u: return (u, 1)
            default: return nil
            }
        case 2:
            switch (run[start], run[start + 1]) {
            case (Letter.c, Letter.h): return (ch, 2)
            case (Letter.n, Letter.g): return (ng, 2)
            case (Letter.n, Letter.h): return (nh, 2)
            default: return nil
            }
        default: return nil
        }
    }
}

/// Which codas each nucleus takes, after no glide, the glide `o`, the glide `u`, or `qu`.
///
/// Written as data: `-` is the open rhyme (no coda). This is the phonotactic heart of the parser.
enum Rhymes {
    static let specification: [(medial: UInt8, nucleus: String, codas: String)] = [
        (MedialKind.none, "a", "- c ch m n ng nh p t i o u y"),
        (MedialKind.none, "ă", "c m n ng p t"),
        (MedialKind.none, "â", "c m n ng p t u y"),
        (MedialKind.none, "e", "- c m n ng p t o"),
        (MedialKind.none, "ê", "- ch m n nh p t u"),
        (MedialKind.none, "i", "- ch m n nh p t u"),
        (MedialKind.none, "o", "- c m n ng p t i"),
        (MedialKind.none, "ô", "- c m n ng p t i"),
        (MedialKind.none, "ơ", "- m n p t i"),
        (MedialKind.none, "u", "- c m n ng p t i"),
        (MedialKind.none, "ư", "- c m n ng t i u"),
        (MedialKind.none, "y", "-"),
        (MedialKind.none, "iê", "c m n ng p t u"),
        (MedialKind.none, "yê", "c m n ng p t u"),
        (MedialKind.none, "ia", "-"),
        (MedialKind.none, "uô", "c m n ng t i"),
        (MedialKind.none, "ua", "-"),
        (MedialKind.none, "ươ", "c m n ng p t i u"),
        (MedialKind.none, "ưa", "-"),
        (MedialKind.none, "oo", "c ng"),
        (MedialKind.o, "a", "- c ch i m n ng nh p t y o"),
        (MedialKind.o, "ă", "c m n ng t"),
        (MedialKind.o, "e", "- n t o"),
        (MedialKind.u, "â", "n ng t y"),
        (MedialKind.u, "ê", "- ch n nh"),
        (MedialKind.u, "y", "- ch n nh t u"),
        (MedialKind.u, "ơ", "-"),
        (MedialKind.u, "yê", "n t"),
        (MedialKind.u, "ya", "-"),
        (MedialKind.qu, "a", "- c ch i m n ng nh t y o u"),
        (MedialKind.qu, "ă", "c m n ng t"),
        (MedialKind.qu, "â", "n ng t y"),
        (MedialKind.qu, "e", "- n t o"),
        (MedialKind.qu, "ê", "- ch n nh"),
        (MedialKind.qu, "i", "- ch n nh t"),
        (MedialKind.qu, "y", "- ch n nh t u"),
        (MedialKind.qu, "yê", "n t"),
        (MedialKind.qu, "ô", "c"),
        (MedialKind.qu, "ơ", "-"),
    ]

    /// masks[medial * 32 + nucleus]: bit k set when coda id k is allowed.
    static let masks: [UInt16] = {
        let nuclei: [String: UInt8] = [
            "a": 1, "ă": 2, "â": 3, "e": 4, "ê": 5, "i": 6, "o": 7, "ô": 8, "ơ": 9, "u": 10, "ư": 11, "y": 12,
            "iê": Nucleus.ieHat, "yê": Nucleus.yeHat, "ia": Nucleus.ia, "ya": Nucleus.ya, "uô": Nucleus.uoHat,
            "ua": Nucleus.ua, "ươ": Nucleus.uoHorn, "ưa": Nucleus.uHornA, "oo": Nucleus.oo,
        ]
        let codas: [String: UInt8] = [
            "-": Coda.none, "c": Coda.c, "ch": Coda.ch, "m": Coda.m, "n": Coda.n, "ng": Coda.ng, "nh": Coda.nh,
            "p": Coda.p, "t": Coda.t, "i": Coda.i, "y": Coda.y, "o": Coda.o, "u": Coda.u,
        ]
        var masks = [UInt16](repeating: 0, count: 4 * 32)
        for (medial, nucleus, list) in specification {
            var mask: UInt16 = 0
            for coda in list.split(separator: " ") { mask |= 1 << UInt16(codas[String(coda)]!) }
            masks[Int(medial) * 32 + Int(nuclei[nucleus]!)] = mask
        }
        return masks
    }()
}
