// ComplianceEngine: the check protocol. One check kind per file behind it, registered in one list.
import RuleModel

/// What a check concluded about one document.
public struct CheckOutcome: Sendable {
    /// The requirement's status (rules ignore it).
    public var status: RequirementStatus
    /// Item statuses, for checks with items.
    public var items: [ItemResult]
    /// Sentence indices that satisfied the check, with the item each is for.
    public var evidence: [(sentence: Int, item: String?)]
    /// What the check saw, in words, for the report and the `{detail}` placeholder of messages.
    public var detail: String
    /// Places a rule flags (byte ranges in the document text), with an optional message and suggestion.
    public var flags: [Flag]

    public init(status: RequirementStatus, items: [ItemResult] = [], evidence: [(sentence: Int, item: String?)] = [],
                detail: String = "", flags: [Flag] = []) {
        self.status = status
        self.items = items
        self.evidence = evidence
        self.detail = detail
        self.flags = flags
    }
}

/// A place a rule flags.
public struct Flag: Sendable {
    /// UTF-8 byte range in the document text.
    public let range: Range<Int>
    /// Words filled into the rule's message as `{detail}`.
    public let detail: String
    /// A replacement or fix, when the rule knows one.
    public let suggestion: String?

    public init(range: Range<Int>, detail: String = "", suggestion: String? = nil) {
        self.range = range
        self.detail = detail
        self.suggestion = suggestion
    }
}

/// One kind of check (`section`, `coverage`, `mention`, ...): decodes and validates its YAML once, then runs.
public protocol Check: Sendable {
    /// The `kind:` name in YAML.
    static var kind: String { get }
    /// Decodes and validates the definition, resolving concept names through `concepts`.
    init(definition: DeferredNode, concepts: ConceptBook) throws
    /// Judges one prepared document.
    func run(_ document: CheckDocument) -> CheckOutcome
    /// Whether this kind's flag suggestions are replacement text for the flagged range (a fix a tool may
    /// apply, as reviewdog and SARIF do) rather than advice in words. False unless the kind says so.
    static var suggestionsReplaceText: Bool { get }
}

extension Check {
    public static var suggestionsReplaceText: Bool { false }
}

/// Every check kind. A new kind is one file and one line here.
public enum CheckRegistry {
    /// The kinds, by YAML name.
    public static let kinds: [String: any Check.Type] = {
        let types: [any Check.Type] = [
            SectionCheck.self, CoverageCheck.self, MentionCheck.self, NearCheck.self, MetricCheck.self,
            PhraseCheck.self, ConsistencyCheck.self, DateCheck.self, FormatCheck.self, TextIssueCheck.self,
        ]
        return Dictionary(uniqueKeysWithValues: types.map { ($0.kind, $0) })
    }()

    /// Builds the check a definition names.
    static func make(_ definition: DeferredNode, concepts: ConceptBook) throws -> any Check {
        guard let kind = definition.node["kind"]?.string else {
            throw definition.error("a check needs 'kind:' (one of: \(kinds.keys.sorted().joined(separator: ", ")))")
        }
        guard let type = kinds[kind] else {
            throw definition.error("unknown check kind '\(kind)'; expected one of: \(kinds.keys.sorted().joined(separator: ", "))")
        }
        return try type.init(definition: definition, concepts: concepts)
    }
}

/// The concepts a pack defines, and those its checks use (inline phrase lists become concepts too).
public final class ConceptBook: @unchecked Sendable {
    private let defined: [String: Concept]
    /// The concepts checks asked for, by name: only these are matched in documents.
    public private(set) var used: [String: Concept] = [:]

    /// A book over a pack's defined concepts.
    public init(defined: [String: Concept]) { self.defined = defined }

    /// The name of a defined concept, registered as used; throws at `node` when it is not defined.
    public func resolve(_ name: String, at definition: DeferredNode) throws -> String {
        guard let concept = defined[name] else {
            let near = defined.keys.filter { $0.hasPrefix(String(name.prefix(4))) }.sorted()
            throw definition.error("unknown concept '\(name)'" + (near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"))
        }
        used[name] = concept
        return name
    }

    /// How a concept is named to people: its description, or else its first phrase.
    public func label(_ name: String) -> String {
        guard let concept = used[name] ?? defined[name] else { return name }
        return concept.description ?? concept.phrases.first ?? name
    }

    /// Registers phrases written inline in a check as a concept named `name`.
    public func inline(_ name: String, phrases: [String], exclude: [String] = []) -> String {
        used[name] = Concept(phrases: phrases, exclude: exclude)
        return name
    }
}

/// Where in the document a check looks.
public enum Scope: Sendable, Equatable {
    /// The whole report.
    case document
    /// Sections whose heading mentions the concept (with their subsections); the whole report when it
    /// has no headings at all.
    case section(String)

    /// Decodes `document` or `section:<concept>`.
    static func parse(_ text: String?, definition: DeferredNode, concepts: ConceptBook) throws -> Scope {
        guard let text, text != "document" else { return .document }
        if text.hasPrefix("section:") {
            return .section(try concepts.resolve(String(text.dropFirst("section:".count)), at: definition))
        }
        throw definition.error("unknown scope '\(text)'; expected 'document' or 'section:<concept>'")
    }

    /// The sentence ranges this scope covers in `document`; empty when the section is absent.
    func ranges(in document: CheckDocument) -> [Range<Int>] {
        switch self {
        case .document:
            return [0..<document.sentences.count]
        case let .section(concept):
            // A report without headings has no sections to look in: read all of it.
            if document.sections.isEmpty { return [0..<document.sentences.count] }
            return document.sections(about: concept).map { document.sections[$0].sentences }
        }
    }
}
