// soatxet: `soatxet review`. Checks a batch of reports and writes the reviewer's folder: page, summaries, letters.
import ArgumentParser
import ComplianceEngine
import Configuration
import DocumentReaders
import Foundation
import Review
import RuleModel
import VietnameseText

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review a batch of reports: an HTML overview, CSV and Markdown summaries, a feedback letter per report.",
        discussion: """
        Writes into the --out folder: index.html (matrix of reports × requirements, charts, one section per
        report), summary.csv (UTF-8 with BOM), summary.md, and feedback/<report>.md and .docx. The folder is
        built beside the target and renamed into place, so it is never half-written; an existing folder is
        replaced only if it holds a previous review (index.html) or nothing. Exit status: 0 when written;
        2 when the pack or the output cannot be used, or when some input could not be read (the others
        are reviewed and the unreadable ones listed in the page).
        """
    )

    @Argument(help: "Report files or folders.")
    var paths: [String]

    @Option(name: .long, help: "Rule pack ID (see 'soatxet rules list') or a pack .yaml file.")
    var pack: String = ProjectConfig.defaultPack

    @Option(name: .long, help: "The folder to write.")
    var out: String

    @OptionGroup var encodingOption: EncodingOption

    @OptionGroup var language: LanguageOption


    func run() throws {
        let lang = language.lang
        let resolved = try loadOrExit(pack)
        let (inputs, unreadable, skipped) = collectInputs(paths)
        noteSkipped(skipped, lang)
        let checker: Checker
        do {
            checker = try Checker(pack: resolved, options: EngineOptions(language: lang.rawValue))
        } catch {
            printError("error: \(error)")
            throw ExitCode(2)
        }
        var run = checker.check(paths: inputs, readOptions: ReadOptions(encoding: encodingOption.encoding))
        run.errors = unreadable + run.errors
        let batch = ReviewBatch(run: run, pack: resolved, language: lang.rawValue)
        let written: [String]
        do {
            written = try ReviewOutput.write(batch, to: URL(fileURLWithPath: out))
        } catch {
            printError(lang.pick("lỗi: ", "error: ") + "\(error)")
            throw ExitCode(2)
        }
        for error in run.errors { printError("\(error.path): " + lang.pick("lỗi", "error") + ": \(error.message)") }
        let passing = batch.reports.filter { $0.result.verdict == .dat }.count
        print(lang.pick(
            "Đã ghi \(written.count) tệp vào \(out): \(batch.reports.count) báo cáo (\(passing) đạt, \(batch.reports.count - passing) chưa đạt), \(run.errors.count) tệp không đọc được.",
            "Wrote \(written.count) files to \(out): \(batch.reports.count) reports (\(passing) pass, \(batch.reports.count - passing) not yet), \(run.errors.count) unreadable."))
        if !run.errors.isEmpty { throw ExitCode(2) }
    }
}
