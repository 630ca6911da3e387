// VietnameseText: decoding. The 8-bit Vietnamese encodings: decoding into precomposed text and writing text back.

/// Why text could not be written in a legacy encoding.
public enum LegacyEncodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `character` (at UTF-8 byte `offset` of the text) has no representation in `encoding`.
    case unrepresentable(character: String, offset: Int, encoding: TextEncoding)
    /// `encoding` is a Unicode encoding, not one of the legacy 8-bit ones.
    case notLegacy(TextEncoding)

    /// What went wrong and what to do, for messages.
    public var description: String {
        switch self {
        case let .unrepresentable(character, offset, encoding):
            let code = character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
            return "cannot write '\(character)' (\(code.joined(separator: " "))) at byte \(offset) in \(encoding.rawValue)"
                + "; choose utf-8 or replace the character"
        case let .notLegacy(encoding):
            return "\(encoding.rawValue) is not a legacy 8-bit encoding; use String.utf8 or TextDecoder"
        }
    }
}

/// Decoding and encoding of Windows-1258, TCVN3 (VN3), VNI-Windows and VISCII.
///
/// Decoded text is precomposed: a base vowel followed by tone bytes (Windows-1258, the VN2 marks
/// TCVN3 readers meet) or modifier bytes (VNI) becomes one precomposed letter, so Vietnamese
/// letters come out in NFC. Line breaks are kept as they are.
public enum LegacyCodecs {
    /// Decodes `bytes` as the legacy `encoding`.
    ///
    /// Throws ``DecodingError/invalidBytes(encoding:offset:line:)`` at the first byte the encoding
    /// does not assign, and ``LegacyEncodingError/notLegacy(_:)`` for a Unicode encoding.
    public static func decode(_ bytes: [UInt8], as encoding: TextEncoding) throws -> String {
        switch encoding {
        case .windows1258: return try decodeSingleByte(bytes, table: LegacyTables.windows1258, encoding: encoding)
        case .tcvn3: return restoreCapitals(try decodeSingleByte(bytes, table: LegacyTables.tcvn3, encoding: encoding))
        case .viscii: return try decodeSingleByte(bytes, table: LegacyTables.viscii, encoding: encoding)
        case .vni: return try decodeVNI(bytes)
        case .utf8, .utf16LE, .utf16BE: throw LegacyEncodingError.notLegacy(encoding)
        }
    }

    /// Encodes `text` in the legacy `encoding`.
    ///
    /// Letters are written the way the encoding writes them (precomposed where it has the letter,
    /// base plus tone byte in Windows-1258, base plus modifiers in VNI); decomposed input is
    /// composed first. Throws ``LegacyEncodingError/unrepresentable(character:offset:encoding:)``
    /// naming the first character the encoding has no bytes for (TCVN3 has no capitals with tones).
    public static func encode(_ text: String, as encoding: TextEncoding) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var offset = 0
        while index < scalars.count {
            var value = scalars[index].value
            var width = UTF8.width(scalars[index])
            let start = offset
            let first = index
            // Fold following combining marks into a precomposed letter where one exists.
            while index + 1 < scalars.count, let composed = VietnameseLetters.compose(value, scalars[index + 1].value) {
                value = composed
                index += 1
                width += UTF8.width(scalars[index])
            }
            offset += width
            index += 1
            // ASCII is written as is, except the six C0 controls VISCII spends on capitals.
            if value < 0x80 && !(encoding == .viscii && LegacyTables.viscii[Int(value)] != value) {
                output.append(UInt8(value))
                continue
            }
            let written: Bool
            switch encoding {
            case .windows1258: written = encodeWindows1258(value, into: &output)
            case .tcvn3: written = append(LegacyTables.tcvn3Inverse[value], to: &output)
            case .viscii: written = append(LegacyTables.visciiInverse[value], to: &output)
            case .vni: written = encodeVNI(value, into: &output)
            case .utf8, .utf16LE, .utf16BE: throw LegacyEncodingError.notLegacy(encoding)
            }
            if !written {
                var character = String.UnicodeScalarView()
                character.append(contentsOf: scalars[first..<index])
                throw LegacyEncodingError.unrepresentable(
                    character: String(character), offset: start, encoding: encoding)
            }
        }
        return output
    }

    // MARK: - Writing

    private static func append(_ byte: UInt8?, to output: inout [UInt8]) -> Bool {
        guard let byte else { return false }
        output.append(byte)
        return true
    }

    private static func encodeWindows1258(_ value: UInt32, into output: inout [UInt8]) -> Bool {
        let inverse = LegacyTables.windows1258Inverse
        if let byte = inverse[value] {
            output.append(byte)
            return true
        }
        guard let place = VietnameseLetters.places[value], place.tone > 0,
            let base = inverse[VietnameseLetters.letter(row: place.row, tone: 0)],
            let mark = inverse[VietnameseLetters.toneMarks[place.tone]]
        else { return false }
        output.append(base)
        output.append(mark)
        return true
    }

    private static func encodeVNI(_ value: UInt32, into output: inout [UInt8]) -> Bool {
        if let byte = VNITables.singleInverse[value] {
            output.append(byte)
            return true
        }
        if let place = VietnameseLetters.places[value] {
            let row = VietnameseLetters.rows[place.row]
            switch row.shape {
            case .plain:
                output.append(row.ascii)
                if place.tone > 0 {
                    guard let modifier = VNITables.modifierByte(shape: .plain, tone: place.tone, upper: row.upper)
                    else { return false }
                    output.append(modifier)
                }
            case .horn:
                guard let base = VNITables.singleInverse[row.letters[0]] else { return false }
                output.append(base)
                if place.tone > 0 {
                    guard let modifier = VNITables.modifierByte(shape: .plain, tone: place.tone, upper: row.upper)
                    else { return false }
                    output.append(modifier)
                }
            case .circumflex, .breve:
                guard let modifier = VNITables.modifierByte(shape: row.shape, tone: place.tone, upper: row.upper)
                else { return false }
                output.append(row.ascii)
                output.append(modifier)
            }
            return true
        }
        // Other Windows-1252 characters, unless their byte means a modifier or a letter in VNI.
        guard let byte = LegacyTables.windows1252Inverse[value], VNITables.modifiers[Int(byte)] == nil,
            VNITables.singleLetters[byte] == nil
        else { return false }
        output.append(byte)
        return true
    }

    // MARK: - Reading

    /// Decodes with a 256-entry table, composing a vowel with a following combining tone mark.
    /// TCVN3 has no code points for capitals with a tone: documents set in .VnTimeH show the lower-case
    /// letters as capitals ("BáO CáO", "PHầN THứ NHấT"). A word with at least two capitals whose
    /// other letters are all marked lower-case vowels or đ is such a word: it is written in capitals.
    /// Capitals and lower-case letters have the same UTF-8 length here, so offsets do not move.
    static func restoreCapitals(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output: String.UnicodeScalarView?
        var copied = 0
        var index = 0
        func isLetter(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A : scalar.properties.isAlphabetic
        }
        func isCapital(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? scalar.value >= 0x41 && scalar.value <= 0x5A : scalar.properties.isUppercase
        }
        while index < scalars.count {
            guard isLetter(scalars[index]) else { index += 1; continue }
            var end = index
            var capitals = 0, others = 0
            var othersMarked = true
            while end < scalars.count, isLetter(scalars[end]) {
                if isCapital(scalars[end]) {
                    capitals += 1
                } else {
                    others += 1
                    if scalars[end].isASCII { othersMarked = false }
                }
                end += 1
            }
            if capitals >= 2, others > 0, othersMarked {
                if output == nil { output = String.UnicodeScalarView() }
                output!.append(contentsOf: scalars[copied..<index])
                for scalar in scalars[index..<end] {
                    let upper = scalar.properties.uppercaseMapping.unicodeScalars
                    // Only one-for-one capitals of the same UTF-8 length, so offsets do not move.
                    if upper.count == 1, let capital = upper.first, UTF8.width(capital) == UTF8.width(scalar) {
                        output!.append(capital)
                    } else {
                        output!.append(scalar)
                    }
                }
                copied = end
            }
            index = end
        }
        guard var output else { return text }
        output.append(contentsOf: scalars[copied...])
        return String(output)
    }

    static func decodeSingleByte(_ bytes: [UInt8], table: [UInt32], encoding: TextEncoding) throws -> String {
        try bytes.withUnsafeBufferPointer { input in
            try table.withUnsafeBufferPointer { table in
                try withOutput(capacity: input.count * 3) { output in
                    var writer = UTF8Writer(base: output)
                    var pending: UInt32 = 0
                    var hasPending = false
                    for index in 0..<input.count {
                        let byte = input[index]
                        let scalar = table[Int(byte)]
                        if scalar == 0 && byte != 0 {
                            throw DecodingError.invalidBytes(
                                encoding: encoding, offset: index,
                                line: UnicodeDecoding.lineNumber(of: index, in: bytes[...]))
                        }
                        if scalar >= 0x300 && scalar <= 0x323 && hasPending,
                            let composed = VietnameseLetters.compose(pending, scalar)
                        {
                            pending = composed
                            continue
                        }
                        if hasPending { writer.write(pending) }
                        pending = scalar
                        hasPending = true
                    }
                    if hasPending { writer.write(pending) }
                    return writer.count
                }
            }
        }
    }

    /// Decodes VNI-Windows: each vowel takes up to two following modifier bytes.
    static func decodeVNI(_ bytes: [UInt8]) throws -> String {
        try bytes.withUnsafeBufferPointer { input in
            try VNITables.base.withUnsafeBufferPointer { base in
                try VNITables.modifiers.withUnsafeBufferPointer { modifiers in
                    try withOutput(capacity: input.count * 3) { output in
                        var writer = UTF8Writer(base: output)
                        var index = 0
                        while index < input.count {
                            let (scalar, length) = readVNI(input, at: index, base: base, modifiers: modifiers)
                            if scalar == 0 && input[index] != 0 {
                                throw DecodingError.invalidBytes(
                                    encoding: .vni, offset: index,
                                    line: UnicodeDecoding.lineNumber(of: index, in: bytes[...]))
                            }
                            writer.write(scalar)
                            index += length
                        }
                        return writer.count
                    }
                }
            }
        }
    }

    /// Reads one VNI character at `start`: a byte, or a vowel and the modifiers it takes.
    /// Returns scalar 0 for a byte VNI leaves unassigned.
    @inline(__always)
    static func readVNI(
        _ input: UnsafeBufferPointer<UInt8>, at start: Int, base: UnsafeBufferPointer<UInt32>,
        modifiers: UnsafeBufferPointer<VNITables.Modifier?>
    ) -> (scalar: UInt32, length: Int) {
        let byte = input[start]
        let scalar = base[Int(byte)]
        if scalar < 0x80 && !isVowel(UInt8(scalar)) { return (scalar, 1) }
        guard var place = VietnameseLetters.places[scalar] else { return (scalar, 1) }
        var index = start + 1
        while index - start < 3, index < input.count, let modifier = modifiers[Int(input[index])],
            let next = apply(modifier, to: place)
        {
            place = next
            index += 1
        }
        return (VietnameseLetters.letter(row: place.row, tone: place.tone), index - start)
    }

    private static func isVowel(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: return true
        default: return false
        }
    }

    /// A VNI modifier applied to a vowel, or nil when it does not fit (tone already set, wrong base).
    private static func apply(_ modifier: VNITables.Modifier, to place: VietnameseLetters.Place) -> VietnameseLetters.Place? {
        let row = VietnameseLetters.rows[place.row]
        var target = place.row
        if modifier.shape != .plain {
            guard row.shape == .plain, place.tone == 0, modifier.shape != .horn else { return nil }
            let lower = row.ascii | 0x20
            guard modifier.shape == .circumflex ? (lower == 0x61 || lower == 0x65 || lower == 0x6F) : lower == 0x61,
                let shaped = VietnameseLetters.rows.firstIndex(where: {
                    $0.ascii == row.ascii && $0.shape == modifier.shape
                })
            else { return nil }
            target = shaped
        }
        if modifier.tone > 0 {
            guard place.tone == 0 else { return nil }
            return VietnameseLetters.Place(row: target, tone: modifier.tone)
        }
        return VietnameseLetters.Place(row: target, tone: place.tone)
    }

    /// Runs `body` over an uninitialised UTF-8 buffer and makes a string of the bytes it wrote.
    static func withOutput(
        capacity: Int, _ body: (UnsafeMutablePointer<UInt8>) throws -> Int
    ) throws -> String {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity, 1))
        defer { buffer.deallocate() }
        let count = try body(buffer)
        return String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
    }
}

/// Appends scalars as UTF-8 to a raw buffer large enough for them.
struct UTF8Writer {
    let base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0

    init(base: UnsafeMutablePointer<UInt8>) { self.base = base }

    mutating func write(_ scalar: UInt32) {
        if scalar < 0x80 {
            base[count] = UInt8(scalar)
            count += 1
        } else if scalar < 0x800 {
            base[count] = UInt8(0xC0 | (scalar >> 6))
            base[count + 1] = UInt8(0x80 | (scalar & 0x3F))
            count += 2
        } else {
            base[count] = UInt8(0xE0 | (scalar >> 12))
            base[count + 1] = UInt8(0x80 | ((scalar >> 6) & 0x3F))
            base[count + 2] = UInt8(0x80 | (scalar & 0x3F))
            count += 3
        }
    }
}
