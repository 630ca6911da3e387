// ComplianceEngine: preparation. Turns a read Document into the CheckDocument every check reads, once per document.
import DocumentReaders
import Foundation
import RuleModel
import VietnameseText

/// Builds ``CheckDocument``s for one compiled pack: its concepts are matched in one pass per document.
public struct DocumentPreparer: Sendable {
    private let matcher: PhraseMatcher
    private let foldedMatcher: FoldedMatcher
    /// The matchers' set names, in their order: concepts by name, then the evaluation words.
    private let setNames: [String]
    /// Per set, whether it counts only in the body (its concept does not count in headings).
    private let bodyOnly: [Bool]

    /// Compiles the pack's concepts, and the words that make a sentence evaluative, into a phrase
    /// matcher; the one without diacritics is compiled when a report typed without them first needs it.
    public init(concepts: [String: Concept]) throws {
        // The evaluation words are the last set, under a name no concept has.
        var evaluationSet = "danh-gia"
        while concepts[evaluationSet] != nil { evaluationSet += "'" }
        let sorted = concepts.sorted { $0.key < $1.key }
        let sets = sorted.map {
            PhraseSet(name: $0.key, phrases: $0.value.phrases, exclude: $0.value.exclude)
        } + [PhraseSet(name: evaluationSet, phrases: Self.evaluationWords)]
        matcher = try PhraseMatcher(sets)
        foldedMatcher = FoldedMatcher(sets: sets)
        setNames = sets.map(\.name)
        bodyOnly = sorted.map { !$0.value.headings } + [false]
    }

    /// The place of the evaluation words among the sets.
    private var evaluationIndex: Int { setNames.count - 1 }

    /// The diacritic-folding matcher of a pack, compiled once on first use by whichever thread asks.
    private final class FoldedMatcher: @unchecked Sendable {
        private let sets: [PhraseSet]
        private let lock = NSLock()
        private var compiled: Result<PhraseMatcher, Error>?

        init(sets: [PhraseSet]) { self.sets = sets }

        func get() throws -> PhraseMatcher {
            lock.lock()
            defer { lock.unlock() }
            if let compiled { return try compiled.get() }
            let result = Result { try PhraseMatcher(sets, foldDiacritics: true) }
            compiled = result
            return try result.get()
        }
    }

    /// Prepares `document` for the checks.
    public func prepare(_ document: Document) throws -> CheckDocument {
        let joined = JoinedText(document)
        let text = joined.text
        let blockStarts = joined.blockStarts
        let blocks = document.blocks

        // Sentences: heading-like blocks are one unit each; others are split.
        var sentenceRanges: [(block: Int, range: Range<Int>)] = []
        for (index, block) in blocks.enumerated() {
            let start = blockStarts[index]
            let length = block.text.utf8.count
            guard length > 0 else { continue }
            switch block.scope {
            case .paragraph, .listItem, .tableCell:
                let units = SentenceSplitter.split(block.text)
                let ranges = units.flatMap(\.sentences)
                if ranges.isEmpty {
                    sentenceRanges.append((index, start..<start + length))
                } else {
                    for range in ranges { sentenceRanges.append((index, start + range.lowerBound..<start + range.upperBound)) }
                }
            default:
                sentenceRanges.append((index, start..<start + length))
            }
        }

        // Sections from headings.
        var sections: [SectionView] = []
        var open: [Int] = []  // indices into `sections`, innermost last
        var sectionOf: [Int?] = []
        var bounds: [(start: Int, end: Int)] = []
        for (sentenceIndex, entry) in sentenceRanges.enumerated() {
            if case let .heading(level) = blocks[entry.block].scope,
               sentenceIndex == 0 || sentenceRanges[sentenceIndex - 1].block != entry.block {
                while let last = open.last, sections[last].level >= level {
                    bounds[last].end = sentenceIndex
                    open.removeLast()
                }
                sections.append(SectionView(heading: sentenceIndex, level: level, parent: open.last, sentences: sentenceIndex..<sentenceIndex))
                bounds.append((sentenceIndex, sentenceRanges.count))
                open.append(sections.count - 1)
            }
            sectionOf.append(open.last)
        }
        sections = sections.indices.map {
            SectionView(heading: sections[$0].heading, level: sections[$0].level, parent: sections[$0].parent,
                        sentences: bounds[$0].start..<bounds[$0].end)
        }

        // Figures, narrative and evaluative sentences.
        let numerals = NumeralAnchors(text: text)
        let figures = FigureScanner.scan(text, anchors: numerals).filter(\.kind.isResult)
        var figureCounts = [Int](repeating: 0, count: sentenceRanges.count)
        var finder = SentenceFinder(sentenceRanges)
        for figure in figures {
            if let sentence = finder.sentence(containing: figure.range.lowerBound) { figureCounts[sentence] += 1 }
        }
        var narrative = [Bool](repeating: false, count: sentenceRanges.count)
        var evaluative = [Bool](repeating: false, count: sentenceRanges.count)
        var scratch = text
        scratch.withUTF8 { bytes in
            for lead in DateScanner.chronicleLeads(in: text, anchors: numerals) {
                // A chronicle sentence or clause opens with its date ("Ngày 5/3, tổ chức …", "…; ngày 8/3, …"):
                // only bullets, spaces or a clause break may stand before the date in its sentence.
                let start = lead.lowerBound
                if let sentence = finder.sentence(containing: start),
                   Self.opensClause(bytes, at: start, sentenceStart: sentenceRanges[sentence].range.lowerBound) {
                    narrative[sentence] = true
                }
            }
            // A figure with a percent sign ("98%", "98 %") evaluates; so do the evaluation words, found with the concepts below.
            for percent in Self.percentFigures(in: bytes) {
                if let sentence = finder.sentence(containing: percent) { evaluative[sentence] = true }
            }
        }

        // One token scan: the syllable summary, syllables per sentence and the abbreviations.
        let (summary, syllablesPerSentence, abbreviationTokens) = SyllableSummary.counting(text, units: sentenceRanges.map(\.range))
        // Concept occurrences (and evaluation words), with negation.
        let undiacritised = summary.looksUndiacritised
        let matches = try (undiacritised ? foldedMatcher.get() : matcher).indexedMatches(in: text)
        // Gathered per set by its index, then keyed by name once per set.
        var bySet = [[Occurrence]](repeating: [], count: setNames.count)
        var negation = NegationReader(text: text)
        for match in matches {
            guard let sentence = finder.sentence(containing: match.range.lowerBound) else { continue }
            if match.set == evaluationIndex {
                evaluative[sentence] = true
                continue
            }
            let role = BlockRole(blocks[sentenceRanges[sentence].block].scope)
            if role == .heading && bodyOnly[match.set] { continue }
            let negated = negation.isNegated(match.range, sentence: sentenceRanges[sentence].range)
            bySet[match.set].append(Occurrence(concept: setNames[match.set], sentence: sentence, range: match.range, negated: negated))
        }
        var occurrences: [String: [Occurrence]] = [:]
        for (set, list) in bySet.enumerated() where !list.isEmpty { occurrences[setNames[set]] = list }
        // Let go now: a list replaced below must not stay alive through `bySet`.
        bySet = []

        // A heading whose section only denies the concept ("IV. Bài học kinh nghiệm" followed by "chưa
        // rút ra được bài học") does not state it either. Occurrences are in sentence order, so the
        // section's body is found by binary search.
        let sectionByHeading = CheckDocument.SectionsByHeading(sections)
        for (concept, list) in occurrences where list.contains(where: { sectionByHeading[$0.sentence] != nil }) {
            let order = list.map(\.sentence)
            func firstIndex(atOrAfter sentence: Int) -> Int { order.partitioningIndex { $0 >= sentence } }
            occurrences[concept] = list.map { occurrence in
                guard !occurrence.negated, let section = sectionByHeading[occurrence.sentence] else { return occurrence }
                let body = sections[section].sentences.dropFirst()
                guard let first = body.first else { return occurrence }
                var denied = false
                for index in firstIndex(atOrAfter: first)..<firstIndex(atOrAfter: body.upperBound) {
                    if !list[index].negated { return occurrence }
                    denied = true
                }
                guard denied else { return occurrence }
                return Occurrence(concept: concept, sentence: occurrence.sentence, range: occurrence.range, negated: true)
            }
        }

        var sentences: [SentenceView] = []
        sentences.reserveCapacity(sentenceRanges.count)
        for (index, entry) in sentenceRanges.enumerated() {
            let role = BlockRole(blocks[entry.block].scope)
            let isBody = role == .paragraph || role == .listItem || role == .tableCell
            sentences.append(SentenceView(
                block: entry.block, role: role, range: entry.range, section: sectionOf[index],
                figureCount: figureCounts[index],
                isNarrative: isBody && narrative[index] && !evaluative[index],
                isEvaluative: isBody && evaluative[index],
                syllables: syllablesPerSentence[index]))
        }
        let body = sentences.filter { $0.role == .paragraph || $0.role == .listItem || $0.role == .tableCell }
        let narrativeCount = body.filter(\.isNarrative).count
        let evaluativeCount = body.filter(\.isEvaluative).count
        let statistics = TextStatistics(
            syllables: summary.total,
            sentences: body.count,
            narrativeShare: narrativeCount + evaluativeCount == 0 ? 0 : Double(narrativeCount) / Double(narrativeCount + evaluativeCount),
            figuresPerThousand: summary.total == 0 ? 0 : (Double(figures.count) * 1000 / Double(summary.total) * 10).rounded() / 10)

        let locate: @Sendable (Int) -> SourceLocation = { joined.sourceLocation(at: $0) }
        return CheckDocument(
            path: document.path, text: text, sentences: sentences, sections: sections, occurrences: occurrences,
            form: FormReader.read(blocks: blocks), statistics: statistics,
            issues: TextIssues.find(in: text, document: document, blockStarts: blockStarts, summary: summary,
                                    abbreviations: abbreviationTokens),
            locate: locate)
    }

    /// Finds the sentences holding a run of offsets. Offsets mostly come in text order (matches,
    /// figures, dates): the search walks on from the sentence found last, and searches by halves
    /// when the offset lies before it or more than a few sentences after it.
    struct SentenceFinder {
        private let ranges: [(block: Int, range: Range<Int>)]
        private var last = 0
        /// Sentences walked before a search by halves takes over.
        private static let walk = 8

        init(_ ranges: [(block: Int, range: Range<Int>)]) { self.ranges = ranges }

        /// The index of the sentence whose range holds `offset` (or ends at it).
        mutating func sentence(containing offset: Int) -> Int? {
            guard !ranges.isEmpty else { return nil }
            // The last sentence starting at or before `offset` (the first when none does).
            var low = ranges[last].range.lowerBound <= offset ? last : 0
            var steps = 0
            while low + 1 < ranges.count, steps < Self.walk, ranges[low + 1].range.lowerBound <= offset {
                low += 1
                steps += 1
            }
            if steps == Self.walk || low == 0 {
                low = max(low, ranges[low...].partitioningIndex { $0.range.lowerBound > offset } - 1)
            }
            last = low
            return ranges[low].range.contains(offset) || ranges[low].range.upperBound == offset ? low : nil
        }
    }

    /// Whether only spaces and bullets ("-", "+", "*", "–", "—", "•", "◦") stand between the start of
    /// the sentence, or a ";" that opens a clause in it, and `offset`.
    static func opensClause(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int, sentenceStart: Int) -> Bool {
        let bullets: [[UInt8]] = [[0xE2, 0x80, 0x93], [0xE2, 0x80, 0x94], [0xE2, 0x80, 0xA2], [0xE2, 0x97, 0xA6]]
        var index = offset
        while index > sentenceStart {
            let byte = bytes[index - 1]
            if byte == 0x3B { return true }
            if byte == 0x20 || byte == 0x09 || byte == 0x2D || byte == 0x2B || byte == 0x2A {
                index -= 1
            } else if index - 3 >= sentenceStart, bullets.contains(Array(bytes[(index - 3)..<index])) {
                index -= 3
            } else {
                return false
            }
        }
        return true
    }

    /// Words of evaluation: comparison, achievement against targets, shortfalls, causes, effect.
    static let evaluationWords = [
        "so với", "so cùng kỳ", "đạt", "vượt", "chưa", "chỉ tiêu", "nguyên nhân", "hiệu quả", "hạn chế", "tồn tại",
        "tăng", "giảm", "tỷ lệ", "bài học", "kinh nghiệm", "đánh giá", "yếu kém", "bất cập",
    ]

    /// Where each percent sign right after a digit (a space, tab or no-break space allowed between) is.
    static func percentFigures(in bytes: UnsafeBufferPointer<UInt8>) -> [Int] {
        var found: [Int] = []
        var index = 0
        while let percent = bytes.firstOffset(of: 0x25, from: index) {
            var before = percent - 1
            if before >= 0 && (bytes[before] == 0x20 || bytes[before] == 0x09) {
                before -= 1
            } else if before >= 1 && bytes[before - 1] == 0xC2 && bytes[before] == 0xA0 {
                before -= 2
            }
            if before >= 0, bytes[before] &- 0x30 < 10 { found.append(percent) }
            index = percent + 1
        }
        return found
    }
}

extension BlockRole {
    /// The role of a block of this scope.
    init(_ scope: BlockScope) {
        switch scope {
        case .title: self = .title
        case .heading: self = .heading
        case .paragraph: self = .paragraph
        case .listItem: self = .listItem
        case .tableCell: self = .tableCell
        case .headerBlock: self = .headerBlock
        case .signature: self = .signature
        case .recipients: self = .recipients
        }
    }
}
