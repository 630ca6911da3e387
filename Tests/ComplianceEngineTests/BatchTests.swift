import CMalloc
import ComplianceEngine
import RuleModel
import XCTest

final class BatchTests: XCTestCase {
    func testResultsKeepTheInputOrderWhateverFinishesFirst() {
        let items = Array(0..<200)
        let results = Batch.map(items, workers: 4) { item -> Int in
            // Early items take longest, so they finish last.
            usleep(UInt32((200 - item) * 20))
            return item * 2
        }
        XCTAssertEqual(results, items.map { $0 * 2 })
    }

    func testLargeBlocksComeFromTheHeapOnceKept() throws {
        XCTAssertTrue(Batch.keepLargeBlocks())
        // Over the 32 MB that glibc's own threshold reaches at most, under the 64 MB of a thread's heap.
        let size = 40 << 20
        let mappedBefore = mallinfo2().hblkhd
        let block = try XCTUnwrap(malloc(size))
        defer { free(block) }
        XCTAssertEqual(mallinfo2().hblkhd, mappedBefore, "a 40 MB block was mapped on its own, not taken from the heap")
    }

    func testProgressCountsEveryItemOnce() {
        let counter = Counter()
        _ = Batch.map(Array(0..<50), workers: 3, progress: { done, total in counter.record(done, total) }) { $0 }
        XCTAssertEqual(counter.seen.sorted(), Array(1...50))
        XCTAssertEqual(counter.totals, [50])
    }

    func testWorkersRunAtTheSameTime() {
        let counter = Counter()
        _ = Batch.map(Array(0..<8), workers: 4) { _ -> Int in
            counter.enter()
            usleep(50_000)
            counter.leave()
            return 0
        }
        XCTAssertGreaterThan(counter.peak, 1)
        XCTAssertLessThanOrEqual(counter.peak, 4, "never more than `workers` items in hand")
    }

    func testACorpusFolderIsCheckedInOrderWithUnreadableFilesReported() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let checker = try Checker(pack: try PackLibrary(folders: [root.appendingPathComponent("Rules").path]).resolve("tld-so-ket-dh-ix"))
        let folder = root.appendingPathComponent("Corpus/tld-so-ket-dh-ix").path
        let reports = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
            .map { "\(folder)/\($0)" }
        let paths = Array(reports.prefix(6)) + ["\(folder)/khong-co.txt"] + Array(reports.dropFirst(6).prefix(4))
        let run = checker.check(paths: paths, workers: 2)
        XCTAssertEqual(run.documents.map(\.path), paths.filter { !$0.hasSuffix("khong-co.txt") })
        XCTAssertEqual(run.errors.map(\.path), ["\(folder)/khong-co.txt"])
        let sequential = checker.check(paths: paths, workers: 1)
        XCTAssertEqual(run.documents.map(\.score), sequential.documents.map(\.score))
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var seen: [Int] = []
    private(set) var totals = Set<Int>()
    private var current = 0
    private(set) var peak = 0

    func record(_ done: Int, _ total: Int) { lock.lock(); seen.append(done); totals.insert(total); lock.unlock() }
    func enter() { lock.lock(); current += 1; peak = max(peak, current); lock.unlock() }
    func leave() { lock.lock(); current -= 1; lock.unlock() }
}
