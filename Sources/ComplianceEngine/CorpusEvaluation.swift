// ComplianceEngine: corpus evaluation. How often the engine agrees with a strict reviewer's labels.
import DocumentReaders
import Foundation
import RuleModel

/// A labelled report: `<slug>.expected.json` beside `<slug>.txt` and its variants.
public struct LabelledReport: Sendable {
    /// The report's slug (file name up to the first dot).
    public let slug: String
    /// The report and its variants (`<slug>.docx`, `<slug>.tcvn3.txt`, ...), the .txt first.
    public let files: [String]
    /// The labelled status of each requirement, and of each item.
    public let labels: [String: (status: RequirementStatus, why: String, items: [String: RequirementStatus])]
}

/// One requirement judged differently from its label.
public struct Disagreement: Sendable, Equatable {
    public let report: String
    public let requirement: String
    public let expected: RequirementStatus
    public let got: RequirementStatus
    /// The label's reason, as the reviewer wrote it.
    public let why: String
    /// What the engine saw.
    public let detail: String
}

/// A variant (another encoding or format) whose statuses differ from its report's .txt.
public struct VariantMismatch: Sendable, Equatable {
    public let file: String
    public let requirement: String
    public let txt: RequirementStatus
    public let variant: RequirementStatus
}

/// Agreement of one pack with its labelled corpus.
public struct PackEvaluation: Sendable {
    public let pack: String
    /// Per requirement, in pack order: (ID, exact agreements, met/not-met agreements, judged).
    public let requirements: [(id: String, exact: Int, metAgreement: Int, total: Int)]
    public let disagreements: [Disagreement]
    public let variantMismatches: [VariantMismatch]
    /// Variant files compared with their .txt.
    public let variantsChecked: Int
    /// Inputs that could not be read or labels that could not be used.
    public let errors: [String]

    public var total: Int { requirements.reduce(0) { $0 + $1.total } }
    public var exact: Int { requirements.reduce(0) { $0 + $1.exact } }
    public var metAgreement: Int { requirements.reduce(0) { $0 + $1.metAgreement } }
}

/// Runs a pack over its labelled corpus folder and compares with the labels.
public enum CorpusEvaluation {
    /// Reads the labelled reports of `folder` (`*.expected.json` and the files sharing their slug).
    public static func reports(in folder: String) throws -> [LabelledReport] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        var result: [LabelledReport] = []
        for name in names where name.hasSuffix(".expected.json") {
            let slug = String(name.dropLast(".expected.json".count))
            let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(name))
            guard let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let requirements = json["requirements"] as? [String: [String: Any]] else {
                throw PackError.unreadable(file: "\(folder)/\(name)", reason: "expected {\"requirements\": {...}}")
            }
            var labels: [String: (status: RequirementStatus, why: String, items: [String: RequirementStatus])] = [:]
            for (id, label) in requirements {
                guard let raw = label["status"] as? String, let status = RequirementStatus(rawValue: raw) else {
                    throw PackError.unreadable(file: "\(folder)/\(name)", reason: "requirement \(id) has no valid status")
                }
                var items: [String: RequirementStatus] = [:]
                for (item, value) in label["items"] as? [String: String] ?? [:] {
                    items[item] = RequirementStatus(rawValue: value)
                }
                labels[id] = (status, label["why"] as? String ?? "", items)
            }
            let files = names.filter { $0.split(separator: ".", maxSplits: 1).first.map(String.init) == slug && !$0.hasSuffix(".json") }
                .sorted { ($0 == "\(slug).txt" ? 0 : 1, $0) < ($1 == "\(slug).txt" ? 0 : 1, $1) }
                .map { URL(fileURLWithPath: folder).appendingPathComponent($0).path }
            result.append(LabelledReport(slug: slug, files: files, labels: labels))
        }
        return result
    }

    /// Checks every labelled report of `folder` (and its variants) with `checker`.
    public static func evaluate(_ checker: Checker, folder: String) throws -> PackEvaluation {
        let pack = checker.engine.pack
        let ids = pack.resolved.requirements.map(\.id)
        var counts = Dictionary(uniqueKeysWithValues: ids.map { ($0, (exact: 0, met: 0, total: 0)) })
        var disagreements: [Disagreement] = []
        var mismatches: [VariantMismatch] = []
        var variants = 0
        var errors: [String] = []
        for report in try reports(in: folder) {
            var baseline: DocumentResult?
            for file in report.files {
                let result: DocumentResult
                do {
                    result = try checker.check(try DocumentReaders.read(path: file))
                } catch {
                    errors.append("\(file): \(error)")
                    continue
                }
                guard let base = baseline else {
                    baseline = result
                    for requirement in result.requirements {
                        guard let label = report.labels[requirement.id] else {
                            errors.append("\(report.slug): no label for \(requirement.id)")
                            continue
                        }
                        counts[requirement.id]?.total += 1
                        if label.status == requirement.status { counts[requirement.id]?.exact += 1 }
                        if (label.status == .met) == (requirement.status == .met) {
                            counts[requirement.id]?.met += 1
                        } else {
                            disagreements.append(Disagreement(
                                report: report.slug, requirement: requirement.id, expected: label.status,
                                got: requirement.status, why: label.why, detail: requirement.detail))
                        }
                    }
                    continue
                }
                variants += 1
                for (mine, theirs) in zip(base.requirements, result.requirements) where mine.status != theirs.status {
                    mismatches.append(VariantMismatch(file: file, requirement: mine.id, txt: mine.status, variant: theirs.status))
                }
            }
        }
        return PackEvaluation(
            pack: pack.id, requirements: ids.map { (id: $0, exact: counts[$0]!.exact, metAgreement: counts[$0]!.met, total: counts[$0]!.total) },
            disagreements: disagreements, variantMismatches: mismatches, variantsChecked: variants, errors: errors)
    }

    /// The evaluations as a Markdown report: a table per pack and the disagreements with both reasons.
    public static func markdown(_ evaluations: [PackEvaluation]) -> String {
        func percent(_ part: Int, _ whole: Int) -> String {
            whole == 0 ? "–" : String(format: "%.1f%%", Double(part) * 100 / Double(whole))
        }
        let total = evaluations.reduce(0) { $0 + $1.total }
        let met = evaluations.reduce(0) { $0 + $1.metAgreement }
        let exact = evaluations.reduce(0) { $0 + $1.exact }
        var out = ["# Agreement with the labelled corpus", ""]
        out.append("Generated by `make accuracy` (`soatxet rules accuracy --markdown docs/accuracy.md`): every")
        out.append("report of `Corpus/<pack>/` is checked with its pack and compared with the statuses a strict")
        out.append("reviewer gave it before soatxet existed. *Met/not-met* counts a judgement as agreeing when both")
        out.append("say met or both say not met (partial or missing); *exact* needs the same status.")
        out.append("")
        out.append("Overall: met/not-met **\(percent(met, total))** (\(met)/\(total)), exact \(percent(exact, total)).")
        for evaluation in evaluations {
            out.append("")
            out.append("## \(evaluation.pack)")
            out.append("")
            out.append("Met/not-met \(percent(evaluation.metAgreement, evaluation.total)), exact \(percent(evaluation.exact, evaluation.total)); \(evaluation.variantsChecked) variants (other encodings and formats) compared with their .txt: \(evaluation.variantMismatches.isEmpty ? "identical statuses" : "\(evaluation.variantMismatches.count) differences").")
            out.append("")
            out.append("| requirement | met/not-met | exact | reports |")
            out.append("|---|---|---|---|")
            for row in evaluation.requirements {
                out.append("| `\(row.id)` | \(percent(row.metAgreement, row.total)) | \(percent(row.exact, row.total)) | \(row.total) |")
            }
            if !evaluation.disagreements.isEmpty {
                out.append("")
                out.append("Disagreements (label → soatxet):")
                out.append("")
                for item in evaluation.disagreements {
                    out.append("- `\(item.report)` `\(item.requirement)`: \(item.expected.rawValue) → \(item.got.rawValue). Reviewer: \(item.why) soatxet saw: \(item.detail).")
                }
            }
            for mismatch in evaluation.variantMismatches {
                out.append("- variant `\((mismatch.file as NSString).lastPathComponent)` `\(mismatch.requirement)`: \(mismatch.txt.rawValue) in the .txt, \(mismatch.variant.rawValue) here.")
            }
            for error in evaluation.errors { out.append("- error: \(error)") }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
