// RuleModel: finding and loading packs. Packs by ID from rule folders, `extends` resolved, mistakes located.
import Foundation

/// A pack with everything it extends folded in, ready for the engine.
public struct ResolvedPack: Sendable {
    /// The pack as written.
    public let pack: Pack
    /// The file it was read from.
    public let file: String
    /// Packs it extends, in the order their rules apply (bases first, each once).
    public let bases: [Pack]
    /// The file each of ``bases`` was read from, in the same order.
    public let baseFiles: [String]
    /// Concepts of the bases and the pack; the pack's own win on equal names.
    public let concepts: [String: Concept]
    /// Requirements of the bases and the pack, bases first.
    public let requirements: [Requirement]
    /// Rules of the bases and the pack, bases first; a pack's rule replaces a base rule with its ID.
    public let rules: [Rule]

    /// A pack that extends nothing, on its own (tests and packs given as data).
    public init(_ pack: Pack, file: String) throws {
        self = try PackLibrary.fold(pack, file: file, bases: [])
    }

    init(pack: Pack, file: String, bases: [(pack: Pack, file: String)], concepts: [String: Concept], requirements: [Requirement],
         rules: [Rule]) {
        self.pack = pack
        self.file = file
        self.bases = bases.map(\.pack)
        self.baseFiles = bases.map(\.file)
        self.concepts = concepts
        self.requirements = requirements
        self.rules = rules
    }

    /// The directive clause text a requirement or rule cites, searched in the pack then its bases.
    public func clauseText(_ id: String?) -> String? {
        guard let id else { return nil }
        for candidate in [pack] + bases.reversed() {
            if let text = candidate.directive?.clauses[id] { return text }
        }
        return nil
    }
}

/// What can go wrong finding or combining packs.
public enum PackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No pack with this ID in any rule folder.
    case notFound(id: String, searched: [String], available: [String])
    /// A pack extends itself, directly or through others.
    case extendsCycle([String])
    /// Two requirements in a resolved pack share an ID.
    case duplicateRequirement(id: String, file: String)
    /// A requirement cites a clause that its directive does not have.
    case unknownClause(clause: String, requirement: String, file: String)
    /// The file cannot be read.
    case unreadable(file: String, reason: String)
    /// The file's pack ID does not match its file name.
    case idMismatch(file: String, id: String)

    public var description: String {
        switch self {
        case let .notFound(id, searched, available):
            return "no rule pack '\(id)' in \(searched.joined(separator: ", ")); available: \(available.joined(separator: ", "))"
        case let .extendsCycle(chain):
            return "rule packs extend each other in a cycle: \(chain.joined(separator: " -> "))"
        case let .duplicateRequirement(id, file):
            return "\(file): requirement '\(id)' is defined twice (in the pack and in a pack it extends?)"
        case let .unknownClause(clause, requirement, file):
            return "\(file): requirement '\(requirement)' cites clause '\(clause)', which the directive does not list"
        case let .unreadable(file, reason):
            return "\(file): cannot read the rule pack: \(reason)"
        case let .idMismatch(file, id):
            return "\(file): the pack's id '\(id)' differs from its file name"
        }
    }
}

/// The rule folders soatxet searches, and the packs in them.
public struct PackLibrary: Sendable {
    /// Folders searched in order; the first holding `<id>.yaml` wins.
    public let folders: [String]

    /// A library over explicit folders.
    public init(folders: [String]) { self.folders = folders }

    /// The default folders: `$SOATXET_RULES`, then the `Rules` folder bundled with the running binary
    /// (found by walking up from the executable), then `/usr/local/share/soatxet/Rules`.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> PackLibrary {
        var folders: [String] = []
        if let custom = environment["SOATXET_RULES"], !custom.isEmpty { folders.append(custom) }
        var directory = executable()
        for _ in 0..<6 {
            directory.deleteLastPathComponent()
            let candidate = directory.appendingPathComponent("Rules").path
            if FileManager.default.fileExists(atPath: candidate) {
                folders.append(candidate)
                break
            }
        }
        folders.append("/usr/local/share/soatxet/Rules")
        return PackLibrary(folders: folders)
    }

    /// The running executable, symbolic links resolved: the target of Linux's `/proc/self/exe`, else
    /// the command's first argument. (Foundation's `Bundle.main` lists the executable's whole folder
    /// to find it: a quarter of the start-up in a build folder.)
    static func executable() -> URL {
        if let target = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: target)
        }
        return URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath()
    }

    /// IDs of every pack in the folders, sorted.
    public func availableIDs() -> [String] {
        var ids = Set<String>()
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names where name.hasSuffix(".yaml") { ids.insert(String(name.dropLast(5))) }
        }
        return ids.sorted()
    }

    /// The file of pack `id`.
    public func file(of id: String) throws -> String {
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent("\(id).yaml")
            if FileManager.default.fileExists(atPath: path) { return path }
        }
        throw PackError.notFound(id: id, searched: folders, available: availableIDs())
    }

    /// Reads and decodes one pack file strictly (no `extends` resolution).
    public static func decode(file: String) throws -> Pack {
        let yaml: String
        do {
            yaml = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw PackError.unreadable(file: file, reason: error.localizedDescription)
        }
        return try StrictYAMLDecoder(file: file, yaml: yaml).decode(Pack.self)
    }

    /// Loads pack `id` (or a path ending in `.yaml`) with its bases folded in.
    public func resolve(_ idOrPath: String) throws -> ResolvedPack {
        try resolve(idOrPath, extending: [])
    }

    /// Loads pack `idOrPath` with its bases folded in, and `extra` packs (IDs or `.yaml` paths) added
    /// as further bases, as a project configuration's `extends:` asks; their requirements and rules join
    /// the pack's, and the pack's own rules still replace theirs.
    public func resolve(_ idOrPath: String, extending extra: [String]) throws -> ResolvedPack {
        let file = try self.file(forReference: idOrPath)
        let pack = try Self.decode(file: file)
        var bases: [(pack: Pack, file: String)] = []
        var seen: Set<String> = [pack.id]
        try collectBases(of: pack, chain: [pack.id], seen: &seen, into: &bases)
        for reference in extra {
            let addedFile = try self.file(forReference: reference)
            let added = try Self.decode(file: addedFile)
            guard !seen.contains(added.id) else { continue }
            try collectBases(of: added, chain: [pack.id, added.id], seen: &seen, into: &bases)
            if !seen.contains(added.id) {
                seen.insert(added.id)
                bases.append((added, addedFile))
            }
        }
        return try Self.fold(pack, file: file, bases: bases)
    }

    /// The file a pack reference names: a path as given (it ends in `.yaml` or holds a `/`), else
    /// the library's file of that ID.
    private func file(forReference reference: String) throws -> String {
        reference.hasSuffix(".yaml") || reference.contains("/") ? reference : try file(of: reference)
    }

    private func collectBases(of pack: Pack, chain: [String], seen: inout Set<String>,
                              into bases: inout [(pack: Pack, file: String)]) throws {
        for id in pack.extends {
            if chain.contains(id) { throw PackError.extendsCycle(chain + [id]) }
            guard !seen.contains(id) else { continue }
            let baseFile = try file(of: id)
            let base = try Self.decode(file: baseFile)
            try collectBases(of: base, chain: chain + [id], seen: &seen, into: &bases)
            if !seen.contains(id) {
                seen.insert(id)
                bases.append((base, baseFile))
            }
        }
    }

    static func fold(_ pack: Pack, file: String, bases: [(pack: Pack, file: String)]) throws -> ResolvedPack {
        var concepts: [String: Concept] = [:]
        var requirements: [Requirement] = []
        var rules: [Rule] = []
        for source in bases.map(\.pack) + [pack] {
            concepts.merge(source.concepts) { _, new in new }
            for requirement in source.requirements {
                if requirements.contains(where: { $0.id == requirement.id }) {
                    throw PackError.duplicateRequirement(id: requirement.id, file: file)
                }
                requirements.append(requirement)
            }
            for rule in source.rules {
                rules.removeAll { $0.id == rule.id }
                rules.append(rule)
            }
        }
        let resolved = ResolvedPack(
            pack: pack, file: file, bases: bases, concepts: concepts, requirements: requirements, rules: rules)
        for requirement in requirements where resolved.clauseText(requirement.clause) == nil {
            throw PackError.unknownClause(clause: requirement.clause, requirement: requirement.id, file: file)
        }
        return resolved
    }
}
