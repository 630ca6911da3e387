// fuzz-check: libFuzzer target. One report through the whole check against the default pack.
import ComplianceEngine
import DocumentReaders
import FuzzSupport
import RuleModel

/// The default pack (`tld-so-ket-dh-ix`), loaded and compiled once from the Rules folder
/// (`$SOATXET_RULES`, else found above the executable).
let checker: Checker = {
    do {
        return try Checker(pack: try PackLibrary.standard().resolve("tld-so-ket-dh-ix"))
    } catch {
        fatalError("fuzz-check: cannot load the default pack (set SOATXET_RULES to the Rules folder): \(error)")
    }
}()

/// The input is a report file of any kind soatxet sniffs from a .txt (text in any encoding, or a ZIP
/// package read by its content). Reading may refuse; a read report must be judged with scores in
/// range and every finding placed at a real position, its end not before its start.
func fuzzCheck(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let document = try? DocumentReaders.read(bytes: bytes, format: .txt, path: "fuzz.txt") else { return 0 }
    let result: DocumentResult
    do {
        result = try checker.check(document)
    } catch {
        return 0
    }
    Invariant.require(result.score >= 0 && result.score <= 100, "score \(result.score) outside 0...100")
    for requirement in result.requirements {
        Invariant.require(requirement.score >= 0 && requirement.score <= requirement.weight + 1e-9,
                          "requirement \(requirement.id): score \(requirement.score) outside 0...\(requirement.weight)")
    }
    for finding in result.findings {
        Invariant.require(finding.line >= 1 && finding.column >= 1, "\(finding.rule): starts at \(finding.line):\(finding.column)")
        Invariant.require((finding.endLine, finding.endColumn) >= (finding.line, finding.column),
                          "\(finding.rule): ends at \(finding.endLine):\(finding.endColumn) before its start \(finding.line):\(finding.column)")
    }
    return 0
}
