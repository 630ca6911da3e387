// fuzz-decode: libFuzzer target. Bytes through the decoder, the mojibake repairer and the normaliser.
import FuzzSupport
import VietnameseText

/// The first byte picks the encoding (detection, or one of the encodings asked for by name); the
/// rest is the report. Decoding may refuse; whatever it returns must repair and normalise with maps
/// that stay inside the text they map to, in order.
func fuzzDecode(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let encodings: [TextEncoding?] = [nil] + TextEncoding.allCases.map { $0 }
    let encoding = encodings[Int(selector) % encodings.count]
    guard let decoded = try? TextDecoder.decode(Array(bytes.dropFirst()), encoding: encoding) else { return 0 }
    if let encoding { Invariant.require(decoded.encoding == encoding || decoded.hadByteOrderMark, "asked for \(encoding), got \(decoded.encoding)") }
    Invariant.require(decoded.confidence >= 0 && decoded.confidence <= 1, "confidence \(decoded.confidence) outside 0...1")

    let repaired = MojibakeRepair.repair(decoded.text)
    let decodedLength = decoded.text.utf8.count
    Invariant.requireMap(repaired.map, outputLength: repaired.text.utf8.count, inputLength: decodedLength, "repair map")
    var previousEnd = 0
    for repair in repaired.repairs {
        Invariant.requireRange(repair.inputRange, in: decoded.text.utf8, "repair \(repair.kind)")
        Invariant.require(repair.inputRange.lowerBound >= previousEnd, "repairs overlap or are out of order at \(repair.inputRange)")
        previousEnd = repair.inputRange.upperBound
    }
    if repaired.repairs.isEmpty { Invariant.require(repaired.text == decoded.text, "text changed without a repair") }

    let normalized = TextNormalizer.normalize(repaired.text)
    Invariant.requireMap(
        normalized.map, outputLength: normalized.text.utf8.count, inputLength: repaired.text.utf8.count, "normaliser map")
    if normalized.changes.total == 0 { Invariant.require(normalized.text == repaired.text, "text changed without a counted change") }
    // Normalising is idempotent: normal text stays as it is.
    let again = TextNormalizer.normalize(normalized.text)
    Invariant.require(again.text == normalized.text, "normalising twice changed the text again")
    return 0
}
