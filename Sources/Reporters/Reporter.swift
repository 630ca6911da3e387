// Reporters: the reporter protocol. One type per output format, each a pure function of the results.
import ComplianceEngine

/// What a reporter may need besides the results.
///
/// Results say what was found; formats for tools also describe the tool and its rules (SARIF's
/// `tool.driver.rules`, the titles of GitHub annotations) and some count columns in UTF-8 bytes
/// (reviewdog). Those facts belong to the run, not to each result, so they travel here: the CLI fills
/// ``rules`` from the packs it checked with (``RuleDescriptor/catalogue(of:language:)``), ``tool`` from
/// its version, and ``sourceText`` with ``SourceText/reader(encoding:)``. A reporter given none of them
/// still writes valid output: rules are then described by their IDs and columns stay in characters.
public struct ReportContext: Sendable {
    /// "vi" or "en".
    public var language: String
    /// Whether the output goes to a terminal (colours allowed).
    public var colour: Bool
    /// The tool that produced the results.
    public var tool: ToolInfo
    /// Every requirement and rule of the packs the reports were checked with, in pack order; IDs are
    /// unique (a base pack's rule shared by two packs appears once).
    public var rules: [RuleDescriptor] { didSet { ruleIndex = Self.index(rules) } }
    /// The decoded text of a checked report by its path, for formats that count columns in UTF-8 bytes;
    /// nil when it cannot be had (standard input, Word files), and columns then stay in characters.
    public var sourceText: @Sendable (String) -> String?

    public init(language: String = "vi", colour: Bool = false, tool: ToolInfo = .soatxet, rules: [RuleDescriptor] = [],
                sourceText: @escaping @Sendable (String) -> String? = { _ in nil }) {
        self.language = language
        self.colour = colour
        self.tool = tool
        self.rules = rules
        self.ruleIndex = Self.index(rules)
        self.sourceText = sourceText
    }

    /// The descriptor of a requirement or rule by ID, when the context has it.
    public func rule(_ id: String) -> RuleDescriptor? { ruleIndex[id].map { rules[$0] } }

    /// The position of a rule in ``rules`` by ID, kept with ``rules`` (reporters look rules up per finding).
    private(set) var ruleIndex: [String: Int]

    private static func index(_ rules: [RuleDescriptor]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, rule) in rules.enumerated() where index[rule.id] == nil { index[rule.id] = position }
        return index
    }

    /// Vietnamese or English text, by the context's language.
    func pick(_ vi: String, _ en: String) -> String { language == "en" ? en : vi }
}

/// The tool that produced the results, as formats for tools name it.
public struct ToolInfo: Sendable, Equatable {
    /// The tool's name.
    public var name: String
    /// Its version ("0.1.0").
    public var version: String
    /// Where people can read about it, an absolute URI; nil while the project publishes none.
    public var informationURI: String?

    public init(name: String, version: String, informationURI: String? = nil) {
        self.name = name
        self.version = version
        self.informationURI = informationURI
    }

    /// soatxet, at the version the CLI gives (set ``version`` from it).
    public static let soatxet = ToolInfo(name: "soatxet", version: "0.1.0")
}

/// Turns a run's results into one output format.
public protocol Reporter: Sendable {
    /// The `--format` name.
    static var identifier: String { get }
    /// The whole output for `run`.
    static func report(_ run: RunResult, context: ReportContext) throws -> String
}

/// Every reporter. A new format is one file and one line here.
public enum Reporters {
    /// The reporters by `--format` name.
    public static let all: [String: any Reporter.Type] = {
        let types: [any Reporter.Type] = [
            TextReporter.self, JSONReporter.self, SARIFReporter.self, JUnitReporter.self, GitHubReporter.self,
            CheckstyleReporter.self, MarkdownReporter.self, RDJSONReporter.self,
        ]
        return Dictionary(uniqueKeysWithValues: types.map { ($0.identifier, $0) })
    }()
}

/// A score as the reports write it: whole numbers without a decimal point ("95", "87.5").
public enum Score {
    /// `value` in words of digits.
    public static func text(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
