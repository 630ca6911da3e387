// soatxet: `soatxet check`. Judges reports against a directive's pack and prints the results.
import ArgumentParser
import ComplianceEngine
import DocumentReaders
import Foundation
import Reporters
import RuleModel
import VietnameseText

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check reports against a directive's rule pack.",
        discussion: """
        PATH may be a report file (.txt .md .docx .odt .doc .pdf), a folder (walked for reports) or
        '-' for standard input (text). Files are checked in parallel on all cores; output keeps their
        order. A progress bar shows on standard error when it is a terminal (not in CI). Exit status: 0 when every report passes; 1 when a report's
        verdict is 'chua-dat' or has an error-level finding; 2 when an input or the pack cannot be read.
        """
    )

    @Argument(help: "Report files or folders, or '-' for standard input.")
    var paths: [String]

    @Option(name: .long, help: "Rule pack ID (see 'soatxet rules list') or a pack .yaml file.")
    var pack: String = "tld-so-ket-dh-ix"

    @Option(help: "Output format: \(Reporters.all.keys.sorted().joined(separator: ", ")).")
    var format: String = "text"

    @Option(help: "Encoding of text reports: auto (default) or a name as in 'soatxet analyze --help'.")
    var encoding: String = "auto"

    @Option(help: "Write the output to FILE (atomically: a temporary file beside it, then renamed) instead of standard output.")
    var output: String?

    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard Reporters.all[format] != nil else {
            throw ValidationError("unknown format '\(format)'; expected one of: \(Reporters.all.keys.sorted().joined(separator: ", "))")
        }
        if encoding != "auto" && TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)'")
        }
    }

    func run() throws {
        let checker: Checker
        do {
            let resolved = try PackLibrary.standard().resolve(pack)
            checker = try Checker(pack: resolved, options: EngineOptions(language: language.lang.rawValue))
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        let (inputs, unreadable, skipped) = collectInputs(paths)
        noteSkipped(skipped, language.lang)
        var run = RunResult(documents: [], errors: unreadable)
        let options = ReadOptions(encoding: TextEncoding(name: encoding))
        if inputs.contains("-") {
            do {
                run.documents.append(try checker.check(try DocumentReaders.readStandardInput(format: .txt, options: options)))
            } catch {
                run.errors.append(InputError(path: "-", message: "\(error)"))
            }
        }
        let files = inputs.filter { $0 != "-" }
        let progress = ProgressBar(total: files.count)
        let batch = checker.check(paths: files, readOptions: options, progress: progress.update)
        run.documents += batch.documents
        run.errors += batch.errors
        let context = ReportContext(
            language: language.lang.rawValue, colour: format == "text" && output == nil && isatty(1) == 1,
            tool: ToolInfo(name: "soatxet", version: Soatxet.configuration.version),
            rules: RuleDescriptor.catalogue(of: checker.engine.pack.resolved, language: language.lang.rawValue),
            sourceText: SourceText.reader(encoding: TextEncoding(name: encoding)))
        let text = try Reporters.all[format]!.report(run, context: context)
        if let output {
            do {
                try OutputFile.write(text, to: output)
            } catch let error as OutputError {
                printError("error: " + error.message(language: language.lang.rawValue))
                throw ExitCode(2)
            }
        } else {
            print(text, terminator: "")
        }
        if format != "text" {
            for error in run.errors { printError("\(error.path): error: \(error.message)") }
        }
        if !run.errors.isEmpty { throw ExitCode(2) }
        let failing = run.documents.contains { $0.verdict == .chuaDat || $0.findings.contains { $0.severity == .error } }
        if failing { throw ExitCode(1) }
    }
}

/// Expands folders into the report files they hold. A named file that cannot be read is an error;
/// files met while walking a folder that are not reports (labels, scripts, images) are skipped and
/// counted by extension, so that a note can say so: nothing is skipped silently.
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
                inputs.append(input.path)
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

/// Says on standard error which files a folder walk passed over.
func noteSkipped(_ skipped: [String: Int], _ lang: Language) {
    guard !skipped.isEmpty else { return }
    let total = skipped.values.reduce(0, +)
    let list = skipped.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")
    printError(lang.pick("ghi chú: bỏ qua \(total) tệp không phải báo cáo trong thư mục (\(list))",
                         "note: skipped \(total) files in folders that are not reports (\(list))"))
}
