// VietnameseText: phrase matching. A trie of phrase keys over words and separators, walked along a text.

/// Phrase keys (in matching form) as a trie whose edges are whole words and separators.
///
/// A key is cut into ``PhraseTokens``: an optional leading separator (`% chỉ tiêu`), words
/// joined by separators, an optional trailing separator (`năm 2017:`). Words and separators
/// are numbered once. The root's children are an array indexed by first word; every other edge
/// is labelled by a separator and the word after it (a leading separator's root: by the first
/// word) and sits in one open-addressing table, so a step along the trie is one probe, usually
/// one compare. Keys with a leading separator hang from a root of their own, one per distinct
/// separator.
struct PhraseTrie {
    /// The number of each distinct word of the keys.
    private(set) var wordIDs: [[UInt8]: Int32] = [:]
    /// ``wordIDs`` for looking words up as a text is read (no array to hash): all of them, unless
    /// one is too long for the table or there are too many (see ``number(ofWord:)``).
    private var wordTable = WordTable<Int32>()
    private var wordTableHoldsAll = true
    /// The number of each distinct separator between two words of a key.
    private(set) var separatorIDs: [[UInt8]: Int32] = [:]
    /// The number of the single space, the usual separator, or -1 when no key has it.
    private(set) var spaceID: Int32 = -1
    /// Keys as inserted, by key index.
    private(set) var keyCount = 0
    /// The most words of any key: how far a walk can read ahead.
    private(set) var depth = 0

    // Build-time edges by (node, label) and what ends at each node; `freeze()` lays them out flat.
    private var building: [EdgeKey: Int32] = [:]
    private var buildingEnds: [(node: Int32, key: Int32)] = []
    private var buildingTrails: [(node: Int32, separator: [UInt8], key: Int32)] = []
    private var leadRoots: [[UInt8]: Int32] = [:]
    private var nodeCount: Int32 = 1

    private struct EdgeKey: Hashable {
        let node: Int32
        let label: UInt64
    }

    /// The root's child for each word number (``Step/none``: no key starts with that word).
    private(set) var rootChildren: [Step] = []
    /// Roots of keys with a leading separator, the longest separator first.
    private(set) var leads: [(separator: [UInt8], root: Int32)] = []
    /// Each word number: whether a key with a leading separator starts with it.
    private(set) var startsLeadKey: [Bool] = []
    /// Node n's ends and trails, as ranges of the tables below.
    private var nodes: [Node] = []
    /// Every edge, at the slot its node and label hash to or after it (linear probing).
    private var edges: [Edge] = []
    private var edgeMask = 0
    /// Keys ending with a word, at the positions ``Node/ends`` gives.
    private(set) var endKeys: [Int32] = []
    /// Keys ending with a separator, and the separator, at the positions ``Node/trails`` gives.
    private(set) var trailKeys: [Int32] = []
    private(set) var trailSeparators: [[UInt8]] = []

    /// One edge of the table; `node` is -1 in an empty slot.
    private struct Edge {
        var label: UInt64 = 0
        var node: Int32 = -1
        var target = Step.none
    }

    /// A node reached, with what a walk needs to know of it before reading it, in 32 bits.
    struct Step {
        private let raw: Int32

        /// No node: the text left the trie.
        static let none = Step(raw: -1)

        private init(raw: Int32) { self.raw = raw }

        init(node: Int32, hasEnds: Bool, hasTrails: Bool, hasEdges: Bool) {
            raw = node << 3 | (hasEnds ? 1 : 0) | (hasTrails ? 2 : 0) | (hasEdges ? 4 : 0)
        }

        /// Whether this is a node (not ``none``).
        var exists: Bool { raw >= 0 }
        /// The node's number.
        var node: Int32 { raw >> 3 }
        /// Whether keys end at the node with a word.
        var hasEnds: Bool { raw & 1 != 0 }
        /// Whether keys end at the node with a trailing separator.
        var hasTrails: Bool { raw & 2 != 0 }
        /// Whether edges leave the node.
        var hasEdges: Bool { raw & 4 != 0 }
    }

    /// Where a node's ends and trails are in the flat tables.
    struct Node {
        var endStart: Int32 = 0, endEnd: Int32 = 0
        var trailStart: Int32 = 0, trailEnd: Int32 = 0

        /// Positions in ``PhraseTrie/endKeys``.
        var ends: Range<Int> { Int(endStart)..<Int(endEnd) }
        /// Positions in ``PhraseTrie/trailKeys`` and ``PhraseTrie/trailSeparators``.
        var trails: Range<Int> { Int(trailStart)..<Int(trailEnd) }
    }

    /// The label of the edge taking `separator` then `word` after a word.
    @inline(__always)
    static func label(separator: Int32, word: Int32) -> UInt64 { UInt64(UInt32(separator)) << 32 | UInt64(UInt32(word)) }

    /// Adds a key (matching form, single spaces); its index is its insertion order. Returns
    /// false, adding nothing, when the key has no word (nothing to anchor it).
    mutating func insert(_ key: String) -> Bool {
        var key = key
        let index = Int32(keyCount)
        let inserted: Bool = key.withUTF8 { bytes in
            let classifier = PhraseTokens.Classifier()
            let firstWord = classifier.runEnd(bytes, from: 0, word: false)
            guard firstWord < bytes.count else { return false }
            var node: Int32 = firstWord > 0 ? leadRoot(Array(bytes[0..<firstWord])) : 0
            var separator: Int32?
            var position = firstWord, words = 0
            while true {
                words += 1
                depth = max(depth, words)
                let wordEnd = classifier.runEnd(bytes, from: position, word: true)
                let word = Self.number(Array(bytes[position..<wordEnd]), in: &wordIDs)
                node = child(of: node, label: separator.map { Self.label(separator: $0, word: word) } ?? UInt64(word))
                let separatorEnd = classifier.runEnd(bytes, from: wordEnd, word: false)
                if separatorEnd == bytes.count {
                    if separatorEnd > wordEnd {
                        buildingTrails.append((node, Array(bytes[wordEnd..<separatorEnd]), index))
                    } else {
                        buildingEnds.append((node, index))
                    }
                    return true
                }
                separator = Self.number(Array(bytes[wordEnd..<separatorEnd]), in: &separatorIDs)
                position = separatorEnd
            }
        }
        if inserted { keyCount += 1 }
        return inserted
    }

    private static func number(_ token: [UInt8], in numbers: inout [[UInt8]: Int32]) -> Int32 {
        if let number = numbers[token] { return number }
        let number = Int32(numbers.count)
        numbers[token] = number
        return number
    }

    private mutating func leadRoot(_ separator: [UInt8]) -> Int32 {
        if let root = leadRoots[separator] { return root }
        let root = nodeCount
        nodeCount += 1
        leadRoots[separator] = root
        return root
    }

    private mutating func child(of node: Int32, label: UInt64) -> Int32 {
        let edge = EdgeKey(node: node, label: label)
        if let target = building[edge] { return target }
        let target = nodeCount
        nodeCount += 1
        building[edge] = target
        return target
    }

    /// Lays the trie out in flat tables for walking; call once, after the last insertion.
    mutating func freeze() {
        spaceID = separatorIDs[[0x20]] ?? -1
        for (word, number) in wordIDs {
            let kept = word.withUnsafeBufferPointer { wordTable.keep($0, number) }
            if kept == nil { wordTableHoldsAll = false }
        }
        leads = leadRoots.map { ($0.key, $0.value) }.sorted { ($0.separator.count, $1.root) > ($1.separator.count, $0.root) }
        nodes = [Node](repeating: Node(), count: Int(nodeCount))
        var hasEnds = [Bool](repeating: false, count: Int(nodeCount))
        var hasTrails = hasEnds, hasEdges = hasEnds
        for (node, _) in buildingEnds { hasEnds[Int(node)] = true }
        for trail in buildingTrails { hasTrails[Int(trail.node)] = true }
        for edge in building.keys { hasEdges[Int(edge.node)] = true }
        func step(_ node: Int32) -> Step {
            Step(node: node, hasEnds: hasEnds[Int(node)], hasTrails: hasTrails[Int(node)], hasEdges: hasEdges[Int(node)])
        }
        rootChildren = [Step](repeating: .none, count: wordIDs.count)
        startsLeadKey = [Bool](repeating: false, count: wordIDs.count)
        let leadRootNodes = Set(leadRoots.values)
        var size = 16
        while size < (building.count - building.keys.filter { $0.node == 0 }.count) * 2 { size *= 2 }
        edges = [Edge](repeating: Edge(), count: size)
        edgeMask = size - 1
        for (edge, target) in building {
            if edge.node == 0 {
                rootChildren[Int(edge.label)] = step(target)
                continue
            }
            if leadRootNodes.contains(edge.node) { startsLeadKey[Int(edge.label)] = true }
            var slot = Self.slot(edge.node, edge.label) & edgeMask
            while edges[slot].node >= 0 { slot = (slot + 1) & edgeMask }
            edges[slot] = Edge(label: edge.label, node: edge.node, target: step(target))
        }
        for (node, key) in buildingEnds.sorted(by: { ($0.node, $0.key) < ($1.node, $1.key) }) {
            if nodes[Int(node)].endEnd == 0 { nodes[Int(node)].endStart = Int32(endKeys.count) }
            endKeys.append(key)
            nodes[Int(node)].endEnd = Int32(endKeys.count)
        }
        for trail in buildingTrails.sorted(by: { ($0.node, $0.key) < ($1.node, $1.key) }) {
            if nodes[Int(trail.node)].trailEnd == 0 { nodes[Int(trail.node)].trailStart = Int32(trailKeys.count) }
            trailKeys.append(trail.key)
            trailSeparators.append(trail.separator)
            nodes[Int(trail.node)].trailEnd = Int32(trailKeys.count)
        }
        building = [:]
        buildingEnds = []
        buildingTrails = []
        leadRoots = [:]
    }

    /// The number of the word `form` (in matching form) among the keys' words, or -1.
    func number(ofWord form: UnsafeBufferPointer<UInt8>) -> Int32 {
        if let known = wordTable.lookup(form) { return known.value }
        return wordTableHoldsAll ? -1 : wordIDs[Array(form)] ?? -1
    }

    /// Node `index`'s ranges in the tables.
    @inline(__always)
    func node(_ index: Int32) -> Node { nodes[Int(index)] }

    @inline(__always)
    private static func slot(_ node: Int32, _ label: UInt64) -> Int {
        Int(truncatingIfNeeded: ((label ^ UInt64(UInt32(node)) &* 0x9E37_79B9_7F4A_7C15) &* 0xD6E8_FEB8_6659_FD93) >> 32)
    }

    /// The node reached from node `index` along the edge `label`, or ``Step/none``.
    @inline(__always)
    func next(_ index: Int32, _ label: UInt64) -> Step {
        var slot = Self.slot(index, label) & edgeMask
        while true {
            let edge = edges[slot]
            if edge.node == index && edge.label == label { return edge.target }
            if edge.node < 0 { return .none }
            slot = (slot + 1) & edgeMask
        }
    }
}
