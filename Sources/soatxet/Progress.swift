// soatxet: progress. A one-line progress bar on standard error, only on a terminal and never in CI.
import Foundation

/// Draws "[=====>    ] 12/100" on standard error while a batch runs.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var last = -1

    /// Enabled when standard error is a terminal, the batch has several files, and `CI` is not set.
    init(total: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
        enabled = total > 1 && isatty(2) == 1 && environment["CI"] == nil
    }

    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let width = 30
        let filled = total == 0 ? width : done * width / total
        guard filled != last || done == total else { return }
        last = filled
        let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
        if done == total { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
