import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Foundation
import Testing

/// The news texts of PolNeAR's development split, read from ../shared at test time.
private let articles: [URL] = {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../shared/bench/polnear/dev/text")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
}()

/// Every real article goes through the whole pipeline, and every fact's span lies inside the
/// text and covers words.
@Test func realArticlesGoThroughTheWholePipeline() throws {
    try #require(articles.count >= 80, "PolNeAR's development texts in ../shared/bench/polnear/dev/text")
    let pipeline = try Analysis.pipeline()
    let reader = Extractor(options: ReadOptions(plain: true))
    for url in articles {
        var document = try reader.extract(SourceDocument(uri: url.path, bytes: Array(try Data(contentsOf: url))))
        pipeline.run(on: &document)
        let size = document.text.utf8.count
        let spans = document.quotes.map(\.span) + document.entities.flatMap { $0.mentions.map(\.span) } + document.times.map(\.span)
            + document.quantities.map(\.span)
        #expect(spans.allSatisfy { $0.start < $0.end && $0.end <= size }, "\(url.lastPathComponent)")
        #expect(!document.entities.isEmpty, "\(url.lastPathComponent)")
    }
}
