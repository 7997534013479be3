import ArgumentParser
import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import BylineStore
import Dispatch
import Foundation
import Synchronization

/// `byline ingest`: reads, analyses and stores articles.
struct Ingest: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Read, analyse and store articles in the knowledge base; articles already stored are skipped.")

    @Argument(help: ArgumentHelp("Files, directories (read recursively) or - for standard input; .gz files are decompressed.", valueName: "input"))
    var inputs: [String]

    @Flag(help: "The input is body text taken verbatim: text equals the decoded input and offsets index it.")
    var plain = false

    @Option(help: ArgumentHelp("The publication date (YYYY-MM-DD, optionally with THH:MM and a zone); overrides the document's own.", valueName: "date"))
    var published: String?

    @OptionGroup var batches: BatchOptions

    @OptionGroup var store: StoreLocation

    func validate() throws {
        if let published, DateStamp(parsing: published)?.day == nil {
            throw ValidationError("--published: '\(published)' is not a date of the form YYYY-MM-DD[THH:MM[:SS][±HH:MM]]")
        }
    }

    func run() async throws {
        let pipeline = try orExit { try Analysis.pipeline() }
        let database = try await store.open()
        let analyser = ArticleAnalyser(
            extractor: Extractor(options: ReadOptions(plain: plain, published: published.flatMap { DateStamp(parsing: $0) })),
            pipeline: pipeline, bylineVersion: Byline.configuration.version, jobs: batches.threads)
        let inputs = InputList.expand(inputs)
        let progress = IngestProgress(total: inputs.count)
        var receipt = StoreReceipt()
        var failed = 0
        func report(_ line: String) {
            progress.clear()
            reportOnStandardError(line)
        }
        // The writer stores each article as soon as it is analysed, in input order, while the
        // articles after it are analysed.
        let handOver = ArticleHandOver()
        let batch = batches.batch
        let writing = StoreWrite {
            do {
                return try await database.store(handedOver: { handOver.take() }, batch: batch)
            } catch {
                handOver.stop()
                throw error
            }
        }
        /// Analyses a few documents on every thread, handing each article to the writer when done.
        func ingest(_ sources: [SourceDocument]) async throws {
            let present = try await database.storedArticleIDs(among: sources.map(\.sha256))
            // At most a batch waits for the writer before more are analysed.
            await handOver.waitForRoom(upTo: batch)
            // A writer that has stopped before the end failed: its error ends the ingest.
            if writing.isFinished { _ = try await writing.receipt }
            let first = handOver.reserve(sources.count)
            let results = analyser.analyse(sources, skipping: present) { index, result in
                handOver.put(try? result.get(), at: first + index)
            }
            for result in results {
                switch result {
                case .success(_?): break
                case .success(nil): receipt.present += 1
                case .failure(let error):
                    failed += 1
                    report(error.description)
                }
            }
            progress.advance(by: sources.count)
        }
        // Every input's documents in order: a WARC archive gives one per record.
        let chunk = min(batch, Self.documentsPerThread * batches.threads)
        var sources: [SourceDocument] = []
        do {
            for input in inputs {
                let items = InputReader.items(of: input, limits: ReadLimits())
                while let item = items.next() {
                    switch item {
                    case .document(let source):
                        sources.append(source)
                        if sources.count == chunk {
                            try await ingest(sources)
                            sources.removeAll(keepingCapacity: true)
                        }
                    case .failure(let error):
                        failed += 1
                        report((error.input == nil ? error.about(input.uri) : error).description)
                    case .notice(let text):
                        report(text)
                    }
                }
            }
            if !sources.isEmpty { try await ingest(sources) }
        } catch {
            handOver.stop()
            _ = try? await writing.receipt
            throw error
        }
        handOver.finish()
        receipt = receipt + (try await writing.receipt)
        try await database.releaseFreeSpace()
        progress.clear()
        let summary = "ingest: \(receipt.added) new, \(receipt.present) already present, \(failed) failed; \(receipt.facts) facts stored in \(KnowledgeBase.displayName(store.db))\n"
        FileHandle.standardOutput.write(Data(summary.utf8))
        if failed > 0 { throw ExitCode(1) }
    }

    /// How many documents each thread analyses between two looks at the store for the ones
    /// already stored.
    static let documentsPerThread = 32
}

/// The store's writing under way, and whether it has ended.
final class StoreWrite: Sendable {
    private final class Ended: Sendable {
        let flag = Atomic(false)
    }
    private let task: Task<StoreReceipt, any Error>
    private let ended: Ended

    /// Starts `write`.
    init(_ write: @escaping @Sendable () async throws -> StoreReceipt) {
        let ended = Ended()
        self.ended = ended
        task = Task {
            defer { ended.flag.store(true, ordering: .releasing) }
            return try await write()
        }
    }

    /// Whether the write has ended (its receipt is ready).
    var isFinished: Bool { ended.flag.load(ordering: .acquiring) }

    /// What the write stored, once it has ended.
    var receipt: StoreReceipt {
        get async throws { try await task.value }
    }
}

/// The analysed articles on their way to the store's writer, in input order: the analysing
/// threads put each in its place as soon as it is done, and the writer takes them in turn,
/// waiting for the next when it is not done yet.
final class ArticleHandOver: @unchecked Sendable {
    // Unchecked: every property below `condition` is read and written only with it locked.
    private let condition = NSCondition()
    /// What each place not yet taken holds, once done: an article, or nil for a source with
    /// nothing to store.
    private var done: [Int: ArticleFacts?] = [:]
    /// The places given out so far, and the next place the writer takes.
    private var reserved = 0
    private var nextToTake = 0
    /// No more places will be given out.
    private var finished = false
    /// The writer has stopped: nothing more is taken.
    private var stopped = false
    /// Who waits for the places not yet taken to be few enough, and how few.
    private var roomWaiter: (limit: Int, continuation: CheckedContinuation<Void, Never>)?

    /// Gives out `count` places, in order after those given before; returns the first.
    func reserve(_ count: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        reserved += count
        return reserved - count
    }

    /// Fills place `index` (given out by ``reserve(_:)``).
    func put(_ article: ArticleFacts?, at index: Int) {
        condition.lock()
        defer { condition.unlock() }
        guard !stopped else { return }
        done[index] = article
        if index == nextToTake { condition.broadcast() }
    }

    /// The next article in input order, once done, skipping places with nothing to store; nil
    /// when every place is taken and no more will be given out, or when stopped.
    func take() -> ArticleFacts? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped {
            if let entry = done.removeValue(forKey: nextToTake) {
                nextToTake += 1
                resumeRoomWaiter()
                if let article = entry { return article }
            } else if finished && nextToTake == reserved {
                return nil
            } else {
                condition.wait()
            }
        }
        return nil
    }

    /// Returns once at most `limit` places given out are not yet taken (or the writer stopped).
    func waitForRoom(upTo limit: Int) async {
        await withCheckedContinuation { continuation in
            condition.lock()
            defer { condition.unlock() }
            if stopped || reserved - nextToTake <= limit {
                continuation.resume()
            } else {
                roomWaiter = (limit, continuation)
            }
        }
    }

    /// No more places will be given out: ``take()`` gives nil once the last is taken.
    func finish() {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        condition.broadcast()
    }

    /// The writer has stopped (or the input failed): ``take()`` gives nil, and nothing waits for it.
    func stop() {
        condition.lock()
        defer { condition.unlock() }
        stopped = true
        done.removeAll()
        resumeRoomWaiter()
        condition.broadcast()
    }

    /// Resumes the one waiting for room when there is; `condition` is locked.
    private func resumeRoomWaiter() {
        guard let waiter = roomWaiter, stopped || reserved - nextToTake <= waiter.limit else { return }
        roomWaiter = nil
        waiter.continuation.resume()
    }
}

/// Analyses documents on several threads.
struct ArticleAnalyser: Sendable {
    let extractor: Extractor
    let pipeline: Pipeline
    let bylineVersion: String
    /// How many documents are analysed at once.
    let jobs: Int

    /// The facts of each source, in order: nil for a source already stored. `done` is told of
    /// each (its index among `sources`) on the thread that analysed it, as soon as it is done.
    func analyse(
        _ sources: [SourceDocument], skipping present: Set<String>,
        done: @Sendable (Int, Result<ArticleFacts?, BylineError>) -> Void = { _, _ in }
    ) -> [Result<ArticleFacts?, BylineError>] {
        parallelMap(sources, done: done) { source in
            if present.contains(source.sha256) { return .success(nil) }
            return Result { () throws(BylineError) -> ArticleFacts? in
                do throws(BylineError) {
                    var document = try extractor.extract(source)
                    pipeline.run(on: &document)
                    return ArticleFacts(document: document, bylineVersion: bylineVersion)
                } catch {
                    throw error.input == nil ? error.about(source.uri) : error
                }
            }
        }
    }

    /// The facts of stored articles analysed again from their stored text, in order.
    func analyseAgain(_ stored: [StoredText]) -> [ArticleFacts] {
        parallelMap(stored) { article in
            var document = article.record.document
            pipeline.run(on: &document)
            return ArticleFacts(document: document, bylineVersion: bylineVersion)
        }
    }

    /// `transform` applied to every element, on `jobs` threads that each take the next element
    /// not yet taken; `done` is told of each output (with its index) as soon as it is made.
    private func parallelMap<Element: Sendable, Output: Sendable>(
        _ elements: [Element], done: @Sendable (Int, Output) -> Void = { _, _ in }, _ transform: @Sendable (Element) -> Output
    ) -> [Output] {
        let results = Mutex<[Output?]>(Array(repeating: nil, count: elements.count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, elements.count))) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < elements.count else { return }
                let output = transform(elements[index])
                done(index, output)
                results.withLock { $0[index] = output }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}

/// A progress line on standard error (count, rate, time left), only when it is a terminal.
final class IngestProgress: Sendable {
    private let total: Int
    private let enabled = isatty(STDERR_FILENO) != 0
    private let started = Date()
    private let done = Mutex(0)

    init(total: Int) {
        self.total = total
    }

    func advance(by count: Int) {
        let done = self.done.withLock { value in
            value += count
            return value
        }
        guard enabled else { return }
        let elapsed = max(Date().timeIntervalSince(started), 0.001)
        let rate = Double(done) / elapsed
        let left = rate > 0 ? Int(Double(total - done) / rate) : 0
        let line = "\r\(done)/\(total) articles  \(Int(rate))/s  \(left / 60):\(String(format: "%02d", left % 60)) left "
        FileHandle.standardError.write(Data(line.utf8))
    }

    /// Clears the line before anything else is written to standard error.
    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
