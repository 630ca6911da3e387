// ComplianceEngine: the checker. Reads reports, prepares them and judges them against one pack.
import DocumentReaders
import RuleModel

/// Checks reports against one pack: read, prepare, judge. The CLI, the server and the reviewer tools call this.
public struct Checker: Sendable {
    /// The engine, with its compiled pack.
    public let engine: Engine
    private let preparer: DocumentPreparer

    /// Compiles `pack`; throws a ``RuleError`` at file:line:col when a check definition is wrong.
    public init(pack: ResolvedPack, options: EngineOptions = EngineOptions()) throws {
        let compiled = try CompiledPack(pack)
        engine = Engine(pack: compiled, options: options)
        preparer = try DocumentPreparer(concepts: compiled.concepts)
    }

    /// Judges a document already read.
    /// With a `budget`, throws ``LimitError/tooSlow`` when it is spent after preparing or after judging.
    public func check(_ document: Document, budget: DocumentBudget? = nil) throws -> DocumentResult {
        let prepared = try preparer.prepare(document)
        try budget?.checkpoint("prepare")
        let encoding = EncodingResult(
            name: document.metadata.encoding?.rawValue ?? "utf-8",
            confidence: ((document.metadata.encodingConfidence ?? 1) * 100).rounded() / 100)
        let result = engine.judge(prepared, encoding: encoding, suppressions: SuppressionSet(document))
        try budget?.checkpoint("judge")
        return result
    }

    /// Judges report text given directly (examples, standard input).
    public func check(text: String, path: String = "-") throws -> DocumentResult {
        try check(try DocumentReaders.read(bytes: Array(text.utf8), format: .txt, path: path))
    }

    /// Reads and judges every file on all cores; a file that cannot be read becomes an ``InputError``
    /// and the rest go on. Results keep the order of `paths`.
    public func check(paths: [String], readOptions: ReadOptions = ReadOptions(), workers: Int = Batch.defaultWorkers,
                      progress: (@Sendable (Int, Int) -> Void)? = nil) -> RunResult {
        let outcomes = Batch.map(paths, workers: workers, progress: progress) { path -> Result<DocumentResult, InputError> in
            do {
                return .success(try check(try DocumentReaders.read(path: path, options: readOptions)))
            } catch {
                return .failure(InputError(path: path, message: "\(error)"))
            }
        }
        var run = RunResult(documents: [], errors: [])
        for outcome in outcomes {
            switch outcome {
            case let .success(document): run.documents.append(document)
            case let .failure(error): run.errors.append(error)
            }
        }
        return run
    }
}

extension InputError: Error {}

/// A rule example that did not behave as its pack says.
public struct ExampleFailure: Sendable, Equatable, CustomStringConvertible {
    public let pack: String
    public let rule: String
    /// "pass" or "fail": which list the example is in.
    public let list: String
    public let index: Int
    public let example: String
    /// What happened instead.
    public let outcome: String

    public var description: String {
        "\(pack) \(rule): \(list) example #\(index + 1) \(outcome): «\(example.prefix(100))»"
    }
}

/// Runs the examples every requirement and rule ships: pass examples must satisfy it, fail examples must not.
public enum ExampleRunner {
    /// Runs the examples of `pack` (its bases' too); returns what misbehaved and how many examples ran.
    public static func run(_ pack: ResolvedPack) throws -> (failures: [ExampleFailure], count: Int) {
        let checker = try Checker(pack: pack)
        var failures: [ExampleFailure] = []
        var count = 0
        for requirement in pack.requirements {
            for (list, examples) in [("pass", requirement.examples.pass), ("fail", requirement.examples.fail)] {
                if examples.isEmpty {
                    failures.append(ExampleFailure(pack: pack.pack.id, rule: requirement.id, list: list, index: 0, example: "",
                                                   outcome: "is missing: every requirement needs pass and fail examples"))
                }
                for (index, example) in examples.enumerated() {
                    count += 1
                    let result = try checker.check(text: example)
                    let status = result.requirements.first { $0.id == requirement.id }?.status ?? .missing
                    if (list == "pass") != (status == .met) {
                        failures.append(ExampleFailure(pack: pack.pack.id, rule: requirement.id, list: list, index: index,
                                                       example: example, outcome: "gave \(status.rawValue)"))
                    }
                }
            }
        }
        for rule in pack.rules {
            for (list, examples) in [("pass", rule.examples.pass), ("fail", rule.examples.fail)] {
                if examples.isEmpty {
                    failures.append(ExampleFailure(pack: pack.pack.id, rule: rule.id, list: list, index: 0, example: "",
                                                   outcome: "is missing: every rule needs pass and fail examples"))
                }
                for (index, example) in examples.enumerated() {
                    count += 1
                    let findings = try checker.check(text: example).findings.filter { $0.rule == rule.id }
                    if (list == "pass") != findings.isEmpty {
                        failures.append(ExampleFailure(pack: pack.pack.id, rule: rule.id, list: list, index: index,
                                                       example: example, outcome: "gave \(findings.count) finding(s)"))
                    }
                }
            }
        }
        return (failures, count)
    }
}
