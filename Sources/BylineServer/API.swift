import BylineCore
import BylineStore
import Foundation
import Hummingbird

/// The JSON API under `/api/v1`: the store's queries, one article as the contract's JSON, and
/// the analysis of a posted article. Every list pages with cursors and answers CSV too.
struct API: Sendable {
    let store: any KnowledgeStore
    let reader: ArticleReader
    let configuration: ServerConfiguration

    func add(to router: Router<BasicRequestContext>) {
        let api = router.group("api/v1")
        api.get("openapi.json") { _, _ in Reply.json(data: OpenAPIDocument.data) }
        api.get("search") { request, _ in try await search(request) }
        api.get("attention") { request, _ in try await attention(request) }
        api.get("articles/:id") { request, context in try await article(request, id: context.parameters.get("id") ?? "") }
        api.get("people") { request, _ in try await people(request) }
        api.get("people/:id") { request, context in try await person(request, id: context.parameters.get("id") ?? "") }
        api.get("quotes") { request, _ in try await quotes(request) }
        api.get("claims") { request, _ in try await claims(request) }
        api.get("timeline") { request, _ in try await timeline(request) }
        api.get("stats") { _, _ in try Reply.json(try await store.statistics()) }
        api.post("analyze") { request, _ in try await analyze(request) }
    }

    // MARK: - Routes

    func search(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let page = try PageRequest(parameters, configuration: configuration)
        var query = try articleSearch(parameters)
        query.rows = page.rows
        return try Reply.list(try await store.search(query), page, name: "search")
    }

    func attention(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let page = try PageRequest(parameters, configuration: configuration)
        let period = try parameters.choice("per", of: AttentionPeriod.self) ?? .week
        let counts = try await store.attention(try articleSearch(parameters), per: period)
        return try Reply.list(page.slice(counts), page, name: "attention")
    }

    func article(_ request: Request, id: String) async throws -> Response {
        let (_, document) = try await storedArticle(id: id)
        return Reply.json(data: try reader.contractJSON(document))
    }

    func people(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let page = try PageRequest(parameters, configuration: configuration)
        let query = EntityListQuery(
            kind: try parameters.choice("kind", of: EntityClass.self) ?? .person,
            name: try parameters.string("name", maxLength: configuration.maximumQueryLength), limit: page.fetchLimit, offset: page.offset)
        return try Reply.list(try await store.entityList(query), page, name: "people")
    }

    func person(_ request: Request, id: String) async throws -> Response {
        try Reply.json(try await profile(id: id))
    }

    func quotes(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let page = try PageRequest(parameters, configuration: configuration)
        return try Reply.list(try await store.quotes(try factQuery(parameters, page)), page, name: "quotes")
    }

    func claims(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let page = try PageRequest(parameters, configuration: configuration)
        return try Reply.list(try await store.claims(try factQuery(parameters, page)), page, name: "claims")
    }

    func timeline(_ request: Request) async throws -> Response {
        let parameters = try QueryParameters(request.uri.query)
        let page = try PageRequest(parameters, configuration: configuration)
        let milestones = try await self.milestones(of: try timelineNames(parameters))
        return try Reply.list(page.slice(milestones), page, name: "timeline")
    }

    func analyze(_ request: Request) async throws -> Response {
        var request = request
        let parameters = try QueryParameters(request.uri.query)
        let body = try await request.collectBody(upTo: configuration.maximumBodySize)
        let document = try analyzed(
            Array(body.readableBytesView), plain: try parameters.flag("plain"), published: try parameters.date("published"))
        return Reply.json(data: try reader.contractJSON(document))
    }

    // MARK: - Shared with the pages

    /// A search's words and filters: `q` (required), `since`, `until`, `outlet`, `person`.
    func articleSearch(_ parameters: QueryParameters) throws(APIError) -> ArticleSearch {
        let length = configuration.maximumQueryLength
        guard let text = try parameters.string("q", maxLength: length) else { throw APIError(.badRequest, "q (the words to find) is required") }
        return ArticleSearch(
            text: text, since: try parameters.date("since"), until: try parameters.date("until"),
            outlet: try parameters.string("outlet", maxLength: length), person: try parameters.string("person", maxLength: length))
    }

    /// A quote or claim query: `by` and `about`, with the page's limit and offset.
    func factQuery(_ parameters: QueryParameters, _ page: PageRequest) throws(APIError) -> FactQuery {
        let length = configuration.maximumQueryLength
        return FactQuery(
            by: try parameters.string("by", maxLength: length), about: try parameters.string("about", maxLength: length),
            limit: page.fetchLimit, offset: page.offset)
    }

    /// The one or two names (`name=…&name=…`) a timeline is asked for.
    func timelineNames(_ parameters: QueryParameters) throws(APIError) -> [String] {
        let names = try parameters.strings("name", maxLength: configuration.maximumQueryLength)
        guard (1...2).contains(names.count) else { throw APIError(.badRequest, "name must be given once or twice (one or two entities)") }
        return names
    }

    func milestones(of names: [String]) async throws -> [Timeline.Milestone] {
        Timeline.milestones(from: try await store.timelineEntries(of: names))
    }

    /// The stored article whose id is `id`, read again into a document; 400 for an id that is
    /// not a SHA-256, 404 for one not stored.
    func storedArticle(id: String) async throws -> (StoredArticle, Document) {
        guard id.count == 64, id.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
            throw APIError(.badRequest, "an article id is 64 lowercase hexadecimal digits (the SHA-256 of its source)")
        }
        guard let stored = try await store.article(id: id) else { throw APIError(.notFound, "no stored article has id \(id)") }
        do {
            return (stored, try reader.reread(stored))
        } catch {
            throw APIError(.internalServerError, "the stored article could not be read again: \(error.reason)")
        }
    }

    /// The entity whose store id is `id`; 400 for an id that is not a number, 404 for none.
    func profile(id: String) async throws -> EntityProfile {
        guard let number = Int64(id), number > 0 else { throw APIError(.badRequest, "a person id is a positive whole number") }
        guard let profile = try await store.entity(id: number) else { throw APIError(.notFound, "no person or organisation has id \(id)") }
        return profile
    }

    /// Posted bytes analysed; 400 for an empty body, 422 for one no reader can read.
    func analyzed(_ bytes: [UInt8], plain: Bool, published: String?) throws(APIError) -> Document {
        guard bytes.contains(where: { !($0 == 0x20 || (0x09...0x0D).contains($0)) }) else {
            throw APIError(.badRequest, "the request body is empty: post the article's HTML or text")
        }
        do {
            return try reader.analyze(bytes, uri: "request", plain: plain, published: published.flatMap { DateStamp(parsing: $0) })
        } catch {
            throw APIError(.unprocessableContent, "the article could not be read: \(error.reason)")
        }
    }
}

extension PageRequest {
    /// The rows of this page out of a list held whole (plus one, to tell whether more follow).
    func slice<Row>(_ rows: [Row]) -> [Row] {
        let start = min(offset, rows.count)
        let end = fetchLimit.map { min(rows.count, start + $0) } ?? rows.count
        return Array(rows[start..<end])
    }
}
