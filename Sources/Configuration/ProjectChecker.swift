// Configuration: configured checking. Each report checked with the pack, rule levels and encoding its configuration gives.
import ComplianceEngine
import DocumentReaders
import Foundation
import RuleModel
import VietnameseText

/// Checks reports as their configurations say, with the command line's choices on top.
///
/// Precedence for each report: `--pack` > the first `packs:` entry whose glob matches > `pack:` >
/// ``ProjectConfig/defaultPack``; `--encoding` > the first `encodings:` match > detection. Rule levels
/// and `extends:` come from the report's configuration. The language of the run is `--lang`, else
/// the `lang:` of `--config` or of the configuration found from the working directory, else vi.
public final class ProjectChecker: @unchecked Sendable {
    /// The command line's choices, which win over configuration.
    public struct Overrides: Sendable {
        public var pack: String?
        public var language: String?
        public var encoding: TextEncoding?

        public init(pack: String? = nil, language: String? = nil, encoding: TextEncoding? = nil) {
            self.pack = pack
            self.language = language
            self.encoding = encoding
        }
    }

    /// Where packs are looked up.
    public let library: PackLibrary
    /// Finds configurations.
    public let finder: ConfigFinder
    /// The command line's choices.
    public let overrides: Overrides
    /// The language of messages for the whole run.
    public let language: String

    private struct CheckerKey: Hashable {
        let pack: String
        let extends: [String]
        let disabled: Set<String>
        let severities: [String: FindingSeverity]
    }

    private let lock = NSLock()
    private var checkers: [CheckerKey: Result<Checker, Error>] = [:]
    private var fingerprints: [CheckerKey: String] = [:]
    /// Results already judged, when the run uses a cache.
    public let cache: ResultCache?
    /// The size and time each report may take; a report over one is an ``InputError``.
    public let limits: DocumentLimits

    /// Throws when `--config` names a file that cannot be read or decoded.
    public init(library: PackLibrary = .standard(), finder: ConfigFinder = ConfigFinder(), overrides: Overrides = Overrides(),
                cache: ResultCache? = nil, limits: DocumentLimits = .standard) throws {
        self.cache = cache
        self.limits = limits
        self.library = library
        self.finder = finder
        self.overrides = overrides
        let runConfig = finder.override != nil ? try finder.runConfig() : try? finder.runConfig()
        language = overrides.language ?? runConfig?.config.lang ?? "vi"
    }

    /// What applies to `path`, overrides included.
    public func settings(for path: String) throws -> FileSettings {
        var settings = try finder.config(for: path)?.settings(for: path) ?? FileSettings()
        if let pack = overrides.pack { settings.pack = pack }
        if let encoding = overrides.encoding { settings.encoding = encoding }
        return settings
    }

    /// The checker for `settings`, compiled once per pack and rule levels.
    public func checker(for settings: FileSettings) throws -> Checker {
        let key = CheckerKey(pack: settings.pack ?? ProjectConfig.defaultPack, extends: settings.extends,
                             disabled: settings.disabled, severities: settings.severities)
        // Built under the lock: the workers of a batch all ask at once, and the pack is compiled once.
        lock.lock()
        defer { lock.unlock() }
        if let cached = checkers[key] { return try cached.get() }
        let result = Result {
            try Checker(pack: try library.resolve(key.pack, extending: key.extends),
                        options: EngineOptions(language: language, disabled: key.disabled, severities: key.severities))
        }
        checkers[key] = result
        return try result.get()
    }

    /// What judges reports with `settings`: the bytes of the pack files, the rule levels, the
    /// language and the tool's version. A cached result is used only when all are unchanged.
    func fingerprint(for settings: FileSettings) throws -> String {
        let key = CheckerKey(pack: settings.pack ?? ProjectConfig.defaultPack, extends: settings.extends,
                             disabled: settings.disabled, severities: settings.severities)
        lock.lock()
        if let known = fingerprints[key] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let resolved = try checker(for: settings).engine.pack.resolved
        // The files the pack and its bases were read from: a base given by path (a configuration's
        // `extends:`) is hashed from its own file too.
        let files = [resolved.file] + resolved.baseFiles
        let contents = files.map { (FileManager.default.contents(atPath: $0).map { String(decoding: $0, as: UTF8.self) }) ?? $0 }
        let parts = contents + [key.extends.joined(separator: ","), key.disabled.sorted().joined(separator: ","),
                                key.severities.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.rawValue)" }.joined(separator: ","),
                                language, Self.toolVersion]
        let fingerprint = ResultCache.key(content: Array(parts.joined(separator: "\u{1F}").utf8), path: "", judge: "")
        lock.lock()
        fingerprints[key] = fingerprint
        lock.unlock()
        return fingerprint
    }

    /// The version whose results the cache holds; a new version never reads an older one's entries.
    public static let toolVersion = "soatxet 0.1.0"

    /// The packs compiled so far, for reporters that list every rule (SARIF).
    public var usedPacks: [ResolvedPack] {
        lock.lock()
        defer { lock.unlock() }
        var seen = Set<String>()
        return checkers.values.compactMap { try? $0.get().engine.pack.resolved }
            .filter { seen.insert($0.pack.id).inserted }.sorted { $0.pack.id < $1.pack.id }
    }

    /// What checking one path came to.
    private enum Outcome: Sendable {
        case checked(DocumentResult)
        case ignored
        /// A broken configuration or pack is reported once, however many reports it governs.
        case failed(path: String, message: String, shared: Bool)
    }

    /// Checks `paths` (files, or "-" for standard input) on all cores; results keep the order of
    /// `paths`. Ignored reports are left out; a report that cannot be read, or whose configuration or
    /// pack is broken, becomes an ``InputError`` (one per broken configuration or pack, however many
    /// reports it governs) and the others go on.
    public func check(_ paths: [String], workers: Int = Batch.defaultWorkers,
                      progress: (@Sendable (Int, Int) -> Void)? = nil) -> RunResult {
        let outcomes = Batch.map(paths, workers: workers, progress: progress) { path in check(path) }
        var run = RunResult(documents: [], errors: [])
        var reported = Set<String>()
        for outcome in outcomes {
            switch outcome {
            case let .checked(document):
                run.documents.append(document)
            case .ignored:
                continue
            case let .failed(path, message, shared):
                if shared && !reported.insert(message).inserted { continue }
                run.errors.append(InputError(path: path, message: message))
            }
        }
        return run
    }

    private func check(_ path: String) -> Outcome {
        let settings: FileSettings
        do {
            settings = try self.settings(for: path)
        } catch let error as RuleError {
            return .failed(path: error.file, message: "\(error)", shared: true)
        } catch {
            return .failed(path: path, message: "\(error)", shared: true)
        }
        if settings.ignored { return .ignored }
        let checker: Checker
        let judge: String
        do {
            checker = try self.checker(for: settings)
            judge = try fingerprint(for: settings)
        } catch let error as RuleError {
            return .failed(path: error.file, message: "\(error)", shared: true)
        } catch {
            return .failed(path: settings.configFile ?? path, message: "\(error)", shared: true)
        }
        do {
            // The size is checked before reading; the time budget between the stages (see DocumentLimits).
            try limits.checkSize(of: path)
            let budget = limits.startBudget()
            let options = ReadOptions(encoding: settings.encoding)
            guard let cache, path != "-" else {
                let document = path == "-"
                    ? try DocumentReaders.readStandardInput(format: .txt, options: options)
                    : try DocumentReaders.read(path: path, options: options)
                try budget.checkpoint("read")
                return .checked(try checker.check(document, budget: budget))
            }
            let bytes = try DocumentReaders.bytes(of: path)
            let key = ResultCache.key(content: bytes, path: path, judge: judge + "|\(settings.encoding?.rawValue ?? "auto")")
            if let cached = cache.lookup(key) { return .checked(cached) }
            let format = DocumentReaders.format(forExtension: (path as NSString).pathExtension) ?? .txt
            let document = try DocumentReaders.read(bytes: bytes, format: format, path: path, options: options)
            try budget.checkpoint("read")
            let result = try checker.check(document, budget: budget)
            cache.store(result, key: key)
            return .checked(result)
        } catch let error as LimitError {
            return .failed(path: path, message: error.message(language: language), shared: false)
        } catch {
            return .failed(path: path, message: "\(error)", shared: false)
        }
    }
}
