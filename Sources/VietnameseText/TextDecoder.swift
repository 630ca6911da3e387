// VietnameseText: decoding. The entry point: bytes in, decoded text out, with the encoding named.

/// Decodes report bytes into text, detecting the encoding when it is not given.
public enum TextDecoder {
    /// Decodes `bytes` as `encoding`, or detects the encoding when it is nil.
    ///
    /// A byte-order mark always wins over detection. Throws ``DecodingError`` for bytes that are not
    /// valid in the requested encoding, or that are binary.
    public static func decode(_ bytes: [UInt8], encoding: TextEncoding? = nil) throws -> DecodedText {
        if let (marked, length) = UnicodeDecoding.byteOrderMark(bytes), encoding == nil || encoding == marked {
            return DecodedText(
                text: try decodeUnicode(bytes[length...], as: marked), encoding: marked, confidence: 1,
                hadByteOrderMark: true)
        }
        if let encoding {
            switch encoding {
            case .utf8, .utf16LE, .utf16BE:
                return DecodedText(
                    text: try decodeUnicode(bytes[...], as: encoding), encoding: encoding, confidence: 1,
                    hadByteOrderMark: false)
            default:
                return DecodedText(
                    text: try LegacyCodecs.decode(bytes, as: encoding), encoding: encoding, confidence: 1,
                    hadByteOrderMark: false)
            }
        }
        return try EncodingDetector.detect(bytes)
    }

    static func decodeUnicode(_ bytes: ArraySlice<UInt8>, as encoding: TextEncoding) throws -> String {
        switch encoding {
        case .utf16LE: return try UnicodeDecoding.decodeUTF16(bytes, bigEndian: false)
        case .utf16BE: return try UnicodeDecoding.decodeUTF16(bytes, bigEndian: true)
        default: return try UnicodeDecoding.decodeUTF8(bytes)
        }
    }
}
