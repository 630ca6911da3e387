// DocumentReaders: errors. Why a file could not be read, naming the file and the cause.
import VietnameseText

/// Why a report could not be read. Every case names the file; ``description`` says what to do.
public struct ReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The cause.
    public enum Cause: Sendable, Equatable {
        /// The file does not exist or cannot be opened.
        case unreadable(String)
        /// The file has no bytes.
        case empty
        /// The extension is not one soatxet reads.
        case unsupportedExtension(String)
        /// The bytes are not text in any encoding the analyser knows, or are binary.
        case notText(DecodingError)
        /// The content is something the extension does not say and soatxet cannot read (e.g. an image).
        case contentMismatch(expected: DocumentFormat, found: String)
        /// A ZIP package that is damaged or cut short.
        case corruptArchive(String)
        /// A ZIP entry would expand beyond the size or ratio limits (a zip bomb).
        case archiveTooLarge(entry: String, limit: String)
        /// A ZIP entry path that leaves the package ("../", absolute paths).
        case unsafeEntryPath(String)
        /// A password-protected Office file (an OLE container holding an EncryptedPackage).
        case encrypted
        /// A required part is missing (e.g. "word/document.xml").
        case missingPart(String)
        /// XML that is not well formed, cut short, or nested beyond the limit.
        case malformedXML(part: String, offset: Int, reason: String)
        /// XML that declares a DOCTYPE or entities: refused, never expanded, never fetched.
        case forbiddenXMLDeclaration(part: String)
        /// The external converter is not installed; `package` is the Debian package to install.
        case converterMissing(tool: String, package: String)
        /// The external converter ran and failed.
        case converterFailed(tool: String, status: Int32, message: String)
    }

    /// The file (or "-" for standard input).
    public let path: String
    /// What went wrong.
    public let cause: Cause

    public init(path: String, cause: Cause) {
        self.path = path
        self.cause = cause
    }

    public var description: String {
        let why: String
        switch cause {
        case let .unreadable(reason): why = "cannot open the file: \(reason)"
        case .empty: why = "the file is empty"
        case let .unsupportedExtension(ext):
            let known = DocumentReaders.supportedExtensions.map { "." + $0 }.joined(separator: ", ")
            why = "unsupported extension \"\(ext)\"; soatxet reads \(known)"
        case let .notText(error): why = "not a text report: \(error)"
        case let .contentMismatch(expected, found):
            why = "named .\(expected.rawValue) but the content is \(found); soatxet cannot read it"
        case let .corruptArchive(reason): why = "damaged or truncated package: \(reason)"
        case let .archiveTooLarge(entry, limit): why = "\(entry) expands beyond \(limit) (zip bomb?); refused"
        case let .unsafeEntryPath(entry): why = "package entry \"\(entry)\" escapes the package; refused"
        case .encrypted: why = "the document is password-protected; save an unprotected copy and check that"
        case let .missingPart(part): why = "the package has no \(part); not a Word/ODF document"
        case let .malformedXML(part, offset, reason): why = "\(part) is not well-formed XML at byte \(offset): \(reason)"
        case let .forbiddenXMLDeclaration(part):
            why = "\(part) declares a DOCTYPE or entities, which Office files never do; refused (not expanded, not fetched)"
        case let .converterMissing(tool, package): why = "\(tool) is not installed; install it with: apt-get install \(package)"
        case let .converterFailed(tool, status, message): why = "\(tool) failed (exit \(status)): \(message)"
        }
        return "\(path): \(why)"
    }
}
