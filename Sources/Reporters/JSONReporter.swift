// Reporters: JSON. The versioned result contract, pretty-printed with sorted keys.
import ComplianceEngine
import Foundation

/// The JSON contract (version 1): `{"version", "documents": [...], "errors": [...]}`.
public enum JSONReporter: Reporter {
    public static let identifier = "json"

    /// Documents are encoded one at a time and spliced into the run's encoding: the same bytes as
    /// encoding the run whole, without the encoder's tree of every document of a large batch.
    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var skeleton = run
        skeleton.documents = []
        let frame = String(decoding: try encoder.encode(skeleton), as: UTF8.self)
        let opening = "\"documents\" : ["
        guard !run.documents.isEmpty, let start = frame.range(of: opening),
              let close = frame[start.upperBound...].firstIndex(of: "]") else {
            return String(decoding: try encoder.encode(run), as: UTF8.self) + "\n"
        }
        var output = String(frame[..<start.upperBound])
        output.reserveCapacity(frame.utf8.count + run.documents.count * 16_384)
        output += "\n"
        for (index, document) in run.documents.enumerated() {
            // Each line two levels in: the document is an item of the run's "documents" array.
            let encoded = String(decoding: try encoder.encode(document), as: UTF8.self)
            for line in encoded.split(separator: "\n", omittingEmptySubsequences: false) {
                if !line.isEmpty { output += "    " }  // an empty array prints an empty line
                output += line
                output += "\n"
            }
            if index < run.documents.count - 1 { output.removeLast(); output += ",\n" }
        }
        output += "  "
        output += frame[close...]
        return output + "\n"
    }
}
