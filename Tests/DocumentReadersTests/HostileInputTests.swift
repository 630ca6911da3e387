// DocumentReadersTests: hostile and broken input. Each case ends in a typed error naming the file, or reads safely.
import XCTest
import VietnameseText
@testable import DocumentReaders

final class HostileInputTests: XCTestCase {
    /// Openings of a Markdown comment that never close, and many short comments: each is read once,
    /// not searched to the end again (a megabyte of them once took the reader minutes).
    func testUnclosedAndManyMarkupCommentsAreReadInOnePass() throws {
        let unclosed = "Báo cáo sơ kết <!-- " + String(repeating: "<!-- đoàn viên ", count: 60_000)
        let document = try DocumentReaders.read(bytes: Array(unclosed.utf8), format: .md, path: "mo-khong-dong.md")
        XCTAssertTrue(document.blocks.map(\.text).joined().hasPrefix("Báo cáo sơ kết <!--"))
        let many = String(repeating: "<!-- ghi chú -->\nKết nạp đoàn viên mới.\n", count: 20_000)
        let commented = try DocumentReaders.read(bytes: Array(many.utf8), format: .md, path: "nhieu-ghi-chu.md")
        XCTAssertEqual(commented.metadata.markupComments.count, 20_000)
        XCTAssertEqual(commented.metadata.markupComments.last?.nextContentLine, 40_000)
    }

    func testZipBombIsRefusedByRatioBeforeExtraction() throws {
        let scratch = try Scratch()
        // 24 MB of zeros deflate to ~24 KB: a ratio of about 1000.
        let entries = minimalDocx(body: paragraph("Báo cáo")) + [("word/media/bom.bin", [UInt8](repeating: 0, count: 24 << 20))]
        let path = try scratch.zip("bom.docx", entries)
        let package = try ZipPackage(path: path, data: Data(contentsOf: URL(fileURLWithPath: path)), limits: .standard)
        XCTAssertThrowsError(try package.read("word/media/bom.bin")) { error in
            guard case .archiveTooLarge(let entry, _) = (error as? ReadError)?.cause else { return XCTFail("\(error)") }
            XCTAssertEqual(entry, "word/media/bom.bin")
        }
    }

    func testDocumentPartBeyondTheSizeCapIsRefused() throws {
        let scratch = try Scratch()
        let big = String(repeating: paragraph("Công đoàn cơ sở tổ chức sinh hoạt chuyên đề."), count: 40_000)
        let path = try scratch.zip("lon.docx", minimalDocx(body: big))
        let limits = PackageLimits(maximumTotalSize: 1 << 20, maximumEntrySize: 1 << 20, maximumRatio: 1000, ratioFloor: 1 << 20)
        XCTAssertReadError(try DocumentReaders.read(path: path, options: ReadOptions(limits: limits))) {
            if case .archiveTooLarge(entry: "word/document.xml", _) = $0 { return true } else { return false }
        }
    }

    func testEntryPathEscapingThePackageIsRefused() throws {
        let scratch = try Scratch()
        var entries = minimalDocx(body: paragraph("Báo cáo"))
        entries.append(("word/../../etc/cron.d/soatxet", Array("* * * * * root true".utf8)))
        let path = try scratch.zip("thoat.docx", entries)
        XCTAssertReadError(try DocumentReaders.read(path: path)) { $0 == .unsafeEntryPath("word/../../etc/cron.d/soatxet") }
        XCTAssertFalse(ZipPackage.isSafe("/etc/passwd"))
        XCTAssertFalse(ZipPackage.isSafe("C:/Windows/win.ini"))
        XCTAssertTrue(ZipPackage.isSafe("word/document.xml"))
    }

    func testEntityExpansionAndExternalEntitiesAreRefusedNotExpanded() throws {
        let scratch = try Scratch()
        let laughs = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">
            <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY x SYSTEM "file:///etc/passwd">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&c;&x;</w:t></w:r></w:p></w:body></w:document>
            """
        let path = try scratch.zip("thuc-the.docx", [("word/document.xml", Array(laughs.utf8))])
        XCTAssertReadError(try DocumentReaders.read(path: path)) { $0 == .forbiddenXMLDeclaration(part: "word/document.xml") }
        // An undeclared entity reference is malformed, never looked up.
        let undeclared = try scratch.zip("khong-khai-bao.docx", minimalDocx(body: paragraph("&x;")))
        XCTAssertReadError(try DocumentReaders.read(path: undeclared)) {
            if case .malformedXML(part: "word/document.xml", _, _) = $0 { return true } else { return false }
        }
    }

    func testTruncatedZipIsACorruptArchive() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path("bao-cao-so-ket.docx"))))
        let scratch = try Scratch()
        let path = try scratch.write("cut.docx", Array(bytes.prefix(bytes.count * 2 / 3)))
        XCTAssertReadError(try DocumentReaders.read(path: path)) {
            if case .corruptArchive = $0 { return true } else { return false }
        }
    }

    /// Found by fuzz-docx and fuzz-check (LeakSanitizer): a package cut before its end record made
    /// ZIPFoundation's in-memory archive keep its copy of the file for ever, a leak the size of the upload.
    func testPackageWithoutEndRecordIsRefusedWithoutLeakingItsCopy() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path("bao-cao-so-ket.docx"))))
        let cut = Array(bytes.prefix(bytes.count * 2 / 3))
        XCTAssertThrowsError(try DocumentReaders.read(bytes: cut, format: .docx, path: "cut.docx")) { error in
            guard case .corruptArchive(let reason) = (error as? ReadError)?.cause else { return XCTFail("\(error)") }
            XCTAssertTrue(reason.contains("end of central directory"), reason)
        }
        // 64 reads of a 2 MB package with no end record: leaking each copy would grow the process by 128 MB.
        // (Under AddressSanitizer freed memory sits in quarantine, so LeakSanitizer checks this instead.)
        guard dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") == nil else { return }
        let large = cut + [UInt8](repeating: 0x20, count: 2 << 20)
        let before = residentBytes()
        for _ in 0..<64 { XCTAssertThrowsError(try DocumentReaders.read(bytes: large, format: .docx, path: "cut.docx")) }
        XCTAssertLessThan(residentBytes() - before, 48 << 20, "reading packages without an end record leaks memory")
    }

    /// Found by fuzz-docx (a Swift runtime trap, "Range requires lowerBound <= upperBound"): an offset in
    /// the central directory past the end of the file crashed ZIPFoundation's in-memory archive. Both
    /// offsets it follows are sent past the end here; each must be a clear error.
    func testCentralDirectoryOffsetsPastTheEndAreErrorsNotCrashes() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path("bao-cao-so-ket.docx"))))
        let end = try XCTUnwrap((0...(bytes.count - 22)).last { Array(bytes[$0..<$0 + 4]) == [0x50, 0x4B, 0x05, 0x06] })
        let directory = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
        let farAway: [UInt8] = [0xF0, 0xFF, 0xFF, 0x7F]
        var directoryPastEnd = bytes
        directoryPastEnd.replaceSubrange(end + 16..<end + 20, with: farAway)
        var localHeaderPastEnd = bytes
        localHeaderPastEnd.replaceSubrange(directory + 42..<directory + 46, with: farAway)
        for (name, hostile) in [("muc-luc-ngoai.docx", directoryPastEnd), ("dau-muc-ngoai.docx", localHeaderPastEnd)] {
            XCTAssertThrowsError(try DocumentReaders.read(bytes: hostile, format: .docx, path: name), name) { error in
                XCTAssertEqual((error as? ReadError)?.path, name)
            }
        }
    }

    /// Found by fuzz-docx (a timeout): in this 5.8 KB package a deflate stream does not end before the
    /// file does; ZIPFoundation's inflate loop then asked for more input for ever (reads at the end return
    /// nothing), and the reader hung past any time limit. The staged file now reads zeros past its end.
    func testADeflateStreamRunningPastTheEndIsAnErrorNotAHang() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: Fixture.path("fuzz-deflate-runs-past-end.docx"))))
        let finished = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = try? DocumentReaders.read(bytes: bytes, format: .docx, path: "treo.docx")
            finished.signal()
        }
        XCTAssertEqual(finished.wait(timeout: .now() + 10), .success, "reading the package did not finish in 10 s")
    }

    /// The process's resident memory in bytes (Linux /proc/self/statm), 0 where that is not available.
    private func residentBytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
        let fields = statm.split(separator: " ")
        return fields.count > 1 ? (Int(fields[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE))) : 0
    }

    func testPasswordProtectedDocxIsRecognised() throws {
        // A password-protected .docx is an OLE compound file holding an "EncryptedPackage" stream.
        var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        for unit in "EncryptedPackage".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        bytes += [UInt8](repeating: 0, count: 512)
        let scratch = try Scratch()
        let path = try scratch.write("mat-khau.docx", bytes)
        XCTAssertThrowsError(try DocumentReaders.read(path: path)) { error in
            XCTAssertEqual((error as? ReadError)?.cause, .encrypted)
            XCTAssertTrue("\(error)".hasPrefix(path + ": "))
        }
    }

    func testDocxWithoutDocumentPart() throws {
        let scratch = try Scratch()
        let path = try scratch.zip("rong.docx", [("word/styles.xml", Array("<w:styles/>".utf8))])
        XCTAssertReadError(try DocumentReaders.read(path: path)) { $0 == .missingPart("word/document.xml") }
    }

    func testLyingExtensionsAreReadByContentOrRefused() throws {
        let scratch = try Scratch()
        // A .docx that is really text.
        let text = try scratch.write("that-ra-la-van-ban.docx", Array("BÁO CÁO\nKết quả sơ kết giữa nhiệm kỳ.\n".utf8))
        let fromText = try DocumentReaders.read(path: text)
        XCTAssertEqual(fromText.format, .txt)
        XCTAssertEqual(fromText.blocks.first?.scope, .title)
        XCTAssertTrue(fromText.warnings.contains { $0.message.contains("named .docx but the content is plain text") })
        // A .txt that is really a Word package.
        let docx = try scratch.zip("that-ra-la-word.txt", minimalDocx(body: paragraph("Kết nạp mới 15 đoàn viên.")))
        let fromZip = try DocumentReaders.read(path: docx)
        XCTAssertEqual(fromZip.format, .docx)
        XCTAssertEqual(fromZip.blocks.map(\.text), ["Kết nạp mới 15 đoàn viên."])
        // A .txt that is a PNG image.
        let image = try scratch.write("anh.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13])
        XCTAssertReadError(try DocumentReaders.read(path: image)) { $0 == .contentMismatch(expected: .txt, found: "a PNG image") }
    }

    func testEmptyFileAndBinaryText() throws {
        let scratch = try Scratch()
        XCTAssertReadError(try DocumentReaders.read(path: scratch.write("rong.txt", []))) { $0 == .empty }
        XCTAssertReadError(try DocumentReaders.read(path: scratch.write("rong.docx", []))) { $0 == .empty }
        var generator = SystemRandomNumberGenerator()
        let binary = (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) } + [0, 0, 0xFF, 0xFE, 0x00]
        XCTAssertReadError(try DocumentReaders.read(path: scratch.write("nhi-phan.txt", [0x01, 0x02] + binary))) {
            if case .notText = $0 { return true } else { return false }
        }
    }

    func testLargeTextFileIsReadInOnePass() throws {
        let scratch = try Scratch()
        let path = scratch.path("lon.txt")
        let paragraphText = "Công đoàn cơ sở đã tổ chức 12 buổi tuyên truyền pháp luật lao động cho 245 lượt đoàn viên, đạt 100% kế hoạch.\n"
        let unit = Array(("I. KẾT QUẢ THỰC HIỆN\n" + String(repeating: paragraphText, count: 99)).utf8)
        let target = 50 << 20
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var chunk: [UInt8] = []
        while chunk.count < 4 << 20 { chunk += unit }
        var written = 0
        while written < target {
            try handle.write(contentsOf: chunk)
            written += chunk.count
        }
        try handle.close()
        let clock = ContinuousClock()
        let start = clock.now
        let document = try DocumentReaders.read(path: path)
        let elapsed = clock.now - start
        let copies = written / unit.count
        XCTAssertEqual(document.blocks.count, copies * 100)
        XCTAssertEqual(document.blocks.last?.scope, .paragraph)
        XCTAssertEqual(document.blocks[100].scope, .heading(level: 1))
        XCTAssertEqual(document.blocks[101].location, .text(SourceLocation(line: 102, column: 1)))
        print("read \(written >> 20) MB of text into \(document.blocks.count) blocks in \(elapsed)")
    }

    func testDeeplyNestedTables() throws {
        let scratch = try Scratch()
        func nested(_ depth: Int) -> String {
            var xml = paragraph("Ô sâu nhất")
            for _ in 0..<depth { xml = "<w:tbl><w:tr><w:tc>\(xml)<w:p/></w:tc></w:tr></w:tbl>" }
            return xml
        }
        // Forty levels are read, the whole path kept.
        let fine = try DocumentReaders.read(path: scratch.zip("sau.docx", minimalDocx(body: nested(40))))
        let deepest = try XCTUnwrap(fine.blocks.first)
        XCTAssertEqual(deepest.text, "Ô sâu nhất")
        guard case let .package(place) = deepest.location else { return XCTFail() }
        XCTAssertEqual(place.cells.count, 40)
        XCTAssertEqual(deepest.scope, .tableCell(table: 39, row: 0, column: 0))
        // Beyond the nesting limit: a clean error, no stack exhaustion.
        XCTAssertReadError(try DocumentReaders.read(path: scratch.zip("qua-sau.docx", minimalDocx(body: nested(2000))))) {
            if case .malformedXML(part: "word/document.xml", _, let reason) = $0 { return reason.contains("nested deeper") }
            return false
        }
    }

    func testCollectWalksDirectoriesAndReportsUnknownExtensions() throws {
        let scratch = try Scratch()
        try FileManager.default.createDirectory(atPath: scratch.path("don-vi/to-1"), withIntermediateDirectories: true)
        try scratch.write("don-vi/bao-cao.docx", [0x50])
        try scratch.write("don-vi/to-1/bao-cao.txt", Array("BÁO CÁO".utf8))
        try scratch.write("don-vi/to-1/anh.png", [0x89])
        try scratch.write("don-vi/~$bao-cao.docx", [0x50])
        try scratch.write("don-vi/.an.txt", [0x50])
        let results = DocumentReaders.collect(paths: [scratch.path("don-vi"), scratch.path("khong-co.txt")])
        let inputs = results.compactMap { try? $0.get() }
        XCTAssertEqual(inputs.map(\.path), [scratch.path("don-vi/bao-cao.docx"), scratch.path("don-vi/to-1/bao-cao.txt")])
        XCTAssertEqual(inputs.map(\.format), [.docx, .txt])
        let errors = results.compactMap { if case let .failure(error) = $0 { return error } else { return nil } }
        XCTAssertEqual(errors.map(\.cause), [.unsupportedExtension(".png"), .unreadable("no such file or directory")])
        XCTAssertEqual(errors.first?.path, scratch.path("don-vi/to-1/anh.png"))
    }

    func testUnsupportedExtensionAndStandardInputText() throws {
        XCTAssertReadError(try DocumentReaders.read(path: "bao-cao.rtf")) { $0 == .unsupportedExtension(".rtf") }
        let units: [UInt8] = "Nơi nhận:\n- Lưu: VT.\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf16: [UInt8] = [0xFF, 0xFE] + units
        let document = try DocumentReaders.read(bytes: utf16, format: .txt)
        XCTAssertEqual(document.path, "-")
        XCTAssertEqual(document.metadata.encoding, .utf16LE)
        XCTAssertTrue(document.metadata.hadByteOrderMark)
        XCTAssertEqual(document.blocks.map(\.scope), [.recipients, .recipients])
    }
}
