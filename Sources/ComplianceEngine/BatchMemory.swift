// ComplianceEngine: batch memory. How a run over reports asks glibc's allocator to serve large blocks.
#if canImport(CMalloc)
import CMalloc
#endif

extension Batch {
    /// Blocks this large and over are still mapped on their own; smaller ones come from the heap.
    static let mappedBlockSize = 1 << 30
    /// Free memory at the top of the heap kept for the next blocks, at most.
    static let keptFreeMemory = 128 << 20

    /// Serves blocks under ``mappedBlockSize`` from the allocator's heap, and keeps up to
    /// ``keptFreeMemory`` of it free for reuse, for the rest of the process.
    ///
    /// glibc maps every block over its threshold (128 KB at first, rising with what is freed but to
    /// 32 MB at most) on its own, and unmaps it when it is freed. The texts and tables of a large
    /// report run to tens of megabytes, so each new one was faulted in page by page: on a 100 MB
    /// report the kernel's share of the time was one seventh, and time per MB grew with the size.
    /// From the heap, freed pages are used again; the heap is trimmed only past ``keptFreeMemory``
    /// (a fixed threshold no longer raises the trimming one with it, as glibc's moving one does).
    /// For a run that ends when its reports are done; a long-running server should keep the
    /// defaults, which give memory back. Returns whether the allocator took both settings (false
    /// where it is not glibc's).
    @discardableResult
    public static func keepLargeBlocks() -> Bool {
        #if canImport(CMalloc)
        return mallopt(M_MMAP_THRESHOLD, Int32(mappedBlockSize)) == 1 && mallopt(M_TRIM_THRESHOLD, Int32(keptFreeMemory)) == 1
        #else
        return false
        #endif
    }
}
