#if canImport(CMalloc)
import CMalloc

/// glibc's malloc, set up for a process that reads documents of very different sizes for hours.
///
/// By default glibc raises its mmap threshold each time a large block served by mmap is freed
/// (up to 32 MiB), so that later large blocks (a big page, its text, its output) come from the
/// heap instead, where they are freed into holes the next big document rarely fits. Over 1 GB
/// of CC-NEWS-like WARC with two jobs the peak resident memory rose from 58 MiB after 200 MB of
/// input to 65 MiB after all of it; with the threshold fixed it stayed flat (47 MiB both), for
/// the same CPU time (Benchmarks/corpus_scale.py). Fewer arenas would save more memory but make
/// the jobs' threads wait for each other's arena locks.
enum MemoryTuning {
    /// Blocks of this size or more are mapped on their own and given back to the system when freed.
    static let mmapThreshold: Int32 = 256 * 1024

    /// Fixes the mmap threshold. Called before any other thread starts.
    static func apply() {
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
    }
}
#else
/// Only glibc's malloc needs tuning.
enum MemoryTuning {
    static func apply() {}
}
#endif
