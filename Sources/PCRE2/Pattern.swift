// PCRE2: the one owner of PCRE2's pointers; compiled patterns matched over UTF-8 bytes.
import CPCRE2

/// Options for compiling a ``Pattern``. UTF and Unicode properties (UCP) are always on.
public struct PatternOptions: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Letters match regardless of case (Unicode case folding, "Đ" matches "đ").
    public static let caseless = PatternOptions(rawValue: UInt32(PCRE2_CASELESS))
    /// `^` and `$` match at line starts and ends.
    public static let multiline = PatternOptions(rawValue: UInt32(PCRE2_MULTILINE))
    /// `.` also matches a newline.
    public static let dotAll = PatternOptions(rawValue: UInt32(PCRE2_DOTALL))
    /// White space and `#` comments in the pattern are ignored.
    public static let extended = PatternOptions(rawValue: UInt32(PCRE2_EXTENDED))
}

/// Limits that bound the work of one match attempt, so that no pattern can hang the program.
public struct MatchLimits: Sendable, Hashable {
    /// The most calls of PCRE2's internal match function for one attempt (backtracking steps).
    public var matchLimit: UInt32
    /// The deepest nesting of backtracking (interpreter only; the JIT uses its stack size).
    public var depthLimit: UInt32

    /// Creates limits; the defaults stop catastrophic patterns in well under a second.
    public init(matchLimit: UInt32 = 2_000_000, depthLimit: UInt32 = 10_000) {
        self.matchLimit = matchLimit
        self.depthLimit = depthLimit
    }
}

/// One match: the byte range of the whole match and of each capture group, into the subject's UTF-8.
public struct Match: Sendable, Hashable {
    /// Byte ranges; index 0 is the whole match, a group that did not take part is `nil`.
    public let groups: [Range<Int>?]
    /// The byte range of the whole match.
    public var range: Range<Int> { groups[0]! }
    /// The number of the alternative `(*MARK:n)` that matched, when the pattern uses marks.
    public let mark: String?
}

/// A match as the match data holds it, read in place: valid only inside the closure of
/// ``Pattern/scanInPlace(inUTF8:from:_:)`` that receives it, where it is read without copying.
public struct MatchView {
    private let data: OpaquePointer
    private let vector: UnsafeMutablePointer<Int>
    /// The groups PCRE2 set (its return code): groups after them did not take part.
    private let count: Int
    /// The number of capture groups of the pattern.
    public let captureCount: Int

    init(data: OpaquePointer, count: Int, captureCount: Int) {
        self.data = data
        vector = pcre2_get_ovector_pointer_8(data)!
        self.count = max(count, 1)
        self.captureCount = captureCount
    }

    /// The byte range of group `index` (0: the whole match), nil when it did not take part.
    public subscript(index: Int) -> Range<Int>? {
        guard index < count else { return nil }
        // An unset group holds PCRE2_UNSET, all bits set: -1 as Swift reads a size_t.
        let lower = vector[2 * index], upper = vector[2 * index + 1]
        return lower >= 0 && upper >= lower ? lower..<upper : nil
    }

    /// The byte range of the whole match.
    public var range: Range<Int> { self[0]! }

    /// The name of the `(*MARK:…)` the match passed, if any.
    public var mark: String? { markBytes.map { String(decoding: $0, as: UTF8.self) } }

    /// The bytes of ``mark``.
    public var markBytes: UnsafeBufferPointer<UInt8>? {
        guard let pointer = pcre2_get_mark_8(data) else { return nil }
        // A mark is stored with its length in the byte before it.
        return UnsafeBufferPointer(start: pointer, count: Int(pointer[-1]))
    }

    /// The match copied out, to keep.
    public var match: Match {
        Match(groups: (0...captureCount).map { self[$0] }, mark: mark)
    }
}

/// A compiled PCRE2 pattern (UTF + UCP), JIT-compiled when the library supports it.
///
/// Immutable once built and safe to share between threads: PCRE2 compiled code and the match
/// context (the limits) are read-only during matching, every scan allocates its own match data, and
/// the JIT uses each thread's own machine stack (a match that needs more falls back to the
/// interpreter, which works on the heap under the depth limit).
public final class Pattern: @unchecked Sendable {
    /// The pattern source, as given.
    public let source: String
    /// Whether the JIT compiled this pattern (false when the library has no JIT for this CPU).
    public let isJITCompiled: Bool
    /// The number of capture groups.
    public let captureCount: Int
    /// The limits every match of this pattern runs under.
    public let limits: MatchLimits

    private let code: OpaquePointer
    private let context: OpaquePointer

    /// Compiles `source`; throws ``PCRE2Error/compile(pattern:offset:code:message:)`` with PCRE2's message.
    public init(_ source: String, options: PatternOptions = [], limits: MatchLimits = MatchLimits()) throws {
        self.source = source
        self.limits = limits
        var errorCode: Int32 = 0
        var errorOffset = 0
        let flags = UInt32(PCRE2_UTF | PCRE2_UCP) | options.rawValue
        let compiled: OpaquePointer? = source.utf8.withContiguousStorageIfAvailable { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, flags, &errorCode, &errorOffset, nil)
        } ?? {
            var copy = Array(source.utf8)
            return pcre2_compile_8(&copy, copy.count, flags, &errorCode, &errorOffset, nil)
        }()
        guard let compiled else {
            throw PCRE2Error.compile(pattern: source, offset: errorOffset, code: errorCode, message: PCRE2Error.message(for: errorCode))
        }
        code = compiled
        isJITCompiled = pcre2_jit_compile_8(compiled, UInt32(PCRE2_JIT_COMPLETE)) == 0
        var groups: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &groups)
        captureCount = Int(groups)
        context = pcre2_match_context_create_8(nil)
        pcre2_set_match_limit_8(context, limits.matchLimit)
        pcre2_set_depth_limit_8(context, limits.depthLimit)
    }

    deinit {
        pcre2_match_context_free_8(context)
        pcre2_code_free_8(code)
    }

    /// The first match in `subject` at or after byte `start`, or `nil`.
    public func firstMatch(in subject: String, from start: Int = 0) throws -> Match? {
        var result: Match?
        try forEachMatch(in: subject, from: start) { match in
            result = match
            return false
        }
        return result
    }

    /// Whether the pattern matches anywhere in `subject`.
    public func matches(_ subject: String) throws -> Bool {
        try firstMatch(in: subject) != nil
    }

    /// Every non-overlapping match in `subject`, in order.
    public func allMatches(in subject: String) throws -> [Match] {
        var result: [Match] = []
        try forEachMatch(in: subject) { result.append($0); return true }
        return result
    }

    /// Calls `body` for each non-overlapping match in a string; `body` returns false to stop.
    public func forEachMatch(in subject: String, from start: Int = 0, _ body: (Match) throws -> Bool) throws {
        var subject = subject
        try subject.withUTF8 { buffer in
            try forEachMatch(inUTF8: buffer, from: start, body)
        }
    }

    /// Calls `body` for each non-overlapping match in valid UTF-8 bytes; `body` returns false to stop.
    ///
    /// The bytes must be valid UTF-8 (a Swift `String`'s storage always is): PCRE2 does not
    /// re-check validity on each call.
    public func forEachMatch(
        inUTF8 buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0, _ body: (Match) throws -> Bool
    ) throws {
        try scan(inUTF8: buffer, from: start) { match in
            guard try body(match) else { return nil }
            return match.range.upperBound
        }
    }

    /// Matches repeatedly in valid UTF-8 bytes; after each match `body` returns the byte offset to
    /// search from next (which may lie inside the match, for overlapping searches), or nil to stop.
    ///
    /// An offset at or before the previous search start moves on by one character, so the scan
    /// always ends. One match-data block serves the whole scan.
    public func scan(inUTF8 buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0, _ body: (Match) throws -> Int?) throws {
        try scanInPlace(inUTF8: buffer, from: start) { try body($0.match) }
    }

    /// ``scan(inUTF8:from:_:)`` with each match read in place: `body` gets a ``MatchView`` of the
    /// match data, which copies nothing until asked (a `Match` holds an array of every group).
    public func scanInPlace(
        inUTF8 buffer: UnsafeBufferPointer<UInt8>, from start: Int = 0, _ body: (MatchView) throws -> Int?
    ) throws {
        try forEachMatch(inUTF8: buffer, from: start) { data, count in
            let view = MatchView(data: data, count: count, captureCount: captureCount)
            return (view.range, try body(view))
        }
    }

    /// The matching loop of the scans: `step` reads a match from the match data (given PCRE2's
    /// return code) and says where to go on.
    private func forEachMatch(inUTF8 buffer: UnsafeBufferPointer<UInt8>, from start: Int,
                              _ step: (OpaquePointer, Int) throws -> (range: Range<Int>, next: Int?)) throws {
        guard let data = pcre2_match_data_create_from_pattern_8(code, nil) else {
            throw PCRE2Error.outOfMemory
        }
        defer { pcre2_match_data_free_8(data) }
        // An empty buffer may have no base address; PCRE2 needs a valid pointer.
        let empty: [UInt8] = [0]
        try empty.withUnsafeBufferPointer { fallback in
            let base = buffer.baseAddress ?? fallback.baseAddress!
            let length = buffer.count
            var offset = start
            let options = UInt32(PCRE2_NO_UTF_CHECK)
            while offset <= length {
                var rc = isJITCompiled
                    ? pcre2_jit_match_8(code, base, length, offset, options, data, context)
                    : pcre2_match_8(code, base, length, offset, options, data, context)
                if rc == PCRE2_ERROR_JIT_STACKLIMIT {
                    // The thread's JIT stack is too small for this match: the interpreter uses the heap.
                    rc = pcre2_match_8(code, base, length, offset, options | UInt32(PCRE2_NO_JIT), data, context)
                }
                if rc == PCRE2_ERROR_NOMATCH { return }
                if rc < 0 { throw PCRE2Error.match(pattern: source, code: rc, message: PCRE2Error.message(for: rc)) }
                let (range, resume) = try step(data, Int(rc))
                guard let next = resume else { return }
                if next > offset && !(range.isEmpty && next <= range.lowerBound) {
                    offset = next
                } else {
                    // Step past by one whole UTF-8 character.
                    var position = max(offset, range.lowerBound)
                    if position >= length { return }
                    position += 1
                    while position < length && base[position] & 0xC0 == 0x80 { position += 1 }
                    offset = position
                }
            }
        }
    }


    /// Escapes `text` so that it matches literally inside a pattern.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            if "\\^$.|?*+()[]{}#-/ ".unicodeScalars.contains(scalar) { out.append("\\") }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
