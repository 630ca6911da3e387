// Reporters: JSON. The versioned result contract, pretty-printed with sorted keys.
import ComplianceEngine

/// The JSON contract (version 1): `{"version", "documents": [...], "errors": [...]}`.
///
/// The bytes are those of Foundation's `JSONEncoder` (pretty-printed, keys sorted, slashes left
/// unescaped) on the run's `Codable` form, which the tests hold them to. They are written directly
/// (``PrettyJSON``): the encoder's generic containers cost a tenth of checking the reports.
public enum JSONReporter: Reporter {
    public static let identifier = "json"

    /// Documents are written one by one, on all cores a group at a time, and joined in order.
    public static func report(_ run: RunResult, context: ReportContext) throws -> String {
        // A group of documents at a time: the pieces written at once stay few.
        var pieces: [[UInt8]] = []
        pieces.reserveCapacity(run.documents.count)
        let group = 16 * Batch.defaultWorkers
        for groupStart in stride(from: 0, to: run.documents.count, by: group) {
            let documents = Array(run.documents[groupStart..<min(run.documents.count, groupStart + group)])
            for piece in Batch.map(documents, { document in Result { try written(document, level: 2) } }) {
                pieces.append(try piece.get())
            }
        }
        var parts: [[UInt8]] = []
        var json = PrettyJSON()
        try json.object { json in
            json.member("documents", moving: &pieces, into: &parts)
            try json.member("errors", run.errors)
            json.member("version", run.version)
        }
        json.endLine()
        parts.append(json.takeBytes())
        return joined(&parts)
    }

    /// `value` written `level` containers deep, in an array of its size: the pieces of a large
    /// batch are all held at once, and a grown buffer may be twice the size of what it holds.
    private static func written(_ value: some JSONWritable, level: Int) throws -> [UInt8] {
        var json = PrettyJSON(level: level, capacity: 16 * 1024)
        try value.write(to: &json)
        let bytes = json.takeBytes()
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        }
    }

    /// `parts` joined into one string, each let go once copied: the output is held about once,
    /// not twice.
    private static func joined(_ parts: inout [[UInt8]]) -> String {
        let total = parts.reduce(0) { $0 + $1.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var offset = 0
            for index in parts.indices {
                offset += UnsafeMutableBufferPointer(rebasing: buffer[offset...]).initialize(fromContentsOf: parts[index])
                parts[index] = []
            }
            return offset
        }
    }
}

extension DocumentResult: JSONWritable {
    func write(to json: inout PrettyJSON) throws {
        try json.object { json in
            try json.member("encoding", encoding)
            try json.member("findings", findings)
            json.member("issuingBody", issuingBody)
            json.member("pack", pack)
            json.member("path", path)
            try json.member("requirements", requirements)
            try json.member("score", score)
            try json.member("statistics", statistics)
            json.member("verdict", verdict)
        }
    }
}

extension EncodingResult: JSONWritable {
    func write(to json: inout PrettyJSON) throws {
        try json.object { json in
            try json.member("confidence", confidence)
            json.member("name", name)
        }
    }
}

extension Finding: JSONWritable {
    func write(to json: inout PrettyJSON) throws {
        json.object { json in
            json.member("column", column)
            json.member("endColumn", endColumn)
            json.member("endLine", endLine)
            json.member("excerpt", excerpt)
            json.member("line", line)
            json.member("message", message)
            json.member("rule", rule)
            json.member("severity", severity)
            json.member("suggestion", suggestion)
        }
    }
}

extension RequirementResult: JSONWritable {
    func write(to json: inout PrettyJSON) throws {
        try json.object { json in
            json.member("clause", clause)
            json.member("detail", detail)
            try json.member("evidence", evidence)
            json.member("id", id)
            try json.member("items", items)
            try json.member("score", score)
            json.member("status", status)
            json.member("title", title)
            try json.member("weight", weight)
        }
    }
}

extension Evidence: JSONWritable {
    func write(to json: inout PrettyJSON) throws {
        json.object { json in
            json.member("column", column)
            json.member("excerpt", excerpt)
            json.member("item", item)
            json.member("line", line)
        }
    }
}

extension ItemResult: JSONWritable {
    func write(to json: inout PrettyJSON) throws {
        json.object { json in
            json.member("id", id)
            json.member("status", status)
        }
    }
}

extension TextStatistics: JSONWritable {
    func write(to json: inout PrettyJSON) throws {
        try json.object { json in
            try json.member("figuresPerThousand", figuresPerThousand)
            try json.member("narrativeShare", narrativeShare)
            json.member("sentences", sentences)
            json.member("syllables", syllables)
        }
    }
}

extension InputError: JSONWritable {
    func write(to json: inout PrettyJSON) throws {
        json.object { json in
            json.member("message", message)
            json.member("path", path)
        }
    }
}
