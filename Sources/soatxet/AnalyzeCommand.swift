// soatxet: `soatxet analyze`. Prints what the analyser saw in each report.
import ArgumentParser
import Foundation
import VietnameseText

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the analyser sees: encoding, repairs, headings, sentences, syllables, abbreviations, figures.",
        discussion: """
        FILE may be '-' for standard input. With --format json, one file gives one JSON object;
        several files give one object per line (JSON Lines). Exit status 2 when a file cannot be read.
        """
    )

    @Argument(help: "Report files, or '-' for standard input.")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: AnalyzeFormat = .text

    @Option(help: "Encoding of text files: auto (default), utf-8, utf-16le, utf-16be, windows-1258, tcvn3, vni-windows, viscii.")
    var encoding: String = "auto"

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if encoding != "auto" && TextEncoding(name: encoding) == nil {
            throw ValidationError("unknown encoding '\(encoding)'; expected auto or one of: \(TextEncoding.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        var failed = false
        for path in files {
            do {
                let bytes = try readInput(path)
                let analysis = try TextAnalyzer.analyze(bytes: bytes, encoding: TextEncoding(name: encoding))
                let summary = AnalysisSummary(path: path, analysis: analysis)
                switch format {
                case .json: print(try summary.json(pretty: files.count == 1))
                case .text: print(summary.text(language.lang))
                }
            } catch {
                failed = true
                printError("\(path): error: \(error)")
            }
        }
        if failed { throw ExitCode(2) }
    }
}

enum AnalyzeFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Reads a file, or standard input for "-".
func readInput(_ path: String) throws -> [UInt8] {
    if path == "-" { return Array(FileHandle.standardInput.readDataToEndOfFile()) }
    guard let data = FileManager.default.contents(atPath: path) else {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            throw InputProblem(isDirectory.boolValue ? "is a directory" : "cannot be read (permissions?)")
        }
        throw InputProblem("no such file")
    }
    return Array(data)
}

/// A problem with an input file, said plainly.
struct InputProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
