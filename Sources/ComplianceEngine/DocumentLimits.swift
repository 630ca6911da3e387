// ComplianceEngine: per-document limits. The size a report may have and the time its check may take, and the error when one is hit.
import Foundation

/// How much one report may cost. A report over a limit becomes an ``InputError`` naming it (exit 2 on
/// the command line); the other reports of the batch go on.
///
/// Where the time budget is enforced: cooperatively, between the stages of the pipeline (after
/// reading, after preparing, after judging), by ``DocumentBudget/checkpoint(_:)``; a stage itself is
/// not interrupted, so a report can overrun by at most one stage. Inside a stage, every regular
/// expression runs under PCRE2's match and depth limits (``PCRE2/MatchLimits``), so no single match
/// can backtrack without bound, and the readers refuse oversized and over-compressed archive parts
/// (``DocumentReaders/PackageLimits``) before inflating them.
public struct DocumentLimits: Sendable, Equatable {
    /// Seconds one report may take from the start of reading to the end of judging; nil for no limit.
    public var timeLimit: Double?
    /// Bytes a report file may have; nil for no limit. Checked before the file is read.
    public var sizeLimit: Int?

    /// 10 seconds and 100 MB per report.
    public static let standard = DocumentLimits(timeLimit: 10, sizeLimit: 100 << 20)
    /// No limits (tests, tools that judge generated text).
    public static let none = DocumentLimits(timeLimit: nil, sizeLimit: nil)

    public init(timeLimit: Double?, sizeLimit: Int?) {
        self.timeLimit = timeLimit
        self.sizeLimit = sizeLimit
    }

    /// Throws ``LimitError/tooLarge`` when the file at `path` is over ``sizeLimit`` (standard input and
    /// files that cannot be examined pass: reading them reports their own error).
    public func checkSize(of path: String) throws(LimitError) {
        guard let sizeLimit, path != "-",
              let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber else { return }
        if size.intValue > sizeLimit { throw LimitError.tooLarge(size: size.intValue, limit: sizeLimit) }
    }

    /// A budget that starts now.
    public func startBudget() -> DocumentBudget { DocumentBudget(limit: timeLimit) }
}

/// The time left for one report, started when its reading starts.
public struct DocumentBudget: Sendable {
    /// Seconds allowed in all; nil for no limit.
    public let limit: Double?
    private let start = DispatchTime.now()

    public init(limit: Double?) { self.limit = limit }

    /// Seconds since the budget started.
    public var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9 }

    /// Throws ``LimitError/tooSlow`` when the budget is spent; `stage` ("read", "prepare", "judge") says
    /// which stage ended past it.
    public func checkpoint(_ stage: String) throws(LimitError) {
        guard let limit else { return }
        let spent = elapsed
        if spent > limit { throw LimitError.tooSlow(stage: stage, elapsed: spent, limit: limit) }
    }
}

/// A report over one of its ``DocumentLimits``.
public enum LimitError: Error, Sendable, Equatable {
    /// The file has `size` bytes, more than `limit`.
    case tooLarge(size: Int, limit: Int)
    /// Checking took `elapsed` seconds, past `limit`, by the end of `stage`.
    case tooSlow(stage: String, elapsed: Double, limit: Double)

    /// The message in Vietnamese ("vi") or English ("en"), without the file name.
    public func message(language: String) -> String {
        let en = language == "en"
        switch self {
        case let .tooLarge(size, limit):
            let (mb, max) = (Self.megabytes(size), Self.megabytes(limit))
            return en
                ? "the report is \(mb) MB, over the size limit of \(max) MB; split it, or raise the limit with --size-limit"
                : "báo cáo có dung lượng \(mb) MB, vượt giới hạn \(max) MB; hãy tách báo cáo, hoặc nâng giới hạn bằng --size-limit"
        case let .tooSlow(stage, elapsed, limit):
            let spent = String(format: "%.1f", elapsed), max = String(format: "%g", limit)
            return en
                ? "checking took \(spent) s (by the end of stage '\(stage)'), over the time limit of \(max) s; raise it with --time-limit"
                : "kiểm tra mất \(spent) giây (đến hết bước '\(stage)'), vượt giới hạn thời gian \(max) giây; nâng giới hạn bằng --time-limit"
        }
    }

    private static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / Double(1 << 20)) }
}
