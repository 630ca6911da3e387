// ComplianceEngine: batches. Runs per-file work on all cores, few files in memory at once, results in input order.
import Foundation

/// Runs work over many files in parallel with deterministic output order.
///
/// `workers` threads each take the next file, so at most `workers` documents are held at once,
/// whatever the batch size. Results come back in the order of the input, whichever finished first.
public enum Batch {
    /// The number of workers used by default: one per active core.
    public static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `work` on every item on `workers` threads; returns the results in input order.
    /// `progress` is called after each item with (done, total), from the worker threads.
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], workers: Int = defaultWorkers,
        progress: (@Sendable (Int, Int) -> Void)? = nil,
        _ work: @Sendable (Item) -> Output
    ) -> [Output] {
        let state = BatchState<Output>(count: items.count)
        let threads = max(1, min(workers, items.count))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = state.next() {
                let output = work(items[index])
                let done = state.store(output, at: index)
                progress?(done, items.count)
            }
        }
        return state.results()
    }
}

/// The shared state of one batch: the next index to take and the results stored so far.
private final class BatchState<Output: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var done = 0
    private var outputs: [Output?]

    init(count: Int) { outputs = Array(repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard nextIndex < outputs.count else { return nil }
        nextIndex += 1
        return nextIndex - 1
    }

    func store(_ output: Output, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        outputs[index] = output
        done += 1
        return done
    }

    func results() -> [Output] {
        lock.lock()
        defer { lock.unlock() }
        return outputs.map { $0! }
    }
}
