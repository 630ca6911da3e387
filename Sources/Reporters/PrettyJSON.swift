// Reporters: JSON bytes. Writes values straight into UTF-8 bytes laid out as Foundation's pretty-printing encoder lays them out.

/// A value that writes itself as JSON: an object's members in sorted key order, as
/// `JSONEncoder` with `.sortedKeys` would encode the value's `Codable` form.
protocol JSONWritable {
    /// Writes the value at the writer's current place.
    func write(to json: inout PrettyJSON) throws
}

/// Pretty-printed JSON written into bytes in one pass, with nothing built in between.
///
/// The layout is that of `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]`:
/// two spaces per level, `"key" : value`, an empty array or object as its brackets with an empty
/// line between them, `"`, `\` and control characters escaped (`\b \t \n \f \r`, others as
/// `\u00xx`), whole doubles without `.0`. Keys are written in the order given: a writer passes
/// them sorted. The tests hold the bytes to the encoder's.
struct PrettyJSON {
    /// The JSON written so far.
    private(set) var bytes: [UInt8] = []
    /// The depth of the container being written.
    private var level: Int
    /// Whether that container has no member yet.
    private var empty = true

    /// A writer whose first value stands `level` containers deep (its closing bracket is indented
    /// that far), with room for `capacity` bytes.
    init(level: Int = 0, capacity: Int = 0) {
        self.level = level
        bytes.reserveCapacity(capacity)
    }

    // MARK: Containers

    /// An object whose members `body` writes with ``member(_:_:)`` and its kin.
    mutating func object(_ body: (inout PrettyJSON) throws -> Void) rethrows {
        try container(open: 0x7B, close: 0x7D, body)
    }

    /// An array of `elements`, each written by `body`.
    mutating func array<Elements: Sequence>(
        _ elements: Elements, _ body: (inout PrettyJSON, Elements.Element) throws -> Void
    ) rethrows {
        try container(open: 0x5B, close: 0x5D) { json in
            for element in elements {
                json.startElement()
                try body(&json, element)
            }
        }
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout PrettyJSON) throws -> Void) rethrows {
        bytes.append(open)
        let outer = empty
        empty = true
        level += 1
        try body(&self)
        level -= 1
        // An empty container keeps an empty line between its brackets.
        if empty { bytes.append(0x0A) }
        bytes.append(0x0A)
        indent()
        bytes.append(close)
        empty = outer
    }

    /// Starts an element of the array being written: the comma after the one before, a line break
    /// and the indentation.
    private mutating func startElement() {
        if !empty { bytes.append(0x2C) }
        bytes.append(0x0A)
        empty = false
        indent()
    }

    /// Starts the member `key` of the object being written, up to its value.
    private mutating func start(_ key: StaticString) {
        startElement()
        bytes.append(0x22)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: [0x22, 0x20, 0x3A, 0x20])  // `" : `
    }

    private mutating func indent() {
        bytes.append(contentsOf: repeatElement(0x20, count: 2 * level))
    }

    /// Ends the last line, after the outermost value.
    mutating func endLine() { bytes.append(0x0A) }

    // MARK: Members

    mutating func member(_ key: StaticString, _ value: String) {
        start(key)
        string(value)
    }

    /// A member left out when `value` is nil, as the encoder's `encodeIfPresent` leaves it out.
    mutating func member(_ key: StaticString, _ value: String?) {
        guard let value else { return }
        member(key, value)
    }

    mutating func member(_ key: StaticString, _ value: Int) {
        start(key)
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Throws for NaN and the infinities, which JSON cannot hold.
    mutating func member(_ key: StaticString, _ value: Double) throws {
        start(key)
        try number(value)
    }

    mutating func member<Value: RawRepresentable<String>>(_ key: StaticString, _ value: Value) {
        member(key, value.rawValue)
    }

    mutating func member(_ key: StaticString, _ value: some JSONWritable) throws {
        start(key)
        try value.write(to: &self)
    }

    mutating func member(_ key: StaticString, _ values: [some JSONWritable]) throws {
        start(key)
        try array(values) { json, value in try value.write(to: &json) }
    }

    /// An array of values written apart, each by a writer one level deeper than this member's
    /// value (the documents of a run, written on several cores). Nothing is copied: each piece
    /// is moved into `parts` after the bytes written before it (``takeBytes()``), and `parts`
    /// joined in order are the JSON.
    mutating func member(_ key: StaticString, moving pieces: inout [[UInt8]], into parts: inout [[UInt8]]) {
        start(key)
        container(open: 0x5B, close: 0x5D) { json in
            for index in pieces.indices {
                json.startElement()
                parts.append(json.takeBytes())
                parts.append(pieces[index])
                pieces[index] = []
            }
        }
    }

    /// Hands over the bytes written so far and goes on, at the same place, in an empty buffer.
    mutating func takeBytes() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    // MARK: Scalars

    /// `value` as Swift describes it, a whole number without its `.0` (`1`, `0.96`, `1e+16`).
    private mutating func number(_ value: Double) throws {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Unable to encode Double.\(value) directly in JSON."))
        }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
    }

    /// `value` quoted, runs without a character to escape copied whole.
    private mutating func string(_ value: String) {
        bytes.append(0x22)
        var value = value
        value.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                escape(byte)
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(0x22)
    }

    private mutating func escape(_ byte: UInt8) {
        bytes.append(0x5C)
        switch byte {
        case 0x22, 0x5C: bytes.append(byte)
        case 0x08: bytes.append(0x62)  // b
        case 0x09: bytes.append(0x74)  // t
        case 0x0A: bytes.append(0x6E)  // n
        case 0x0C: bytes.append(0x66)  // f
        case 0x0D: bytes.append(0x72)  // r
        default:
            let hex = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])  // u00xx
        }
    }
}
