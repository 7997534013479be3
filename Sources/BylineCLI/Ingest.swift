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
        // Articles analysed and not yet handed to the writer, and the write under way.
        var analysed: [ArticleFacts] = []
        var writing: StoreWrite?
        func report(_ line: String) {
            progress.clear()
            reportOnStandardError(line)
        }
        /// Starts writing the oldest analysed articles, at most a batch, in one transaction.
        func startWrite() {
            let articles = Array(analysed.prefix(batches.batch))
            analysed.removeFirst(articles.count)
            writing = StoreWrite { try await database.store(articles) }
        }
        /// Hands the analysed articles to the writer as soon as it is free; waits for it only
        /// when a whole batch is waiting.
        func handOver() async throws {
            guard !analysed.isEmpty else { return }
            if let current = writing {
                guard current.isFinished || analysed.count >= batches.batch else { return }
                receipt = receipt + (try await current.receipt)
            }
            startWrite()
        }
        /// Analyses a few documents on every thread, while the writer stores the ones before.
        func ingest(_ sources: [SourceDocument]) async throws {
            let present = try await database.storedArticleIDs(among: sources.map(\.sha256))
            for result in analyser.analyse(sources, skipping: present) {
                switch result {
                case .success(let article?): analysed.append(article)
                case .success(nil): receipt.present += 1
                case .failure(let error):
                    failed += 1
                    report(error.description)
                }
            }
            try await handOver()
            progress.advance(by: sources.count)
        }
        // Every input's documents in order: a WARC archive gives one per record.
        let chunk = min(batches.batch, Self.documentsPerThread * batches.threads)
        var sources: [SourceDocument] = []
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
        repeat {
            if let current = writing { receipt = receipt + (try await current.receipt) }
            writing = nil
            if !analysed.isEmpty { startWrite() }
        } while writing != nil
        try await database.releaseFreeSpace()
        progress.clear()
        let summary = "ingest: \(receipt.added) new, \(receipt.present) already present, \(failed) failed; \(receipt.facts) facts stored in \(KnowledgeBase.displayName(store.db))\n"
        FileHandle.standardOutput.write(Data(summary.utf8))
        if failed > 0 { throw ExitCode(1) }
    }

    /// How many documents each thread analyses between two hand-overs to the writer: few, so
    /// that the writer starts early and little is left to write when the input ends.
    static let documentsPerThread = 32
}

/// One transaction of the store under way, and whether it has ended.
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

/// Analyses documents on several threads.
struct ArticleAnalyser: Sendable {
    let extractor: Extractor
    let pipeline: Pipeline
    let bylineVersion: String
    /// How many documents are analysed at once.
    let jobs: Int

    /// The facts of each source, in order: nil for a source already stored.
    func analyse(_ sources: [SourceDocument], skipping present: Set<String>) -> [Result<ArticleFacts?, BylineError>] {
        parallelMap(sources) { source in
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
    /// not yet taken.
    private func parallelMap<Element: Sendable, Output: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Output) -> [Output] {
        let results = Mutex<[Output?]>(Array(repeating: nil, count: elements.count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: max(1, min(jobs, elements.count))) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < elements.count else { return }
                let output = transform(elements[index])
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
