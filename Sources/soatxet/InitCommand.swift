// soatxet: `soatxet init`. Writes a commented .soatxet.yml for a folder of reports.
import ArgumentParser
import AtomicFiles
import Configuration
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .soatxet.yml (packs, rule levels, ignores, encodings, suppressions).",
        discussion: "Refuses to replace an existing file unless --force is given. Exit status 2 when it cannot write."
    )

    @Argument(help: "The folder to write it in (default: the current folder).")
    var folder: String = "."

    @Option(help: "The default rule pack to write in it.")
    var pack: String = ProjectConfig.defaultPack

    @ArgumentParser.Flag(help: "Replace an existing .soatxet.yml.")
    var force = false

    func run() throws {
        let file = (folder as NSString).appendingPathComponent(ProjectConfig.fileNames[0])
        if FileManager.default.fileExists(atPath: file), !force {
            printError("error: \(file) already exists; edit it, or run 'soatxet init --force' to replace it")
            throw ExitCode(2)
        }
        do {
            try AtomicFile.write(Data(ConfigTemplate.text(pack: pack).utf8), to: file)
        } catch {
            printError("error: cannot write \(file): \(error)")
            throw ExitCode(2)
        }
        print(file)
    }
}
