// Reporters: the output file. Writes a report atomically: a temporary file beside it, then a rename.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the output could not be written; nothing is left at the destination or beside it.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder the file should go in does not exist or is not a folder.
    case noFolder(path: String, folder: String)
    /// Writing or renaming failed, with the system's reason.
    case cannotWrite(path: String, reason: String)

    /// The message in Vietnamese ("vi") or English ("en").
    public func message(language: String) -> String {
        let en = language == "en"
        switch self {
        case let .noFolder(path, folder):
            return en
                ? "cannot write the output '\(path)': folder '\(folder)' does not exist; create it or choose another path"
                : "không ghi được tệp kết quả '\(path)': thư mục '\(folder)' không tồn tại; hãy tạo thư mục hoặc chọn đường dẫn khác"
        case let .cannotWrite(path, reason):
            return en
                ? "cannot write the output '\(path)': \(reason); check the folder's permissions and free space"
                : "không ghi được tệp kết quả '\(path)': \(reason); hãy kiểm tra quyền ghi và dung lượng trống của thư mục"
        }
    }

    public var description: String { message(language: "en") }
}

/// Writes output files so that readers never see half of one: the text goes to a temporary file in the
/// same folder (same file system, so the rename is atomic), which is then renamed over the destination.
public enum OutputFile {
    /// Writes `text` to `path` atomically; on failure removes the temporary file and throws ``OutputError``.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError.noFolder(path: path, folder: folder.path)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let data = Data(text.utf8)
        try TerminationCleanup.removing(temporary.path) {
            do {
                try data.write(to: temporary, options: [.withoutOverwriting])
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                throw OutputError.cannotWrite(path: path, reason: reason(error))
            }
            if rename(temporary.path, url.path) != 0 {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: temporary)
                throw OutputError.cannotWrite(path: path, reason: reason)
            }
        }
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
    static func removing<T>(_ path: String, during body: () throws -> T) rethrows -> T {
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
        return try body()
    }
}

