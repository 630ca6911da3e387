// soatxet: `soatxet check`. Judges reports against a directive's pack and prints the results.
import ArgumentParser
import ComplianceEngine
import DocumentReaders
import Configuration
import Foundation
import Reporters
import RuleModel
import VietnameseText

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check reports against a directive's rule pack.",
        discussion: """
        PATH may be a report file (.txt .md .docx .odt .doc .pdf), a folder (walked for reports) or
        '-' for standard input (text). Each report is checked as the nearest .soatxet.yml says (see
        'soatxet init'); --config, --pack, --encoding and --lang win over it. Reports are checked in
        parallel on all cores; output keeps their order. A progress bar shows on standard error when
        it is a terminal (not in CI).
        Exit status: 0 when no report is 'chua-dat' and no finding reaches --fail-on (error); 1 when one
        does, or there are more warnings than --max-warnings; 2 when an input, the configuration, the
        pack or the baseline cannot be read (the other reports are still checked).
        """
    )

    @Argument(help: "Report files or folders, or '-' for standard input.")
    var paths: [String]

    @Option(name: .long, help: "Rule pack ID (see 'soatxet rules list') or a pack .yaml file (default: from .soatxet.yml, else \(ProjectConfig.defaultPack)).")
    var pack: String?

    @Option(help: "Output format: \(Reporters.all.keys.sorted().joined(separator: ", ")).")
    var format: String = "text"

    @OptionGroup var encodingOption: EncodingOption

    @Option(help: "Write the output to FILE (atomically: a temporary file beside it, then renamed) instead of standard output.")
    var output: String?

    @OptionGroup var language: LanguageOption

    @OptionGroup(title: "Thresholds, configuration and baselines") var policy: PolicyOptions

    @OptionGroup(title: "Large batches") var batch: BatchOptions

    func validate() throws {
        guard Reporters.all[format] != nil else {
            throw ValidationError("unknown format '\(format)'; expected one of: \(Reporters.all.keys.sorted().joined(separator: ", "))")
        }
    }

    func run() throws {
        if let pack { _ = try loadOrExit(pack) }
        let project: ProjectChecker
        do {
            project = try ProjectChecker(
                finder: ConfigFinder(override: policy.config),
                overrides: .init(pack: pack, language: language.explicit?.rawValue, encoding: encodingOption.encoding),
                cache: try batch.openCache(), limits: batch.limits)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let (collected, unreadable, skipped) = collectInputs(paths)
        noteSkipped(skipped, language.lang)
        let inputs: [String]
        do {
            inputs = try batch.filter(collected)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let progress = ProgressBar(total: inputs.count)
        var run = project.check(inputs, progress: progress.update)
        run.errors = unreadable + run.errors
        if let cache = project.cache {
            let (hits, misses) = cache.statistics
            printError(language.lang.pick("bộ nhớ đệm: \(hits) báo cáo không đổi, \(misses) báo cáo kiểm tra lại",
                                          "cache: \(hits) unchanged reports, \(misses) checked again"))
        }
        let filtered: Baseline.Filtered
        do {
            filtered = try policy.applyBaseline(to: run)
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let shown = filtered.run.keeping(atLeast: policy.printedMinimum)
        let context = ReportContext(
            language: project.language, colour: format == "text" && output == nil && isatty(1) == 1,
            tool: ToolInfo(name: "soatxet", version: Soatxet.configuration.version),
            rules: RuleDescriptor.merged(project.usedPacks.map { RuleDescriptor.catalogue(of: $0, language: project.language) }),
            sourceText: SourceText.reader(encoding: encodingOption.encoding))
        let text = try Reporters.all[format]!.report(shown, context: context)
        if let output {
            do {
                try OutputFile.write(text, to: output)
            } catch let error as OutputError {
                printError("error: " + error.message(language: project.language))
                throw ExitCode(2)
            }
        } else {
            print(text, terminator: "")
        }
        if format != "text" {
            for error in run.errors { printError("\(error.path): error: \(error.message)") }
        }
        let status = policy.exitPolicy.status(of: filtered.run, acceptedVerdicts: filtered.knownFailingVerdicts)
        if status != ExitPolicy.success { throw ExitCode(status) }
    }
}

/// Expands folders into the report files they hold. A named file that cannot be read is an error;
/// files met while walking a folder that are not reports (labels, scripts, images; a repository's
/// README, CHANGELOG, LICENSE or CONTRIBUTING) are skipped and counted by extension or name, so that
/// a note can say so: nothing is skipped silently.
func collectInputs(_ paths: [String]) -> (inputs: [String], errors: [InputError], skipped: [String: Int]) {
    var inputs: [String] = []
    var errors: [InputError] = []
    var skipped: [String: Int] = [:]
    for path in paths {
        if path == "-" {
            inputs.append(path)
            continue
        }
        var isDirectory: ObjCBool = false
        let walked = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        for result in DocumentReaders.collect(paths: [path]) {
            switch result {
            case let .success(input):
                let name = (input.path as NSString).lastPathComponent
                if walked, isRepositoryDocument(name) {
                    skipped[name, default: 0] += 1
                } else {
                    inputs.append(input.path)
                }
            case let .failure(error):
                if walked, case let .unsupportedExtension(ext) = error.cause {
                    skipped[ext, default: 0] += 1
                } else {
                    errors.append(InputError(path: error.path, message: "\(error)"))
                }
            }
        }
    }
    return (inputs, errors, skipped)
}

/// Whether a file met in a folder is a repository's own document ("README.md", "CHANGELOG.txt"),
/// not a report; named on the command line, it is checked like any other.
func isRepositoryDocument(_ name: String) -> Bool {
    let stem = (name as NSString).deletingPathExtension.uppercased()
    return ["README", "CHANGELOG", "LICENSE", "CONTRIBUTING"].contains(stem)
}

/// Says on standard error which files a folder walk passed over.
func noteSkipped(_ skipped: [String: Int], _ lang: Language) {
    guard !skipped.isEmpty else { return }
    let total = skipped.values.reduce(0, +)
    let list = skipped.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
    printError(lang.pick("ghi chú: bỏ qua \(total) tệp không phải báo cáo trong thư mục (\(list))",
                         "note: skipped \(total) files in folders that are not reports (\(list))"))
}
