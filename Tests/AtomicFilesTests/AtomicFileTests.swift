// AtomicFilesTests: a file is written whole or not at all, and nothing is left beside it.
import AtomicFiles
import Foundation
import XCTest

final class AtomicFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func contents() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    func testWritesAndReplacesLeavingNothingBeside() throws {
        let path = folder.appendingPathComponent("ket-qua.json").path
        try AtomicFile.write(Data("một".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "một")
        try AtomicFile.write(Data("hai".utf8), to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "hai")
        XCTAssertEqual(try contents(), ["ket-qua.json"])
    }

    func testAMissingFolderIsNamedAndNothingIsMade() throws {
        let missing = folder.appendingPathComponent("khong-co")
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: missing.appendingPathComponent("a.json").path)) { error in
            XCTAssertEqual(error as? AtomicWriteError, .noFolder(folder: missing.path))
            XCTAssertEqual("\(error)", "folder '\(missing.path)' does not exist")
        }
        XCTAssertEqual(try contents(), [])
    }

    /// The rename fails (a folder holds the name): the error says why and the temporary file is gone.
    func testAFailedRenameLeavesNoTemporaryFile() throws {
        let taken = folder.appendingPathComponent("ket-qua.json")
        try FileManager.default.createDirectory(at: taken.appendingPathComponent("ben-trong"), withIntermediateDirectories: true)
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: taken.path)) { error in
            guard case let .cannotWrite(reason) = error as? AtomicWriteError else { return XCTFail("\(error)") }
            XCTAssertFalse(reason.isEmpty)
        }
        XCTAssertEqual(try contents(), ["ket-qua.json"])
    }

    /// A folder tree is removed contents first: every path comes before the folder holding it, the
    /// root last, and paths at one depth keep their order.
    func testATreeListsContentsBeforeTheirFolders() {
        let tree = TerminationCleanup.tree(root: "/r/.out", subpaths: ["a", "d.csv", "a/b/c.html", "a/b", "a/e.html"])
        XCTAssertEqual(tree, ["/r/.out/a/b/c.html", "/r/.out/a/b", "/r/.out/a/e.html", "/r/.out/a", "/r/.out/d.csv", "/r/.out"])
        for (index, path) in tree.enumerated() {
            let folder = (path as NSString).deletingLastPathComponent
            if let holder = tree.firstIndex(of: folder) { XCTAssertLessThan(index, holder, path) }
        }
    }

    /// While a body runs, SIGINT, SIGTERM and SIGHUP have the cleanup's handler, unless ignored; after
    /// it, the process's own handlers are back.
    func testHandlersAreReplacedForTheBodyOnlyAndIgnoredSignalsStayIgnored() {
        let hangUp = signal(SIGHUP, SIG_IGN)
        let terminate = signal(SIGTERM, SIG_DFL)
        defer {
            signal(SIGHUP, hangUp)
            signal(SIGTERM, terminate)
        }
        func handler(_ number: Int32) -> Int {
            var action = sigaction()
            sigaction(number, nil, &action)
            return unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self)
        }
        let ignored = unsafeBitCast(SIG_IGN, to: Int.self), byDefault = unsafeBitCast(SIG_DFL, to: Int.self)
        let during = TerminationCleanup.removing([folder.appendingPathComponent("x.tmp").path]) {
            (hangUp: handler(SIGHUP), terminate: handler(SIGTERM))
        }
        XCTAssertEqual(during.hangUp, ignored)
        XCTAssertNotEqual(during.terminate, byDefault)
        XCTAssertNotEqual(during.terminate, ignored)
        XCTAssertEqual(handler(SIGHUP), ignored)
        XCTAssertEqual(handler(SIGTERM), byDefault)
    }
}
