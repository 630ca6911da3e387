// Review: the output folder. Renders every review file and puts the folder in place in one step.
import AtomicFiles
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The files `soatxet review` writes, and writing them atomically.
///
/// Atomicity: the whole folder is built in a hidden temporary sibling (`.<name>.soatxet-<random>`, on
/// the same file system) and then renamed into place. A new folder appears complete or not at all.
/// An existing review folder (one holding `index.html`, or an empty one) is swapped with the new one
/// in a single `renameat2(RENAME_EXCHANGE)` on Linux, then the old one is deleted; where the exchange
/// is not available, the old folder is renamed aside first, leaving a moment with no folder but never
/// a half-written one. A failure removes the temporary folder and leaves the old output untouched.
public enum ReviewOutput {
    /// Every file of the review, by path relative to the output folder, in a stable order:
    /// `index.html`, `summary.csv`, `summary.md`, then `feedback/<slug>.md` and `.docx` per report.
    public static func files(for batch: ReviewBatch) throws -> [(path: String, data: Data)] {
        var files: [(String, Data)] = [
            ("index.html", Data(HTMLPage.render(batch).utf8)),
            ("summary.csv", SummaryCSV.render(batch)),
            ("summary.md", Data(SummaryMarkdown.render(batch).utf8)),
        ]
        // Letters are independent: render them on every core.
        let reports = batch.reports
        let letters = ResultSlots<(Data, Data)>(count: reports.count)
        DispatchQueue.concurrentPerform(iterations: reports.count) { index in
            let letter = FeedbackLetter(report: reports[index], batch: batch)
            letters.set(index, Result { (Data(letter.markdown.utf8), try WordLetter.render(letter, language: batch.language)) })
        }
        for (index, report) in reports.enumerated() {
            let (markdown, word) = try letters.get(index)
            files.append(("feedback/\(report.slug).md", markdown))
            files.append(("feedback/\(report.slug).docx", word))
        }
        return files
    }

    /// Writes the review of `batch` into `folder`, atomically as described above; returns the files written.
    @discardableResult
    public static func write(_ batch: ReviewBatch, to folder: URL) throws -> [String] {
        let files = try files(for: batch)
        try writeFolder(files, to: folder)
        return files.map(\.path)
    }

    /// Builds `files` in a temporary sibling of `folder` and renames it into place.
    public static func writeFolder(_ files: [(path: String, data: Data)], to folder: URL) throws {
        let manager = FileManager.default
        let folder = folder.standardizedFileURL
        let parent = folder.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: folder.path, isDirectory: &isDirectory)
        if exists {
            let contents = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard isDirectory.boolValue, contents.isEmpty || contents.contains("index.html") else {
                throw ReviewError.outputNotAReviewFolder(path: folder.path)
            }
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw ReviewError.cannotWrite(path: parent.path, reason: error.localizedDescription)
        }
        let temporary = parent.appendingPathComponent(".\(folder.lastPathComponent).soatxet-\(UUID().uuidString.prefix(8))")
        // A signal while the folder is built stops the run at the next file, and what is built of
        // it is removed; once it is in place, the old review is removed before the signal is raised.
        let built = TerminationCleanup.tree(root: temporary.path, subpaths: files.map(\.path))
        try TerminationCleanup.removing(built) { () throws -> Void in
            do {
                for (path, data) in files {
                    TerminationCleanup.checkpoint()
                    let url = temporary.appendingPathComponent(path)
                    try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try data.write(to: url)
                }
            } catch {
                try? manager.removeItem(at: temporary)
                throw ReviewError.cannotWrite(path: temporary.path, reason: error.localizedDescription)
            }
            TerminationCleanup.checkpoint()
            if let old = try moveIntoPlace(temporary, folder, replacing: exists) { try? manager.removeItem(at: old) }
        }
    }

    /// Renames the built `temporary` folder to `folder`, in exchange for the old review when there
    /// is one (`replacing`); returns where the old review now is, for removal.
    private static func moveIntoPlace(_ temporary: URL, _ folder: URL, replacing exists: Bool) throws -> URL? {
        let manager = FileManager.default
        let parent = folder.deletingLastPathComponent()
        guard exists else {
            guard rename(temporary.path, folder.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(at: temporary)
                throw ReviewError.cannotWrite(path: folder.path, reason: reason)
            }
            return nil
        }
        // The old review is then at the temporary name.
        if exchange(temporary.path, folder.path) { return temporary }
        let aside = parent.appendingPathComponent(".\(folder.lastPathComponent).soatxet-old-\(UUID().uuidString.prefix(8))")
        guard rename(folder.path, aside.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporary)
            throw ReviewError.cannotWrite(path: folder.path, reason: reason)
        }
        guard rename(temporary.path, folder.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(aside.path, folder.path)
            try? manager.removeItem(at: temporary)
            throw ReviewError.cannotWrite(path: folder.path, reason: reason)
        }
        return aside
    }

    /// Swaps two paths in one step where the system can: Linux's `renameat2` with `RENAME_EXCHANGE`,
    /// looked up at run time (Swift's Glibc module does not declare it; glibc has it since 2.28).
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
        let atCurrentDirectory: Int32 = -100, renameExchange: UInt32 = 1 << 1
        return renameat2(atCurrentDirectory, first, atCurrentDirectory, second, renameExchange) == 0
        #else
        return false
        #endif
    }

    /// Writes one file atomically (see ``AtomicFile``).
    public static func writeFile(_ data: Data, to url: URL) throws {
        do {
            try AtomicFile.write(data, to: url.path)
        } catch {
            throw ReviewError.cannotWrite(path: url.path, reason: error.description)
        }
    }
}

/// Results filled in concurrently, one slot per index, read back in order.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<Value, Error>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    func get(_ index: Int) throws -> Value {
        lock.lock()
        defer { lock.unlock() }
        return try slots[index]!.get()
    }
}
