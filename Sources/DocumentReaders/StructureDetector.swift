// DocumentReaders: structure. Finds the administrative header, title, headings, lists, signature and recipients.
import Foundation
import VietnameseText

/// Assigns scopes to a reader's blocks, the same way for text and Word formats.
///
/// In order: the administrative header (issuing body, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: ...",
/// "..., ngày ... tháng ... năm ...") at the top; the title ("BÁO CÁO" and its subject lines); the tail
/// ("Nơi nhận:" with its "- ...;" lines, and the signature block); then headings from numbering
/// (``Numbering``), bold or capitals, and list items from bullets. A layout table (the two-column
/// header or signature table of a Word file) is classified as a whole, never as table cells.
enum StructureDetector {
    /// How far into the document the header and title are looked for.
    static let headerWindow = 20
    /// How far from the end the signature and recipients are looked for.
    static let tailWindow = 30

    /// The blocks with their scopes. `headingsNeedEmphasis`: numbered or capitalised lines are headings
    /// only when bold or in capitals (Word and ODF, where plain numbered paragraphs are list items).
    static func assign(_ produced: consuming [ProducedBlock], headingsNeedEmphasis: Bool) -> [Block] {
        produced.removeAll { $0.text.isEmpty || Line.isDecorative($0.text) }
        var scopes: [BlockScope?] = Array(repeating: nil, count: produced.count)
        let texts = produced.map(\.text)

        // 1. Administrative header and title.
        let window = min(produced.count, headerWindow)
        var titleIndex: Int?
        for index in 0..<window where isTitleStart(produced[index]) {
            titleIndex = index
            break
        }
        let lastStrong = (0..<(titleIndex ?? window)).last { Line.isStrongHeader(texts[$0]) }
        if titleIndex != nil || lastStrong != nil {
            var index = 0
            let stop = titleIndex ?? window
            while index < stop {
                let text = texts[index]
                let headerLike = Line.isStrongHeader(text) || (Line.isShortCapitals(text) && Numbering.parse(line: text) == nil)
                if headerLike || index < (lastStrong ?? -1) || produced[index].raw.group != nil && index <= (lastStrong ?? -1) {
                    scopes[index] = .headerBlock
                } else {
                    break
                }
                index += 1
            }
            // A layout table that holds the header is header throughout.
            markGroups(of: .headerBlock, in: &scopes, produced)
        }
        if let title = titleIndex {
            scopes[title] = .title
            var index = title + 1
            var subjects = 0
            while index < produced.count, subjects < 3, isSubjectLine(produced[index], after: produced[index - 1]) {
                scopes[index] = .title
                subjects += 1
                index += 1
            }
        }

        // 2. The tail: "Nơi nhận" and the signature.
        let tailLimit = max(0, produced.count - tailWindow)
        var tailStart: Int?
        for index in stride(from: produced.count - 1, through: tailLimit, by: -1) where scopes[index] == nil {
            if Line.isRecipientsStart(texts[index]) || Line.isSignatureOpener(texts[index]) { tailStart = index }
        }
        if var start = tailStart {
            if let group = produced[start].raw.group {
                while start > 0, produced[start - 1].raw.group == group { start -= 1 }
            }
            var inRecipients = false
            for index in start..<produced.count where scopes[index] == nil {
                let text = texts[index]
                if Line.isRecipientsStart(text) {
                    scopes[index] = .recipients
                    inRecipients = true
                } else if inRecipients, Line.startsWithDash(text) {
                    scopes[index] = .recipients
                } else if Line.isSignatureLine(text) {
                    scopes[index] = .signature
                }
            }
        }

        // 3. Headings and list items.
        var ranks: [Int?] = Array(repeating: nil, count: produced.count)
        var listLevels: [Int] = Array(repeating: 0, count: produced.count)
        var usedRanks = Set<Int>()
        for index in produced.indices where scopes[index] == nil {
            let block = produced[index]
            if block.raw.scopeIsExplicit {
                scopes[index] = block.raw.scope
                continue
            }
            if case .tableCell = block.raw.scope {
                scopes[index] = block.raw.scope
                continue
            }
            let text = texts[index]
            let label = Numbering.parse(line: text)
            if let label, label.isBullet {
                if case .listItem = block.raw.scope { scopes[index] = block.raw.scope }
                else { listLevels[index] = label.marker == "+" ? 2 : 1 }
                continue
            }
            let emphasised = block.raw.bold || block.raw.caps || Line.isShortCapitals(text)
            if let label, let rank = label.level {
                let content = text.utf8.count - label.contentOffset
                let short = content <= 360 && !Line.endsLikeSentence(text)
                let strong = label.kind == .part || label.kind == .chapter || label.kind == .section
                    || label.kind == .roman || label.kind == .upperLetter
                let heading = headingsNeedEmphasis ? emphasised : (strong || emphasised || short)
                if heading {
                    ranks[index] = rank
                    usedRanks.insert(rank)
                } else if case .listItem = block.raw.scope {
                    scopes[index] = block.raw.scope
                } else {
                    listLevels[index] = 1
                }
            } else if emphasised, Line.isShortCapitals(text) || (block.raw.bold && text.utf8.count <= 200 && !Line.endsLikeSentence(text)) {
                // An unnumbered line in capitals (or a short bold line in Word) ranks just above roman numbers.
                ranks[index] = 3
                usedRanks.insert(3)
            } else if case .listItem = block.raw.scope {
                scopes[index] = block.raw.scope
            }
        }
        let order = usedRanks.sorted()
        var relative: [Int: Int] = [:]
        for (position, rank) in order.enumerated() { relative[rank] = position + 1 }
        var lastExplicitLevel = 0
        var blocks: [Block] = []
        blocks.reserveCapacity(produced.count)
        for index in produced.indices {
            var scope = scopes[index] ?? .paragraph
            if scopes[index] == nil {
                if let rank = ranks[index] {
                    scope = .heading(level: lastExplicitLevel + relative[rank]!)
                } else if listLevels[index] > 0 {
                    scope = .listItem(level: listLevels[index])
                }
            }
            if produced[index].raw.scopeIsExplicit, case let .heading(level) = scope { lastExplicitLevel = level }
            blocks.append(produced[index].block(as: scope))
            // Let go of what the block no longer needs, so a large document is not held twice.
            produced[index].text = ""
            produced[index].rawText = nil
            produced[index].raw.anchors = []
        }
        return blocks
    }

    private static func markGroups(of scope: BlockScope, in scopes: inout [BlockScope?], _ produced: [ProducedBlock]) {
        var groups = Set<Int>()
        for index in produced.indices where scopes[index] == scope {
            if let group = produced[index].raw.group { groups.insert(group) }
        }
        guard !groups.isEmpty else { return }
        for index in produced.indices where scopes[index] == nil {
            if let group = produced[index].raw.group, groups.contains(group) { scopes[index] = scope }
        }
    }

    private static func isTitleStart(_ block: ProducedBlock) -> Bool {
        if block.raw.scopeIsExplicit, block.raw.scope == .title { return true }
        return Line.isShortCapitals(block.text) && Line.startsWithDocumentType(block.text)
    }

    private static func isSubjectLine(_ block: ProducedBlock, after previous: ProducedBlock) -> Bool {
        let text = block.text
        guard text.utf8.count <= 200, !Line.endsLikeSentence(text), text.utf8.last != UInt8(ascii: ":"),
            Numbering.parse(line: text) == nil,
            !Line.isRecipientsStart(text)
        else { return false }
        if block.raw.blankLineBefore { return false }
        if block.raw.anchors.first.map({ if case .text = $0.location { return true } else { return false } }) == true {
            return true
        }
        return block.raw.centered || block.raw.bold
    }
}

/// Words a line may open with, and the ASCII bytes they open with (decomposed): a line whose first
/// byte is another ASCII byte opens with none of them, since a text canonically equivalent to one
/// opens with the same ASCII scalar. Only the other lines are compared, with `hasPrefix`.
struct LineOpenings {
    let words: [String]
    private let asciiStarts: [Bool]

    init(_ words: [String]) {
        self.words = words
        var starts = [Bool](repeating: false, count: 128)
        for word in words {
            if let first = word.decomposedStringWithCanonicalMapping.utf8.first, first < 0x80 { starts[Int(first)] = true }
        }
        asciiStarts = starts
    }

    /// Whether `text` may open with one of the words: false only when it certainly does not.
    func mayOpen(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return first >= 0x80 || asciiStarts[Int(first)]
    }

    /// Whether `text` opens with one of the words (`hasPrefix`).
    func open(_ text: String) -> Bool {
        mayOpen(text) && words.contains { text.hasPrefix($0) }
    }
}

/// Predicates on one line of report text.
enum Line {
    /// Document types that open a title line.
    static let documentTypes = LineOpenings([
        "BÁO CÁO", "KẾ HOẠCH", "CÔNG VĂN", "TỜ TRÌNH", "QUYẾT ĐỊNH", "CHƯƠNG TRÌNH", "HƯỚNG DẪN", "THÔNG BÁO",
        "NGHỊ QUYẾT", "BIÊN BẢN", "CHỈ THỊ", "ĐỀ ÁN", "THÔNG TRI", "TỔNG KẾT", "DIỄN VĂN", "QUY CHẾ", "ĐIỀU LỆ",
    ])
    /// What opens a signature block before the signer's title ("TM. BAN CHẤP HÀNH").
    static let signatureOpenings = LineOpenings(["TM.", "TM ", "T/M", "T.M.", "KT.", "KT ", "TL.", "TUQ.", "Q.", "K/T"])
    /// Signers' titles standing alone as a signature block's first line.
    static let bareSignatures = LineOpenings(["CHỦ TỊCH", "PHÓ CHỦ TỊCH", "TRƯỞNG BAN", "NGƯỜI LẬP BÁO CÁO", "THỦ TRƯỞNG ĐƠN VỊ", "BAN CHẤP HÀNH"])
    /// The heading of the recipients list.
    static let recipientsOpenings = LineOpenings(["Nơi nhận", "NƠI NHẬN"])

    /// No letter or digit at all: "-----", "***", "___".
    static func isDecorative(_ text: String) -> Bool {
        if let first = text.utf8.first, first < 0x80, (first | 0x20) >= 0x61 && (first | 0x20) <= 0x7A || (first >= 0x30 && first <= 0x39) {
            return false
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return false }
        }
        return true
    }

    /// At least two letters, no lower-case letter, and short (a title, heading or issuing-body line).
    static func isShortCapitals(_ text: String) -> Bool {
        guard text.utf8.count <= 240 else { return false }
        var letters = 0
        for byte in text.utf8.prefix(8) where byte >= 0x61 && byte <= 0x7A { return false }
        for scalar in text.unicodeScalars {
            // ASCII answers without the Unicode tables: a–z lower case, A–Z letters.
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x61 && value <= 0x7A { return false }
                if value >= 0x41 && value <= 0x5A { letters += 1 }
                continue
            }
            let properties = scalar.properties
            if properties.isLowercase { return false }
            if properties.isAlphabetic { letters += 1 }
        }
        return letters >= 2
    }

    static func startsWithDocumentType(_ text: String) -> Bool {
        documentTypes.open(text)
    }

    /// Lines that only the administrative header has.
    static func isStrongHeader(_ text: String) -> Bool {
        guard text.utf8.count <= 200 else { return false }
        // Each capitals phrase below holds "Ộ": a line without "ộ" or "Ộ" is spared the case mapping.
        let upper = text.holds("ộ") || text.holds("Ộ") ? text.uppercased() : ""
        if upper.holds("CỘNG HÒA XÃ HỘI CHỦ NGHĨA") || upper.holds("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA") { return true }
        if upper.holds("ĐỘC LẬP") && upper.holds("HẠNH PHÚC") { return true }
        if text.hasPrefix("Số:") || text.hasPrefix("Số ") && text.utf8.contains(0x2F) { return true }
        if text.hasPrefix("V/v") { return true }
        return isPlaceAndDate(text)
    }

    /// "Vĩnh Thuận, ngày 20 tháng 11 năm 2020" (also with blanks for the day).
    static func isPlaceAndDate(_ text: String) -> Bool {
        guard text.utf8.count <= 120, let day = text.byteOffset(of: "ngày") else { return false }
        guard let month = text.byteOffset(of: "tháng", from: day + "ngày".utf8.count) else { return false }
        return text.byteOffset(of: "năm", from: month + "tháng".utf8.count) != nil
            && (day == 0 || text.utf8.prefix(day).contains(0x2C))
    }

    static func isRecipientsStart(_ text: String) -> Bool {
        recipientsOpenings.open(text)
    }

    /// "TM. BAN CHẤP HÀNH", "KT. CHỦ TỊCH", "T/M", "TL.", "Q. CHỦ TỊCH", or a bare "CHỦ TỊCH".
    static func isSignatureOpener(_ text: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        if signatureOpenings.open(text) { return isShortCapitals(text) }
        return bareSignatures.mayOpen(text) && bareSignatures.words.contains(text)
    }

    static func startsWithDash(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return first == "-" || first == "+" || first == "–" || first == "•" || first == "*"
    }

    /// A line of the signature block: capitals, a parenthesised note like "(đã ký)", or a person's name.
    static func isSignatureLine(_ text: String) -> Bool {
        guard text.utf8.count <= 120 else { return false }
        if isSignatureOpener(text) || isShortCapitals(text) { return true }
        if text.hasPrefix("("), text.hasSuffix(")") { return true }
        return isPersonName(text)
    }

    /// Two to six words, each starting with a capital letter, no digits or punctuation: "Nguyễn Văn An".
    static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (2...6).contains(words.count) else { return false }
        for word in words {
            guard let first = word.unicodeScalars.first, first.properties.isUppercase else { return false }
            for scalar in word.unicodeScalars where !scalar.properties.isAlphabetic { return false }
        }
        return true
    }

    /// Ends with ".", ";" or "," (but not an ellipsis-free abbreviation check): body text, not a heading.
    static func endsLikeSentence(_ text: String) -> Bool {
        guard let last = text.utf8.last else { return false }
        return last == UInt8(ascii: ".") || last == UInt8(ascii: ";") || last == UInt8(ascii: ",")
    }
}
