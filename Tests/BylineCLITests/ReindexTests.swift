import BylineAnalysis
import BylineExtract
import BylineSource
import BylineStore
import BylineTestSupport
import Foundation
import Testing

/// Real web pages stored as an older Byline (`0.0.1-old`) stored them: read and analysed by the
/// library, the facts labelled with that version.
private func storeAsAnOlderByline(pages count: Int, in store: any KnowledgeStore) async throws -> [String] {
    let pipeline = try Analysis.pipeline()
    let pages = Array(try SharedData.files(in: "bench/aeb/html", endingWith: ".html.gz").prefix(count))
    var stored: [ArticleFacts] = []
    for page in pages {
        let items = InputReader.items(of: try #require(InputList.expand([page.path]).first), limits: ReadLimits())
        guard case .document(let source)? = items.next() else { continue }
        var document = try Extractor(options: ReadOptions()).extract(source)
        pipeline.run(on: &document)
        stored.append(ArticleFacts(document: document, bylineVersion: "0.0.1-old"))
    }
    _ = try await store.store(stored)
    return stored.map(\.record.id)
}

/// The version this `byline` stores its facts under.
private func currentVersion() throws -> String {
    try runByline(["--version"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
}

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)))
func reindexReadsAgainWhatAnotherVersionStoredAndARerunAfterKillsFinishesTheRest() async throws {
    let database = try temporaryFolder().appendingPathComponent("kb.db").path
    let ids = try await storeAsAnOlderByline(pages: 10, in: try SQLiteStore(path: database))
    let arguments = ["reindex", "--batch", "2", "--db", database]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<6 {
        _ = try? runToEnd(bylineExecutable, arguments, timeout: Double.random(in: 0.05...1.5, using: &generator))
        #expect(try await SQLiteStore(path: database).integrityCheck() == "ok")
    }
    let last = try runByline(arguments)
    #expect(last.status == 0)
    #expect(last.output.hasPrefix("reindex: "))
    let store = try SQLiteStore(path: database)
    let statistics = try await store.statistics()
    #expect(statistics.articles == ids.count)
    #expect(statistics.bylineVersions == [try currentVersion()])
    // Every quote once: no article's facts were written twice.
    let quotes = try await store.quotes(FactQuery(limit: nil))
    #expect(statistics.quotes == quotes.count)
    #expect(Set(quotes.map { "\($0.citation.article) \($0.start)" }).count == quotes.count)
    let again = try runByline(arguments)
    #expect(again.output.hasPrefix("reindex: 0 read again"))
    let all = try runByline(["reindex", "--all", "--db", database])
    #expect(all.output.hasPrefix("reindex: \(ids.count) read again"))
    #expect(try await store.statistics().quotes == quotes.count)
}

/// The PostgreSQL server of the store tests (`BYLINE_TEST_POSTGRES_URL`, set by CI), if any.
private let postgresURL = ProcessInfo.processInfo.environment["BYLINE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)),
      .disabled(if: postgresURL == nil, "BYLINE_TEST_POSTGRES_URL is not set: reindex was not run on PostgreSQL (CI runs it)"))
func reindexReadsAgainWhatAnotherVersionStoredOnPostgreSQL() async throws {
    let url = try #require(postgresURL)
    let schema = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let database = url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    let ids = try await storeAsAnOlderByline(pages: 4, in: try await KnowledgeBase.open(database))
    let quotesBefore = try await KnowledgeBase.open(database).statistics().quotes
    let first = try runByline(["reindex", "--db", database])
    #expect(first.status == 0)
    #expect(first.output.hasPrefix("reindex: \(ids.count) read again"))
    let statistics = try await KnowledgeBase.open(database).statistics()
    #expect(statistics.bylineVersions == [try currentVersion()])
    #expect(statistics.quotes == quotesBefore)
    #expect(try runByline(["reindex", "--db", database]).output.hasPrefix("reindex: 0 read again"))
}
