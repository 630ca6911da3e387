// Reporters: rule descriptors. What formats for tools say about each requirement and rule of a pack.
import ComplianceEngine
import RuleModel

/// A requirement or rule of a pack, as formats for tools describe it (SARIF's `reportingDescriptor`).
public struct RuleDescriptor: Sendable, Equatable {
    /// Requirements are what a report must deliver; rules flag problems in its writing or form.
    public enum Kind: String, Sendable {
        case requirement, rule
    }

    /// The requirement's or rule's ID (a finding's `rule`).
    public let id: String
    /// The pack that defines it (a base pack for shared rules).
    public let pack: String
    public let kind: Kind
    /// Its title, in the language of the run.
    public let title: String
    /// The directive clause it enforces, quoted; empty when it cites none.
    public let clause: String
    /// The severity its findings have unless configuration changes it.
    public let severity: FindingSeverity
    /// Whether its findings' suggestions are replacement text for the flagged range (else advice in words).
    public let suggestionsReplaceText: Bool

    public init(id: String, pack: String, kind: Kind, title: String, clause: String, severity: FindingSeverity,
                suggestionsReplaceText: Bool = false) {
        self.id = id
        self.pack = pack
        self.kind = kind
        self.title = title
        self.clause = clause
        self.severity = severity
        self.suggestionsReplaceText = suggestionsReplaceText
    }

    /// Every requirement and rule of `pack` and its bases, requirements first, in pack order.
    public static func catalogue(of pack: ResolvedPack, language: String = "vi") -> [RuleDescriptor] {
        func owner(requirement id: String) -> String {
            ([pack.pack] + pack.bases).first { $0.requirements.contains { $0.id == id } }?.id ?? pack.pack.id
        }
        func owner(rule id: String) -> String {
            ([pack.pack] + pack.bases).first { $0.rules.contains { $0.id == id } }?.id ?? pack.pack.id
        }
        func replaces(_ check: DeferredNode) -> Bool {
            check.node["kind"]?.string.flatMap { CheckRegistry.kinds[$0] }?.suggestionsReplaceText ?? false
        }
        let requirements = pack.requirements.map {
            RuleDescriptor(id: $0.id, pack: owner(requirement: $0.id), kind: .requirement,
                           title: language == "en" ? ($0.titleEn ?? $0.title) : $0.title,
                           clause: pack.clauseText($0.clause) ?? "", severity: FindingSeverity($0.severity),
                           suggestionsReplaceText: replaces($0.check))
        }
        let rules = pack.rules.map {
            RuleDescriptor(id: $0.id, pack: owner(rule: $0.id), kind: .rule, title: $0.title,
                           clause: pack.clauseText($0.clause) ?? "", severity: FindingSeverity($0.severity),
                           suggestionsReplaceText: replaces($0.check))
        }
        return requirements + rules
    }

    /// The catalogues of several packs merged: the first descriptor of each ID is kept.
    public static func merged(_ catalogues: [[RuleDescriptor]]) -> [RuleDescriptor] {
        var seen = Set<String>()
        return catalogues.joined().filter { seen.insert($0.id).inserted }
    }
}

