// soatxet: the command line; thin over the library: parse, call, print, map errors to exit codes.
import ArgumentParser
import ComplianceEngine
import Foundation
import VietnameseText

@main
struct Soatxet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soatxet",
        abstract: "Checks Vietnamese trade-union review reports against the directive that asked for them.",
        discussion: "Soát xét báo cáo công đoàn theo văn bản chỉ đạo: từng yêu cầu của văn bản, báo cáo đã đáp ứng hay chưa.",
        version: "0.1.0",
        subcommands: [Check.self, Analyze.self, Rules.self, Init.self, ReviewCommand.self, AnnotateCommand.self, ServeCommand.self]
    )

    /// Runs the command; a usage error (unknown option, bad value) exits with status 2 like every
    /// other error that stops soatxet from checking, not with the parser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            // A run over reports ends when they are done: large blocks are kept for reuse. The
            // server runs for long and gives memory back.
            if !(command is ServeCommand) { Batch.keepLargeBlocks() }
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                printError(fullMessage(for: error))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}

/// Options every subcommand that prints for people shares.
struct LanguageOption: ParsableArguments {
    @Option(name: .customLong("lang"), help: "Language of messages: vi (default, or lang: in .soatxet.yml) or en.")
    var explicit: Language?

    /// The language asked for, Vietnamese when none was.
    var lang: Language { explicit ?? .vi }
}

/// The encoding of text reports, shared by the subcommands that read reports.
struct EncodingOption: ParsableArguments {
    @Option(name: .customLong("encoding"), help: "Encoding of text reports: auto (default: detected) or utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni-windows, viscii.")
    var name: String = "auto"

    func validate() throws {
        if name != "auto" && TextEncoding(name: name) == nil {
            throw ValidationError("unknown encoding '\(name)'; expected auto or one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    /// The encoding asked for, or nil to detect it.
    var encoding: TextEncoding? { TextEncoding(name: name) }
}

/// The language of messages.
enum Language: String, ExpressibleByArgument, CaseIterable {
    case vi, en

    /// Picks the Vietnamese or the English text.
    func pick(_ vi: String, _ en: String) -> String { self == .vi ? vi : en }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
