// Reporters: JSON. The versioned result contract, pretty-printed with sorted keys.
import ComplianceEngine
import Foundation

/// The JSON contract (version 1): `{"version", "documents": [...], "errors": [...]}`.
public enum JSONReporter: Reporter {
    public static let identifier = "json"

    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(run), as: UTF8.self) + "\n"
    }
}
