import BylineServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@Test func theSearchPageListsHitsWithHighlightsFacetsAndExports() async throws {
    try await withServer { client in
        try await client.execute(uri: "/?q=harbor", method: .get) { response in
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
            let page = text(response)
            #expect(page.contains("<mark>harbor</mark>"))
            #expect(page.contains("href=\"/articles/\(Corpus.harbor.record.id)\""))
            #expect(page.contains("href=\"/api/v1/search?q=harbor&amp;all=true&amp;format=csv\""))
            #expect(page.contains("<svg class=\"chart attention\""))
        }
        let front = try await client.execute(uri: "/", method: .get) { text($0) }
        #expect(front.contains("3 articles"))
    }
}

@Test func theArticlePageHighlightsQuotesWithTheirSpeakersAndListsPeople() async throws {
    try await withServer { client in
        try await client.execute(uri: "/articles/\(Corpus.harbor.record.id)", method: .get) { response in
            #expect(response.status == .ok)
            let page = text(response)
            #expect(page.contains("data-kind=\"quote\""))
            #expect(page.contains("data-speaker=\"Marta Vidal-Serra\""))
            #expect(page.contains("data-speaker=\"Jonas Ekberg\""))
            #expect(page.contains("class=\"f fig\""))
            #expect(page.contains("class=\"f time\""))
            #expect(page.contains("<li class=\"person\""))
            #expect(page.contains("transport minister"))
            #expect(page.contains("<a href=\"/people/"))
        }
    }
}

@Test func theOtherPagesAnswer() async throws {
    try await withServer { client in
        let id = try await client.execute(uri: "/api/v1/people?name=Marta+Vidal-Serra", method: .get) {
            ((try json($0) as? [String: Any])?["items"] as? [[String: Any]])?.first?["id"] as? Int
        }
        for uri in [
            "/people", "/people/\(try #require(id))", "/quotes?by=Ekberg", "/claims?about=harbor", "/timeline?name=Norland+Port+Authority",
            "/attention?q=harbor&per=day", "/analyze", "/static/site.css", "/static/byline.js",
        ] {
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(uri)")
            }
        }
        let timeline = try await client.execute(uri: "/timeline?name=Norland+Port+Authority", method: .get) { text($0) }
        #expect(timeline.contains("<svg class=\"chart timeline\"") && timeline.contains("#t"))
    }
}

@Test func theAnalyzePageShowsPastedTextAsAnArticle() async throws {
    try await withServer { client in
        let form = "text=" + (harborText.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") + "&plain=true&published=2025-03-10"
        try await client.execute(
            uri: "/analyze", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
        ) { response in
            #expect(response.status == .ok)
            #expect(text(response).contains("data-speaker=\"Jonas Ekberg\""))
        }
    }
}

/// Text from a page is never markup: the title, author, quotes and links of a page written to
/// inject script come out escaped on every page that shows them, and pages forbid inline script.
@Test func injectedScriptNeverReachesAPageAsMarkup() async throws {
    try await withServer { client in
        let uris = [
            "/articles/\(Corpus.hostile.record.id)", "/?q=harbor+vote", "/quotes?by=Rocha", "/claims", "/people?name=Ines+Rocha",
            "/timeline?name=Ines+Rocha",
        ]
        for uri in uris {
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok, "\(uri)")
                #expect(response.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                let page = text(response)
                let scripts = page.components(separatedBy: "<script").count - 1
                #expect(scripts == (page.contains("src=\"/static/byline.js\"") ? 1 : 0), "\(uri)")
                #expect(!page.contains("<img"), "\(uri)")
                #expect(!page.lowercased().contains("href=\"javascript:"), "\(uri)")
            }
        }
        let article = try await client.execute(uri: "/articles/\(Corpus.hostile.record.id)", method: .get) { text($0) }
        #expect(article.contains("&lt;script&gt;alert("))
        let form = "text=" + (hostilePage.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let analyzed = try await client.execute(uri: "/analyze", method: .post, body: ByteBuffer(string: form)) { text($0) }
        #expect(analyzed.components(separatedBy: "<script").count - 1 == 1 && !analyzed.contains("<img"))
    }
}
