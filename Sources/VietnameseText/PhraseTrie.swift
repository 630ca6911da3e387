// VietnameseText: phrase matching. Builds one prefix-factored PCRE2 alternation from many phrases.
import PCRE2

/// A trie of phrase keys rendered as a single PCRE2 alternation.
///
/// Shared prefixes are written once ("công đoàn(?: cơ sở|...)"), which PCRE2's JIT runs several
/// times faster than a flat list of alternatives. Each phrase end carries a `(*MARK:n)` naming the
/// trie node, so one match tells which phrases ended there and, through ``phrasesOnPath(toMark:)``,
/// which shorter phrases are prefixes of it at word boundaries.
struct PhraseTrie {
    private struct Node {
        var children: [(Unicode.Scalar, Int)] = []
        var terminals: [Int] = []
    }

    private var nodes = [Node()]
    private var parent: [Int] = [0]
    /// Phrase keys as inserted, by phrase index.
    private(set) var keys: [String] = []

    /// Adds a phrase key (in match form, single spaces); its index is its insertion order.
    mutating func insert(_ key: String) {
        let index = keys.count
        keys.append(key)
        var node = 0
        for scalar in key.unicodeScalars {
            if let next = nodes[node].children.first(where: { $0.0 == scalar })?.1 {
                node = next
            } else {
                nodes.append(Node())
                parent.append(node)
                nodes[node].children.append((scalar, nodes.count - 1))
                node = nodes.count - 1
            }
        }
        nodes[node].terminals.append(index)
    }

    /// The phrase indices that end at the marked node or at an ancestor reached at a word boundary.
    ///
    func phrasesOnPath(toMark mark: Int) -> [Int] {
        var result: [Int] = []
        var node = mark
        var previous: Int?
        while true {
            if previous == nil {
                result.append(contentsOf: nodes[node].terminals)
            } else if let prev = previous, let scalar = nodes[node].children.first(where: { $0.1 == prev })?.0,
                      !PhraseTrie.isWordScalar(scalar) {
                // A shorter phrase ending here is complete only if the longer one goes on with a non-letter.
                result.append(contentsOf: nodes[node].terminals)
            }
            if node == 0 { break }
            previous = node
            node = parent[node]
        }
        return result
    }

    /// ``phrasesOnPath(toMark:)`` of every node, indexed by node (empty where no phrase ends), so
    /// that a match costs one array read.
    func pathTable() -> [[Int]] {
        nodes.indices.map { nodes[$0].terminals.isEmpty ? [] : phrasesOnPath(toMark: $0) }
    }

    /// The alternation, without word-boundary guards.
    func pattern() -> String {
        var out = ""
        render(0, into: &out)
        return out
    }

    private func render(_ index: Int, into out: inout String, after last: Unicode.Scalar? = nil) {
        let node = nodes[index]
        // Children first and the end of a phrase last, so the longest phrase wins.
        var branches: [String] = []
        for (scalar, child) in node.children.sorted(by: { $0.0.value < $1.0.value }) {
            var branch = PhraseTrie.literal(scalar)
            render(child, into: &branch, after: scalar)
            branches.append(branch)
        }
        let end = node.terminals.isEmpty ? nil : "(*MARK:\(index))"
        if let end, index != 0 {
            // A phrase ending in a letter or digit may end only where the word ends; one ending in
            // punctuation ("mô hình \"") may be followed by anything.
            let wordEnd = last.map(PhraseTrie.isWordScalar) ?? true
            branches.append((wordEnd ? "(?![\\p{L}\\p{N}])" : "") + end)
        }
        switch branches.count {
        case 0: break
        case 1: out += branches[0]
        default: out += "(?:" + branches.joined(separator: "|") + ")"
        }
    }

    private static func literal(_ scalar: Unicode.Scalar) -> String {
        Pattern.escape(String(scalar))
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
