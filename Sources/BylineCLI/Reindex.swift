import ArgumentParser
import BylineAnalysis
import BylineExtract
import BylineStore
import Foundation

/// `byline reindex`: analyses stored articles again, from their stored text, with this Byline.
struct Reindex: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyse stored articles again with this Byline, from their stored text, replacing their facts.",
        discussion: """
            Articles whose facts another Byline version produced are read again (every article with --all), \
            many to a transaction: a reindex that is stopped keeps what it finished, and running it again \
            finishes the rest (with --all, it starts over).
            """)

    @Flag(help: "Every stored article, not only those whose facts another Byline version produced.")
    var all = false

    @OptionGroup var batches: BatchOptions

    @OptionGroup var store: StoreLocation

    func run() async throws {
        let pipeline = try orExit { try Analysis.pipeline() }
        let database = try await store.open()
        let version = Byline.configuration.version
        let analyser = ArticleAnalyser(
            extractor: Extractor(options: ReadOptions()), pipeline: pipeline, bylineVersion: version,
            jobs: batches.threads)
        let other = all ? nil : version
        let progress = IngestProgress(total: try await database.articleCount(notProducedBy: other))
        var receipt = StoreReceipt()
        var pendingWrite: Task<StoreReceipt, any Error>?
        var after: Int64 = 0
        // Each batch is analysed while the one before it is written.
        while true {
            let stored = try await database.articlesToReindex(notProducedBy: other, after: after, limit: batches.batch)
            guard let last = stored.last else { break }
            after = last.number
            let articles = analyser.analyseAgain(stored)
            if let pendingWrite { receipt = receipt + (try await pendingWrite.value) }
            pendingWrite = Task { try await database.replaceFacts(articles) }
            progress.advance(by: stored.count)
        }
        if let pendingWrite { receipt = receipt + (try await pendingWrite.value) }
        try await database.releaseFreeSpace()
        progress.clear()
        let summary = "reindex: \(receipt.replaced) read again by Byline \(version); \(receipt.facts) facts stored in \(KnowledgeBase.displayName(store.db))\n"
        FileHandle.standardOutput.write(Data(summary.utf8))
    }
}
