import XCTest
@testable import RuleModel

final class PackLoadingTests: XCTestCase {
    private let minimal = """
    id: thu-nghiem
    title: Gói thử nghiệm
    directive:
      issuer: Đoàn Chủ tịch Tổng Liên đoàn
      title: Sơ kết giữa nhiệm kỳ
      clauses:
        d1: "nêu rõ những kết quả đạt được, những việc chưa được và nguyên nhân"
    concepts:
      nguyen-nhan:
        phrases: [nguyên nhân, do đâu]
        exclude: [tìm hiểu nguyên nhân]
    requirements:
      - id: nguyen-nhan
        title: Nêu nguyên nhân
        clause: d1
        weight: 2
        check:
          kind: mention
          concept: nguyen-nhan
        messages:
          missing: {vi: "Báo cáo chưa nêu nguyên nhân.", en: "The report gives no causes."}
        examples:
          pass: ["Nguyên nhân chủ yếu là do nhận thức của người sử dụng lao động còn hạn chế."]
          fail: ["Năm qua công đoàn tổ chức nhiều hoạt động."]
    """

    private func decode(_ yaml: String) throws -> Pack {
        try StrictYAMLDecoder(file: "Rules/thu-nghiem.yaml", yaml: yaml).decode(Pack.self)
    }

    private func expectError(_ yaml: String, line: Int, column: Int, containing text: String,
                             file: StaticString = #filePath, sourceLine: UInt = #line) {
        XCTAssertThrowsError(try decode(yaml), file: file, line: sourceLine) { error in
            guard let error = error as? RuleError else { return XCTFail("\(error)", file: file, line: sourceLine) }
            XCTAssertEqual(error.file, "Rules/thu-nghiem.yaml", file: file, line: sourceLine)
            XCTAssertEqual(error.line, line, "\(error)", file: file, line: sourceLine)
            XCTAssertEqual(error.column, column, "\(error)", file: file, line: sourceLine)
            XCTAssertTrue(error.message.contains(text), error.message, file: file, line: sourceLine)
            XCTAssertTrue(error.description.hasPrefix("Rules/thu-nghiem.yaml:\(line):\(column): error: "),
                          error.description, file: file, line: sourceLine)
        }
    }

    func testMinimalPackDecodes() throws {
        let pack = try decode(minimal)
        XCTAssertEqual(pack.id, "thu-nghiem")
        XCTAssertEqual(pack.requirements.first?.weight, 2)
        XCTAssertEqual(pack.requirements.first?.severity, .error)
        XCTAssertEqual(pack.concepts["nguyen-nhan"]?.exclude, ["tìm hiểu nguyên nhân"])
        XCTAssertEqual(pack.requirements.first?.messages.missing.text(in: "en"), "The report gives no causes.")
        XCTAssertEqual(pack.requirements.first?.check.node["kind"]?.string, "mention")
    }

    private struct Scalars: Decodable, Equatable {
        var flag: Bool
        var count: Int
        var ratio: Double
        var name: String
        var note: String?
    }

    /// Values are read from a scalar's text and style, whatever tag resolver the decoder uses: a
    /// quoted "yes" stays text, and keys are found in mappings.
    func testScalarsReadFromTheirTextAndStyle() throws {
        let decoder = StrictYAMLDecoder(file: "s.yaml", yaml: "flag: yes\ncount: 3\nratio: 0.5\nname: 12\nnote: ~\n")
        XCTAssertEqual(try decoder.decode(Scalars.self), Scalars(flag: true, count: 3, ratio: 0.5, name: "12", note: nil))
        let off = StrictYAMLDecoder(file: "s.yaml", yaml: "flag: Off\ncount: 0x1F\nratio: 2\nname: 'true'\nnote: null\n")
        XCTAssertEqual(try off.decode(Scalars.self), Scalars(flag: false, count: 31, ratio: 2, name: "true", note: nil))
        let quoted = StrictYAMLDecoder(file: "s.yaml", yaml: "flag: \"yes\"\ncount: 1\nratio: 1\nname: a\n")
        XCTAssertThrowsError(try quoted.decode(Scalars.self)) { error in
            XCTAssertTrue("\(error)".contains("s.yaml:1:7: error: flag: expected true or false, found 'yes'"), "\(error)")
        }
    }

    /// With no `$SOATXET_RULES`, the packs are found by walking up from the running executable (the
    /// test bundle under `.build`) to the repository's `Rules`.
    func testStandardFoldersFindTheRulesAboveTheExecutable() {
        let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules").resolvingSymlinksInPath().path
        XCTAssertEqual(PackLibrary.standard(environment: [:]).folders, [rules, "/usr/local/share/soatxet/Rules"])
        XCTAssertEqual(PackLibrary.standard(environment: ["SOATXET_RULES": "/r"]).folders.first, "/r")
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: PackLibrary.executable().path))
    }

    func testUnknownTopLevelKeyIsLocated() {
        expectError(minimal + "\nmoTa: thêm\n", line: 25, column: 1, containing: "unknown key 'moTa'")
    }

    func testUnknownNestedKeyNamesTheAllowedKeys() {
        let yaml = minimal.replacingOccurrences(of: "    exclude: [tìm hiểu nguyên nhân]", with: "    exlcude: [tìm hiểu nguyên nhân]")
        expectError(yaml, line: 11, column: 5, containing: "unknown key 'exlcude'; expected one of:")
    }

    func testKeysInsideACheckAreLeftToTheCheckKind() throws {
        let yaml = minimal.replacingOccurrences(of: "      concept: nguyen-nhan", with: "      concept: nguyen-nhan\n      qualifiers: [khach-quan]")
        XCTAssertNoThrow(try decode(yaml))
    }

    func testAPhraseWithoutAWordIsLocated() {
        let yaml = minimal.replacingOccurrences(of: "phrases: [nguyên nhân, do đâu]", with: "phrases: [nguyên nhân, \"%\"]")
        expectError(yaml, line: 10, column: 5, containing: "'%' has no letter or digit")
        let empty = minimal.replacingOccurrences(of: "exclude: [tìm hiểu nguyên nhân]", with: "exclude: [\"\"]")
        expectError(empty, line: 10, column: 5, containing: "'' has no letter or digit")
    }

    func testWrongTypeIsLocated() {
        let yaml = minimal.replacingOccurrences(of: "weight: 2", with: "weight: hai")
        expectError(yaml, line: 16, column: 13, containing: "expected a number, found 'hai'")
    }

    func testMissingKeyIsLocatedAtItsMapping() {
        let yaml = minimal.replacingOccurrences(of: "    clause: d1\n", with: "")
        expectError(yaml, line: 13, column: 5, containing: "missing key 'clause'")
    }

    func testSyntaxErrorIsLocated() {
        let yaml = minimal.replacingOccurrences(of: "  nguyen-nhan:\n    phrases", with: "  nguyen-nhan:\n   phrases: [a\n    phrases")
        XCTAssertThrowsError(try decode(yaml)) { error in
            let error = error as! RuleError
            XCTAssertTrue(error.message.hasPrefix("YAML syntax"), error.message)
            XCTAssertGreaterThanOrEqual(error.line, 10)
            XCTAssertTrue(error.excerpt.contains("^"))
        }
    }

    /// Found by fuzz-pack: libyaml counts CR and CR LF as line ends, the excerpt counted "\n" only (and a
    /// Swift String holds CR LF as one Character, so a Windows file was one long line): errors in packs
    /// saved on Windows or with old Mac line ends came with no excerpt.
    func testErrorsInWindowsAndOldMacFilesShowTheirLines() {
        let broken = minimal.replacingOccurrences(of: "weight: 2", with: "weight: 2\n    severity: fatal")
        for (name, ending) in [("CR LF", "\r\n"), ("CR", "\r")] {
            let yaml = broken.replacingOccurrences(of: "\n", with: ending)
            XCTAssertThrowsError(try decode(yaml), name) { error in
                let error = error as! RuleError
                XCTAssertEqual(error.line, 17, name)
                XCTAssertTrue(error.excerpt.contains("severity: fatal"), "\(name): «\(error.excerpt)»")
                XCTAssertTrue(error.excerpt.contains("^"), name)
            }
        }
    }

    func testUnknownSeverityNamesTheChoices() {
        let yaml = minimal.replacingOccurrences(of: "weight: 2", with: "weight: 2\n    severity: fatal")
        expectError(yaml, line: 17, column: 15, containing: "expected info, warning or error")
    }

    func testListWhereMappingExpected() {
        let yaml = minimal.replacingOccurrences(
            of: "missing: {vi: \"Báo cáo chưa nêu nguyên nhân.\", en: \"The report gives no causes.\"}",
            with: "missing: [a, b]")
        expectError(yaml, line: 21, column: 16, containing: "found a list")
    }

    func testEmptyFile() {
        expectError("", line: 1, column: 1, containing: "empty")
    }

    func testMessageDetailIsFilledIn() {
        let message = LocalizedText(vi: "{detail}: thiếu «{detail}»", en: "Missing {detail}")
        XCTAssertEqual(message.text(in: "vi", detail: "nguyên nhân"), "nguyên nhân: thiếu «nguyên nhân»")
        XCTAssertEqual(message.text(in: "en", detail: "causes"), "Missing causes")
        XCTAssertEqual(LocalizedText(vi: "Không có chi tiết {detai}").text(in: "vi", detail: "x"), "Không có chi tiết {detai}")
        XCTAssertEqual(LocalizedText(vi: "{{detail}}").text(in: "vi", detail: "đủ"), "{đủ}")
        XCTAssertEqual(LocalizedText(vi: "").text(in: "vi", detail: "x"), "")
    }
}

final class PackLibraryTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-packs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func write(_ id: String, extends: [String] = [], requirement: String? = nil, clause: String = "d1") throws {
        var yaml = "id: \(id)\ntitle: Gói \(id)\n"
        if !extends.isEmpty { yaml += "extends: [\(extends.joined(separator: ", "))]\n" }
        yaml += "directive:\n  issuer: TLĐ\n  title: Kế hoạch\n  clauses:\n    d1: \"nêu nguyên nhân\"\n"
        yaml += "concepts:\n  c-\(id):\n    phrases: [\(id)]\n"
        if let requirement {
            yaml += """
            requirements:
              - id: \(requirement)
                title: Yêu cầu
                clause: \(clause)
                check: {kind: mention, concept: c-\(id)}
                messages: {missing: Thiếu.}
                examples: {pass: [a], fail: [b]}

            """
        }
        try yaml.write(to: folder.appendingPathComponent("\(id).yaml"), atomically: true, encoding: .utf8)
    }

    func testExtendsFoldsBasesFirst() throws {
        try write("van-phong", requirement: "ve-sinh")
        try write("van-ban", extends: ["van-phong"], requirement: "the-thuc")
        try write("chinh", extends: ["van-ban", "van-phong"], requirement: "nguyen-nhan")
        let resolved = try PackLibrary(folders: [folder.path]).resolve("chinh")
        XCTAssertEqual(resolved.bases.map(\.id), ["van-phong", "van-ban"])
        XCTAssertEqual(resolved.requirements.map(\.id), ["ve-sinh", "the-thuc", "nguyen-nhan"])
        XCTAssertEqual(Set(resolved.concepts.keys), ["c-van-phong", "c-van-ban", "c-chinh"])
        XCTAssertEqual(resolved.clauseText("d1"), "nêu nguyên nhân")
    }

    func testCycleIsAnError() throws {
        try write("a", extends: ["b"])
        try write("b", extends: ["a"])
        XCTAssertThrowsError(try PackLibrary(folders: [folder.path]).resolve("a")) { error in
            XCTAssertEqual(error as? PackError, .extendsCycle(["a", "b", "a"]))
        }
    }

    func testSelfExtensionIsACycle() throws {
        try write("a", extends: ["a"])
        XCTAssertThrowsError(try PackLibrary(folders: [folder.path]).resolve("a")) { error in
            XCTAssertEqual(error as? PackError, .extendsCycle(["a", "a"]))
        }
    }

    func testMissingPackListsWhatIsAvailable() throws {
        try write("co-san")
        XCTAssertThrowsError(try PackLibrary(folders: [folder.path]).resolve("khong-co")) { error in
            guard case let .notFound(id, _, available) = error as? PackError else { return XCTFail("\(error)") }
            XCTAssertEqual(id, "khong-co")
            XCTAssertEqual(available, ["co-san"])
        }
    }

    func testUnknownClauseAndDuplicateRequirement() throws {
        try write("a", requirement: "x", clause: "d9")
        XCTAssertThrowsError(try PackLibrary(folders: [folder.path]).resolve("a")) { error in
            XCTAssertEqual(error as? PackError, .unknownClause(clause: "d9", requirement: "x", file: self.folder.appendingPathComponent("a.yaml").path))
        }
        try write("b", requirement: "y")
        try write("c", extends: ["b"], requirement: "y")
        XCTAssertThrowsError(try PackLibrary(folders: [folder.path]).resolve("c")) { error in
            guard case .duplicateRequirement(id: "y", _) = error as? PackError else { return XCTFail("\(error)") }
        }
    }
}
