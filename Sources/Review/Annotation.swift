// Review: annotating one report. Picks Word comments or Markdown footnotes by the report's format.
import ComplianceEngine
import DocumentReaders
import Foundation
import RuleModel
import VietnameseText

/// An annotated copy of a report: what kind it is and its bytes.
public struct AnnotatedCopy: Sendable {
    /// `docx` (Word comments) or `md` (Markdown footnotes).
    public let format: String
    /// The file's bytes.
    public let data: Data
    /// How many comments or footnotes it carries.
    public let annotations: Int
}

/// Annotates a report with its findings: a .docx gets Word comments (``DocxAnnotator``), a .txt or .md
/// report a Markdown copy with footnotes (``MarkdownAnnotator``); other formats are refused with the
/// advice to annotate one of those.
public enum Annotation {
    /// The annotated copy of the report at `path`, judged as `result` against `pack`.
    public static func annotate(path: String, result: DocumentResult, pack: ResolvedPack, language: String = "vi",
                                encoding: TextEncoding? = nil) throws -> AnnotatedCopy {
        let ruleTitles = Dictionary(pack.rules.map { ($0.id, $0.title) }, uniquingKeysWith: { _, last in last })
        let ext = (path as NSString).pathExtension.lowercased()
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReviewError.cannotWrite(path: path, reason: "the report cannot be read again")
        }
        switch DocumentReaders.format(forExtension: ext) {
        case .docx?:
            let comments = DocxAnnotator.comments(for: result, ruleTitles: ruleTitles, language: language)
            return AnnotatedCopy(format: "docx", data: try DocxAnnotator.annotate(docx: data, comments: comments, path: path),
                                 annotations: comments.count)
        case .txt?, .md?:
            let decoded: DecodedText
            do {
                decoded = try TextDecoder.decode([UInt8](data), encoding: encoding)
            } catch {
                throw ReviewError.badPackage(path: path, part: "text", reason: "\(error)")
            }
            let text = MarkdownAnnotator.annotate(text: decoded.text, result: result, ruleTitles: ruleTitles, language: language)
            return AnnotatedCopy(format: "md", data: Data(text.utf8), annotations: result.findings.count)
        default:
            throw ReviewError.unsupportedFormat(path: path, format: ext.isEmpty ? "?" : ext)
        }
    }

    /// The default name of the annotated copy: `bao-cao.docx` → `bao-cao.reviewed.docx`, `bao-cao.txt` → `bao-cao.reviewed.md`.
    public static func defaultOutput(for path: String) -> String {
        let ext = (path as NSString).pathExtension.lowercased()
        let base = (path as NSString).deletingPathExtension
        return base + ".reviewed." + (DocumentReaders.format(forExtension: ext) == .docx ? "docx" : "md")
    }
}
