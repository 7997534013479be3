import BylineStore
import Synchronization
import Foundation
import Testing

@Test(arguments: Backend.allCases)
func storingAnArticleTwiceStoresItOnce(backend: Backend) async throws {
    let store = try await backend.makeStore()
    let facts = try article(ministerOnMonday, published: "2025-03-10")
    let first = try await store.store([facts])
    let second = try await store.store([facts])
    #expect(first.added == 1 && first.facts > 0)
    #expect(second == StoreReceipt(added: 0, present: 1, facts: 0))
    #expect(try await store.statistics().articles == 1)
    #expect(try await store.storedArticleIDs(among: [facts.id, "unknown"]) == [facts.id])
}

@Test(arguments: Backend.allCases)
func aQuoteKeepsItsOffsetsVersionAndArticle(backend: Backend) async throws {
    let store = try await backend.makeStore()
    let facts = try article(ministerOnMonday, published: "2025-03-10", uri: "monday.txt")
    _ = try await store.store([facts])
    let quotes = try await store.quotes(FactQuery(about: "ships"))
    let quote = try #require(quotes.first)
    let scalars = Array(facts.text.unicodeScalars)
    #expect(quote.text == String(String.UnicodeScalarView(scalars[quote.start..<quote.end])))
    #expect(quote.text.contains("ships"))
    #expect(quote.bylineVersion == "test-1")
    #expect(quote.citation.article == facts.id && quote.citation.uri == "monday.txt")
    #expect(quote.citation.published == "2025-03-10")
}

@Test(arguments: Backend.allCases)
func oneFullNameSpelledTwoWaysIsOnePerson(backend: Backend) async throws {
    let store = try await backend.makeStore()
    _ = try await store.store([try article(ministerOnMonday, published: "2025-03-10"), try article(ministerOnTuesday, published: "2025-03-11")])
    let people = try await store.entities(named: "Marta Vidal-Serra", kind: .person)
    #expect(people.count == 1)
    let person = try #require(people.first)
    #expect(Set([person.name] + person.aliases).isSuperset(of: ["Marta Vidal-Serra", "Marta Vidal Serra"]))
    #expect(Set(person.articles.map(\.published)) == ["2025-03-10", "2025-03-11"])
    #expect(person.roles.count == 2)
    let links = try await store.links(of: person.id)
    #expect(links.count == 2)
    #expect(links[1].reason.hasPrefix("same name"))
}

@Test(arguments: Backend.allCases)
func namesakesWithOtherRolesAndNoOrganisationInCommonStayApart(backend: Backend) async throws {
    let store = try await backend.makeStore()
    _ = try await store.store([try article(coachOkafor, published: "2025-03-12"), try article(senatorOkafor, published: "2025-03-13")])
    let people = try await store.entities(named: "Daniel Okafor", kind: .person)
    #expect(people.count == 2)
    let second = try await store.links(of: try #require(people.last).id)
    #expect(second.first?.reason.contains("kept apart") == true)
}

@Test(arguments: Backend.allCases)
func aSurnameAloneNeverJoinsPeopleAcrossArticles(backend: Backend) async throws {
    let store = try await backend.makeStore()
    _ = try await store.store([
        try article("Okafor said on Monday that the bridge would reopen.", published: "2025-03-01", uri: "one.txt"),
        try article("Okafor said on Friday that the school would close.", published: "2025-03-05", uri: "two.txt"),
    ])
    for person in try await store.entities(named: "Okafor", kind: .person) {
        #expect(person.articles.count == 1)
    }
}

@Test(arguments: Backend.allCases)
func aSplitUndoesAMergeAndKeepsTheOldID(backend: Backend) async throws {
    let store = try await backend.makeStore()
    _ = try await store.store([try article(ministerOnMonday, published: "2025-03-10"), try article(ministerOnTuesday, published: "2025-03-11")])
    let person = try #require(try await store.entities(named: "Marta Vidal Serra", kind: .person).first)
    let new = try await store.split(entity: person.id, nameForm: "Marta Vidal Serra")
    #expect(new != person.id)
    #expect(try await store.links(of: person.id).map(\.name) == ["Marta Vidal-Serra"])
    #expect(try await store.links(of: new).map(\.name) == ["Marta Vidal Serra"])
}

@Test(arguments: Backend.allCases)
func searchRanksHighlightsAndFilters(backend: Backend) async throws {
    let store = try await backend.makeStore()
    _ = try await store.store([
        try article(ministerOnMonday, published: "2025-03-10", uri: "monday.txt"),
        try article(coachOkafor, published: "2025-03-12", uri: "coach.txt"),
    ])
    let hits = try await store.search(ArticleSearch(text: "pier"))
    #expect(hits.map(\.citation.uri) == ["monday.txt"])
    #expect(hits.first?.snippet.contains("<b>pier</b>") == true)
    #expect(try await store.search(ArticleSearch(text: "pier", since: "2025-03-11")).isEmpty)
    #expect(try await store.search(ArticleSearch(text: "harbor", outlet: "Nowhere Gazette")).isEmpty)
    #expect(try await store.search(ArticleSearch(text: "season", person: "Daniel Okafor")).map(\.citation.uri) == ["coach.txt"])
    #expect(try await store.search(ArticleSearch(text: "\"trained hard\" (")).map(\.citation.uri) == ["coach.txt"])
}

@Test(arguments: Backend.allCases)
func koreanWordsAreFoundInsideWordsWithParticles(backend: Backend) async throws {
    let store = try await backend.makeStore()
    _ = try await store.store([try article("정부는 월요일 한국어를 배우는 학생이 늘었다고 밝혔다.", published: "2025-03-10", uri: "ko.txt")])
    #expect(try await store.search(ArticleSearch(text: "한국어")).map(\.citation.uri) == ["ko.txt"])
}

@Test(arguments: Backend.allCases)
func aMilestoneStatedByTwoArticlesIsOneCitingBoth(backend: Backend) async throws {
    let store = try await backend.makeStore()
    let monday = try article(ministerOnMonday, published: "2025-03-10", uri: "monday.txt")
    let tuesday = try article(ministerOnTuesday, published: "2025-03-11", uri: "tuesday.txt")
    _ = try await store.store([monday, tuesday])
    let milestones = Timeline.milestones(from: try await store.timelineEntries(of: ["Norland Port Authority"]))
    let approval = try #require(milestones.first { $0.date == "2019" })
    #expect(Set(approval.articles.map(\.uri)) == ["monday.txt", "tuesday.txt"])
    #expect(milestones.filter { $0.date == "2019" }.count == 1)
    #expect(milestones.map(\.date) == milestones.map(\.date).sorted())
}

@Test(arguments: Backend.allCases)
func aSyndicatedCopyJoinsTheStoryOfItsOriginal(backend: Backend) async throws {
    let store = try await backend.makeStore()
    let original = try article(ministerOnMonday, published: "2025-03-10", uri: "wire.txt")
    let copy = try article(ministerOnMonday + "\nReporting by a wire service.\n", published: "2025-03-10", uri: "copy.txt")
    _ = try await store.store([original, copy, try article(coachOkafor, published: "2025-03-12")])
    let statistics = try await store.statistics()
    #expect(statistics.articles == 3)
    #expect(statistics.stories == 2)
}

@Test(arguments: Backend.allCases)
func exportStreamsEveryArticleWithItsFacts(backend: Backend) async throws {
    let store = try await backend.makeStore()
    _ = try await store.store([try article(ministerOnMonday, published: "2025-03-10"), try article(coachOkafor, published: "2025-03-12")])
    final class Received: Sendable {
        let articles = Mutex<[ExportedArticle]>([])
    }
    let received = Received()
    try await store.exportArticles { article in received.articles.withLock { $0.append(article) } }
    let articles = received.articles.withLock { $0 }
    #expect(articles.count == 2)
    #expect(articles.allSatisfy { !$0.entities.isEmpty && !$0.quotes.isEmpty })
}

@Test(.disabled(
    if: Backend.postgresURL == nil,
    "BYLINE_TEST_POSTGRES_URL is not set: the store tests ran on SQLite only. Set it to a PostgreSQL server (postgres://user:password@127.0.0.1:5432/database) to run them on PostgreSQL too; CI does (.ci/postgres.sh)."))
func theStoreTestsRunOnPostgreSQL() async throws {
    let store = try await Backend.postgres.makeStore()
    #expect(store is PostgresStore)
    #expect(try await store.statistics().articles == 0)
}

@Test func aLocationThatIsNoPostgreSQLURLIsRefusedInOneLine() async throws {
    await #expect(throws: StoreError.self) { try await PostgresStore(url: "postgres://") }
}

@Test(arguments: Backend.allCases)
func aSurnameAloneStandsForTheBestKnownPersonNamedBesideTheSameCompany(backend: Backend) async throws {
    let store = try await backend.makeStore()
    let named = try (1...EntityResolution.surnameMinimumArticles).map { week in
        try article(coachOkafor + "\nThe club has won \(week) of its last ten games.\n", published: "2025-03-1\(week)", uri: "week\(week).txt")
    }
    _ = try await store.store(named)
    _ = try await store.store([try article("Okafor said on Sunday that Harbor City FC would sign two players.", published: "2025-03-20", uri: "alone.txt")])
    let coach = try #require(try await store.entities(named: "Daniel Okafor", kind: .person).first)
    #expect(coach.articles.map(\.uri).contains("alone.txt"))
    #expect(try await store.links(of: coach.id).last?.reason.hasPrefix("surname") == true)
}
