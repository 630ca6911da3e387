// VietnameseText: the pipeline. Bytes in; decoded, repaired, normalised text with its units, syllables and figures out.

/// A token that the analyser flags: an invalid syllable or words glued together.
public struct TokenIssue: Sendable, Hashable {
    /// UTF-8 byte range in ``TextAnalysis/text``.
    public let range: Range<Int>
    /// The token as written.
    public let text: String
    /// The likely intended spelling: the corrected syllable, or the glued words with spaces.
    public let suggestion: String?
}

/// Syllable counts of a text and the tokens worth a writer's attention.
public struct SyllableSummary: Sendable {
    /// Word and number tokens.
    public var total = 0
    /// Valid Vietnamese syllables.
    public var vietnamese = 0
    /// Foreign words (ASCII words that are not syllables: Covid, Internet).
    public var foreign = 0
    /// Abbreviations (CNVCLĐ, CĐCS, NQ).
    public var abbreviations = 0
    /// Numbers.
    public var numbers = 0
    /// Syllables with a tone mark or a Vietnamese letter (ă â đ ê ô ơ ư): near zero in text typed without diacritics.
    public var marked = 0
    /// Invalid syllables, with a suggestion when one edit makes them valid.
    public var invalid: [TokenIssue] = []
    /// Words run together, with the words they split into.
    public var glued: [TokenIssue] = []
    /// Syllables written with the old tone placement (`hòa`), and the first of them.
    public var oldPlacement = 0, firstOldPlacement: Range<Int>?
    /// Syllables written with the new tone placement (`hoà`), and the first of them.
    public var newPlacement = 0, firstNewPlacement: Range<Int>?
    /// Syllables spelt with i where y is also written (`kĩ`), and the first of them.
    public var iSpelling = 0, firstISpelling: Range<Int>?
    /// Syllables spelt with y where i is also written (`kỹ`), and the first of them.
    public var ySpelling = 0, firstYSpelling: Range<Int>?

    /// Whether the text looks typed without diacritics (few marked syllables among many).
    public var looksUndiacritised: Bool { Self.looksUndiacritised(total: total, marked: marked, numbers: numbers) }

    /// Whether `marked` syllables among `total` tokens (`numbers` of them numbers) look like text typed
    /// without diacritics: at least 40 tokens and under 5% of the words marked.
    public static func looksUndiacritised(total: Int, marked: Int, numbers: Int) -> Bool {
        total >= 40 && Double(marked) < 0.05 * Double(max(1, total - numbers))
    }

    /// Counts and flags the tokens of `text`.
    public init(of text: String) { self = TextAnalyzer.summarize(text) }

    /// The summary of `text`, and from the same scan the number of tokens that start in each of
    /// `units` (ascending, disjoint UTF-8 byte ranges of `text`) and the ranges of the abbreviation
    /// tokens.
    public static func counting(_ text: String, units: [Range<Int>])
        -> (summary: SyllableSummary, tokensPerUnit: [Int], abbreviations: [Range<Int>])
    {
        var counts = [Int](repeating: 0, count: units.count)
        var abbreviations: [Range<Int>] = []
        // The counter reads and writes through buffers: no uniqueness or bounds check per token.
        let summary = counts.withUnsafeMutableBufferPointer { counts in
            units.withUnsafeBufferPointer { units in
                var counter = UnitCounter(units: units, counts: counts)
                let summary = TextAnalyzer.summarize(text, observer: &counter)
                abbreviations = counter.abbreviations
                return summary
            }
        }
        return (summary, counts, abbreviations)
    }

    init() {}
}

/// Sees each token of a summary's scan, for a caller that needs the tokens too. A type of its own
/// (not a closure) so that the scan is specialised for it and its work joins the token loop.
protocol SummaryTokenObserver {
    mutating func observe(_ token: SyllableToken)
}

/// Sees nothing: the summary alone.
struct NoTokenObserver: SummaryTokenObserver {
    @inline(__always)
    func observe(_ token: SyllableToken) {}
}

/// Counts the tokens starting in each unit and lists the abbreviations.
private struct UnitCounter: SummaryTokenObserver {
    let units: UnsafeBufferPointer<Range<Int>>
    let counts: UnsafeMutableBufferPointer<Int>
    var abbreviations: [Range<Int>] = []
    private var unit = 0

    init(units: UnsafeBufferPointer<Range<Int>>, counts: UnsafeMutableBufferPointer<Int>) {
        (self.units, self.counts) = (units, counts)
    }

    @inline(__always)
    mutating func observe(_ token: SyllableToken) {
        let start = token.range.lowerBound
        while unit < units.count, units[unit].upperBound <= start { unit += 1 }
        if unit < units.count, units[unit].lowerBound <= start { counts[unit] += 1 }
        if token.kind == .abbreviation { abbreviations.append(token.range) }
    }
}

/// Everything the analyser saw in one text.
public struct TextAnalysis: Sendable {
    /// The encoding the bytes were read in, and how sure the decoder is.
    public let encoding: TextEncoding
    public let confidence: Double
    /// Encoding damage repaired, by paragraph (ranges are in ``decoded``).
    public let repairs: [Repair]
    /// What normalisation changed.
    public let normalization: NormalizationChanges
    /// The text as decoded from the file, before repair and normalisation: what lines and columns count.
    public let decoded: String
    /// The repaired, normalised (NFC) text that everything else refers to.
    public let text: String
    /// Paragraphs (headings, list items, paragraphs) with their sentences.
    public let units: [TextUnit]
    /// Syllable counts and flagged tokens.
    public let syllables: SyllableSummary
    /// Union abbreviations found.
    public let abbreviations: [AbbreviationMention]
    /// Numbers, percentages, money, ratios.
    public let figures: [Figure]
    /// Dates.
    public let dates: [VietnameseDate]

    private let normalizedToRepaired: OffsetMap
    private let repairedToDecoded: OffsetMap
    private let lines: LineIndex

    /// Number of sentences, heading lines included.
    public var sentenceCount: Int { units.reduce(0) { $0 + $1.sentences.count } }

    /// The offset in ``decoded`` that byte `offset` of ``text`` comes from.
    public func decodedOffset(_ offset: Int) -> Int {
        repairedToDecoded.inputOffset(normalizedToRepaired.inputOffset(offset))
    }

    /// The source line and column of byte `offset` of ``text``.
    public func location(of offset: Int) -> SourceLocation {
        lines.location(of: decodedOffset(offset))
    }

    /// The source line and column of byte `offset` of ``decoded`` (for ``repairs`` ranges).
    public func location(ofDecoded offset: Int) -> SourceLocation {
        lines.location(of: offset)
    }

    /// The text of a byte range of ``text``.
    public func slice(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        let clamped = range.clamped(to: 0..<utf8.count)
        return String(decoding: utf8[utf8.index(utf8.startIndex, offsetBy: clamped.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: clamped.upperBound)], as: UTF8.self)
    }

    init(decoded: DecodedText, repair: Bool) {
        encoding = decoded.encoding
        confidence = decoded.confidence
        self.decoded = decoded.text
        lines = LineIndex(decoded.text)
        let repaired = repair ? MojibakeRepair.repair(decoded.text) : RepairResult(text: decoded.text, map: .identity, repairs: [])
        repairs = repaired.repairs
        repairedToDecoded = repaired.map
        let normalized = TextNormalizer.normalize(repaired.text)
        normalization = normalized.changes
        normalizedToRepaired = normalized.map
        text = normalized.text
        units = SentenceSplitter.split(text)
        syllables = TextAnalyzer.summarize(text)
        abbreviations = AbbreviationLexicon.mentions(in: text)
        // One date scan serves both: figures leave out the numbers that dates and periods hold.
        let anchors = NumeralAnchors(text: text)
        let dated = DateScanner.scanAll(text, anchors: anchors)
        figures = FigureScanner.scan(text, dated: dated, anchors: anchors)
        dates = dated.dates
    }
}

/// Runs the analyser: decoding (with detection), repair, normalisation, sentences, syllables, figures.
public enum TextAnalyzer {
    /// Analyses file bytes; `encoding` nil detects it. Throws ``DecodingError`` for undecodable or binary bytes.
    public static func analyze(bytes: [UInt8], encoding: TextEncoding? = nil, repair: Bool = true) throws -> TextAnalysis {
        TextAnalysis(decoded: try TextDecoder.decode(bytes, encoding: encoding), repair: repair)
    }

    /// Analyses text that is already decoded (from a Word file, say); lines and columns count in it.
    public static func analyze(text: String, repair: Bool = true) -> TextAnalysis {
        TextAnalysis(decoded: DecodedText(text: text, encoding: .utf8, confidence: 1, hadByteOrderMark: false), repair: repair)
    }

    /// Counts tokens by class and collects invalid and glued ones, and tone-placement and i/y styles.
    static func summarize(_ text: String) -> SyllableSummary {
        var none = NoTokenObserver()
        return summarize(text, observer: &none)
    }

    /// ``summarize(_:)``, showing `observer` every token.
    static func summarize<Observer: SummaryTokenObserver>(_ text: String, observer: inout Observer) -> SyllableSummary {
        var summary = SyllableSummary()
        var memo = summaryMemos.take()
        defer { summaryMemos.put(memo) }
        var text = text
        text.withUTF8 { bytes in
            var tokens = SyllableScanner.ClassifiedTokens(bytes)
            while let (token, facts) = tokens.next(known: &memo) {
                observer.observe(token)
                summary.total += 1
                let range = token.range
                switch token.kind {
                case .number:
                    summary.numbers += 1
                    continue
                case .foreign:
                    summary.foreign += 1
                    continue
                case .abbreviation:
                    summary.abbreviations += 1
                    continue
                case .vietnamese:
                    summary.vietnamese += 1
                case .invalid:
                    let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                    if let parts = GluedWords.split(word) {
                        summary.glued.append(TokenIssue(range: range, text: word, suggestion: parts.joined(separator: " ")))
                    } else {
                        summary.invalid.append(TokenIssue(range: range, text: word, suggestion: VietnameseSyllable.suggestion(for: word)))
                    }
                    continue
                }
                if facts.marked { summary.marked += 1 }
                guard let style = facts.style else { continue }
                switch style.placement {
                case .old?:
                    summary.oldPlacement += 1
                    if summary.firstOldPlacement == nil { summary.firstOldPlacement = range }
                case .new?:
                    summary.newPlacement += 1
                    if summary.firstNewPlacement == nil { summary.firstNewPlacement = range }
                default: break
                }
                switch style.iy {
                case .i?:
                    summary.iSpelling += 1
                    if summary.firstISpelling == nil { summary.firstISpelling = range }
                case .y?:
                    summary.ySpelling += 1
                    if summary.firstYSpelling == nil { summary.firstYSpelling = range }
                default: break
                }
            }
        }
        return summary
    }

    /// The facts of the words summaries have seen, kept from one text to the next.
    static let summaryMemos = MemoShelf(make: SyllableScanner.Known.init) { $0.isHalfFull }
}
