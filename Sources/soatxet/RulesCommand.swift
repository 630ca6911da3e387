// soatxet: `soatxet rules`. Lists, shows, validates and tests rule packs.
import ArgumentParser
import AtomicFiles
import ComplianceEngine
import Foundation
import RuleModel

struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List, show, validate and test rule packs.",
        subcommands: [List.self, Show.self, Validate.self, Test.self, Accuracy.self]
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the packs and their requirements.")

        func run() throws {
            let library = PackLibrary.standard()
            for id in library.availableIDs() {
                let pack = try PackLibrary.decode(file: try library.file(of: id))
                print("\(id)\(pack.base ? " (base)" : "")  \(pack.title)")
                for requirement in pack.requirements { print("  \(requirement.id)  \(requirement.title)") }
                for rule in pack.rules { print("  \(rule.id)  \(rule.title) [\(rule.severity.rawValue)]") }
            }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a pack, or one requirement or rule, with clauses and examples.")

        @Argument(help: "A pack ID, or PACK/REQUIREMENT.")
        var id: String

        func run() throws {
            let parts = id.split(separator: "/", maxSplits: 1).map(String.init)
            let resolved = try loadOrExit(parts[0])
            let wanted = parts.count > 1 ? parts[1] : nil
            if wanted == nil {
                print("\(resolved.pack.id): \(resolved.pack.title)")
                if let directive = resolved.pack.directive { print("  \(directive.issuer): \(directive.title)") }
                if !resolved.pack.extends.isEmpty { print("  extends: \(resolved.pack.extends.joined(separator: ", "))") }
            }
            var shown = 0
            for requirement in resolved.requirements where wanted == nil || requirement.id == wanted {
                shown += 1
                print("\n\(requirement.id): \(requirement.title)  (weight \(requirement.weight), \(requirement.check.node["kind"]?.string ?? "?"))")
                print("  «\(resolved.clauseText(requirement.clause) ?? requirement.clause)»")
                if wanted != nil {
                    requirement.examples.pass.forEach { print("  ✓ \($0.replacingOccurrences(of: "\n", with: "\n    "))") }
                    requirement.examples.fail.forEach { print("  ✗ \($0.replacingOccurrences(of: "\n", with: "\n    "))") }
                }
            }
            for rule in resolved.rules where wanted == nil || rule.id == wanted {
                shown += 1
                print("\n\(rule.id): \(rule.title)  [\(rule.severity.rawValue), \(rule.check.node["kind"]?.string ?? "?")]")
                if let clause = resolved.clauseText(rule.clause) { print("  «\(clause)»") }
                if wanted != nil {
                    rule.examples.pass.forEach { print("  ✓ \($0)") }
                    rule.examples.fail.forEach { print("  ✗ \($0)") }
                }
            }
            if shown == 0, let wanted {
                printError("error: no requirement or rule '\(wanted)' in \(resolved.pack.id)")
                throw ExitCode(2)
            }
        }
    }

    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "validate", abstract: "Load a pack strictly and compile every check; errors at file:line:col.")

        @Argument(help: "Pack files or IDs.")
        var packs: [String]

        func run() throws {
            var failed = false
            for pack in packs {
                do {
                    let resolved = try PackLibrary.standard().resolve(pack)
                    _ = try Checker(pack: resolved)
                    print("\(resolved.file): ok (\(resolved.requirements.count) requirements, \(resolved.rules.count) rules)")
                } catch {
                    failed = true
                    printError("\(error)")
                }
            }
            if failed { throw ExitCode(2) }
        }
    }

    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "test", abstract: "Run the examples of every rule of the packs (all packs when none is given).")

        @Argument(help: "Pack files or IDs.")
        var packs: [String] = []

        func run() throws {
            let library = PackLibrary.standard()
            let ids = packs.isEmpty ? library.availableIDs() : packs
            var failures = 0, total = 0
            for id in ids {
                do {
                    let (failed, count) = try ExampleRunner.run(try library.resolve(id))
                    total += count
                    failures += failed.count
                    failed.forEach { print("✗ \($0)") }
                    print("\(id): \(count - failed.count)/\(count) examples behave")
                } catch {
                    failures += 1
                    printError("\(error)")
                }
            }
            print("\(total - failures) passed, \(failures) failed")
            if failures > 0 { throw ExitCode(1) }
        }
    }
}

extension Rules {
    struct Accuracy: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "accuracy",
            abstract: "Compare each pack's judgements with its labelled corpus (Corpus/<pack>/*.expected.json).",
            discussion: "Prints, per pack and requirement, met/not-met and exact agreement and every disagreement; variants of a report (other encodings, .docx) must get the statuses of its .txt.")

        @Argument(help: "Pack IDs (default: every pack with a corpus folder).")
        var packs: [String] = []

        @Option(help: "The corpus folder.")
        var corpus: String = "Corpus"

        @Option(help: "Also write the report as Markdown to this file.")
        var markdown: String?

        @Option(help: "Exit 1 when overall met/not-met agreement (percent) is below this.")
        var minimum: Double = 0

        func run() throws {
            let library = PackLibrary.standard()
            let ids = packs.isEmpty
                ? library.availableIDs().filter { FileManager.default.fileExists(atPath: "\(corpus)/\($0)") }
                : packs
            var evaluations: [PackEvaluation] = []
            for id in ids {
                do {
                    let checker = try Checker(pack: try library.resolve(id))
                    evaluations.append(try CorpusEvaluation.evaluate(checker, folder: "\(corpus)/\(id)"))
                } catch {
                    printError("\(id): error: \(error)")
                    throw ExitCode(2)
                }
            }
            let report = CorpusEvaluation.markdown(evaluations)
            print(report, terminator: "")
            if let markdown {
                do {
                    try AtomicFile.write(Data(report.utf8), to: markdown)
                } catch {
                    printError("error: cannot write \(markdown): \(error)")
                    throw ExitCode(2)
                }
            }
            let total = evaluations.reduce(0) { $0 + $1.total }
            let agreed = evaluations.reduce(0) { $0 + $1.metAgreement }
            if total > 0, Double(agreed) * 100 / Double(total) < minimum { throw ExitCode(1) }
        }
    }
}

/// Resolves a pack or exits with status 2 and the error.
func loadOrExit(_ id: String) throws -> ResolvedPack {
    do {
        return try PackLibrary.standard().resolve(id)
    } catch {
        printError("error: \(error)")
        throw ExitCode(2)
    }
}
