// DocumentReaders: .pdf. PDF files through pdftotext -layout, then read as laid-out text.

/// Reads .pdf files with `pdftotext -layout -enc UTF-8`; locations are lines and columns of its output.
struct PdfReader: DocumentReader {
    var format: DocumentFormat { .pdf }
    var extensions: [String] { ["pdf"] }

    static let pdftotext = ExternalConverter(
        tool: "pdftotext", package: "poppler-utils", arguments: ["-layout", "-enc", "UTF-8", "-q"], trailingArguments: ["-"])

    func read(path: String, bytes: consuming [UInt8], options: ReadOptions) throws(ReadError) -> Document {
        try ConvertedFile.withFile(path: path, bytes: bytes) { file throws(ReadError) in
            let output = try PdfReader.pdftotext.run(on: file, reportingAs: path, timeout: options.converterTimeout)
            var converted = ReadOptions()
            converted.encoding = .utf8
            return try TextReader.read(
                path: path, bytes: output, format: .pdf, layout: TextLayout(converted: true), options: converted,
                converter: "pdftotext")
        }
    }
}
