// ComplianceEngine: the result cache. Reports already judged, found again by a hash of their bytes and their judge.
import AtomicFiles
import Foundation

/// Results of reports already checked, kept in a folder and found again by a content hash of the
/// report's bytes, its path and everything that judged it (pack files, rule levels, tool version).
///
/// A changed byte in the report or in a pack gives another key, so a stale result is never used.
/// Entries are written atomically; an unreadable or corrupt entry is treated as a miss.
public final class ResultCache: @unchecked Sendable {
    /// The folder holding one JSON file per entry.
    public let folder: URL
    private let lock = NSLock()
    private var hitCount = 0
    private var missCount = 0

    /// Opens (and creates) the cache folder.
    public init(folder: String) throws {
        self.folder = URL(fileURLWithPath: folder, isDirectory: true)
        try FileManager.default.createDirectory(at: self.folder, withIntermediateDirectories: true)
    }

    /// Results found and not found so far.
    public var statistics: (hits: Int, misses: Int) {
        lock.lock()
        defer { lock.unlock() }
        return (hitCount, missCount)
    }

    /// The key of a report's bytes at `path` judged by `judge` (a fingerprint of the checker).
    public static func key(content: [UInt8], path: String, judge: String) -> String {
        var hash = ContentHash()
        hash.add(Array(judge.utf8))
        hash.add([0])
        hash.add(Array(path.utf8))
        hash.add([0])
        hash.add(content)
        return hash.hex
    }

    /// The cached result for `key`, if any.
    public func lookup(_ key: String) -> DocumentResult? {
        let data = try? Data(contentsOf: folder.appendingPathComponent("\(key).json"))
        let result = data.flatMap { try? JSONDecoder().decode(DocumentResult.self, from: $0) }
        lock.lock()
        if result == nil { missCount += 1 } else { hitCount += 1 }
        lock.unlock()
        return result
    }

    /// Stores `result` under `key`; a failure to write only costs a later miss.
    public func store(_ result: DocumentResult, key: String) {
        guard let data = try? JSONEncoder().encode(result) else { return }
        try? AtomicFile.write(data, to: folder.appendingPathComponent("\(key).json").path)
    }
}

/// FNV-1a over 128 bits: a fast content hash for cache keys (not for security).
struct ContentHash {
    private var state: UInt128 = 0x6c62272e07bb0142_62b821756295c58d
    private static let prime: UInt128 = 0x0000000001000000_000000000000013B

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            state ^= UInt128(byte)
            state = state &* Self.prime
        }
    }

    var hex: String {
        let text = String(state, radix: 16)
        return String(repeating: "0", count: max(0, 32 - text.count)) + text
    }
}
