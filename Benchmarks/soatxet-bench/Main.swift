// soatxet-bench: measures soatxet's throughput on generated reports; `make bench` runs it.
import ComplianceEngine
import DocumentReaders
import Foundation
import RuleModel
import VietnameseText

/// CPU seconds this process has used so far.
func cpuSeconds() -> Double {
    var usage = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &usage)
    return Double(usage.tv_sec) + Double(usage.tv_nsec) / 1e9
}

/// CPU seconds of `body`, median of `runs` runs after one warm-up.
func medianCPUSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = cpuSeconds()
        try body()
        times.append(cpuSeconds() - start)
    }
    return times.sorted()[times.count / 2]
}

/// Wall seconds of running a command, median of `runs`; nil when the command is not installed.
func medianCommandSeconds(runs: Int, _ arguments: [String]) -> Double? {
    func once() -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
    guard once() else { return nil }
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = once()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

/// Wall-clock seconds of `body`, median of `runs` runs after one warm-up.
func medianSeconds(runs: Int, _ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times.sorted()[times.count / 2]
}

@main
struct Bench {
    static func main() throws {
        var arguments = CommandLine.arguments.dropFirst()
        var megabytes = 50
        var runs = 5
        var output: String?
        var stages = false
        while let argument = arguments.popFirst() {
            switch argument {
            case "--mb": megabytes = Int(arguments.popFirst() ?? "") ?? megabytes
            case "--runs": runs = Int(arguments.popFirst() ?? "") ?? runs
            case "--output": output = arguments.popFirst()
            case "--stages": stages = true
            default:
                FileHandle.standardError.write(Data("usage: soatxet-bench [--mb N] [--runs N] [--output FILE]\n".utf8))
                exit(2)
            }
        }
        var generator = CorpusGenerator(seed: 2020)
        let corpus = generator.corpus(bytes: megabytes * 1_000_000)
        let bytes = Array(corpus.utf8)
        let size = Double(bytes.count) / 1e6
        if stages {
            let decoded = try TextDecoder.decode(bytes).text
            let normalized = TextNormalizer.normalize(decoded).text
            let steps: [(String, () throws -> Void)] = [
                ("decode", { _ = try TextDecoder.decode(bytes) }),
                ("repair", { _ = MojibakeRepair.repair(decoded) }),
                ("normalise", { _ = TextNormalizer.normalize(decoded) }),
                ("sentences", { _ = SentenceSplitter.split(normalized) }),
                ("syllables", { _ = SyllableScanner.tokens(in: normalized) }),
                ("abbreviations", { _ = AbbreviationLexicon.mentions(in: normalized) }),
                ("figures", { _ = FigureScanner.scan(normalized) }),
                ("dates", { _ = DateScanner.scan(normalized) }),
                ("match form", { _ = MatchText(normalized, foldDiacritics: false) }),
            ]
            for (name, step) in steps {
                let seconds = try medianSeconds(runs: runs, step)
                print(String(format: "%-14@ %7.3f s  %7.1f MB/s", name as NSString, seconds, size / seconds))
            }
        }
        var sentences = 0
        let analyser = try medianSeconds(runs: runs) {
            let analysis = try TextAnalyzer.analyze(bytes: bytes)
            sentences = analysis.sentenceCount
        }
        var rows = [
            "| measure | input | median | throughput |",
            "|---|---|---|---|",
            String(format: "| analyser (decode, repair, normalise, sentences, syllables) | %.1f MB, %d sentences | %.3f s | %.1f MB/s |",
                   size, sentences, analyser, size / analyser),
        ]
        let rulesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules").path
        rows += try PhraseBench.rows(text: corpus, rules: rulesFolder, runs: runs)
        // One 30-page report (about 13,500 words) as text and as .docx.
        var reportGenerator = CorpusGenerator(seed: 30)
        let report = reportGenerator.report(pages: 30)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let docx = folder.appendingPathComponent("bao-cao-30-trang.docx")
        try DocxWriter.write(report, to: docx)
        let docxRead = try medianCPUSeconds(runs: max(runs, 9)) { _ = try DocumentReaders.read(path: docx.path) }
        var docxRow = String(format: "| .docx reading, 30-page report | %d KB | %.1f ms CPU |", (try Data(contentsOf: docx)).count / 1024, docxRead * 1000)
        if let pandoc = medianCommandSeconds(runs: 5, ["pandoc", "-t", "plain", docx.path]) {
            docxRow += String(format: " pandoc -t plain: %.0f ms, %.0f× slower |", pandoc * 1000, pandoc / docxRead)
        } else {
            docxRow += " pandoc not installed: no side-by-side figure |"
        }
        rows.append(docxRow)
        let checker = try Checker(pack: try PackLibrary(folders: [rulesFolder]).resolve("tld-so-ket-dh-ix"))
        let check = try medianCPUSeconds(runs: max(runs, 9)) { _ = try checker.check(text: report, path: "bao-cao-30-trang.txt") }
        rows.append(String(format: "| check, 30-page text report, default pack | %d KB | %.1f ms CPU | |", report.utf8.count / 1024, check * 1000))
        let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
        rows.insert("Release build, median of \(runs) runs after a warm-up, on \(machine).\n", at: 0)
        let table = rows.joined(separator: "\n") + "\n"
        print(table, terminator: "")
        if let output { try table.write(toFile: output, atomically: true, encoding: .utf8) }
    }
}
