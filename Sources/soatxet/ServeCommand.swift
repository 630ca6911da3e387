// soatxet: `soatxet serve`. Starts the web front end (ReviewServer) with the command line's settings.
import ArgumentParser
import Configuration
import Foundation
import ReviewServer

struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the checker as web pages and a JSON API.",
        discussion: """
        Pages for people who do not use a terminal (upload, checklist, findings on the text, downloads)
        and the JSON API of docs/api.md. Binds 127.0.0.1 by default; any other address needs --token,
        which then every request must carry (Authorization: Bearer TOKEN, or the page's sign-in form).
        Uploads are checked in a private temporary folder removed after each answer; nothing is kept.
        """
    )

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "TCP port (0: any free port, printed at start).")
    var port: Int = 8080

    @Option(help: "Rule pack used when a request names none (see 'soatxet rules list').")
    var pack: String = ProjectConfig.defaultPack

    @Option(name: .customLong("max-upload"), help: "Largest request body accepted, e.g. 20MB, 512KB.")
    var maxUpload: String = "20MB"

    @Option(name: .customLong("max-files"), help: "Most reports in one request.")
    var maxFiles: Int = 50

    @Option(help: "Seconds one request may take before it is answered 503.")
    var timeout: Double = 60

    @Option(help: "Access token, required when --host is not a loopback address.")
    var token: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let lang = language.lang
        guard let bytes = ServerOptions.parseSize(maxUpload) else {
            printError(lang.pick("lỗi: --max-upload '\(maxUpload)' không hợp lệ; ví dụ 20MB", "error: --max-upload '\(maxUpload)' is not a size; for example 20MB"))
            throw ExitCode(2)
        }
        let options = ServerOptions(host: host, port: port, pack: pack, maxUpload: bytes, maxFiles: maxFiles, timeout: timeout, token: token)
        do {
            try options.validate()
        } catch let error as ServerOptionsError {
            printError(lang.pick("lỗi: ", "error: ") + error.message(language: lang.rawValue))
            throw ExitCode(2)
        }
        let finished = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        let host = self.host
        Task {
            do {
                try await ReviewServer.run(options: options) { port in
                    let line = lang.pick("soatxet đang phục vụ tại http://\(host):\(port)/", "soatxet serving on http://\(host):\(port)/")
                    FileHandle.standardOutput.write(Data((line + "\n").utf8))
                }
            } catch {
                failure.set("\(error)")
            }
            finished.signal()
        }
        finished.wait()
        if let message = failure.message {
            printError(lang.pick("lỗi: ", "error: ") + message)
            throw ExitCode(2)
        }
    }
}

/// Carries the server's failure back to the command's thread.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: String?
    func set(_ message: String) { lock.lock(); stored = message; lock.unlock() }
    var message: String? { lock.lock(); defer { lock.unlock() }; return stored }
}
