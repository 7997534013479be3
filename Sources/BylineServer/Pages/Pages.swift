import BylineCore
import BylineStore
import Foundation
import Hummingbird

/// The server-rendered pages: search, article, people, person, quotes, claims, timeline,
/// attention and analyze. They read through the same code as the API, so a page and its JSON
/// always agree, and every list links to its JSON and CSV export.
struct Pages: Sendable {
    let api: API

    private var configuration: ServerConfiguration { api.configuration }

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { request, _ in Reply.html(try await search(request)) }
        router.get("static/site.css") { _, _ in Self.asset(PackageResources.site_css, type: "text/css; charset=utf-8") }
        router.get("static/byline.js") { _, _ in Self.asset(PackageResources.byline_js, type: "text/javascript; charset=utf-8") }
        router.get("articles/:id") { _, context in Reply.html(try await article(id: context.parameters.get("id") ?? "")) }
        router.get("people") { request, _ in Reply.html(try await people(request)) }
        router.get("people/:id") { _, context in Reply.html(try await person(id: context.parameters.get("id") ?? "")) }
        router.get("quotes") { request, _ in Reply.html(try await quotes(request)) }
        router.get("claims") { request, _ in Reply.html(try await claims(request)) }
        router.get("timeline") { request, _ in Reply.html(try await timeline(request)) }
        router.get("attention") { request, _ in Reply.html(try await attention(request)) }
        router.get("analyze") { _, _ in Reply.html(Layout.page("Analyze", Self.analyzeForm(text: ""))) }
        router.post("analyze") { request, _ in Reply.html(try await analyze(request)) }
    }

    private static func asset(_ bytes: [UInt8], type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "max-age=3600"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// The page for an error.
    static func error(_ error: APIError) -> String {
        Layout.page("Error \(error.status.code)", "<h1>\(error.status.code) \(error.status.reasonPhrase)</h1><p class=\"error\">\(error.message)</p>")
    }

    // MARK: - Search

    func search(_ request: Request) async throws -> String {
        let parameters = try QueryParameters(request.uri.query)
        let words = try parameters.string("q", maxLength: configuration.maximumQueryLength)
        var form: [(String, String?)] = [("q", words)]
        for name in ["since", "until", "outlet", "person"] {
            form.append((name, try parameters.string(name, maxLength: configuration.maximumQueryLength)))
        }
        let value = { (name: String) in form.first { $0.0 == name }?.1 }
        let searchForm: Markup = """
            <form class="search" action="/" method="get">
            <input class="words" type="search" name="q" value="\(words)" placeholder="words, &quot;a phrase&quot;, prefix*" autofocus>
            \(Layout.field("since", "From", value("since"), type: "date"))\(Layout.field("until", "to", value("until"), type: "date"))
            \(Layout.field("outlet", "Outlet", value("outlet")))\(Layout.field("person", "Person", value("person")))
            <button type="submit">Search</button></form>
            """
        guard words != nil else {
            let overview = try await overview()
            return Layout.page("Search", "<h1>Search the knowledge base</h1>\(searchForm)\(overview)")
        }
        let page = try PageRequest(parameters, configuration: configuration)
        var query = try api.articleSearch(parameters)
        query.rows = page.rows
        let hits = page.page(try await api.store.search(query))
        var facetQuery = query
        facetQuery.rows = .all
        let outlets = try await api.store.outletCounts(facetQuery)
        let weeks = try await api.store.attention(facetQuery, per: .week)
        let results: Markup = hits.items.isEmpty
            ? "<p class=\"empty\">No article matches.</p>"
            : "<ol class=\"results\" start=\"\(page.offset + 1)\">\(hits.items.map(searchHit))</ol>"
        let outletFacet: Markup = outlets.isEmpty ? "<p class=\"empty\">No outlet named.</p>" : """
            <ul class="facet">\(outlets.prefix(20).map { outlet in
                "<li><a href=\"\(Link.to("/", form.filter { $0.0 != "outlet" } + [("outlet", outlet.outlet)]))\">\(outlet.outlet)</a> <span class=\"count\">\(outlet.articles)</span></li>" as Markup
            })</ul>
            """
        return Layout.page("Search: \(words ?? "")", """
            <h1>Search</h1>\(searchForm)
            <div class="columns"><section class="main-column">
            <h2>Articles</h2>\(Layout.exports("/api/v1/search", form))\(results)\(Layout.next("/", form, cursor: hits.next))
            </section><aside class="facets">
            <h2>Outlets</h2>\(outletFacet)
            <h2>Attention per week</h2>\(Charts.attention(weeks, query: words ?? "", width: 320, height: 140))
            <p><a href="\(Link.to("/attention", form))">Larger chart</a></p>
            </aside></div>
            """)
    }

    private func searchHit(_ hit: SearchHit) -> Markup {
        let citation = hit.citation
        return """
            <li class="hit"><h3>\(Layout.articleLink(citation))</h3>
            <p class="meta"><span class="outlet">\(citation.outlet)</span> <time>\(Layout.day(citation))</time></p>
            <p class="snippet">\(Layout.snippet(hit.snippet))</p></li>
            """
    }

    /// The front page without a query: the store's counts and its most mentioned people.
    private func overview() async throws -> Markup {
        let statistics = try await api.store.statistics()
        let people = try await api.store.entityList(EntityListQuery(kind: .person, limit: 15))
        let range = [statistics.firstPublished, statistics.lastPublished].compactMap { $0.map { String($0.prefix(10)) } }.joined(separator: " to ")
        return """
            <section class="stats"><h2>In the store</h2><p>\(statistics.articles) articles (\(statistics.stories) stories) from \(statistics.outlets) outlets, \(range);
            \(statistics.people) people, \(statistics.organisations) organisations, \(statistics.places) places; \(statistics.quotes) quotes, \(statistics.claims) figures, \(statistics.milestones) milestones.</p></section>
            <section><h2>Most mentioned people</h2>\(peopleTable(people))</section>
            """
    }

    // MARK: - Article

    func article(id: String) async throws -> String {
        let (stored, document) = try await api.storedArticle(id: id)
        var storeIDs: [String: Int64] = [:]
        for entity in stored.entities {
            storeIDs[entity.local] = entity.id
        }
        // Local ids come from the stored analysis; keep only those that name the same entity now.
        let names = Dictionary(document.entities.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        storeIDs = storeIDs.filter { local, _ in
            stored.entities.contains { $0.local == local && (names[local] == $0.name || document.entities.first { $0.id == local }?.aliases.contains($0.name) == true) }
        }
        let view = ArticleView(document: document, storeIDs: storeIDs)
        let exports: Markup = "<p class=\"exports\">This article as the contract's JSON: <a href=\"/api/v1/articles/\(id)\" class=\"export-json\">JSON</a></p>"
        return Layout.page(document.metadata.title ?? stored.citation.uri, "\(view.markup)\(exports)", script: true)
    }

    // MARK: - People

    func people(_ request: Request) async throws -> String {
        let parameters = try QueryParameters(request.uri.query)
        let page = try PageRequest(parameters, configuration: configuration)
        let kind = try parameters.choice("kind", of: EntityClass.self) ?? .person
        let name = try parameters.string("name", maxLength: configuration.maximumQueryLength)
        let rows = page.page(try await api.store.entityList(EntityListQuery(kind: kind, name: name, limit: page.fetchLimit, offset: page.offset)))
        let query: [(String, String?)] = [("kind", kind.rawValue), ("name", name)]
        let kinds: [Markup] = EntityClass.allCases.map { option in
            "<option value=\"\(option.rawValue)\"\(option == kind ? Markup(trusted: " selected") : .empty)>\(option.rawValue)</option>"
        }
        return Layout.page("People", """
            <h1>People and organisations</h1>
            <form class="search" action="/people" method="get">\(Layout.field("name", "Name", name))<select name="kind">\(kinds)</select><button type="submit">Find</button></form>
            \(Layout.exports("/api/v1/people", query))\(peopleTable(rows.items))\(Layout.next("/people", query, cursor: rows.next))
            """)
    }

    private func peopleTable(_ rows: [EntitySummary]) -> Markup {
        guard !rows.isEmpty else { return "<p class=\"empty\">Nobody found.</p>" }
        return """
            <table class="list"><thead><tr><th>Name</th><th>Type</th><th>Articles</th><th>Quotes</th></tr></thead><tbody>
            \(rows.map { "<tr><td><a href=\"/people/\(Int($0.id))\">\($0.name)</a></td><td>\($0.type)</td><td>\($0.articles)</td><td>\($0.quotes)</td></tr>" as Markup })
            </tbody></table>
            """
    }

    func person(id: String) async throws -> String {
        let profile = try await api.profile(id: id)
        var seen = Set<String>()
        let roles = profile.roles.filter { seen.insert([$0.title, $0.org ?? "", $0.citation.article].joined(separator: "|")).inserted }
        let roleRows: [Markup] = roles.map { role in
            "<tr><td><time>\(Layout.day(role.citation))</time></td><td>\(role.title)</td><td>\(role.org)</td><td>\(Layout.articleLink(role.citation))</td></tr>"
        }
        let quoteRows: [Markup] = profile.quotes.sorted { ($0.citation.published ?? "") < ($1.citation.published ?? "") }.map { quote in
            "<tr><td><time>\(Layout.day(quote.citation))</time></td><td class=\"quote-text\">\(quote.text)</td><td>\(Layout.articleLink(quote.citation, at: nil))</td></tr>"
        }
        let beside: [Markup] = profile.quotedBeside.map { "<li><a href=\"\(Link.to("/people", [("name", $0)]))\">\($0)</a></li>" }
        let articles: [Markup] = profile.articles.map { "<li><time>\(Layout.day($0))</time> \(Layout.articleLink($0)) <span class=\"outlet\">\($0.outlet)</span></li>" }
        let quoteQuery: [(String, String?)] = [("by", profile.name)]
        return Layout.page(profile.name, """
            <h1 class="person-name">\(profile.name)</h1>
            <p class="meta">\(profile.type) · in \(profile.articleCount) articles · \(profile.quoteCount) quotes · <a href="\(Link.to("/timeline", [("name", profile.name)]))">timeline</a> · <a href="/api/v1/people/\(Int(profile.id))">JSON</a></p>
            <section><h2>Name forms</h2><p class="aliases">\(([profile.name] + profile.aliases).joined(separator: " · "))</p></section>
            <section><h2>Roles over time</h2>\(roleRows.isEmpty ? Markup("<p class=\"empty\">No role stated.</p>") : Markup("<table class=\"list roles\"><thead><tr><th>Date</th><th>Title</th><th>Organisation</th><th>Article</th></tr></thead><tbody>\(roleRows)</tbody></table>"))</section>
            <section><h2>Quotes by date</h2>\(Layout.exports("/api/v1/quotes", quoteQuery))\(quoteRows.isEmpty ? Markup("<p class=\"empty\">No quote.</p>") : Markup("<table class=\"list quotes\"><thead><tr><th>Date</th><th>Quote</th><th>Article</th></tr></thead><tbody>\(quoteRows)</tbody></table>"))</section>
            <section><h2>Quoted beside them</h2>\(beside.isEmpty ? Markup("<p class=\"empty\">Nobody.</p>") : Markup("<ul class=\"beside\">\(beside)</ul>"))</section>
            <section><h2>Articles</h2><ul class="articles">\(articles)</ul></section>
            """)
    }

    // MARK: - Quotes and claims

    /// A quote or claim list's page request, query, and the query as link parameters.
    private func factList(_ request: Request) throws -> (page: PageRequest, query: FactQuery, form: [(String, String?)]) {
        let parameters = try QueryParameters(request.uri.query)
        let page = try PageRequest(parameters, configuration: configuration)
        let query = try api.factQuery(parameters, page)
        return (page, query, [("by", query.by), ("about", query.about)])
    }

    func quotes(_ request: Request) async throws -> String {
        let (page, query, form) = try factList(request)
        let rows = page.page(try await api.store.quotes(query))
        let body: [Markup] = rows.items.map { quote in
            let speaker: Markup = quote.speakerID.map { "<a href=\"/people/\(Int($0))\">\(quote.speaker)</a>" } ?? "\(quote.speaker ?? "unattributed")"
            return "<tr><td><time>\(Layout.day(quote.citation))</time></td><td>\(speaker)<div class=\"role\">\(quote.role)</div></td><td class=\"quote-text\">\(quote.text)</td><td>\(Layout.articleLink(quote.citation, at: nil))</td></tr>"
        }
        return Layout.page("Quotes", """
            <h1>Quotes</h1>\(factForm("/quotes", query))\(Layout.exports("/api/v1/quotes", form))
            \(body.isEmpty ? Markup("<p class=\"empty\">No quote found.</p>") : Markup("<table class=\"list quotes\"><thead><tr><th>Date</th><th>Speaker</th><th>Quote</th><th>Article</th></tr></thead><tbody>\(body)</tbody></table>"))
            \(Layout.next("/quotes", form, cursor: rows.next))
            """)
    }

    func claims(_ request: Request) async throws -> String {
        let (page, query, form) = try factList(request)
        let rows = page.page(try await api.store.claims(query))
        let body: [Markup] = rows.items.map { claim in
            let value = [String(claim.value), claim.unit ?? ""].joined(separator: " ")
            return "<tr><td><time>\(Layout.day(claim.citation))</time></td><td class=\"figure\">\(claim.text)</td><td>\(value)</td><td>\(claim.subject)</td><td>\(claim.speaker)</td><td class=\"sentence\">\(claim.sentence)</td><td>\(Layout.articleLink(claim.citation, at: nil))</td></tr>"
        }
        return Layout.page("Claims", """
            <h1>Figures claimed</h1>\(factForm("/claims", query))\(Layout.exports("/api/v1/claims", form))
            \(body.isEmpty ? Markup("<p class=\"empty\">No figure found.</p>") : Markup("<table class=\"list claims\"><thead><tr><th>Date</th><th>Figure</th><th>Value</th><th>Subject</th><th>Speaker</th><th>Sentence</th><th>Article</th></tr></thead><tbody>\(body)</tbody></table>"))
            \(Layout.next("/claims", form, cursor: rows.next))
            """)
    }

    private func factForm(_ path: String, _ query: FactQuery) -> Markup {
        "<form class=\"search\" action=\"\(path)\" method=\"get\">\(Layout.field("by", "By", query.by))\(Layout.field("about", "About", query.about))<button type=\"submit\">Find</button></form>"
    }

    // MARK: - Timeline and attention

    func timeline(_ request: Request) async throws -> String {
        let parameters = try QueryParameters(request.uri.query)
        let names = try parameters.strings("name", maxLength: configuration.maximumQueryLength)
        let form: Markup = """
            <form class="search" action="/timeline" method="get">\(Layout.field("name", "Entity", names.first))\(Layout.field("name", "and", names.dropFirst().first, placeholder: "optional second entity"))<button type="submit">Draw</button></form>
            """
        guard !names.isEmpty else { return Layout.page("Timeline", "<h1>Timeline</h1>\(form)<p>Name one or two people, organisations or places.</p>") }
        let milestones = try await api.milestones(of: try api.timelineNames(parameters))
        let query = names.map { ("name", Optional($0)) }
        let items: [Markup] = milestones.enumerated().map { index, milestone in
            let sources: [Markup] = milestone.evidence.map { evidence in
                let citation = milestone.articles.first { $0.article == evidence.article }
                return "<li><a href=\"/articles/\(evidence.article)#t\(evidence.start)\">\(evidence.text)</a> <span class=\"outlet\">\(citation?.outlet ?? citation?.uri)</span></li>"
            }
            return "<li class=\"milestone\" id=\"m\(index + 1)\"><span class=\"num\">\(index + 1)</span> <time>\(milestone.date)</time> \(milestone.text)<ul class=\"evidence\">\(sources)</ul></li>"
        }
        return Layout.page("Timeline: \(names.joined(separator: " and "))", """
            <h1>Timeline of \(names.joined(separator: " and "))</h1>\(form)
            \(Charts.timeline(milestones))
            \(Layout.exports("/api/v1/timeline", query))
            \(items.isEmpty ? Markup("<p class=\"empty\">No milestone found.</p>") : Markup("<ol class=\"milestones\">\(items)</ol>"))
            """)
    }

    func attention(_ request: Request) async throws -> String {
        let parameters = try QueryParameters(request.uri.query)
        let words = try parameters.string("q", maxLength: configuration.maximumQueryLength)
        let period = try parameters.choice("per", of: AttentionPeriod.self) ?? .week
        let form: Markup = """
            <form class="search" action="/attention" method="get"><input class="words" type="search" name="q" value="\(words)" placeholder="words to count">
            <select name="per"><option value="week"\(period == .week ? Markup(trusted: " selected") : .empty)>per week</option><option value="day"\(period == .day ? Markup(trusted: " selected") : .empty)>per day</option></select><button type="submit">Count</button></form>
            """
        guard words != nil else { return Layout.page("Attention", "<h1>Attention over time</h1>\(form)") }
        let query = try api.articleSearch(parameters)
        let counts = try await api.store.attention(query, per: period)
        let exportQuery: [(String, String?)] = [("q", query.text), ("since", query.since), ("until", query.until), ("outlet", query.outlet), ("person", query.person), ("per", period.rawValue)]
        return Layout.page("Attention: \(query.text)", """
            <h1>Articles per \(period.rawValue) for “\(query.text)”</h1>\(form)
            \(Charts.attention(counts, query: query.text))
            \(Layout.exports("/api/v1/attention", exportQuery))
            """)
    }

    // MARK: - Analyze

    static func analyzeForm(text: String) -> Markup {
        """
        <h1>Analyze an article</h1>
        <p>Paste a page's HTML or an article's text: it is read and shown with its facts, and nothing is stored.</p>
        <form class="analyze" action="/analyze" method="post">
        <textarea name="text" rows="14" cols="100" placeholder="HTML or text">\(text)</textarea>
        <p><label><input type="checkbox" name="plain" value="true"> the text is body text only (no headline, byline or date lines)</label>
        <label>Published <input type="date" name="published"></label> <button type="submit">Analyze</button></p></form>
        """
    }

    func analyze(_ request: Request) async throws -> String {
        var request = request
        let body = try await request.collectBody(upTo: configuration.maximumBodySize)
        let form = try QueryParameters(body.getString(at: body.readerIndex, length: body.readableBytes))
        let text = try form.document("text", maxLength: configuration.maximumBodySize) ?? ""
        let document = try api.analyzed(Array(text.utf8), plain: try form.flag("plain"), published: try form.date("published"))
        return Layout.page("Analyzed: \(document.metadata.title ?? "pasted text")", "\(ArticleView(document: document).markup)\(Self.analyzeForm(text: text))", script: true)
    }
}
