// soatxet: the options of `check` that choose which reports to judge again: the cache and --changed-since.
import ArgumentParser
import ComplianceEngine
import Foundation

/// Options that spare work on large repositories of reports.
struct BatchOptions: ParsableArguments {
    @ArgumentParser.Flag(help: "Keep results by a hash of each report and of its pack, and reuse them for unchanged reports.")
    var cache = false

    @Option(name: .customLong("cache-dir"), help: ArgumentHelp("Folder of the cache.", valueName: "dir"))
    var cacheDirectory = ".soatxet-cache"

    @Option(name: .customLong("changed-since"), help: ArgumentHelp("Check only reports that git says changed since this commit or branch (committed or not, or new).", valueName: "ref"))
    var changedSince: String?

    @Option(name: .customLong("time-limit"), help: ArgumentHelp("Seconds one report may take (read, prepare, judge); a slower report is an input error (exit 2) and the batch goes on. 0 for no limit.", valueName: "seconds"))
    var timeLimit: Double = DocumentLimits.standard.timeLimit ?? 0

    @Option(name: .customLong("size-limit"), help: ArgumentHelp("Megabytes a report file may have; a larger one is an input error (exit 2), not read, and the batch goes on. 0 for no limit.", valueName: "MB"))
    var sizeLimit: Double = Double(DocumentLimits.standard.sizeLimit ?? 0) / Double(1 << 20)

    func validate() throws {
        guard timeLimit >= 0, timeLimit.isFinite else { throw ValidationError("--time-limit must be a number of seconds, 0 or more") }
        guard sizeLimit >= 0, sizeLimit.isFinite else { throw ValidationError("--size-limit must be a number of megabytes, 0 or more") }
    }

    /// The per-report limits from --time-limit and --size-limit (0 means none).
    var limits: DocumentLimits {
        DocumentLimits(timeLimit: timeLimit > 0 ? timeLimit : nil,
                       sizeLimit: sizeLimit > 0 ? Int(sizeLimit * Double(1 << 20)) : nil)
    }

    /// The cache to use, or nil without --cache.
    func openCache() throws -> ResultCache? {
        cache ? try ResultCache(folder: cacheDirectory) : nil
    }

    /// `inputs` without the reports git does not list as changed since --changed-since (all without it).
    func filter(_ inputs: [String]) throws -> [String] {
        guard let changedSince else { return inputs }
        let root = try git(["rev-parse", "--show-toplevel"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let changed = try git(["diff", "--name-only", "--no-renames", changedSince, "--"])
            + git(["ls-files", "--others", "--exclude-standard"], in: root)
        let paths = Set(changed.split(separator: "\n").map { URL(fileURLWithPath: root).appendingPathComponent(String($0)).standardizedFileURL.path })
        return inputs.filter { $0 == "-" || paths.contains(URL(fileURLWithPath: $0).standardizedFileURL.path) }
    }

    /// Runs git; its error output becomes the error.
    private func git(_ arguments: [String], in directory: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + (directory.map { ["-C", $0] } ?? []) + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw ValidationError("--changed-since needs git: \(error)")
        }
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let problem = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("--changed-since \(changedSince ?? ""): git \(arguments.first ?? ""): "
                + String(decoding: problem, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
