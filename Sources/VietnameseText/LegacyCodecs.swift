// VietnameseText: decoding. The 8-bit Vietnamese encodings (to be filled by the legacy-codec work).

enum LegacyCodecs {
    static func decode(_ bytes: [UInt8], as encoding: TextEncoding) throws -> String {
        throw DecodingError.invalidBytes(encoding: encoding, offset: 0, line: 1)
    }
}
