// VietnameseTextTests: sentences. Runs every case of Fixtures/sentences/*.txt and reports every mismatch.
import Foundation
import XCTest
@testable import VietnameseText

/// The fixture format, one or more cases per file:
///
///     # comments before the first case
///     ### case-name
///     <input text, any number of lines, kept byte for byte (CRLF included)>
///     >>>
///     @heading II.          <- a paragraph: its kind (heading, listItem, paragraph) and marker, if any
///     NỘI DUNG              <- its sentences, one per line; "↵" stands for a line break inside one
///     @paragraph
///     Câu thứ nhất.
///     Câu thứ hai.
///
/// Blank lines in the expected part are ignored.
final class SentenceFixtureTests: XCTestCase {
    struct ExpectedUnit: Equatable, CustomStringConvertible {
        var kind: String
        var marker: String?
        var sentences: [String]
        var description: String {
            "@\(kind)\(marker.map { " " + $0 } ?? "")" + sentences.map { "\n    " + $0 }.joined()
        }
    }

    struct Case {
        var file: String
        var name: String
        var input: String
        var expected: [ExpectedUnit]
    }

    static func fixtureDirectory() throws -> URL {
        let resources = try XCTUnwrap(Bundle.module.resourceURL)
        return resources.appendingPathComponent("Fixtures/sentences")
    }

    static func loadCases() throws -> [Case] {
        let directory = try fixtureDirectory()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".txt") }.sorted()
        var cases: [Case] = []
        for file in files {
            let data = try Data(contentsOf: directory.appendingPathComponent(file))
            // Split on "\n" bytes so that "\r\n" inputs survive (Swift treats "\r\n" as one Character).
            let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
            var current: Case?
            var inExpected = false
            var inputLines: [String] = []
            func finish() {
                guard var done = current else { return }
                if !inExpected { done.input = inputLines.joined(separator: "\n") }
                cases.append(done)
            }
            for line in lines {
                if line.hasPrefix("### ") {
                    finish()
                    current = Case(file: file, name: String(line.dropFirst(4)), input: "", expected: [])
                    inExpected = false
                    inputLines = []
                } else if current == nil {
                    continue
                } else if !inExpected {
                    if line == ">>>" || line == ">>>\r" {
                        current?.input = inputLines.joined(separator: "\n")
                        inExpected = true
                    } else {
                        inputLines.append(line)
                    }
                } else {
                    let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : line
                    if trimmed.trimmingCharacters(in: .whitespaces).isEmpty { continue }
                    if trimmed.hasPrefix("@") {
                        let parts = trimmed.dropFirst().split(separator: " ", maxSplits: 1)
                        current?.expected.append(ExpectedUnit(
                            kind: String(parts[0]), marker: parts.count > 1 ? String(parts[1]) : nil, sentences: []))
                    } else {
                        guard current?.expected.isEmpty == false else {
                            XCTFail("\(file) \(current!.name): a sentence before any @unit line: \(trimmed)")
                            continue
                        }
                        current!.expected[current!.expected.count - 1].sentences.append(trimmed)
                    }
                }
            }
            finish()
        }
        return cases
    }

    static func actualUnits(_ text: String) -> [ExpectedUnit] {
        let bytes = Array(text.utf8)
        return SentenceSplitter.split(text).map { unit in
            ExpectedUnit(
                kind: unit.kind.rawValue, marker: unit.label?.marker,
                sentences: unit.sentences.map {
                    String(decoding: bytes[$0], as: UTF8.self)
                        .replacingOccurrences(of: "\r\n", with: "↵")
                        .replacingOccurrences(of: "\n", with: "↵")
                })
        }
    }

    func testEveryFixtureCase() throws {
        let cases = try Self.loadCases()
        XCTAssertGreaterThanOrEqual(cases.count, 40, "fixture cases")
        let unitCount = cases.reduce(0) { $0 + $1.expected.count }
        XCTAssertGreaterThanOrEqual(unitCount, 300, "the fixture set must hold at least 300 paragraphs")
        var mismatches: [String] = []
        for fixture in cases {
            XCTAssertFalse(fixture.expected.isEmpty, "\(fixture.file) \(fixture.name): no expected units")
            let actual = Self.actualUnits(fixture.input)
            guard actual != fixture.expected else { continue }
            var report = "\(fixture.file) ### \(fixture.name)"
            for index in 0..<max(actual.count, fixture.expected.count) {
                let want = index < fixture.expected.count ? fixture.expected[index].description : "(nothing)"
                let got = index < actual.count ? actual[index].description : "(nothing)"
                if want != got { report += "\n  unit \(index + 1)\n  expected \(want)\n  actual   \(got)" }
            }
            mismatches.append(report)
        }
        XCTAssertTrue(mismatches.isEmpty, "\(mismatches.count) of \(cases.count) cases differ:\n" + mismatches.joined(separator: "\n\n"))
    }

    func testSentenceRangesPointIntoTheInput() throws {
        for fixture in try Self.loadCases() {
            let count = fixture.input.utf8.count
            for unit in SentenceSplitter.split(fixture.input) {
                XCTAssertTrue(unit.range.lowerBound <= unit.contentRange.lowerBound && unit.contentRange.upperBound == unit.range.upperBound,
                              "\(fixture.name): content inside the paragraph")
                XCTAssertLessThanOrEqual(unit.range.upperBound, count)
                var previous = unit.contentRange.lowerBound
                for sentence in unit.sentences {
                    XCTAssertGreaterThanOrEqual(sentence.lowerBound, previous, "\(fixture.name): sentences in order")
                    XCTAssertLessThanOrEqual(sentence.upperBound, unit.contentRange.upperBound)
                    previous = sentence.upperBound
                }
            }
        }
    }
}
