import BylineCore
import BylineSource
import Foundation

/// What a run tells its caller about where each input's output starts and ends (to write each
/// input to a file of its own); both are called in output order.
public struct InputBoundaries {
    /// Called before the first item of an input is written.
    public var started: (Input) throws(BylineError) -> Void
    /// Called after the last item of an input is written.
    public var finished: (InputSummary) throws(BylineError) -> Void

    public init(
        started: @escaping (Input) throws(BylineError) -> Void = { _ in },
        finished: @escaping (InputSummary) throws(BylineError) -> Void = { _ in }
    ) {
        self.started = started
        self.finished = finished
    }
}

/// What became of one input: its documents, failures and (for a WARC archive) records.
public struct InputSummary: Sendable {
    /// The most error lines kept; the count goes on past it.
    static let keptErrors = 100

    public let input: Input
    /// Documents written.
    public var documents = 0
    /// Failed documents and records (and the input itself, when it could not be read).
    public var failures = 0
    /// The first error lines (`PATH: reason`), at most ``keptErrors``.
    public var errors: [String] = []
    /// A WARC archive's records, by what became of them; nil for other inputs.
    public var records: WARCRecordCounts?
    /// Seconds from opening the input to writing its last item.
    public var seconds = 0.0

    public init(input: Input) {
        self.input = input
    }

    mutating func record(_ error: BylineError) {
        failures += 1
        if errors.count < Self.keptErrors { errors.append(error.description) }
    }
}

/// One step of reading the inputs in order: an item, or the start or end of an input.
enum ReadStep {
    case started(Input)
    case item(SourceItem)
    /// The input last started has no more items.
    case finished(records: WARCRecordCounts?, started: ContinuousClock.Instant)
}

/// Reads the items of a list of inputs in order, marking where each input starts and ends.
struct ItemReader {
    private var inputs: IndexingIterator<[Input]>
    private let limits: ReadLimits
    private var current: InputItems?
    private var currentStart = ContinuousClock.now
    private var pending: [ReadStep] = []

    /// Whether the first input is a WARC archive (it is opened to tell).
    private(set) var firstInputIsArchive = false

    init(inputs: [Input], limits: ReadLimits) {
        self.inputs = inputs.makeIterator()
        self.limits = limits
        if let first = openNext() {
            pending.append(.item(first))
            firstInputIsArchive = current?.recordCounts != nil
        }
    }

    /// Opens the next input that has an item and returns that item, queueing the input's start
    /// (and the starts and ends of inputs with no item) before it.
    private mutating func openNext() -> SourceItem? {
        while let input = inputs.next() {
            let items = InputReader.items(of: input, limits: limits)
            current = items
            currentStart = .now
            pending.append(.started(input))
            if let item = items.next() { return item }
            pending.append(.finished(records: items.recordCounts, started: currentStart))
            current = nil
        }
        return nil
    }

    mutating func next() -> ReadStep? {
        if !pending.isEmpty { return pending.removeFirst() }
        if let items = current {
            if let item = items.next() { return .item(item) }
            current = nil
            return .finished(records: items.recordCounts, started: currentStart)
        }
        guard let item = openNext() else { return pending.isEmpty ? nil : pending.removeFirst() }
        pending.append(.item(item))
        return pending.removeFirst()
    }
}

/// The first of two outcomes to arrive (a document's work, or its time limit), handed to one
/// waiting continuation; the later one is dropped.
final class FirstOutcome<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value, Never>?
    private var settled = false

    /// Whether an outcome has arrived.
    var isSettled: Bool { lock.withLock { settled } }

    /// The continuation that receives the first outcome.
    func deliver(to continuation: CheckedContinuation<Value, Never>) {
        lock.withLock { self.continuation = continuation }
    }

    /// Hands `value` on, unless an outcome came first; says whether it was the first.
    @discardableResult
    func settle(_ value: Value) -> Bool {
        let (first, waiting): (Bool, CheckedContinuation<Value, Never>?) = lock.withLock {
            guard !settled else { return (false, nil) }
            settled = true
            defer { continuation = nil }
            return (true, continuation)
        }
        waiting?.resume(returning: value)
        return first
    }
}

extension Duration {
    /// The duration in seconds.
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
