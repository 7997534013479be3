#if canImport(CMalloc)
import CMalloc
import Foundation

/// glibc's malloc, set up for a process that reads documents of very different sizes for hours.
///
/// By default glibc raises its mmap threshold each time a large block served by mmap is freed
/// (up to 32 MiB), so that later large blocks (a big page, its text, its output) come from the
/// heap instead, where they are freed into holes the next big document rarely fits. Over 1 GB
/// of CC-NEWS-like WARC with two jobs the peak resident memory rose from 58 MiB after 200 MB of
/// input to 65 MiB after all of it; with the threshold fixed it stayed flat (47 MiB both), for
/// the same CPU time (Benchmarks/corpus_scale.py). glibc also gives each thread an arena of its
/// own, up to eight per core, and each holds its own free holes; four per core kept the peak flat
/// too (46 → 48 MiB against 52 → 56 MiB), where one per core made the jobs' threads wait on
/// each other's arena locks (183k futex calls on one 100 MB file against 58k).
enum MemoryTuning {
    /// Blocks of this size or more are mapped on their own and given back to the system when freed.
    static let mmapThreshold: Int32 = 256 * 1024
    /// The most malloc arenas per core.
    static let arenasPerCore = 4

    /// Fixes the mmap threshold and the number of arenas. Called before any other thread starts.
    static func apply() {
        _ = mallopt(M_MMAP_THRESHOLD, mmapThreshold)
        _ = mallopt(M_ARENA_MAX, Int32(clamping: arenasPerCore * ProcessInfo.processInfo.activeProcessorCount))
    }
}
#else
/// Only glibc's malloc needs tuning.
enum MemoryTuning {
    static func apply() {}
}
#endif
