// DocumentReaders: .docx styles. Reads word/styles.xml: heading levels, title style, numbering, bold, caps and fonts.

/// The paragraph and character styles of a Word document, resolved through `w:basedOn`.
struct WordStyles {
    struct Style {
        var name = ""
        var basedOn: String?
        var outlineLevel: Int?
        var numId: String?
        var ilvl: Int?
        var bold: Bool?
        var caps: Bool?
        var font: String?
        var centered: Bool?
    }

    private(set) var styles: [String: Style] = [:]
    /// The font of `w:docDefaults`.
    private(set) var defaultFont: String?
    /// The style marked `w:default="1"` for paragraphs.
    private(set) var defaultParagraphStyle: String?

    init() {}

    init(xml: [UInt8], part: String) throws(XMLParseError) {
        var parser = XMLPullParser(bytes: xml)
        var current: Style?
        var currentId: String?
        var inDefaults = false
        var inRunProperties = false
        while true {
            let event = try parser.next()
            if event == .eof { break }
            if event == .end {
                if parser.nameIs("w:style"), let id = currentId, let style = current { styles[id] = style; current = nil; currentId = nil }
                else if parser.nameIs("w:docDefaults") { inDefaults = false }
                else if parser.nameIs("w:rPr") { inRunProperties = false }
                continue
            }
            guard event == .start else { continue }
            if parser.nameIs("w:style") {
                currentId = parser.attribute("w:styleId")
                current = Style()
                if parser.attribute("w:type") == "paragraph", parser.attribute("w:default") == "1" { defaultParagraphStyle = currentId }
            } else if parser.nameIs("w:docDefaults") {
                inDefaults = true
            } else if parser.nameIs("w:rPr") {
                inRunProperties = true
            } else if parser.nameIs("w:pPrChange") || parser.nameIs("w:rPrChange") {
                try parser.skipElement()
            } else if parser.nameIs("w:rFonts") {
                let font = parser.attribute("w:ascii") ?? parser.attribute("w:hAnsi")
                if inDefaults { defaultFont = font } else if current != nil { current?.font = font }
            } else if current != nil {
                if parser.nameIs("w:name") { current?.name = parser.attribute("w:val") ?? "" }
                else if parser.nameIs("w:basedOn") { current?.basedOn = parser.attribute("w:val") }
                else if parser.nameIs("w:outlineLvl") { current?.outlineLevel = parser.attribute("w:val").flatMap { Int($0) } }
                else if parser.nameIs("w:numId") { current?.numId = parser.attribute("w:val") }
                else if parser.nameIs("w:ilvl") { current?.ilvl = parser.attribute("w:val").flatMap { Int($0) } }
                else if parser.nameIs("w:b"), inRunProperties { current?.bold = WordStyles.isOn(parser.attribute("w:val")) }
                else if parser.nameIs("w:caps"), inRunProperties { current?.caps = WordStyles.isOn(parser.attribute("w:val")) }
                else if parser.nameIs("w:jc") { current?.centered = parser.attribute("w:val") == "center" }
            }
        }
    }

    /// A toggle property's value: absent or anything but "0"/"false"/"off" is on.
    static func isOn(_ value: String?) -> Bool {
        guard let value else { return true }
        return value != "0" && value != "false" && value != "off"
    }

    /// Walks `id` and its ancestors, returning the first value `read` gives.
    func resolve<T>(_ id: String?, _ read: (Style) -> T?) -> T? {
        var next = id ?? defaultParagraphStyle
        var seen = 0
        while let key = next, let style = styles[key], seen < 20 {
            if let value = read(style) { return value }
            next = style.basedOn
            seen += 1
        }
        return nil
    }

    /// The heading level (1-based) style `id` gives, from its name ("heading 2", "Tiêu đề 2",
    /// "Đầu đề 2") or its outline level; nil for body styles.
    func headingLevel(_ id: String?) -> Int? {
        var next = id
        var seen = 0
        while let key = next, let style = styles[key], seen < 20 {
            if let level = WordStyles.levelFromName(style.name) ?? WordStyles.levelFromName(key) { return level }
            if let outline = style.outlineLevel { return outline < 9 ? outline + 1 : nil }
            next = style.basedOn
            seen += 1
        }
        return nil
    }

    /// Whether style `id` is the document title style ("Title", "Tiêu đề").
    func isTitle(_ id: String?) -> Bool {
        guard let id, let style = styles[id] else { return false }
        let name = style.name.lowercased()
        return name == "title" || name == "tiêu đề" || id == "Title"
    }

    static func levelFromName(_ name: String) -> Int? {
        let lower = name.lowercased()
        for prefix in ["heading ", "heading", "tiêu đề ", "đầu đề ", "đề mục "] where lower.hasPrefix(prefix) {
            let rest = lower.dropFirst(prefix.count)
            if let level = Int(rest), (1...9).contains(level) { return level }
        }
        return nil
    }
}
