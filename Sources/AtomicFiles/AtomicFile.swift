// AtomicFiles: writing a file whole or not at all (a temporary file beside it, renamed over it), and removing temporary files and folders on failure or when a signal stops the run.
import Foundation
import Synchronization
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
    /// process during the write, the temporary file is removed (see ``TerminationCleanup``).
    public static func write(_ data: Data, to path: String) throws(AtomicWriteError) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw .noFolder(folder: folder.path)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        let failure: AtomicWriteError? = TerminationCleanup.removing([temporary.path]) {
            do {
                try data.write(to: temporary, options: [.withoutOverwriting])
            } catch {
                try? FileManager.default.removeItem(at: temporary)
                return .cannotWrite(reason: reason(error))
            }
            // A signal during the write stops the run here, before the file takes the name.
            TerminationCleanup.checkpoint()
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

/// Removes temporary files and folders if the process is stopped by Ctrl-C (SIGINT), SIGTERM or
/// SIGHUP while they may exist, then lets the signal stop the process as it would have: an
/// interrupted write leaves nothing behind, and the exit status still tells the signal. A signal the
/// process ignores (SIGHUP under `nohup`) stays ignored.
///
/// The signal is held until the body's next ``checkpoint()`` or its end, where the paths are removed
/// and the signal raised again: a handler that removed them at once could race the body, which may
/// be creating one of them on another thread. A second signal while one is held removes them and
/// stops the process at once. For command-line runs: the process's handlers of those signals are
/// replaced while a body runs, and callers take turns.
public enum TerminationCleanup {
    /// The signals handled: those that stop a command-line run from outside.
    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]
    /// The paths removed, as C strings (the handler may only call async-signal-safe functions:
    /// `unlink`, `rmdir`, `signal`, `raise`), and how many. One caller at a time holds them.
    nonisolated(unsafe) private static var paths: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    nonisolated(unsafe) private static var pathCount = 0
    /// The signal held for the next checkpoint, or 0.
    private static let held = Atomic<Int32>(0)
    private static let lock = NSLock()

    /// Runs `body` with `paths` removed, in their order, should one of the signals arrive meanwhile:
    /// a file is unlinked, a folder removed once empty, so a folder's contents come before it. A
    /// path that does not exist (yet, or any more) is passed over.
    public static func removing<T, E: Error>(_ paths: [String], during body: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        defer { lock.unlock() }
        let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: max(paths.count, 1))
        for (index, path) in paths.enumerated() { list[index] = strdup(path) }
        Self.paths = list
        Self.pathCount = paths.count
        held.store(0, ordering: .sequentiallyConsistent)
        var previous: [(number: Int32, action: sigaction)] = []
        for number in signals {
            var current = sigaction()
            sigaction(number, nil, &current)
            if let handler = current.__sigaction_handler.sa_handler,
               unsafeBitCast(handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self) { continue }
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { received in
                // The first signal is held; a second one stops the run here.
                guard TerminationCleanup.held.exchange(received, ordering: .sequentiallyConsistent) != 0 else { return }
                TerminationCleanup.stop(received)
            }
            sigemptyset(&action.sa_mask)
            sigaction(number, &action, nil)
            previous.append((number, current))
        }
        defer {
            checkpoint()
            for (number, old) in previous {
                var old = old
                sigaction(number, &old, nil)
            }
            Self.paths = nil
            Self.pathCount = 0
            for index in 0..<paths.count { free(list[index]) }
            list.deallocate()
        }
        return try body()
    }

    /// Within a body of ``removing(_:during:)``: if a signal has arrived, removes the paths and
    /// stops the process by that signal; otherwise returns at once. Outside a body it does nothing.
    public static func checkpoint() {
        let received = held.load(ordering: .sequentiallyConsistent)
        if received != 0 && paths != nil { stop(received) }
    }

    /// Removes the paths, then raises `received` with its default action: the process ends by it.
    private static func stop(_ received: Int32) -> Never {
        if let paths {
            for index in 0..<pathCount {
                guard let path = paths[index] else { continue }
                if unlink(path) != 0 { rmdir(path) }
            }
        }
        signal(received, SIG_DFL)
        raise(received)
        // A signal blocked in this thread is delivered once unblocked; it stops the process then.
        var pending = sigset_t()
        sigemptyset(&pending)
        sigaddset(&pending, received)
        sigprocmask(SIG_UNBLOCK, &pending, nil)
        _exit(128 + received)
    }

    /// The paths of a folder tree for ``removing(_:during:)``: `root` joined with each of `subpaths`
    /// (relative to it, "/" between folders) and with every folder above them, deepest first (paths
    /// of one depth in the order given, the folders not given after them), then `root` itself.
    public static func tree(root: String, subpaths: [String]) -> [String] {
        var all = subpaths
        var seen = Set(subpaths)
        for path in subpaths {
            // (Foundation's deletingLastPathComponent traps on some one-letter names on Linux.)
            var folder = path.lastIndex(of: "/").map { path[..<$0] }
            while let name = folder, seen.insert(String(name)).inserted {
                all.append(String(name))
                folder = name.lastIndex(of: "/").map { name[..<$0] }
            }
        }
        let depth = { (path: String) in path.utf8.count { $0 == UInt8(ascii: "/") } }
        let ordered = all.enumerated().sorted { (depth($0.element), $1.offset) > (depth($1.element), $0.offset) }
        return ordered.map { root + "/" + $0.element } + [root]
    }
}
