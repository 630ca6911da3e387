// DocumentReaders: the model. The section tree: each heading owns the blocks up to the next heading of its level or above.

/// The headings of a document as a tree, derived once from its blocks.
///
/// Node 0 is the root: the whole document, with the blocks before the first heading as its own content.
public struct SectionTree: Sendable {
    /// One section: a heading and what follows it.
    public struct Node: Sendable, Hashable {
        /// The index of the heading block, or nil for the root.
        public var heading: Int?
        /// The heading level (0 for the root).
        public var level: Int
        /// The parent node's index (nil for the root).
        public var parent: Int?
        /// Child nodes' indices, in reading order.
        public var children: [Int]
        /// The blocks the section spans: its heading, its own content and its subsections.
        public var blocks: Range<Int>
        /// The blocks of its own content, before its first subsection (heading excluded).
        public var ownContent: Range<Int>
    }

    /// All nodes; index 0 is the root, then headings in reading order.
    public let nodes: [Node]
    // For each block, the node that directly contains it.
    private let owner: [Int32]

    /// The root node (the whole document).
    public var root: Node { nodes[0] }

    /// Builds the tree of `blocks` in one pass.
    public init(blocks: [Block]) {
        var nodes = [Node(heading: nil, level: 0, parent: nil, children: [], blocks: 0..<blocks.count, ownContent: 0..<0)]
        var owner = [Int32](repeating: 0, count: blocks.count)
        var stack = [0]
        var firstChildStart = [Int?](repeating: nil, count: 1)
        for (index, block) in blocks.enumerated() {
            guard case let .heading(level) = block.scope else {
                owner[index] = Int32(stack.last!)
                continue
            }
            while stack.count > 1, nodes[stack.last!].level >= level {
                let closed = stack.removeLast()
                nodes[closed].blocks = nodes[closed].blocks.lowerBound..<index
            }
            let parent = stack.last!
            let node = nodes.count
            nodes.append(Node(heading: index, level: level, parent: parent, children: [], blocks: index..<blocks.count, ownContent: 0..<0))
            firstChildStart.append(nil)
            nodes[parent].children.append(node)
            if firstChildStart[parent] == nil { firstChildStart[parent] = index }
            owner[index] = Int32(node)
            stack.append(node)
        }
        for node in nodes.indices {
            let start = nodes[node].heading.map { $0 + 1 } ?? 0
            let end = firstChildStart[node] ?? nodes[node].blocks.upperBound
            nodes[node].ownContent = start..<max(start, end)
        }
        self.nodes = nodes
        self.owner = owner
    }

    /// The index of the innermost section containing block `index` (a heading belongs to its own section).
    public func section(containing index: Int) -> Int {
        owner.indices.contains(index) ? Int(owner[index]) : 0
    }

    /// The heading block indices from the outermost section down to the one containing block `index`.
    public func headingPath(of index: Int) -> [Int] {
        var path: [Int] = []
        var node: Int? = section(containing: index)
        while let current = node, let heading = nodes[current].heading {
            path.append(heading)
            node = nodes[current].parent
        }
        return path.reversed()
    }
}
