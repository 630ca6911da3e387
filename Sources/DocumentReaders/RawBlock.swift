// DocumentReaders: block assembly. What a reader collects for one block before structure detection.
import VietnameseText

/// A block as a reader collected it: raw UTF-8 text, where its pieces come from, and layout hints.
struct RawBlock {
    /// The scope the format itself states (style heading, Markdown "#", list, table cell), or `.paragraph`.
    var scope: BlockScope = .paragraph
    /// Whether `scope` comes from an explicit style or markup and must not be second-guessed.
    var scopeIsExplicit = false
    /// The raw text, UTF-8.
    var text: [UInt8] = []
    /// Where stretches of `text` start in the source, by raw byte offset.
    var anchors: [Block.Anchor] = []
    /// Bytes at the start of `text` that the reader generated (automatic numbering).
    var generatedPrefixLength = 0
    /// Every visible run is bold (Word/ODF), or the whole line is strong emphasis (Markdown).
    var bold = false
    /// Every visible run is formatted as capitals.
    var caps = false
    /// The paragraph is centred.
    var centered = false
    /// Text formats: a blank line precedes this block.
    var blankLineBefore = false
    /// The top-level table the block sits in, so a layout table is classified as a whole.
    var group: Int?
    /// `text` as stretches of a source String, when the reader recorded them (the text layout
    /// does): a range of the source's UTF-8 bytes, or nil for a space put between lines. The final
    /// text is then copied from the String, whose UTF-8 is known valid, instead of decoded again.
    var stretches: [Range<Int>?] = []

    /// Appends `piece` coming from `location`.
    mutating func append(_ piece: some Collection<UInt8>, from location: BlockLocation) {
        if anchors.last?.location != location || anchors.isEmpty {
            anchors.append(Block.Anchor(rawOffset: text.count, location: location))
        }
        text.append(contentsOf: piece)
    }

    /// Appends `piece` continuing the current anchor (the source place follows from counting characters).
    mutating func appendContinuing(_ piece: some Collection<UInt8>) {
        text.append(contentsOf: piece)
    }
}

/// A raw block whose final text has been produced, on its way to structure detection. The raw bytes
/// are kept only when the final text differs from them (so a large text file is not held twice).
struct ProducedBlock {
    var raw: RawBlock
    var text: String
    var map: OffsetMap
    var rawText: String?
    var repairs: [Repair]

    /// The block of `consumed`; `source` is the String its ``RawBlock/stretches`` are ranges of;
    /// `verdicts` are shared by the blocks of one document.
    init(_ consumed: RawBlock, source: String? = nil, verdicts: inout SyllableVerdicts) {
        var raw = consumed
        let source = source.map { Self.copy(raw.stretches, of: $0) } ?? String(decoding: raw.text, as: UTF8.self)
        assert(source.utf8.elementsEqual(raw.text), "ProducedBlock: the stretches do not make the raw text")
        let (text, map, repairs) = BlockText.produce(raw: source, verdicts: &verdicts)
        self.text = text
        self.map = map
        self.repairs = repairs
        self.rawText = map.isIdentity ? nil : source
        raw.text = []
        raw.stretches = []
        self.raw = raw
    }

    /// The text `stretches` make of `source`: Substrings appended, which copies bytes without
    /// checking them as `String(decoding:)` does.
    static func copy(_ stretches: [Range<Int>?], of source: String) -> String {
        var text = ""
        // Sized once: appending would grow the storage by doubling, and a large file's blocks keep it.
        text.reserveCapacity(stretches.reduce(0) { $0 + ($1?.count ?? 1) })
        let utf8 = source.utf8
        for stretch in stretches {
            guard let stretch else {
                text.append(" ")
                continue
            }
            let start = utf8.index(utf8.startIndex, offsetBy: stretch.lowerBound)
            text.append(contentsOf: source[start..<utf8.index(start, offsetBy: stretch.count)])
        }
        return text
    }

    /// The block with `scope`.
    func block(as scope: BlockScope) -> Block {
        let location = raw.anchors.first?.location ?? .text(SourceLocation(line: 1, column: 1))
        // One anchor at the start is the block's location itself: no array kept (large text files).
        let anchors = raw.anchors.count == 1 && raw.anchors[0].rawOffset == 0 ? [] : raw.anchors
        let block = Block(
            scope: scope, text: text, location: location, generatedPrefixLength: raw.generatedPrefixLength,
            anchors: anchors, map: map, raw: rawText, repairs: repairs)
        // The block starts where its first kept character comes from (after trimmed white space).
        let start = block.location(atByte: 0)
        guard start != location else { return block }
        return Block(
            scope: scope, text: text, location: start, generatedPrefixLength: raw.generatedPrefixLength,
            anchors: anchors.isEmpty ? [Block.Anchor(rawOffset: 0, location: location)] : anchors, map: map, raw: rawText,
            repairs: repairs)
    }
}
