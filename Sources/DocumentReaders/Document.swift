// DocumentReaders: the Document model (to be filled by the document-readers work).
import VietnameseText

/// A report read into scoped blocks.
public struct Document: Sendable {
    /// The file the document was read from.
    public let path: String
}
