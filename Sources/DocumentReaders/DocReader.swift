// DocumentReaders: .doc. Word 97-2003 files through antiword (or catdoc), then read as laid-out text.
import Foundation

/// Reads .doc files with `antiword -m UTF-8.txt`, falling back to `catdoc -d utf-8`; locations are lines
/// and columns of the converter's output.
struct DocReader: DocumentReader {
    var format: DocumentFormat { .doc }
    var extensions: [String] { ["doc"] }

    static let antiword = ExternalConverter(tool: "antiword", package: "antiword", arguments: ["-m", "UTF-8.txt", "-w", "0"], trailingArguments: [])
    static let catdoc = ExternalConverter(tool: "catdoc", package: "catdoc", arguments: ["-d", "utf-8", "-w"], trailingArguments: [])

    func read(path: String, bytes: consuming [UInt8], options: ReadOptions) throws(ReadError) -> Document {
        try ConvertedFile.withFile(path: path, bytes: bytes) { file throws(ReadError) in
            let output: [UInt8]
            let used: String
            if DocReader.antiword.executable != nil {
                do throws(ReadError) {
                    output = try DocReader.antiword.run(on: file, reportingAs: path, timeout: options.converterTimeout)
                    used = "antiword"
                } catch {
                    guard DocReader.catdoc.executable != nil else { throw error }
                    output = try DocReader.catdoc.run(on: file, reportingAs: path, timeout: options.converterTimeout)
                    used = "catdoc"
                }
            } else if DocReader.catdoc.executable != nil {
                output = try DocReader.catdoc.run(on: file, reportingAs: path, timeout: options.converterTimeout)
                used = "catdoc"
            } else {
                throw ReadError(path: path, cause: .converterMissing(tool: "antiword", package: "antiword (or catdoc)"))
            }
            var converted = ReadOptions()
            converted.encoding = .utf8
            return try TextReader.read(
                path: path, bytes: output, format: .doc, layout: TextLayout(converted: true), options: converted, converter: used)
        }
    }
}

/// Gives converters a file on disk: the original when it exists, else a temporary copy (standard input).
enum ConvertedFile {
    static func withFile(path: String, bytes: [UInt8], _ body: (String) throws(ReadError) -> Document) throws(ReadError) -> Document {
        if path != "-", FileManager.default.fileExists(atPath: path) { return try body(path) }
        let temporary = NSTemporaryDirectory() + "soatxet-\(UUID().uuidString)"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
            throw ReadError(path: path, cause: .unreadable("cannot write a temporary copy for the converter"))
        }
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        return try body(temporary)
    }
}
