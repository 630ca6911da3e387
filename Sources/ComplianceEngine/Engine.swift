// ComplianceEngine: the engine. Compiles a pack's checks once, judges prepared documents, scores them.
import Foundation
import RuleModel
import VietnameseText

/// A pack compiled for checking: every check decoded and validated, every concept known.
public struct CompiledPack: Sendable {
    /// The resolved pack.
    public let resolved: ResolvedPack
    /// The concepts the checks use, by name.
    public let concepts: [String: Concept]
    /// Each requirement and rule with its check and the text of the clause it cites (looked up
    /// once here: the engine quotes it in every report).
    let requirementChecks: [(requirement: Requirement, check: any Check, clause: String?)]
    let ruleChecks: [(rule: Rule, check: any Check, clause: String?)]
    /// The IDs of the requirements and of the rules, which suppressions are checked against.
    let requirementIDs: Set<String>
    let ruleIDs: Set<String>

    /// Decodes every check of `resolved`; throws the first definition error at its file:line:col.
    public init(_ resolved: ResolvedPack) throws {
        self.resolved = resolved
        let book = ConceptBook(defined: resolved.concepts)
        requirementChecks = try resolved.requirements.map {
            ($0, try CheckRegistry.make($0.check, concepts: book), resolved.clauseText($0.clause))
        }
        ruleChecks = try resolved.rules.map { ($0, try CheckRegistry.make($0.check, concepts: book), resolved.clauseText($0.clause)) }
        requirementIDs = Set(resolved.requirements.map(\.id))
        ruleIDs = Set(resolved.rules.map(\.id))
        concepts = book.used
    }

    /// The pack's ID.
    public var id: String { resolved.pack.id }
}

/// Options of one run.
public struct EngineOptions: Sendable {
    /// Language of messages and titles: "vi" or "en".
    public var language: String
    /// Rule or requirement IDs turned off: a rule does not run; a requirement is not judged (no
    /// status, no score, no finding), so that it no longer counts towards the verdict.
    public var disabled: Set<String>
    /// Severities set by configuration, by rule or requirement ID.
    public var severities: [String: FindingSeverity]

    public init(language: String = "vi", disabled: Set<String> = [], severities: [String: FindingSeverity] = [:]) {
        self.language = language
        self.disabled = disabled
        self.severities = severities
    }
}

/// Judges prepared documents against a compiled pack.
public struct Engine: Sendable {
    /// The pack.
    public let pack: CompiledPack
    /// The options.
    public let options: EngineOptions

    public init(pack: CompiledPack, options: EngineOptions = EngineOptions()) {
        self.pack = pack
        self.options = options
    }

    /// Runs every requirement and rule on `document`, then applies the report's own `suppressions`.
    public func judge(_ document: CheckDocument, encoding: EncodingResult, suppressions: SuppressionSet = SuppressionSet()) -> DocumentResult {
        let language = options.language
        var requirements: [RequirementResult] = []
        var findings: [Finding] = []
        let documentStart = document.locate(0)
        let titleRange = titleSentenceRange(document)

        let suppressedRequirements = suppressions.disabledRequirements(among: pack.requirementIDs)
        var suppressedRaised = Set<String>()
        for (requirement, check, clause) in pack.requirementChecks where !options.disabled.contains(requirement.id) {
            let outcome = check.run(document)
            if suppressedRequirements.contains(requirement.id) {
                if outcome.status != .met { suppressedRaised.insert(requirement.id) }
                continue
            }
            let clause = clause ?? ""
            requirements.append(RequirementResult(
                id: requirement.id,
                title: language == "en" ? (requirement.titleEn ?? requirement.title) : requirement.title,
                status: outcome.status,
                score: outcome.status.score * requirement.weight,
                weight: requirement.weight,
                items: outcome.items,
                evidence: outcome.evidence.map { evidence(sentence: $0.sentence, item: $0.item, in: document) },
                clause: clause,
                detail: outcome.detail))
            guard outcome.status != .met else { continue }
            let template = outcome.status == .partial
                ? (requirement.messages.partial ?? requirement.messages.missing) : requirement.messages.missing
            let message = template.text(in: language, detail: outcome.detail) + " — «\(clause)»"
            let severity = options.severities[requirement.id] ?? FindingSeverity(requirement.severity)
            let range = titleRange ?? 0..<0
            findings.append(Finding(
                rule: requirement.id, severity: outcome.status == .partial ? min(severity, .warning) : severity,
                message: message, start: document.locate(range.lowerBound), end: endLocation(range, in: document),
                excerpt: Excerpt.of(document.substring(range))))
        }
        for (rule, check, clause) in pack.ruleChecks where !options.disabled.contains(rule.id) {
            let outcome = check.run(document)
            for flag in outcome.flags {
                var message = rule.message.text(in: language, detail: flag.detail)
                if let clause { message += " — «\(clause)»" }
                findings.append(Finding(
                    rule: rule.id, severity: options.severities[rule.id] ?? FindingSeverity(rule.severity),
                    message: message, start: flag.range.isEmpty ? documentStart : document.locate(flag.range.lowerBound),
                    end: endLocation(flag.range, in: document), excerpt: Excerpt.of(document.substring(flag.range)),
                    suggestion: flag.suggestion))
            }
        }
        let applied = suppressions.apply(
            to: findings, rules: pack.ruleIDs, requirements: pack.requirementIDs,
            disabledRequirementsRaised: suppressedRaised, pack: pack.id, language: language)
        findings = applied.kept
        for misuse in applied.misuses where !options.disabled.contains(misuse.rule) {
            guard let severity = options.severities[misuse.rule] else {
                findings.append(misuse)
                continue
            }
            findings.append(Finding(rule: misuse.rule, severity: severity, message: misuse.message,
                                    start: SourceLocation(line: misuse.line, column: misuse.column),
                                    end: SourceLocation(line: misuse.endLine, column: misuse.endColumn),
                                    excerpt: misuse.excerpt, suggestion: misuse.suggestion))
        }
        findings.sort { ($0.line, $0.column, $0.rule) < ($1.line, $1.column, $1.rule) }
        let totalWeight = requirements.reduce(0) { $0 + $1.weight }
        let score = totalWeight > 0 ? (requirements.reduce(0) { $0 + $1.score } / totalWeight * 1000).rounded() / 10 : 100
        return DocumentResult(
            path: document.path, pack: pack.id, issuingBody: document.form.issuingBody, score: score, verdict: verdict(score: score, requirements: requirements),
            encoding: encoding, requirements: requirements, findings: findings, statistics: document.statistics)
    }

    private func verdict(score: Double, requirements: [RequirementResult]) -> Verdict {
        guard let scoring = pack.resolved.pack.scoring else { return score >= 50 ? .dat : .chuaDat }
        if let floor = scoring.requirementFloor,
           requirements.contains(where: { $0.weight > 0 && $0.score / $0.weight * 100 < floor }) {
            return .chuaDat
        }
        return score >= scoring.pass ? .dat : .chuaDat
    }

    /// The title line, where findings about the whole report are anchored.
    private func titleSentenceRange(_ document: CheckDocument) -> Range<Int>? {
        document.sentences.first { $0.role == .title }?.range ?? document.sentences.first?.range
    }

    private func evidence(sentence index: Int, item: String?, in document: CheckDocument) -> Evidence {
        let range = document.sentences[index].range
        let location = document.locate(range.lowerBound)
        return Evidence(line: location.line, column: location.column, excerpt: Excerpt.of(document.substring(range)), item: item)
    }

    private func endLocation(_ range: Range<Int>, in document: CheckDocument) -> SourceLocation {
        guard !range.isEmpty else { return document.locate(range.lowerBound) }
        // The last character's own column: step back from the end to the start of the last character.
        let utf8 = document.text.utf8
        var last = range.upperBound - 1
        while last > range.lowerBound, utf8[utf8.index(utf8.startIndex, offsetBy: last)] & 0xC0 == 0x80 { last -= 1 }
        return document.locate(last)
    }
}

extension FindingSeverity {
    /// The result severity of a pack severity.
    public init(_ severity: Severity) {
        switch severity {
        case .info: self = .info
        case .warning: self = .warning
        case .error: self = .error
        }
    }
}
