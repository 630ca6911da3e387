// ComplianceEngine: the prepared document. What every check reads: sentences, sections, concept occurrences, figures.
import VietnameseText

/// Where a block sits in the report's structure.
public enum BlockRole: String, Sendable, Codable {
    case title, heading, paragraph, listItem = "list-item", tableCell = "table-cell"
    case headerBlock = "header-block", signature, recipients
}

/// A sentence (or heading line) of the report, as checks see it.
public struct SentenceView: Sendable {
    /// Index of the block it belongs to.
    public let block: Int
    /// The role of that block.
    public let role: BlockRole
    /// UTF-8 byte range in ``CheckDocument/text``.
    public let range: Range<Int>
    /// Index of the innermost section it lies in, nil before the first heading.
    public let section: Int?
    /// Whether it holds a figure (number, percentage, money, ratio).
    public let figureCount: Int
    /// Whether it reads as a chronicle of a dated activity ("Ngày 5/3, tổ chức ...").
    public let isNarrative: Bool
    /// Whether it reads as evaluation ("so với", "đạt", "chưa", "nguyên nhân", "hiệu quả").
    public let isEvaluative: Bool
    /// Number of syllables.
    public let syllables: Int
}

/// A section of the report: a heading and everything up to the next heading of the same or a higher level.
public struct SectionView: Sendable {
    /// Index of the heading's sentence in ``CheckDocument/sentences``.
    public let heading: Int
    /// Heading level (1 = top).
    public let level: Int
    /// The parent section, nil for top-level sections.
    public let parent: Int?
    /// Range of sentence indices the section covers, its heading included.
    public let sentences: Range<Int>
    /// Position among all sections in reading order.
    public var order: Int { heading }
}

/// One place where a concept's phrase occurs.
public struct Occurrence: Sendable, Hashable {
    /// The concept's name.
    public let concept: String
    /// Index of the sentence holding it.
    public let sentence: Int
    /// UTF-8 byte range in ``CheckDocument/text``.
    public let range: Range<Int>
    /// Whether the mention is denied ("không có kiến nghị", "chưa rút ra được bài học").
    public let negated: Bool
}

/// The administrative form of the document, as found in its blocks.
public struct DocumentForm: Sendable {
    /// The issuing body's lines, when found.
    public let issuingBody: String?
    /// The number and symbol ("Số: 15/BC-LĐLĐ"), when found.
    public let numberSymbol: String?
    /// The place and date line, when found.
    public let placeDate: String?
    /// The report's own date from that line.
    public let date: VietnameseDate?
    /// The document type line ("BÁO CÁO"), when found.
    public let documentType: String?
    /// The signature block's lines, when found.
    public let signature: String?
    /// The "Nơi nhận" lines, when found.
    public let recipients: [String]

    public init(issuingBody: String?, numberSymbol: String?, placeDate: String?, date: VietnameseDate?,
                documentType: String?, signature: String?, recipients: [String]) {
        self.issuingBody = issuingBody
        self.numberSymbol = numberSymbol
        self.placeDate = placeDate
        self.date = date
        self.documentType = documentType
        self.signature = signature
        self.recipients = recipients
    }
}

/// A report prepared once for all checks of a pack.
///
/// Checks never read files: they read this. The ``DocumentPreparer`` builds it from a
/// `Document` and the pack's concepts.
public struct CheckDocument: Sendable {
    /// The file the report came from.
    public let path: String
    /// Every block's text joined with newlines (NFC, the writer's own forms).
    public let text: String
    /// Sentences and heading lines in reading order.
    public let sentences: [SentenceView]
    /// Sections in reading order.
    public let sections: [SectionView]
    /// Occurrences of every concept of the pack, by concept name, in reading order.
    public let occurrences: [String: [Occurrence]]
    /// The administrative form.
    public let form: DocumentForm
    /// Syllable and token statistics.
    public let statistics: TextStatistics
    /// What the text analyser noticed: repaired encoding damage, invalid or glued syllables, mixed forms.
    public let issues: [TextIssue]
    /// Maps a byte offset of ``text`` to the place in the source file.
    public let locate: @Sendable (Int) -> SourceLocation
    private let sectionByHeading: SectionsByHeading

    public init(path: String, text: String, sentences: [SentenceView], sections: [SectionView],
                occurrences: [String: [Occurrence]], form: DocumentForm, statistics: TextStatistics,
                issues: [TextIssue], locate: @escaping @Sendable (Int) -> SourceLocation) {
        self.path = path
        self.text = text
        self.sentences = sentences
        self.sections = sections
        self.occurrences = occurrences
        self.form = form
        self.statistics = statistics
        self.issues = issues
        self.locate = locate
        sectionByHeading = SectionsByHeading(sections)
    }

    /// The text of a byte range, clamped to the text, without copying it.
    public func substring(_ range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.lowerBound, utf8.count)))
        let end = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.upperBound, utf8.count)))
        return text[start..<end]
    }

    /// The text of a byte range.
    public func slice(_ range: Range<Int>) -> String { String(substring(range)) }

    /// The text of sentence `index`.
    public func sentenceText(_ index: Int) -> String { slice(sentences[index].range) }

    /// The UTF-8 bytes of sentence `index`, without copying them.
    public func sentenceUTF8(_ index: Int) -> Substring.UTF8View { substring(sentences[index].range).utf8 }

    /// The distinct sentences of `mentions`, ascending. Mentions come in sentence order (those of
    /// several ranges nearly so), so they are sorted only when out of order, and repeats are
    /// dropped in one pass, without hashing.
    static func distinctSentences(of mentions: [Occurrence]) -> [Int] {
        var sentences = mentions.map(\.sentence)
        if zip(sentences, sentences.dropFirst()).contains(where: { $0 > $1 }) { sentences.sort() }
        var kept = 0
        for index in sentences.indices where kept == 0 || sentences[index] != sentences[kept - 1] {
            sentences[kept] = sentences[index]
            kept += 1
        }
        sentences.removeLast(sentences.count - kept)
        return sentences
    }

    /// Occurrences of `concept` that are not negated and fall in `sentenceRange` (all when nil).
    public func mentions(of concept: String, in sentenceRange: Range<Int>? = nil, includeNegated: Bool = false) -> [Occurrence] {
        guard let list = occurrences[concept] else { return [] }
        guard let sentenceRange else { return includeNegated ? list : list.filter { !$0.negated } }
        // Occurrences are in sentence order: the range's are found by binary search, not by a pass
        // over all of them (checks ask once per section of a long report).
        var result: [Occurrence] = []
        for occurrence in list[list.partitioningIndex { $0.sentence >= sentenceRange.lowerBound }...] {
            guard occurrence.sentence < sentenceRange.upperBound else { break }
            if includeNegated || !occurrence.negated { result.append(occurrence) }
        }
        return result
    }

    /// The section headed by sentence `index`, if that sentence is a heading.
    public func section(headedBy index: Int) -> Int? { sectionByHeading[index] }

    /// Each section's index by the sentence that heads it (the first section, should two share one):
    /// a table by sentence, for lookups at every occurrence without hashing.
    struct SectionsByHeading {
        private let table: [Int32]

        init(_ sections: [SectionView]) {
            var table = [Int32](repeating: -1, count: (sections.map(\.heading).max() ?? -1) + 1)
            for (index, section) in sections.enumerated() where table[section.heading] < 0 { table[section.heading] = Int32(index) }
            self.table = table
        }

        /// The section headed by sentence `sentence`, if it heads one.
        subscript(sentence: Int) -> Int? {
            sentence >= 0 && sentence < table.count && table[sentence] >= 0 ? Int(table[sentence]) : nil
        }
    }

    /// Sections whose heading mentions `concept`.
    public func sections(about concept: String) -> [Int] {
        Set(mentions(of: concept).compactMap { sectionByHeading[$0.sentence] }).sorted()
    }
}

/// Counts of the document's tokens.
public struct TextStatistics: Sendable, Codable, Equatable {
    /// Syllables (Vietnamese, foreign, abbreviations and numbers together).
    public var syllables: Int
    /// Sentences, heading lines excluded.
    public var sentences: Int
    /// Share of sentences that chronicle dated activities, 0...1.
    public var narrativeShare: Double
    /// Figures per 1,000 syllables.
    public var figuresPerThousand: Double

    public init(syllables: Int, sentences: Int, narrativeShare: Double, figuresPerThousand: Double) {
        self.syllables = syllables
        self.sentences = sentences
        self.narrativeShare = narrativeShare
        self.figuresPerThousand = figuresPerThousand
    }
}

/// Something the text analyser noticed about the writing itself.
public struct TextIssue: Sendable, Equatable {
    /// The kinds of issue, by their YAML names.
    public enum Kind: String, Sendable, CaseIterable {
        /// Encoding damage that was repaired (TCVN3 or VNI read as Windows-1252, lost ư, ...).
        case repairedEncoding = "repaired-encoding"
        /// A token that is not a valid Vietnamese syllable, nor a known abbreviation, number or foreign word.
        case invalidSyllable = "invalid-syllable"
        /// Words run together by bad text extraction ("hoạtđộngcôngđoàn").
        case gluedWords = "glued-words"
        /// Old-style and new-style tone placement mixed in one document (hoà and hòa).
        case mixedToneStyle = "mixed-tone-style"
        /// i and y written both ways in one document (kỹ and kĩ).
        case mixedIY = "mixed-i-y"
        /// An uncommon abbreviation used without its expansion anywhere in the document.
        case undefinedAbbreviation = "undefined-abbreviation"
    }

    public let kind: Kind
    /// UTF-8 byte range in the document text.
    public let range: Range<Int>
    /// What was seen, for the message's `{detail}`.
    public let detail: String
    /// The fix, when known.
    public let suggestion: String?

    public init(kind: Kind, range: Range<Int>, detail: String, suggestion: String? = nil) {
        self.kind = kind
        self.range = range
        self.detail = detail
        self.suggestion = suggestion
    }
}
