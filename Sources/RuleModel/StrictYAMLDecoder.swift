// RuleModel: strict YAML. Decodes Codable types from Yams nodes; unknown keys and wrong types are errors at file:line:col.
import Yams

/// Decodes `Decodable` values from a YAML node tree, strictly.
///
/// Every key of every mapping must be read by the type being decoded: a key nobody reads is an
/// unknown key and an error at its line and column, as are type mismatches and missing keys.
/// A type may keep a subtree for later decoding with ``DeferredNode`` (check definitions do).
public struct StrictYAMLDecoder: Sendable {
    /// The file being decoded, for error messages.
    public let file: String
    /// The YAML text, for the lines shown around an error.
    public let yaml: String

    public init(file: String, yaml: String) {
        self.file = file
        self.yaml = yaml
    }

    /// Resolves no tags. Yams reads values from a scalar's text (a quoted scalar, "yes" say, is
    /// tagged text as it is parsed) and resolves a plain scalar's tag only to compare or hash nodes,
    /// as when a key is looked up in a mapping. Its default resolver ran up to seven regular
    /// expressions there, on both sides of every key compared.
    private static let resolver = Resolver.basic

    /// Parses `yaml` and decodes its single document as `T`.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, Self.resolver)
        } catch let error as YamlError {
            throw RuleError(yamlError: error, file: file, yaml: yaml)
        }
        guard let root else {
            throw RuleError(file: file, line: 1, column: 1, message: "the file is empty; expected a YAML mapping", yaml: yaml)
        }
        return try decode(type, from: root)
    }

    /// Decodes `T` from an already parsed node, with the same strictness.
    public func decode<T: Decodable>(_ type: T.Type, from node: Node) throws -> T {
        let tracker = KeyTracker()
        let decoder = NodeDecoder(node: node, codingPath: [], tracker: tracker, context: self)
        let value: T
        do {
            value = try T(from: decoder)
        } catch let error as RuleError {
            throw error
        } catch let error as DecodingError {
            throw ruleError(for: error, root: node)
        }
        if let unknown = tracker.firstUnknownKey() {
            let keyName = unknown.key.string ?? "?"
            let allowed = unknown.allowed.sorted().joined(separator: ", ")
            throw error(
                at: unknown.key,
                "unknown key '\(keyName)'" + (allowed.isEmpty ? "" : "; expected one of: \(allowed)"))
        }
        return value
    }

    func error(at node: Node?, _ message: String) -> RuleError {
        RuleError(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, message: message, yaml: yaml)
    }

    private func ruleError(for error: DecodingError, root: Node) -> RuleError {
        switch error {
        case let .keyNotFound(key, context):
            let node = Self.node(at: context.codingPath, in: root)
            let path = Self.pathString(context.codingPath)
            return self.error(at: node, "missing key '\(key.stringValue)'" + (path.isEmpty ? "" : " in \(path)"))
        case let .typeMismatch(_, context), let .valueNotFound(_, context), let .dataCorrupted(context):
            let node = Self.node(at: context.codingPath, in: root)
            return self.error(at: node, "\(Self.pathString(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return self.error(at: root, "\(error)")
        }
    }

    static func pathString(_ path: [CodingKey]) -> String {
        path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop(while: { $0 == "." }).description
    }

    static func node(at path: [CodingKey], in root: Node) -> Node {
        var node = root
        for key in path {
            if let index = key.intValue, case let .sequence(sequence) = node, index < sequence.count {
                node = sequence[index]
            } else if case let .mapping(mapping) = node, let next = mapping[key.stringValue] {
                node = next
            } else {
                break
            }
        }
        return node
    }
}

/// A YAML subtree kept as it is, to be decoded later by whoever knows its shape.
public struct DeferredNode: Decodable, Sendable {
    /// The subtree.
    public let node: Node
    /// The decoder context that read it, to decode the subtree with the same file and strictness.
    public let context: StrictYAMLDecoder

    public init(from decoder: Decoder) throws {
        guard let decoder = decoder as? NodeDecoder else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not YAML"))
        }
        node = decoder.node
        context = decoder.context
        decoder.tracker.defer(decoder.node)
    }

    /// Decodes the kept subtree as `T`, strictly.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try context.decode(type, from: node)
    }

    /// An error located at this subtree.
    public func error(_ message: String) -> RuleError { context.error(at: node, message) }
}

extension Node: @retroactive @unchecked Sendable {}

/// Records which keys of each mapping were read, to find unknown keys afterwards.
final class KeyTracker {
    private struct Entry {
        var keys: [(String, Node)]
        var read: Set<String> = []
    }

    private var entries: [Int: Entry] = [:]
    private var order: [Int] = []
    private var deferred: [Node] = []

    /// A mapping's position names it: no two mappings of one file start at the same line and column
    /// (a nested mapping starts after its key). Hashing the node itself would walk its whole subtree.
    private static func identity(_ node: Node) -> Int {
        var hasher = Hasher()
        if let mark = node.mark {
            hasher.combine(mark.line)
            hasher.combine(mark.column)
        } else {
            hasher.combine(node)
        }
        return hasher.finalize()
    }

    func register(_ mapping: Node.Mapping, node: Node) {
        let id = Self.identity(node)
        guard entries[id] == nil else { return }
        entries[id] = Entry(keys: mapping.map { ($0.key.string ?? "", $0.key) })
        order.append(id)
    }

    func read(_ key: String, in node: Node) {
        entries[Self.identity(node)]?.read.insert(key)
    }

    func `defer`(_ node: Node) { deferred.append(node) }

    /// The first key (in document order) that no decoder read, with the keys that were read there.
    func firstUnknownKey() -> (key: Node, allowed: Set<String>)? {
        var candidates: [(Node, Set<String>)] = []
        let deferredIDs = Set(deferred.map(Self.identity))
        for id in order where !deferredIDs.contains(id) {
            guard let entry = entries[id] else { continue }
            for (name, key) in entry.keys where !entry.read.contains(name) {
                if !isInsideDeferred(key) { candidates.append((key, entry.read)) }
            }
        }
        return candidates.min { ($0.0.mark?.line ?? 0, $0.0.mark?.column ?? 0) < ($1.0.mark?.line ?? 0, $1.0.mark?.column ?? 0) }
            .map { (key: $0.0, allowed: $0.1) }
    }

    private func isInsideDeferred(_ key: Node) -> Bool {
        deferred.contains { Self.contains($0, key) }
    }

    private static func contains(_ tree: Node, _ target: Node) -> Bool {
        switch tree {
        case let .mapping(mapping):
            return mapping.contains { $0.key == target && $0.key.mark?.line == target.mark?.line
                && $0.key.mark?.column == target.mark?.column || contains($0.value, target) }
        case let .sequence(sequence):
            return sequence.contains { contains($0, target) }
        default:
            return false
        }
    }
}

struct AnyKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        self.stringValue = "\(intValue)"
        self.intValue = intValue
    }
}

final class NodeDecoder: Decoder {
    let node: Node
    let codingPath: [CodingKey]
    let tracker: KeyTracker
    let context: StrictYAMLDecoder
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, codingPath: [CodingKey], tracker: KeyTracker, context: StrictYAMLDecoder) {
        self.node = node
        self.codingPath = codingPath
        self.tracker = tracker
        self.context = context
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case let .mapping(mapping) = node else {
            throw context.error(at: node, "\(where_)expected a mapping (key: value lines), found \(Self.describe(node))")
        }
        tracker.register(mapping, node: node)
        return KeyedDecodingContainer(KeyedContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard case let .sequence(sequence) = node else {
            throw context.error(at: node, "\(where_)expected a list (lines starting with '- '), found \(Self.describe(node))")
        }
        return UnkeyedContainer(decoder: self, items: Array(sequence))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { SingleValue(decoder: self) }

    var where_: String {
        let path = StrictYAMLDecoder.pathString(codingPath)
        return path.isEmpty ? "" : "\(path): "
    }

    func child(_ node: Node, key: CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, codingPath: codingPath + [key], tracker: tracker, context: context)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case let .scalar(scalar): return scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        case .alias: return "an alias"
        }
    }

    func scalar<T>(_ type: String, _ read: (Node) -> T?) throws -> T {
        if case .scalar = node, let value = read(node) { return value }
        throw context.error(at: node, "\(where_)expected \(type), found \(Self.describe(node))")
    }
}

private struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let mapping: Node.Mapping
    var codingPath: [CodingKey] { decoder.codingPath }
    var allKeys: [Key] { mapping.keys.compactMap { $0.string.flatMap(Key.init(stringValue:)) } }

    func contains(_ key: Key) -> Bool {
        decoder.tracker.read(key.stringValue, in: decoder.node)
        return mapping[key.stringValue] != nil
    }

    private func value(_ key: Key) throws -> Node {
        decoder.tracker.read(key.stringValue, in: decoder.node)
        guard let node = mapping[key.stringValue] else {
            throw decoder.context.error(at: decoder.node, "\(decoder.where_)missing key '\(key.stringValue)'")
        }
        return node
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        guard let node = mapping[key.stringValue] else { return true }
        decoder.tracker.read(key.stringValue, in: decoder.node)
        if case let .scalar(scalar) = node { return scalar.string.isEmpty || node.null != nil }
        return false
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try T(from: decoder.child(try value(key), key: key))
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> {
        try decoder.child(try value(key), key: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        try decoder.child(try value(key), key: key).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> Decoder { decoder.child(try value(key), key: key) }
}

private struct UnkeyedContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [Node]
    var currentIndex = 0
    var codingPath: [CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw decoder.context.error(at: decoder.node, "\(decoder.where_)the list has too few items")
        }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], key: AnyKey(intValue: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, case let .scalar(scalar) = items[currentIndex], items[currentIndex].null != nil || scalar.string.isEmpty
        else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: try next()) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> {
        try next().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> Decoder { try next() }
}

private struct SingleValue: SingleValueDecodingContainer {
    let decoder: NodeDecoder
    var codingPath: [CodingKey] { decoder.codingPath }

    func decodeNil() -> Bool { decoder.node.null != nil }
    func decode(_ type: Bool.Type) throws -> Bool { try decoder.scalar("true or false") { $0.bool } }
    func decode(_ type: String.Type) throws -> String { try decoder.scalar("text") { $0.string } }
    func decode(_ type: Double.Type) throws -> Double { try decoder.scalar("a number") { $0.float } }
    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int.Type) throws -> Int { try decoder.scalar("a whole number") { $0.int } }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try T(from: decoder) }

    private func narrow<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        let value = try decode(Int.self)
        guard let narrowed = T(exactly: value) else {
            throw decoder.context.error(at: decoder.node, "\(decoder.where_)\(value) is out of range")
        }
        return narrowed
    }
}
