// ComplianceEngine: results. The judgement of one report, and the versioned JSON contract it is written as.
import VietnameseText

/// How far a requirement is met.
public enum RequirementStatus: String, Sendable, Codable, Comparable, CaseIterable {
    case missing, partial, met

    /// The status's share of the requirement's weight: met 1, partial 0.5, missing 0.
    public var score: Double {
        switch self {
        case .met: return 1
        case .partial: return 0.5
        case .missing: return 0
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.score < rhs.score }
}

/// The overall verdict on a report.
public enum Verdict: String, Sendable, Codable {
    /// Đạt: the report delivers what the directive asks.
    case dat
    /// Chưa đạt: it does not yet.
    case chuaDat = "chua-dat"
}

/// A sentence that satisfied (part of) a requirement.
public struct Evidence: Sendable, Codable, Equatable {
    /// 1-based line (paragraph number for Word and OpenDocument files).
    public let line: Int
    /// 1-based column in characters.
    public let column: Int
    /// The sentence, shortened when long.
    public let excerpt: String
    /// The item of the requirement this evidence is for, when it has items.
    public let item: String?

    public init(line: Int, column: Int, excerpt: String, item: String? = nil) {
        self.line = line
        self.column = column
        self.excerpt = excerpt
        self.item = item
    }
}

/// The status of one item of a requirement.
public struct ItemResult: Sendable, Codable, Equatable {
    public let id: String
    public let status: RequirementStatus

    public init(id: String, status: RequirementStatus) {
        self.id = id
        self.status = status
    }
}

/// The judgement of one requirement.
public struct RequirementResult: Sendable, Codable {
    /// The requirement's ID.
    public let id: String
    /// Its title, in the language of the run.
    public let title: String
    /// Met, partial or missing.
    public let status: RequirementStatus
    /// The weighted score this requirement adds, 0...weight.
    public let score: Double
    /// Its weight.
    public let weight: Double
    /// Item statuses, for requirements with items.
    public let items: [ItemResult]
    /// Sentences that satisfied it.
    public let evidence: [Evidence]
    /// The directive clause it enforces, quoted.
    public let clause: String
    /// What the check saw, in words ("2 of 5 items covered", "causes: objective only").
    public let detail: String
}

/// A problem found in a report.
public struct Finding: Sendable, Codable, Equatable {
    /// The rule or requirement that raised it.
    public let rule: String
    /// How serious it is.
    public let severity: FindingSeverity
    /// What is wrong, citing the directive clause where one applies.
    public let message: String
    /// Start, 1-based.
    public let line: Int
    public let column: Int
    /// End, 1-based, inclusive of the last character.
    public let endLine: Int
    public let endColumn: Int
    /// The text concerned, shortened when long.
    public let excerpt: String
    /// A replacement or a way to fix it, when the rule has one.
    public let suggestion: String?

    public init(rule: String, severity: FindingSeverity, message: String, start: SourceLocation, end: SourceLocation,
                excerpt: String, suggestion: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.line = start.line
        self.column = start.column
        self.endLine = end.line
        self.endColumn = end.column
        self.excerpt = excerpt
        self.suggestion = suggestion
    }
}

/// Severity of a finding, as written in results.
public enum FindingSeverity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, error

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The encoding a report was read in.
public struct EncodingResult: Sendable, Codable, Equatable {
    public let name: String
    public let confidence: Double

    public init(name: String, confidence: Double) {
        self.name = name
        self.confidence = confidence
    }
}

/// The judgement of one report.
public struct DocumentResult: Sendable, Codable {
    /// The file, as given on the command line.
    public let path: String
    /// The pack's ID.
    public let pack: String
    /// The issuing body as the report's header names it, its lines joined by " / " (superior body
    /// first: "TỔNG LĐLĐ VIỆT NAM / LĐLĐ TỈNH BẮC NINH"); absent when the header names none.
    public let issuingBody: String?
    /// 0-100: the weighted share of requirements met (met 1, partial 0.5, missing 0).
    public let score: Double
    /// Đạt or chưa đạt.
    public let verdict: Verdict
    /// The encoding the report was read in (utf-8 for Word files).
    public let encoding: EncodingResult
    /// One result per requirement, in pack order.
    public let requirements: [RequirementResult]
    /// Findings in document order.
    public let findings: [Finding]
    /// Syllables, sentences, narrative share, figures density.
    public let statistics: TextStatistics
}

/// A file that could not be checked.
public struct InputError: Sendable, Codable, Equatable {
    public let path: String
    public let message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
}

/// Everything one run produced: the JSON contract, version 1.
public struct RunResult: Sendable, Codable {
    /// The contract's version; a change that removes or renames a field raises it.
    public var version = 1
    /// Checked reports, in the order they were given.
    public var documents: [DocumentResult]
    /// Inputs that could not be read or checked.
    public var errors: [InputError]

    public init(documents: [DocumentResult], errors: [InputError]) {
        self.documents = documents
        self.errors = errors
    }
}
