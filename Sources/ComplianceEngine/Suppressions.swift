// ComplianceEngine: suppressions. `soatxet-disable` comments read from a report, applied to its findings, misuses reported.
import DocumentReaders
import Foundation
import VietnameseText

/// The `soatxet-disable` comments of one report and the places they cover.
///
/// - Text and Markdown: `<!-- soatxet-disable RULE[, RULE] -- reason -->` … `<!-- soatxet-enable -->`
///   (`soatxet-enable RULE` re-enables one rule), and `<!-- soatxet-disable-next-line RULE -- reason -->`
///   for the next line holding text. Without RULE, every rule is disabled.
/// - Word: a comment whose text starts with `soatxet-disable` covers the paragraphs its range spans
///   (the whole document when it has no range).
///
/// Rules are suppressed by place. Requirements are judged on the whole report, so a requirement can
/// only be disabled for the whole report: by a text `soatxet-disable REQUIREMENT` that no
/// `soatxet-enable` closes, or by a Word comment naming it wherever it is anchored. It is then not
/// judged at all (no status, no score, no finding), like `off` in configuration. Naming a requirement
/// in a closed region or a next-line comment is reported.
///
/// A suppression without a reason, or one that suppresses nothing (a rule that raised nothing there,
/// an ID the pack does not have, an enable with nothing to close), is itself a finding.
public struct SuppressionSet: Sendable {
    /// What a directive does.
    public enum Kind: String, Sendable {
        case disable = "soatxet-disable"
        case enable = "soatxet-enable"
        case disableNextLine = "soatxet-disable-next-line"
    }

    /// One suppression comment as written.
    public struct Directive: Sendable, Equatable {
        public let kind: Kind
        /// The rule or requirement IDs it names; empty means every rule.
        public let rules: [String]
        /// The text after ` -- `, when there is one.
        public let reason: String?
        /// Where the comment starts and ends (line, column; paragraph number for Word files).
        public let start: SourceLocation
        public let end: SourceLocation
        /// The comment as written, for excerpts.
        public let text: String
    }

    /// A stretch of the report where some rules are off.
    struct Region: Sendable {
        let directive: Int
        /// nil: every rule.
        let rules: Set<String>?
        let from: SourceLocation
        /// nil: to the end of the report.
        var to: SourceLocation?
        /// Whether it may disable requirements (never closed, or a Word comment).
        var wholeDocument: Bool

        func covers(_ finding: Finding) -> Bool {
            guard rules?.contains(finding.rule) ?? true else { return false }
            let place = (finding.line, finding.column)
            guard place >= (from.line, from.column) else { return false }
            guard let to else { return true }
            return place <= (to.line, to.column)
        }
    }

    /// The directives, in document order.
    public let directives: [Directive]
    let regions: [Region]
    /// Directives that are misused by their form alone (an enable with nothing open), by index.
    let strayEnables: [Int]

    /// No suppressions.
    public init() {
        directives = []
        regions = []
        strayEnables = []
    }

    /// Reads the suppressions of `document`: its HTML comments (text, Markdown) and Word comments.
    public init(_ document: Document) {
        var directives: [Directive] = []
        var regions: [Region] = []
        var stray: [Int] = []
        var open: [Region] = []
        for comment in document.metadata.markupComments {
            guard let parsed = Self.parse(comment.text) else { continue }
            let index = directives.count
            directives.append(Directive(kind: parsed.kind, rules: parsed.rules, reason: parsed.reason,
                                        start: comment.start, end: comment.end, text: comment.text))
            switch parsed.kind {
            case .disable:
                open.append(Region(directive: index, rules: parsed.rules.isEmpty ? nil : Set(parsed.rules),
                                   from: comment.end, to: nil, wholeDocument: true))
            case .disableNextLine:
                guard let line = comment.nextContentLine else { continue }
                regions.append(Region(directive: index, rules: parsed.rules.isEmpty ? nil : Set(parsed.rules),
                                      from: SourceLocation(line: line, column: 1),
                                      to: SourceLocation(line: line, column: Int.max), wholeDocument: false))
            case .enable:
                let closing = Set(parsed.rules)
                var closedAny = false
                var stillOpen: [Region] = []
                for var region in open {
                    let named = region.rules.map { closing.isEmpty || !$0.isDisjoint(with: closing) } ?? closing.isEmpty
                    guard named else {
                        stillOpen.append(region)
                        continue
                    }
                    closedAny = true
                    region.to = comment.start
                    region.wholeDocument = false
                    regions.append(region)
                    if let rules = region.rules, !closing.isEmpty, !rules.subtracting(closing).isEmpty {
                        stillOpen.append(Region(directive: region.directive, rules: rules.subtracting(closing),
                                                from: comment.end, to: nil, wholeDocument: false))
                    }
                }
                open = stillOpen
                if !closedAny { stray.append(index) }
            }
        }
        regions += open
        for comment in document.metadata.comments {
            guard let parsed = Self.parse(comment.text), parsed.kind != .enable else { continue }
            let start = comment.anchor.map { SourceLocation(line: $0.paragraph + 1, column: 1) } ?? SourceLocation(line: 1, column: 1)
            let end = (comment.end ?? comment.anchor).map { SourceLocation(line: $0.paragraph + 1, column: Int.max) }
            let index = directives.count
            directives.append(Directive(
                kind: parsed.kind, rules: parsed.rules, reason: parsed.reason,
                start: comment.anchor.map { SourceLocation(line: $0.paragraph + 1, column: $0.characterOffset + 1) } ?? start,
                end: start, text: comment.text))
            regions.append(Region(directive: index, rules: parsed.rules.isEmpty ? nil : Set(parsed.rules),
                                  from: start, to: end, wholeDocument: true))
        }
        self.directives = directives
        self.regions = regions
        self.strayEnables = stray
    }

    /// Reads a comment's text as a directive: `soatxet-disable[-next-line] [RULE[, RULE]] [-- reason]`
    /// or `soatxet-enable [RULE]`; nil when it is not one (an ordinary comment).
    public static func parse(_ text: String) -> (kind: Kind, rules: [String], reason: String?)? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        var head = Substring(trimmed)
        var reason: String?
        if let separator = trimmed.range(of: "--") {
            head = trimmed[..<separator.lowerBound]
            let after = trimmed[separator.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines)
            reason = after.isEmpty ? nil : after
        }
        let words = head.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard let first = words.first, let kind = Kind(rawValue: first.lowercased()) else { return nil }
        return (kind, Array(words.dropFirst()), reason)
    }

    /// Requirement IDs among `requirements` that a whole-document suppression disables.
    public func disabledRequirements(among requirements: Set<String>) -> Set<String> {
        var result = Set<String>()
        for region in regions where region.wholeDocument {
            if let rules = region.rules { result.formUnion(rules.intersection(requirements)) }
        }
        return result
    }

    /// Drops the rule findings that suppressions cover, and reports the suppressions' own misuses.
    ///
    /// - Parameters:
    ///   - findings: the rule findings of the report (requirement findings are not suppressed by place).
    ///   - rules: the pack's rule IDs; `requirements`: its requirement IDs.
    ///   - disabledRequirementsRaised: requirements disabled by ``disabledRequirements(among:)`` that
    ///     would have raised a finding (they count as used).
    ///   - pack: the pack's ID, for messages.
    /// - Returns: the findings kept and the findings about suppressions.
    public func apply(to findings: [Finding], rules: Set<String>, requirements: Set<String>,
                      disabledRequirementsRaised: Set<String>, pack: String, language: String)
        -> (kept: [Finding], misuses: [Finding]) {
        guard !directives.isEmpty else { return (findings, []) }
        // Uses by directive index and rule ("" for a directive without rules).
        var used: [Int: Set<String>] = [:]
        var kept: [Finding] = []
        for finding in findings {
            guard rules.contains(finding.rule) else {
                kept.append(finding)
                continue
            }
            let covering = regions.filter { $0.covers(finding) }
            if covering.isEmpty {
                kept.append(finding)
            } else {
                for region in covering { used[region.directive, default: []].insert(region.rules == nil ? "" : finding.rule) }
            }
        }
        for region in regions where region.wholeDocument {
            for requirement in region.rules ?? [] where disabledRequirementsRaised.contains(requirement) {
                used[region.directive, default: []].insert(requirement)
            }
        }
        let english = language == "en"
        var misuses: [Finding] = []
        for (index, directive) in directives.enumerated() {
            func report(_ rule: String, _ vi: String, _ en: String) {
                misuses.append(Finding(rule: rule, severity: .warning, message: english ? en : vi,
                                       start: directive.start, end: directive.end, excerpt: directive.text))
            }
            if directive.kind == .enable {
                if strayEnables.contains(index) {
                    report(Self.unusedRule,
                           "«\(directive.text)» không đóng chỗ tắt kiểm tra nào; bỏ dòng này đi.",
                           "'\(directive.text)' closes no suppression; remove it.")
                }
                continue
            }
            if directive.reason == nil {
                report(Self.reasonRule,
                       "Chỗ tắt kiểm tra «\(directive.text)» không nêu lý do; ghi lý do sau « -- ».",
                       "The suppression '\(directive.text)' gives no reason; write one after ' -- '.")
            }
            let wholeDocument = regions.contains { $0.directive == index && $0.wholeDocument }
            if directive.rules.isEmpty {
                if used[index]?.isEmpty ?? true {
                    report(Self.unusedRule, "Chỗ tắt kiểm tra «\(directive.text)» không che lỗi nào; bỏ nó đi.",
                           "The suppression '\(directive.text)' suppresses nothing; remove it.")
                }
                continue
            }
            for rule in directive.rules {
                if !rules.contains(rule) && !requirements.contains(rule) {
                    report(Self.unusedRule,
                           "«\(rule)» không phải quy tắc hay yêu cầu của bộ \(pack); chỗ tắt kiểm tra này không có tác dụng.",
                           "'\(rule)' is not a rule or requirement of pack \(pack); this suppression does nothing.")
                } else if requirements.contains(rule) && !wholeDocument {
                    report(Self.unusedRule,
                           "Yêu cầu «\(rule)» được chấm trên cả báo cáo: chỉ tắt được bằng soatxet-disable không có soatxet-enable đóng lại.",
                           "Requirement '\(rule)' is judged on the whole report: disable it with a soatxet-disable that no soatxet-enable closes.")
                } else if !(used[index]?.contains(rule) ?? false) {
                    report(Self.unusedRule,
                           "Chỗ tắt kiểm tra «\(rule)» không che lỗi nào; bỏ nó đi.",
                           "The suppression of '\(rule)' suppresses nothing; remove it.")
                }
            }
        }
        return (kept, misuses)
    }

    /// The rule ID of a suppression without a reason.
    public static let reasonRule = "soatxet-suppression-reason"
    /// The rule ID of a suppression that suppresses nothing.
    public static let unusedRule = "soatxet-suppression-unused"
}
