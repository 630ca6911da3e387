// VietnameseText: decoding. UTF-8 and UTF-16, with and without byte-order marks.

enum UnicodeDecoding {
    /// The encoding a byte-order mark announces, and the mark's length.
    static func byteOrderMark(_ bytes: [UInt8]) -> (TextEncoding, Int)? {
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { return (.utf16LE, 2) }
        if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { return (.utf16BE, 2) }
        return nil
    }

    /// The offset of the first byte that is not valid UTF-8, or nil when all of `bytes` is valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = bytes.startIndex
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
            case .emptyInput:
                return nil
            case .error:
                return offset
            }
        }
    }

    /// Decodes UTF-8 strictly; throws at the first invalid byte.
    static func decodeUTF8(_ bytes: ArraySlice<UInt8>) throws -> String {
        if let bad = firstInvalidUTF8(bytes) {
            throw DecodingError.invalidBytes(encoding: .utf8, offset: bad, line: lineNumber(of: bad, in: bytes))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes UTF-16 in the given byte order strictly (lone surrogates are errors).
    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws -> String {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(bigEndian ? (a << 8 | b) : (b << 8 | a))
            index += 2
        }
        let encoding: TextEncoding = bigEndian ? .utf16BE : .utf16LE
        if index < bytes.endIndex {
            throw DecodingError.invalidBytes(encoding: encoding, offset: index, line: lineCount(units))
        }
        var scalars = String.UnicodeScalarView()
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unitOffset = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                scalars.append(scalar)
                unitOffset += UTF16.width(scalar)
            case .emptyInput:
                break loop
            case .error:
                throw DecodingError.invalidBytes(
                    encoding: encoding, offset: bytes.startIndex + 2 * unitOffset,
                    line: lineCount(units[..<unitOffset]))
            }
        }
        return String(scalars)
    }

    /// The 1-based line of byte `offset` in ASCII-compatible bytes.
    static func lineNumber(of offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
        var line = 1
        for byte in bytes[bytes.startIndex..<min(offset, bytes.endIndex)] where byte == 0x0A { line += 1 }
        return line
    }

    private static func lineCount<C: Collection>(_ units: C) -> Int where C.Element == UInt16 {
        var line = 1
        for unit in units where unit == 0x0A { line += 1 }
        return line
    }
}
