// Review: errors. What can go wrong writing review outputs or annotating a report, said with where and what to do.
import Foundation

/// Why a review output could not be written.
public enum ReviewError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file or folder could not be written.
    case cannotWrite(path: String, reason: String)
    /// The output folder exists and is not a folder soatxet wrote.
    case outputNotAReviewFolder(path: String)
    /// The report's format cannot be annotated.
    case unsupportedFormat(path: String, format: String)
    /// The Word file lacks a part annotation needs, or a part is not the XML it should be.
    case badPackage(path: String, part: String, reason: String)
    /// A text report's annotated copy would be written under a Word file's name.
    case markdownNeedsMarkdownName(path: String)

    public var description: String {
        switch self {
        case let .cannotWrite(path, reason):
            return "\(path): cannot write: \(reason); check that the folder exists and is writable"
        case let .outputNotAReviewFolder(path):
            return "\(path): exists and holds files other than a review (no index.html); give an empty or new folder to --out"
        case let .unsupportedFormat(path, format):
            return "\(path): .\(format) reports cannot be annotated; annotate the .docx (Word comments) or .txt/.md (Markdown footnotes) version"
        case let .badPackage(path, part, reason):
            return "\(path): \(part): \(reason); open and save the file again in Word or LibreOffice"
        case let .markdownNeedsMarkdownName(path):
            return "\(path): a text report is annotated as a Markdown copy with footnotes; give -o a name ending in .md"
        }
    }
}
