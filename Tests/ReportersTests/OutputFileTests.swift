import Foundation
import Reporters
import XCTest

/// `--output`: the file appears whole or not at all.
final class OutputFileTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

    func testWritesAndReplacesWithNothingLeftBeside() throws {
        let path = folder.appendingPathComponent("ket-qua.sarif").path
        try OutputFile.write("lần đầu\n", to: path)
        try OutputFile.write("Báo cáo sơ kết: chưa đạt\n", to: path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), "Báo cáo sơ kết: chưa đạt\n")
        XCTAssertEqual(try contents(), ["ket-qua.sarif"])
    }

    func testAMissingFolderIsAClearErrorAndCreatesNothing() throws {
        let path = folder.appendingPathComponent("khong-co/ket-qua.xml").path
        XCTAssertThrowsError(try OutputFile.write("x", to: path)) { error in
            XCTAssertEqual(error as? OutputError, .noFolder(path: path, folder: folder.appendingPathComponent("khong-co").path))
            let message = (error as? OutputError)?.message(language: "vi") ?? ""
            XCTAssertTrue(message.contains("thư mục '\(folder.appendingPathComponent("khong-co").path)' không tồn tại"), message)
        }
        XCTAssertEqual(try contents(), [])
    }

    /// When the rename fails (the destination is a folder), the temporary file is removed.
    func testAFailedRenameLeavesNoTemporaryFile() throws {
        let path = folder.appendingPathComponent("la-thu-muc").path
        try FileManager.default.createDirectory(atPath: path + "/con", withIntermediateDirectories: true)
        XCTAssertThrowsError(try OutputFile.write("x", to: path)) { error in
            guard case .cannotWrite = error as? OutputError else { return XCTFail("\(error)") }
        }
        XCTAssertEqual(try contents(), ["la-thu-muc"])
    }
}
