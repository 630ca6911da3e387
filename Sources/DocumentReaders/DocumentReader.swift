// DocumentReaders: registry. The reader protocol, the one list of readers, and the entry points.
import Foundation
import VietnameseText

/// Reads one file format into a ``Document``. A new format is one new conforming type plus one line in
/// ``DocumentReaders/registered``.
public protocol DocumentReader: Sendable {
    /// The format this reader produces.
    var format: DocumentFormat { get }
    /// File name extensions (lower case, no dot) that select this reader.
    var extensions: [String] { get }
    /// Reads `bytes`, the whole content of the file at `path` ("-" for standard input).
    func read(path: String, bytes: consuming [UInt8], options: ReadOptions) throws(ReadError) -> Document
}

/// Choices the caller makes for a read.
public struct ReadOptions: Sendable {
    /// The text encoding to decode text formats with; nil detects it.
    public var encoding: TextEncoding?
    /// Size limits for ZIP packages.
    public var limits: PackageLimits
    /// The longest an external converter may run, in seconds.
    public var converterTimeout: Double

    public init(encoding: TextEncoding? = nil, limits: PackageLimits = .standard, converterTimeout: Double = 60) {
        self.encoding = encoding
        self.limits = limits
        self.converterTimeout = converterTimeout
    }
}

/// A file found by ``DocumentReaders/collect(paths:)``, ready to read.
public struct DocumentInput: Sendable, Hashable {
    /// The file path.
    public let path: String
    /// The format its extension names.
    public let format: DocumentFormat
}

/// The entry points: read a file, read standard input, collect the files of a batch.
public enum DocumentReaders {
    /// Every reader, in one place.
    static let registered: [any DocumentReader] = [
        TextReader(), MarkdownReader(), DocxReader(), OdtReader(), DocReader(), PdfReader(),
    ]

    /// The extensions soatxet reads, without dots.
    public static var supportedExtensions: [String] { registered.flatMap(\.extensions) }

    /// The reader for `format`.
    static func reader(for format: DocumentFormat) -> any DocumentReader {
        registered.first { $0.format == format }!
    }

    /// The format an extension names, or nil.
    public static func format(forExtension ext: String) -> DocumentFormat? {
        let lower = ext.lowercased()
        return registered.first { $0.extensions.contains(lower) }?.format
    }

    /// Reads the file at `path`, by its extension; when the content says otherwise (a .docx that is
    /// text, a .txt that is a ZIP package), it is read by its content with a warning, or refused when
    /// soatxet cannot read that content.
    public static func read(path: String, options: ReadOptions = ReadOptions()) throws(ReadError) -> Document {
        let ext = (path as NSString).pathExtension
        guard let format = format(forExtension: ext) else {
            throw ReadError(path: path, cause: .unsupportedExtension(ext.isEmpty ? "(none)" : "." + ext))
        }
        return try read(bytes: FileBytes.read(path), format: format, path: path, options: options)
    }

    /// The bytes of the file at `path`, read whole (a typed error names the file and the cause).
    public static func bytes(of path: String) throws(ReadError) -> [UInt8] {
        try FileBytes.read(path)
    }

    /// Reads `bytes` said to be `format` (e.g. standard input as .txt); `path` names them in errors.
    public static func read(
        bytes: consuming [UInt8], format: DocumentFormat, path: String = "-", options: ReadOptions = ReadOptions()
    ) throws(ReadError) -> Document {
        guard !bytes.isEmpty else { throw ReadError(path: path, cause: .empty) }
        let (actual, warning) = try Sniffer.resolve(bytes: bytes, claimed: format, path: path)
        var document = try reader(for: actual).read(path: path, bytes: consume bytes, options: options)
        if let warning {
            document = Document(
                path: document.path, format: document.format, blocks: document.blocks, metadata: document.metadata,
                warnings: [ReadWarning(warning)] + document.warnings)
        }
        return document
    }

    /// Reads standard input as `format` (a text format).
    public static func readStandardInput(format: DocumentFormat = .txt, options: ReadOptions = ReadOptions()) throws(ReadError) -> Document {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        return try read(bytes: [UInt8](data), format: format, path: "-", options: options)
    }

    /// The files to check for `paths`: files as given, directories walked (sorted, hidden files and
    /// Word lock files "~$..." skipped). A file with an extension soatxet does not read, or a path
    /// that does not exist, is an error in its place; the others are still returned.
    public static func collect(paths: [String]) -> [Result<DocumentInput, ReadError>] {
        var results: [Result<DocumentInput, ReadError>] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                results.append(.failure(ReadError(path: path, cause: .unreadable("no such file or directory"))))
                continue
            }
            if !isDirectory.boolValue {
                results.append(input(for: path))
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                results.append(.failure(ReadError(path: path, cause: .unreadable("cannot list the directory"))))
                continue
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") || name.hasPrefix("~$") {
                    if name.hasPrefix(".") { enumerator.skipDescendants() }
                    continue
                }
                let full = (path as NSString).appendingPathComponent(relative)
                var isSubdirectory: ObjCBool = false
                if manager.fileExists(atPath: full, isDirectory: &isSubdirectory), !isSubdirectory.boolValue {
                    found.append(full)
                }
            }
            for file in found.sorted() { results.append(input(for: file)) }
        }
        return results
    }

    private static func input(for path: String) -> Result<DocumentInput, ReadError> {
        let ext = (path as NSString).pathExtension
        guard let format = format(forExtension: ext) else {
            return .failure(ReadError(path: path, cause: .unsupportedExtension(ext.isEmpty ? "(none)" : "." + ext)))
        }
        return .success(DocumentInput(path: path, format: format))
    }
}

/// Reads a whole file into one byte array (no intermediate copies).
enum FileBytes {
    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ReadError(path: path, cause: .unreadable(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw ReadError(path: path, cause: .unreadable(String(cString: strerror(errno))))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR { throw ReadError(path: path, cause: .unreadable("is a directory")) }
        let size = Int(status.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Foundation.read(descriptor, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, cause: .unreadable(String(cString: strerror(errno))))
            }
            if count == 0 { break }
            filled += count
        }
        if filled < size { bytes.removeLast(size - filled) }
        return bytes
    }
}
