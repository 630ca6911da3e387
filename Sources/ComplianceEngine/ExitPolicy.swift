// ComplianceEngine: exit policy. When a run fails (thresholds on findings and verdicts) and what is shown.

/// When a run fails, as the `soatxet check` exit status says it: 0 passes, 1 fails on findings or
/// verdicts, 2 could not check everything (an unreadable input, a broken configuration).
public struct ExitPolicy: Sendable, Equatable {
    /// Findings at or above this severity fail the run (error by default).
    public var failOn: FindingSeverity
    /// More warnings than this, over all reports, fail the run; nil: no limit.
    public var maxWarnings: Int?

    public init(failOn: FindingSeverity = .error, maxWarnings: Int? = nil) {
        self.failOn = failOn
        self.maxWarnings = maxWarnings
    }

    /// Everything is fine.
    public static let success: Int32 = 0
    /// A finding at or above ``failOn``, a `chua-dat` verdict, or too many warnings.
    public static let failure: Int32 = 1
    /// A usage, configuration or input error: not everything could be checked.
    public static let incomplete: Int32 = 2

    /// The exit status of `run`. `acceptedVerdicts` are paths whose `chua-dat` verdict a baseline
    /// already records; they do not fail the run on their verdict alone.
    public func status(of run: RunResult, acceptedVerdicts: Set<String> = []) -> Int32 {
        if !run.errors.isEmpty { return Self.incomplete }
        let findings = run.documents.flatMap(\.findings)
        if findings.contains(where: { $0.severity >= failOn }) { return Self.failure }
        if run.documents.contains(where: { $0.verdict == .chuaDat && !acceptedVerdicts.contains($0.path) }) { return Self.failure }
        if let maxWarnings, findings.filter({ $0.severity == .warning }).count > maxWarnings { return Self.failure }
        return Self.success
    }
}

extension RunResult {
    /// The run with only findings at or above `minimum` (what `--min-severity` and `--quiet` print).
    public func keeping(atLeast minimum: FindingSeverity) -> RunResult {
        guard minimum > .info else { return self }
        var result = self
        result.documents = documents.map { $0.replacingFindings($0.findings.filter { $0.severity >= minimum }) }
        return result
    }
}
