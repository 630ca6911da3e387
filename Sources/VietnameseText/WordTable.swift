// VietnameseText: words. Memoises per-word work over a text: a report uses a few thousand distinct words many times.
import Foundation

/// An open-addressing hash table from words (short UTF-8 byte strings) to values, for one pass
/// over one text.
///
/// Keys are copied into one arena, so a lookup allocates nothing. After ``limit`` distinct
/// words (a hostile text of random letters) new words are no longer kept: `value(for:make:)`
/// then just calls `make`, so memory stays bounded.
struct WordTable<Value> {
    private struct Entry {
        var start: Int32
        var length: Int32
        var hash: UInt32
        var value: Value
    }

    /// Distinct words kept at most.
    static var limit: Int { 1 << 15 }
    /// Words longer than this are never kept (they are rare and would fill the arena).
    static var longestKept: Int { 48 }

    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var slots: [Int32]
    private var mask: Int

    /// An empty table.
    init() {
        slots = [Int32](repeating: -1, count: 1024)
        mask = 1023
        arena.reserveCapacity(8192)
        entries.reserveCapacity(512)
    }

    /// The value of `word`: the kept one, or `make(word)`, kept for next time.
    @inline(__always)
    mutating func value(for word: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Value) -> Value {
        entry(for: word, make: make).value
    }

    /// ``value(for:make:)`` with the word's number in this table (0, 1, 2, … in order of first
    /// sight), or nil when the word is not kept: callers index their own per-word facts by it.
    @inline(__always)
    mutating func entry(for word: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Value) -> (value: Value, index: Int?) {
        guard word.count <= Self.longestKept, word.count > 0 else { return (make(word), nil) }
        var hash: UInt32 = 0x811C_9DC5
        for byte in word { hash = (hash ^ UInt32(byte)) &* 0x0100_0193 }
        var slot = Int(hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            let entry = entries[index]
            if entry.hash == hash && Int(entry.length) == word.count
                && arena.withUnsafeBufferPointer({ memcmp($0.baseAddress! + Int(entry.start), word.baseAddress!, word.count) == 0 }) {
                return (entry.value, index)
            }
            slot = (slot + 1) & mask
        }
        let value = make(word)
        guard entries.count < Self.limit else { return (value, nil) }
        let index = entries.count
        slots[slot] = Int32(index)
        entries.append(Entry(start: Int32(arena.count), length: Int32(word.count), hash: hash, value: value))
        arena.append(contentsOf: word)
        if entries.count * 2 > slots.count { grow() }
        return (value, index)
    }

    private mutating func grow() {
        let count = slots.count * 2
        slots = [Int32](repeating: -1, count: count)
        mask = count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(entry.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
