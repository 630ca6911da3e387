// Configuration: path globs. `*`, `?`, `**` and `[...]` over "/"-separated paths relative to a configuration's folder.

/// A path pattern as `.soatxet.yml` writes them (the gitignore conventions people know).
///
/// - `*` matches any characters within one path segment, `?` one character, `[abc]` one of a set;
/// - `**` matches any number of whole segments (`bao-cao/**`: everything under `bao-cao`;
///   `**/nhap/*.md`: `.md` files in any `nhap` folder);
/// - a pattern without "/" matches the file name at any depth (`*.docx`);
/// - a pattern ending in "/" (`nhap/`) matches everything under that folder.
public struct Glob: Sendable, Equatable {
    /// The pattern as written.
    public let pattern: String
    private let segments: [Substring]

    public init(_ pattern: String) {
        self.pattern = pattern
        var text = pattern
        if text.hasPrefix("./") { text.removeFirst(2) }
        if text.hasSuffix("/") { text += "**" }
        if !text.contains("/") { text = "**/" + text }
        if text.hasPrefix("/") { text.removeFirst() }
        segments = text.split(separator: "/", omittingEmptySubsequences: true)
    }

    /// Whether `path` ("/"-separated, relative to the configuration's folder) matches.
    public func matches(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        return Self.match(segments[...], parts[...])
    }

    private static func match(_ pattern: ArraySlice<Substring>, _ path: ArraySlice<Substring>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "**" {
            let rest = pattern.dropFirst()
            if rest.isEmpty { return true }
            var tail = path
            while true {
                if match(rest, tail) { return true }
                guard !tail.isEmpty else { return false }
                tail = tail.dropFirst()
            }
        }
        guard let segment = path.first, matchSegment(Array(first), Array(segment)) else { return false }
        return match(pattern.dropFirst(), path.dropFirst())
    }

    /// `*`, `?` and `[...]` within one segment.
    private static func matchSegment(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0, t = 0
        var starP = -1, starT = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                starP = p
                starT = t
                p += 1
                continue
            }
            if p < pattern.count, let width = matchOne(pattern, at: p, text[t]) {
                p += width
                t += 1
                continue
            }
            guard starP >= 0 else { return false }
            p = starP + 1
            starT += 1
            t = starT
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// How many pattern characters match `character` at `index` (nil: no match).
    private static func matchOne(_ pattern: [Character], at index: Int, _ character: Character) -> Int? {
        switch pattern[index] {
        case "?":
            return 1
        case "[":
            guard let close = pattern[(index + 1)...].firstIndex(of: "]"), close > index + 1 else {
                return character == "[" ? 1 : nil
            }
            var set = Array(pattern[(index + 1)..<close])
            let negated = set.first == "!" || set.first == "^"
            if negated { set.removeFirst() }
            var found = false
            var i = 0
            while i < set.count {
                if i + 2 < set.count, set[i + 1] == "-" {
                    if set[i] <= character && character <= set[i + 2] { found = true }
                    i += 3
                } else {
                    if set[i] == character { found = true }
                    i += 1
                }
            }
            return found != negated ? close - index + 1 : nil
        default:
            return pattern[index] == character ? 1 : nil
        }
    }
}
