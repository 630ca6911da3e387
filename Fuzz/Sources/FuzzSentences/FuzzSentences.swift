// fuzz-sentences: libFuzzer target. Text through the sentence splitter, checking the units it returns.
import FuzzSupport
import VietnameseText

/// The first byte picks the options (bit 0: split on semicolons; bit 1: keep wrapped lines apart);
/// the rest, read as UTF-8 with repairs, is the text. Units must come in order without overlapping,
/// content inside its unit, sentences inside the content, in order, every end on a character boundary.
func fuzzSentences(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    guard let selector = bytes.first else { return 0 }
    let options = SentenceSplitter.Options(splitOnSemicolon: selector & 1 != 0, joinWrappedLines: selector & 2 == 0)
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    let utf8 = text.utf8
    let units = SentenceSplitter.split(text, options: options)
    var previousEnd = 0
    for (index, unit) in units.enumerated() {
        Invariant.requireRange(unit.range, in: utf8, "unit \(index)")
        Invariant.require(unit.range.lowerBound >= previousEnd, "unit \(index) \(unit.range) overlaps the one before (ends \(previousEnd))")
        Invariant.requireRange(unit.contentRange, in: utf8, "content of unit \(index)")
        Invariant.require(unit.contentRange.clamped(to: unit.range) == unit.contentRange,
                          "content \(unit.contentRange) of unit \(index) outside \(unit.range)")
        Invariant.require(unit.lineCount >= 1, "unit \(index) has \(unit.lineCount) lines")
        var sentenceEnd = unit.contentRange.lowerBound
        for sentence in unit.sentences {
            Invariant.requireRange(sentence, in: utf8, "sentence of unit \(index)")
            Invariant.require(sentence.lowerBound >= sentenceEnd && sentence.upperBound <= unit.contentRange.upperBound,
                              "sentence \(sentence) of unit \(index) out of order or outside \(unit.contentRange)")
            Invariant.require(!sentence.isEmpty, "empty sentence \(sentence) in unit \(index)")
            sentenceEnd = sentence.upperBound
        }
        previousEnd = unit.range.upperBound
    }
    let flat = SentenceSplitter.sentences(in: text, options: options)
    Invariant.require(flat == units.flatMap(\.sentences), "sentences(in:) disagrees with split(_:)")
    return 0
}
