// DocumentReaders: HTML comments. Takes `<!-- … -->` out of text and Markdown reports and keeps them with their places.
import VietnameseText

/// HTML comments in text and Markdown reports (`<!-- soatxet-disable … -->` and the writer's notes).
///
/// A comment is not report text: ``strip(_:)`` turns each of its characters into one blank (line
/// breaks stay), so that no block, sentence or finding comes from it and every line and column after
/// it is where it was. The blank is a space where the comment is alone on its line (the line becomes
/// blank), a zero-width space where it shares the line with text (block text drops it, and it makes
/// no column gap). An `<!--` without its `-->` is left as text.
enum MarkupComments {
    /// "<!--", which opens a comment.
    private static let opening: [UInt8] = Array("<!--".utf8)

    /// The text with its comments blanked, and the comments in order.
    static func strip(_ text: String) -> (text: String, comments: [MarkupComment]) {
        // Most reports have no comment: look without copying the text.
        var scanned = text
        let hasOpening = scanned.withUTF8 { buffer in
            // "<" is rare in report text: memchr finds each one.
            Self.opening.withUnsafeBufferPointer { buffer.firstOffset(of: $0) != nil }
        }
        guard hasOpening else { return (text, []) }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var found: [(text: String, start: SourceLocation, end: SourceLocation)] = []
        var line = 1, column = 1
        var index = 0
        // Once an opening has no "-->" after it, no later one has: they are not searched again.
        var unclosedFrom = Int.max
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "<"), index < unclosedFrom, let close = matchComment(bytes, at: index, unclosedFrom: &unclosedFrom) {
                let start = SourceLocation(line: line, column: column)
                var endLocation = start
                // On a line it shares with text, a comment becomes zero-width spaces (dropped from the
                // block, no column gap); alone on its lines, plain spaces (a blank line).
                var invisible = textBefore(bytes, index)
                let lastLineShared = textAfter(bytes, close)
                let lastLineStart = bytes[index..<close].lastIndex { $0 == 0x0A || $0 == 0x0D }.map { $0 + 1 } ?? index
                for position in index..<close {
                    let byte = bytes[position]
                    guard byte & 0xC0 != 0x80 else { continue }
                    endLocation = SourceLocation(line: line, column: column)
                    if byte == 0x0A || byte == 0x0D {
                        output.append(byte)
                        invisible = false
                        if byte == 0x0A || position + 1 >= close || bytes[position + 1] != 0x0A {
                            line += 1
                            column = 1
                        }
                    } else {
                        if position >= lastLineStart && lastLineShared { invisible = true }
                        output.append(contentsOf: invisible ? zeroWidthSpace : [0x20])
                        column += 1
                    }
                }
                let inner = String(decoding: bytes[(index + 4)..<(close - 3)], as: UTF8.self)
                found.append((TextNormalizer.normalize(inner.trimmingWhitespace()).text, start, endLocation))
                index = close
                continue
            }
            let byte = bytes[index]
            output.append(byte)
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
            index += 1
        }
        let contentLines = linesWithContent(output)
        // Comments come in order of their end lines: one cursor walks the content lines with them.
        var next = 0
        let comments = found.map { comment in
            while next < contentLines.count, contentLines[next] <= comment.end.line { next += 1 }
            return MarkupComment(text: comment.text, start: comment.start, end: comment.end,
                                 nextContentLine: next < contentLines.count ? contentLines[next] : nil)
        }
        return (String(decoding: output, as: UTF8.self), comments)
    }

    private static let zeroWidthSpace: [UInt8] = [0xE2, 0x80, 0x8B]

    /// Whether the line holding `index` has text before it.
    private static func textBefore(_ bytes: [UInt8], _ index: Int) -> Bool {
        var position = index - 1
        while position >= 0, bytes[position] != 0x0A, bytes[position] != 0x0D {
            if bytes[position] != 0x20 && bytes[position] != 0x09 { return true }
            position -= 1
        }
        return false
    }

    /// Whether the line holding `index` has text from it on.
    private static func textAfter(_ bytes: [UInt8], _ index: Int) -> Bool {
        var position = index
        while position < bytes.count, bytes[position] != 0x0A, bytes[position] != 0x0D {
            if bytes[position] != 0x20 && bytes[position] != 0x09 { return true }
            position += 1
        }
        return false
    }

    private static let open: [UInt8] = Array("<!--".utf8)
    private static let close: [UInt8] = Array("-->".utf8)

    /// The offset just past `-->` when a comment opens at `index`; when `<!--` stands there with
    /// no `-->` after it, `unclosedFrom` becomes `index`.
    private static func matchComment(_ bytes: [UInt8], at index: Int, unclosedFrom: inout Int) -> Int? {
        guard index + 4 <= bytes.count, bytes[index..<(index + 4)].elementsEqual(open) else { return nil }
        guard let end = contains(bytes, close, from: index + 4) else {
            unclosedFrom = index
            return nil
        }
        return end + 3
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// 1-based numbers of the lines that hold anything but white space, ascending.
    private static func linesWithContent(_ bytes: [UInt8]) -> [Int] {
        var lines: [Int] = []
        var line = 1
        var hasContent = false
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                if hasContent { lines.append(line) }
                line += 1
                hasContent = false
            } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                hasContent = true
            }
        }
        if hasContent { lines.append(line) }
        return lines
    }
}

private extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
