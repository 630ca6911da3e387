// FuzzSupport: invariants. What every fuzz target asserts about offsets and maps; a broken one aborts.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CFuzzDriver
import VietnameseText

/// Checks that abort the process with a message when they fail, so that libFuzzer saves the input.
public enum Invariant {
    /// Aborts with `message` (on standard error) unless `condition` holds.
    public static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        var text = Array(("invariant broken: " + message() + "\n").utf8)
        _ = write(2, &text, text.count)
        abort()
    }

    /// `range` lies inside `0...length` and both ends fall on UTF-8 character boundaries of `utf8`.
    public static func requireRange(_ range: Range<Int>, in utf8: String.UTF8View, _ what: @autoclosure () -> String) {
        let length = utf8.count
        require(range.lowerBound >= 0 && range.upperBound <= length, "\(what()): range \(range) outside 0..<\(length)")
        for offset in [range.lowerBound, range.upperBound] where offset < length {
            let byte = utf8[utf8.index(utf8.startIndex, offsetBy: offset)]
            require(byte & 0xC0 != 0x80, "\(what()): offset \(offset) of \(range) is inside a UTF-8 character")
        }
    }

    /// `map` sends every offset of an output of `outputLength` bytes into `0...inputLength`, in order
    /// (never backwards). Text removed at either end may make the ends map inside the input.
    public static func requireMap(_ map: OffsetMap, outputLength: Int, inputLength: Int, _ what: @autoclosure () -> String) {
        var previous = 0
        for offset in 0...outputLength {
            let input = map.inputOffset(offset)
            require(input >= 0 && input <= inputLength, "\(what()): output offset \(offset) maps to \(input), outside 0...\(inputLength)")
            require(input >= previous, "\(what()): map goes backwards at output offset \(offset) (\(previous) then \(input))")
            previous = input
        }
    }
}

/// The bytes libFuzzer passes, as an array (an empty one for a null pointer).
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Runs libFuzzer over `function` with this process's command line (libFuzzer's flags, corpus folders),
/// then exits with libFuzzer's status. Each target's main.swift calls it.
public func runFuzzer(_ function: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> Never {
    exit(soatxet_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv, function))
}
