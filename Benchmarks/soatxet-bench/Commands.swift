// soatxet-bench: running other programs (the peers, the soatxet executable); wall time, exit status, peak memory.
import Foundation

/// One finished run of a program.
struct CommandRun {
    /// Wall-clock seconds from start to exit.
    var seconds: Double
    /// CPU seconds (user and system) of the program and its children: robust against a busy shared machine.
    var cpuSeconds: Double
    /// Exit status.
    var status: Int32
    /// Standard output, when it was captured.
    var output: Data
    /// Peak resident set in KB, when the run was wrapped in `/usr/bin/time -f %M`.
    var peakKB: Int?
}

enum Commands {
    /// Whether `name` is on the PATH.
    static func installed(_ name: String) -> Bool {
        run(["sh", "-c", "command -v \(name)"])?.status == 0
    }

    /// Runs `arguments` (looked up on the PATH) in `directory`; nil when it cannot start.
    /// With `memory`, the run goes through `/usr/bin/time -f %M` and reports its peak resident set.
    static func run(_ arguments: [String], in directory: URL? = nil, capture: Bool = false, memory: Bool = false) -> CommandRun? {
        let process = Process()
        let timeFile = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-bench-time-\(getpid())")
        if memory {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/time")
            process.arguments = ["-f", "%M", "-o", timeFile.path] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
        }
        if let directory { process.currentDirectoryURL = directory }
        let pipe = Pipe()
        process.standardOutput = capture ? pipe : FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let cpuBefore = childrenCPUSeconds()
        let start = DispatchTime.now().uptimeNanoseconds
        guard (try? process.run()) != nil else { return nil }
        let output = capture ? pipe.fileHandleForReading.readDataToEndOfFile() : Data()
        process.waitUntilExit()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var peak: Int?
        if memory, let text = try? String(contentsOf: timeFile, encoding: .utf8) {
            peak = text.split(separator: "\n").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }.last
            try? FileManager.default.removeItem(at: timeFile)
        }
        return CommandRun(seconds: seconds, cpuSeconds: childrenCPUSeconds() - cpuBefore, status: process.terminationStatus, output: output, peakKB: peak)
    }

    /// CPU seconds of every child that has ended and been waited for.
    static func childrenCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Median wall seconds, median CPU seconds and largest peak memory (KB) of `runs` runs whose exit status `accept` takes;
    /// nil when a run cannot start or ends with another status.
    static func median(runs: Int, _ arguments: [String], in directory: URL? = nil, memory: Bool = false,
                       accept: (Int32) -> Bool = { $0 == 0 }) -> (seconds: Double, cpuSeconds: Double, peakKB: Int?)? {
        var times: [Double] = []
        var cpu: [Double] = []
        var peak: Int?
        for _ in 0..<max(runs, 1) {
            guard let result = run(arguments, in: directory, memory: memory), accept(result.status) else { return nil }
            times.append(result.seconds)
            cpu.append(result.cpuSeconds)
            if let kb = result.peakKB { peak = max(peak ?? 0, kb) }
        }
        return (times.median, cpu.median, peak)
    }
}
