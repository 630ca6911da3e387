// Reporters: escaping and identities shared by the formats. XML text, stable fingerprints, URIs of paths.
import ComplianceEngine
import Foundation

/// Escaping for XML 1.0 (and HTML) text and attribute values, shared by every format that writes markup.
public enum XML {
    /// `text` with `& < > " '` as entities and characters XML 1.0 forbids (C0 controls, U+FFFE, U+FFFF)
    /// replaced by U+FFFD. In attribute values (`attribute`), line breaks and tabs become character
    /// references so that parsers keep them; in element text they stay as they are.
    public static func escape(_ text: String, attribute: Bool = true) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n" where attribute: out += "&#10;"
            case "\r" where attribute: out += "&#13;"
            case "\t" where attribute: out += "&#9;"
            case "\n", "\r", "\t": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Stable identities of findings, independent of line numbers (so that an edit above a finding does
/// not make it new): the rule, the text concerned and which occurrence of that pair it is in its report.
enum Fingerprint {
    /// FNV-1a, 64 bits, as 16 hex digits.
    static func hash(_ text: String) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// One fingerprint per finding of `document`, in order.
    static func of(_ document: DocumentResult) -> [String] {
        var seen: [String: Int] = [:]
        return document.findings.map { finding in
            let key = finding.rule + "\u{0}" + finding.excerpt
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return hash(key + "\u{0}\(occurrence)")
        }
    }
}

/// Paths as the formats want them.
enum ReportPath {
    /// `path` with a leading "./" removed and backslashes as slashes: relative paths for CI tools.
    static func relative(_ path: String) -> String {
        var path = path.replacingOccurrences(of: "\\", with: "/")
        while path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    /// An RFC 3986 URI reference for `path`: relative paths stay relative (percent-encoded), absolute
    /// ones become `file://` URIs.
    static func uri(_ path: String) -> (uri: String, isRelative: Bool) {
        let path = relative(path)
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";:")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? ("file://" + encoded, false) : (encoded, true)
    }
}

extension InputError {
    /// The message with the path in front, unless the message already starts with it.
    var located: String { message.hasPrefix(path) ? message : "\(path): \(message)" }
}
