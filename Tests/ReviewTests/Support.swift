// ReviewTests: support. Corpus paths, checking reports, unzipping parts, parsing the page as XML.
import ComplianceEngine
import DocumentReaders
import Foundation
import RuleModel
import XCTest
import ZIPFoundation
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import Review

enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The corpus folders, each named after the pack its reports answer.
    static let packs = ["tld-so-ket-dh-ix", "ldld-huyen-so-ket-giua-nhiem-ky", "cdxd-tong-ket-nq20", "tld-tong-ket-mot-trieu-doan-vien"]

    /// Every report of a pack's folder (base reports and variants).
    static func reports(_ pack: String) -> [String] {
        let folder = root.appendingPathComponent("Corpus/\(pack)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { [".txt", ".docx"].contains(where: $0.hasSuffix) }.sorted().map { folder.appendingPathComponent($0).path }
    }

    static func pack(_ id: String) throws -> ResolvedPack {
        try PackLibrary(folders: [root.appendingPathComponent("Rules").path]).resolve(id)
    }

    static func check(_ path: String, pack id: String) throws -> DocumentResult {
        try Checker(pack: try pack(id)).check(try DocumentReaders.read(path: path))
    }
}

/// A part of a zip package, as text.
func zipPart(_ data: Data, _ name: String) throws -> String? {
    let archive = try Archive(data: data, accessMode: .read)
    guard let entry = archive[name] else { return nil }
    var out = Data()
    _ = try archive.extract(entry) { out.append($0) }
    return String(decoding: out, as: UTF8.self)
}

/// A scratch folder removed at the end of the test.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("soatxet-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// The page parsed as XML: the matrix rows (file name → status per requirement column, in order),
/// every element name seen, and the text content.
final class PageReader: NSObject, XMLParserDelegate {
    var rows: [(file: String, statuses: [String])] = []
    var elements: [String: Int] = [:]
    var error: Error?
    var text = ""
    private var inMatrixBody = false
    private var inFile = false
    private var currentFile = ""
    private var currentStatuses: [String] = []
    private var inScript = false
    var scripts = 0

    static func parse(_ html: String) -> PageReader {
        let reader = PageReader()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = reader
        if !parser.parse() { reader.error = parser.parserError ?? NSError(domain: "xml", code: 1) }
        return reader
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements[name, default: 0] += 1
        if name == "script" { scripts += 1; inScript = true }
        if name == "tbody", inMatrixTable { inMatrixBody = true }
        if name == "table" { inMatrixTable = attributes["id"] == "matrix" }
        guard inMatrixBody else { return }
        if name == "tr" { currentFile = ""; currentStatuses = [] }
        if name == "span", attributes["class"] == "file" { inFile = true }
        if name == "td", let status = attributes["data-status"] { currentStatuses.append(status) }
    }

    private var inMatrixTable = false

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "script" { inScript = false }
        if name == "span" { inFile = false }
        if name == "tbody" { inMatrixBody = false }
        if name == "table" { inMatrixTable = false }
        if name == "tr", inMatrixBody { rows.append((currentFile, currentStatuses)) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inFile { currentFile += string }
        if !inScript { text += string }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) { error = parseError }
}
