// corpus-variants: corpus tooling. Writes a UTF-8 corpus report in a legacy encoding or in NFD, through soatxet's own encoder.
import Foundation
import VietnameseText

/// The forms a report can be written in, named as in the variant file names (`<slug>.<variant>.txt`).
enum Variant: String, CaseIterable {
    case tcvn3, vni, cp1258, nfd

    /// The legacy encoding the variant is written in; nil for NFD, which stays UTF-8.
    var encoding: TextEncoding? {
        switch self {
        case .tcvn3: return .tcvn3
        case .vni: return .vni
        case .cp1258: return .windows1258
        case .nfd: return nil
        }
    }
}

/// Why a variant could not be written.
enum VariantError: Error, CustomStringConvertible {
    case usage(String)
    case unreadable(path: String, reason: String)
    case notUTF8(path: String)
    case unencodable(path: String, LegacyEncodingError)
    case roundTrip(path: String, variant: Variant, line: Int)
    case unwritable(path: String, reason: String)

    var description: String {
        switch self {
        case let .usage(message):
            return "\(message)\nusage: corpus-variants <\(Variant.allCases.map(\.rawValue).joined(separator: "|"))> "
                + "[--tcvn3-capitals lower] INPUT.txt OUTPUT"
        case let .unreadable(path, reason): return "\(path): cannot read: \(reason)"
        case let .notUTF8(path): return "\(path): not valid UTF-8; corpus reports are UTF-8"
        case let .unencodable(path, error):
            guard case .unrepresentable(_, _, .tcvn3) = error else { return "\(path): \(error)" }
            return "\(path): \(error); TCVN3 has no capitals with tones: --tcvn3-capitals lower writes them as small letters"
        case let .roundTrip(path, variant, line):
            return "\(path): the \(variant.rawValue) bytes do not decode back to the report (first difference on line \(line))"
        case let .unwritable(path, reason): return "\(path): cannot write: \(reason)"
        }
    }
}

/// TCVN3 (VN3) has no capitals with tones: documents typed them in the capital-only fonts (.VnTimeH)
/// with the small letter's byte, so plain text from them shows the small letter. This does the same.
func lowerToneCapitalsForTCVN3(_ text: String) -> String {
    var cache: [UInt32: Bool] = [:]
    var output = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
        guard scalar.value >= 0xC0, scalar.properties.isUppercase else {
            output.append(scalar)
            continue
        }
        let encodable = cache[scalar.value] ?? {
            let fits = (try? LegacyCodecs.encode(String(scalar), as: .tcvn3)) != nil
            cache[scalar.value] = fits
            return fits
        }()
        if encodable {
            output.append(scalar)
        } else {
            output.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
        }
    }
    return String(output)
}

/// The 1-based line of the first difference between two texts.
func firstDifferentLine(_ left: String, _ right: String) -> Int {
    let leftLines = left.split(separator: "\n", omittingEmptySubsequences: false)
    let rightLines = right.split(separator: "\n", omittingEmptySubsequences: false)
    for index in 0..<max(leftLines.count, rightLines.count) {
        let a = index < leftLines.count ? leftLines[index] : nil
        let b = index < rightLines.count ? rightLines[index] : nil
        if a != b { return index + 1 }
    }
    return 0
}

/// Reads the arguments, writes the variant, and checks that it reads back as the text it was made from.
func run(_ arguments: [String]) throws(VariantError) {
    var positional: [String] = []
    var lowerCapitals = false
    var index = 0
    while index < arguments.count {
        let argument = arguments[index]
        if argument == "--tcvn3-capitals" {
            guard index + 1 < arguments.count, arguments[index + 1] == "lower" else {
                throw .usage("--tcvn3-capitals takes one value: lower")
            }
            lowerCapitals = true
            index += 2
            continue
        }
        positional.append(argument)
        index += 1
    }
    guard positional.count == 3 else { throw .usage("expected a variant, an input and an output") }
    guard let variant = Variant(rawValue: positional[0]) else { throw .usage("unknown variant '\(positional[0])'") }
    let (input, output) = (positional[1], positional[2])

    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: input)) } catch {
        throw .unreadable(path: input, reason: error.localizedDescription)
    }
    guard let original = String(data: data, encoding: .utf8) else { throw .notUTF8(path: input) }

    let bytes: [UInt8]
    let expected: String
    if let encoding = variant.encoding {
        let text = variant == .tcvn3 && lowerCapitals ? lowerToneCapitalsForTCVN3(original) : original
        do { bytes = try LegacyCodecs.encode(text, as: encoding) } catch let error as LegacyEncodingError {
            throw .unencodable(path: input, error)
        } catch { throw .unencodable(path: input, .notLegacy(encoding)) }
        let decoded: String
        do { decoded = try LegacyCodecs.decode(bytes, as: encoding) } catch {
            throw .roundTrip(path: output, variant: variant, line: 0)
        }
        expected = text.precomposedStringWithCanonicalMapping
        if decoded != expected { throw .roundTrip(path: output, variant: variant, line: firstDifferentLine(decoded, expected)) }
    } else {
        let decomposed = original.decomposedStringWithCanonicalMapping
        bytes = Array(decomposed.utf8)
        expected = decomposed
    }
    do { try Data(bytes).write(to: URL(fileURLWithPath: output)) } catch {
        throw .unwritable(path: output, reason: error.localizedDescription)
    }
}

do {
    try run(Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("corpus-variants: \(error)\n".utf8))
    exit(error.isUsage ? 64 : 1)
}

extension VariantError {
    /// Whether the error is a mistake in the command line (exit 64) rather than in the input.
    var isUsage: Bool {
        if case .usage = self { return true }
        return false
    }
}
