// soatxet: the options of `check` that decide what fails a run and what is shown: thresholds, configuration, baselines.
import ArgumentParser
import ComplianceEngine
import Foundation

/// Thresholds, configuration and baselines for `soatxet check`, as one option group.
struct PolicyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Configuration file for every report, instead of the nearest .soatxet.yml.", valueName: "file"))
    var config: String?

    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings at or above this severity: error (default) or warning.")
    var failOn: FindingSeverity = .error

    @Option(name: .customLong("max-warnings"), help: ArgumentHelp("Exit 1 when there are more warnings than this.", valueName: "n"))
    var maxWarnings: Int?

    @Option(name: .customLong("min-severity"), help: "Print only findings at or above this severity: info (default), warning or error.")
    var minSeverity: FindingSeverity = .info

    @ArgumentParser.Flag(help: "Print error-level findings only (as --min-severity error); the exit status still counts everything.")
    var quiet = false

    @Option(help: ArgumentHelp("Baseline file: the findings it records are not reported and do not fail the run.", valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Record this run's findings in this file (written atomically), then report as if it were the baseline.", valueName: "file"))
    var writeBaseline: String?

    func validate() throws {
        if failOn == .info { throw ValidationError("--fail-on takes error or warning") }
        if let maxWarnings, maxWarnings < 0 { throw ValidationError("--max-warnings takes a number of warnings, 0 or more") }
        if baseline != nil, writeBaseline != nil {
            throw ValidationError("give --baseline or --write-baseline, not both (--write-baseline also applies the baseline it writes)")
        }
    }

    /// When the run fails.
    var exitPolicy: ExitPolicy { ExitPolicy(failOn: failOn, maxWarnings: maxWarnings) }

    /// The lowest severity printed.
    var printedMinimum: FindingSeverity { quiet ? .error : minSeverity }

    /// Writes the baseline when asked, then takes the known findings out of `run`.
    func applyBaseline(to run: RunResult) throws -> Baseline.Filtered {
        if let writeBaseline {
            let recorded = Baseline(recording: run, folder: folder(of: writeBaseline))
            try recorded.write(to: writeBaseline)
            return recorded.filter(run, folder: folder(of: writeBaseline))
        }
        if let baseline {
            return try Baseline.load(baseline).filter(run, folder: folder(of: baseline))
        }
        return Baseline.Filtered(run: run)
    }

    private func folder(of file: String) -> String {
        (URL(fileURLWithPath: file).standardizedFileURL.path as NSString).deletingLastPathComponent
    }
}

extension FindingSeverity: ExpressibleByArgument {}
