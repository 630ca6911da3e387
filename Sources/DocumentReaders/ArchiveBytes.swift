// DocumentReaders: ZIP bytes. Opens package bytes as a ZIPFoundation archive through a file, never its in-memory archive.
import Foundation
import ZIPFoundation
#if canImport(Glibc)
import Glibc
#endif

/// Opens the bytes of a ZIP package for reading through a real file: a temporary file in memory
/// (`/dev/shm`) where there is one, else in the temporary folder, unlinked as soon as it is open.
///
/// ZIPFoundation's in-memory archive (`Archive(data:accessMode:)`) traps on a hostile package: an
/// offset in the central directory that points past the end of the data makes its read callback form
/// an inverted range (found by fuzz-docx). A real file just reads short there, which ZIPFoundation
/// reports as an error. Every reader of untrusted packages (``ZipPackage``, the annotator) opens them here.
public enum ArchiveBytes {
    /// Why package bytes could not be put behind a file.
    public struct OpenError: Error, CustomStringConvertible {
        /// What failed, with the system's reason.
        public let reason: String
        /// The reason, said as a sentence.
        public var description: String { "cannot stage the package for reading: \(reason)" }
    }

    /// The folder of the staging files: memory-backed when the system has one.
    static let folder: String = {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isDirectory), isDirectory.boolValue,
           access("/dev/shm", W_OK) == 0 {
            return "/dev/shm"
        }
        return NSTemporaryDirectory()
    }()

    /// A read-only archive over `data`; throws ``OpenError`` when no file could hold the bytes, or
    /// ZIPFoundation's error when they are not a ZIP package.
    public static func open(_ data: Data) throws -> Archive {
        let path = (folder as NSString).appendingPathComponent("soatxet-package-\(UUID().uuidString).zip")
        let descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw OpenError(reason: "\(path): \(String(cString: strerror(errno)))") }
        // The archive opens its own stream on the file; once it has, the name and this descriptor can go.
        defer {
            close(descriptor)
            unlink(path)
        }
        try write(data, to: descriptor)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        // Then zeros past the end (a sparse extension, no memory): ZIPFoundation's extraction loops ask
        // for more input until an entry is done, for ever once reads return nothing, so a deflate stream
        // or stored entry cut short by the end of the file hung the reader (found by fuzz-docx). Zeros
        // end such a stream with an error (an invalid stored block) or a CRC mismatch, within the limits.
        guard ftruncate(descriptor, off_t(data.count) + off_t(paddingBytes(for: data.count))) == 0 else {
            throw OpenError(reason: "ftruncate: \(String(cString: strerror(errno)))")
        }
        return archive
    }

    /// Zeros after the package: more than an entry stored whole can ask for (its size is at most the
    /// package's, which ``ZipPackage`` checks) and than inflating zeros consumes before the output limits stop it.
    static func paddingBytes(for count: Int) -> Int { count + (64 << 20) }

    private static func write(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var done = 0
            while done < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + done, bytes.count - done)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw OpenError(reason: "write: \(String(cString: strerror(errno)))")
                }
                done += written
            }
        }
    }
}
