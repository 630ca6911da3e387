// ComplianceEngine: excerpts. The short quotation of report text that a finding or an evidence line carries.

/// Shortens report text to the quotation shown with a finding or an evidence line: its line breaks
/// become one space, and past about 160 characters it is cut at a space and ends in " …".
enum Excerpt {
    /// Characters of the text read at most: a sentence may be a megabyte long (a text without full stops).
    static let openingLength = 640
    /// Characters an excerpt keeps before it is cut.
    static let length = 160

    /// The excerpt of `text`.
    static func of(_ text: Substring) -> String {
        bytewise(text) ?? characterwise(text)
    }

    /// The excerpt counted in characters (grapheme clusters): the definition, for any text.
    static func characterwise(_ text: Substring) -> String {
        let opening = text.prefix(openingLength)
        let flat = opening.split(whereSeparator: \.isNewline).joined(separator: " ")
        guard flat.count > length else { return opening.endIndex < text.endIndex ? flat + " …" : flat }
        let cut = flat.prefix(length)
        let end = cut.lastIndex(of: " ") ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }

    /// The same excerpt read from UTF-8 bytes, for text whose every scalar is a character of its own
    /// (ASCII, Latin letters with and without Vietnamese marks, common punctuation) and whose line
    /// breaks are "\n", vertical tab or form feed; `nil` for any other text, which
    /// ``characterwise(_:)`` reads.
    static func bytewise(_ text: Substring) -> String? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            var flat: [UInt8] = []
            flat.reserveCapacity(min(bytes.count, 4 * length) + 1)
            var characters = 0  // characters of the text read
            var flatCount = 0  // characters of the flattened opening
            var lastSpace: Int?  // byte offset in the flattened opening of its last space
            var pendingBreak = false
            // Text between line breaks is copied a stretch at a time: `bytes[copyFrom..<index]` is
            // the flattened opening's end, not yet in `flat`.
            var copyFrom = 0
            var index = 0
            while index < bytes.count, characters < openingLength {
                guard let width = ownCharacterWidth(bytes, at: index) else { return nil }
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0B || byte == 0x0C {
                    // A run of line breaks between two stretches of text becomes one space; at the ends, nothing.
                    flat.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copyFrom..<index]))
                    characters += 1
                    index += 1
                    copyFrom = index
                    pendingBreak = flatCount > 0
                    continue
                }
                if pendingBreak {
                    pendingBreak = false
                    flatCount += 1
                    if flatCount > length { break }
                    lastSpace = flat.count
                    flat.append(0x20)
                }
                flatCount += 1
                if flatCount > length { break }
                if byte == 0x20 { lastSpace = flat.count + index - copyFrom }
                characters += 1
                index += width
            }
            flat.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copyFrom..<index]))
            if flatCount > length {
                return String(decoding: flat[..<(lastSpace ?? flat.count)], as: UTF8.self) + " …"
            }
            // The opening ends here only if what follows cannot join its last character.
            if index < bytes.count, ownCharacterWidth(bytes, at: index) == nil { return nil }
            let flatText = String(decoding: flat, as: UTF8.self)
            return index < bytes.count ? flatText + " …" : flatText
        } ?? nil
    }

    /// The byte length of the character at `index` when it is a scalar of its own that no scalar
    /// after it joins (a line break "\n", vertical tab or form feed, other ASCII, U+0080–U+02FF but
    /// the next-line control, U+1E00–U+1EFF, U+2010–U+2027, U+2030–U+203F); `nil` otherwise.
    private static func ownCharacterWidth(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int? {
        let byte = bytes[index]
        let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : 3
        guard index + width <= bytes.count else { return nil }
        switch byte {
        case 0x0D: return nil  // "\r\n" is one character
        case ..<0x80: return 1
        case 0xC2 where bytes[index + 1] == 0x85: return nil  // next line (U+0085), a line break
        case 0xC2...0xCB: return 2
        case 0xE1 where (0xB8...0xBB).contains(bytes[index + 1]): return 3
        case 0xE2 where bytes[index + 1] == 0x80 && ((0x90...0xA7).contains(bytes[index + 2]) || bytes[index + 2] >= 0xB0):
            return 3  // dashes, quotes, bullets, ellipsis, per mille
        default: return nil
        }
    }
}
