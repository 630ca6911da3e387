// ReviewServer: the server's settings. ServerOptions owns what `soatxet serve` is told and checks it is safe to start.
import Configuration
import Foundation

/// What `soatxet serve` is told: where to listen, which pack by default, and the limits on uploads.
public struct ServerOptions: Sendable {
    /// The address to bind ("127.0.0.1" by default: only this machine can reach the server).
    public var host: String
    /// The TCP port (0: any free port).
    public var port: Int
    /// The pack used when a request names none.
    public var pack: String
    /// The largest request body accepted, in bytes (413 above it).
    public var maxUpload: Int
    /// The most reports one request may carry (413 above it).
    public var maxFiles: Int
    /// How long checking one request may take, in seconds (503 after it).
    public var timeout: Double
    /// The bearer token every request must carry (`Authorization: Bearer T`, or the `soatxet_token`
    /// cookie the login form sets); nil on loopback when none is wanted.
    public var token: String?

    public init(host: String = "127.0.0.1", port: Int = 8080, pack: String = ProjectConfig.defaultPack, maxUpload: Int = 20 * 1024 * 1024,
                maxFiles: Int = 50, timeout: Double = 60, token: String? = nil) {
        self.host = host
        self.port = port
        self.pack = pack
        self.maxUpload = maxUpload
        self.maxFiles = maxFiles
        self.timeout = timeout
        self.token = token
    }

    /// Whether `host` can only be reached from this machine.
    public static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        return lowered == "localhost" || lowered == "::1" || lowered == "[::1]" || lowered.hasPrefix("127.")
    }

    /// Refuses settings that would expose the checker unprotected or that make no sense.
    public func validate() throws {
        if !Self.isLoopback(host) && (token ?? "").isEmpty {
            throw ServerOptionsError.tokenRequired(host: host)
        }
        if let token, !token.isEmpty, token.count < 8 { throw ServerOptionsError.weakToken }
        if !(0...65535).contains(port) { throw ServerOptionsError.badPort(port) }
        if maxUpload <= 0 || maxFiles <= 0 || timeout <= 0 { throw ServerOptionsError.badLimit }
    }

    /// Parses a size such as "20MB", "512KB", "1GB" or a plain number of bytes.
    public static func parseSize(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(String, Int)] = [("GB", 1 << 30), ("MB", 1 << 20), ("KB", 1 << 10), ("G", 1 << 30), ("M", 1 << 20), ("K", 1 << 10), ("B", 1)]
        for (suffix, factor) in units where trimmed.hasSuffix(suffix) {
            guard let value = Double(trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)), value > 0 else { return nil }
            return Int(value * Double(factor))
        }
        return Int(trimmed).flatMap { $0 > 0 ? $0 : nil }
    }
}

/// Settings `soatxet serve` refuses to start with.
public enum ServerOptionsError: Error, Sendable, Equatable {
    case tokenRequired(host: String)
    case weakToken
    case badPort(Int)
    case badLimit

    /// The message in Vietnamese ("vi") or English.
    public func message(language: String) -> String {
        let en = language == "en"
        switch self {
        case let .tokenRequired(host):
            return en ? "refusing to listen on \(host) without --token: other machines could use the checker; add --token SECRET or bind 127.0.0.1"
                : "không mở máy chủ trên \(host) khi chưa có --token: máy khác có thể dùng trình soát xét; thêm --token MẬT-KHẨU hoặc dùng 127.0.0.1"
        case .weakToken:
            return en ? "--token must be at least 8 characters" : "--token phải có ít nhất 8 ký tự"
        case let .badPort(port):
            return en ? "port \(port) is out of range 0-65535" : "cổng \(port) nằm ngoài khoảng 0-65535"
        case .badLimit:
            return en ? "limits must be positive" : "các giới hạn phải là số dương"
        }
    }
}
