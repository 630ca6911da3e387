// DocumentReaders: .docx numbering. Reads word/numbering.xml and renders automatic numbers as a reader sees them.

/// Word's automatic numbering: definitions from numbering.xml and the running counters of one document.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        var restart: Int?  // w:lvlRestart (1-based level whose use restarts this one; 0 = never)
        var legal = false
        var suffix = "tab"
    }

    private var abstracts: [String: [Int: Level]] = [:]
    // numId -> (abstractNumId, level overrides (start values) and replaced levels).
    private var instances: [String: (abstract: String, starts: [Int: Int], levels: [Int: Level])] = [:]
    // Counters per abstract numbering (Word continues a list across w:num instances of one abstractNum).
    private var counters: [String: [Int?]] = [:]
    private var overridden: Set<String> = []

    init() {}

    init(xml: [UInt8]) throws(XMLParseError) {
        var parser = XMLPullParser(bytes: xml)
        var abstractId: String?
        var numId: String?
        var levelIndex: Int?
        var level = Level()
        var overrideLevel: Int?
        while true {
            let event = try parser.next()
            if event == .eof { break }
            if event == .end {
                if parser.nameIs("w:lvl"), let index = levelIndex {
                    if let id = abstractId { abstracts[id, default: [:]][index] = level }
                    else if let id = numId { instances[id]?.levels[index] = level }
                    levelIndex = nil
                } else if parser.nameIs("w:abstractNum") {
                    abstractId = nil
                } else if parser.nameIs("w:num") {
                    numId = nil
                } else if parser.nameIs("w:lvlOverride") {
                    overrideLevel = nil
                }
                continue
            }
            guard event == .start else { continue }
            if parser.nameIs("w:abstractNum") {
                abstractId = parser.attribute("w:abstractNumId")
            } else if parser.nameIs("w:num") {
                numId = parser.attribute("w:numId")
                if let id = numId { instances[id] = (abstract: "", starts: [:], levels: [:]) }
            } else if parser.nameIs("w:abstractNumId"), let id = numId {
                instances[id]?.abstract = parser.attribute("w:val") ?? ""
            } else if parser.nameIs("w:lvlOverride") {
                overrideLevel = parser.attribute("w:ilvl").flatMap { Int($0) }
            } else if parser.nameIs("w:startOverride"), let id = numId, let index = overrideLevel {
                instances[id]?.starts[index] = parser.attribute("w:val").flatMap { Int($0) } ?? 1
            } else if parser.nameIs("w:lvl") {
                levelIndex = parser.attribute("w:ilvl").flatMap { Int($0) }
                level = Level()
            } else if levelIndex != nil {
                if parser.nameIs("w:start") { level.start = parser.attribute("w:val").flatMap { Int($0) } ?? 1 }
                else if parser.nameIs("w:numFmt") { level.format = parser.attribute("w:val") ?? "decimal" }
                else if parser.nameIs("w:lvlText") { level.text = parser.attribute("w:val") ?? "" }
                else if parser.nameIs("w:lvlRestart") { level.restart = parser.attribute("w:val").flatMap { Int($0) } }
                else if parser.nameIs("w:isLgl") { level.legal = WordStyles.isOn(parser.attribute("w:val")) }
                else if parser.nameIs("w:suff") { level.suffix = parser.attribute("w:val") ?? "tab" }
                else if parser.nameIs("w:rPr") || parser.nameIs("w:pPr") { try parser.skipElement() }
            }
        }
    }

    private func level(_ numId: String, _ index: Int) -> Level? {
        guard let instance = instances[numId] else { return nil }
        return instance.levels[index] ?? abstracts[instance.abstract]?[index]
    }

    /// Advances the counter of `numId` at level `index` and returns the label text with its separator
    /// ("II. ", "1.2. ", "a) ", "- "), or nil when the paragraph is not numbered.
    mutating func next(numId: String, level index: Int) -> (label: String, isBullet: Bool)? {
        guard numId != "0", let instance = instances[numId], let definition = level(numId, index) else { return nil }
        let key = instance.abstract
        var values = counters[key] ?? Array(repeating: nil, count: 9)
        let clamped = max(0, min(8, index))
        // A w:num with a start override restarts the list the first time it is used.
        if !overridden.contains(numId), !instance.starts.isEmpty {
            overridden.insert(numId)
            for (overrideIndex, _) in instance.starts where overrideIndex < 9 { values[overrideIndex] = nil }
        }
        let start = instance.starts[clamped] ?? definition.start
        values[clamped] = (values[clamped].map { $0 + 1 }) ?? start
        for deeper in (clamped + 1)..<9 {
            let restart = level(numId, deeper)?.restart ?? deeper
            if restart != 0, clamped < restart { values[deeper] = nil }
        }
        counters[key] = values
        if definition.format == "none" { return nil }
        if definition.format == "bullet" {
            let bullet = WordNumbering.bulletText(definition.text)
            return bullet.isEmpty ? nil : (bullet + WordNumbering.separator(definition.suffix), true)
        }
        var label = ""
        var scalars = definition.text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "%" else {
                label.unicodeScalars.append(scalar)
                continue
            }
            guard let digit = scalars.next(), let number = Int(String(digit)), (1...9).contains(number) else { continue }
            let referenced = number - 1
            let referencedLevel = level(numId, referenced)
            let value = values[referenced] ?? instance.starts[referenced] ?? referencedLevel?.start ?? 1
            let format = definition.legal && referenced != clamped ? "decimal" : (referencedLevel?.format ?? "decimal")
            label += WordNumbering.format(value, as: format)
        }
        guard !label.isEmpty else { return nil }
        return (label + WordNumbering.separator(definition.suffix), false)
    }

    static func separator(_ suffix: String) -> String { suffix == "nothing" ? "" : " " }

    /// The bullet as shown: Symbol/Wingdings private-use characters become common bullets.
    static func bulletText(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xF0B7, 0xF06C, 0xF09F: result += "•"
            case 0xF0A7, 0xF06E: result += "▪"
            case 0xF0D8, 0xF0E0: result += "➢"
            case 0xF076: result += "❖"
            case 0xF0FC: result += "✓"
            case 0xF02D: result += "-"
            case 0xF000...0xF0FF: result += "•"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `value` written in Word number format `format`.
    static func format(_ value: Int, as format: String) -> String {
        switch format {
        case "upperRoman": return roman(value)
        case "lowerRoman": return roman(value).lowercased()
        case "upperLetter": return letters(value, base: 0x41)
        case "lowerLetter": return letters(value, base: 0x61)
        case "decimalZero": return value < 10 ? "0\(value)" : "\(value)"
        default: return "\(value)"
        }
    }

    /// Word's letter numbering: a..z, then aa..zz, aaa..
    static func letters(_ value: Int, base: UInt32) -> String {
        guard value > 0 else { return "\(value)" }
        let letter = Character(Unicode.Scalar(base + UInt32((value - 1) % 26))!)
        return String(repeating: letter, count: (value - 1) / 26 + 1)
    }

    static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return "\(value)" }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
            (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value
        var result = ""
        for (amount, symbol) in table {
            while rest >= amount {
                result += symbol
                rest -= amount
            }
        }
        return result
    }
}
