// DocumentReaders: legacy fonts. Recognises TCVN3/VNI font runs in Word and ODF files and converts their text.
import VietnameseText

/// Text typed with a legacy Vietnamese font: the characters are the encoding's bytes, shown through the font.
enum LegacyFontText {
    /// The encoding a font name implies, and whether the font shows only capitals (".VnTimeH").
    static func encoding(ofFont font: String?) -> (encoding: TextEncoding, capitals: Bool)? {
        guard let font, !font.isEmpty else { return nil }
        let lower = font.lowercased()
        if lower.hasPrefix(".vn") {
            // ".VnTimeH", ".VnArialH", ".VnCentury SchoolbookH": the capital-letter variants.
            return (.tcvn3, font.hasSuffix("H"))
        }
        if lower.hasPrefix("vni-") || lower.hasPrefix("vni ") { return (.vni, false) }
        return nil
    }

    /// The bytes a legacy-font run stands for: Word stores each byte as the Windows-1252 character (or a
    /// symbol-font private-use character F0xx). Nil when a character has no byte (the run is real Unicode).
    static func bytes(of text: [UInt8]) -> [UInt8]? {
        var result: [UInt8] = []
        result.reserveCapacity(text.count)
        for scalar in String(decoding: text, as: UTF8.self).unicodeScalars {
            let value = scalar.value
            if value <= 0xFF {
                result.append(UInt8(value))
            } else if (0xF000...0xF0FF).contains(value) {
                result.append(UInt8(value & 0xFF))
            } else if let byte = windows1252Inverse[value] {
                result.append(byte)
            } else {
                return nil
            }
        }
        return result
    }

    /// Converts a run's text typed in `font`; nil when it cannot be converted (the caller keeps the text
    /// and warns). This is the one place legacy-font runs are decoded, through ``TextDecoder``.
    static func convert(_ text: [UInt8], font: (encoding: TextEncoding, capitals: Bool)) -> [UInt8]? {
        guard let bytes = bytes(of: text) else { return nil }
        guard let decoded = try? TextDecoder.decode(bytes, encoding: font.encoding) else { return nil }
        let result = font.capitals ? decoded.text.uppercased() : decoded.text
        return Array(result.utf8)
    }

    /// Windows-1252 characters of bytes 0x80–0x9F, back to their bytes.
    static let windows1252Inverse: [UInt32: UInt8] = [
        0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
        0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
        0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
        0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
    ]
}
