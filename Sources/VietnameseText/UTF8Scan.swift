// VietnameseText: byte scanning. Small UTF-8 helpers shared by numbering, sentences and abbreviations.

/// Reads of single characters in UTF-8 bytes, for scanners that walk bytes and only decode
/// the scalar at a decision point (never per character over the whole text).
enum UTF8Scan {
    /// The scalar starting at byte `index` and its length in bytes, or `nil` at `end` or on a
    /// continuation byte. The bytes are valid UTF-8 (Swift string storage).
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> (Unicode.Scalar, Int)? {
        guard index < end else { return nil }
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0..<0xF8: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= end else { return nil }
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// The start of the scalar that ends right before byte `index` (index itself when at `start`).
    static func previousStart(_ bytes: UnsafeBufferPointer<UInt8>, before index: Int, start: Int) -> Int {
        var position = index - 1
        while position > start && bytes[position] & 0xC0 == 0x80 { position -= 1 }
        return max(position, start)
    }

    /// The length of horizontal white space (space, tab, no-break space, ideographic and
    /// typographic spaces) at `index`, 0 when there is none.
    static func horizontalSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Int {
        guard index < end else { return 0 }
        switch bytes[index] {
        case 0x20, 0x09: return 1
        case 0xC2 where index + 1 < end && bytes[index + 1] == 0xA0: return 2
        case 0xE2 where index + 2 < end && bytes[index + 1] == 0x80
            && (0x80...0x8B).contains(bytes[index + 2]): return 3
        case 0xE3 where index + 2 < end && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return 3
        default: return 0
        }
    }

    /// The first index at or after `index` that is not horizontal white space.
    static func skipHorizontalSpace(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, end: Int) -> Int {
        var position = index
        while true {
            let step = horizontalSpace(bytes, at: position, end: end)
            if step == 0 { return position }
            position += step
        }
    }

    /// Whether the byte at `index` is white space of any kind (horizontal or a line break).
    static func isSpace(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard index < end else { return false }
        let byte = bytes[index]
        return byte == 0x0A || byte == 0x0D || byte == 0x0B || byte == 0x0C
            || horizontalSpace(bytes, at: index, end: end) > 0
    }

    /// Whether the character at `index` is an upper-case letter ("A", "Đ", "Ư").
    static func isUppercaseLetter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard let (scalar, _) = scalar(bytes, at: index, end: end) else { return false }
        return scalar.properties.isUppercase && scalar.properties.isAlphabetic
    }

    /// Whether the character at `index` is a lower-case letter ("a", "đ", "ư").
    static func isLowercaseLetter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard let (scalar, _) = scalar(bytes, at: index, end: end) else { return false }
        return scalar.properties.isLowercase && scalar.properties.isAlphabetic
    }

    /// Whether the character at `index` is a letter or a digit.
    static func isWordCharacter(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, end: Int) -> Bool {
        guard index < end else { return false }
        let byte = bytes[index]
        if byte < 0x80 {
            return (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        guard let (scalar, _) = scalar(bytes, at: index, end: end) else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            || scalar.properties.generalCategory == .nonspacingMark
    }

    /// Whether `byte` is an ASCII digit.
    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
}
