// VietnameseText: decoding. Guesses the encoding of unmarked bytes by the share of valid Vietnamese syllables each candidate decoding yields.

/// Detects the encoding of bytes without a byte-order mark.
///
/// Binary input is refused; pure ASCII is UTF-8. Valid UTF-8 whose words (those of its opening, in
/// a longer input) are mostly Vietnamese syllables is accepted at once; otherwise every candidate
/// (UTF-8 when valid, Windows-1258, TCVN3, VNI, VISCII) decodes a sample of the input, the sample
/// with the largest share of valid syllables wins, and the whole input is decoded with it.
enum EncodingDetector {
    /// Legacy candidates, in the order that breaks ties.
    static let legacyCandidates: [TextEncoding] = [.windows1258, .tcvn3, .vni, .viscii]
    /// Valid UTF-8 scoring at least this is taken without trying the legacy decodings.
    static let fastPathScore = 0.6
    /// Valid UTF-8 is rarely anything else: a legacy decoding must beat its score by this much
    /// (and reach ``fastPathScore``) to be preferred. Below that, UTF-8 with a low score is
    /// usually mojibake, which ``MojibakeRepair`` handles.
    static let utf8Advantage = 0.3
    /// A margin over the runner-up of this much or more gives full confidence.
    static let decisiveMargin = 0.2
    /// Bytes scored per window, and the number of windows spread over a large input.
    static let windowLength = 48 * 1024
    static let windowCount = 4
    /// Bytes of the opening scored first in valid UTF-8 input longer than it, the tokens it must
    /// hold and the margin over ``fastPathScore`` it must clear to be decisive on its own.
    static let quickLength = 16 * 1024
    static let quickTokens = 1_000
    static let quickMargin = 0.1

    static func detect(_ bytes: [UInt8]) throws -> DecodedText {
        let scan = ByteScan(bytes)
        if let offset = scan.firstNUL { throw DecodingError.binary(offset: offset) }
        if scan.controlCount > max(4, bytes.count / 100), let offset = scan.firstControl {
            throw DecodingError.binary(offset: offset)
        }
        if scan.isASCII {
            return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8, confidence: 1, hadByteOrderMark: false)
        }
        let utf8 = String(validating: bytes, as: UTF8.self)
        if let utf8, bytes.count > quickLength {
            // A text longer than its opening, whose opening is plainly Vietnamese UTF-8, is taken on
            // that evidence alone: the rest is not scored.
            var end = quickLength
            while end > 0, !isBreak(bytes[end - 1]) { end -= 1 }
            let tally = SyllableScoring.tally(sample(of: utf8, windows: [0..<end]))
            if tally.tokens >= quickTokens, tally.share >= fastPathScore + quickMargin {
                return DecodedText(text: utf8, encoding: .utf8, confidence: tally.share, hadByteOrderMark: false)
            }
        }
        let windows = sampleWindows(bytes)
        var scored: [(encoding: TextEncoding, score: Double)] = []
        if let utf8 {
            let score = SyllableScoring.tally(sample(of: utf8, windows: windows)).share
            if score >= fastPathScore {
                return DecodedText(text: utf8, encoding: .utf8, confidence: score, hadByteOrderMark: false)
            }
            scored.append((.utf8, score))
        }
        for encoding in legacyCandidates {
            var tally = SyllableScoring.Tally()
            do {
                for window in windows { tally += SyllableScoring.tally(try LegacyCodecs.decode(Array(bytes[window]), as: encoding)) }
            } catch {
                continue
            }
            scored.append((encoding, tally.share))
        }
        // Stable: ties keep the candidate order (UTF-8 first).
        var ranked = scored.enumerated().sorted { ($0.element.score, -$0.offset) > ($1.element.score, -$1.offset) }.map(\.element)
        if let utf8Score = scored.first(where: { $0.encoding == .utf8 })?.score, let best = ranked.first,
            best.encoding != .utf8, best.score < max(fastPathScore, utf8Score + utf8Advantage)
        {
            ranked.removeAll { $0.encoding == .utf8 }
            ranked.insert((.utf8, utf8Score), at: 0)
        }
        for (rank, candidate) in ranked.enumerated() {
            let text: String
            if candidate.encoding == .utf8, let utf8 {
                text = utf8
            } else {
                // A byte outside the sampled windows may still be unassigned in this encoding.
                guard let decoded = try? LegacyCodecs.decode(bytes, as: candidate.encoding) else { continue }
                text = decoded
            }
            let runnerUp = ranked.indices.contains(rank + 1) ? ranked[rank + 1].score : 0
            let margin = max(0, candidate.score - runnerUp)
            let confidence = candidate.score * min(1, margin / decisiveMargin)
            return DecodedText(text: text, encoding: candidate.encoding, confidence: confidence, hadByteOrderMark: false)
        }
        // VISCII assigns every byte, so the loop above has returned; this is the same decision.
        return DecodedText(text: try LegacyCodecs.decode(bytes, as: .viscii), encoding: .viscii, confidence: 0, hadByteOrderMark: false)
    }

    /// The byte ranges scored: all of a small input, else windows spread evenly, each starting
    /// after an ASCII space or line break and ending before one, so no character is cut.
    static func sampleWindows(_ bytes: [UInt8]) -> [Range<Int>] {
        let count = bytes.count
        guard count > windowLength * windowCount else { return [0..<count] }
        var windows: [Range<Int>] = []
        let step = count / windowCount
        for number in 0..<windowCount {
            var start = number * step
            if start > 0 {
                while start < count, !isBreak(bytes[start]) { start += 1 }
                start = min(count, start + 1)
            }
            var end = min(count, start + windowLength)
            if end < count {
                while end > start, !isBreak(bytes[end - 1]) { end -= 1 }
            }
            if start < end { windows.append(start..<end) }
        }
        return windows
    }

    private static func isBreak(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D }

    /// The sampled part of an already decoded UTF-8 text.
    private static func sample(of text: String, windows: [Range<Int>]) -> String {
        guard windows.count > 1 || windows.first?.lowerBound != 0 || windows.first?.count != text.utf8.count else { return text }
        var pieces = String()
        let utf8 = text.utf8
        for window in windows {
            let start = utf8.index(utf8.startIndex, offsetBy: window.lowerBound)
            let end = utf8.index(start, offsetBy: window.count)
            pieces += text[start..<end]
            pieces += "\n"
        }
        return pieces
    }
}

/// One pass over raw bytes: NUL and control bytes, and whether all bytes are ASCII.
struct ByteScan {
    private(set) var firstNUL: Int?
    private(set) var firstControl: Int?
    private(set) var controlCount = 0
    private(set) var isASCII = true

    init(_ bytes: [UInt8]) {
        var high: UInt64 = 0
        var firstNUL: Int?
        var firstControl: Int?
        var controls = 0
        bytes.withUnsafeBufferPointer { buffer in
            func look(at index: Int) {
                let byte = buffer[index]
                guard byte < 0x20 else { return }
                if byte == 0 {
                    if firstNUL == nil { firstNUL = index }
                } else if !ByteScan.textControl[Int(byte)] {
                    controls += 1
                    if firstControl == nil { firstControl = index }
                }
            }
            // Eight bytes at a time; only a word with a byte below 0x20 (a line break, mostly) is
            // looked at byte by byte.
            var index = 0
            while index + 8 <= buffer.count {
                let word = ByteWords.load(buffer, at: index)
                high |= word
                if ByteWords.hasControl(word) {
                    for offset in index..<(index + 8) { look(at: offset) }
                }
                index += 8
            }
            while index < buffer.count {
                high |= UInt64(buffer[index])
                look(at: index)
                index += 1
            }
        }
        self.firstNUL = firstNUL
        self.firstControl = firstControl
        self.controlCount = controls
        self.isASCII = !ByteWords.hasHighByte(high)
    }

    /// Control bytes text files carry: tab, line feed, vertical tab, form feed, carriage return,
    /// the DOS end-of-file mark, escape, and the six VISCII capitals in C0 positions.
    static let textControl: [Bool] = (0..<32).map {
        [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1A, 0x1B, 0x02, 0x05, 0x06, 0x14, 0x19, 0x1E].contains($0)
    }
}
