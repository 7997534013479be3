#if canImport(Glibc)
import Glibc
#endif

/// A fixed array that is read at random all the time (the model's key index and weights: a
/// few megabytes, a few dozen reads per token).
///
/// On Linux its memory is asked to be backed by 2 MiB pages (`madvise(MADV_HUGEPAGE)`), so that
/// the reads do not each also miss the processor's address cache (the TLB), whose 4 KiB entries
/// cover far less than the tables; elsewhere, or when the kernel declines, it is ordinary memory.
final class LookupTable<Element: BitwiseCopyable>: @unchecked Sendable {
    // Unchecked: the memory is written once, in `init`, and only read after.
    /// The elements.
    let elements: UnsafeBufferPointer<Element>
    /// The memory mapped for the table, when it was mapped rather than allocated.
    private let mapping: (start: UnsafeMutableRawPointer, bytes: Int)?

    /// The size of a huge page; smaller tables are allocated as usual.
    private static var hugePage: Int { 2 << 20 }

    init(_ source: [Element]) {
        let bytes = source.count * MemoryLayout<Element>.stride
        var mapping: (start: UnsafeMutableRawPointer, bytes: Int)?
        var start: UnsafeMutableRawPointer?
        #if os(Linux)
            if bytes >= Self.hugePage {
                // Map a page more than needed, so that the table can start on a huge-page boundary.
                let mapped = (bytes + 2 * Self.hugePage - 1) / Self.hugePage * Self.hugePage
                let address = mmap(nil, mapped, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
                if let address, address != MAP_FAILED {
                    mapping = (address, mapped)
                    let aligned = (Int(bitPattern: address) + Self.hugePage - 1) / Self.hugePage * Self.hugePage
                    start = UnsafeMutableRawPointer(bitPattern: aligned)
                    _ = madvise(start, mapped - (aligned - Int(bitPattern: address)), MADV_HUGEPAGE)
                }
            }
        #endif
        let memory = start ?? UnsafeMutableRawPointer.allocate(byteCount: max(bytes, 1), alignment: MemoryLayout<Element>.alignment)
        let typed = memory.bindMemory(to: Element.self, capacity: source.count)
        let buffer = UnsafeMutableBufferPointer(start: typed, count: source.count)
        _ = buffer.initialize(from: source)
        elements = UnsafeBufferPointer(buffer)
        self.mapping = mapping
    }

    deinit {
        #if os(Linux)
            if let mapping {
                munmap(mapping.start, mapping.bytes)
                return
            }
        #endif
        UnsafeMutableRawPointer(mutating: elements.baseAddress)?.deallocate()
    }
}
