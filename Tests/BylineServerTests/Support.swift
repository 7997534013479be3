import BylineAnalysis
import BylineCore
import BylineExtract
import BylineServer
import BylineSource
import BylineStore
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// The analysis pipeline, made once.
let pipeline = try! Analysis.pipeline()

/// `bytes` read (HTML or scraped text, or body text when `plain`), analysed, ready to store.
func facts(_ text: String, uri: String, plain: Bool = true, published: String? = nil) throws -> ArticleFacts {
    let extractor = Extractor(options: ReadOptions(plain: plain, published: published.flatMap { DateStamp(parsing: $0) }))
    var document = try extractor.extract(SourceDocument(uri: uri, bytes: Array(text.utf8)))
    pipeline.run(on: &document)
    return ArticleFacts(document: document, bylineVersion: "test-1")
}

/// A store holding `articles`, opened read-only as the server opens it: a new SQLite file in a
/// temporary folder, or with `BYLINE_TEST_STORE=postgres` a new schema on the PostgreSQL server
/// of `BYLINE_TEST_POSTGRES_URL` (`swift test --traits PostgreSQL`; CI runs the server tests on both).
func readOnlyStore(_ articles: [ArticleFacts]) async throws -> any KnowledgeStore {
    let environment = ProcessInfo.processInfo.environment
    let location: String
    if environment["BYLINE_TEST_STORE"] == "postgres" {
        guard let url = environment["BYLINE_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw BylineError(.cannotOpenStore, "BYLINE_TEST_STORE=postgres needs BYLINE_TEST_POSTGRES_URL (.ci/postgres.sh sets it)")
        }
        let schema = "serve_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        location = url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    } else {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        location = folder.appendingPathComponent("test.db").path
    }
    _ = try await KnowledgeBase.open(location).store(articles)
    return try await KnowledgeBase.open(location, readOnly: true)
}

/// The articles every server test reads: made-up news, and a page built to inject script.
enum Corpus {
    static let harbor = try! facts(harborText, uri: "harbor.txt", published: "2025-03-10")
    static let budget = try! facts(budgetText, uri: "budget.txt", published: "2025-03-18")
    static let hostile = try! facts(hostilePage, uri: "hostile.html", plain: false)

    /// The server over a store of the three articles, with small limits to test them; made once.
    static let server = Task {
        let store = try await readOnlyStore([harbor, budget, hostile])
        return try BylineServer(
            store: store, configuration: ServerConfiguration(port: 0, maximumBodySize: 64 * 1024, maximumQueryLength: 100, maximumPageSize: 50))
    }
}

/// The access log of the tests: only what goes wrong.
let quietLogger: Logger = {
    var logger = Logger(label: "byline.serve.tests")
    logger.logLevel = .warning
    return logger
}()

/// Runs `test` against the server's router, without a socket.
func withServer(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
    let application = Application(router: try await Corpus.server.value.router(), logger: quietLogger)
    try await application.test(.router) { client in try await test(client) }
}

/// A response body as JSON.
func json(_ response: TestResponse) throws -> Any {
    try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
}

/// A response body as text.
func text(_ response: TestResponse) -> String {
    String(decoding: response.body.readableBytesView, as: UTF8.self)
}

/// Asserts an error answer: the status, and a JSON body `{status, message}` that agrees with it.
func expectError(_ response: TestResponse, _ status: HTTPResponse.Status, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(response.status == status, sourceLocation: sourceLocation)
    let body = try #require(try json(response) as? [String: Any], sourceLocation: sourceLocation)
    #expect(body["status"] as? Int == status.code, sourceLocation: sourceLocation)
    #expect((body["message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
}

// Made-up news articles.

let harborText = """
    Marta Vidal-Serra, the transport minister of Norland, said on Monday that the harbor project in Port Aven would cost $4.2 billion.

    "We will open the new harbor to ships next spring," Vidal-Serra said at a news conference.

    Jonas Ekberg, the mayor of Port Aven, said the city had waited for the project for decades. "This harbor will bring work to thousands of families," Ekberg said.

    The Norland Port Authority approved the expansion in 2019, and the first pier opened in 2021.
    """

let budgetText = """
    Transport minister Marta Vidal-Serra told lawmakers on Tuesday that the harbor budget would rise by 12 percent.

    "The harbor is the largest project our country has ever built," Vidal-Serra said.

    The Norland Port Authority first approved the expansion in 2019 after years of debate.
    """

/// A page whose title, author, text, quotes and links carry script, as an attacker would write it.
let hostilePage = """
    <!DOCTYPE html>
    <html><head>
    <title>&lt;script&gt;alert('title')&lt;/script&gt; Harbor vote</title>
    <meta property="og:title" content="<script>alert('og')</script> Harbor vote">
    <meta name="author" content="&quot;&gt;&lt;img src=x onerror=alert('author')&gt;">
    <meta property="og:url" content="javascript:alert('url')">
    <meta property="article:published_time" content="2025-03-20T09:00:00Z">
    </head><body><article>
    <h1>&lt;script&gt;alert('headline')&lt;/script&gt; Harbor vote</h1>
    <p>Council member Ines Rocha said on Thursday that the harbor vote "&lt;script&gt;alert('quote')&lt;/script&gt; was rushed" and that the council would meet again.</p>
    <p>"The plan is &quot;&gt;&lt;img src=x onerror=alert('img')&gt; not ready," Rocha said. Read more at <a href="javascript:alert('link')">javascript:alert('link')</a> before the meeting.</p>
    <p>The harbor vote passed with 31 votes in 2025, officials said.</p>
    </article></body></html>
    """
