// ReviewServer: the application. Routes of the pages and the JSON API, on Hummingbird, each a thin call into CheckService and the library.
import ComplianceEngine
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import Reporters
import RuleModel

/// The web front end of soatxet: upload pages and the JSON API (`POST /api/v1/check`,
/// `GET /api/v1/packs`, `GET /healthz`). See docs/api.md.
public enum ReviewServer {
    /// Builds the application for `options`; `onRunning` is called with the bound port once it listens.
    public static func application(options: ServerOptions, library: PackLibrary = .standard(),
                                   onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) throws -> some ApplicationProtocol {
        try options.validate()
        let service = CheckService(library: library, defaultPack: options.pack, timeout: options.timeout)
        guard service.packIDs.contains(options.pack) else { throw APIError.unknownPack(options.pack) }
        let router = Router()
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware())
        if let token = options.token, !token.isEmpty { router.add(middleware: TokenMiddleware(token: token)) }
        addRoutes(router, service: service, options: options)
        var logger = Logger(label: "soatxet.serve")
        logger.logLevel = .warning
        return Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "soatxet"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? options.port) },
            logger: logger)
    }

    /// Runs the server until it is stopped (SIGINT or SIGTERM).
    public static func run(options: ServerOptions, library: PackLibrary = .standard(),
                           onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(options: options, library: library, onRunning: onRunning).runService()
    }

    static func addRoutes(_ router: Router<BasicRequestContext>, service: CheckService, options: ServerOptions) {
        router.get("/healthz") { _, _ in
            json(["status": "ok", "packs": service.packIDs.count])
        }
        router.get("/api/v1/packs") { _, _ in
            let packs: [[String: Any]] = service.packIDs.compactMap { id in
                guard let pack = try? service.library.resolve(id).pack, !pack.base else { return nil }
                var entry: [String: Any] = ["id": id, "title": pack.title, "requirements": pack.requirements.count,
                                            "default": id == service.defaultPack]
                if let directive = pack.directive {
                    var d: [String: Any] = ["issuer": directive.issuer, "title": directive.title]
                    if let number = directive.number { d["number"] = number }
                    if let date = directive.date { d["date"] = date }
                    entry["directive"] = d
                }
                return entry
            }
            return json(["packs": packs])
        }
        router.post("/api/v1/check") { request, _ in
            let (uploads, _) = try await readUploads(request, options: options)
            let query = request.uri.queryParameters
            let format = query["format"].map(String.init) ?? "json"
            guard Reporters.all[format] != nil else { throw APIError.unknownFormat(format) }
            let language = query["lang"].map(String.init) == "en" ? "en" : "vi"
            let rendered = try await service.check(uploads, pack: query["pack"].map(String.init), language: language) { checked in
                if checked.run.documents.isEmpty, let first = checked.run.errors.first {
                    throw APIError.unreadable(name: first.path, reason: first.message)
                }
                return try checked.render(format)
            }
            return Response(status: .ok, headers: [.contentType: contentType(of: format)],
                            body: .init(byteBuffer: ByteBuffer(string: rendered)))
        }
        router.get("/") { request, _ in
            html(Pages.uploadPage(packs: packList(service), chosen: service.defaultPack, language: Pages.language(of: request),
                                  maxUpload: options.maxUpload, maxFiles: options.maxFiles))
        }
        router.post("/review") { request, _ in
            let (uploads, fields) = try await readUploads(request, options: options)
            let language = fields["lang"] == "en" ? "en" : Pages.language(of: request)
            let pack = fields["pack"].flatMap { $0.isEmpty ? nil : $0 }
            let page = try await service.check(uploads, pack: pack, language: language) { checked in
                try Pages.resultsPage(checked)
            }
            return html(page)
        }
        router.get("/static/app.js") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: Assets.script)))
        }
        router.get("/static/app.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=300"],
                     body: .init(byteBuffer: ByteBuffer(string: Assets.style)))
        }
        router.get("/login") { request, _ in
            html(Pages.loginPage(language: Pages.language(of: request), failed: false))
        }
        router.post("/login") { request, _ in
            let body = try await request.body.collect(upTo: 4096)
            let form = String(buffer: body)
            var presented = ""
            for pair in form.split(separator: "&") where pair.hasPrefix("token=") {
                presented = String(pair.dropFirst(6)).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            let language = Pages.language(of: request)
            guard let token = options.token, TokenMiddleware<BasicRequestContext>.matches(presented, token) else {
                var response = html(Pages.loginPage(language: language, failed: true))
                response.status = .unauthorized
                return response
            }
            let cookie = "soatxet_token=\(presented.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""); Path=/; HttpOnly; SameSite=Strict"
            return Response(status: .seeOther, headers: [.location: "/", .setCookie: cookie])
        }
    }

    /// The packs offered on the pages: ID and title.
    static func packList(_ service: CheckService) -> [(id: String, title: String)] {
        service.packIDs.compactMap { id in
            guard let pack = try? service.library.resolve(id).pack, !pack.base else { return nil }
            return (id, pack.title)
        }
    }

    /// The reports in `request`: multipart file parts, or the raw body named by `?filename=` or the
    /// `X-Filename` header (percent-encoded UTF-8 allowed); also the multipart's plain fields.
    static func readUploads(_ request: Request, options: ServerOptions) async throws -> ([Upload], [String: String]) {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > options.maxUpload {
            throw APIError.tooLarge(limit: options.maxUpload)
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: options.maxUpload)
        } catch {
            throw APIError.tooLarge(limit: options.maxUpload)
        }
        let body = Data(buffer: buffer)
        var uploads: [Upload] = []
        var fields: [String: String] = [:]
        if let type = request.headers[.contentType], let boundary = Multipart.boundary(contentType: type) {
            for part in try Multipart.parse(body, boundary: boundary) {
                if let filename = part.filename {
                    if !filename.isEmpty || !part.data.isEmpty { uploads.append(Upload(name: filename, data: part.data)) }
                } else {
                    fields[part.name] = part.text
                }
            }
        } else if !body.isEmpty {
            let raw = request.uri.queryParameters["filename"].map(String.init)
                ?? request.headers[HTTPField.Name("X-Filename")!].map { $0.removingPercentEncoding ?? $0 }
            guard let name = raw, !name.isEmpty else { throw APIError.badFileName("") }
            uploads.append(Upload(name: name, data: body))
        }
        if uploads.isEmpty { throw APIError.noFile }
        if uploads.count > options.maxFiles { throw APIError.tooManyFiles(count: uploads.count, limit: options.maxFiles) }
        return (uploads, fields)
    }

    static func contentType(of format: String) -> String {
        switch format {
        case "json", "rdjson": return "application/json; charset=utf-8"
        case "sarif": return "application/sarif+json; charset=utf-8"
        case "junit", "checkstyle": return "application/xml; charset=utf-8"
        case "markdown": return "text/markdown; charset=utf-8"
        default: return "text/plain; charset=utf-8"
        }
    }

    static func json(_ object: [String: Any], status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
