// VietnameseTextTests: sixteen bytes at a time. The skip's contract on random buffers, and the lane reduction.
import SeededRandom
import VietnameseText
import XCTest

final class ByteVectorsTests: XCTestCase {
    /// `skipUnflagged` passes only stretches without a marked byte, stops at a stretch holding one,
    /// and stops only when fewer than 17 bytes remain before the end it was given otherwise.
    func testSkipPassesOnlyUnmarkedStretches() {
        var random = SeededRandom(seed: 3)
        var stopsAtMark = 0
        for _ in 0..<5_000 {
            let count = random.next(120)
            var bytes = (0..<count).map { _ in UInt8(random.next(0xFF)) }  // 0xFF only where placed
            for _ in 0..<random.next(3) where count > 0 { bytes[random.next(count)] = 0xFF }
            let start = random.next(count + 1), end = start + random.next(count - start + 1)
            let stop = bytes.withUnsafeBufferPointer { buffer in
                ByteVectors.skipUnflagged(buffer, from: start, to: end) { bytes, _ in bytes .== ByteVectors.splat(0xFF) }
            }
            XCTAssertTrue(start <= stop && stop <= end)
            XCTAssertFalse(bytes[start..<stop].contains(0xFF), "a marked byte passed")
            let lookEnd = ByteVectors.lookEnd(from: stop, end: end)
            if stop + 17 <= end {
                XCTAssertEqual(lookEnd, stop + 16)
                XCTAssertTrue(bytes[stop..<stop + 16].contains(0xFF), "stopped at a stretch without a mark")
                stopsAtMark += 1
            } else {
                XCTAssertEqual(lookEnd, end)
            }
        }
        XCTAssertGreaterThan(stopsAtMark, 300)
    }

    /// The look-ahead stretch is the stretch one byte on: a test on a byte and the next sees pairs
    /// across the stretch's end.
    func testNextIsTheStretchOneByteOn() {
        let bytes: [UInt8] = Array(repeating: 0x61, count: 15) + [0x20, 0x20] + Array(repeating: 0x61, count: 20)
        let stop = bytes.withUnsafeBufferPointer { buffer in
            ByteVectors.skipUnflagged(buffer, from: 0, to: buffer.count) { bytes, next in
                bytes .== ByteVectors.splat(0x20) .& next .== ByteVectors.splat(0x20)
            }
        }
        XCTAssertEqual(stop, 0)
    }

    func testAnyReducesEveryLane() {
        for lane in 0..<16 {
            var bytes = ByteVectors.splat(0)
            XCTAssertFalse(ByteVectors.any(bytes .== ByteVectors.splat(1)))
            bytes[lane] = 1
            XCTAssertTrue(ByteVectors.any(bytes .== ByteVectors.splat(1)), "lane \(lane)")
        }
    }

    /// `bits` puts lane k in bit k, for every set of lanes.
    func testBitsGatherEveryPatternOfLanes() {
        let lanes = ByteVectors.Vector(0..<16)
        for pattern in 0..<(1 << 16) {
            var bytes = ByteVectors.splat(0xFF)
            for lane in 0..<16 where pattern & 1 << lane != 0 { bytes[lane] = UInt8(lane) }
            XCTAssertEqual(ByteVectors.bits(bytes .== lanes), UInt32(pattern))
        }
    }

    /// `firstIndex` finds the first offset the test holds at, testing in each stretch only the
    /// lanes marked: here a byte 0xFF followed by 0x20, at every place, near the end and not.
    func testFirstIndexFindsTheFirstMarkedOffsetThatPasses() {
        var random = SeededRandom(seed: 5)
        var found = 0
        for _ in 0..<5_000 {
            let count = random.next(80)
            let bytes = (0..<count).map { _ in [0x20, 0x61, 0xFF][random.next(3)] as UInt8 }
            let start = random.next(count + 1), end = start + random.next(count - start + 1)
            func holds(_ index: Int) -> Bool { bytes[index] == 0xFF && index + 1 < count && bytes[index + 1] == 0x20 }
            let result = bytes.withUnsafeBufferPointer { buffer in
                ByteVectors.firstIndex(buffer, from: start, to: end, flags: { lanes, next in
                    lanes .== ByteVectors.splat(0xFF) .& next .== ByteVectors.splat(0x20)
                }, where: holds)
            }
            XCTAssertEqual(result, (start..<end).first(where: holds), "\(bytes) \(start)..<\(end)")
            if result != nil { found += 1 }
        }
        XCTAssertGreaterThan(found, 1_000)
    }
}
