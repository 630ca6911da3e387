// ReviewServer: multipart/form-data. Multipart owns splitting an upload into its named parts.
import Foundation

/// One part of a multipart/form-data body.
public struct MultipartPart: Sendable, Equatable {
    /// The form field's name.
    public let name: String
    /// The file name the browser sent, for file fields.
    public let filename: String?
    /// The part's bytes.
    public let data: Data
    /// The part's value as text (UTF-8), for plain fields.
    public var text: String { String(decoding: data, as: UTF8.self) }
}

/// Parses multipart/form-data bodies (RFC 7578) held in memory.
public enum Multipart {
    /// The boundary of a `multipart/form-data; boundary=...` content type, or nil for another type.
    public static func boundary(contentType: String) -> String? {
        let pieces = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let type = pieces.first, type.lowercased() == "multipart/form-data" else { return nil }
        for piece in pieces.dropFirst() where piece.lowercased().hasPrefix("boundary=") {
            var value = String(piece.dropFirst("boundary=".count))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }

    /// The parts of `body`; throws ``APIError/badMultipart(_:)`` when it is not well formed.
    public static func parse(_ body: Data, boundary: String) throws -> [MultipartPart] {
        let bytes = [UInt8](body)
        let delimiter = [UInt8](("--" + boundary).utf8)
        var positions: [Int] = []
        var searchFrom = 0
        while let found = find(delimiter, in: bytes, from: searchFrom) {
            positions.append(found)
            searchFrom = found + delimiter.count
        }
        guard positions.count >= 2 else { throw APIError.badMultipart("no boundary '\(boundary)' in the body") }
        var parts: [MultipartPart] = []
        for (start, end) in zip(positions, positions.dropFirst()) {
            var from = start + delimiter.count
            if from + 1 < bytes.count, bytes[from] == 13, bytes[from + 1] == 10 { from += 2 } else { throw APIError.badMultipart("a boundary is not followed by a line break") }
            var to = end
            if to >= 2, bytes[to - 2] == 13, bytes[to - 1] == 10 { to -= 2 }
            guard let headerEnd = find([13, 10, 13, 10], in: bytes, from: from), headerEnd <= to else {
                throw APIError.badMultipart("a part has no headers")
            }
            let headers = String(decoding: bytes[from..<headerEnd], as: UTF8.self)
            let content = Data(bytes[(headerEnd + 4)..<max(headerEnd + 4, to)])
            var name = ""
            var filename: String?
            for line in headers.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-disposition:") {
                name = parameter("name", in: line) ?? ""
                filename = parameter("filename", in: line)
            }
            parts.append(MultipartPart(name: name, filename: filename, data: content))
        }
        return parts
    }

    /// The value of `key="value"` in a Content-Disposition line.
    static func parameter(_ key: String, in line: String) -> String? {
        for piece in line.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            let pair = piece.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return nil
    }

    /// The first index of `needle` in `haystack` at or after `from`.
    static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        let first = needle[0]
        var index = from
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first {
                var matched = true
                for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}
