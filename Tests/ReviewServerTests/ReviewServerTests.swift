import Foundation
import XCTest

/// A `soatxet serve` process on a loopback port, started from the built executable, and a client (curl).
final class RunningServer {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let executable: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("soatxet"),
            Bundle.main.bundleURL.appendingPathComponent("soatxet"),
            root.appendingPathComponent(".build/debug/soatxet"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates.last!
    }()

    let process = Process()
    let port: Int
    let temporary: URL

    /// Starts `soatxet serve --port 0 arguments` with its own TMPDIR and waits for the line giving its port.
    init(_ arguments: [String] = []) throws {
        temporary = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-serve-test-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        process.executableURL = Self.executable
        process.arguments = ["serve", "--port", "0"] + arguments
        process.currentDirectoryURL = Self.root
        var environment = ProcessInfo.processInfo.environment
        environment["TMPDIR"] = temporary.path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var seen = ""
        let deadline = Date().addingTimeInterval(30)
        var found: Int?
        while found == nil && Date() < deadline && process.isRunning {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { Thread.sleep(forTimeInterval: 0.05); continue }
            seen += String(decoding: data, as: UTF8.self)
            if let range = seen.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                found = Int(seen[range].dropFirst("http://127.0.0.1:".count).dropLast())
            }
        }
        guard let found else {
            process.terminate()
            throw NSError(domain: "RunningServer", code: 1, userInfo: [NSLocalizedDescriptionKey: "server did not start: \(seen)"])
        }
        port = found
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: temporary)
    }

    var base: String { "http://127.0.0.1:\(port)" }

    struct Answer {
        let status: Int
        let headers: [String: String]
        let body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: [String: Any] { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] ?? [:] }
    }

    /// Runs curl against `path` with `arguments`.
    func curl(_ path: String, _ arguments: [String] = []) throws -> Answer {
        let bodyFile = temporary.appendingPathComponent("body-" + UUID().uuidString)
        let headerFile = temporary.appendingPathComponent("headers-" + UUID().uuidString)
        defer {
            try? FileManager.default.removeItem(at: bodyFile)
            try? FileManager.default.removeItem(at: headerFile)
        }
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-s", "-o", bodyFile.path, "-D", headerFile.path, "-w", "%{http_code}"] + arguments + [base + path]
        let out = Pipe()
        curl.standardOutput = out
        try curl.run()
        let status = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        curl.waitUntilExit()
        var headers: [String: String] = [:]
        for line in (try? String(contentsOf: headerFile, encoding: .utf8))?.components(separatedBy: "\r\n") ?? [] {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { headers[parts[0].lowercased()] = parts[1] }
        }
        return Answer(status: Int(status) ?? 0, headers: headers, body: (try? Data(contentsOf: bodyFile)) ?? Data())
    }

    /// Runs the `soatxet` executable itself and returns its standard output and status.
    static func soatxet(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, stdout, String(decoding: stderr, as: UTF8.self))
    }
}

final class ServerAPITests: XCTestCase {
    static let corpus = "Corpus/tld-so-ket-dh-ix/"
    static let textReports = ["ldld-da-nang-khong-bai-hoc.txt", "cdgd-khong-kien-nghi.txt", "mau-ldld-tinh.txt"]
    static let wordReports = ["ldld-binh-duong-bang-so-lieu.docx", "ldld-lam-dong-khong-de-muc.docx"]

    /// The documents `soatxet check --format json` gives for `file`.
    func cliDocuments(_ file: String, format: String = "json") throws -> [[String: Any]] {
        let output = try RunningServer.soatxet(["check", "--format", format, "--pack", "tld-so-ket-dh-ix", Self.corpus + file])
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: output.stdout) as? [String: Any], output.stderr)
        return try XCTUnwrap(json["documents"] as? [[String: Any]])
    }

    /// Requirements and findings of the API's document equal the CLI's, and the path is the uploaded name.
    func assertSame(_ api: [String: Any], _ cli: [String: Any], name: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(api["path"] as? String, name, file: file, line: line)
        XCTAssertEqual(api["verdict"] as? String, cli["verdict"] as? String, name, file: file, line: line)
        XCTAssertEqual(api["score"] as? Double, cli["score"] as? Double, name, file: file, line: line)
        XCTAssertTrue((api["requirements"] as? NSArray)?.isEqual(cli["requirements"] as? NSArray) == true, "requirements differ for \(name)", file: file, line: line)
        XCTAssertTrue((api["findings"] as? NSArray)?.isEqual(cli["findings"] as? NSArray) == true, "findings differ for \(name)", file: file, line: line)
        XCTAssertFalse((api["requirements"] as? [Any] ?? []).isEmpty, file: file, line: line)
    }

    func testHealthAndPacks() throws {
        let server = try RunningServer()
        let health = try server.curl("/healthz")
        XCTAssertEqual(health.status, 200)
        XCTAssertEqual(health.json["status"] as? String, "ok")
        let packs = try server.curl("/api/v1/packs")
        XCTAssertEqual(packs.status, 200)
        let list = try XCTUnwrap(packs.json["packs"] as? [[String: Any]])
        let ids = list.compactMap { $0["id"] as? String }
        XCTAssertTrue(ids.contains("tld-so-ket-dh-ix"), "\(ids)")
        XCTAssertEqual(list.first { $0["id"] as? String == "tld-so-ket-dh-ix" }?["default"] as? Bool, true)
    }

    func testRawTextUploadsEqualTheCommandLine() throws {
        let server = try RunningServer()
        for name in Self.textReports {
            let answer = try server.curl("/api/v1/check?pack=tld-so-ket-dh-ix&filename=\(name)",
                                         ["-H", "Content-Type: application/octet-stream", "--data-binary", "@" + Self.corpus + name])
            XCTAssertEqual(answer.status, 200, answer.text)
            XCTAssertTrue(answer.headers["content-type"]?.hasPrefix("application/json") == true)
            let documents = try XCTUnwrap(answer.json["documents"] as? [[String: Any]])
            XCTAssertEqual(documents.count, 1)
            assertSame(documents[0], try cliDocuments(name)[0], name: name)
        }
    }

    func testMultipartWordAndTextUploadsEqualTheCommandLine() throws {
        let server = try RunningServer()
        let names = Self.wordReports + ["ldld-binh-duong-bang-so-lieu.txt"]
        let answer = try server.curl("/api/v1/check", names.flatMap { ["-F", "file=@" + Self.corpus + $0] })
        XCTAssertEqual(answer.status, 200, answer.text)
        let documents = try XCTUnwrap(answer.json["documents"] as? [[String: Any]])
        XCTAssertEqual(documents.compactMap { $0["path"] as? String }, names)
        for (document, name) in zip(documents, names) { assertSame(document, try cliDocuments(name)[0], name: name) }
    }

    func testVietnameseFileNameInHeaderAndOtherFormats() throws {
        let server = try RunningServer()
        let name = "báo cáo Đà Nẵng.txt"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let answer = try server.curl("/api/v1/check?format=sarif",
                                     ["-H", "X-Filename: \(encoded)", "--data-binary", "@" + Self.corpus + "ldld-da-nang-khong-bai-hoc.txt"])
        XCTAssertEqual(answer.status, 200, answer.text)
        XCTAssertTrue(answer.headers["content-type"]?.hasPrefix("application/sarif+json") == true)
        XCTAssertEqual(answer.json["version"] as? String, "2.1.0")
        XCTAssertTrue(answer.text.contains("Đà Nẵng") || answer.text.contains("%C4%90"), "the uploaded name is the artifact")
        let text = try server.curl("/api/v1/check?format=text&filename=bao-cao.txt", ["--data-binary", "@" + Self.corpus + "ldld-da-nang-khong-bai-hoc.txt"])
        XCTAssertEqual(text.status, 200)
        XCTAssertTrue(text.text.contains("bao-cao.txt"), text.text)
    }

    func testBadInputIsRefusedWithClearMessages() throws {
        let server = try RunningServer()
        let report = "@" + Self.corpus + "cdgd-khong-kien-nghi.txt"
        let cases: [(String, [String], Int, String)] = [
            ("/api/v1/check?filename=virus.exe", ["--data-binary", report], 400, "bad-file-name"),
            ("/api/v1/check", ["--data-binary", report], 400, "bad-file-name"),
            ("/api/v1/check?filename=a.txt&pack=../../etc/passwd", ["--data-binary", report], 400, "unknown-pack"),
            ("/api/v1/check?filename=a.txt&format=pdf", ["--data-binary", report], 400, "unknown-format"),
            ("/api/v1/check", ["-X", "POST"], 400, "no-file"),
            ("/api/v1/check", ["-H", "Content-Type: multipart/form-data; boundary=XYZ", "--data-binary", "garbage"], 400, "bad-multipart"),
            ("/api/v1/nothing", [], 404, "not-found"),
        ]
        for (path, arguments, status, code) in cases {
            let answer = try server.curl(path, arguments)
            XCTAssertEqual(answer.status, status, "\(path): \(answer.text)")
            let error = try XCTUnwrap(answer.json["error"] as? [String: Any], "\(path): \(answer.text)")
            XCTAssertEqual(error["code"] as? String, code, path)
            XCTAssertFalse((error["message"] as? String ?? "").isEmpty)
            XCTAssertFalse((error["message_en"] as? String ?? "").isEmpty)
        }
        // A broken Word file is answered 422 with the reader's reason, and the server goes on.
        let brokenFile = server.temporary.appendingPathComponent("hong.docx")
        try Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 200)).write(to: brokenFile)
        let broken = try server.curl("/api/v1/check?filename=hong.docx", ["--data-binary", "@" + brokenFile.path])
        XCTAssertEqual(broken.status, 422, broken.text)
        XCTAssertEqual((broken.json["error"] as? [String: Any])?["code"] as? String, "unreadable")
        XCTAssertFalse(broken.text.contains(server.temporary.path), "no private path leaks: \(broken.text)")
        XCTAssertEqual(try server.curl("/healthz").status, 200)
    }

    func testSizeCountAndTimeLimits() throws {
        let server = try RunningServer(["--max-upload", "30KB", "--max-files", "2"])
        let big = server.temporary.appendingPathComponent("lon.txt")
        let text = try String(contentsOf: RunningServer.root.appendingPathComponent(Self.corpus + "ldld-binh-duong-bang-so-lieu.txt"), encoding: .utf8)
        try String(repeating: text, count: 3).write(to: big, atomically: true, encoding: .utf8)
        let large = try server.curl("/api/v1/check?filename=lon.txt", ["--data-binary", "@" + big.path])
        XCTAssertEqual(large.status, 413, large.text)
        let error = try XCTUnwrap(large.json["error"] as? [String: Any])
        XCTAssertEqual(error["code"] as? String, "too-large")
        XCTAssertTrue((error["message"] as? String ?? "").contains("MB"))
        let small = Self.corpus + "ldld-an-giang-khong-dau.txt"
        let tooMany = try server.curl("/api/v1/check", ["-F", "file=@\(small);filename=a.txt", "-F", "file=@\(small);filename=b.txt", "-F", "file=@\(small);filename=c.txt"])
        XCTAssertEqual(tooMany.status, 413, tooMany.text)
        XCTAssertEqual((tooMany.json["error"] as? [String: Any])?["code"] as? String, "too-many-files")
        XCTAssertEqual(try server.curl("/api/v1/check", ["-F", "file=@\(small);filename=a.txt", "-F", "file=@\(small);filename=b.txt"]).status, 200)
        let slow = try RunningServer(["--timeout", "0.001"])
        let late = try slow.curl("/api/v1/check?filename=a.txt", ["--data-binary", "@" + Self.corpus + "mau-ldld-tinh.txt"])
        XCTAssertEqual(late.status, 503, late.text)
        XCTAssertEqual((late.json["error"] as? [String: Any])?["code"] as? String, "timed-out")
    }

    func testTokenIsRequiredOffLoopbackAndChecked() throws {
        let refused = try RunningServer.soatxet(["serve", "--host", "0.0.0.0", "--port", "0"])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("--token"), refused.stderr)
        let server = try RunningServer(["--token", "mat-khau-dai-du"])
        XCTAssertEqual(try server.curl("/healthz").status, 200)
        let report = "@" + Self.corpus + "cdgd-khong-kien-nghi.txt"
        let without = try server.curl("/api/v1/check?filename=a.txt", ["--data-binary", report])
        XCTAssertEqual(without.status, 401)
        XCTAssertEqual((without.json["error"] as? [String: Any])?["code"] as? String, "unauthorized")
        XCTAssertEqual(try server.curl("/api/v1/check?filename=a.txt", ["-H", "Authorization: Bearer sai-mat-khau", "--data-binary", report]).status, 401)
        XCTAssertEqual(try server.curl("/api/v1/check?filename=a.txt", ["-H", "Authorization: Bearer mat-khau-dai-du", "--data-binary", report]).status, 200)
        XCTAssertEqual(try server.curl("/").status, 303)
        let login = try server.curl("/login", ["--data", "token=mat-khau-dai-du"])
        XCTAssertEqual(login.status, 303)
        let cookie = try XCTUnwrap(login.headers["set-cookie"])
        XCTAssertTrue(cookie.contains("HttpOnly"))
        let cookieValue = String(cookie.split(separator: ";")[0])
        XCTAssertEqual(try server.curl("/", ["-H", "Cookie: \(cookieValue)"]).status, 200)
    }

    func testPagesCarrySecurityHeadersEscapeTextAndKeepNothing() throws {
        let server = try RunningServer()
        let home = try server.curl("/")
        XCTAssertEqual(home.status, 200)
        let policy = try XCTUnwrap(home.headers["content-security-policy"])
        XCTAssertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy)
        XCTAssertEqual(home.headers["x-content-type-options"], "nosniff")
        XCTAssertEqual(home.headers["x-frame-options"], "DENY")
        XCTAssertTrue(home.text.contains("Soát xét báo cáo công đoàn"))
        XCTAssertFalse(home.text.contains("<script>"), "no inline script")
        XCTAssertTrue(try server.curl("/?lang=en").text.contains("Check trade-union reports"))

        let hostile = server.temporary.appendingPathComponent("doc-hai.txt")
        let original = try String(contentsOf: RunningServer.root.appendingPathComponent(Self.corpus + "ldld-da-nang-khong-bai-hoc.txt"), encoding: .utf8)
        try (original + "\nGhi chú: <script>alert('x')</script> & <img src=x onerror=alert(1)>\n").write(to: hostile, atomically: true, encoding: .utf8)
        let page = try server.curl("/review", ["-F", "pack=tld-so-ket-dh-ix", "-F", "file=@\(hostile.path);filename=<b>ten</b>.txt",
                                               "-F", "file=@\(Self.corpus)ldld-binh-duong-bang-so-lieu.docx"])
        XCTAssertEqual(page.status, 200, page.text)
        XCTAssertFalse(page.text.contains("<script>alert"), "report text is escaped")
        XCTAssertFalse(page.text.contains("<img src=x"))
        XCTAssertTrue(page.text.contains("&lt;script&gt;alert("))
        XCTAssertFalse(page.text.contains("<b>ten</b>"))
        XCTAssertTrue(page.text.contains("id=\"matrix\""), "two reports make a matrix")
        XCTAssertTrue(page.text.contains("data-status=\"missing\"") || page.text.contains("data-status=\"partial\""))
        XCTAssertTrue(page.text.contains("class=\"clause\""), "unmet requirements cite their clause")
        XCTAssertTrue(page.text.contains("class=\"mark "), "findings are marked in the text")
        XCTAssertTrue(page.text.contains("download=\"ldld-binh-duong-bang-so-lieu.reviewed.docx\""))
        XCTAssertTrue(page.text.contains(".nhan-xet.docx\""))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: server.temporary.path).filter { $0.hasPrefix("soatxet-serve-") }
        XCTAssertEqual(leftovers, [], "uploads are removed after the answer")
    }
}

/// The page in a real browser: headless Chromium driven by scripts/browser-check.py.
final class ServerBrowserTests: XCTestCase {
    func testUploadThroughTheFileInputShowsTheChecklistAndExplainsAFinding() throws {
        guard ["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("chromium is not installed: run 'make test-deps'")
        }
        let server = try RunningServer()
        let report = "Corpus/tld-so-ket-dh-ix/ldld-lam-dong-khong-de-muc.docx"
        let screenshot = server.temporary.appendingPathComponent("trang.png").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "scripts/browser-check.py", server.base, report, screenshot]
        process.currentDirectoryURL = RunningServer.root
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, errors)
        let result = try XCTUnwrap(try JSONSerialization.jsonObject(with: output) as? [String: Any], errors)
        XCTAssertEqual(result["chosen"] as? String, "ldld-lam-dong-khong-de-muc.docx")
        // The checklist's statuses are the command line's.
        let cli = try RunningServer.soatxet(["check", "--format", "json", "--pack", "tld-so-ket-dh-ix", report])
        let document = try XCTUnwrap(((try JSONSerialization.jsonObject(with: cli.stdout) as? [String: Any])?["documents"] as? [[String: Any]])?.first)
        let expected = Dictionary(uniqueKeysWithValues: (document["requirements"] as? [[String: Any]] ?? []).map { ($0["id"] as! String, $0["status"] as! String) })
        XCTAssertEqual(result["statuses"] as? [String: String], expected)
        XCTAssertTrue(expected.values.contains("missing"), "the report misses a requirement, so the page must show one")
        // Clicking the first marked finding shows its explanation and selects it in the list.
        let firstMessage = try XCTUnwrap((document["findings"] as? [[String: Any]])?.first?["message"] as? String)
        XCTAssertTrue((result["explanation"] as? String ?? "").contains(firstMessage), "\(result["explanation"] ?? "")")
        XCTAssertEqual(result["active"] as? String, "f-ldld-lam-dong-khong-de-muc-0")
        for path in result["screenshots"] as? [String] ?? [] {
            let png = try Data(contentsOf: URL(fileURLWithPath: path))
            XCTAssertEqual(Array(png.prefix(4)), [0x89, 0x50, 0x4E, 0x47], "\(path) is a PNG")
            XCTAssertGreaterThan(png.count, 20_000)
        }
    }
}
