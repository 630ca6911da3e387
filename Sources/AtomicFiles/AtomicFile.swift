// AtomicFiles: writing a file whole or not at all: a temporary file beside it, renamed over it, and removed on failure or when a signal stops the run.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be written; nothing is left at the destination or beside it.
public enum AtomicWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder the file should go in does not exist or is not a folder.
    case noFolder(folder: String)
    /// Writing or renaming failed, with the system's reason.
    case cannotWrite(reason: String)

    public var description: String {
        switch self {
        case let .noFolder(folder): return "folder '\(folder)' does not exist"
        case let .cannotWrite(reason): return reason
        }
    }
}

/// Writes files so that readers never see half of one: the data goes to a temporary file in the same
/// folder (same file system, so the rename is atomic), which is then renamed over the destination.
public enum AtomicFile {
    /// Writes `data` to `path` atomically. On failure, and when SIGINT, SIGTERM or SIGHUP stops the
    /// process during the write, the temporary file is removed. For command-line runs: the process's
    /// handlers of those signals are replaced for the length of the write, and writes take turns.
    public static func write(_ data: Data, to path: String) throws(AtomicWriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noFolder(folder: folder.path)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let failure: AtomicWriteError? = TerminationCleanup.removing(temporary.path) {
            do {
                try data.write(to: temporary, options: [.withoutOverwriting])
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                return .cannotWrite(reason: reason(error))
            }
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                return .cannotWrite(reason: reason)
            }
            return nil
        }
        if let failure { throw failure }
    }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(code)))
        }
        return (error as NSError).localizedDescription
    }
}

/// Removes a file if the process is stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP while it exists,
/// then lets the signal stop the process as it would have: an interrupted write leaves no temporary
/// file behind, and the exit status still tells the signal. A signal the process ignores (SIGHUP
/// under `nohup`) stays ignored.
enum TerminationCleanup {
    /// The signals handled: those that stop a command-line run from outside.
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The file the handler removes, as a C string (a signal handler may only call async-signal-safe
    /// functions: `unlink`, `signal`, `raise`). One write at a time holds it.
    nonisolated(unsafe) private static var path: UnsafeMutablePointer<CChar>?
    private static let lock = NSLock()

    /// Runs `body` with `path` removed should one of the signals arrive meanwhile.
    static func removing<T>(_ path: String, during body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        Self.path = strdup(path)
        var previous: [(number: Int32, action: sigaction)] = []
        for number in signals {
            var current = sigaction()
            sigaction(number, nil, &current)
            if let handler = current.__sigaction_handler.sa_handler,
               unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                if let path = TerminationCleanup.path { unlink(path) }
                signal(received, SIG_DFL)
                raise(received)
            }
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
            previous.append((number, current))
        }
        defer {
            for (number, old) in previous {
                var old = old
                sigaction(number, &old, nil)
            }
            free(Self.path)
            Self.path = nil
        }
        return body()
    }
}

