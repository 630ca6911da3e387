// VietnameseText: sixteen-bytes-at-a-time byte tests. Passes the stretches of a text a scan has nothing to do in.

/// Sixteen bytes at once in SIMD registers, for the scans that look for rare bytes in text where
/// most bytes are above ASCII (Vietnamese letters), so that eight-byte ASCII skipping
/// (``ByteWords``) passes little: the block cleaner's and the normaliser's "anything to do?" scans,
/// the sentence splitter's search for terminators, quotes and brackets, and the negator look.
///
/// Compare vectors with vectors (``splat(_:)``): this toolchain compiles a comparison with a
/// scalar (`vector .== 0x20`) lane by lane through memory, one with a splatted vector to single
/// instructions. Public and inlinable so that a scan in another module gets the instructions, not
/// calls.
public enum ByteVectors {
    /// Sixteen bytes of text, byte `offset + k` in lane `k`.
    public typealias Vector = SIMD16<UInt8>
    /// Per lane, whether a test holds.
    public typealias Mask = SIMDMask<SIMD16<Int8>>

    /// `byte` in every lane.
    @inlinable @inline(__always)
    public static func splat(_ byte: UInt8) -> Vector { Vector(repeating: byte) }

    /// The sixteen bytes at `offset` (there must be sixteen).
    @inlinable @inline(__always)
    public static func load(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Vector {
        UnsafeRawPointer(bytes.baseAddress! + offset).loadUnaligned(as: Vector.self)
    }

    /// Whether the test holds in some lane.
    @inlinable @inline(__always)
    public static func any(_ mask: Mask) -> Bool {
        // Reduced as two 64-bit halves: `any(_:)` of the standard library calls a lane-wise minimum.
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        return halves[0] | halves[1] != 0
    }

    /// The lanes where `mask` holds as bits, lane `k` in bit `k`: each half's top bits gathered
    /// into its top byte by one multiplication.
    @inlinable @inline(__always)
    public static func bits(_ mask: Mask) -> UInt32 {
        let halves = unsafeBitCast(mask, to: SIMD2<UInt64>.self)
        func gathered(_ half: UInt64) -> UInt32 {
            UInt32(truncatingIfNeeded: ((half & 0x8080_8080_8080_8080) &* 0x0002_0408_1020_4081) >> 56)
        }
        return gathered(halves[0]) | gathered(halves[1]) << 8
    }

    /// From `offset`, passes the 16-byte stretches in which `flags` marks no byte, and returns
    /// where the first stretch with a marked byte starts, or the first offset from which fewer
    /// than 17 bytes remain before `end`. `flags` gets a stretch and the stretch one byte further
    /// on, for tests on a byte and the next (a byte after the stretch is read, so that much must
    /// remain).
    ///
    /// A scan calls it, then looks byte by byte from the offset it returns up to
    /// ``lookEnd(from:end:)`` and calls it again. `flags` must mark every byte the byte-by-byte
    /// look would stop or act at; it may mark more.
    @inlinable @inline(__always)
    public static func skipUnflagged(
        _ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, to end: Int,
        _ flags: (_ bytes: Vector, _ next: Vector) -> Mask
    ) -> Int {
        var offset = offset
        while offset + 17 <= end {
            if any(flags(load(bytes, at: offset), load(bytes, at: offset + 1))) { return offset }
            offset += 16
        }
        return offset
    }

    /// The end of the byte-by-byte look that starts at `offset`, returned by
    /// ``skipUnflagged(_:from:to:_:)``: 16 bytes on, or `end` when it is near.
    @inlinable @inline(__always)
    public static func lookEnd(from offset: Int, end: Int) -> Int {
        offset + 17 <= end ? offset + 16 : end
    }

    /// The first offset from `offset` up to `end` at which `test` holds, or nil: in each 16-byte
    /// stretch only the offsets `flags` marks are tested, found by their bits (no branch per
    /// byte), and the last bytes, fewer than 17 before `end`, one by one. `flags` must mark every
    /// offset at which `test` may hold.
    @inlinable @inline(__always)
    public static func firstIndex(
        _ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, to end: Int,
        flags: (_ bytes: Vector, _ next: Vector) -> Mask, where test: (Int) -> Bool
    ) -> Int? {
        var index = offset
        while index + 17 <= end {
            let mask = flags(load(bytes, at: index), load(bytes, at: index + 1))
            // Most stretches of the scans' texts have no mark: the cheaper test passes them.
            if any(mask) {
                var marked = bits(mask)
                while marked != 0 {
                    if test(index + marked.trailingZeroBitCount) { return index + marked.trailingZeroBitCount }
                    marked &= marked - 1
                }
            }
            index += 16
        }
        while index < end {
            if test(index) { return index }
            index += 1
        }
        return nil
    }
}
