// Review: status words. The symbol and the words for met / partial / missing and for verdicts, in both languages.
import ComplianceEngine

extension RequirementStatus {
    /// ✓ met, ◐ partial, ✗ missing: three shapes, so the status never rests on colour alone.
    public var symbol: String {
        switch self {
        case .met: return "✓"
        case .partial: return "◐"
        case .missing: return "✗"
        }
    }

    /// The status in words.
    public func words(_ language: String) -> String {
        let english = language == "en"
        switch self {
        case .met: return english ? "met" : "đạt"
        case .partial: return english ? "partly met" : "đạt một phần"
        case .missing: return english ? "missing" : "chưa đạt"
        }
    }

    /// Sort key for tables: missing 0, partial 1, met 2.
    var rank: Int {
        switch self {
        case .missing: return 0
        case .partial: return 1
        case .met: return 2
        }
    }
}

extension Verdict {
    /// The verdict in words.
    public func words(_ language: String) -> String {
        switch self {
        case .dat: return language == "en" ? "pass" : "đạt"
        case .chuaDat: return language == "en" ? "not yet" : "chưa đạt"
        }
    }
}

extension FindingSeverity {
    /// The severity in words.
    public func words(_ language: String) -> String {
        let english = language == "en"
        switch self {
        case .error: return english ? "error" : "lỗi"
        case .warning: return english ? "warning" : "cảnh báo"
        case .info: return english ? "note" : "gợi ý"
        }
    }
}

extension DocumentResult {
    /// Whether places are paragraphs (Word, OpenDocument) rather than lines.
    var locatedByParagraph: Bool {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        return ["docx", "docm", "dotx", "odt"].contains(ext)
    }

    /// "dòng 12" or "đoạn 12" (paragraph) for a place in this report.
    func place(line: Int, _ language: String) -> String {
        if locatedByParagraph { return (language == "en" ? "paragraph " : "đoạn ") + String(line) }
        return (language == "en" ? "line " : "dòng ") + String(line)
    }
}

/// The text with its first letter in capitals ("gợi ý" → "Gợi ý").
func capitalizedFirst(_ text: String) -> String {
    guard let first = text.first else { return text }
    return first.uppercased() + text.dropFirst()
}
