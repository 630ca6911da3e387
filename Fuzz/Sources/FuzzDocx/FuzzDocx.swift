// fuzz-docx: libFuzzer target. Bytes through the .docx reader: ZIP package, Word XML parts, blocks.
import Foundation
import DocumentReaders
import FuzzSupport
import ZIPFoundation

/// The parts an input of the second kind fills, in order (separated by NUL bytes, which XML never holds).
let partNames = [
    "word/document.xml", "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/comments.xml",
    "word/header1.xml",
]

/// Inputs of two kinds, picked by the first byte's low bit. Even: the rest is a whole .docx file, so
/// the fuzzer reaches the ZIP layer. Odd: the rest is Word XML parts separated by NUL bytes, packed
/// here into a stored (uncompressed) ZIP, so mutations reach the XML walker instead of breaking
/// deflate streams and CRCs. Reading may refuse; what it returns must have consistent blocks.
func fuzzDocx(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let package: [UInt8]
    if selector & 1 == 0 {
        package = Array(bytes.dropFirst())
    } else {
        let parts = bytes.dropFirst().split(separator: 0, omittingEmptySubsequences: false)
        guard let zip = storedZip(zip(partNames, parts).map { ($0, Data($1)) }) else { return 0 }
        package = zip
    }
    guard let document = try? DocumentReaders.read(bytes: package, format: .docx, path: "fuzz.docx") else { return 0 }
    // Bytes that are text after all are read as text, with a warning: nothing more to check here.
    guard document.format == .docx else {
        Invariant.require(!document.warnings.isEmpty, "a .docx read as \(document.format) without a warning")
        return 0
    }
    for (index, block) in (document.blocks + document.metadata.headers + document.metadata.footers).enumerated() {
        let length = block.text.utf8.count
        Invariant.require(block.generatedPrefixLength >= 0 && block.generatedPrefixLength <= length,
                          "block \(index): generated prefix \(block.generatedPrefixLength) outside 0...\(length)")
        var previous: PackageLocation?
        for offset in [0, block.generatedPrefixLength, length / 2, length] {
            guard case let .package(place) = block.location(atByte: offset) else {
                Invariant.require(false, "block \(index): a .docx block located as plain text")
                return 0
            }
            Invariant.require(place.paragraph >= 0 && place.characterOffset >= 0,
                              "block \(index) byte \(offset): location \(place) has a negative index")
            if let previous, previous.part == place.part, previous.paragraph == place.paragraph, offset >= block.generatedPrefixLength {
                Invariant.require(place.characterOffset >= previous.characterOffset,
                                  "block \(index): locations go backwards at byte \(offset) (\(previous) then \(place))")
            }
            if offset >= block.generatedPrefixLength { previous = place }
        }
    }
    return 0
}

/// A ZIP package holding `parts` uncompressed, built in memory; nil when ZIPFoundation refuses.
func storedZip(_ parts: [(String, Data)]) -> [UInt8]? {
    guard let archive = try? Archive(data: Data(), accessMode: .create) else { return nil }
    for (name, content) in parts {
        do {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .none) {
                position, chunk in content.subdata(in: Int(position)..<Int(position) + chunk)
            }
        } catch { return nil }
    }
    return archive.data.map { [UInt8]($0) }
}
