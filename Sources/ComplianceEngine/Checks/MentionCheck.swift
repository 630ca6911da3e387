// ComplianceEngine: the `mention` check. A concept stated, not denied, with its qualifiers and enough substance.
import RuleModel
import VietnameseText

/// A concept stated at least `min` times in scope, not negated; optionally qualified
/// ("nguyên nhân" with "khách quan" and "chủ quan"; "kiến nghị" with an addressee).
///
/// Missing when never stated (or only denied); partial when stated but with too few mentions,
/// too few qualifiers, or too little substance; met otherwise.
public struct MentionCheck: Check {
    public static let kind = "mention"

    private struct Definition: Decodable {
        let kind: String
        let concept: String
        let scope: String?
        let min: Int?
        let qualifiers: [String]?
        let need: Int?
        let window: Int?
        let substance: Int?
    }

    let concept: String
    let scope: Scope
    let minimum: Int
    let qualifiers: [String]
    /// How each qualifier is named in details ("Nhà nước" rather than "nha-nuoc").
    let qualifierLabels: [String: String]
    let need: Int
    let window: Int?
    let substance: Int

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        concept = try concepts.resolve(spec.concept, at: definition)
        scope = try Scope.parse(spec.scope, definition: definition, concepts: concepts)
        minimum = max(1, spec.min ?? 1)
        qualifiers = try (spec.qualifiers ?? []).map { try concepts.resolve($0, at: definition) }
        qualifierLabels = Dictionary(uniqueKeysWithValues: qualifiers.map { ($0, concepts.label($0)) })
        need = spec.need ?? qualifiers.count
        guard need <= qualifiers.count else {
            throw definition.error("'need: \(need)' asks for more qualifiers than the \(qualifiers.count) listed")
        }
        window = spec.window
        substance = max(1, spec.substance ?? 1)
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        let ranges = scope.ranges(in: document)
        let mentions = ranges.flatMap { document.mentions(of: concept, in: $0) }
        let denied = ranges.flatMap { document.mentions(of: concept, in: $0, includeNegated: true) }.filter(\.negated)
        guard !mentions.isEmpty else {
            let detail = denied.isEmpty ? "không thấy nội dung này" : "chỉ có câu phủ định: \(document.sentenceText(denied[0].sentence))"
            return CheckOutcome(status: .missing, detail: detail)
        }
        let sentences = CheckDocument.distinctSentences(of: mentions)
        var evidence = sentences.prefix(3).map { (sentence: $0, item: String?.none) }
        var problems: [String] = []
        if sentences.count < minimum { problems.append("nêu \(sentences.count)/\(minimum) lần") }

        var found: [String] = []
        for qualifier in qualifiers {
            let first = ranges.lazy.flatMap { document.mentions(of: qualifier, in: $0) }.first { hit in
                guard let window else { return true }
                return Self.hasSentence(near: hit.sentence, within: window, in: sentences)
            }
            if let first {
                found.append(qualifier)
                if !evidence.contains(where: { $0.sentence == first.sentence }) { evidence.append((first.sentence, nil)) }
            }
        }
        if found.count < need {
            let absent = qualifiers.filter { !found.contains($0) }.map { qualifierLabels[$0] ?? $0 }
            problems.append("thiếu: \(absent.joined(separator: "; "))")
        }
        let content = contentSentences(for: sentences, in: document)
        if content < substance { problems.append("nội dung sơ sài (\(content) câu)") }
        let status: RequirementStatus = problems.isEmpty ? .met : .partial
        let detail = problems.isEmpty ? "nêu \(sentences.count) lần" : problems.joined(separator: "; ")
        return CheckOutcome(status: status, evidence: evidence, detail: detail)
    }

    /// Whether ascending `sentences` hold one at most `window` sentences from `sentence`.
    static func hasSentence(near sentence: Int, within window: Int, in sentences: [Int]) -> Bool {
        let low = sentences.partitioningIndex { $0 >= sentence - window }
        return low < sentences.count && sentences[low] <= sentence + window
    }

    /// Units of content in one sentence: the clauses of a list written inline ("Bài học: một là ...;
    /// hai là ...; ba là ...") count one each when they hold four words or more.
    static func clauses(in sentence: Substring.UTF8View) -> Int {
        // A native string lends its bytes; stepping through the view itself is several times slower.
        sentence.withContiguousStorageIfAvailable { bytes in
            // Without a ";" the sentence is one unit whatever its words: memchr settles most sentences.
            guard bytes.firstOffset(of: 0x3B) != nil else { return 1 }
            return clauses(inBytes: bytes)
        } ?? clauses(inBytes: sentence)
    }

    private static func clauses(inBytes sentence: some Sequence<UInt8>) -> Int {
        var parts = 0, words = 0
        var inWord = false
        for byte in sentence {
            switch byte {
            case 0x3B:  // ";" ends a clause
                if words >= 4 { parts += 1 }
                words = 0
                inWord = false
            case 0x20:
                inWord = false
            default:
                if !inWord { words += 1 }
                inWord = true
            }
        }
        if words >= 4 { parts += 1 }
        return max(1, parts)
    }

    /// Whether a sentence ends with ":" (before trailing spaces): it introduces a list.
    static func introducesList(_ sentence: Substring.UTF8View) -> Bool {
        for byte in sentence.reversed() where byte != 0x20 && byte != 0x09 && byte != 0xA0 && byte != 0xC2 {
            return byte == 0x3A
        }
        return false
    }

    /// Sentences of content behind the mentions: a section headed by the concept counts its body, and a
    /// sentence that introduces a list (ends with ":") counts the sentences after it in its section, and
    /// a list written inside one sentence counts its clauses.
    private func contentSentences(for sentences: [Int], in document: CheckDocument) -> Int {
        var best = 0
        var plain = 0
        var counted = 0  // the end of the last run of sentences counted after a list's opening
        for index in sentences {
            let view = document.sentences[index]
            if view.role == .heading, let section = document.section(headedBy: index) {
                best = max(best, document.sections[section].sentences.count - 1)
            } else if Self.introducesList(document.sentenceUTF8(index)) {
                // Inside a run already counted, fewer sentences follow: the count cannot grow.
                guard index >= counted else { continue }
                var following = 0
                var next = index + 1
                while next < document.sentences.count, document.sentences[next].role != .heading,
                      document.sentences[next].section == view.section {
                    following += 1
                    next += 1
                }
                counted = next
                best = max(best, following)
            } else {
                plain += Self.clauses(in: document.sentenceUTF8(index))
            }
        }
        return max(best, plain)
    }
}
