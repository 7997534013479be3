import BylineServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Test func searchFindsArticlesWithHighlightedSnippetsAndTheirIDs() async throws {
    try await withServer { client in
        try await client.execute(uri: "/api/v1/search?q=harbor+budget", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
            let body = try #require(try json(response) as? [String: Any])
            let items = try #require(body["items"] as? [[String: Any]])
            let citation = try #require(items.first?["citation"] as? [String: Any])
            #expect(citation["article"] as? String == Corpus.budget.record.id)
            #expect((items.first?["snippet"] as? String)?.contains("<b>budget</b>") == true)
            #expect(body["next"] is NSNull)
        }
    }
}

@Test func aCursorLeadsToTheNextPageAndTheLastPageHasNone() async throws {
    try await withServer { client in
        let first = try await client.execute(uri: "/api/v1/search?q=harbor&limit=1", method: .get) { try json($0) as? [String: Any] }
        let cursor = try #require(first?["next"] as? String)
        let second = try await client.execute(uri: "/api/v1/search?q=harbor&limit=1&cursor=\(cursor)", method: .get) { try json($0) as? [String: Any] }
        let ids = [first, second].compactMap { (($0?["items"] as? [[String: Any]])?.first?["citation"] as? [String: Any])?["article"] as? String }
        #expect(ids.count == 2 && Set(ids).count == 2)
        let all = try await client.execute(uri: "/api/v1/search?q=harbor&all=true", method: .get) { try json($0) as? [String: Any] }
        #expect((all?["items"] as? [Any])?.count == 3 && all?["next"] is NSNull)
    }
}

@Test func everyListExportsAllItsRowsAsCSV() async throws {
    try await withServer { client in
        try await client.execute(uri: "/api/v1/quotes?by=Marta+Vidal-Serra&all=true&format=csv", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
            let lines = text(response).components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.first == "date,speaker,role,quote,outlet,article")
            #expect(lines.count == 5)  // her reported and her direct quote in each of the two articles
        }
    }
}

@Test func anArticleIsTheContractJSONOfItsStoredText() async throws {
    try await withServer { client in
        try await client.execute(uri: "/api/v1/articles/\(Corpus.harbor.record.id)", method: .get) { response in
            #expect(response.status == .ok)
            let document = try #require(try json(response) as? [String: Any])
            #expect(document["id"] as? String == Corpus.harbor.record.id)
            #expect(document["text"] as? String == Corpus.harbor.record.text)
            let quotes = try #require(document["quotes"] as? [[String: Any]])
            #expect(quotes.count == Corpus.harbor.quotes.count)
            #expect(quotes.map { $0["start"] as? Int } == Corpus.harbor.quotes.map(\.start))
            #expect((document["metadata"] as? [String: Any])?["published"] as? String == "2025-03-10")
        }
    }
}

@Test func peopleAreListedByArticlesAndEachHasAProfile() async throws {
    try await withServer { client in
        let list = try await client.execute(uri: "/api/v1/people?kind=person", method: .get) { try json($0) as? [String: Any] }
        let first = try #require((list?["items"] as? [[String: Any]])?.first)
        #expect(first["name"] as? String == "Marta Vidal-Serra" && first["articles"] as? Int == 2)
        let id = try #require(first["id"] as? Int)
        try await client.execute(uri: "/api/v1/people/\(id)", method: .get) { response in
            let profile = try #require(try json(response) as? [String: Any])
            #expect(profile["name"] as? String == "Marta Vidal-Serra")
            #expect(profile["quoteCount"] as? Int == 4)  // two in each article: her surname joins her full name
            #expect((profile["roles"] as? [[String: Any]])?.contains { $0["title"] as? String == "transport minister" } == true)
        }
        let named = try await client.execute(uri: "/api/v1/people?name=Jonas+Ekberg", method: .get) { try json($0) as? [String: Any] }
        #expect((named?["items"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Jonas Ekberg"])
    }
}

@Test func quotesAndClaimsAreFilteredBySpeakerAndWords() async throws {
    try await withServer { client in
        let quotes = try await client.execute(uri: "/api/v1/quotes?by=Ekberg&about=families", method: .get) { try json($0) as? [String: Any] }
        let quote = try #require((quotes?["items"] as? [[String: Any]])?.first)
        #expect(quote["speaker"] as? String == "Jonas Ekberg")
        #expect((quote["text"] as? String)?.contains("thousands of families") == true)
        let claims = try await client.execute(uri: "/api/v1/claims?about=harbor", method: .get) { try json($0) as? [String: Any] }
        let values = (claims?["items"] as? [[String: Any]])?.compactMap { $0["value"] as? Double } ?? []
        #expect(values.contains(4_200_000_000))
    }
}

@Test func aTimelineCitesTheArticlesOfEachMilestone() async throws {
    try await withServer { client in
        let answer = try await client.execute(uri: "/api/v1/timeline?name=Norland+Port+Authority", method: .get) { try json($0) as? [String: Any] }
        let milestones = try #require(answer?["items"] as? [[String: Any]])
        let approval = try #require(milestones.first { $0["date"] as? String == "2019" })
        #expect((approval["articles"] as? [Any])?.count == 2)
    }
}

@Test func attentionCountsMatchingArticlesPerWeek() async throws {
    try await withServer { client in
        let answer = try await client.execute(uri: "/api/v1/attention?q=harbor&per=week", method: .get) { try json($0) as? [String: Any] }
        let counts = try #require(answer?["items"] as? [[String: Any]])
        #expect(counts.map { $0["period"] as? String } == ["2025-03-10", "2025-03-17"])
    }
}

@Test func statsCountTheStore() async throws {
    try await withServer { client in
        let stats = try await client.execute(uri: "/api/v1/stats", method: .get) { try json($0) as? [String: Any] }
        #expect(stats?["articles"] as? Int == 3)
    }
}

@Test func analyzeAnswersTheContractForPostedTextAndHTML() async throws {
    try await withServer { client in
        try await client.execute(
            uri: "/api/v1/analyze?plain=true&published=2025-03-10", method: .post, body: ByteBuffer(string: harborText)
        ) { response in
            let document = try #require(try json(response) as? [String: Any])
            #expect(document["text"] as? String == Corpus.harbor.record.text)
            #expect((document["quotes"] as? [Any])?.count == Corpus.harbor.quotes.count)
        }
        try await client.execute(uri: "/api/v1/analyze", method: .post, body: ByteBuffer(string: hostilePage)) { response in
            let document = try #require(try json(response) as? [String: Any])
            #expect((document["source"] as? [String: Any])?["format"] as? String == "html")
        }
    }
}

@Test func theOpenAPIDocumentDescribesEveryRoute() async throws {
    try await withServer { client in
        let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get) { try json($0) as? [String: Any] }
        #expect((document?["openapi"] as? String)?.hasPrefix("3.1") == true)
        let paths = Set(((document?["paths"] as? [String: Any]) ?? [:]).keys)
        let routes = ["search", "attention", "articles/{id}", "people", "people/{id}", "quotes", "claims", "timeline", "stats", "analyze", "openapi.json"]
        #expect(paths == Set(routes.map { "/api/v1/" + $0 }))
    }
}
