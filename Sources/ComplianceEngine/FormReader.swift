// ComplianceEngine: the administrative form. Finds issuing body, number, place and date, type, signature, recipients.
import DocumentReaders
import VietnameseText

/// Reads the administrative elements of a union document from its blocks.
///
/// Readers mark the header, signature and recipients blocks; where they could not (a plain text
/// report with an unusual layout), the first and last blocks are searched by their wording.
enum FormReader {
    static func read(blocks: [Block]) -> DocumentForm {
        let head = blocks.prefix(16)
        let headerLines = blocks.filter { $0.scope == .headerBlock }.flatMap(lines) + head.filter { $0.scope != .headerBlock }.flatMap(lines)
        let issuing = headerLines.prefix(8).filter(isIssuingBodyLine)
        let number = headerLines.first(where: isNumberLine)
        let placeDate = headerLines.first(where: isPlaceDateLine)
        let documentType = blocks.prefix(24).flatMap(lines).first {
            let trimmed = $0.trimmingSpaces()
            return trimmed.hasPrefix("BÁO CÁO") && isAllCapitals(trimmed)
        }
        let tailLines = blocks.suffix(24).flatMap(lines)
        let signatureLines = blocks.filter { $0.scope == .signature }.flatMap(lines)
            + (blocks.contains { $0.scope == .signature } ? [] : tailLines.filter(isSignatureLine))
        var recipients = blocks.filter { $0.scope == .recipients }.flatMap(lines)
        if recipients.isEmpty, let start = tailLines.firstIndex(where: isRecipientsHeading) {
            recipients = Array(tailLines[start...].prefix(12))
        }
        recipients = recipients.filter { !isRecipientsHeading($0) || $0.utf8.contains(0x2D) }
            .map { String($0.trimmingSpaces()) }.filter { !$0.isEmpty }
        return DocumentForm(
            issuingBody: issuing.isEmpty ? nil : issuing.prefix(2).joined(separator: " / "),
            numberSymbol: number,
            placeDate: placeDate,
            date: placeDate.flatMap { DateScanner.documentDate(in: withDateWordsMarked($0)) },
            documentType: documentType,
            signature: signatureLines.isEmpty ? nil : signatureLines.joined(separator: " / "),
            recipients: recipients)
    }

    /// The lines of a block that may be a line of the form: the issuing body, number, place and
    /// date, title, signature and recipients are short, and a long paragraph is none of them.
    private static func lines(_ block: Block) -> [String] {
        var text = block.text
        return text.withUTF8 { bytes in
            var lines: [String] = []
            var start = 0
            while start < bytes.count {
                let end = bytes.firstOffset(of: 0x0A, from: start) ?? bytes.count
                if end > start, end - start <= longestFormLine {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                start = end + 1
            }
            return lines
        }
    }

    /// Bytes of the longest line read as part of the form.
    static let longestFormLine = 300

    private static func isIssuingBodyLine(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        // The capitals test first: it stops at the first small letter, before the characters are counted.
        guard isAllCapitals(trimmed), trimmed.count >= 3, trimmed.contains(where: \.isLetter) else { return false }
        let folded = trimmed.lowercased()
        return !folded.hasPrefix("cộng hòa") && !folded.hasPrefix("cộng hoà") && !folded.hasPrefix("độc lập")
            && !folded.hasPrefix("báo cáo") && !folded.hasPrefix("số") && !folded.hasPrefix("kế hoạch")
            && !folded.holds("ngày")
    }

    /// Whether upper-casing leaves `text` as it is (`text.uppercased() == text`), asked of each
    /// scalar: the upper-cased copy cost most of the form's reading.
    static func isAllCapitals(_ text: Substring) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII ? !(0x61...0x7A).contains(scalar.value) : !scalar.properties.changesWhenUppercased
        }
    }

    private static func isNumberLine(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        return (trimmed.hasPrefix("Số") || trimmed.hasPrefix("SỐ")) && trimmed.utf8.contains(0x2F) && trimmed.count < 40
    }

    private static func isPlaceDateLine(_ line: String) -> Bool {
        // The cheap tests first: most header lines have no comma.
        guard line.utf8.contains(0x2C), line.count < 80 else { return false }
        let words = Set(withDateWordsMarked(line).lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init))
        return words.isSuperset(of: ["ngày", "tháng", "năm"])
    }

    /// The date words of a line typed without diacritics, marked ("ngay 18 thang 11 nam 2020" ->
    /// "ngày 18 tháng 11 năm 2020"), so that the date line of such a report is read like any other.
    static func withDateWordsMarked(_ line: String) -> String {
        let marked = ["ngay": "ngày", "thang": "tháng", "nam": "năm", "Ngay": "Ngày", "Thang": "Tháng", "Nam": "Năm"]
        var result = ""
        var current = ""
        for character in line {
            if character.isLetter {
                current.append(character)
            } else {
                result += marked[current] ?? current
                current = ""
                result.append(character)
            }
        }
        return result + (marked[current] ?? current)
    }

    private static func isSignatureLine(_ line: String) -> Bool {
        let trimmed = line.trimmingSpaces()
        return ["TM.", "T/M", "KT.", "TL.", "TUQ.", "CHỦ TỊCH", "PHÓ CHỦ TỊCH"].contains { trimmed.hasPrefix($0) }
    }

    private static func isRecipientsHeading(_ line: String) -> Bool {
        // The opening alone is lowercased: case mapping costs more than all the other tests.
        line.trimmingSpaces().prefix(recipientsHeading.count).lowercased() == recipientsHeading
    }

    private static let recipientsHeading = "nơi nhận"
}
