// VietnameseText: decoding. Guesses the encoding of unmarked bytes (to be filled by the detection work).

enum EncodingDetector {
    static func detect(_ bytes: [UInt8]) throws -> DecodedText {
        DecodedText(text: try UnicodeDecoding.decodeUTF8(bytes[...]), encoding: .utf8, confidence: 1, hadByteOrderMark: false)
    }
}
