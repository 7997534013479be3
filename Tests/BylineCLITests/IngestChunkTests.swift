@testable import BylineCLI
import BylineExtract
import BylineAnalysis
import BylineSource
import Testing

/// Ingest analyses whole chunks while many inputs are left, half the inputs left near the end
/// (at least one a thread), and never more than the chunk it was given.
@Test func ingestChunksShrinkTowardsTheEndOfTheInputs() {
    #expect(Ingest.chunkSize(full: 64, threads: 2, inputsLeft: 900) == 64)
    #expect(Ingest.chunkSize(full: 64, threads: 2, inputsLeft: 40) == 20)
    #expect(Ingest.chunkSize(full: 64, threads: 2, inputsLeft: 1) == 2)
    #expect(Ingest.chunkSize(full: 64, threads: 2, inputsLeft: .max) == 64)
    #expect(Ingest.chunkSize(full: 1, threads: 2, inputsLeft: 100) == 1)
}

/// While the store's writer writes, the threads that leave it a core wait, and the analysis
/// still ends with every document analysed, in order, by the thread that goes on.
@Test func analysisEndsWhileTheWriterWrites() throws {
    let writer = WriterActivity()
    let analyser = ArticleAnalyser(
        extractor: Extractor(options: ReadOptions(plain: true)), pipeline: try Analysis.pipeline(), bylineVersion: "test", jobs: 4,
        writer: writer)
    let sources = (0..<6).map { i in
        SourceDocument(uri: "note-\(i).txt", bytes: Array("Harbor workers in Lindmark voted on day \(i + 1) to end the strike.".utf8))
    }
    writer.begin()
    let results = analyser.analyse(sources, skipping: [])
    writer.end()
    let uris = results.compactMap { try? $0.get()?.record.uri }
    #expect(uris == sources.map(\.uri))
}
