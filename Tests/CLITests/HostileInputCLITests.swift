// CLITests: hostile input, end to end. Each hostile file sits in a batch beside a real corpus report: the
// hostile one is checked safely or named in a clear error (exit 2), and the corpus report is still checked.
// Sizes are chosen so that each test stays under 10 s in a debug build on 2 shared cores.
import Foundation
import XCTest

final class HostileInputCLITests: XCTestCase {
    let good = "tld-so-ket-dh-ix/mau-ldld-tinh.txt"

    /// Runs `check --format json` on `files` (relative to `space`) plus the good corpus report.
    private func checkWithGood(_ space: Workspace, _ files: [String], extra: [String] = []) throws -> (Soatxet.Output, [String]) {
        if !FileManager.default.fileExists(atPath: space.path("tot/mau-ldld-tinh.txt")) { try space.copy(good, to: "tot/mau-ldld-tinh.txt") }
        let output = try space.run(["check", "--format", "json"] + extra + files + ["tot/mau-ldld-tinh.txt"])
        XCTAssertTrue([0, 1, 2].contains(output.status), "crash or signal: \(output.status) \(output.stderr)")
        let documents = (output.json as? [String: Any])?["documents"] as? [[String: Any]] ?? []
        let paths = documents.compactMap { $0["path"] as? String }
        XCTAssertTrue(paths.contains { $0.hasSuffix("tot/mau-ldld-tinh.txt") }, "the good report was not checked: \(output.stderr)")
        return (output, paths)
    }

    private func writeBytes(_ space: Workspace, _ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: space.path(name)))
    }

    func testInvalidUTF8AndLoneSurrogatesAreReadSafely() throws {
        let space = try Workspace()
        let text = Array("Báo cáo sơ kết giữa nhiệm kỳ của Công đoàn cơ sở.\n".utf8)
        // Truncated sequences, an overlong encoding of '/', a UTF-16 surrogate encoded in UTF-8, 0xFF.
        try writeBytes(space, "hong-utf8.txt", text + [0xC3, 0x28, 0xE1, 0xBA, 0x0A, 0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xFF, 0x0A] + text)
        // UTF-16LE with a byte-order mark, a lone high surrogate mid-text and a lone low one at the end.
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in Array("Kết quả đạt được ".utf16) + [0xD800] + Array(" và hạn chế.".utf16) + [0xDC00] {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        try writeBytes(space, "ban-le-utf16.txt", utf16)
        // Odd length UTF-16: the last byte is half a code unit.
        try writeBytes(space, "le-byte-utf16.txt", utf16 + [0x41])
        let (output, paths) = try checkWithGood(space, ["hong-utf8.txt", "ban-le-utf16.txt", "le-byte-utf16.txt"])
        for name in ["hong-utf8.txt", "ban-le-utf16.txt", "le-byte-utf16.txt"] {
            XCTAssertTrue(paths.contains(name) || output.stderr.contains(name), "\(name) neither checked nor named: \(output.stderr)")
        }
        XCTAssertTrue(paths.contains("hong-utf8.txt"), "invalid UTF-8 is repaired and checked, not refused: \(output.stderr)")
    }

    func testOneVeryLongLineIsCheckedOrRefusedBySize() throws {
        let space = try Workspace()
        // 10 MB on one line: refused by --size-limit 5 (exit 2, named), the good report still checked.
        let sentence = "Công đoàn cơ sở đã tổ chức tuyên truyền sâu rộng Nghị quyết đến đoàn viên, người lao động; "
        let unit = Array(sentence.utf8)
        var big = [UInt8]()
        big.reserveCapacity(10 << 20)
        while big.count < 10 << 20 { big += unit }
        try writeBytes(space, "mot-dong-10mb.txt", big)
        let (refused, paths) = try checkWithGood(space, ["mot-dong-10mb.txt"], extra: ["--size-limit", "5"])
        XCTAssertEqual(refused.status, 2, refused.stderr)
        XCTAssertFalse(paths.contains("mot-dong-10mb.txt"))
        XCTAssertTrue(refused.stderr.contains("mot-dong-10mb.txt"), refused.stderr)
        // 64 KB on one line, with no full stop, is checked. Not more: checking one sentence-less line is
        // quadratic today (64 KB 2.9 s, 128 KB 9.2 s, 1 MB does not finish in 7 minutes in a debug
        // build); see docs/robustness.md. This test fails if that gets worse.
        try writeBytes(space, "mot-dong-1mb.txt", Array(big.prefix(64 << 10 - (64 << 10) % unit.count)))
        let started = Date()
        let (checked, checkedPaths) = try checkWithGood(space, ["mot-dong-1mb.txt"])
        XCTAssertNotEqual(checked.status, 2, checked.stderr)
        XCTAssertTrue(checkedPaths.contains("mot-dong-1mb.txt"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testManyTinyParagraphs() throws {
        let space = try Workspace()
        // 100,000 one-word paragraphs (a million takes minutes in a debug build; `make bench` covers size).
        let text = String(repeating: "Có.\n\n", count: 100_000)
        try space.write("nhieu-doan.txt", text)
        let started = Date()
        let (output, paths) = try checkWithGood(space, ["nhieu-doan.txt"])
        XCTAssertNotEqual(output.status, 2, output.stderr)
        XCTAssertTrue(paths.contains("nhieu-doan.txt"))
        XCTAssertLessThan(Date().timeIntervalSince(started), 10)
    }

    func testDeeplyNestedListsAndOnlyNumbering() throws {
        let space = try Workspace()
        // 400 levels of Markdown list nesting, each item real text.
        var nested = "# Báo cáo sơ kết\n\n"
        for depth in 0..<400 { nested += String(repeating: "  ", count: depth) + "- Nội dung cấp \(depth + 1) của báo cáo\n" }
        try space.write("long-nhau.md", nested)
        // A report that is only numbering: headings without any text.
        var numbering = ""
        for roman in ["I", "II", "III", "IV", "V"] {
            numbering += "\(roman).\n"
            for n in 1...5 { numbering += "\(n).\n"; for m in 1...3 { numbering += "\(n).\(m).\n" }; numbering += "a)\nb)\n-\n+\n" }
        }
        try space.write("chi-so-thu-tu.txt", numbering)
        let (output, paths) = try checkWithGood(space, ["long-nhau.md", "chi-so-thu-tu.txt"])
        XCTAssertNotEqual(output.status, 2, output.stderr)
        XCTAssertTrue(paths.contains("long-nhau.md"))
        XCTAssertTrue(paths.contains("chi-so-thu-tu.txt"))
        let documents = (output.json as? [String: Any])?["documents"] as? [[String: Any]] ?? []
        let numberingOnly = documents.first { ($0["path"] as? String) == "chi-so-thu-tu.txt" }
        XCTAssertEqual(numberingOnly?["verdict"] as? String, "chua-dat", "a report with no text cannot meet the directive")
    }

    func testAHundredThousandPhrasePackCompilesAndRuns() throws {
        // Packs carry phrases, never regular expressions: "(a+)+$" is looked for as words and
        // punctuation. Catastrophic patterns are covered at the Pattern level
        // (PCRE2Tests.testCatastrophicPatternHitsTheLimitInsteadOfHanging).
        // 100,000 phrases make a trie of 100,000 paths, built once.
        let space = try Workspace()
        var yaml = """
            id: nhieu-cum-tu
            title: Gói thử với 100.000 cụm từ
            directive:
              issuer: Công đoàn cơ sở
              title: Kế hoạch thử
              clauses:
                ket-qua: Báo cáo kết quả
            concepts:
              ket-qua:
                phrases:
                  - "(a+)+$"

            """
        for index in 0..<100_000 { yaml += "      - cụm từ thử số \(index)\n" }
        yaml += """
            requirements:
              - id: ket-qua
                title: Nêu kết quả
                clause: ket-qua
                check:
                  kind: mention
                  concept: ket-qua
                messages:
                  met: Có nêu kết quả.
                  missing: Chưa nêu kết quả.
                examples:
                  pass: ["Báo cáo nêu cụm từ thử số 7."]
                  fail: ["Báo cáo không nêu gì."]

            """
        try space.write("nhieu-cum-tu.yaml", yaml)
        try space.write("co-cum-tu.txt", "Báo cáo nêu cụm từ thử số 99999 và cả (a+)+$ aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab.\n")
        let started = Date()
        let (output, paths) = try checkWithGood(space, ["co-cum-tu.txt"], extra: ["--pack", "nhieu-cum-tu.yaml"])
        XCTAssertNotEqual(output.status, 2, output.stderr)
        XCTAssertTrue(paths.contains("co-cum-tu.txt"))
        // A hang detector (it once did not finish); speed is the benchmark's business.
        XCTAssertLessThan(Date().timeIntervalSince(started), 60)
        let documents = (output.json as? [String: Any])?["documents"] as? [[String: Any]] ?? []
        let requirements = documents.first { ($0["path"] as? String) == "co-cum-tu.txt" }?["requirements"] as? [[String: Any]]
        XCTAssertEqual(requirements?.first?["status"] as? String, "met", "\(requirements ?? [])")
    }

    func testConfigurationPointingOutsideTheRepository() throws {
        let space = try Workspace()
        try space.copy(good, to: "ngoai/bao-cao.txt")
        try space.write("ngoai/.soatxet.yml", "extends: [../../../../../../khong-co/goi-ngoai.yaml]\n")
        try space.copy(good, to: "etc/bao-cao.txt")
        try space.write("etc/.soatxet.yml", "pack: /etc/passwd\n")
        let (output, paths) = try checkWithGood(space, ["ngoai/bao-cao.txt", "etc/bao-cao.txt"])
        XCTAssertEqual(output.status, 2, output.stderr)
        XCTAssertFalse(paths.contains("ngoai/bao-cao.txt"))
        XCTAssertFalse(paths.contains("etc/bao-cao.txt"))
        XCTAssertTrue(output.stderr.contains("goi-ngoai.yaml"), output.stderr)
        XCTAssertTrue(output.stderr.contains("/etc/passwd"), output.stderr)
    }

    func testOutputInAMissingOrReadOnlyFolder() throws {
        let space = try Workspace()
        try space.copy(good, to: "bao-cao.txt")
        let missing = try space.run(["check", "--output", "khong-co/ket-qua.json", "--format", "json", "bao-cao.txt"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("khong-co/ket-qua.json"), missing.stderr)
        XCTAssertTrue(missing.stderr.contains("khong-co"), missing.stderr)
        // A read-only folder: root writes through permissions, so as root a folder on a read-only
        // file system (/proc) stands in for it.
        let readOnly: String
        if getuid() == 0 {
            readOnly = "/proc/ket-qua.json"
        } else {
            try FileManager.default.createDirectory(atPath: space.path("chi-doc"), withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: space.path("chi-doc"))
            readOnly = space.path("chi-doc/ket-qua.json")
        }
        let denied = try space.run(["check", "--output", readOnly, "--format", "json", "bao-cao.txt"])
        XCTAssertEqual(denied.status, 2, denied.stderr)
        XCTAssertTrue(denied.stderr.contains(readOnly), denied.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: readOnly))
    }

    func testAFullDiskLeavesNoHalfFile() throws {
        let space = try Workspace()
        try space.copy(good, to: "bao-cao.txt")
        // A 16 KB tmpfs when this machine lets us mount one (root); otherwise a file-size limit
        // (`ulimit -f 16`, SIGXFSZ ignored so that write(2) fails with EFBIG), which fails the same write.
        let folder = space.path("day")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let mounted = shell("mount -t tmpfs -o size=16k tmpfs '\(folder)' 2>/dev/null") == 0
        defer { if mounted { _ = shell("umount '\(folder)'") } }
        let prefix = mounted ? "" : "trap '' XFSZ; ulimit -f 16; "
        let command = prefix + "cd '\(space.url.path)' && exec '\(Soatxet.executable.path)' check --format json --output day/ket-qua.json bao-cao.txt bao-cao.txt bao-cao.txt bao-cao.txt 2>'\(space.path("loi.txt"))'"
        let status = shell(command)
        XCTAssertEqual(status, 2, "mounted tmpfs: \(mounted); " + ((try? String(contentsOfFile: space.path("loi.txt"), encoding: .utf8)) ?? ""))
        let stderr = (try? String(contentsOfFile: space.path("loi.txt"), encoding: .utf8)) ?? ""
        XCTAssertTrue(stderr.contains("day/ket-qua.json"), stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), [], "no half file and no temporary file left")
    }

    func testInterruptedBatchNeverLeavesAnOutputThatLooksComplete() throws {
        let space = try Workspace()
        for index in 0..<40 { try space.copy(good, to: "lo/bao-cao-\(index).txt") }
        let process = space.process(["check", "--format", "json", "--output", "ket-qua.json", "lo"])
        try process.run()
        Thread.sleep(forTimeInterval: 0.3)
        process.interrupt()
        process.waitUntilExit()
        try assertWholeOrAbsent(space, documents: 40)
    }

    /// Ctrl-C while the output is being written: the temporary file beside it is removed, the
    /// output is not there, and the process still ends by the signal.
    func testInterruptWhileTheOutputIsWrittenLeavesNoTemporaryFile() throws {
        let space = try Workspace()
        for index in 0..<300 { try space.copy(good, to: "lo/bao-cao-\(index).txt") }
        var interruptedWrites = 0
        for _ in 0..<8 where interruptedWrites == 0 {
            let (process, signalled) = try checkSignallingTheWrite(space, SIGINT)
            if signalled && !FileManager.default.fileExists(atPath: space.path("ket-qua.json")) {
                XCTAssertEqual(process.terminationReason, .uncaughtSignal)
                XCTAssertEqual(process.terminationStatus, SIGINT)
                interruptedWrites += 1
            }
            try? FileManager.default.removeItem(atPath: space.path("ket-qua.json"))
        }
        XCTAssertEqual(interruptedWrites, 1, "no run was interrupted while its output was written")
    }

    /// Under `nohup` (SIGHUP ignored) a hang-up while the output is written changes nothing: the run
    /// goes on and writes its whole output.
    func testAnIgnoredHangUpStaysIgnoredWhileTheOutputIsWritten() throws {
        let space = try Workspace()
        for index in 0..<300 { try space.copy(good, to: "lo/bao-cao-\(index).txt") }
        var hungUpWrites = 0
        for _ in 0..<8 where hungUpWrites == 0 {
            let (process, signalled) = try checkSignallingTheWrite(space, SIGHUP, ignoringHangUp: true)
            XCTAssertEqual(process.terminationReason, .exit)
            XCTAssertTrue(FileManager.default.fileExists(atPath: space.path("ket-qua.json")))
            if signalled { hungUpWrites += 1 }
            try? FileManager.default.removeItem(atPath: space.path("ket-qua.json"))
        }
        XCTAssertEqual(hungUpWrites, 1, "no run got its hang-up while its output was written")
    }

    /// Ctrl-C while the review folder is built: the hidden folder it is built in is removed with
    /// everything in it, no review is left half-written, and the process still ends by the signal.
    func testInterruptWhileTheReviewFolderIsWrittenLeavesNothingBehind() throws {
        let space = try Workspace()
        for index in 0..<300 { try space.copy(good, to: "lo/bao-cao-\(index).txt") }
        func building() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: space.url.path).filter { $0.hasPrefix(".nhan-xet.soatxet-") }
        }
        var interruptedBuilds = 0
        for _ in 0..<8 where interruptedBuilds == 0 {
            let process = space.process(["review", "lo", "--out", "nhan-xet"])
            let sawBuilding = try runAndSignal(process, SIGINT) { try building() != [] }
            XCTAssertEqual(try building(), [])
            let review = space.path("nhan-xet")
            if FileManager.default.fileExists(atPath: review) {
                // Whole: the index and both feedback letters of every report.
                let files = try FileManager.default.subpathsOfDirectory(atPath: review)
                XCTAssertTrue(files.contains("index.html"))
                XCTAssertEqual(files.filter { $0.hasPrefix("feedback/bao-cao-") }.count, 600)
            } else if sawBuilding {
                XCTAssertEqual(process.terminationReason, .uncaughtSignal)
                XCTAssertEqual(process.terminationStatus, SIGINT)
                interruptedBuilds += 1
            }
            try? FileManager.default.removeItem(atPath: review)
        }
        XCTAssertEqual(interruptedBuilds, 1, "no run was interrupted while its review folder was built")
    }

    /// Checks the 300 reports of `lo` into `ket-qua.json`, sending `signal` as soon as the output's
    /// temporary file appears; then no temporary file is left, and the output is absent or whole.
    /// Says whether the signal was sent.
    private func checkSignallingTheWrite(
        _ space: Workspace, _ signal: Int32, ignoringHangUp: Bool = false
    ) throws -> (Process, signalled: Bool) {
        let command = ["check", "--format", "json", "--output", "ket-qua.json", "lo"]
        let process = space.process(command)
        if ignoringHangUp {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "trap '' HUP; exec \"$0\" \"$@\"", Soatxet.executable.path] + command
        }
        let sawTemporary = try runAndSignal(process, signal) { try temporaryFiles(space) != [] }
        try assertWholeOrAbsent(space, documents: 300)
        return (process, sawTemporary)
    }

    /// Starts `process`, sends it `signal` as soon as `appeared` holds, and waits for its end. Says
    /// whether the signal was sent: the run may end first.
    private func runAndSignal(_ process: Process, _ signal: Int32, once appeared: () throws -> Bool) throws -> Bool {
        try process.run()
        var sawIt = false
        while process.isRunning && !sawIt {
            sawIt = try appeared()
            if !sawIt { usleep(100) }
        }
        if sawIt { kill(process.processIdentifier, signal) }
        process.waitUntilExit()
        return sawIt
    }

    private func temporaryFiles(_ space: Workspace) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: space.url.path).filter { $0.hasSuffix(".tmp") }
    }

    /// No temporary file is left, and the output is either absent or whole.
    private func assertWholeOrAbsent(_ space: Workspace, documents: Int, line: UInt = #line) throws {
        XCTAssertEqual(try temporaryFiles(space), [], line: line)
        let output = space.path("ket-qua.json")
        guard FileManager.default.fileExists(atPath: output) else { return }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: output))) as? [String: Any]
        XCTAssertEqual((json?["documents"] as? [Any])?.count, documents, line: line)
    }

    func testTwoProcessesWritingTheSameBaseline() throws {
        let space = try Workspace()
        try space.copy(good, to: "a/bao-cao.txt")
        try space.copy("tld-so-ket-dh-ix/ban-nu-cong-tld.txt", to: "b/bao-cao.txt")
        let processes = ["a/bao-cao.txt", "b/bao-cao.txt"].map { input in
            space.process(["check", "--format", "json", "--write-baseline", "chung.json", input])
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        XCTAssertEqual(processes.map(\.terminationStatus).filter { $0 == 2 }, [])
        // Whichever wrote last, the baseline is whole: it loads, and it silences one of the two reports.
        let a = try space.run(["check", "--format", "json", "--baseline", "chung.json", "a/bao-cao.txt"])
        let b = try space.run(["check", "--format", "json", "--baseline", "chung.json", "b/bao-cao.txt"])
        XCTAssertNotEqual(a.status, 2, a.stderr)
        XCTAssertNotEqual(b.status, 2, b.stderr)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: space.url.path).filter { $0.contains("chung.json") }
        XCTAssertEqual(leftovers, ["chung.json"])
    }

    private func shell(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
