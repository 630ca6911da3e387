// VietnameseText: words. Memoises per-word work over a text: a report uses a few thousand distinct words many times.
import Foundation

/// An open-addressing hash table from words (short UTF-8 byte strings) to values, for one pass
/// over one text (or for a phrase trie's words).
///
/// A word of up to 16 bytes (nearly every word) is held in two 64-bit loads, so hashing and
/// comparing it touch neither a byte loop nor the arena; longer ones are compared in the arena.
/// A lookup allocates nothing. After ``limit`` distinct words (a hostile text of random
/// letters) new words are no longer kept: `entry(for:make:)` then just calls `make`, so memory
/// stays bounded.
struct WordTable<Value> {
    fileprivate struct Entry {
        var key: Key
        var start: Int32
        var value: Value
    }

    /// A word's first and last 8 bytes (overlapping, or zero-padded when shorter) and length.
    fileprivate struct Key: Equatable {
        let first: UInt64
        let last: UInt64
        let length: Int

        @inline(__always)
        init(_ word: UnsafeBufferPointer<UInt8>) {
            let base = UnsafeRawPointer(word.baseAddress!)
            length = word.count
            switch length {
            case 8...:
                first = base.loadUnaligned(as: UInt64.self)
                last = base.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
            case 4...7:
                // Two 4-byte loads that overlap: the bytes they share agree, so OR joins them.
                first = UInt64(base.loadUnaligned(as: UInt32.self))
                    | UInt64(base.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)) << UInt64((length - 4) * 8)
                last = 0
            case 2...3:
                first = UInt64(base.loadUnaligned(as: UInt16.self))
                    | UInt64(base.loadUnaligned(fromByteOffset: length - 2, as: UInt16.self)) << UInt64((length - 2) * 8)
                last = 0
            default:
                first = UInt64(word[0])
                last = 0
            }
        }

        @inline(__always)
        var hash: Int {
            let mixed = (first ^ (last &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(length)) &* 0xD6E8_FEB8_6659_FD93
            return Int(truncatingIfNeeded: mixed >> 32)
        }
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
        entries.reserveCapacity(512)
    }

    /// Whether half of ``limit`` words are kept: a memo kept across texts is then started afresh
    /// (``MemoShelf``), so that texts of many words seen once do not leave the next little room.
    var isHalfFull: Bool { entries.count >= Self.limit / 2 }

    /// ``lookup(_:)``, or else `make(word)`, kept for next time; with the word's number in this
    /// table (0, 1, 2, … in order of first sight), or nil when the word is not kept: callers
    /// index their own per-word facts by it.
    @inline(__always)
    mutating func entry(for word: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Value) -> (value: Value, index: Int?) {
        if let found = lookup(word) { return found }
        let value = make(word)
        return (value, keep(word, value))
    }

    /// The kept value of `word` and its number, or nil when it is not kept.
    @inline(__always)
    func lookup(_ word: UnsafeBufferPointer<UInt8>) -> (value: Value, index: Int)? {
        guard word.count <= Self.longestKept, word.count > 0 else { return nil }
        let key = Key(word)
        return entries.withUnsafeBufferPointer { entries in
            let (index, _) = probe(word, key, entries)
            return index >= 0 ? (entries[index].value, index) : nil
        }
    }

    /// Keeps `value` for `word`, which ``lookup(_:)`` did not find; returns the word's number, or
    /// nil when the word is too long or the table full.
    @discardableResult
    mutating func keep(_ word: UnsafeBufferPointer<UInt8>, _ value: Value) -> Int? {
        guard word.count <= Self.longestKept, word.count > 0, entries.count < Self.limit else { return nil }
        let key = Key(word)
        let (_, slot) = entries.withUnsafeBufferPointer { probe(word, key, $0) }
        let index = entries.count
        slots[slot] = Int32(index)
        entries.append(Entry(key: key, start: Int32(arena.count), value: value))
        if word.count > 16 { arena.append(contentsOf: word) }
        if entries.count * 2 > slots.count { grow() }
        return index
    }

    /// The number of the entry holding `word` (-1 when none) and the slot it is in or would go to.
    /// `entries` is the table's own, read without bounds checks (the slots hold only their numbers).
    @inline(__always)
    private func probe(_ word: UnsafeBufferPointer<UInt8>, _ key: Key, _ entries: UnsafeBufferPointer<Entry>) -> (index: Int, slot: Int) {
        var slot = key.hash & mask
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let index = Int(slots[slot])
                if index < 0 { return (-1, slot) }
                if entries[index].key == key && (key.length <= 16 || sameBytes(word, at: Int(entries[index].start))) {
                    return (index, slot)
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Whether the arena holds `word` at `start` (words over 16 bytes only).
    @inline(never)
    private func sameBytes(_ word: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        arena.withUnsafeBufferPointer { arena in
            memcmp(arena.baseAddress! + start, word.baseAddress!, word.count) == 0
        }
    }

    private mutating func grow() {
        let count = slots.count * 2
        slots = [Int32](repeating: -1, count: count)
        mask = count - 1
        for (index, entry) in entries.enumerated() {
            var slot = entry.key.hash & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}

/// A table of sendable values is a value of arrays: a phrase trie shared by threads holds one.
extension WordTable: Sendable where Value: Sendable {}
extension WordTable.Entry: Sendable where Value: Sendable {}
extension WordTable.Key: Sendable {}

/// Memos kept from one text to the next (the reports of a batch share most of their words): a
/// scan takes one and puts it back when it is done, so that no two threads share one; there are as
/// many as texts were ever scanned at once. Only for memos whose values depend on a word's bytes
/// alone (and on what owns the shelf).
final class MemoShelf<Memo>: @unchecked Sendable {
    private let lock = NSLock()
    private var memos: [Memo] = []
    private let make: () -> Memo
    private let isHalfFull: (Memo) -> Bool

    /// A shelf of memos made by `make`. A memo `isHalfFull` says is half full (its tables are:
    /// ``WordTable/isHalfFull``) is dropped for a new one.
    init(make: @escaping () -> Memo, isHalfFull: @escaping (Memo) -> Bool) {
        self.make = make
        self.isHalfFull = isHalfFull
    }

    /// A memo no other scan holds: a kept one, or else a new one.
    func take() -> Memo {
        lock.lock()
        defer { lock.unlock() }
        guard let memo = memos.popLast(), !isHalfFull(memo) else { return make() }
        return memo
    }

    /// Keeps `memo` for the next scan.
    func put(_ memo: Memo) {
        lock.lock()
        defer { lock.unlock() }
        memos.append(memo)
    }
}

/// The distinct words of a text met so far, by their bytes, for callers in other modules (which
/// would run the generic table unspecialised, through its metadata).
package struct WordSet {
    private var table = WordTable<Bool>()
    /// The words the table does not keep (longer than 48 bytes, or past ``WordTable/limit`` words).
    private var others = Set<[UInt8]>()

    /// An empty set.
    package init() {}

    /// Adds `word`; whether it was new.
    package mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if table.lookup(word) != nil { return false }
        return table.keep(word, true) != nil || others.insert(Array(word)).inserted
    }
}
