// Reporters: JSON. The versioned result contract, pretty-printed with sorted keys.
import ComplianceEngine
import Foundation

/// The JSON contract (version 1): `{"version", "documents": [...], "errors": [...]}`.
public enum JSONReporter: Reporter {
    public static let identifier = "json"

    /// Documents are encoded one by one, on all cores a group at a time, and spliced into the run's
    /// encoding: the same bytes as encoding the run whole, without the encoder's tree of every
    /// document of a large batch.
    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        let encoder = makeEncoder()
        var skeleton = run
        skeleton.documents = []
        let frame = String(decoding: try encoder.encode(skeleton), as: UTF8.self)
        let opening = "\"documents\" : ["
        // With no documents the skeleton is the run.
        guard !run.documents.isEmpty else { return frame + "\n" }
        guard let start = frame.range(of: opening), let close = frame[start.upperBound...].firstIndex(of: "]") else {
            return String(decoding: try encoder.encode(run), as: UTF8.self) + "\n"
        }
        // Pieces are kept as they come and copied once into the output, whose size is then known: a
        // growing buffer would leave its outgrown copies behind, as large as the output itself.
        var pieces: [[UInt8]] = [Array(frame[..<start.upperBound].utf8) + [0x0A]]
        // A group of documents at a time: the encoder's trees held at once stay few.
        let group = 16 * Batch.defaultWorkers
        for groupStart in stride(from: 0, to: run.documents.count, by: group) {
            let documents = Array(run.documents[groupStart..<min(run.documents.count, groupStart + group)])
            let encoded = Batch.map(documents) { document in Result { try indented(makeEncoder().encode(document)) } }
            for piece in encoded {
                var piece = try piece.get()
                // Every document but the last: its closing line break becomes ",\n".
                if pieces.count < run.documents.count {
                    piece.removeLast()
                    piece.append(contentsOf: ",\n".utf8)
                }
                pieces.append(piece)
            }
        }
        pieces.append(Array("  ".utf8) + Array(frame[close...].utf8) + [0x0A])
        let total = pieces.reduce(0) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var offset = 0
            for piece in pieces {
                _ = UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: piece)
                offset += piece.count
            }
            return offset
        }
    }

    private static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `encoded` as an item of the run's "documents" array: each line two levels in (an empty
    /// line, which an empty array prints, stays empty), each line ended.
    static func indented(_ encoded: Data) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(encoded.count + encoded.count / 8)
        // Line by line, each found with memchr and copied whole: Data's own iterator costs a call per byte.
        encoded.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                let end = bytes.firstOffset(of: 0x0A, from: start).map { $0 + 1 } ?? bytes.count
                // An empty line (a lone line break) is not indented.
                if bytes[start] != 0x0A { out.append(contentsOf: repeatElement(0x20, count: 4)) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                start = end
            }
        }
        if let last = out.last, last != 0x0A { out.append(0x0A) }
        return out
    }
}
