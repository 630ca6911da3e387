// Reporters: source text. Re-reads checked text reports for formats that count columns in UTF-8 bytes.
import DocumentReaders
import Foundation
import VietnameseText

/// The decoded text of text reports (.txt, .md), as the reader decoded it: lines and columns of
/// results count in this text. Formats that count columns in UTF-8 bytes (reviewdog) convert with it.
public enum SourceText {
    /// A reader for ``ReportContext/sourceText``: decodes `.txt` and `.md` files in `encoding` (detected
    /// when nil); nil for standard input, other formats and files that cannot be read or decoded.
    public static func reader(encoding: TextEncoding? = nil) -> @Sendable (String) -> String? {
        { path in
            guard path != "-", DocumentReaders.format(forExtension: (path as NSString).pathExtension)?.isText == true,
                  let data = FileManager.default.contents(atPath: path) else { return nil }
            return try? TextDecoder.decode(Array(data), encoding: encoding).text
        }
    }

    /// The 1-based UTF-8 byte column of the character at 1-based `column` (in Unicode scalars) of `line`;
    /// past the line's end, bytes are counted as one per missing character.
    public static func byteColumn(_ column: Int, in line: Substring) -> Int {
        var bytes = 0
        var scalars = 0
        for scalar in line.unicodeScalars {
            if scalars == column - 1 { return bytes + 1 }
            bytes += UTF8.width(scalar)
            scalars += 1
        }
        return bytes + 1 + max(0, column - 1 - scalars)
    }

    /// The lines of `text`, split as the source map splits them (`\n`, `\r\n` or a lone `\r`).
    public static func lines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.unicodeScalars.startIndex
        var index = start
        let scalars = text.unicodeScalars
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                lines.append(Substring(scalars[start..<index]))
                var next = scalars.index(after: index)
                if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        lines.append(Substring(scalars[start..<scalars.endIndex]))
        return lines
    }
}
