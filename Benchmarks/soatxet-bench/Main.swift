// soatxet-bench: measures soatxet's throughput on generated reports; `make bench` runs it.
import Foundation
import VietnameseText

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
        let machine = "\(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB"
        rows.insert("Release build, median of \(runs) runs after a warm-up, on \(machine).\n", at: 0)
        let table = rows.joined(separator: "\n") + "\n"
        print(table, terminator: "")
        if let output { try table.write(toFile: output, atomically: true, encoding: .utf8) }
    }
}
