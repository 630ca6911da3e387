// Review: checking a batch. Reads and judges many reports on every core, keeping the order they were given.
import ComplianceEngine
import DocumentReaders
import Foundation
import RuleModel

/// Checks a batch of reports in parallel.
///
/// Each worker compiles its own ``Checker`` (milliseconds), so that nothing a check holds is shared
/// between threads; the patterns the engine keeps in statics are shared, which PCRE2's per-thread JIT
/// stacks make safe. Reports are dealt to workers in turn; results come back in the order of the paths.
public enum BatchChecker {
    /// Reads and judges `paths` against `pack`. A file that cannot be read or checked becomes an
    /// ``InputError``; the rest go on. Throws only when the pack's checks cannot be compiled.
    public static func check(paths: [String], pack: ResolvedPack, options: EngineOptions = EngineOptions(),
                             readOptions: ReadOptions = ReadOptions(),
                             workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> RunResult {
        let count = max(1, min(workers, paths.count))
        let checkers = try (0..<count).map { _ in try Checker(pack: pack, options: options) }
        let slots = ResultSlots<DocumentResult>(count: paths.count)
        DispatchQueue.concurrentPerform(iterations: count) { worker in
            let checker = checkers[worker]
            for index in stride(from: worker, to: paths.count, by: count) {
                slots.set(index, Result { try checker.check(try DocumentReaders.read(path: paths[index], options: readOptions)) })
            }
        }
        var run = RunResult(documents: [], errors: [])
        for (index, path) in paths.enumerated() {
            do {
                run.documents.append(try slots.get(index))
            } catch {
                run.errors.append(InputError(path: path, message: "\(error)"))
            }
        }
        return run
    }
}
