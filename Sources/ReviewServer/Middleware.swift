// ReviewServer: middleware. Security headers on every answer, the token check, and refusals turned into clear JSON or pages.
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Adds the security headers to every response, refusals included: a content security policy that
/// allows scripts, styles and images from this server only (no inline script, nothing from elsewhere),
/// `nosniff`, frame denial and no referrer.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] = Self.policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        if response.headers[.cacheControl] == nil { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Turns ``APIError`` and the router's own errors into answers: JSON under `/api/` and `/healthz`,
/// a page elsewhere.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return Self.response(error, request: request)
        } catch let error as HTTPResponseError where error.status == .notFound {
            return Self.response(.notFound, request: request)
        } catch let error as HTTPResponseError {
            throw error  // the router's own answers (405 and the like) keep their status
        } catch {
            return Self.response(.failed("\(error)"), request: request)
        }
    }

    static func response(_ error: APIError, request: Request) -> Response {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path == "/healthz" {
            return Response(status: error.status, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(data: error.json)))
        }
        let language = Pages.language(of: request)
        let html = Pages.errorPage(error, language: language)
        return Response(status: error.status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

/// Lets a request through only with the token: `Authorization: Bearer T` or the `soatxet_token` cookie
/// that the login form sets. `/healthz`, the login form and the static files need none.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path == "/healthz" || path == "/login" || path.hasPrefix("/static/") { return try await next(request, context) }
        if Self.matches(Self.presented(in: request), token) { return try await next(request, context) }
        if request.method == .get && !path.hasPrefix("/api/") {
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        throw APIError.unauthorized
    }

    /// The token a request carries, from its Authorization header or its cookie.
    static func presented(in request: Request) -> String? {
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            return String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces)
        }
        for cookieLine in request.headers[values: .cookie] {
            for pair in cookieLine.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == "soatxet_token" { return parts[1].removingPercentEncoding ?? parts[1] }
            }
        }
        return nil
    }

    /// Compares in time independent of where the strings differ.
    static func matches(_ presented: String?, _ token: String) -> Bool {
        guard let presented else { return false }
        let a = Array(presented.utf8), b = Array(token.utf8)
        var difference = UInt8(a.count == b.count ? 0 : 1)
        for index in 0..<max(a.count, b.count) {
            difference |= (index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0)
        }
        return difference == 0
    }
}
