import ComplianceEngine
import DocumentReaders
import Foundation
import Reporters
import RuleModel
import XCTest

/// The sample corpus of the default directive, checked once with its pack, as `soatxet check` would.
enum CorpusRun {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let folder = "Corpus/tld-so-ket-dh-ix"
    static let chronicle = "\(folder)/cd-gtvt-bien-nien-ke-le.txt"
    static let exemplary = "\(folder)/mau-ldld-tinh.txt"

    static let pack: ResolvedPack = try! PackLibrary(folders: [root.appendingPathComponent("Rules").path]).resolve("tld-so-ket-dh-ix")
    static let checker: Checker = try! Checker(pack: pack)

    /// Base reports of the folder (no dot in the stem), as paths relative to the package root.
    static let reports: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { $0.hasSuffix(".txt") && $0.split(separator: ".").count == 2 }.sorted().map { "\(folder)/\($0)" }
    }()

    /// Every base report checked, plus one input that could not be read.
    static let all: RunResult = {
        var run = RunResult(documents: reports.map(check), errors: [])
        run.errors.append(InputError(path: "\(folder)/khong-co.docx",
                                     message: "\(folder)/khong-co.docx: cannot open the file: no such file or directory"))
        return run
    }()

    /// One report checked, its path kept relative to the package root as on the command line.
    static func check(_ path: String) -> DocumentResult {
        let data = try! Data(contentsOf: root.appendingPathComponent(path))
        return try! checker.check(try DocumentReaders.read(bytes: Array(data), format: .txt, path: path))
    }

    static func run(_ paths: [String]) -> RunResult { RunResult(documents: paths.map(check), errors: []) }

    /// The context the CLI gives: the pack's rules, and report text read from the package root.
    static func context(language: String = "vi") -> ReportContext {
        let reader = SourceText.reader()
        return ReportContext(language: language, rules: RuleDescriptor.catalogue(of: pack, language: language),
                             sourceText: { reader(root.appendingPathComponent($0).path) })
    }

    /// The decoded text of a line of a report (1-based).
    static func line(_ number: Int, of path: String) -> Substring {
        let text = try! String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        return SourceText.lines(text)[number - 1]
    }
}

/// Runs python3 with `script`, feeding `input`; returns the exit status and what it printed.
func python(_ script: String, input: Data) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script]
    let inPipe = Pipe(), out = Pipe()
    process.standardInput = inPipe
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let writer = Thread { inPipe.fileHandleForWriting.write(input); try? inPipe.fileHandleForWriting.close() }
    writer.start()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self))
}

func json(_ text: String) throws -> [String: Any] {
    try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}
