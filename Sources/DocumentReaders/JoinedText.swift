// DocumentReaders: joined text. A document's blocks as one text, with offsets mapped back to blocks and sources.
import VietnameseText

/// Every block's text joined with newlines, so that a whole document can be matched in one pass;
/// any byte offset maps back to its block and its place in the source file.
public struct JoinedText: Sendable {
    /// The joined text.
    public let text: String
    /// The byte offset where each block starts in ``text``.
    public let blockStarts: [Int]
    private let blocks: [Block]

    /// Joins the blocks of `document`.
    public init(_ document: Document) {
        var text = ""
        var starts: [Int] = []
        starts.reserveCapacity(document.blocks.count)
        for block in document.blocks {
            if !starts.isEmpty { text += "\n" }
            starts.append(text.utf8.count)
            text += block.text
        }
        self.text = text
        self.blockStarts = starts
        self.blocks = document.blocks
    }

    /// The index of the block holding byte `offset` (the last block whose start is at or before it).
    public func block(at offset: Int) -> Int? {
        guard !blockStarts.isEmpty else { return nil }
        var low = 0, high = blockStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if blockStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The source place of byte `offset`.
    public func location(at offset: Int) -> BlockLocation? {
        guard let index = block(at: offset) else { return nil }
        let within = max(0, min(offset - blockStarts[index], blocks[index].text.utf8.count))
        return blocks[index].location(atByte: within)
    }

    /// The place of byte `offset` as a line and column: the source's for text formats; for Word and
    /// OpenDocument files the paragraph number (from 1) and the character in it (from 1).
    public func sourceLocation(at offset: Int) -> SourceLocation {
        switch location(at: offset) {
        case let .text(location)?: return location
        case let .package(location)?: return SourceLocation(line: location.paragraph + 1, column: location.characterOffset + 1)
        case nil: return SourceLocation(line: 1, column: 1)
        }
    }
}
