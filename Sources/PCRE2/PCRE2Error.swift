// PCRE2: typed errors carrying PCRE2's own messages.
import CPCRE2

/// What went wrong in PCRE2, with the library's own message.
public enum PCRE2Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The pattern did not compile; `offset` is the UTF-8 byte offset in the pattern where PCRE2
    /// stopped, `code` PCRE2's error number.
    case compile(pattern: String, offset: Int, code: Int32, message: String)
    /// Matching failed (match or depth limit hit, JIT stack exhausted, ...).
    case match(pattern: String, code: Int32, message: String)
    /// PCRE2 could not allocate memory.
    case outOfMemory

    /// Whether this error is a resource limit (match limit, depth limit, JIT stack) rather than a bug.
    public var isLimit: Bool {
        guard case .match(_, let code, _) = self else { return false }
        return code == PCRE2_ERROR_MATCHLIMIT || code == PCRE2_ERROR_DEPTHLIMIT
            || code == PCRE2_ERROR_HEAPLIMIT || code == PCRE2_ERROR_JIT_STACKLIMIT
    }

    /// Whether the pattern compiled to more than PCRE2 can hold (too large or too complicated):
    /// the caller may split it into smaller patterns.
    public var isTooLarge: Bool {
        guard case .compile(_, _, let code, _) = self else { return false }
        return code == PCRE2_ERROR_PATTERN_TOO_LARGE || code == PCRE2_ERROR_PATTERN_TOO_COMPLICATED
    }

    public var description: String {
        switch self {
        case let .compile(pattern, offset, _, message):
            return "pattern \(Self.quoted(pattern)) does not compile at byte \(offset): \(message)"
        case let .match(pattern, _, message):
            return "pattern \(Self.quoted(pattern)) failed while matching: \(message)"
        case .outOfMemory:
            return "PCRE2 ran out of memory"
        }
    }

    /// A pattern as quoted in a message: whole when short, else its opening and its length (a
    /// generated pattern can run to hundreds of kilobytes).
    static func quoted(_ pattern: String) -> String {
        let limit = 120
        guard pattern.utf8.count > limit else { return "/\(pattern)/" }
        return "/\(pattern.unicodeScalars.prefix(limit / 2).reduce(into: "") { $0.unicodeScalars.append($1) })…/ (\(pattern.utf8.count) bytes)"
    }

    /// PCRE2's message for an error code.
    static func message(for code: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(code, &buffer, buffer.count)
        guard length > 0 else { return "PCRE2 error \(code)" }
        return String(decoding: buffer[0..<Int(length)], as: UTF8.self)
    }
}
