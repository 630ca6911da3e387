// RuleModel: errors. A mistake in a rule pack or configuration, at file:line:column with the lines around it.
import Yams

/// A mistake in a YAML rule pack or configuration file, located at `file:line:column`.
public struct RuleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file the mistake is in.
    public let file: String
    /// 1-based line.
    public let line: Int
    /// 1-based column, in characters.
    public let column: Int
    /// What is wrong and what is expected.
    public let message: String
    /// The line with the mistake and the one before and after it, numbered, with a caret under the column.
    /// Made when asked for: decoding tries alternatives, and most errors it makes are never shown.
    public var excerpt: String { yaml.map { Self.excerpt(of: $0, line: line, column: column) } ?? "" }
    private let yaml: String?

    /// Creates an error; `yaml` is the file's text, used for the excerpt.
    public init(file: String, line: Int, column: Int, message: String, yaml: String?) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
        self.yaml = yaml
    }

    init(yamlError: YamlError, file: String, yaml: String) {
        switch yamlError {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            let detail = context.map { "\($0.text) " } ?? ""
            self.init(file: file, line: mark.line, column: mark.column,
                      message: "YAML syntax: \(detail)\(problem)", yaml: yaml)
        case let .duplicatedKeysInMapping(duplicates, context):
            self.init(file: file, line: context.mark.line, column: context.mark.column,
                      message: "duplicated key(s) \(duplicates.joined(separator: ", ")) in one mapping", yaml: yaml)
        default:
            self.init(file: file, line: 1, column: 1, message: "YAML: \(yamlError)", yaml: yaml)
        }
    }

    public var description: String {
        "\(file):\(line):\(column): error: \(message)" + (excerpt.isEmpty ? "" : "\n" + excerpt)
    }

    /// The line breaks of YAML 1.1 as libyaml counts lines: LF, CR, CR LF (one `Character`), NEL, LS, PS.
    static let lineBreaks: Set<Character> = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"]

    private static func excerpt(of text: String, line: Int, column: Int) -> String {
        // Lines as the YAML parser numbered them: a Windows (CR LF) or old Mac (CR) file included.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { lineBreaks.contains($0) })
        guard line >= 1, line <= lines.count else { return "" }
        let range = max(1, line - 1)...min(lines.count, line + 1)
        let width = String(range.upperBound).count
        var out: [String] = []
        for number in range {
            let label = String(number).padding(toLength: width)
            out.append("  \(label) | \(lines[number - 1])")
            if number == line {
                out.append("  \(String(repeating: " ", count: width)) | \(String(repeating: " ", count: max(0, column - 1)))^")
            }
        }
        return out.joined(separator: "\n")
    }
}

private extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : String(repeating: " ", count: length - count) + self
    }
}
