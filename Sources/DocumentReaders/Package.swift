// DocumentReaders: packages. Opens .docx/.odt ZIP packages defensively: size and ratio caps, safe paths.
import Foundation
import ZIPFoundation

/// Limits that keep a hostile package from exhausting memory.
public struct PackageLimits: Sendable {
    /// The most bytes all extracted parts may total.
    public var maximumTotalSize: Int
    /// The most bytes one part may expand to.
    public var maximumEntrySize: Int
    /// The largest uncompressed/compressed ratio accepted for entries bigger than `ratioFloor`.
    public var maximumRatio: Int
    /// Entries below this uncompressed size are not ratio-checked (tiny XML compresses very well).
    public var ratioFloor: Int

    /// 256 MB in all, 128 MB per part, ratio 200 above 1 MB.
    public static let standard = PackageLimits(
        maximumTotalSize: 256 << 20, maximumEntrySize: 128 << 20, maximumRatio: 200, ratioFloor: 1 << 20)

    public init(maximumTotalSize: Int, maximumEntrySize: Int, maximumRatio: Int, ratioFloor: Int) {
        self.maximumTotalSize = maximumTotalSize
        self.maximumEntrySize = maximumEntrySize
        self.maximumRatio = maximumRatio
        self.ratioFloor = ratioFloor
    }
}

/// An opened ZIP package whose entry paths have been checked; parts are extracted on demand within limits.
final class ZipPackage {
    let path: String
    private let archive: Archive
    private let entries: [String: Entry]
    private let limits: PackageLimits
    private let size: Int
    private var extracted = 0

    /// Opens `bytes` (the whole file) as a package; every entry path is checked before any is read.
    init(path: String, data: Data, limits: PackageLimits) throws(ReadError) {
        self.path = path
        self.limits = limits
        self.size = data.count
        guard data.count >= 22 else { throw ReadError(path: path, cause: .corruptArchive("too short to be a ZIP file")) }
        // Refused here with a clear reason, and cheaply: ZIPFoundation would look for the record with one
        // seek and read per byte. (Its in-memory archive also leaked its copy of such a file, found by fuzz-docx.)
        guard ZipPackage.hasEndRecord(data) else {
            throw ReadError(path: path, cause: .corruptArchive("no end of central directory record (truncated?)"))
        }
        let archive: Archive
        do {
            archive = try ArchiveBytes.open(data)
        } catch {
            throw ReadError(path: path, cause: .corruptArchive("no readable central directory (\(error))"))
        }
        var entries: [String: Entry] = [:]
        for entry in archive {
            let name = entry.path
            guard ZipPackage.isSafe(name) else { throw ReadError(path: path, cause: .unsafeEntryPath(name)) }
            guard entry.compressedSize <= UInt64(data.count) else {
                throw ReadError(path: path, cause: .corruptArchive("\(name) runs past the end of the file"))
            }
            entries[name] = entry
        }
        self.archive = archive
        self.entries = entries
    }

    /// Whether `data` holds a ZIP end of central directory record as ZIPFoundation looks for it: the
    /// last signature at least 22 bytes before the end, its comment within the data.
    static func hasEndRecord(_ data: Data) -> Bool {
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            var offset = bytes.count - 22
            while offset >= 0 {
                if bytes[offset] == 0x50, bytes[offset + 1] == 0x4B, bytes[offset + 2] == 0x05, bytes[offset + 3] == 0x06 {
                    let comment = Int(bytes[offset + 20]) | Int(bytes[offset + 21]) << 8
                    return offset + 22 + comment <= bytes.count
                }
                offset -= 1
            }
            return false
        }
    }

    /// Whether the package has part `name`.
    func has(_ name: String) -> Bool { entries[name] != nil }

    /// The names of all parts.
    var partNames: [String] { Array(entries.keys) }

    /// The bytes of part `name`, or nil when absent; throws when the part breaks the limits or is damaged.
    func read(_ name: String) throws(ReadError) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        let declared = Int(clamping: entry.uncompressedSize)
        let compressed = max(1, Int(clamping: entry.compressedSize))
        let perEntry = min(limits.maximumEntrySize, limits.maximumTotalSize - extracted)
        let describeLimit = "\(limits.maximumEntrySize >> 20) MB per part, \(limits.maximumTotalSize >> 20) MB in all, ratio \(limits.maximumRatio)"
        if declared > perEntry || (declared > limits.ratioFloor && declared / compressed > limits.maximumRatio) {
            throw ReadError(path: path, cause: .archiveTooLarge(entry: name, limit: describeLimit))
        }
        // A stored entry is read for its declared size: it must fit in the package.
        guard entry.isCompressed || entry.uncompressedSize <= UInt64(size) else {
            throw ReadError(path: path, cause: .corruptArchive("\(name) runs past the end of the file"))
        }
        var output: [UInt8] = []
        output.reserveCapacity(min(declared, perEntry))
        var overflow = false
        do {
            _ = try archive.extract(entry, bufferSize: 64 * 1024, skipCRC32: false) { chunk in
                // The declared size may lie: count what really comes out.
                if output.count + chunk.count > perEntry
                    || (output.count + chunk.count > limits.ratioFloor
                        && (output.count + chunk.count) / compressed > limits.maximumRatio)
                {
                    overflow = true
                    throw Archive.ArchiveError.cancelledOperation
                }
                output.append(contentsOf: chunk)
            }
        } catch {
            if overflow { throw ReadError(path: path, cause: .archiveTooLarge(entry: name, limit: describeLimit)) }
            throw ReadError(path: path, cause: .corruptArchive("\(name) cannot be extracted (\(error))"))
        }
        extracted += output.count
        return output
    }

    /// Rejects absolute paths, drive letters, backslashes and any ".." component.
    static func isSafe(_ name: String) -> Bool {
        if name.isEmpty || name.hasPrefix("/") || name.contains("\\") || name.contains("\0") { return false }
        if name.utf8.count >= 2, name.utf8.dropFirst().first == UInt8(ascii: ":") { return false }
        for component in name.split(separator: "/", omittingEmptySubsequences: false) where component == ".." {
            return false
        }
        return true
    }
}
