// Configuration: discovery. Finds the `.soatxet.yml` governing each report (nearest wins) and what it says for that report.
import ComplianceEngine
import Foundation
import RuleModel
import VietnameseText

/// A configuration file that was found and decoded.
public struct LoadedConfig: Sendable, Equatable {
    /// The file, as an absolute standardized path.
    public let file: String
    /// Its folder: paths and globs in it are relative to this.
    public let folder: String
    /// What it says.
    public let config: ProjectConfig

    /// Reads and decodes `path`; throws ``ConfigError`` or a ``RuleError`` at file:line:col.
    public static func load(_ path: String) throws -> LoadedConfig {
        let file = URL(fileURLWithPath: path).standardizedFileURL.path
        guard let data = FileManager.default.contents(atPath: file) else {
            throw ConfigError.unreadable(file: path)
        }
        let config = try ProjectConfig.decode(yaml: String(decoding: data, as: UTF8.self), file: path)
        return LoadedConfig(file: file, folder: (file as NSString).deletingLastPathComponent, config: config)
    }

    public init(file: String, folder: String, config: ProjectConfig) {
        self.file = file
        self.folder = folder
        self.config = config
    }

    /// `path` relative to ``folder`` ("/"-separated), or nil when it lies outside.
    public func relativePath(of path: String) -> String? {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : nil
    }

    /// What the configuration says for the report at `path`.
    public func settings(for path: String) -> FileSettings {
        let relative = path == "-" ? nil : relativePath(of: path)
        func matches(_ glob: String) -> Bool { relative.map { Glob(glob).matches($0) } ?? false }
        var settings = FileSettings(configFile: file)
        let pack = config.packs.first { matches($0.path) }?.pack ?? config.pack
        settings.pack = pack.map(resolveReference)
        settings.extends = config.extends.map(resolveReference)
        for (id, setting) in config.rules {
            switch setting {
            case .off: settings.disabled.insert(id)
            case let .severity(severity): settings.severities[id] = severity
            }
        }
        settings.ignored = config.ignore.contains(where: matches)
        settings.encoding = config.encodings.first { matches($0.path) }?.encoding
        return settings
    }

    /// A pack ID stays as it is; a pack file (with "/" or ".yaml") is taken relative to ``folder``.
    private func resolveReference(_ reference: String) -> String {
        guard reference.contains("/") || reference.hasSuffix(".yaml"), !reference.hasPrefix("/") else { return reference }
        return (folder as NSString).appendingPathComponent(reference)
    }
}

/// What applies to one report, from its configuration (before the command line's overrides).
public struct FileSettings: Sendable, Hashable {
    /// The pack, when the configuration names one.
    public var pack: String?
    /// Packs added to it.
    public var extends: [String] = []
    /// Rules and requirements turned off.
    public var disabled: Set<String> = []
    /// Severities given to rules and requirements.
    public var severities: [String: FindingSeverity] = [:]
    /// The encoding to decode it with; nil detects it.
    public var encoding: TextEncoding?
    /// Whether an `ignore` glob matches it.
    public var ignored = false
    /// The configuration file these come from; nil when none applies.
    public var configFile: String?

    public init(configFile: String? = nil) { self.configFile = configFile }
}

/// A configuration file that cannot be used.
public enum ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be read.
    case unreadable(file: String)

    public var description: String {
        switch self {
        case let .unreadable(file):
            return "\(file): cannot read the configuration file; check the path, or write one with 'soatxet init'"
        }
    }
}

/// Finds the configuration of each report: the `.soatxet.yml` nearest to it, walking up from its
/// folder (nearest wins; files are not merged), or the one file given with `--config`.
public final class ConfigFinder: @unchecked Sendable {
    /// The file given on the command line, which replaces discovery.
    public let override: String?
    private let workingDirectory: String
    private let lock = NSLock()
    private var found: [String: String?] = [:]  // folder -> config file found from it
    private var loaded: [String: Result<LoadedConfig, Error>] = [:]

    public init(override: String? = nil, workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.override = override
        self.workingDirectory = workingDirectory
    }

    /// The configuration governing `path` ("-": standard input, found from the working directory); nil
    /// when there is none. Throws when that file cannot be read or decoded.
    public func config(for path: String) throws -> LoadedConfig? {
        if let override { return try load(override) }
        let folder = path == "-" ? workingDirectory
            : (URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: workingDirectory)).standardizedFileURL.path as NSString)
                .deletingLastPathComponent
        guard let file = nearest(from: folder) else { return nil }
        return try load(file)
    }

    /// The configuration of the run as a whole (its language): `--config`, or the one found from the
    /// working directory.
    public func runConfig() throws -> LoadedConfig? {
        if let override { return try load(override) }
        guard let file = nearest(from: workingDirectory) else { return nil }
        return try load(file)
    }

    private func nearest(from folder: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        var visited: [String] = []
        var current = folder
        var result: String?
        while true {
            if let cached = found[current] {
                result = cached
                break
            }
            visited.append(current)
            if let name = ProjectConfig.fileNames.first(where: {
                FileManager.default.fileExists(atPath: (current as NSString).appendingPathComponent($0))
            }) {
                result = (current as NSString).appendingPathComponent(name)
                break
            }
            let parent = (current as NSString).deletingLastPathComponent
            if parent == current || parent.isEmpty { break }
            current = parent
        }
        for folder in visited { found[folder] = .some(result) }
        return result
    }

    private func load(_ file: String) throws -> LoadedConfig {
        lock.lock()
        if let cached = loaded[file] {
            lock.unlock()
            return try cached.get()
        }
        lock.unlock()
        let result = Result { try LoadedConfig.load(file) }
        lock.lock()
        loaded[file] = result
        lock.unlock()
        return try result.get()
    }
}
