// soatxet: `soatxet analyze`. Prints what the analyser saw in each report.
import ArgumentParser
import Foundation
import DocumentReaders
import VietnameseText

struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Show what the analyser sees: encoding, repairs, headings, sentences, syllables, abbreviations, figures.",
        discussion: """
        FILE may be a report (.txt .md .docx .odt .doc .pdf), a folder, or '-' for standard input.
        Text reports are located by line and column; Word and OpenDocument reports by paragraph number
        (from 1) and character. With --format json, one file gives one JSON object; several give one
        object per line (JSON Lines). Exit status 2 when a file cannot be read; the others are still shown.
        """
    )

    @Argument(help: "Report files, or '-' for standard input.")
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: AnalyzeFormat = .text

    @OptionGroup var encodingOption: EncodingOption

    @OptionGroup var language: LanguageOption


    func run() throws {
        var failed = false
        let (inputs, unreadable, skipped) = collectInputs(files)
        noteSkipped(skipped, language.lang)
        for error in unreadable {
            failed = true
            printError("\(error.path): error: \(error.message)")
        }
        for path in inputs {
            do {
                let summary = try analyze(path)
                switch format {
                case .json: print(try summary.json(pretty: inputs.count == 1))
                case .text: print(summary.text(language.lang))
                }
            } catch {
                failed = true
                printError("\(path): error: \(error)")
            }
        }
        if failed { throw ExitCode(2) }
    }

    /// Text formats are analysed from their bytes (encoding, repairs, lines and columns of the file);
    /// Word, OpenDocument, .doc and .pdf files from their blocks, located by paragraph.
    private func analyze(_ path: String) throws -> AnalysisSummary {
        let options = ReadOptions(encoding: encodingOption.encoding)
        let format = path == "-" ? .txt : DocumentReaders.format(forExtension: (path as NSString).pathExtension)
        if let format, format.isText {
            let bytes = try readInput(path)
            let analysis = try TextAnalyzer.analyze(bytes: bytes, encoding: options.encoding)
            let document = try DocumentReaders.read(bytes: bytes, format: format, path: path, options: options)
            return AnalysisSummary(path: path, analysis: analysis, locate: analysis.location(of:), document: document)
        }
        let document = try DocumentReaders.read(path: path, options: options)
        let joined = JoinedText(document)
        let analysis = TextAnalyzer.analyze(text: joined.text, repair: false)
        return AnalysisSummary(path: path, analysis: analysis, locate: joined.sourceLocation(at:), document: document)
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
