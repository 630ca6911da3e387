// ComplianceEngine: baselines. Today's findings recorded so that CI fails only on new ones; matched by rule, file and excerpt.
import AtomicFiles
import Foundation

/// The findings (and failing verdicts) of legacy reports, recorded once so that later runs report
/// only what is new.
///
/// A finding is known when the baseline holds one with the same rule, file and excerpt; line numbers
/// are not compared, so editing above a finding does not make it new. Known findings are counted: two
/// identical findings in the baseline absorb two, a third is new. A report recorded as `chua-dat` that
/// is still `chua-dat` does not fail the run on its verdict alone.
///
/// The file is JSON with a version: `{"version": 1, "tool": "soatxet", "files": {"<path>": {"verdict":
/// "chua-dat", "findings": [{"rule", "excerpt", "count"}]}}}`. Paths are relative to the baseline's
/// folder (absolute when the report lies outside it), with "/" separators.
public struct Baseline: Codable, Sendable, Equatable {
    /// What one report had.
    public struct FileEntry: Codable, Sendable, Equatable {
        /// Its verdict then.
        public var verdict: Verdict
        /// Its findings, counted by rule and excerpt, sorted.
        public var findings: [Entry]
    }

    /// Identical findings of one report, counted.
    public struct Entry: Codable, Sendable, Equatable {
        public var rule: String
        public var excerpt: String
        public var count: Int
    }

    /// The format's version; a reader refuses versions it does not know.
    public var version: Int
    /// Always "soatxet".
    public var tool: String
    /// By report path.
    public var files: [String: FileEntry]

    /// The version this build writes and reads.
    public static let currentVersion = 1

    /// Records `run`; `folder` is the folder of the baseline file, which paths are made relative to.
    public init(recording run: RunResult, folder: String) {
        version = Self.currentVersion
        tool = "soatxet"
        var files: [String: FileEntry] = [:]
        for document in run.documents {
            var counts: [Key: Int] = [:]
            for finding in document.findings { counts[Key(finding), default: 0] += 1 }
            let entries = counts.map { Entry(rule: $0.key.rule, excerpt: $0.key.excerpt, count: $0.value) }
                .sorted { ($0.rule, $0.excerpt) < ($1.rule, $1.excerpt) }
            files[Self.key(for: document.path, folder: folder)] = FileEntry(verdict: document.verdict, findings: entries)
        }
        self.files = files
    }

    /// Reads a baseline file.
    public static func load(_ path: String) throws(BaselineError) -> Baseline {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        struct Probe: Decodable { let version: Int? }
        guard let probe = try? JSONDecoder().decode(Probe.self, from: data) else {
            throw .malformed(path: path, reason: "not a JSON object")
        }
        guard probe.version == currentVersion else { throw .unsupportedVersion(path: path, version: probe.version) }
        do {
            return try JSONDecoder().decode(Baseline.self, from: data)
        } catch {
            throw .malformed(path: path, reason: "\(error)")
        }
    }

    /// Writes the baseline to `path` atomically (a temporary file renamed over it), as sorted, stable JSON.
    public func write(to path: String) throws(BaselineError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data: Data
        do {
            data = try encoder.encode(self)
        } catch {
            throw .unwritable(path: path, reason: error.localizedDescription)
        }
        data.append(0x0A)
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw .unwritable(path: path, reason: error.description)
        }
    }

    /// What ``filter(_:folder:)`` leaves.
    public struct Filtered: Sendable {
        /// The run without the known findings.
        public var run: RunResult
        /// How many findings the baseline absorbed.
        public var absorbed: Int
        /// Paths (as in the run) whose `chua-dat` verdict the baseline already records.
        public var knownFailingVerdicts: Set<String>

        /// `run` as it is: nothing known.
        public init(run: RunResult, absorbed: Int = 0, knownFailingVerdicts: Set<String> = []) {
            self.run = run
            self.absorbed = absorbed
            self.knownFailingVerdicts = knownFailingVerdicts
        }
    }

    /// Removes the findings the baseline knows from `run`; `folder` is the baseline file's folder.
    public func filter(_ run: RunResult, folder: String) -> Filtered {
        var result = run
        var absorbed = 0
        var knownVerdicts = Set<String>()
        result.documents = run.documents.map { document in
            guard let entry = files[Self.key(for: document.path, folder: folder)] else { return document }
            if entry.verdict == .chuaDat && document.verdict == .chuaDat { knownVerdicts.insert(document.path) }
            var remaining: [Key: Int] = [:]
            for known in entry.findings { remaining[Key(rule: known.rule, excerpt: known.excerpt), default: 0] += known.count }
            let kept = document.findings.filter { finding in
                let key = Key(finding)
                guard let left = remaining[key], left > 0 else { return true }
                remaining[key] = left - 1
                absorbed += 1
                return false
            }
            return document.replacingFindings(kept)
        }
        return Filtered(run: result, absorbed: absorbed, knownFailingVerdicts: knownVerdicts)
    }

    /// The key of a report path: relative to `folder` when inside it, "/"-separated.
    static func key(for path: String, folder: String) -> String {
        guard path != "-" else { return path }
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        var base = URL(fileURLWithPath: folder).standardizedFileURL.path
        if !base.hasSuffix("/") { base += "/" }
        return file.hasPrefix(base) ? String(file.dropFirst(base.count)) : file
    }

    private struct Key: Hashable {
        let rule: String
        let excerpt: String
        init(rule: String, excerpt: String) {
            self.rule = rule
            self.excerpt = excerpt
        }
        init(_ finding: Finding) { self.init(rule: finding.rule, excerpt: finding.excerpt) }
    }
}

/// Why a baseline could not be used.
public enum BaselineError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case malformed(path: String, reason: String)
    case unsupportedVersion(path: String, version: Int?)
    case unwritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path):
            return "\(path): cannot read the baseline; write one with --write-baseline \(path)"
        case let .malformed(path, reason):
            return "\(path): not a soatxet baseline (\(reason)); write it again with --write-baseline"
        case let .unsupportedVersion(path, version):
            return "\(path): baseline version \(version.map(String.init) ?? "missing") is not \(Baseline.currentVersion); write it again with --write-baseline"
        case let .unwritable(path, reason):
            return "\(path): cannot write the baseline: \(reason)"
        }
    }
}

extension DocumentResult {
    /// The same judgement with other findings (after a baseline or a severity filter).
    public func replacingFindings(_ findings: [Finding]) -> DocumentResult { replacing(findings: findings) }

    /// The same judgement under another path (a report checked from a temporary copy).
    public func replacingPath(_ path: String) -> DocumentResult { replacing(path: path) }

    private func replacing(path: String? = nil, findings: [Finding]? = nil) -> DocumentResult {
        DocumentResult(path: path ?? self.path, pack: pack, issuingBody: issuingBody, score: score, verdict: verdict,
                       encoding: encoding, requirements: requirements, findings: findings ?? self.findings, statistics: statistics)
    }
}
