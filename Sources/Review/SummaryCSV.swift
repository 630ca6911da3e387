// Review: the CSV summary. summary.csv: one row per report, one column per requirement, UTF-8 with a byte-order mark.
import ComplianceEngine
import Foundation

/// `summary.csv` for spreadsheets: unit, file, score, verdict, then one column per requirement holding
/// its status in words. UTF-8 with a byte-order mark, which is what makes Excel read Vietnamese as
/// UTF-8; CRLF line ends (RFC 4180).
public enum SummaryCSV {
    /// The UTF-8 byte-order mark.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The file's bytes, the byte-order mark first.
    public static func render(_ batch: ReviewBatch) -> Data {
        let t = batch.pick
        var rows: [[String]] = []
        rows.append([t("Đơn vị", "Unit"), t("Tệp", "File"), t("Điểm", "Score"), t("Kết luận", "Verdict")]
            + batch.requirements.map { "\($0.id): \($0.title)" })
        for report in batch.reports {
            let result = report.result
            var row = [report.unit, result.path, formatScore(result.score), result.verdict.words(batch.language)]
            for requirement in batch.requirements {
                row.append(result.requirements.first { $0.id == requirement.id }?.status.words(batch.language) ?? "")
            }
            rows.append(row)
        }
        let text = rows.map { $0.map(Escape.csv).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return Data(byteOrderMark) + Data(text.utf8)
    }
}
