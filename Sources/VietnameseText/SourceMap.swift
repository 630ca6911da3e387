// VietnameseText: offsets. Maps byte offsets of derived text back to the source's lines and columns.

/// A place in a source text: 1-based line and 1-based column counted in characters (Unicode scalars).
public struct SourceLocation: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in characters of the decoded source line.
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// Maps byte offsets of an output text to byte offsets of the input text it was made from.
///
/// Built by ``TextBuilder`` while a transformation writes its output. Stretches copied unchanged
/// map byte for byte; a replaced stretch maps proportionally onto the input it replaced, so its
/// start maps to the start of what it replaced and its end to the end.
public struct OffsetMap: Sendable, Equatable {
    // Segment k covers output outStarts[k]..<outStarts[k+1] (outEnd for the last) and input
    // inStarts[k]..<inStarts[k+1] (inEnd for the last). No segments: the identity.
    private var outStarts: [Int] = []
    private var inStarts: [Int] = []
    private var copied: [Bool] = []
    private var outEnd = 0
    private var inEnd = 0

    /// The map of a transformation that changed nothing.
    public static let identity = OffsetMap()

    /// Whether every output offset equals its input offset.
    public var isIdentity: Bool {
        outStarts.isEmpty || (outStarts.count == 1 && copied[0] && inStarts[0] == 0)
    }

    init() {}

    mutating func appendCopy(outputLength: Int, inputStart: Int) {
        guard outputLength > 0 else { return }
        if let last = copied.last, last, inEnd == inputStart {
            // Extends the copied segment that ends exactly here.
            outEnd += outputLength
            inEnd += outputLength
            return
        }
        openSegment(inputStart: inputStart, copied: true)
        outEnd += outputLength
        inEnd = inputStart + outputLength
    }

    mutating func appendReplacement(outputLength: Int, input: Range<Int>) {
        openSegment(inputStart: input.lowerBound, copied: false)
        outEnd += outputLength
        inEnd = input.upperBound
    }

    private mutating func openSegment(inputStart: Int, copied isCopy: Bool) {
        outStarts.append(outEnd)
        inStarts.append(inputStart)
        copied.append(isCopy)
        inEnd = inputStart
    }

    /// The map of two transformations in a row: `self` maps C to B, `inner` maps B to A; the result maps C to A.
    public func composed(with inner: OffsetMap) -> OffsetMap {
        if inner.isIdentity { return self }
        if isIdentity { return inner }
        var result = OffsetMap()
        for index in outStarts.indices {
            let outStart = outStarts[index], inStart = inStarts[index]
            let outStop = index + 1 < outStarts.count ? outStarts[index + 1] : outEnd
            let inStop = index + 1 < inStarts.count ? inStarts[index + 1] : inEnd
            guard copied[index] else {
                result.appendReplacement(
                    outputLength: outStop - outStart, input: inner.inputOffset(inStart)..<inner.inputOffset(inStop))
                continue
            }
            // A copied stretch of B may cross several segments of `inner`: split it at their starts.
            // (found from the segment holding inStart on, not by reading all of `inner`'s segments)
            var cuts = [inStart]
            if let first = inner.segment(containing: inStart) {
                for start in inner.outStarts[(first + 1)...] {
                    if start >= inStop { break }
                    cuts.append(start)
                }
            }
            cuts.append(inStop)
            for (from, to) in zip(cuts, cuts.dropFirst()) where to > from {
                let innerIndex = inner.segment(containing: from)
                let length = to - from
                if innerIndex.map({ inner.copied[$0] }) ?? true {
                    result.appendCopy(outputLength: length, inputStart: inner.inputOffset(from))
                } else {
                    result.appendReplacement(outputLength: length, input: inner.inputOffset(from)..<inner.inputOffset(to))
                }
            }
        }
        return result
    }

    private func segment(containing offset: Int) -> Int? {
        guard !outStarts.isEmpty, offset < outEnd else { return nil }
        return lastSegment(startingAtOrBefore: offset)
    }

    /// The input offset that output byte offset `offset` comes from.
    public func inputOffset(_ offset: Int) -> Int {
        guard let segment = segment(containing: offset) else {
            return outStarts.isEmpty ? offset : inEnd + (offset - outEnd)
        }
        return inputOffset(offset, inSegment: segment)
    }

    /// The last segment whose output starts at or before `offset` (the first when none).
    private func lastSegment(startingAtOrBefore offset: Int) -> Int {
        var low = 0, high = outStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if outStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    private func inputOffset(_ offset: Int, inSegment segment: Int) -> Int {
        let outStart = outStarts[segment], inStart = inStarts[segment]
        let within = offset - outStart
        if copied[segment] { return inStart + within }
        let outStop = segment + 1 < outStarts.count ? outStarts[segment + 1] : outEnd
        let inStop = segment + 1 < inStarts.count ? inStarts[segment + 1] : inEnd
        let outLength = outStop - outStart
        guard outLength > 0 else { return inStart }
        return inStart + within * (inStop - inStart) / outLength
    }
}

/// Writes an output text while recording where each piece came from in the input.
public struct TextBuilder {
    /// The UTF-8 bytes written so far.
    public private(set) var bytes: [UInt8] = []
    /// The map from offsets in ``bytes`` to offsets in the input.
    public private(set) var map = OffsetMap()

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    /// Appends input bytes unchanged, starting at input offset `inputStart`.
    public mutating func copy<C: Collection>(_ piece: C, from inputStart: Int) where C.Element == UInt8 {
        map.appendCopy(outputLength: piece.count, inputStart: inputStart)
        bytes.append(contentsOf: piece)
    }

    /// Appends `replacement` in place of input bytes `input`.
    public mutating func replace<C: Collection>(_ input: Range<Int>, with replacement: C) where C.Element == UInt8 {
        map.appendReplacement(outputLength: replacement.count, input: input)
        bytes.append(contentsOf: replacement)
    }

    /// Appends `replacement` (a string) in place of input bytes `input`.
    public mutating func replace(_ input: Range<Int>, with replacement: String) {
        replace(input, with: Array(replacement.utf8))
    }

    /// The output as a string (the builder's bytes must be valid UTF-8).
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}

/// Line starts of a text, to turn byte offsets into 1-based line and character columns.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`; columns count Unicode scalars from the line start.
public struct LineIndex: Sendable {
    private let starts: [Int]
    private let text: String

    /// Indexes `text` (shares its storage; no copy).
    public init(_ text: String) {
        var starts = [0]
        var copy = text
        copy.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        self.starts = starts
        self.text = copy
    }

    /// The number of lines (a text ending with a newline has an empty last line).
    public var lineCount: Int { starts.count }

    /// The byte offset where 1-based `line` starts.
    public func startOfLine(_ line: Int) -> Int { starts[max(0, min(line - 1, starts.count - 1))] }

    /// The 1-based line and column of byte `offset`.
    public func location(of offset: Int) -> SourceLocation {
        var text = text
        return text.withUTF8 { utf8 in
            let offset = max(0, min(offset, utf8.count))
            var low = 0, high = starts.count - 1
            while low < high {
                let mid = (low + high + 1) / 2
                if starts[mid] <= offset { low = mid } else { high = mid - 1 }
            }
            var column = 1 + ByteWords.scalarCount(in: utf8, from: starts[low], to: offset)
            // An offset inside a multi-byte character belongs to that character.
            if offset < utf8.count, utf8[offset] & 0xC0 == 0x80 { column -= 1 }
            return SourceLocation(line: low + 1, column: max(1, column))
        }
    }
}
