// ComplianceEngine: the `format` check. The administrative elements a union document must carry.
import RuleModel

/// One administrative element of the document: issuing body, number and symbol, place and date,
/// document type, signature block, "Nơi nhận" (and that it ends with "Lưu").
public struct FormatCheck: Check {
    public static let kind = "format"

    enum Element: String, CaseIterable {
        case issuingBody = "issuing-body"
        case numberSymbol = "number-symbol"
        case placeDate = "place-date"
        case documentType = "document-type"
        case signature
        case recipients
        case recipientsArchive = "recipients-archive"
    }

    private struct Definition: Decodable {
        let kind: String
        let element: String
    }

    let element: Element

    public init(definition: DeferredNode, concepts: ConceptBook) throws {
        let spec = try definition.decode(Definition.self)
        guard let element = Element(rawValue: spec.element) else {
            throw definition.error("unknown element '\(spec.element)'; expected one of: \(Element.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self.element = element
    }

    public func run(_ document: CheckDocument) -> CheckOutcome {
        let form = document.form
        let present: Bool
        switch element {
        case .issuingBody: present = form.issuingBody != nil
        case .numberSymbol: present = form.numberSymbol != nil
        case .placeDate: present = form.placeDate != nil
        case .documentType: present = form.documentType != nil
        case .signature: present = form.signature != nil
        case .recipients: present = !form.recipients.isEmpty
        case .recipientsArchive:
            present = form.recipients.isEmpty || form.recipients.last.map {
                $0.lowercased().contains("lưu") || $0.lowercased().contains("luu")
            } ?? false
        }
        if present { return CheckOutcome(status: .met, detail: element.rawValue) }
        let start = 0..<min(1, document.text.utf8.count)
        return CheckOutcome(status: .missing, detail: element.rawValue, flags: [Flag(range: start, detail: element.rawValue)])
    }
}
