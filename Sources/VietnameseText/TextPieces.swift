// VietnameseText: pieces of normalised text. Finds and trims short pieces by bytes and scalars, without Foundation.
import Glibc

extension String {
    /// The byte offset at which the UTF-8 of `piece` first occurs in this text, at or after byte
    /// `start`, or `nil`. Both are taken as normalised (NFC) text, where this finds what Foundation's
    /// canonical `range(of:)` finds, at a small part of its cost.
    package func byteOffset(of piece: String, from start: Int = 0) -> Int? {
        var text = self, piece = piece
        return text.withUTF8 { haystack in piece.withUTF8 { haystack.firstOffset(of: $0, from: start) } }
    }

    /// Whether the UTF-8 of `piece` occurs in this text (see ``byteOffset(of:from:)``).
    package func holds(_ piece: String) -> Bool {
        byteOffset(of: piece) != nil
    }

    /// This text without the tabs, space separators (Unicode Zs) and zero-width spaces at its ends:
    /// what Foundation's `trimmingCharacters(in: .whitespaces)` removes, scalar by scalar.
    package func trimmingSpaces() -> Substring {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isTrimmedSpace }),
            let last = scalars.lastIndex(where: { !$0.isTrimmedSpace })
        else { return "" }
        return Substring(scalars[first...last])
    }
}

extension Unicode.Scalar {
    /// A tab, a space separator (Unicode Zs) or the zero-width space: the scalars of Foundation's
    /// `.whitespaces` (its Linux build counts U+200B among them).
    fileprivate var isTrimmedSpace: Bool {
        self == "\t" || self == " " || value >= 0x80 && (value == 0x200B || properties.generalCategory == .spaceSeparator)
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// The offset of the first `byte` at or after `start`, or `nil`: one `memchr`.
    package func firstOffset(of byte: UInt8, from start: Int = 0) -> Int? {
        guard start >= 0, start < count, let base = baseAddress,
            let found = memchr(base + start, Int32(byte), count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first occurrence of the bytes `piece` at or after `start`, or `nil`:
    /// each place `memchr` finds its first byte, then `memcmp` for the rest.
    package func firstOffset(of piece: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        guard start >= 0, start <= count else { return nil }
        guard let base = baseAddress, let first = piece.first, let wanted = piece.baseAddress else { return piece.isEmpty ? start : nil }
        var offset = start
        while count - offset >= piece.count, let found = memchr(base + offset, Int32(first), count - offset - piece.count + 1) {
            offset = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + offset, wanted, piece.count) == 0 { return offset }
            offset += 1
        }
        return nil
    }
}
