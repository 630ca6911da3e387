// soatxet-bench: the release `soatxet` executable over generated corpora: cores, peak memory, scaling.
import Foundation

enum BatchBench {
    /// `soatxet check --format json` exits 0 (all reports pass) or 1 (some do not); both are answers.
    static func accept(_ status: Int32) -> Bool { status <= 1 }

    /// The check command over `inputs`, on one core (`taskset -c 0`) when `oneCore`.
    static func command(_ soatxet: String, _ inputs: [String], oneCore: Bool) -> [String] {
        (oneCore ? ["taskset", "-c", "0"] : []) + [soatxet, "check", "--format", "json"] + inputs
    }

    /// Full checks of `folder` (`count` reports, `megabytes` MB) on 1 and 2 cores: rows, the targets, and the peak memory.
    static func cores(soatxet: String, folder: URL, count: Int, megabytes: Double, runs: Int) -> (rows: [String], targets: [Target]) {
        var rows: [String] = []
        var perCore = Target(name: "full check MB/s on one core (absolute, machine-dependent)", goal: 40, measured: nil, smoke: false)
        // The smoke run judges the speed-up only where there are two cores to speed up on.
        var speedUp = Target(name: "full check speed-up, 2 cores ÷ 1 core", goal: 1.8, measured: nil,
                             smoke: ProcessInfo.processInfo.activeProcessorCount >= 2)
        var memory = Target(name: "peak memory of the full run, MB", goal: 150, measured: nil, atMost: true, smoke: false)
        let memoryTime = FileManager.default.fileExists(atPath: "/usr/bin/time")
        let one = Commands.installed("taskset")
            ? Commands.median(runs: runs, command(soatxet, [folder.path], oneCore: true), in: folder, memory: memoryTime, accept: accept) : nil
        let two = Commands.median(runs: runs, command(soatxet, [folder.path], oneCore: false), in: folder, memory: memoryTime, accept: accept)
        for (label, result) in [("1 core (`taskset -c 0`)", one), ("2 cores (all; the batch runner uses every core)", two)] {
            guard let result else {
                rows.append("| full `soatxet check --format json`, default pack, \(label) | \(count) reports | failed or skipped | |")
                continue
            }
            let peak = result.peakKB.map { String(format: ", peak %.0f MB", Double($0) / 1024) } ?? ""
            rows.append(String(format: "| full `soatxet check --format json`, default pack, %@ | %d text reports, %.1f MB | %.2f s (CPU %.2f s) | %.1f MB/s, %.0f reports/s%@ |",
                               label as NSString, count, megabytes, result.seconds, result.cpuSeconds, megabytes / result.seconds, Double(count) / result.seconds, peak as NSString))
        }
        if let one {
            perCore.measured = megabytes / one.cpuSeconds
            perCore.note = String(format: "per CPU second; %.1f MB/s wall", megabytes / one.seconds)
        }
        if let one, let two {
            speedUp.measured = one.seconds / two.seconds
            speedUp.note = "wall time: meaningful only on an otherwise idle machine (see the load average above)"
        }
        if let kb = [one?.peakKB, two?.peakKB].compactMap({ $0 }).max() {
            memory.measured = Double(kb) / 1024
            memory.note = "/usr/bin/time -f %M, \(count) reports"
        } else {
            memory.note = "skipped: /usr/bin/time (Debian's time) is not installed"
        }
        return (rows, [perCore, speedUp, memory])
    }

    /// Runs of the 10 MB file (median taken).
    static let smallFileRuns = 7
    /// Runs of the 1 MB file: its time less the start-up is about 0.035 s, the difference of two
    /// runs of some 0.04 and 0.08 s whose CPU times each jitter by several milliseconds; with 15
    /// runs its median still moved by a quarter from one `make bench` to the next, so it takes many.
    static let oneMegabyteRuns = 41
    /// Runs of the files of 50 MB and more: few, they take long, but enough that a single slow
    /// moment of the machine does not decide the spread (with 3, the 100 MB file's median moved
    /// between 0.037 and 0.041 s per MB over four `make bench` runs).
    static let largeFileRuns = 5

    /// The runs for a file of `megabytes`.
    static func runs(megabytes: Int) -> Int {
        megabytes >= 50 ? largeFileRuns : megabytes >= 10 ? smallFileRuns : oneMegabyteRuns
    }

    /// `runs` pairs of checks, the one-page report then `file`, in CPU seconds: the medians of the
    /// file's time and of its time less the one-page check's just before it, the one-page checks'
    /// times, and the file's peak memory. Each start-up taken off is measured next to the run it is
    /// taken off, so a drift in the machine's speed between them moves both.
    static func pairedRuns(_ runs: Int, soatxet: String, small: URL, file: URL, in folder: URL)
        -> (cpuSeconds: Double, netSeconds: Double, startups: [Double], peakKB: Int?)?
    {
        var cpu: [Double] = [], net: [Double] = [], startups: [Double] = []
        var peak: Int?
        for _ in 0..<max(runs, 1) {
            guard let start = Commands.run(command(soatxet, [small.path], oneCore: false), in: folder, memory: true),
                  accept(start.status),
                  let whole = Commands.run(command(soatxet, [file.path], oneCore: false), in: folder, memory: true),
                  accept(whole.status) else { return nil }
            cpu.append(whole.cpuSeconds)
            net.append(whole.cpuSeconds - start.cpuSeconds)
            startups.append(start.cpuSeconds)
            if let kb = whole.peakKB { peak = max(peak ?? 0, kb) }
        }
        return (cpu.median, net.median, startups, peak)
    }

    /// Files up to this size are also counted in instructions (under callgrind, some 50 times slower).
    static let countedMegabytes = 10

    /// Checks one generated text file of each size in `megabytes`: time per MB (flat within ±20%), and the
    /// peak memory of the file nearest 50 MB against 8× its size. Where valgrind is installed, the
    /// files up to ``countedMegabytes`` are also counted in instructions per MB, which unlike
    /// time do not move with whatever else a shared machine runs.
    static func scaling(soatxet: String, folder: URL, megabytes: [Int]) throws -> (rows: [String], targets: [Target]) {
        var rows: [String] = []
        var perMB: [(Int, Double)] = []
        var instructionsPerMB: [(Int, Double)] = []
        let counter = InstructionCounter(soatxet: soatxet, in: folder)
        defer { counter?.remove() }
        var memory = Target(name: "peak memory ÷ size, one 50 MB file", goal: 8, measured: nil, atMost: true, smoke: false)
        // The fixed cost of a run (start, loading and compiling the pack), measured on a one-page
        // report, is taken off each time: what must stay flat is the cost of the megabytes.
        var small = CorpusGenerator(seed: 4999)
        let smallFile = folder.appendingPathComponent("bao-cao-1-trang.txt")
        try small.report(pages: 1).write(to: smallFile, atomically: true, encoding: .utf8)
        // CPU seconds, like the files' runs: wall time of runs this short wavers with whatever else
        // the machine does. Gathered from the pairs, each next to the file run it is taken off.
        var startups: [Double] = []
        let startupInstructions = counter.flatMap { $0.count(command($0.binary, [smallFile.path], oneCore: false)) }
        defer { try? FileManager.default.removeItem(at: smallFile) }
        for size in megabytes {
            var generator = CorpusGenerator(seed: UInt64(5000 + size))
            let file = folder.appendingPathComponent("bao-cao-\(size)mb.txt")
            try generator.corpus(bytes: size * 1_000_000).write(to: file, atomically: true, encoding: .utf8)
            let actual = Double((try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0) / 1e6
            let result = pairedRuns(runs(megabytes: size), soatxet: soatxet, small: smallFile, file: file, in: folder)
            if size <= countedMegabytes, let counter, let base = startupInstructions,
               let total = counter.count(command(counter.binary, [file.path], oneCore: false)) {
                instructionsPerMB.append((size, (total - base) / actual))
            }
            try? FileManager.default.removeItem(at: file)
            guard let result else {
                rows.append("| full check of one \(size) MB file | \(size) MB | failed | |")
                continue
            }
            let peak = result.peakKB.map { Double($0) / 1024 }
            if size == 50, let peak { memory.measured = peak / actual; memory.note = String(format: "%.0f MB peak for %.1f MB", peak, actual) }
            startups += result.startups
            let net = max(0, result.netSeconds)
            perMB.append((size, net / actual))
            rows.append(String(format: "| full check of one file (scaling, memory) | %.1f MB | %.2f s CPU | %.3f s per MB after start-up (%.1f MB/s), %.1f MB/s with it%@ |",
                               actual, result.cpuSeconds, net / actual, net > 0 ? actual / net : 0, actual / result.cpuSeconds,
                               (peak.map { String(format: ", peak %.0f MB", $0) } ?? "") as NSString))
        }
        let startup = startups.isEmpty ? 0 : startups.median
        rows.insert(String(format: "| start-up: the check of a one-page report (taken off the times per MB below, run by run; median of those runs) | 1 page | %.3f s CPU | |", startup), at: 0)
        let instructionSpread = spread(instructionsPerMB)
        if let instructionSpread {
            rows.append(String(format: "| instructions per MB after start-up (callgrind: the same count on every run, whatever the machine's load) | %@ | %@ | %.1f%% largest spread from the 1 MB figure |",
                               instructionsPerMB.map { "\($0.0) MB" }.joined(separator: ", ") as NSString,
                               instructionsPerMB.map { String(format: "%.0f million", $0.1 / 1e6) }.joined(separator: ", ") as NSString,
                               instructionSpread))
        } else if counter == nil {
            rows.append("| instructions per MB after start-up | | skipped: valgrind (and binutils' strip) not installed | |")
        } else if megabytes.filter({ $0 <= countedMegabytes }).count > 1 {
            rows.append("| instructions per MB after start-up | | failed: a run under callgrind did not end with status 0 or 1 | |")
        }
        var flat = Target(name: "time per MB, largest spread from the 1 MB figure (%)", goal: 20, measured: nil, atMost: true, smoke: false)
        if let timeSpread = spread(perMB) {
            flat.measured = timeSpread
            flat.note = perMB.map { String(format: "%d MB: %.3f s/MB", $0.0, $0.1) }.joined(separator: ", ")
                + String(format: " (the start-up, %.3f s, taken off run by run)", startup)
                + (instructionSpread.map { String(format: "; in instructions per MB, %.1f%%", $0) } ?? "")
        }
        var targets = [flat]
        if megabytes.contains(50) { targets.append(memory) }
        return (rows, targets)
    }

    /// The largest distance of a figure per MB from the first one (the smallest file's), in percent;
    /// nil with fewer than two.
    static func spread(_ perMB: [(Int, Double)]) -> Double? {
        guard let base = perMB.first?.1, base > 0, perMB.count > 1 else { return nil }
        return perMB.map { abs($0.1 / base - 1) * 100 }.max()
    }
}

/// Counts the instructions of a run of `soatxet` under valgrind's callgrind. Valgrind 3.19 cannot
/// read this toolchain's debug information, so it runs a copy of the binary without it, made
/// beside the binary so that it finds the same packs.
struct InstructionCounter {
    /// The copy without debug information.
    let binary: String
    /// Where the runs are made and callgrind writes its counts.
    let folder: URL

    /// A counter, or nil when valgrind or strip is missing or the copy cannot be made.
    init?(soatxet: String, in folder: URL) {
        guard Commands.installed("valgrind"), Commands.installed("strip") else { return nil }
        let copy = URL(fileURLWithPath: soatxet).deletingLastPathComponent().appendingPathComponent("soatxet-counted-\(getpid())").path
        guard Commands.run(["strip", "--strip-debug", "-o", copy, soatxet])?.status == 0 else { return nil }
        binary = copy
        self.folder = folder
    }

    /// The instructions `arguments` executed (callgrind's total), or nil when the run failed. The
    /// run has no time limit: under callgrind a large report takes longer than the default allows.
    func count(_ arguments: [String]) -> Double? {
        let output = folder.appendingPathComponent("soatxet-counted.callgrind").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let unlimited = arguments + ["--time-limit", "0"]
        guard let run = Commands.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=\(output)"] + unlimited, in: folder),
              BatchBench.accept(run.status),
              let text = try? String(contentsOfFile: output, encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("totals:") }) else { return nil }
        return Double(line.dropFirst("totals:".count).trimmingCharacters(in: .whitespaces))
    }

    /// Removes the copy.
    func remove() {
        try? FileManager.default.removeItem(atPath: binary)
    }
}
