// DocumentReaders: .txt. Plain-text reports through the analyser's decoding, located by line and column.
import VietnameseText

/// Reads .txt reports: decoded by ``TextDecoder`` (any encoding the analyser knows), one block per
/// paragraph (wrapped lines joined), tab or pipe tables, headings from numbering and capitals.
struct TextReader: DocumentReader {
    var format: DocumentFormat { .txt }
    var extensions: [String] { ["txt", "text"] }

    func read(path: String, bytes: consuming [UInt8], options: ReadOptions) throws(ReadError) -> Document {
        try TextReader.read(path: path, bytes: consume bytes, format: format, layout: TextLayout(), options: options)
    }

    /// Decodes `bytes` and lays them out; shared by the text formats. `bytes` is consumed so that the
    /// source is held once as bytes, then once as text.
    static func read(
        path: String, bytes: consuming [UInt8], format: DocumentFormat, layout: TextLayout, options: ReadOptions,
        converter: String? = nil
    ) throws(ReadError) -> Document {
        var decoded: DecodedText
        do {
            decoded = try TextDecoder.decode(bytes, encoding: options.encoding)
        } catch let error as DecodingError {
            throw ReadError(path: path, cause: .notText(error))
        } catch {
            throw ReadError(path: path, cause: .notText(.invalidBytes(encoding: options.encoding ?? .utf8, offset: 0, line: 1)))
        }
        _ = consume bytes
        var metadata = DocumentMetadata()
        // HTML comments in the writer's own text and Markdown are notes to tools, not report text.
        if converter == nil, format.isText {
            let (text, comments) = MarkupComments.strip(decoded.text)
            if !comments.isEmpty {
                metadata.markupComments = comments
                decoded = DecodedText(text: text, encoding: decoded.encoding, confidence: decoded.confidence,
                                      hadByteOrderMark: decoded.hadByteOrderMark)
            }
        }
        metadata.encoding = decoded.encoding
        metadata.encodingConfidence = decoded.confidence
        metadata.hadByteOrderMark = decoded.hadByteOrderMark
        metadata.converter = converter
        let produced = layout.blocks(of: consume decoded)
        let blocks = StructureDetector.assign(consume produced, headingsNeedEmphasis: false)
        return Document(path: path, format: format, blocks: blocks, metadata: metadata)
    }
}
