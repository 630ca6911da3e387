// Reporters: SARIF 2.1.0. One run: the tool with every rule, results at physical locations, input errors.
import ComplianceEngine
import Foundation

/// SARIF 2.1.0 (OASIS), as GitHub code scanning and other static-analysis viewers load it.
///
/// - `tool.driver.rules`: every requirement and rule of the context's packs (``ReportContext/rules``),
///   with the title as `shortDescription` and the directive clause as `fullDescription` and `help`;
///   a rule a finding names that the context lacks is described by its ID.
/// - `results`: one per finding, unmet requirements included (the engine anchors them at the report's
///   title line): `ruleId`, `ruleIndex`, `level` (error, warning, note), `message`, one physical location
///   (relative `uri` against `%SRCROOT%`; region with `endColumn` one past the last character, columns
///   in Unicode code points), `partialFingerprints` by rule, text and occurrence (not by line), and a
///   `fix` when the rule's suggestion is replacement text.
/// - `invocations[0]`: `executionSuccessful` false when an input could not be read, each such input as
///   an error notification at its path.
public enum SARIFReporter: Reporter {
    public static let identifier = "sarif"

    /// The schema the output follows.
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The key of soatxet's fingerprint in `partialFingerprints`.
    public static let fingerprintKey = "soatxetFinding/v1"

    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        var rules = context.rules
        var index = context.ruleIndex
        for document in run.documents {
            for finding in document.findings where index[finding.rule] == nil {
                index[finding.rule] = rules.count
                rules.append(RuleDescriptor(id: finding.rule, pack: document.pack, kind: .rule, title: finding.rule,
                                            clause: "", severity: finding.severity))
            }
        }
        var results: [Result] = []
        for document in run.documents {
            let fingerprints = Fingerprint.of(document)
            let (uri, relative) = ReportPath.uri(document.path)
            let artifact = ArtifactLocation(uri: uri, uriBaseId: relative ? "%SRCROOT%" : nil)
            for (finding, fingerprint) in zip(document.findings, fingerprints) {
                let position = index[finding.rule]!
                let region = Region(startLine: finding.line, startColumn: finding.column, endLine: finding.endLine,
                                    endColumn: finding.endColumn + 1, snippet: finding.excerpt.isEmpty ? nil : Message(text: finding.excerpt))
                var fixes: [Fix]?
                if let suggestion = finding.suggestion, rules[position].suggestionsReplaceText {
                    fixes = [Fix(description: Message(text: suggestion), artifactChanges: [ArtifactChange(
                        artifactLocation: artifact,
                        replacements: [Replacement(deletedRegion: Region(startLine: finding.line, startColumn: finding.column,
                                                                         endLine: finding.endLine, endColumn: finding.endColumn + 1),
                                                   insertedContent: ArtifactContent(text: suggestion))])])]
                }
                results.append(Result(
                    ruleId: finding.rule, ruleIndex: position, level: level(finding.severity),
                    message: Message(text: finding.message),
                    locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: artifact, region: region))],
                    partialFingerprints: [fingerprintKey: fingerprint], fixes: fixes))
            }
        }
        let notifications = run.errors.map { error in
            let (uri, relative) = ReportPath.uri(error.path)
            return Notification(
                level: "error", message: Message(text: error.located),
                locations: [Location(physicalLocation: PhysicalLocation(
                    artifactLocation: ArtifactLocation(uri: uri, uriBaseId: relative ? "%SRCROOT%" : nil), region: nil))])
        }
        let log = Log(
            schema: schemaURI, version: "2.1.0",
            runs: [Run(
                tool: Tool(driver: Driver(
                    name: context.tool.name, version: context.tool.version, semanticVersion: context.tool.version,
                    informationUri: context.tool.informationURI,
                    rules: rules.map(descriptor))),
                invocations: [Invocation(executionSuccessful: run.errors.isEmpty,
                                         toolExecutionNotifications: notifications.isEmpty ? nil : notifications)],
                language: context.language, columnKind: "unicodeCodePoints", results: results)])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(log), as: UTF8.self) + "\n"
    }

    static func level(_ severity: FindingSeverity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    private static func descriptor(_ rule: RuleDescriptor) -> ReportingDescriptor {
        let description = rule.clause.isEmpty ? rule.title : "«\(rule.clause)»"
        return ReportingDescriptor(
            id: rule.id, shortDescription: Message(text: rule.title), fullDescription: Message(text: description),
            help: Message(text: description), defaultConfiguration: Configuration(level: level(rule.severity)),
            properties: Properties(tags: [rule.kind.rawValue, rule.pack]))
    }

    // The SARIF objects written; property names are SARIF's.
    private struct Log: Encodable {
        let schema: String
        let version: String
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    private struct Run: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let language: String
        let columnKind: String
        let results: [Result]
    }
    private struct Tool: Encodable { let driver: Driver }
    private struct Driver: Encodable {
        let name: String
        let version: String
        let semanticVersion: String
        let informationUri: String?
        let rules: [ReportingDescriptor]
    }
    private struct ReportingDescriptor: Encodable {
        let id: String
        let shortDescription: Message
        let fullDescription: Message
        let help: Message
        let defaultConfiguration: Configuration
        let properties: Properties
    }
    private struct Configuration: Encodable { let level: String }
    private struct Properties: Encodable { let tags: [String] }
    private struct Message: Encodable { let text: String }
    private struct Invocation: Encodable {
        let executionSuccessful: Bool
        let toolExecutionNotifications: [Notification]?
    }
    private struct Notification: Encodable {
        let level: String
        let message: Message
        let locations: [Location]
    }
    private struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let fixes: [Fix]?
    }
    private struct Location: Encodable { let physicalLocation: PhysicalLocation }
    private struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }
    private struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }
    private struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
        var snippet: Message? = nil
    }
    private struct Fix: Encodable {
        let description: Message
        let artifactChanges: [ArtifactChange]
    }
    private struct ArtifactChange: Encodable {
        let artifactLocation: ArtifactLocation
        let replacements: [Replacement]
    }
    private struct Replacement: Encodable {
        let deletedRegion: Region
        let insertedContent: ArtifactContent
    }
    private struct ArtifactContent: Encodable { let text: String }
}
