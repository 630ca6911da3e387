// ReviewServer: checking uploads. CheckService owns the private temporary folder, the time limit and the calls into the library.
import ComplianceEngine
import Configuration
import DocumentReaders
import Foundation
import Reporters
import RuleModel
import VietnameseText

/// One uploaded report: the name it was sent with and its bytes.
public struct Upload: Sendable {
    /// The file name as sent (only its last component is used).
    public let name: String
    /// The file's bytes.
    public let data: Data

    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// The reports of one request, checked, while their temporary copies still exist.
public struct CheckedUploads: @unchecked Sendable {
    /// The results, with each report's path set to the name it was uploaded with.
    public let run: RunResult
    /// The pack they were judged against.
    public let pack: ResolvedPack
    /// "vi" or "en".
    public let language: String
    /// The temporary copy of each report by its uploaded name; gone once the request is answered.
    public let files: [String: String]
    /// The context the reporters get, as `soatxet check` builds it.
    public let context: ReportContext

    /// `run` in output format `format`, as `soatxet check --format <format>` prints it.
    public func render(_ format: String) throws -> String {
        guard let reporter = Reporters.all[format] else { throw APIError.unknownFormat(format) }
        return try reporter.report(run, context: context)
    }
}

/// Checks uploaded reports with the same library calls as `soatxet check`: ``ProjectChecker`` (one per
/// pack and language, compiled once) and the ``Reporters``. Each request's files are written to a
/// private folder (mode 0700) under the system's temporary folder and removed when the work is done,
/// whether the request was answered in time or not. Checking runs on a bounded pool of threads so
/// that the server's event loops never block; a request that waits or runs longer than the time
/// limit is answered 503.
public final class CheckService: @unchecked Sendable {
    /// The output formats the API offers (those of `soatxet check --format`).
    public static let formats = Reporters.all.keys.sorted()

    /// The packs that can be named.
    public let library: PackLibrary
    /// The pack used when a request names none.
    public let defaultPack: String
    /// The time limit per request, in seconds.
    public let timeout: Double
    private let lock = NSLock()
    private var checkers: [String: ProjectChecker] = [:]
    private let queue: OperationQueue
    private let root: URL

    public init(library: PackLibrary = .standard(), defaultPack: String, timeout: Double,
                workers: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)) {
        self.library = library
        self.defaultPack = defaultPack
        self.timeout = timeout
        queue = OperationQueue()
        queue.maxConcurrentOperationCount = workers
        queue.name = "soatxet.serve.check"
        root = FileManager.default.temporaryDirectory
    }

    /// The IDs of the packs on offer.
    public var packIDs: [String] { library.availableIDs() }

    /// The checker for `pack` in `language`; the pack must be an ID of the library (never a path).
    func projectChecker(pack: String, language: String) throws -> ProjectChecker {
        guard packIDs.contains(pack) else { throw APIError.unknownPack(pack) }
        let key = pack + "|" + language
        lock.lock()
        defer { lock.unlock() }
        if let known = checkers[key] { return known }
        let checker = try ProjectChecker(library: library, finder: ConfigFinder(workingDirectory: root.path),
                                         overrides: .init(pack: pack, language: language))
        checkers[key] = checker
        return checker
    }

    /// A file name safe to write: the last path component, without control characters or a leading dot,
    /// with a report extension; throws ``APIError/badFileName(_:)`` otherwise.
    public static func safeName(_ name: String) throws -> String {
        let last = name.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var cleaned = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != ":" }.map(Character.init))
        while cleaned.hasPrefix(".") { cleaned.removeFirst() }
        cleaned = String(cleaned.prefix(200))
        let ext = (cleaned as NSString).pathExtension
        guard !cleaned.isEmpty, !(cleaned as NSString).deletingPathExtension.isEmpty, DocumentReaders.format(forExtension: ext) != nil else {
            throw APIError.badFileName(name)
        }
        return cleaned
    }

    /// Checks `uploads` against `pack` and calls `body` with the results while the temporary copies
    /// exist; returns what `body` returns. Throws ``APIError`` for a bad pack or name, and
    /// ``APIError/timedOut(seconds:)`` when the work does not finish within the time limit.
    public func check<T: Sendable>(_ uploads: [Upload], pack: String?, language: String,
                                   body: @escaping @Sendable (CheckedUploads) throws -> T) async throws -> T {
        let packID = pack ?? defaultPack
        let checker = try projectChecker(pack: packID, language: language)
        let names = try uploads.map { try Self.safeName($0.name) }
        let folder = root.appendingPathComponent("soatxet-serve-" + UUID().uuidString)
        let resolved = try checker.checker(for: checker.settings(for: folder.appendingPathComponent("x.txt").path)).engine.pack.resolved
        let work: @Sendable () throws -> T = {
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            var files: [String: String] = [:]
            var paths: [String] = []
            var shown: [String: String] = [:]
            for (index, upload) in uploads.enumerated() {
                let slot = folder.appendingPathComponent(String(index))
                try FileManager.default.createDirectory(at: slot, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
                let path = slot.appendingPathComponent(names[index]).path
                guard FileManager.default.createFile(atPath: path, contents: upload.data, attributes: [.posixPermissions: 0o600]) else {
                    throw APIError.unreadable(name: names[index], reason: "cannot write a temporary copy")
                }
                paths.append(path)
                shown[path] = names[index]
                if files[names[index]] == nil { files[names[index]] = path }
            }
            var run = checker.check(paths, workers: 1)
            run.documents = run.documents.map { $0.replacingPath(shown[$0.path] ?? $0.path) }
            run.errors = run.errors.map { InputError(path: shown[$0.path] ?? names.first ?? $0.path,
                                                     message: Self.scrub($0.message, folder: folder.path)) }
            let reader = SourceText.reader()
            let copies = files
            let context = ReportContext(
                language: checker.language, colour: false, tool: ToolInfo(name: "soatxet", version: "0.1.0"),
                rules: RuleDescriptor.merged(checker.usedPacks.map { RuleDescriptor.catalogue(of: $0, language: checker.language) }),
                sourceText: { name in copies[name].flatMap(reader) })
            return try body(CheckedUploads(run: run, pack: resolved, language: checker.language, files: copies, context: context))
        }
        return try await withTimeout(work)
    }

    /// Runs `work` on the checking pool; throws ``APIError/timedOut(seconds:)`` when it has not
    /// finished after ``timeout`` seconds (it then finishes in the background and cleans up after itself).
    private func withTimeout<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        let once = Once<T>()
        let seconds = timeout
        return try await withCheckedThrowingContinuation { continuation in
            once.set(continuation)
            queue.addOperation { once.finish(Result { try work() }) }
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { once.finish(.failure(APIError.timedOut(seconds: seconds))) }
        }
    }

    /// A message without the private folder's path.
    static func scrub(_ message: String, folder: String) -> String {
        var text = message
        while let range = text.range(of: folder) {
            var end = range.upperBound
            // Drop "/<slot>/" after the folder as well.
            if end < text.endIndex, text[end] == "/" {
                end = text.index(after: end)
                while end < text.endIndex, text[end].isNumber { end = text.index(after: end) }
                if end < text.endIndex, text[end] == "/" { end = text.index(after: end) }
            }
            text.replaceSubrange(range.lowerBound..<end, with: "")
        }
        return text
    }
}

/// Resumes a continuation once: with the work's result or with the timeout, whichever comes first.
private final class Once<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Error>?
    private var pending: Result<T, Error>?
    private var done = false

    func set(_ continuation: CheckedContinuation<T, Error>) {
        lock.lock()
        defer { lock.unlock() }
        if let pending { continuation.resume(with: pending) } else { self.continuation = continuation }
    }

    func finish(_ result: Result<T, Error>) {
        lock.lock()
        defer { lock.unlock() }
        guard !done else { return }
        done = true
        if let continuation { continuation.resume(with: result) } else { pending = result }
    }
}
