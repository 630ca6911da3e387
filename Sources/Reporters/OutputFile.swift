// Reporters: the output file. Writes a report atomically and says in the user's language why it could not.
import AtomicFiles
import Foundation

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

/// Writes output files so that readers never see half of one (see ``AtomicFile``).
public enum OutputFile {
    /// Writes `text` to `path` atomically; on failure nothing is left and ``OutputError`` says why.
    public static func write(_ text: String, to path: String) throws {
        do {
            try AtomicFile.write(Data(text.utf8), to: path)
        } catch let .noFolder(folder) {
            throw OutputError.noFolder(path: path, folder: folder)
        } catch let .cannotWrite(reason) {
            throw OutputError.cannotWrite(path: path, reason: reason)
        }
    }
}
