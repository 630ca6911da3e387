// SeededRandom: reproducible randomness. The generator behind the benchmark's corpus and the tests' random cases.

/// SplitMix64: small, fast and the same on every machine, so a seed gives the same corpus or the
/// same test cases on every run.
public struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0); the plain remainder, as the recorded cases were made with.
    public mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One of `items` (not empty).
    public mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }
}
