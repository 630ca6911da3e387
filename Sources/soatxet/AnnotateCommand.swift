// soatxet: `soatxet annotate`. Writes a copy of a report with the review in it: Word comments or Markdown footnotes.
import ArgumentParser
import ComplianceEngine
import Configuration
import DocumentReaders
import Foundation
import Reporters
import Review
import RuleModel
import VietnameseText

struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Write a copy of a report with one comment per finding and unmet requirement.",
        discussion: """
        A .docx report gets a .docx copy with Word comments by "soatxet", anchored on the phrase or paragraph
        concerned (unmet requirements on the title); its text, styles, numbering, tables, tracked changes and
        comments are kept. A .txt or .md report gets a Markdown copy with the findings as footnotes. The
        copy is written to a temporary file and renamed into place. Default output: REPORT.reviewed.docx
        or REPORT.reviewed.md. Exit status: 0 when written; 2 when the report, the pack or the output
        cannot be used.
        """
    )

    @Argument(help: "The report (.docx, .txt or .md).")
    var report: String

    @Option(name: .long, help: "Rule pack ID (see 'soatxet rules list') or a pack .yaml file.")
    var pack: String = ProjectConfig.defaultPack

    @Option(name: [.short, .customLong("output")], help: "The annotated copy to write.")
    var output: String?

    @OptionGroup var encodingOption: EncodingOption

    @OptionGroup var language: LanguageOption


    func run() throws {
        let lang = language.lang
        let resolved = try loadOrExit(pack)
        let target = output ?? Annotation.defaultOutput(for: report)
        do {
            let checker = try Checker(pack: resolved, options: EngineOptions(language: lang.rawValue))
            let textEncoding = encodingOption.encoding
            let result = try checker.check(try DocumentReaders.read(path: report, options: ReadOptions(encoding: textEncoding)))
            let copy = try Annotation.annotate(path: report, result: result, pack: resolved, language: lang.rawValue, encoding: textEncoding)
            if copy.format == "md", target.lowercased().hasSuffix(".docx") {
                throw ReviewError.markdownNeedsMarkdownName(path: report)
            }
            try ReviewOutput.writeFile(copy.data, to: URL(fileURLWithPath: target))
            let verdict = result.verdict.words(lang.rawValue)
            print(lang.pick("Đã ghi \(target): \(copy.annotations) góp ý (điểm \(Score.text(result.score))/100, \(verdict)).",
                            "Wrote \(target): \(copy.annotations) comments (score \(Score.text(result.score))/100, \(verdict))."))
        } catch {
            printError("\(report): " + lang.pick("lỗi", "error") + ": \(error)")
            throw ExitCode(2)
        }
    }
}
