// RuleModel: the pack schema. One directive's requirements as data a union office can read and correct.

/// A rule pack: the requirements of one directive (or shared base rules), as decoded from YAML.
public struct Pack: Decodable, Sendable {
    /// Stable identifier, also the file name without `.yaml` (e.g. `tld-so-ket-dh-ix`).
    public let id: String
    /// Vietnamese title of the pack.
    public let title: String
    /// Whether the pack is a base pack (extended by others, not chosen for a report by itself).
    public let base: Bool
    /// The directive whose requirements the pack encodes; base packs may have none.
    public let directive: Directive?
    /// IDs of packs whose concepts, requirements and rules this pack takes in.
    public let extends: [String]
    /// How the document score turns into a verdict.
    public let scoring: Scoring?
    /// Named phrase sets, defined once and used by checks.
    public let concepts: [String: Concept]
    /// What a report must deliver; each gets a status met / partial / missing.
    public let requirements: [Requirement]
    /// Report hygiene and form rules; they give findings, not statuses.
    public let rules: [Rule]

    enum CodingKeys: String, CodingKey {
        case id, title, base, directive, extends, scoring, concepts, requirements, rules
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        base = try container.decodeIfPresent(Bool.self, forKey: .base) ?? false
        directive = try container.decodeIfPresent(Directive.self, forKey: .directive)
        extends = try container.decodeIfPresent([String].self, forKey: .extends) ?? []
        scoring = try container.decodeIfPresent(Scoring.self, forKey: .scoring)
        concepts = try container.decodeIfPresent([String: Concept].self, forKey: .concepts) ?? [:]
        requirements = try container.decodeIfPresent([Requirement].self, forKey: .requirements) ?? []
        rules = try container.decodeIfPresent([Rule].self, forKey: .rules) ?? []
    }
}

/// The directive (công văn, kế hoạch) a pack enforces.
public struct Directive: Decodable, Sendable {
    /// Who issued it ("Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam").
    public let issuer: String
    /// Its number and symbol, when it has one ("2444/KH-TLĐ").
    public let number: String?
    /// Its date as written ("08/6/2017").
    public let date: String?
    /// Its subject.
    public let title: String
    /// The quoted clauses that requirements cite, by clause ID.
    public let clauses: [String: String]
}

/// How requirement statuses add up to a verdict.
public struct Scoring: Decodable, Sendable {
    /// The lowest document score (0-100) whose verdict is `dat`.
    public let pass: Double
    /// The lowest score of a single requirement below which the verdict is `chua-dat` whatever the total;
    /// nil when no single requirement decides alone.
    public let requirementFloor: Double?

    enum CodingKeys: String, CodingKey { case pass, requirementFloor = "requirement-floor" }
}

/// A named set of phrases that say one thing, with the look-alikes that must not count.
public struct Concept: Decodable, Sendable {
    /// What the concept stands for, for people reading the pack.
    public let description: String?
    /// Phrases that state the concept. Case, tone placement, i/y and union abbreviations do not matter.
    public let phrases: [String]
    /// Phrases that contain a match but mean something else ("tìm hiểu nguyên nhân tai nạn").
    public let exclude: [String]
    /// Whether a match in a heading alone counts (default true).
    public let headings: Bool

    enum CodingKeys: String, CodingKey { case description, phrases, exclude, headings }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        phrases = try container.decode([String].self, forKey: .phrases)
        exclude = try container.decodeIfPresent([String].self, forKey: .exclude) ?? []
        headings = try container.decodeIfPresent(Bool.self, forKey: .headings) ?? true
        // Phrases match whole words: one of punctuation alone (or empty) would never match.
        if let wordless = (phrases + exclude).first(where: { !$0.contains { $0.isLetter || $0.isNumber } }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(wordless)' has no letter or digit; a phrase is matched word by word, so it needs a word"))
        }
        if let clash = phrases.first(where: exclude.contains) {
            // Usually a flow list [a, b, c] that split a phrase holding a comma: quote such phrases.
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "'\(clash)' is both a phrase and an exclusion; quote phrases that contain commas"))
        }
    }

    public init(description: String? = nil, phrases: [String], exclude: [String] = [], headings: Bool = true) {
        self.description = description
        self.phrases = phrases
        self.exclude = exclude
        self.headings = headings
    }
}

/// Text in Vietnamese with an optional English version; YAML gives either a string or `{vi:, en:}`.
public struct LocalizedText: Decodable, Sendable, Equatable {
    /// The Vietnamese text (the default language of messages).
    public let vi: String
    /// The English text, when given.
    public let en: String?

    public init(vi: String, en: String? = nil) {
        self.vi = vi
        self.en = en
    }

    enum CodingKeys: String, CodingKey { case vi, en }

    public init(from decoder: Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            vi = text
            en = nil
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vi = try container.decode(String.self, forKey: .vi)
        en = try container.decodeIfPresent(String.self, forKey: .en)
    }

    /// The text in `language` ("vi" or "en"), falling back to Vietnamese.
    public func text(in language: String) -> String { language == "en" ? (en ?? vi) : vi }

    /// The text in `language` with every `{detail}` replaced by `detail`.
    public func text(in language: String, detail: String) -> String {
        let template = text(in: language)
        let marker = Array("{detail}".utf8)
        let bytes = Array(template.utf8)
        guard bytes.count >= marker.count else { return template }
        var result: [UInt8] = []
        var copied = 0
        var index = 0
        while index <= bytes.count - marker.count {
            if bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) {
                result += bytes[copied..<index]
                result += detail.utf8
                index += marker.count
                copied = index
            } else {
                index += 1
            }
        }
        guard copied > 0 else { return template }
        result += bytes[copied...]
        return String(decoding: result, as: UTF8.self)
    }
}

/// Examples that document a rule and test it: `pass` must satisfy it, `fail` must not.
public struct Examples: Decodable, Sendable {
    /// Report text that meets the requirement or raises no finding.
    public let pass: [String]
    /// Report text that does not meet the requirement or raises a finding.
    public let fail: [String]
}

/// Messages of a requirement by status; `{placeholders}` are filled by the check.
public struct RequirementMessages: Decodable, Sendable {
    /// Said when the requirement is met (the feedback letter's praise).
    public let met: LocalizedText?
    /// Said when it is met only in part.
    public let partial: LocalizedText?
    /// Said when it is missing.
    public let missing: LocalizedText
}

/// A requirement of the directive, with the check that judges it.
public struct Requirement: Decodable, Sendable {
    /// Stable ID, part of the output contract.
    public let id: String
    /// Vietnamese title shown in checklists.
    public let title: String
    /// English title, when given.
    public let titleEn: String?
    /// The clause ID (in the pack's directive) this requirement enforces.
    public let clause: String
    /// Weight in the document score.
    public let weight: Double
    /// How a missing or partial requirement is reported among findings.
    public let severity: Severity
    /// The check, decoded by the engine according to its `kind`.
    public let check: DeferredNode
    /// Messages by status.
    public let messages: RequirementMessages
    /// Examples run by `soatxet rules test`.
    public let examples: Examples

    enum CodingKeys: String, CodingKey {
        case id, title, titleEn = "title-en", clause, weight, severity, check, messages, examples
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        titleEn = try container.decodeIfPresent(String.self, forKey: .titleEn)
        clause = try container.decode(String.self, forKey: .clause)
        weight = try container.decodeIfPresent(Double.self, forKey: .weight) ?? 1
        severity = try container.decodeIfPresent(Severity.self, forKey: .severity) ?? .error
        check = try container.decode(DeferredNode.self, forKey: .check)
        messages = try container.decode(RequirementMessages.self, forKey: .messages)
        examples = try container.decode(Examples.self, forKey: .examples)
    }
}

/// A hygiene or form rule: it gives findings, not a status.
public struct Rule: Decodable, Sendable {
    /// Stable ID.
    public let id: String
    /// Vietnamese title.
    public let title: String
    /// The clause ID it enforces, when a directive asks for it.
    public let clause: String?
    /// Severity of its findings.
    public let severity: Severity
    /// The check, decoded by the engine according to its `kind`.
    public let check: DeferredNode
    /// The finding's message.
    public let message: LocalizedText
    /// Examples run by `soatxet rules test`.
    public let examples: Examples

    enum CodingKeys: String, CodingKey { case id, title, clause, severity, check, message, examples }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        title = try container.decode(String.self, forKey: .title)
        clause = try container.decodeIfPresent(String.self, forKey: .clause)
        severity = try container.decodeIfPresent(Severity.self, forKey: .severity) ?? .warning
        check = try container.decode(DeferredNode.self, forKey: .check)
        message = try container.decode(LocalizedText.self, forKey: .message)
        examples = try container.decode(Examples.self, forKey: .examples)
    }
}

/// How serious a finding is.
public enum Severity: String, Decodable, Sendable, Comparable, CaseIterable {
    case info, warning, error

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = Severity(rawValue: text) else {
            throw DecodingError.dataCorrupted(.init(
                codingPath: decoder.codingPath,
                debugDescription: "unknown severity '\(text)'; expected info, warning or error"))
        }
        self = value
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
