// Reporters: the output file. Writes a report atomically: a temporary file beside it, then a rename.
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the output could not be written; nothing is left at the destination or beside it.
public enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder the file should go in does not exist or is not a folder.
    case noFolder(path: String, folder: String)
    /// Writing or renaming failed, with the system's reason.
    case cannotWrite(path: String, reason: String)

    /// The message in Vietnamese ("vi") or English ("en").
    public func message(language: String) -> String {
        let en = language == "en"
        switch self {
        case let .noFolder(path, folder):
            return en
                ? "cannot write the output '\(path)': folder '\(folder)' does not exist; create it or choose another path"
                : "không ghi được tệp kết quả '\(path)': thư mục '\(folder)' không tồn tại; hãy tạo thư mục hoặc chọn đường dẫn khác"
        case let .cannotWrite(path, reason):
            return en
                ? "cannot write the output '\(path)': \(reason); check the folder's permissions and free space"
                : "không ghi được tệp kết quả '\(path)': \(reason); hãy kiểm tra quyền ghi và dung lượng trống của thư mục"
        }
    }

    public var description: String { message(language: "en") }
}

/// Writes output files so that readers never see half of one: the text goes to a temporary file in the
/// same folder (same file system, so the rename is atomic), which is then renamed over the destination.
public enum OutputFile {
    /// Writes `text` to `path` atomically; on failure removes the temporary file and throws ``OutputError``.
    public static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw OutputError.noFolder(path: path, folder: folder.path)
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try Data(text.utf8).write(to: temporary, options: [.withoutOverwriting])
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError.cannotWrite(path: path, reason: reason(error))
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let code = underlying?.code, underlying?.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(code)))
        }
        return (error as NSError).localizedDescription
    }
}
