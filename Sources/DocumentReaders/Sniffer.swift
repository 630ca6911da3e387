// DocumentReaders: sniffing. Checks a file's magic bytes against its extension and decides how to read it.

/// Decides which reader a file's content needs, whatever its extension says.
///
/// Policy: content wins when soatxet can read it (a .txt that is a .docx package is read as .docx, a
/// .docx that is plain text is read as text), with a warning saying so; content soatxet cannot read
/// (images, executables, other archives) is refused with ``ReadError/Cause/contentMismatch(expected:found:)``.
/// A password-protected Office file (an OLE container with an "EncryptedPackage" stream) is refused as
/// ``ReadError/Cause/encrypted`` whatever its extension.
enum Sniffer {
    enum Content: Equatable {
        case zip, ole, pdf, text
        case other(String)
    }

    static func content(of bytes: [UInt8]) -> Content {
        func starts(_ magic: [UInt8]) -> Bool { bytes.count >= magic.count && Array(bytes[0..<magic.count]) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) { return .zip }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .ole }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        let others: [(String, [UInt8])] = [
            ("a PNG image", [0x89, 0x50, 0x4E, 0x47]), ("a JPEG image", [0xFF, 0xD8, 0xFF]), ("a GIF image", Array("GIF8".utf8)),
            ("an ELF executable", [0x7F, 0x45, 0x4C, 0x46]), ("a gzip archive", [0x1F, 0x8B]), ("a RAR archive", Array("Rar!".utf8)),
            ("a 7-Zip archive", [0x37, 0x7A, 0xBC, 0xAF]), ("an RTF document", Array("{\\rtf".utf8)),
        ]
        for (name, magic) in others where starts(magic) { return .other(name) }
        return .text
    }

    /// The format to read `bytes` as, and a warning when it differs from `claimed`.
    static func resolve(bytes: [UInt8], claimed: DocumentFormat, path: String) throws(ReadError) -> (DocumentFormat, String?) {
        let found = content(of: bytes)
        let actual: DocumentFormat
        switch found {
        case .zip:
            actual = claimed == .odt ? .odt : (claimed == .docx ? .docx : zipFormat(bytes))
        case .ole:
            if isEncryptedOffice(bytes) { throw ReadError(path: path, cause: .encrypted) }
            actual = .doc
        case .pdf:
            actual = .pdf
        case .text:
            actual = claimed.isText ? claimed : .txt
        case let .other(name):
            throw ReadError(path: path, cause: .contentMismatch(expected: claimed, found: name))
        }
        guard actual != claimed else { return (actual, nil) }
        let described: String
        switch found {
        case .zip: described = "a .\(actual.rawValue) package"
        case .ole: described = "a Word 97-2003 (.doc) file"
        case .pdf: described = "a PDF file"
        default: described = "plain text"
        }
        return (actual, "named .\(claimed.rawValue) but the content is \(described); read as .\(actual.rawValue)")
    }

    /// .odt when the package's first entry is the ODF "mimetype", else .docx.
    private static func zipFormat(_ bytes: [UInt8]) -> DocumentFormat {
        let window = bytes.prefix(200)
        let needle = Array("application/vnd.oasis.opendocument.text".utf8)
        guard window.count >= needle.count else { return .docx }
        for start in window.startIndex...(window.endIndex - needle.count) where window[start] == needle[0] {
            if Array(window[start..<(start + needle.count)]) == needle { return .odt }
        }
        return .docx
    }

    /// Whether an OLE compound file holds an "EncryptedPackage" stream (its directory names are UTF-16LE).
    static func isEncryptedOffice(_ bytes: [UInt8]) -> Bool {
        var needle: [UInt8] = []
        for unit in "EncryptedPackage".utf16 { needle.append(UInt8(unit & 0xFF)); needle.append(UInt8(unit >> 8)) }
        guard bytes.count >= needle.count else { return false }
        var index = 0
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == needle[0], bytes[index + 2] == needle[2] {
                var same = true
                for offset in 0..<needle.count where bytes[index + offset] != needle[offset] {
                    same = false
                    break
                }
                if same { return true }
            }
            index += 1
        }
        return false
    }
}
