// DocumentReaders: .md. Markdown reports: "#" headings, pipe tables, emphasis and link targets left out.

/// Reads .md reports like text, with Markdown's headings, paragraphs, pipe tables and inline marks.
struct MarkdownReader: DocumentReader {
    var format: DocumentFormat { .md }
    var extensions: [String] { ["md", "markdown"] }

    func read(path: String, bytes: consuming [UInt8], options: ReadOptions) throws(ReadError) -> Document {
        try TextReader.read(path: path, bytes: consume bytes, format: format, layout: TextLayout(markdown: true), options: options)
    }
}
