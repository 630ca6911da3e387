// VietnameseText: decoding. The encodings Vietnamese reports arrive in, and decoding bytes into text.

/// A character encoding soatxet can read.
public enum TextEncoding: String, CaseIterable, Codable, Sendable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    /// Windows-1258: a base letter followed by a combining tone byte.
    case windows1258 = "windows-1258"
    /// TCVN 5712:1993 VN3 (the ".VnTime" fonts, also called ABC).
    case tcvn3
    /// VNI-Windows: a vowel followed by one or two modifier bytes.
    case vni = "vni-windows"
    /// VISCII (RFC 1456).
    case viscii

    /// Parses a user-given name, accepting common aliases ("utf8", "cp1258", "abc", "vni").
    public init?(name: String) {
        let key = String(name.lowercased().map { $0 == "_" ? "-" : $0 })
        switch key {
        case "utf-8", "utf8": self = .utf8
        case "utf-16le", "utf16le": self = .utf16LE
        case "utf-16be", "utf16be": self = .utf16BE
        case "windows-1258", "cp1258", "win1258": self = .windows1258
        case "tcvn3", "tcvn", "abc", "vn3", "tcvn-5712": self = .tcvn3
        case "vni-windows", "vni": self = .vni
        case "viscii": self = .viscii
        default: return nil
        }
    }
}

/// Decoded text with the encoding it was read as.
public struct DecodedText: Sendable {
    /// The text, one character per character of the source as its encoding displays it
    /// (legacy encodings come out precomposed: a Windows-1258 base and tone byte make one letter).
    public let text: String
    /// The encoding the bytes were read as.
    public let encoding: TextEncoding
    /// How sure the decoder is, 0...1 (1 when given or marked by a byte-order mark).
    public let confidence: Double
    /// Whether the bytes started with a byte-order mark (not part of ``text``).
    public let hadByteOrderMark: Bool

    public init(text: String, encoding: TextEncoding, confidence: Double, hadByteOrderMark: Bool) {
        self.text = text
        self.encoding = encoding
        self.confidence = confidence
        self.hadByteOrderMark = hadByteOrderMark
    }
}

/// Why bytes could not be decoded.
public enum DecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes are not valid in the encoding that was asked for; `offset` is the first bad byte.
    case invalidBytes(encoding: TextEncoding, offset: Int, line: Int)
    /// The input holds NUL bytes or control characters that no text report has: it is binary.
    case binary(offset: Int)

    public var description: String {
        switch self {
        case let .invalidBytes(encoding, offset, line):
            return "not valid \(encoding.rawValue) at byte \(offset) (line \(line)); try another --encoding or auto"
        case let .binary(offset):
            return "binary data at byte \(offset), not a text report"
        }
    }
}
