// Review: the batch. The reports of one review run, named by their unit, beside the pack they were judged against.
import ComplianceEngine
import Foundation
import RuleModel

/// One judged report as the reviewer sees it: the result, the unit that sent it, and a file-safe name.
public struct ReviewedReport: Sendable {
    /// The engine's judgement.
    public let result: DocumentResult
    /// The unit that sent the report: its issuing body from the header, or else the file name.
    public let unit: String
    /// Whether ``unit`` came from the report's header (false: from the file name).
    public let unitFromHeader: Bool
    /// A name unique in the batch, safe in file names and HTML ids ("ldld-da-nang-khong-bai-hoc").
    public let slug: String

    /// The count of requirements with `status`.
    public func count(_ status: RequirementStatus) -> Int {
        result.requirements.filter { $0.status == status }.count
    }
}

/// A requirement of the pack as the batch outputs show it.
public struct ReviewRequirement: Sendable {
    /// Its ID.
    public let id: String
    /// Its title in the batch's language.
    public let title: String
    /// The directive clause it enforces, quoted.
    public let clause: String
    /// The pack's messages for it.
    public let messages: RequirementMessages
}

/// The reports of one review run, sorted by unit, with the pack's requirements and the files that failed.
public struct ReviewBatch: Sendable {
    /// The pack the reports were judged against.
    public let pack: ResolvedPack
    /// The reports, sorted by unit then file.
    public let reports: [ReviewedReport]
    /// Inputs that could not be read or checked.
    public let errors: [InputError]
    /// The pack's requirements, in pack order.
    public let requirements: [ReviewRequirement]
    /// "vi" or "en".
    public let language: String

    /// Names the units of `run`'s reports and sorts them.
    public init(run: RunResult, pack: ResolvedPack, language: String = "vi") {
        self.pack = pack
        self.language = language
        self.errors = run.errors
        requirements = pack.requirements.map {
            ReviewRequirement(
                id: $0.id, title: language == "en" ? ($0.titleEn ?? $0.title) : $0.title,
                clause: pack.clauseText($0.clause) ?? "", messages: $0.messages)
        }
        var used: Set<String> = []
        let named = run.documents.map { result -> ReviewedReport in
            let unit = UnitName.fromHeader(result.issuingBody)
            let slug = UnitName.uniqueSlug(for: result.path, taken: &used)
            return ReviewedReport(result: result, unit: unit ?? UnitName.fromFile(result.path), unitFromHeader: unit != nil, slug: slug)
        }
        reports = named.sorted {
            let order = $0.unit.compare($1.unit, options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "vi"))
            return order == .orderedSame ? $0.result.path < $1.result.path : order == .orderedAscending
        }
    }

    /// True for English output.
    var english: Bool { language == "en" }

    /// Picks the Vietnamese or the English text.
    func pick(_ vi: String, _ en: String) -> String { english ? en : vi }
}

/// How a unit is named: from the issuing body in the report's header, or from the file name.
public enum UnitName {
    /// The issuing unit from the header's issuing-body lines (superior body first, as the engine
    /// joins them with " / "). The last line names the unit itself ("TỔNG LĐLĐ VIỆT NAM / CÔNG ĐOÀN Y TẾ
    /// VIỆT NAM" gives "CÔNG ĐOÀN Y TẾ VIỆT NAM"), except that a standing organ of the unit ("LIÊN ĐOÀN
    /// LAO ĐỘNG TỈNH NINH BÌNH / BAN THƯỜNG VỤ") gives the line above it, a body's name broken over two
    /// lines ("LIÊN ĐOÀN LAO ĐỘNG / THÀNH PHỐ HẢI PHÒNG") is joined, and a heading caught in the header
    /// ("PHẦN I: KẾT QUẢ …", "I. ĐẶC ĐIỂM …") is left out. Nil when nothing is left.
    public static func fromHeader(_ issuingBody: String?) -> String? {
        guard let issuingBody else { return nil }
        var lines = issuingBody.components(separatedBy: " / ")
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "-–_*:. ").union(.whitespaces)) }
            .filter { $0.count >= 3 && $0.count <= 90 && $0.contains(where: \.isLetter) && !isHeading($0) }
        guard var unit = lines.popLast() else { return nil }
        let folded = fold(unit)
        if ["ban thuong vu", "ban chap hanh", "doan chu tich", "thuong truc", "ban thuong vu lien doan lao dong"].contains(folded),
           let above = lines.popLast() {
            unit = above
        } else if ["tinh ", "thanh pho ", "huyen ", "quan ", "thi xa ", "tp "].contains(where: folded.hasPrefix),
                  let above = lines.last, ["lien doan lao dong", "ldld", "cong doan"].contains(where: fold(above).hasSuffix) {
            unit = above + " " + unit
        } else if folded.hasPrefix("ban chap hanh "), unit.count > 14 {
            // "BAN CHẤP HÀNH CĐCS TRUNG TÂM Y TẾ HUYỆN": the union, not its committee.
            unit = String(unit.dropFirst(14))
        }
        return unit
    }

    private static func isHeading(_ line: String) -> Bool {
        let folded = fold(line)
        if folded.hasPrefix("phan ") || folded.hasPrefix("muc ") || folded.hasPrefix("chuong ") { return true }
        guard let first = line.split(separator: " ").first, first.hasSuffix(".") || first.hasSuffix(")") else { return false }
        return first.dropLast().allSatisfy { $0.isNumber || "IVXLivxl".contains($0) }
    }

    private static func fold(_ text: String) -> String {
        text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "vi"))
            .replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "d")
    }

    /// The file name without its extension ("ldld-da-nang-khong-bai-hoc.docx" → "ldld-da-nang-khong-bai-hoc").
    public static func fromFile(_ path: String) -> String {
        let name = (path as NSString).lastPathComponent
        let stem = (name as NSString).deletingPathExtension
        return stem.isEmpty ? name : stem
    }

    /// A file-safe slug for `path`, unique among `taken`: the file name's stem, then its extension
    /// appended ("bao-cao-docx") when another report has the same stem, then a number.
    static func uniqueSlug(for path: String, taken: inout Set<String>) -> String {
        func safe(_ text: String) -> String {
            let mapped = text.unicodeScalars.map { scalar -> String in
                CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" || scalar == "." ? String(scalar) : "-"
            }.joined()
            let trimmed = mapped.trimmingCharacters(in: CharacterSet(charactersIn: "-."))
            return trimmed.isEmpty ? "bao-cao" : trimmed
        }
        let name = (path as NSString).lastPathComponent
        let stem = safe((name as NSString).deletingPathExtension)
        let ext = (name as NSString).pathExtension
        var candidates = [stem]
        if !ext.isEmpty { candidates.append(stem + "-" + safe(ext)) }
        for candidate in candidates where !taken.contains(candidate) {
            taken.insert(candidate)
            return candidate
        }
        var number = 2
        while taken.contains("\(candidates.last!)-\(number)") { number += 1 }
        let slug = "\(candidates.last!)-\(number)"
        taken.insert(slug)
        return slug
    }
}
