// fuzz-pack: libFuzzer target. Bytes through the strict YAML pack loader, then compiling the pack.
import ComplianceEngine
import FuzzSupport
import RuleModel

/// The input is a pack file. Decoding must either throw a ``RuleError`` that points inside the file
/// or return a pack; a pack that resolves (no bases: `extends` names nothing here) is compiled into
/// checks and phrase patterns, which may refuse with an error but must not crash.
func fuzzPack(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let yaml = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let pack: Pack
    do {
        pack = try StrictYAMLDecoder(file: "fuzz.yaml", yaml: yaml).decode(Pack.self)
    } catch let error as RuleError {
        // Lines as libyaml counts them: LF, CR, CR LF, NEL, LS, PS all end one.
        let breaks: Set<Character> = ["\n", "\r", "\r\n", "\u{85}", "\u{2028}", "\u{2029}"]
        let lines = max(1, yaml.split(omittingEmptySubsequences: false, whereSeparator: { breaks.contains($0) }).count)
        Invariant.require(error.line >= 1 && error.line <= lines + 1, "error line \(error.line) outside 1...\(lines + 1): \(error)")
        Invariant.require(error.column >= 1, "error column \(error.column) below 1: \(error)")
        Invariant.require(error.line > lines || error.excerpt.contains("^"), "no excerpt for line \(error.line) of \(lines): \(error)")
        return 0
    } catch {
        Invariant.require(false, "decoding threw \(type(of: error)), not a RuleError: \(error)")
        return 0
    }
    guard pack.extends.isEmpty, let resolved = try? ResolvedPack(pack, file: "fuzz.yaml") else { return 0 }
    Invariant.require(resolved.requirements.count == pack.requirements.count, "resolving a pack without bases changed its requirements")
    _ = try? Checker(pack: resolved)
    return 0
}
