// DocumentReaders: text layout. Splits decoded text into raw blocks: lines, wrapped lines, tables, columns, Markdown.
import VietnameseText

/// How a text source lays out its paragraphs.
struct TextLayout {
    /// Markdown: "#" headings, "|" tables, emphasis and links stripped, lines of a paragraph joined.
    var markdown = false
    /// Converter output (pdftotext -layout, antiword): deep indentation and column gaps are layout.
    var converted = false

    /// The blocks of `text`, located by line and column in it.
    func blocks(of decoded: consuming DecodedText) -> [ProducedBlock] {
        let source = decoded.text
        _ = consume decoded
        var text = source
        return text.withUTF8 { blocks(of: $0, source: source) }
    }

    private struct LineInfo {
        var start: Int  // first byte of content (after indentation)
        var end: Int  // end of content (before trailing white space)
        var number: Int  // 1-based line number
        var column: Int  // 1-based column of `start`
    }

    /// The blocks of `bytes`, the UTF-8 of `source`.
    private func blocks(of bytes: UnsafeBufferPointer<UInt8>, source: String) -> [ProducedBlock] {
        var result: [ProducedBlock] = []
        var current: RawBlock?
        var currentLast: LineInfo?
        var blankBefore = false
        var lineNumber = 0
        var position = 0
        var nonBlankLines = 0
        var table = -1  // tables seen so far, minus one
        var tableRow = -1
        var inTable = false
        var group = 0  // layout groups are numbered after tables, from a high base
        var lastSplitLine = -2
        var inTail = false
        // Converter output: how wide a full line is, to join lines wrapped by the page width.
        let fullWidth = converted ? TextLayout.fullLineWidth(bytes) : Int.max
        var verdicts = SyllableVerdicts.taken()
        defer { SyllableVerdicts.keep(verdicts) }

        func flush() {
            if let block = current { result.append(ProducedBlock(block, source: source, verdicts: &verdicts)) }
            current = nil
            currentLast = nil
        }

        while position < bytes.count {
            lineNumber += 1
            let lineStart = position
            let lineEnd = LineScan.lineEnd(bytes, from: position)
            position = lineEnd
            if position < bytes.count {
                if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
                position += 1
            }
            // Indentation and trailing white space.
            var start = lineStart
            var column = 1
            while start < lineEnd, bytes[start] == 0x20 || bytes[start] == 0x09 {
                start += 1
                column += 1
            }
            var end = lineEnd
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            if start == end {
                flush()
                blankBefore = true
                inTable = false
                continue
            }
            nonBlankLines += 1
            let line = LineInfo(start: start, end: end, number: lineNumber, column: column)

            // One look at the line: tabs, pipes and column gaps are rare, and only then is it taken apart.
            let (hasTab, hasGap) = LineScan.tabsAndGaps(bytes, from: start, to: end)
            let cells = hasTab || bytes[start] == UInt8(ascii: "|") ? tableCells(bytes, line) : nil
            if let cells {
                flush()
                if !inTable {
                    table += 1
                    tableRow = -1
                    inTable = true
                }
                if isSeparatorRow(bytes, cells) { continue }
                tableRow += 1
                for (columnIndex, cell) in cells.enumerated() where cell.start < cell.end {
                    var raw = RawBlock()
                    raw.scope = .tableCell(table: table, row: tableRow, column: columnIndex)
                    raw.group = table
                    raw.blankLineBefore = blankBefore
                    appendInline(bytes, cell, to: &raw)
                    result.append(ProducedBlock(raw, source: source, verdicts: &verdicts))
                }
                blankBefore = false
                continue
            }
            inTable = false

            // Column gaps in the header and tail: "LĐLĐ HUYỆN ...      CỘNG HÒA XÃ HỘI ...".
            let segments = hasGap || hasTab ? columnSegments(bytes, line) : [line]
            if segments.count > 1, !inTail, segments.contains(where: { isTailSegment(bytes, $0) }) { inTail = true }
            if segments.count > 1, nonBlankLines <= 15 || inTail {
                flush()
                if lastSplitLine != lineNumber - 1 { group += 1 }
                lastSplitLine = lineNumber
                for segment in segments {
                    var raw = RawBlock()
                    raw.group = 1_000_000 + group
                    raw.blankLineBefore = blankBefore
                    appendInline(bytes, segment, to: &raw)
                    result.append(ProducedBlock(raw, source: source, verdicts: &verdicts))
                }
                blankBefore = false
                continue
            }

            // Markdown headings.
            if markdown, bytes[start] == UInt8(ascii: "#") {
                var level = 0
                while start + level < end, bytes[start + level] == UInt8(ascii: "#") { level += 1 }
                if level <= 6, start + level < end, bytes[start + level] == 0x20 {
                    flush()
                    var contentEnd = end
                    while contentEnd > start + level, bytes[contentEnd - 1] == UInt8(ascii: "#") { contentEnd -= 1 }
                    let skip = level + 1
                    var raw = RawBlock()
                    raw.scope = .heading(level: level)
                    raw.scopeIsExplicit = true
                    raw.blankLineBefore = blankBefore
                    appendInline(bytes, LineInfo(start: start + skip, end: contentEnd, number: lineNumber, column: column + skip), to: &raw)
                    result.append(ProducedBlock(raw, source: source, verdicts: &verdicts))
                    blankBefore = false
                    continue
                }
            }

            // Continue the current paragraph, or start a new one.
            if var block = current, let last = currentLast,
                continues(bytes, previous: last, next: line, fullWidth: fullWidth)
            {
                block.appendContinuing([0x20])
                block.stretches.append(nil)
                appendInline(bytes, line, to: &block)
                current = block
                currentLast = line
                continue
            }
            flush()
            var raw = RawBlock()
            raw.blankLineBefore = blankBefore
            // Deep indentation in converter output is centring.
            raw.centered = converted && column > 12
            appendInline(bytes, line, to: &raw)
            current = raw
            currentLast = line
            blankBefore = false
        }
        flush()
        return result
    }

    /// Whether `next` is a wrapped continuation of the paragraph ending with `previous`.
    private func continues(_ bytes: UnsafeBufferPointer<UInt8>, previous: LineInfo, next: LineInfo, fullWidth: Int) -> Bool {
        if markdown, isWholeLineStrong(bytes, previous) || isWholeLineStrong(bytes, next) { return false }
        let last = bytes[previous.end - 1]
        if last == UInt8(ascii: ".") || last == UInt8(ascii: ":") || last == UInt8(ascii: ";") || last == UInt8(ascii: "!")
            || last == UInt8(ascii: "?")
        {
            return false
        }
        // Converter output: a line that fills the page width was wrapped by the page.
        if previous.column + characters(bytes, previous.start, previous.end) >= fullWidth, previous.column <= 3,
            !isNumbered(bytes, next), !hasColumnGap(bytes, previous), !hasColumnGap(bytes, next)
        {
            return true
        }
        // A wrapped line goes on with a lower-case word (Vietnamese sentences and headings open in capitals).
        let first = bytes[next.start]
        if first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") { return !isNumbered(bytes, next) }
        if first >= 0xC3 {
            let scalar = decodeScalar(bytes, at: next.start)
            return scalar?.properties.isLowercase == true && !isNumbered(bytes, next)
        }
        return false
    }

    private func hasColumnGap(_ bytes: UnsafeBufferPointer<UInt8>, _ line: LineInfo) -> Bool {
        var run = 0
        for index in line.start..<line.end {
            if bytes[index] == 0x20 { run += 1; if run >= 3 { return true } } else { run = 0 }
        }
        return false
    }

    private func isWholeLineStrong(_ bytes: UnsafeBufferPointer<UInt8>, _ line: LineInfo) -> Bool {
        line.end - line.start > 4 && bytes[line.start] == UInt8(ascii: "*") && bytes[line.start + 1] == UInt8(ascii: "*")
            && bytes[line.end - 1] == UInt8(ascii: "*") && bytes[line.end - 2] == UInt8(ascii: "*")
    }

    /// Three quarters of the widest line (in characters, indentation included) of converter output.
    static func fullLineWidth(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var widest = 0
        var width = 0
        for byte in bytes {
            if byte == 0x0A || byte == 0x0C {
                widest = max(widest, width)
                width = 0
            } else if byte & 0xC0 != 0x80 {
                width += 1
            }
        }
        widest = max(widest, width)
        return max(40, widest * 3 / 4)
    }

    private func isNumbered(_ bytes: UnsafeBufferPointer<UInt8>, _ line: LineInfo) -> Bool {
        Numbering.parse(utf8: bytes, from: line.start, to: line.end) != nil
    }

    private func decodeScalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        var iterator = bytes[index..<min(bytes.count, index + 4)].makeIterator()
        var decoder = UTF8()
        if case let .scalarValue(scalar) = decoder.decode(&iterator) { return scalar }
        return nil
    }

    /// Appends a line (or cell) to `raw`, anchored at its line and column; Markdown emphasis, code
    /// marks and link targets are left out, each kept stretch anchored where it starts.
    private func appendInline(_ bytes: UnsafeBufferPointer<UInt8>, _ line: LineInfo, to raw: inout RawBlock) {
        guard markdown else {
            raw.append(bytes[line.start..<line.end], from: .text(SourceLocation(line: line.number, column: line.column)))
            raw.stretches.append(line.start..<line.end)
            return
        }
        // Whole-line strong emphasis marks a bold line.
        let length = line.end - line.start
        if length > 4, bytes[line.start] == UInt8(ascii: "*"), bytes[line.start + 1] == UInt8(ascii: "*"),
            bytes[line.end - 1] == UInt8(ascii: "*"), bytes[line.end - 2] == UInt8(ascii: "*")
        {
            raw.bold = true
        }
        var index = line.start
        var pieceStart = line.start
        var column = line.column
        var pieceColumn = column
        func emit(_ upTo: Int) {
            if pieceStart < upTo {
                raw.append(bytes[pieceStart..<upTo], from: .text(SourceLocation(line: line.number, column: pieceColumn)))
                raw.stretches.append(pieceStart..<upTo)
            }
        }
        while index < line.end {
            let byte = bytes[index]
            var skip = 0
            if byte == UInt8(ascii: "*") || byte == UInt8(ascii: "`") {
                // "**", "*" and "`" emphasis marks; a "* " list bullet at the start of the line stays.
                let isBullet = index == line.start && index + 1 < line.end && bytes[index + 1] == 0x20
                if !isBullet { skip = index + 1 < line.end && bytes[index + 1] == byte ? 2 : 1 }
            } else if byte == UInt8(ascii: "_"), index + 1 < line.end, bytes[index + 1] == UInt8(ascii: "_") {
                skip = 2
            } else if byte == UInt8(ascii: "]"), index + 1 < line.end, bytes[index + 1] == UInt8(ascii: "(") {
                // "[text](target)": drop "](target)"; the "[" was dropped when seen.
                var close = index + 2
                while close < line.end, bytes[close] != UInt8(ascii: ")") { close += 1 }
                if close < line.end { skip = close + 1 - index }
            } else if byte == UInt8(ascii: "["), hasLinkClose(bytes, from: index, end: line.end) {
                skip = 1
            }
            if skip > 0 {
                emit(index)
                column += ByteWords.scalarCount(in: bytes, from: index, to: index + skip)
                index += skip
                pieceStart = index
                pieceColumn = column
                continue
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        emit(line.end)
    }

    private func hasLinkClose(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, end: Int) -> Bool {
        var close = index + 1
        while close + 1 < end {
            if bytes[close] == UInt8(ascii: "]") { return bytes[close + 1] == UInt8(ascii: "(") }
            close += 1
        }
        return false
    }

    /// The cells of a table row: "| a | b |" (Markdown and text), or cells separated by tabs (text).
    private func tableCells(_ bytes: UnsafeBufferPointer<UInt8>, _ line: LineInfo) -> [LineInfo]? {
        var separators: [Int] = []
        let pipe = bytes[line.start] == UInt8(ascii: "|")
        for index in line.start..<line.end {
            let byte = bytes[index]
            if pipe ? byte == UInt8(ascii: "|") : (byte == 0x09 && !markdown) { separators.append(index) }
        }
        guard !separators.isEmpty else { return nil }
        var bounds: [Int] = pipe ? separators : [line.start - 1] + separators
        if !pipe || bounds.last! != line.end - 1 { bounds.append(line.end) }
        guard bounds.count >= 3 else { return nil }  // at least two cells
        var cells: [LineInfo] = []
        for pair in zip(bounds, bounds.dropFirst()) {
            var start = pair.0 + 1
            var end = pair.1
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            cells.append(LineInfo(start: start, end: end, number: line.number, column: line.column + characters(bytes, line.start, start)))
        }
        return cells
    }

    private func isSeparatorRow(_ bytes: UnsafeBufferPointer<UInt8>, _ cells: [LineInfo]) -> Bool {
        for cell in cells {
            for index in cell.start..<cell.end {
                let byte = bytes[index]
                if byte != UInt8(ascii: "-") && byte != UInt8(ascii: ":") && byte != 0x20 { return false }
            }
        }
        return true
    }

    /// Whether a gap is the blank left for a handwritten day or month ("ngày    tháng 11 năm 2020"),
    /// which is part of the date line, not a column gap.
    private func isBlankInDate(_ bytes: UnsafeBufferPointer<UInt8>, gapStart: Int, gapEnd: Int, line: LineInfo) -> Bool {
        func word(endingAt end: Int) -> String {
            var start = end
            while start > line.start, bytes[start - 1] != 0x20, bytes[start - 1] != 0x09 { start -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
        }
        func word(startingAt start: Int) -> String {
            var end = start
            while end < line.end, bytes[end] != 0x20, bytes[end] != 0x09 { end += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self).lowercased()
        }
        let before = word(endingAt: gapStart), after = word(startingAt: gapEnd)
        return (before == "ngày" && after == "tháng") || (before == "tháng" && after == "năm")
    }

    /// Pieces of a line separated by gaps of three or more spaces (or a tab), as laid out in columns.
    private func columnSegments(_ bytes: UnsafeBufferPointer<UInt8>, _ line: LineInfo) -> [LineInfo] {
        var segments: [LineInfo] = []
        var segmentStart = line.start
        var index = line.start
        while index < line.end {
            if bytes[index] == 0x20 || bytes[index] == 0x09 {
                var gapEnd = index
                while gapEnd < line.end, bytes[gapEnd] == 0x20 || bytes[gapEnd] == 0x09 { gapEnd += 1 }
                if (gapEnd - index >= 3 || bytes[index] == 0x09) && !isBlankInDate(bytes, gapStart: index, gapEnd: gapEnd, line: line) {
                    segments.append(LineInfo(start: segmentStart, end: index, number: line.number,
                                             column: line.column + characters(bytes, line.start, segmentStart)))
                    segmentStart = gapEnd
                }
                index = gapEnd
                continue
            }
            index += 1
        }
        segments.append(LineInfo(start: segmentStart, end: line.end, number: line.number,
                                 column: line.column + characters(bytes, line.start, segmentStart)))
        // "I.      KẾT QUẢ": a number set off by a tab stop belongs to the text after it.
        var merged: [LineInfo] = []
        for segment in segments {
            if let previous = merged.last, let label = Numbering.parse(utf8: bytes, from: previous.start, to: previous.end),
                label.contentOffset >= previous.end - previous.start
            {
                merged[merged.count - 1].end = segment.end
            } else {
                merged.append(segment)
            }
        }
        return merged
    }

    private func isTailSegment(_ bytes: UnsafeBufferPointer<UInt8>, _ segment: LineInfo) -> Bool {
        let text = String(decoding: bytes[segment.start..<segment.end], as: UTF8.self)
        return Line.isRecipientsStart(text) || Line.isSignatureOpener(text)
    }

    private func characters(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        ByteWords.scalarCount(in: bytes, from: from, to: to)
    }
}
