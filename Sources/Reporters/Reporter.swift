// Reporters: the reporter protocol. One type per output format, each a pure function of the results.
import ComplianceEngine

/// What a reporter may need besides the results.
public struct ReportContext: Sendable {
    /// "vi" or "en".
    public var language: String
    /// Whether the output goes to a terminal (colours allowed).
    public var colour: Bool

    public init(language: String = "vi", colour: Bool = false) {
        self.language = language
        self.colour = colour
    }
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
        let types: [any Reporter.Type] = [TextReporter.self, JSONReporter.self]
        return Dictionary(uniqueKeysWithValues: types.map { ($0.identifier, $0) })
    }()
}
