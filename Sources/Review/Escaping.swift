// Review: escaping and small formatting. Every piece of report or pack text passes through here on its way out.
import Foundation
import Reporters

/// Escaping for the markup the review outputs write.
enum Escape {
    /// Text for HTML and XML content and attribute values, as the reporters escape it: `& < > " '`
    /// become references and characters XML 1.0 forbids become U+FFFD.
    static func xml(_ text: String) -> String { XML.escape(text) }

    /// A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading `= + - @`
    /// gets an apostrophe so that a spreadsheet does not run it as a formula.
    static func csv(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Text inside a Markdown table cell or list item: pipes escaped, line breaks flattened, markup
    /// characters that would start emphasis, links or HTML escaped.
    static func markdown(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|", "*", "_", "`", "[", "]", "<", ">", "\\": out += "\\\(character)"
            case "\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}

/// A score as people write it: "82", "82.5".
func formatScore(_ value: Double) -> String {
    value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
}
