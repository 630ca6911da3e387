// VietnameseText: sorted search. The lower-bound binary search, and overlap tests against ranges sorted by start.

extension RandomAccessCollection where Index == Int {
    /// The first index whose element satisfies `isAfter`, for elements partitioned by it (every
    /// element that fails comes before every element that satisfies it); `endIndex` when none does.
    @inlinable
    package func partitioningIndex(where isAfter: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let mid = low + (high - low) / 2
            if isAfter(self[mid]) { high = mid } else { low = mid + 1 }
        }
        return low
    }
}

/// Ranges kept sorted by start with the running maximum of their ends, so that whether a range
/// overlaps any of them takes one binary search, however long or nested they are.
package struct SortedRanges: Sendable {
    private let ranges: [Range<Int>]
    /// For each range, the furthest end of it and the ranges before it.
    private let reaches: [Int]

    /// The non-empty ones of `ranges` (an empty range overlaps nothing).
    package init(_ ranges: [Range<Int>]) {
        self.ranges = ranges.filter { !$0.isEmpty }.sorted { $0.lowerBound < $1.lowerBound }
        var furthest = Int.min
        reaches = self.ranges.map { range in
            furthest = max(furthest, range.upperBound)
            return furthest
        }
    }

    /// Whether non-empty `range` overlaps one of the ranges.
    package func overlaps(_ range: Range<Int>) -> Bool {
        // The ranges starting before `range` ends overlap it when the furthest of their ends passes its start.
        let startingBefore = ranges.partitioningIndex { $0.lowerBound >= range.upperBound }
        return startingBefore > 0 && reaches[startingBefore - 1] > range.lowerBound
    }
}
