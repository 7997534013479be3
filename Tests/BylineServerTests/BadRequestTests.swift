import BylineServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every malformed request is a 4xx with a JSON body naming what was wrong.
@Test(arguments: [
    "/api/v1/search",  // no words
    "/api/v1/search?q=" + String(repeating: "a", count: 101),  // longer than the limit
    "/api/v1/search?q=harbor&limit=0",
    "/api/v1/search?q=harbor&limit=51",  // more than a page may hold
    "/api/v1/search?q=harbor&limit=ten",
    "/api/v1/search?q=harbor&cursor=not-a-cursor",
    "/api/v1/search?q=harbor&since=2025-13-01",
    "/api/v1/search?q=harbor&until=yesterday",
    "/api/v1/search?q=harbor&format=xml",
    "/api/v1/search?q=harbor&all=maybe",
    "/api/v1/search?q=%ZZ",
    "/api/v1/search?q=a%00b",
    "/api/v1/attention?q=harbor&per=year",
    "/api/v1/articles/not-an-id",
    "/api/v1/articles/ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789",
    "/api/v1/people?kind=animal",
    "/api/v1/people/abc",
    "/api/v1/people/-3",
    "/api/v1/quotes?limit=-1",
    "/api/v1/claims?by=" + String(repeating: "b", count: 101),
    "/api/v1/timeline",
    "/api/v1/timeline?name=a&name=b&name=c",
])
func aBadParameterIsA400WithAJSONMessage(uri: String) async throws {
    try await withServer { client in
        try await client.execute(uri: uri, method: .get) { try expectError($0, .badRequest) }
    }
}

@Test(arguments: [
    "/api/v1/articles/" + String(repeating: "0", count: 64),
    "/api/v1/people/999999",
    "/api/v1/nothing-here",
])
func somethingMissingIsA404WithAJSONMessage(uri: String) async throws {
    try await withServer { client in
        try await client.execute(uri: uri, method: .get) { try expectError($0, .notFound) }
    }
}

@Test func anEmptyArticleIsA400AndAnOversizedOneA413() async throws {
    try await withServer { client in
        try await client.execute(uri: "/api/v1/analyze", method: .post, body: ByteBuffer(string: "  \n")) { try expectError($0, .badRequest) }
        let large = ByteBuffer(string: String(repeating: "Officials said the harbor would open. ", count: 2_000))  // ~76 KB > 64 KiB
        try await client.execute(uri: "/api/v1/analyze", method: .post, body: large) { try expectError($0, .contentTooLarge) }
        try await client.execute(uri: "/api/v1/analyze?published=someday", method: .post, body: ByteBuffer(string: harborText)) {
            try expectError($0, .badRequest)
        }
    }
}

/// The API reads only: no route takes a write method other than analyze, which stores nothing.
@Test func noRouteWritesToTheStore() async throws {
    try await withServer { client in
        for method: HTTPRequest.Method in [.post, .put, .delete, .patch] {
            for path in ["/api/v1/search?q=harbor", "/api/v1/people/1", "/api/v1/articles/\(Corpus.harbor.record.id)", "/api/v1/quotes"] {
                try await client.execute(uri: path, method: method) { response in
                    #expect((400..<500).contains(response.status.code), "\(method) \(path)")
                }
            }
        }
        _ = try await client.execute(uri: "/api/v1/analyze", method: .post, body: ByteBuffer(string: "Officials said on Monday the vote was held.")) { $0 }
        let stats = try await client.execute(uri: "/api/v1/stats", method: .get) { try json($0) as? [String: Any] }
        #expect(stats?["articles"] as? Int == 3)
    }
}
