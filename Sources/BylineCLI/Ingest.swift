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

    @Option(help: "Articles per transaction.")
    var batch = 256

    @OptionGroup var store: StoreLocation

    func validate() throws {
        if let published, DateStamp(parsing: published)?.day == nil {
            throw ValidationError("--published: '\(published)' is not a date of the form YYYY-MM-DD[THH:MM[:SS][±HH:MM]]")
        }
        guard batch > 0 else { throw ValidationError("--batch must be at least 1") }
    }

    func run() async throws {
        let pipeline = try orExit { try Analysis.pipeline() }
        let database = try store.open()
        let reader = ArticleAnalyser(
            extractor: Extractor(options: ReadOptions(plain: plain, published: published.flatMap { DateStamp(parsing: $0) })),
            pipeline: pipeline, bylineVersion: Byline.configuration.version)
        let inputs = InputList.expand(inputs)
        let progress = IngestProgress(total: inputs.count)
        var receipt = StoreReceipt()
        var failed = 0
        var pendingWrite: Task<StoreReceipt, any Error>?
        for chunk in inputs.chunked(batch) {
            let sources = reader.read(Array(chunk))
            let present = try await database.storedArticleIDs(among: sources.compactMap { try? $0.get().sha256 })
            let analysed = reader.analyse(sources, skipping: present)
            var articles: [ArticleFacts] = []
            for result in analysed {
                switch result {
                case .success(let article?): articles.append(article)
                case .success(nil): receipt.present += 1
                case .failure(let error):
                    failed += 1
                    progress.clear()
                    FileHandle.standardError.write(Data("byline: \(error)\n".utf8))
                }
            }
            // The batch is written while the next one is read and analysed.
            if let pendingWrite { receipt = receipt + (try await pendingWrite.value) }
            pendingWrite = Task { [articles] in try await database.store(articles) }
            progress.advance(by: chunk.count)
        }
        if let pendingWrite { receipt = receipt + (try await pendingWrite.value) }
        progress.clear()
        let summary = "ingest: \(receipt.added) new, \(receipt.present) already present, \(failed) failed; \(receipt.facts) facts stored in \(store.db)\n"
        FileHandle.standardOutput.write(Data(summary.utf8))
        if failed > 0 { throw ExitCode(1) }
    }
}

/// Reads and analyses inputs on every core.
struct ArticleAnalyser: Sendable {
    let extractor: Extractor
    let pipeline: Pipeline
    let bylineVersion: String

    /// The sources of `inputs`, in order, read in parallel.
    func read(_ inputs: [Input]) -> [Result<SourceDocument, BylineError>] {
        parallelMap(inputs) { input in
            Result { () throws(BylineError) -> SourceDocument in
                do throws(BylineError) {
                    return try InputReader.read(input)
                } catch {
                    throw error.input == nil ? error.about(input.uri) : error
                }
            }
        }
    }

    /// The facts of each source, in order: nil for a source already stored.
    func analyse(_ sources: [Result<SourceDocument, BylineError>], skipping present: Set<String>) -> [Result<ArticleFacts?, BylineError>] {
        parallelMap(sources) { source in
            source.flatMap { source -> Result<ArticleFacts?, BylineError> in
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
    }

    /// `transform` applied to every element, on as many threads as there are cores.
    private func parallelMap<Element: Sendable, Output: Sendable>(_ elements: [Element], _ transform: @Sendable (Element) -> Output) -> [Output] {
        let results = Mutex<[Output?]>(Array(repeating: nil, count: elements.count))
        DispatchQueue.concurrentPerform(iterations: elements.count) { index in
            let output = transform(elements[index])
            results.withLock { $0[index] = output }
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

extension Array {
    /// The array cut into pieces of at most `size` elements.
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}
