import BylineCore
import BylineExtract
import BylineSource
import BylineStore
import BylineTestSupport
import Foundation
import Testing

/// Real articles of every kind a reader makes: a scraped page (title, stamp and caption lines),
/// web pages (headings, captions) and plain text.
let reindexFixtures = [
    "fixtures/seed/korea-herald-2024-11-10.txt",
    "fixtures/scrapes/horn-dispatch-2025-05-15.txt",
    "bench/aeb/html/042bb7b5fedab6eac7db576522b89b93904c237d344bcbe14a6a5ab7f7335856.html.gz",
    "bench/aeb/html/05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f.html.gz",
]

/// The shared file at `path` read as `byline ingest` reads it and analysed: its document, and
/// its facts as Byline version `version` would store them.
func analysedFixture(_ path: String, version: String) throws -> (document: Document, facts: ArticleFacts) {
    let input = try #require(InputList.expand([try SharedData.url(path).path]).first)
    let items = InputReader.items(of: input, limits: ReadLimits())
    guard case .document(let source)? = items.next() else { throw NotADocument(path: path) }
    var document = try Extractor(options: ReadOptions()).extract(source)
    pipeline.run(on: &document)
    return (document, ArticleFacts(document: document, bylineVersion: version))
}

/// A shared file that reads as no document.
struct NotADocument: Error {
    let path: String
}

/// Where each fact of `facts` sits in its text, and what it says.
func factPlaces(_ facts: ArticleFacts) -> [String] {
    facts.entities.map { "entity \($0.local) \($0.type) \($0.name) \($0.mentions) \($0.roles.map { "\($0.title)@\($0.start)" })" }
        + facts.quotes.map { "quote \($0.start)-\($0.end) \($0.speaker ?? "-") \($0.rule)" }
        + facts.claims.map { "claim \($0.start)-\($0.end) \($0.value) \($0.unit ?? "-")" }
        + facts.milestones.map { "milestone \($0.start)-\($0.end) \($0.date)" }
}

@Test(arguments: Backend.allCases)
func aStoredArticleIsReadAgainAsItsReaderGaveItAndGivesTheSameFacts(backend: Backend) async throws {
    let store = try await backend.makeStore()
    let analysed = try reindexFixtures.map { try analysedFixture($0, version: "test-1") }
    _ = try await store.store(analysed.map { $0.facts })
    let stored = try await store.articlesToReindex(notProducedBy: "test-2", after: 0, limit: 100)
    #expect(stored.map(\.record.id) == analysed.map { $0.facts.record.id })
    for (original, again) in zip(analysed, stored) {
        var document = again.record.document
        #expect(document.text == original.document.text)
        #expect(document.paragraphs.map(\.span) == original.document.paragraphs.map(\.span))
        #expect(document.paragraphs.map(\.kind) == original.document.paragraphs.map(\.kind))
        #expect(document.metadata.published?.iso == original.document.metadata.published?.iso)
        pipeline.run(on: &document)
        #expect(factPlaces(ArticleFacts(document: document, bylineVersion: "test-2")) == factPlaces(original.facts))
    }
}

@Test(arguments: Backend.allCases)
func replacedFactsAreStoredOnceUnderTheNewVersionAndPeopleKeepTheirIDs(backend: Backend) async throws {
    let store = try await backend.makeStore()
    let seed = reindexFixtures[0]
    _ = try await store.store([try analysedFixture(seed, version: "test-1").facts])
    let before = try #require(try await store.entities(named: "Kim Hong-kyun", kind: .person).first)
    let quotesBefore = try await store.quotes(FactQuery(limit: nil))
    let claimsBefore = try await store.claims(FactQuery(limit: nil))
    let searchedBefore = try await store.quotes(FactQuery(about: "ASEAN", limit: nil))

    let stored = try await store.articlesToReindex(notProducedBy: "test-2", after: 0, limit: 10)
    let receipt = try await store.replaceFacts(stored.map { stored in
        var document = stored.record.document
        pipeline.run(on: &document)
        return ArticleFacts(document: document, bylineVersion: "test-2")
    })
    #expect(receipt.replaced == 1 && receipt.added == 0 && receipt.facts > 0)

    let after = try #require(try await store.entities(named: "Kim Hong-kyun", kind: .person).first)
    #expect(after.id == before.id)
    #expect(after.quotes.count == before.quotes.count && after.roles.count == before.roles.count)
    let quotesAfter = try await store.quotes(FactQuery(limit: nil))
    #expect(quotesAfter.map(\.start) == quotesBefore.map(\.start))
    #expect(quotesAfter.allSatisfy { $0.bylineVersion == "test-2" })
    #expect(try await store.claims(FactQuery(limit: nil)).count == claimsBefore.count)
    // The quote index holds each quote once: the old rows left it.
    #expect(try await store.quotes(FactQuery(about: "ASEAN", limit: nil)).count == searchedBefore.count)
    #expect(try await store.statistics().bylineVersions == ["test-2"])
    #expect(try await store.articleCount(notProducedBy: "test-2") == 0)
    #expect(try await store.articlesToReindex(notProducedBy: "test-2", after: 0, limit: 10).isEmpty)
    #expect(try await store.articlesToReindex(notProducedBy: nil, after: 0, limit: 10).count == 1)
}
