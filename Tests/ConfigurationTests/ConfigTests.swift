// ConfigurationTests: .soatxet.yml decoding, globs, discovery and configured checking of corpus reports.
import ComplianceEngine
import Configuration
import Foundation
import RuleModel
import XCTest

/// A temporary project folder removed at the end of the test.
final class Project {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }

    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let target = path(relative)
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: target, atomically: true, encoding: .utf8)
        return target
    }

    /// Copies a corpus report into the project.
    @discardableResult
    func copy(_ corpus: String, to relative: String) throws -> String {
        let text = try String(contentsOf: Self.root.appendingPathComponent("Corpus/\(corpus)"), encoding: .utf8)
        return try write(relative, text)
    }
}

final class ProjectConfigTests: XCTestCase {
    func testEveryKeyDecodes() throws {
        let config = try ProjectConfig.decode(yaml: """
            pack: tld-so-ket-dh-ix
            packs:
              - path: "bao-cao/huyen/**"
                pack: ldld-huyen-so-ket-giua-nhiem-ky
            extends: [quy-tac/rieng.yaml]
            rules:
              van-phong-cau-dai: off
              the-thuc-so-ky-hieu: error
              van-phong-viet-tat: warning
            ignore: ["nhap/**"]
            encodings:
              - path: "luu-tru/**"
                encoding: tcvn3
            lang: en
            """, file: ".soatxet.yml")
        XCTAssertEqual(config, ProjectConfig(
            pack: "tld-so-ket-dh-ix", packs: [PackMapping(path: "bao-cao/huyen/**", pack: "ldld-huyen-so-ket-giua-nhiem-ky")],
            extends: ["quy-tac/rieng.yaml"],
            rules: ["van-phong-cau-dai": .off, "the-thuc-so-ky-hieu": .severity(.error), "van-phong-viet-tat": .severity(.warning)],
            ignore: ["nhap/**"], encodings: [EncodingMapping(path: "luu-tru/**", encoding: .tcvn3)], lang: "en"))
    }

    private func error(_ yaml: String) -> RuleError? {
        do {
            _ = try ProjectConfig.decode(yaml: yaml, file: "du-an/.soatxet.yml")
            return nil
        } catch {
            return error as? RuleError
        }
    }

    func testMistakesAreLocated() throws {
        let unknown = try XCTUnwrap(error("pack: tld-so-ket-dh-ix\nrule:\n  van-phong-cau-dai: off\n"))
        XCTAssertEqual([unknown.line, unknown.column], [2, 1])
        XCTAssertTrue(unknown.message.contains("unknown key 'rule'"), unknown.message)
        XCTAssertTrue(unknown.description.hasPrefix("du-an/.soatxet.yml:2:1: error:"), unknown.description)
        let nested = try XCTUnwrap(error("packs:\n  - path: \"a/**\"\n    pack: ldld-huyen-so-ket-giua-nhiem-ky\n    pak: x\n"))
        XCTAssertEqual([nested.line, nested.column], [4, 5])
        XCTAssertTrue(nested.message.contains("unknown key 'pak'"), nested.message)
        let missing = try XCTUnwrap(error("packs:\n  - path: \"a/**\"\n    pak: ldld-huyen-so-ket-giua-nhiem-ky\n"))
        XCTAssertEqual([missing.line, missing.column], [2, 5])
        XCTAssertTrue(missing.message.contains("missing key 'pack'"), missing.message)
        let severity = try XCTUnwrap(error("rules:\n  van-phong-cau-dai: loi\n"))
        XCTAssertEqual([severity.line, severity.column], [2, 22])
        XCTAssertTrue(severity.message.contains("expected off, info, warning or error"), severity.message)
        let encoding = try XCTUnwrap(error("encodings:\n  - path: cu/**\n    encoding: tcvn5\n"))
        XCTAssertEqual(encoding.line, 3)
        XCTAssertTrue(encoding.message.contains("unknown encoding 'tcvn5'"), encoding.message)
        let language = try XCTUnwrap(error("lang: fr\n"))
        XCTAssertEqual([language.line, language.column], [1, 7])
        XCTAssertNotNil(error("ignore: nhap/**\n"), "a list is expected")
    }

    func testTheInitTemplateDecodesAndSaysItAll() throws {
        let text = ConfigTemplate.text(pack: "ldld-huyen-so-ket-giua-nhiem-ky")
        XCTAssertEqual(try ProjectConfig.decode(yaml: text, file: ".soatxet.yml"), ProjectConfig(pack: "ldld-huyen-so-ket-giua-nhiem-ky"))
        for key in ["packs:", "extends:", "rules:", "ignore:", "encodings:", "lang:", "soatxet-disable-next-line", "soatxet-enable"] {
            XCTAssertTrue(text.contains(key), key)
        }
        // Every commented example decodes too, once uncommented: the key lines and their indented lines.
        let keys = ["packs:", "extends:", "rules:", "ignore:", "encodings:", "lang:"]
        let uncommented = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> Substring in
            guard line.hasPrefix("# "), !line.contains("<!--"), !line.contains("...") else { return line }
            let body = line.dropFirst(2)
            return keys.contains(where: { body.hasPrefix($0) }) || body.hasPrefix("  ") ? body : line
        }.joined(separator: "\n")
        let config = try ProjectConfig.decode(yaml: uncommented, file: ".soatxet.yml")
        XCTAssertEqual(config.packs.first?.pack, "ldld-huyen-so-ket-giua-nhiem-ky")
        XCTAssertEqual(config.rules["van-phong-cau-dai"], .off)
        XCTAssertEqual(config.encodings.first?.encoding, .tcvn3)
    }
}

final class GlobTests: XCTestCase {
    func testGlobs() {
        let cases: [(String, String, Bool)] = [
            ("bao-cao/huyen/**", "bao-cao/huyen/dong-anh/so-ket.md", true),
            ("bao-cao/huyen/**", "bao-cao/tinh/so-ket.md", false),
            ("*.docx", "bao-cao/huyen/so-ket.docx", true),
            ("*.docx", "bao-cao/so-ket.md", false),
            ("bao-cao/*.md", "bao-cao/so-ket.md", true),
            ("bao-cao/*.md", "bao-cao/huyen/so-ket.md", false),
            ("**/nhap/*.txt", "a/b/nhap/ban-1.txt", true),
            ("**/nhap/*.txt", "nhap/ban-1.txt", true),
            ("nhap/", "nhap/2024/ban-1.txt", true),
            ("so-ket-199?.txt", "so-ket-1998.txt", true),
            ("so-ket-[0-9][0-9].txt", "so-ket-07.txt", true),
            ("so-ket-[!0-9]*.txt", "so-ket-07.txt", false),
            ("Đà-Nẵng/*.txt", "Đà-Nẵng/báo-cáo.txt", true),
        ]
        for (pattern, path, expected) in cases {
            XCTAssertEqual(Glob(pattern).matches(path), expected, "\(pattern) ~ \(path)")
        }
    }
}

final class DiscoveryTests: XCTestCase {
    func testNearestWinsAndOverrideReplaces() throws {
        let project = try Project()
        try project.write(".soatxet.yml", "pack: tld-so-ket-dh-ix\nrules: {van-phong-cau-dai: off}\n")
        try project.write("bao-cao/huyen/.soatxet.yml", "pack: ldld-huyen-so-ket-giua-nhiem-ky\n")
        let top = try project.copy("tld-so-ket-dh-ix/mau-ldld-tinh.txt", to: "bao-cao/tinh/mau.txt")
        let deep = try project.copy("ldld-huyen-so-ket-giua-nhiem-ky/cdcs-ban-qlda-xay-dung-lon-xon.txt", to: "bao-cao/huyen/xa/qlda.txt")
        let finder = ConfigFinder(workingDirectory: project.url.path)
        XCTAssertEqual(try finder.config(for: top)?.file, project.path(".soatxet.yml"))
        XCTAssertEqual(try finder.config(for: deep)?.file, project.path("bao-cao/huyen/.soatxet.yml"))
        let deepSettings = try XCTUnwrap(try finder.config(for: deep)?.settings(for: deep))
        XCTAssertEqual(deepSettings.pack, "ldld-huyen-so-ket-giua-nhiem-ky")
        XCTAssertEqual(deepSettings.disabled, [], "the nearest file wins whole; files are not merged")
        let other = try project.write("khac.yml", "lang: en\n")
        let overridden = ConfigFinder(override: other, workingDirectory: project.url.path)
        XCTAssertEqual(try overridden.config(for: deep)?.file, other)
        XCTAssertEqual(try overridden.runConfig()?.config.lang, "en")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("khong-co-cau-hinh-\(UUID().uuidString).txt").path
        XCTAssertNil(try ConfigFinder(workingDirectory: "/").config(for: outside).flatMap { $0.file.hasPrefix(project.url.path) ? $0 : nil })
    }

    func testSettingsFollowTheGlobs() throws {
        let config = LoadedConfig(file: "/du-an/.soatxet.yml", folder: "/du-an", config: ProjectConfig(
            pack: "tld-so-ket-dh-ix",
            packs: [PackMapping(path: "bao-cao/huyen/**", pack: "ldld-huyen-so-ket-giua-nhiem-ky"),
                    PackMapping(path: "bao-cao/**", pack: "tld-tong-ket-mot-trieu-doan-vien")],
            extends: ["quy-tac/rieng.yaml"], rules: ["van-phong-cau-dai": .off, "the-thuc-so-ky-hieu": .severity(.error)],
            ignore: ["nhap/**", "*.ban-cu.md"], encodings: [EncodingMapping(path: "luu-tru/**", encoding: .vni)]))
        XCTAssertEqual(config.settings(for: "/du-an/bao-cao/huyen/a.txt").pack, "ldld-huyen-so-ket-giua-nhiem-ky", "the first match wins")
        XCTAssertEqual(config.settings(for: "/du-an/bao-cao/tinh/a.txt").pack, "tld-tong-ket-mot-trieu-doan-vien")
        XCTAssertEqual(config.settings(for: "/du-an/a.txt").pack, "tld-so-ket-dh-ix")
        XCTAssertEqual(config.settings(for: "/du-an/a.txt").extends, ["/du-an/quy-tac/rieng.yaml"], "pack files are relative to the config")
        XCTAssertEqual(config.settings(for: "/du-an/a.txt").disabled, ["van-phong-cau-dai"])
        XCTAssertEqual(config.settings(for: "/du-an/a.txt").severities, ["the-thuc-so-ky-hieu": .error])
        XCTAssertTrue(config.settings(for: "/du-an/nhap/2024/a.txt").ignored)
        XCTAssertTrue(config.settings(for: "/du-an/bao-cao/so-ket.ban-cu.md").ignored)
        XCTAssertFalse(config.settings(for: "/du-an/bao-cao/so-ket.md").ignored)
        XCTAssertEqual(config.settings(for: "/du-an/luu-tru/1998/a.txt").encoding, .vni)
        XCTAssertNil(config.settings(for: "/du-an/bao-cao/a.txt").encoding)
    }
}

final class ProjectCheckerTests: XCTestCase {
    func testReportsAreCheckedAsTheirConfigurationSays() throws {
        let project = try Project()
        try project.write(".soatxet.yml", """
            pack: tld-so-ket-dh-ix
            packs:
              - path: "huyen/**"
                pack: ldld-huyen-so-ket-giua-nhiem-ky
            rules:
              bai-hoc-kinh-nghiem: off
              van-phong-am-tiet-sai: error
            ignore: ["nhap/**"]
            encodings:
              - path: "luu-tru/**"
                encoding: tcvn3
            lang: en
            """)
        let daNang = try project.copy("tld-so-ket-dh-ix/ldld-da-nang-khong-bai-hoc.txt", to: "tinh/da-nang.txt")
        let ngheAn = try project.copy("tld-so-ket-dh-ix/ldld-nghe-an-nguyen-nhan-chu-quan.txt", to: "tinh/nghe-an.txt")
        let huyen = try project.copy("ldld-huyen-so-ket-giua-nhiem-ky/cdcs-ban-qlda-xay-dung-lon-xon.txt", to: "huyen/qlda.txt")
        let draft = try project.copy("tld-so-ket-dh-ix/mau-ldld-tinh.txt", to: "nhap/mau.txt")
        let legacy = project.path("luu-tru/mau.txt")
        try FileManager.default.createDirectory(atPath: project.path("luu-tru"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Project.root.appendingPathComponent("Corpus/tld-so-ket-dh-ix/mau-ldld-tinh.tcvn3.txt").path, toPath: legacy)

        let library = PackLibrary(folders: [Project.root.appendingPathComponent("Rules").path])
        let checker = try ProjectChecker(library: library, finder: ConfigFinder(workingDirectory: project.url.path))
        XCTAssertEqual(checker.language, "en")
        let run = checker.check([daNang, ngheAn, huyen, draft, legacy])
        XCTAssertEqual(run.errors, [])
        XCTAssertEqual(run.documents.map(\.path), [daNang, ngheAn, huyen, legacy], "the draft is ignored")
        XCTAssertEqual(run.documents.map(\.pack), ["tld-so-ket-dh-ix", "tld-so-ket-dh-ix", "ldld-huyen-so-ket-giua-nhiem-ky", "tld-so-ket-dh-ix"])
        XCTAssertFalse(run.documents[0].requirements.contains { $0.id == "bai-hoc-kinh-nghiem" }, "turned off")
        XCTAssertFalse(run.documents[0].findings.contains { $0.severity == .error })
        XCTAssertEqual(run.documents[1].findings.first { $0.rule == "van-phong-am-tiet-sai" }?.severity, .error)
        XCTAssertEqual(run.documents[3].encoding.name, "tcvn3")
        XCTAssertTrue(run.documents[1].findings.contains { $0.message.contains("Vietnamese") || $0.message.contains("syllable") },
                      "messages in the configured language")

        let forced = try ProjectChecker(library: library, finder: ConfigFinder(workingDirectory: project.url.path),
                                        overrides: .init(pack: "tld-so-ket-dh-ix", language: "vi"))
        XCTAssertEqual(forced.check([huyen]).documents.first?.pack, "tld-so-ket-dh-ix", "--pack wins over packs:")
        XCTAssertEqual(forced.language, "vi")
    }

    func testABrokenConfigurationIsReportedOnceAndOthersGoOn() throws {
        let project = try Project()
        try project.write("hong/.soatxet.yml", "pack: tld-so-ket-dh-ix\nrulez: {}\n")
        try project.write("khong-co-goi/.soatxet.yml", "pack: goi-khong-co\n")
        let broken = [try project.copy("tld-so-ket-dh-ix/mau-ldld-tinh.txt", to: "hong/a.txt"),
                      try project.copy("tld-so-ket-dh-ix/mau-ldld-tinh.txt", to: "hong/b.txt")]
        let missingPack = try project.copy("tld-so-ket-dh-ix/mau-ldld-tinh.txt", to: "khong-co-goi/a.txt")
        let good = try project.copy("tld-so-ket-dh-ix/mau-ldld-tinh.txt", to: "tot/a.txt")
        let library = PackLibrary(folders: [Project.root.appendingPathComponent("Rules").path])
        let run = try ProjectChecker(library: library, finder: ConfigFinder(workingDirectory: project.url.path))
            .check(broken + [missingPack, good])
        XCTAssertEqual(run.documents.map(\.path), [good])
        XCTAssertEqual(run.errors.count, 2, "\(run.errors)")
        XCTAssertTrue(run.errors[0].message.contains(".soatxet.yml:2:1: error: unknown key 'rulez'"), run.errors[0].message)
        XCTAssertTrue(run.errors[1].message.contains("no rule pack 'goi-khong-co'"), run.errors[1].message)
        XCTAssertThrowsError(try ProjectChecker(library: library, finder: ConfigFinder(override: project.path("hong/.soatxet.yml"))),
                             "a broken --config stops the run")
    }
}
