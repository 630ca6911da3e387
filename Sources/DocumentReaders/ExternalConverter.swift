// DocumentReaders: converters. Runs an installed command-line converter and returns its UTF-8 output.
import Foundation

/// A command-line converter from a Debian package (antiword, catdoc, pdftotext).
struct ExternalConverter: Sendable {
    /// The command name, looked up on PATH.
    let tool: String
    /// The Debian package that installs it.
    let package: String
    /// Arguments before the input file.
    let arguments: [String]
    /// Arguments after the input file.
    let trailingArguments: [String]

    /// The full path of the tool, or nil when it is not installed.
    var executable: String? {
        let searchPath = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for directory in searchPath.split(separator: ":") {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Runs the tool on `path` and returns what it wrote to standard output.
    func run(on path: String, reportingAs reported: String, timeout: Double) throws(ReadError) -> [UInt8] {
        guard let executable else { throw ReadError(path: reported, cause: .converterMissing(tool: tool, package: package)) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments + [path] + trailingArguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw ReadError(path: reported, cause: .converterFailed(tool: tool, status: -1, message: "\(error)"))
        }
        // Collect standard error on the side so a chatty tool cannot block on a full pipe.
        let errorBox = ErrorCollector()
        let errorThread = Thread { errorBox.set(errors.fileHandleForReading.readDataToEndOfFile()) }
        errorThread.start()
        let timer = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: timer)
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        let message = errorBox.wait()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let text = String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            let reason = process.terminationReason == .uncaughtSignal ? "stopped after \(Int(timeout)) s or killed" : text
            throw ReadError(path: reported, cause: .converterFailed(tool: tool, status: process.terminationStatus, message: reason))
        }
        return [UInt8](data)
    }
}

/// Holds standard error read on another thread.
private final class ErrorCollector: @unchecked Sendable {
    private let lock = NSCondition()
    private var data: Data?

    func set(_ value: Data) {
        lock.lock()
        data = value
        lock.signal()
        lock.unlock()
    }

    func wait() -> Data {
        lock.lock()
        while data == nil { lock.wait() }
        let value = data!
        lock.unlock()
        return value
    }
}
