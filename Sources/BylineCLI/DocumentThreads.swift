import Foundation

/// Threads that each work on one document at a time and wait for the next when done, shared by
/// the whole process.
///
/// A document given a time limit runs on a thread of its own, so that it can be given up on
/// while it still runs; starting a fresh thread for each one costs the kernel a new stack, page
/// by page, every time. A thread that finishes waits here for the next document instead, and a
/// new one starts only when every thread is busy (one still at work on a document given up on
/// stays busy until that work stops).
final class DocumentThreads: @unchecked Sendable {
    // Unchecked: `waiting` and `idle` are read and written only with `condition` locked.
    static let shared = DocumentThreads()

    private let condition = NSCondition()
    /// Work handed in and not yet taken by a thread, oldest first.
    private var waiting: [@Sendable () -> Void] = []
    private var next = 0
    /// How many threads wait for work.
    private var idle = 0

    /// Runs `work` on a waiting thread, or on a new one when none waits.
    func run(_ work: @escaping @Sendable () -> Void) {
        condition.lock()
        waiting.append(work)
        let startsThread = idle < waiting.count - next
        if !startsThread { condition.signal() }
        condition.unlock()
        if startsThread { Thread.detachNewThread { self.serve() } }
    }

    /// A thread's life: take the oldest work, run it, wait when there is none.
    private func serve() {
        condition.lock()
        while true {
            guard next < waiting.count else {
                idle += 1
                condition.wait()
                idle -= 1
                continue
            }
            let work = waiting[next]
            next += 1
            if next == waiting.count {
                waiting.removeAll(keepingCapacity: true)
                next = 0
            }
            condition.unlock()
            work()
            condition.lock()
        }
    }
}
