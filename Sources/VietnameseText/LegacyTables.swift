// VietnameseText: decoding. The byte tables of Windows-1252/1258, TCVN3 (VN3), VNI-Windows and VISCII, and the Vietnamese letter grid they share.

/// The Vietnamese vowel letters as a grid: a row per base vowel (a ă â e ê i o ô ơ u ư y, then the
/// same in upper case), a column per tone (none, grave, hook, tilde, acute, dot below).
enum VietnameseLetters {
    /// Tones in column order.
    static let toneCount = 6
    /// The combining mark of each tone column (0 for "no tone").
    static let toneMarks: [UInt32] = [0, 0x300, 0x309, 0x303, 0x301, 0x323]

    /// The shape a base vowel carries besides its tone.
    enum Shape: Int { case plain, circumflex, breve, horn }

    /// Row of the grid: the ASCII vowel it is built on and its shape.
    struct Row {
        let ascii: UInt8
        let shape: Shape
        let upper: Bool
        let letters: [UInt32]
    }

    private static let lowerRows: [(String, UInt8, Shape)] = [
        ("aàảãáạ", 0x61, .plain), ("ăằẳẵắặ", 0x61, .breve), ("âầẩẫấậ", 0x61, .circumflex),
        ("eèẻẽéẹ", 0x65, .plain), ("êềểễếệ", 0x65, .circumflex), ("iìỉĩíị", 0x69, .plain),
        ("oòỏõóọ", 0x6F, .plain), ("ôồổỗốộ", 0x6F, .circumflex), ("ơờởỡớợ", 0x6F, .horn),
        ("uùủũúụ", 0x75, .plain), ("ưừửữứự", 0x75, .horn), ("yỳỷỹýỵ", 0x79, .plain),
    ]
    private static let upperRows: [String] = [
        "AÀẢÃÁẠ", "ĂẰẲẴẮẶ", "ÂẦẨẪẤẬ", "EÈẺẼÉẸ", "ÊỀỂỄẾỆ", "IÌỈĨÍỊ",
        "OÒỎÕÓỌ", "ÔỒỔỖỐỘ", "ƠỜỞỠỚỢ", "UÙỦŨÚỤ", "ƯỪỬỮỨỰ", "YỲỶỸÝỴ",
    ]

    /// All 24 rows, lower case first.
    static let rows: [Row] = {
        var rows: [Row] = []
        for (text, ascii, shape) in lowerRows {
            rows.append(Row(ascii: ascii, shape: shape, upper: false, letters: text.unicodeScalars.map(\.value)))
        }
        for (index, text) in upperRows.enumerated() {
            let (_, ascii, shape) = lowerRows[index]
            rows.append(Row(ascii: ascii - 0x20, shape: shape, upper: true, letters: text.unicodeScalars.map(\.value)))
        }
        return rows
    }()

    /// Where a precomposed vowel letter sits in the grid.
    struct Place: Equatable {
        let row: Int
        let tone: Int
    }

    /// Scalar value -> place in the grid.
    static let places: [UInt32: Place] = {
        var places: [UInt32: Place] = [:]
        for (rowIndex, row) in rows.enumerated() {
            for (tone, letter) in row.letters.enumerated() { places[letter] = Place(row: rowIndex, tone: tone) }
        }
        return places
    }()

    /// The row of a base vowel with the given ASCII letter and shape, in the given case.
    static func row(ascii: UInt8, shape: Shape) -> Int? {
        rows.firstIndex { $0.ascii == ascii && $0.shape == shape }
    }

    /// The letter at `row`, `tone`.
    static func letter(row: Int, tone: Int) -> UInt32 { rows[row].letters[tone] }

    /// The tone column of a combining tone mark, or nil.
    static func tone(ofMark mark: UInt32) -> Int? {
        switch mark {
        case 0x300: return 1
        case 0x309: return 2
        case 0x303: return 3
        case 0x301: return 4
        case 0x323: return 5
        default: return nil
        }
    }

    /// The shape a combining mark gives a base vowel (circumflex, breve, horn), or nil.
    static func shape(ofMark mark: UInt32) -> Shape? {
        switch mark {
        case 0x302: return .circumflex
        case 0x306: return .breve
        case 0x31B: return .horn
        default: return nil
        }
    }

    /// Composes a vowel letter with a combining tone mark (or shape mark), or nil when they do not
    /// make a Vietnamese letter.
    static func compose(_ base: UInt32, _ mark: UInt32) -> UInt32? {
        guard let place = places[base] else { return nil }
        if let tone = tone(ofMark: mark) {
            guard place.tone == 0 else { return nil }
            return letter(row: place.row, tone: tone)
        }
        if let shape = shape(ofMark: mark) {
            let row = rows[place.row]
            guard row.shape == .plain,
                let target = rows.firstIndex(where: { $0.ascii == row.ascii && $0.shape == shape })
            else { return nil }
            return letter(row: target, tone: place.tone)
        }
        return nil
    }
}

/// The single-byte tables: for each byte, the Unicode scalar value it stands for (0: unassigned).
enum LegacyTables {
    /// Windows-1252 bytes 0x80...0x9F (0: unassigned). 0xA0...0xFF are Latin-1.
    static let cp1252C1: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Windows-1252: ASCII, the C1 punctuation above, Latin-1.
    static let windows1252: [UInt32] = {
        var table = (0..<256).map { UInt32($0) }
        for index in 0..<32 { table[0x80 + index] = cp1252C1[index] }
        return table
    }()

    /// Windows-1258: Windows-1252 with Vietnamese letters and five combining tone marks.
    static let windows1258: [UInt32] = {
        var table = windows1252
        for byte in [0x8A, 0x8E, 0x9A, 0x9E] { table[byte] = 0 }
        let changes: [(Int, UInt32)] = [
            (0xC3, 0x102), (0xCC, 0x300), (0xD0, 0x110), (0xD2, 0x309), (0xD5, 0x1A0), (0xDD, 0x1AF),
            (0xDE, 0x303), (0xE3, 0x103), (0xEC, 0x301), (0xF0, 0x111), (0xF2, 0x323), (0xF5, 0x1A1),
            (0xFD, 0x1B0), (0xFE, 0x20AB),
        ]
        for (byte, scalar) in changes { table[byte] = scalar }
        return table
    }()

    /// TCVN 5712:1993 VN3 (ABC, .VnTime), read leniently: 0x80...0x9F as the Windows-1252
    /// punctuation these font-encoded documents carry, and the VN2 capitals and combining marks
    /// in the positions VN3 leaves empty.
    static let tcvn3: [UInt32] = {
        var table = windows1252
        for byte in 0xA0...0xFF { table[byte] = 0 }
        let high: [UInt32] = [
            // 0xA0: NBSP, then the seven bare capitals and seven bare small letters
            0x00A0, 0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110,
            0x0103, 0x00E2, 0x00EA, 0x00F4, 0x01A1, 0x01B0, 0x0111, 0x1EB0,
            // 0xB0: VN2 combining marks, then à ả ã á ạ, VN2 Ẳ, ằ ẳ ẵ ắ, VN2 Ẵ
            0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00E0, 0x1EA3, 0x00E3,
            0x00E1, 0x1EA1, 0x1EB2, 0x1EB1, 0x1EB3, 0x1EB5, 0x1EAF, 0x1EB4,
            // 0xC0: VN2 Ắ Ầ Ẩ Ẫ Ấ Ề, ặ, ầ ẩ ẫ ấ ậ, è, VN2 Ể, ẻ ẽ
            0x1EAE, 0x1EA6, 0x1EA8, 0x1EAA, 0x1EA4, 0x1EC0, 0x1EB7, 0x1EA7,
            0x1EA9, 0x1EAB, 0x1EA5, 0x1EAD, 0x00E8, 0x1EC2, 0x1EBB, 0x1EBD,
            // 0xD0: é ẹ, ề ể ễ ế ệ, ì ỉ, VN2 Ễ Ế Ồ, ĩ í ị ò
            0x00E9, 0x1EB9, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EBF, 0x1EC7, 0x00EC,
            0x1EC9, 0x1EC4, 0x1EBE, 0x1ED2, 0x0129, 0x00ED, 0x1ECB, 0x00F2,
            // 0xE0: VN2 Ổ, ỏ õ ó ọ, ồ ổ ỗ ố ộ, ờ ở ỡ ớ ợ, ù
            0x1ED4, 0x1ECF, 0x00F5, 0x00F3, 0x1ECD, 0x1ED3, 0x1ED5, 0x1ED7,
            0x1ED1, 0x1ED9, 0x1EDD, 0x1EDF, 0x1EE1, 0x1EDB, 0x1EE3, 0x00F9,
            // 0xF0: VN2 Ỗ, ủ ũ ú ụ, ừ ử ữ ứ ự, ỳ ỷ ỹ ý ỵ, VN2 Ố
            0x1ED6, 0x1EE7, 0x0169, 0x00FA, 0x1EE5, 0x1EEB, 0x1EED, 0x1EEF,
            0x1EE9, 0x1EF1, 0x1EF3, 0x1EF7, 0x1EF9, 0x00FD, 0x1EF5, 0x1ED0,
        ]
        for (index, scalar) in high.enumerated() { table[0xA0 + index] = scalar }
        return table
    }()

    /// The bytes of ``tcvn3`` that strict VN3 assigns (the rest are decoded, never written).
    static func isStrictTCVN3(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x00...0x7F, 0xA0...0xAE, 0xB5...0xB9, 0xBB...0xBE, 0xC6...0xCC, 0xCE...0xD8, 0xDC...0xDF,
            0xE1...0xEF, 0xF1...0xFE:
            return true
        default:
            return false
        }
    }

    /// VISCII (RFC 1456): ASCII with six capitals in C0 positions and 128 letters above 0x7F.
    static let viscii: [UInt32] = {
        var table = (0..<256).map { UInt32($0) }
        for (byte, scalar) in [(0x02, 0x1EB2), (0x05, 0x1EB4), (0x06, 0x1EAA), (0x14, 0x1EF6), (0x19, 0x1EF8), (0x1E, 0x1EF4)] {
            table[byte] = UInt32(scalar)
        }
        let high: [UInt32] = [
            0x1EA0, 0x1EAE, 0x1EB0, 0x1EB6, 0x1EA4, 0x1EA6, 0x1EA8, 0x1EAC,  // 0x80
            0x1EBC, 0x1EB8, 0x1EBE, 0x1EC0, 0x1EC2, 0x1EC4, 0x1EC6, 0x1ED0,
            0x1ED2, 0x1ED4, 0x1ED6, 0x1ED8, 0x1EE2, 0x1EDA, 0x1EDC, 0x1EDE,  // 0x90
            0x1ECA, 0x1ECE, 0x1ECC, 0x1EC8, 0x1EE6, 0x0168, 0x1EE4, 0x1EF2,
            0x00D5, 0x1EAF, 0x1EB1, 0x1EB7, 0x1EA5, 0x1EA7, 0x1EA9, 0x1EAD,  // 0xA0
            0x1EBD, 0x1EB9, 0x1EBF, 0x1EC1, 0x1EC3, 0x1EC5, 0x1EC7, 0x1ED1,
            0x1ED3, 0x1ED5, 0x1ED7, 0x1EE0, 0x01A0, 0x1ED9, 0x1EDD, 0x1EDF,  // 0xB0
            0x1ECB, 0x1EF0, 0x1EE8, 0x1EEA, 0x1EEC, 0x01A1, 0x1EDB, 0x01AF,
            0x00C0, 0x00C1, 0x00C2, 0x00C3, 0x1EA2, 0x0102, 0x1EB3, 0x1EB5,  // 0xC0
            0x00C8, 0x00C9, 0x00CA, 0x1EBA, 0x00CC, 0x00CD, 0x0128, 0x1EF3,
            0x0110, 0x1EE9, 0x00D2, 0x00D3, 0x00D4, 0x1EA1, 0x1EF7, 0x1EEB,  // 0xD0
            0x1EED, 0x00D9, 0x00DA, 0x1EF9, 0x1EF5, 0x00DD, 0x1EE1, 0x01B0,
            0x00E0, 0x00E1, 0x00E2, 0x00E3, 0x1EA3, 0x0103, 0x1EEF, 0x1EAB,  // 0xE0
            0x00E8, 0x00E9, 0x00EA, 0x1EBB, 0x00EC, 0x00ED, 0x0129, 0x1EC9,
            0x0111, 0x1EF1, 0x00F2, 0x00F3, 0x00F4, 0x00F5, 0x1ECF, 0x1ECD,  // 0xF0
            0x1EE5, 0x00F9, 0x00FA, 0x0169, 0x1EE7, 0x00FD, 0x1EE3, 0x1EEE,
        ]
        for (index, scalar) in high.enumerated() { table[0x80 + index] = scalar }
        return table
    }()

    /// Scalar value -> byte, for a table (first byte wins; unassigned entries skipped).
    static func inverse(_ table: [UInt32], only keep: (UInt8) -> Bool = { _ in true }) -> [UInt32: UInt8] {
        var inverse: [UInt32: UInt8] = [:]
        for byte in 0..<256 where table[byte] != 0 || byte == 0 {
            if keep(UInt8(byte)), inverse[table[byte]] == nil { inverse[table[byte]] = UInt8(byte) }
        }
        return inverse
    }

    static let windows1252Inverse = inverse(windows1252)
    static let windows1258Inverse = inverse(windows1258)
    static let tcvn3Inverse = inverse(tcvn3, only: isStrictTCVN3)
    static let visciiInverse = inverse(viscii)
}

/// VNI-Windows: a Windows-1252 byte stream where some letters are single bytes and the marks of
/// the others are modifier bytes written after the base vowel.
enum VNITables {
    /// A modifier byte: the shape and tone it adds (tone 0: none) and whether it is the capital form.
    struct Modifier {
        let shape: VietnameseLetters.Shape
        let tone: Int
    }

    /// Modifier bytes, lower-case form (the capital form is listed in ``upperModifiers``).
    static let lowerModifiers: [UInt8: Modifier] = [
        0xF8: Modifier(shape: .plain, tone: 1), 0xFB: Modifier(shape: .plain, tone: 2),
        0xF5: Modifier(shape: .plain, tone: 3), 0xF9: Modifier(shape: .plain, tone: 4),
        0xEF: Modifier(shape: .plain, tone: 5),
        0xE2: Modifier(shape: .circumflex, tone: 0), 0xE0: Modifier(shape: .circumflex, tone: 1),
        0xE5: Modifier(shape: .circumflex, tone: 2), 0xE3: Modifier(shape: .circumflex, tone: 3),
        0xE1: Modifier(shape: .circumflex, tone: 4), 0xE4: Modifier(shape: .circumflex, tone: 5),
        0xEA: Modifier(shape: .breve, tone: 0), 0xE8: Modifier(shape: .breve, tone: 1),
        0xFA: Modifier(shape: .breve, tone: 2), 0xFC: Modifier(shape: .breve, tone: 3),
        0xE9: Modifier(shape: .breve, tone: 4), 0xEB: Modifier(shape: .breve, tone: 5),
    ]

    /// Modifier bytes, capital form: each is the lower-case byte minus 0x20.
    static let upperModifiers: [UInt8: Modifier] = {
        var table: [UInt8: Modifier] = [:]
        for (byte, modifier) in lowerModifiers { table[byte - 0x20] = modifier }
        return table
    }()

    /// Modifier lookup over all 256 bytes (nil: not a modifier).
    static let modifiers: [Modifier?] = (0..<256).map { byte in
        lowerModifiers[UInt8(byte)] ?? upperModifiers[UInt8(byte)]
    }

    /// Letters written as one byte: đ Đ ơ Ơ ư Ư, i with its tones, ỵ Ỵ.
    static let singleLetters: [UInt8: UInt32] = [
        0xF1: 0x111, 0xD1: 0x110, 0xF4: 0x1A1, 0xD4: 0x1A0, 0xF6: 0x1B0, 0xD6: 0x1AF,
        0xEC: 0xEC, 0xED: 0xED, 0xE6: 0x1EC9, 0xF3: 0x129, 0xF2: 0x1ECB,
        0xCC: 0xCC, 0xCD: 0xCD, 0xC6: 0x1EC8, 0xD3: 0x128, 0xD2: 0x1ECA,
        0xEE: 0x1EF5, 0xCE: 0x1EF4,
    ]

    /// What each byte is on its own: a single-byte letter, else its Windows-1252 character.
    static let base: [UInt32] = (0..<256).map { byte in
        singleLetters[UInt8(byte)] ?? LegacyTables.windows1252[byte]
    }

    /// Scalar value -> single byte, for writing.
    static let singleInverse: [UInt32: UInt8] = {
        var inverse: [UInt32: UInt8] = [:]
        for (byte, scalar) in singleLetters { inverse[scalar] = byte }
        return inverse
    }()

    /// The modifier byte for a shape and tone, in the given case.
    static func modifierByte(shape: VietnameseLetters.Shape, tone: Int, upper: Bool) -> UInt8? {
        for (byte, modifier) in lowerModifiers where modifier.shape == shape && modifier.tone == tone {
            return upper ? byte - 0x20 : byte
        }
        return nil
    }
}
