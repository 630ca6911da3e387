// soatxet: the command line; thin over the library.
import ArgumentParser

@main
struct Soatxet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "soatxet",
        abstract: "Soát xét báo cáo công đoàn theo văn bản chỉ đạo. Checks union review reports against their directive.",
        version: "0.1.0",
        subcommands: []
    )
}
