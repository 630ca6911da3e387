// ReviewServer: errors the API answers with. APIError owns each refusal's HTTP status and its Vietnamese and English message.
import Foundation
import HTTPTypes

/// Why a request was refused; every refusal is answered as JSON
/// `{"error": {"code", "status", "message", "message_en"}}` with the status here.
public enum APIError: Error, Sendable, Equatable {
    /// The body is larger than `--max-upload`.
    case tooLarge(limit: Int)
    /// More reports than the server takes in one request.
    case tooManyFiles(count: Int, limit: Int)
    /// Checking took longer than the time limit.
    case timedOut(seconds: Double)
    /// The request carried no report.
    case noFile
    /// The report's name is missing or its extension is not a report format.
    case badFileName(String)
    /// The multipart body cannot be parsed.
    case badMultipart(String)
    /// No pack has this ID.
    case unknownPack(String)
    /// No output format has this name.
    case unknownFormat(String)
    /// The report could not be read or checked.
    case unreadable(name: String, reason: String)
    /// The token is missing or wrong.
    case unauthorized
    /// No such page.
    case notFound
    /// Something failed on the server's side (a broken pack, say).
    case failed(String)

    /// The HTTP status.
    public var status: HTTPResponse.Status {
        switch self {
        case .tooLarge, .tooManyFiles: return .contentTooLarge
        case .timedOut: return .serviceUnavailable
        case .unauthorized: return .unauthorized
        case .notFound: return .notFound
        case .unreadable: return .unprocessableContent
        case .failed: return .internalServerError
        default: return .badRequest
        }
    }

    /// A stable code for programs.
    public var code: String {
        switch self {
        case .tooLarge: return "too-large"
        case .tooManyFiles: return "too-many-files"
        case .timedOut: return "timed-out"
        case .noFile: return "no-file"
        case .badFileName: return "bad-file-name"
        case .badMultipart: return "bad-multipart"
        case .unknownPack: return "unknown-pack"
        case .unknownFormat: return "unknown-format"
        case .unreadable: return "unreadable"
        case .unauthorized: return "unauthorized"
        case .notFound: return "not-found"
        case .failed: return "failed"
        }
    }

    /// The message in Vietnamese ("vi") or English ("en"): what, and what to do.
    public func message(_ language: String) -> String {
        let en = language == "en"
        switch self {
        case let .tooLarge(limit):
            let mb = String(format: "%.1f", Double(limit) / 1_048_576)
            return en ? "the upload is larger than \(mb) MB; send fewer or smaller files"
                : "tệp gửi lên lớn hơn \(mb) MB; hãy gửi ít tệp hơn hoặc tệp nhỏ hơn"
        case let .tooManyFiles(count, limit):
            return en ? "\(count) files in one request, at most \(limit); send them in several requests"
                : "\(count) tệp trong một lần gửi, tối đa \(limit); hãy chia thành nhiều lần"
        case let .timedOut(seconds):
            return en ? "checking took longer than \(Int(seconds)) s; try again later or with fewer files"
                : "soát xét lâu quá \(Int(seconds)) giây; hãy thử lại sau hoặc gửi ít tệp hơn"
        case .noFile:
            return en ? "no report in the request; send a file (multipart field 'file', or the raw body with ?filename=)"
                : "không có báo cáo trong yêu cầu; hãy gửi tệp (trường multipart 'file', hoặc nội dung thô kèm ?filename=)"
        case let .badFileName(name):
            return en ? "'\(name)' is not a report file; expected .txt, .md, .docx, .odt, .doc or .pdf"
                : "'\(name)' không phải tệp báo cáo; cần .txt, .md, .docx, .odt, .doc hoặc .pdf"
        case let .badMultipart(reason):
            return en ? "the multipart body cannot be read: \(reason)" : "không đọc được nội dung multipart: \(reason)"
        case let .unknownPack(id):
            return en ? "no rule pack '\(id)'; see GET /api/v1/packs" : "không có bộ quy tắc '\(id)'; xem GET /api/v1/packs"
        case let .unknownFormat(name):
            return en ? "unknown format '\(name)'; expected one of: \(APIError.formats)"
                : "định dạng '\(name)' không có; cần một trong: \(APIError.formats)"
        case let .unreadable(name, reason):
            return en ? "'\(name)' cannot be checked: \(reason)" : "không soát xét được '\(name)': \(reason)"
        case .unauthorized:
            return en ? "this server needs its token: send 'Authorization: Bearer TOKEN' or sign in on the page"
                : "máy chủ này cần mã truy cập: gửi 'Authorization: Bearer MÃ' hoặc đăng nhập trên trang"
        case .notFound:
            return en ? "no such page" : "không có trang này"
        case let .failed(reason):
            return en ? "the server could not check the reports: \(reason)" : "máy chủ không soát xét được: \(reason)"
        }
    }

    /// The output formats' names, for messages.
    static var formats: String { CheckService.formats.joined(separator: ", ") }

    /// The JSON body of the refusal.
    public var json: Data {
        let object: [String: Any] = ["error": ["code": code, "status": Int(status.code), "message": message("vi"), "message_en": message("en")]]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
    }
}

extension APIError: CustomStringConvertible {
    /// The English message, for logs.
    public var description: String { message("en") }
}
