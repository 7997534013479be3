#if PostgreSQL
import BylineCore
import Foundation
import PostgresNIO

/// The columns that make an ``ArticleCitation``, for an article table aliased `a`.
private let citationColumns = "a.id AS articleId, a.uri AS articleUri, a.title AS articleTitle, a.publisher AS articleOutlet, a.published AS articlePublished"

/// A statement whose text and arguments are built piece by piece: `bind` adds an argument and
/// returns its placeholder (`$1`, `$2`, …).
struct PostgresStatement {
    var bindings = PostgresBindings()

    mutating func bind<Value: PostgresNonThrowingEncodable>(_ value: Value) -> String {
        bindings.append(value)
        return "$\(bindings.count)"
    }

    /// Placeholders for every value of `values`, comma-separated.
    mutating func bind(list values: [Int64]) -> String {
        values.map { bind($0) }.joined(separator: ",")
    }

    func query(_ sql: String) -> PostgresQuery {
        PostgresQuery(unsafeSQL: sql, binds: bindings)
    }
}

extension PostgresRandomAccessRow {
    /// The value of `column` (lower case: PostgreSQL folds unquoted names).
    func value<Value: PostgresDecodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        try self[column.lowercased()].decode(Value.self)
    }
}

extension ArticleCitation {
    init(postgres row: PostgresRandomAccessRow) throws {
        self.init(
            article: try row.value("articleId"), uri: try row.value("articleUri"), title: try row.value("articleTitle"),
            outlet: try row.value("articleOutlet"), published: try row.value("articlePublished"))
    }
}

extension PostgresStore {
    /// The rows of `query`, each ready to be read by column name.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRandomAccessRow] {
        var rows: [PostgresRandomAccessRow] = []
        for try await row in try await client.query(query) { rows.append(row.makeRandomAccess()) }
        return rows
    }

    /// The first column of every row of `query`.
    func column<Value: PostgresDecodable & Sendable>(_ query: PostgresQuery, as type: Value.Type = Value.self) async throws -> [Value] {
        var values: [Value] = []
        for try await value in try await client.query(query).decode(Value.self) { values.append(value) }
        return values
    }

    public func search(_ query: ArticleSearch) async throws -> [SearchHit] {
        var statement = PostgresStatement()
        guard let matching = try await matching(query, &statement, newestMatchesOnly: query.rows.limit != nil) else { return [] }
        // The snippet is made for the hits kept only: ranking comes first.
        let sql = """
            SELECT \(citationColumns), \(matching.snippet) AS snippet, a.rank FROM (
                SELECT a.*, \(matching.rank) AS rank FROM article a WHERE \(matching.filters.joined(separator: " AND "))
                ORDER BY rank, a.number \(Self.page(query.rows))
            ) a ORDER BY a.rank, a.number
            """
        return try await rows(statement.query(sql)).map { row in
            SearchHit(citation: try ArticleCitation(postgres: row), snippet: try row.value("snippet"), rank: try row.value("rank"))
        }
    }

    public func entities(named name: String, kind: EntityClass) async throws -> [EntityProfile] {
        var profiles: [EntityProfile] = []
        for id in try await entityIDs(named: name, kind: kind).prefix(10) {
            if let profile = try await profile(id: id) { profiles.append(profile) }
        }
        return profiles
    }

    public func quotes(_ query: FactQuery) async throws -> [QuoteRow] {
        var statement = PostgresStatement()
        var filters: [String] = []
        guard try await filterBySpeaker(query.by, column: "q.speakerId", &statement, &filters) else { return [] }
        if let about = query.about {
            guard let tsquery = FullTextQuery.tsquery(about, phrases: false) else { return [] }
            filters.append("q.words @@ to_tsquery('simple', \(statement.bind(tsquery)))")
        }
        return try await quoteRows(statement, where: filters, rows: query.rows)
    }

    public func claims(_ query: FactQuery) async throws -> [ClaimRow] {
        var statement = PostgresStatement()
        var filters: [String] = []
        guard try await filterBySpeaker(query.by, column: "c.speakerId", &statement, &filters) else { return [] }
        for word in FullTextQuery.words(query.about ?? "") {
            let pattern = statement.bind("%\(word)%")
            filters.append("(c.subject ILIKE \(pattern) OR substr(a.text, c.sentenceStart + 1, c.sentenceEnd - c.sentenceStart) ILIKE \(pattern))")
        }
        return try await claimRows(statement, where: filters, rows: query.rows)
    }

    public func timelineEntries(of names: [String]) async throws -> [TimelineCandidate] {
        var idSets: [[Int64]] = []
        for name in names {
            let ids = try await entityIDs(named: name, kind: .any, exactOnly: true)
            guard !ids.isEmpty else { return [] }
            idSets.append(ids)
        }
        guard !idSets.isEmpty else { return [] }
        // Articles that mention every name.
        var articles: Set<Int64>?
        for ids in idSets {
            let found = Set(try await column("SELECT DISTINCT articleNumber FROM entityLink WHERE entityId = ANY(\(ids))", as: Int64.self))
            articles = articles.map { $0.intersection(found) } ?? found
        }
        var candidates: [TimelineCandidate] = []
        for article in (articles ?? []).sorted() {
            var ranks: [Int] = []
            for ids in idSets {
                let rank = try await column("SELECT min(rank) FROM entityLink WHERE articleNumber = \(article) AND entityId = ANY(\(ids))", as: Int?.self)
                ranks.append(rank.first.flatMap { $0 } ?? Int.max)
            }
            let entries = try await rows("""
                SELECT m.id, m.date, m.start, m."end", substr(a.text, m.start + 1, m."end" - m.start) AS text, \(unescaped: citationColumns)
                FROM milestone m JOIN article a ON a.number = m.articleNumber WHERE m.articleNumber = \(article) ORDER BY m.start
                """)
            for row in entries {
                let milestone: Int64 = try row.value("id")
                let participants = Set(try await column("SELECT entityId FROM milestoneParticipant WHERE milestoneId = \(milestone)", as: Int64.self))
                candidates.append(TimelineCandidate(
                    date: try row.value("date"), text: try row.value("text"), start: try row.value("start"), end: try row.value("end"),
                    mentioned: idSets.map { !participants.isDisjoint(with: $0) }, rank: ranks,
                    citation: try ArticleCitation(postgres: row)))
            }
        }
        return candidates
    }

    public func statistics() async throws -> StoreStatistics {
        let counts = try await rows("""
            SELECT (SELECT count(*) FROM article) AS articles, (SELECT count(DISTINCT publisher) FROM article) AS outlets,
                   (SELECT count(*) FROM entity WHERE class = 'person') AS people,
                   (SELECT count(*) FROM entity WHERE class = 'organisation') AS organisations,
                   (SELECT count(*) FROM entity WHERE class = 'place') AS places,
                   (SELECT count(*) FROM quote) AS quotes, (SELECT count(*) FROM claim) AS claims,
                   (SELECT count(*) FROM milestone) AS milestones,
                   (SELECT count(DISTINCT coalesce(story, number)) FROM article) AS stories,
                   (SELECT min(published) FROM article) AS first, (SELECT max(published) FROM article) AS last
            """)[0]
        func count(_ column: String) throws -> Int { Int(try counts.value(column, as: Int64.self)) }
        return StoreStatistics(
            articles: try count("articles"), outlets: try count("outlets"), people: try count("people"),
            organisations: try count("organisations"), places: try count("places"), quotes: try count("quotes"),
            claims: try count("claims"), milestones: try count("milestones"), stories: try count("stories"),
            firstPublished: try counts.value("first"), lastPublished: try counts.value("last"),
            bylineVersions: try await column("SELECT DISTINCT bylineVersion FROM article ORDER BY 1", as: String.self))
    }

    public func exportArticles(_ receive: @escaping @Sendable (ExportedArticle) throws -> Void) async throws {
        // Articles are read a page at a time, by number, so nothing waits on an open result.
        var after: Int64 = 0
        while true {
            let page = try await rows("""
                SELECT a.number, a.story, a.language, a.text, a.bylineVersion, \(unescaped: citationColumns)
                FROM article a WHERE a.number > \(after) ORDER BY a.number LIMIT 100
                """)
            guard !page.isEmpty else { return }
            for row in page {
                let number: Int64 = try row.value("number")
                after = number
                var entities: [ExportedEntity] = []
                for try await (id, type, name, mentions) in try await client.query("""
                    SELECT e.id, e.type, e.name, l.mentions FROM entityLink l JOIN entity e ON e.id = l.entityId
                    WHERE l.articleNumber = \(number) ORDER BY l.rank
                    """).decode((Int64, String, String, Int).self) {
                    entities.append(ExportedEntity(id: id, type: type, name: name, mentions: mentions))
                }
                var quotes = PostgresStatement()
                var claims = PostgresStatement()
                let quoteFilter = "q.articleNumber = \(quotes.bind(number))"
                let claimFilter = "c.articleNumber = \(claims.bind(number))"
                try receive(ExportedArticle(
                    citation: try ArticleCitation(postgres: row), story: try row.value("story"), language: try row.value("language"),
                    text: try row.value("text"), bylineVersion: try row.value("bylineVersion"), entities: entities,
                    quotes: try await quoteRows(quotes, where: [quoteFilter], rows: .all, newestFirst: false),
                    claims: try await claimRows(claims, where: [claimFilter], rows: .all, newestFirst: false)))
            }
        }
    }

    public func links(of id: Int64) async throws -> [EntityLink] {
        try await rows("""
            SELECT l.entityId, l.name, l.localId, l.reason, \(unescaped: citationColumns)
            FROM entityLink l JOIN article a ON a.number = l.articleNumber WHERE l.entityId = \(id) ORDER BY l.articleNumber, l.localId
            """).map {
            EntityLink(
                entity: try $0.value("entityId"), name: try $0.value("name"), local: try $0.value("localId"), reason: try $0.value("reason"),
                citation: try ArticleCitation(postgres: $0))
        }
    }

    public func split(entity id: Int64, nameForm name: String) async throws -> Int64 {
        try await client.withTransaction(logger: Self.quiet) { connection in
            @discardableResult
            func run(_ query: PostgresQuery) async throws -> PostgresRowSequence { try await connection.query(query, logger: Self.quiet) }
            var found: (kind: String, type: String)?
            for try await row in try await run("SELECT class, type FROM entity WHERE id = \(id) FOR UPDATE").decode((String, String).self) {
                found = (row.0, row.1)
            }
            guard let found else { throw BylineError.noSuchEntity("\(id)") }
            var moving: [(article: Int64, local: String, reason: String)] = []
            for try await link in try await run("SELECT articleNumber, localId, reason FROM entityLink WHERE entityId = \(id) AND name = \(name)")
                .decode((Int64, String, String).self) {
                moving.append(link)
            }
            guard !moving.isEmpty else { throw BylineError.noSuchEntity("entity \(id) has no article mention named '\(name)'") }
            var new: Int64 = 0
            for try await value in try await run("INSERT INTO entity (class, type, name) VALUES (\(found.kind), \(found.type), \(name)) RETURNING id")
                .decode(Int64.self) {
                new = value
            }
            for link in moving {
                try await Self.move(connection, article: link.article, local: link.local, to: new, reason: link.reason + "; split off")
            }
            let key = NameKey.stored(name, kind: EntityClass(rawValue: found.kind) ?? .any)
            let now = ISO8601DateFormatter().string(from: Date())
            try await run("DELETE FROM entityName WHERE entityId = \(id) AND name = \(name)")
            try await run("INSERT INTO entityName (entityId, name, key, merges) VALUES (\(new), \(name), \(key), 1) ON CONFLICT DO NOTHING")
            try await run("""
                INSERT INTO entityChange (kind, fromEntity, toEntity, nameForm, changedAt) VALUES ('split', \(id), \(new), \(name), \(now))
                """)
            return new
        }
    }

    // MARK: - Shared pieces

    /// Moves an article's mention of an entity, with its roles, quotes, figures and milestones,
    /// to the stored entity `target`, giving the move's `reason`.
    static func move(_ connection: PostgresConnection, article: Int64, local: String, to target: Int64, reason: String) async throws {
        for query: PostgresQuery in [
            "UPDATE entityLink SET entityId = \(target), reason = \(reason) WHERE articleNumber = \(article) AND localId = \(local)",
            "UPDATE role SET entityId = \(target) WHERE articleNumber = \(article) AND localId = \(local)",
            "UPDATE quote SET speakerId = \(target) WHERE articleNumber = \(article) AND speakerLocal = \(local)",
            "UPDATE claim SET speakerId = \(target) WHERE articleNumber = \(article) AND speakerLocal = \(local)",
            """
            UPDATE milestoneParticipant SET entityId = \(target) WHERE localId = \(local)
            AND milestoneId IN (SELECT id FROM milestone WHERE articleNumber = \(article))
            """,
        ] {
            try await connection.query(query, logger: quiet)
        }
    }

    /// Adds a filter keeping rows whose `column` is one of the entities named `name` (when one
    /// is given); false when no entity has that name, so the query can answer nothing at once.
    func filterBySpeaker(_ name: String?, column: String, _ statement: inout PostgresStatement, _ filters: inout [String]) async throws -> Bool {
        guard let name else { return true }
        let ids = try await entityIDs(named: name, kind: .any)
        guard !ids.isEmpty else { return false }
        filters.append("\(column) IN (\(statement.bind(list: ids)))")
        return true
    }

    /// The entities known by `name`, those mentioned in most articles first (as
    /// ``SQLiteStore``'s lookup: the name's key first, then names that begin or end with it).
    func entityIDs(named name: String, kind: EntityClass, exactOnly: Bool = false) async throws -> [Int64] {
        let key = NameKey.of(name)
        guard !key.isEmpty else { return [] }
        func ranked(_ match: String) -> String {
            let classFilter = kind == .any ? "" : "AND e.class = '\(kind.rawValue)'"
            return """
                SELECT e.id FROM entity e JOIN entityLink l ON l.entityId = e.id
                WHERE e.id IN (SELECT entityId FROM entityName WHERE \(match)) \(classFilter)
                GROUP BY e.id ORDER BY count(*) DESC, e.id
                """
        }
        var exact = PostgresStatement()
        let exactSQL = ranked("key = \(exact.bind(key))")
        let found = try await column(exact.query(exactSQL), as: Int64.self)
        guard found.isEmpty, !exactOnly else { return found }
        var loose = PostgresStatement()
        let first = loose.bind(key + " %")
        let last = loose.bind("% " + key)
        return try await column(loose.query(ranked("key LIKE \(first) OR key LIKE \(last)")), as: Int64.self)
    }

    func profile(id: Int64) async throws -> EntityProfile? {
        guard let entity = try await rows("SELECT type, name FROM entity WHERE id = \(id)").first else { return nil }
        let name: String = try entity.value("name")
        let aliases = try await column("SELECT name FROM entityName WHERE entityId = \(id) ORDER BY name", as: String.self).filter { $0 != name }
        let roles = try await rows("""
            SELECT r.title, r.org, substr(a.text, r.start + 1, r."end" - r.start) AS text, \(unescaped: citationColumns)
            FROM role r JOIN article a ON a.number = r.articleNumber WHERE r.entityId = \(id)
            ORDER BY a.published DESC NULLS LAST, r.id DESC LIMIT \(SQLiteStore.profileLimit)
            """).reversed().map { RoleRow(title: try $0.value("title"), org: try $0.value("org"), text: try $0.value("text"), citation: try ArticleCitation(postgres: $0)) }
        let quotedBeside = try await column("""
            SELECT e.name FROM quote q JOIN entity e ON e.id = q.speakerId
            WHERE q.articleNumber IN (SELECT articleNumber FROM entityLink WHERE entityId = \(id)
                                      ORDER BY articleNumber DESC LIMIT \(SQLiteStore.companyArticles))
              AND q.speakerId != \(id) AND e.class = 'person'
            GROUP BY e.id, e.name ORDER BY count(DISTINCT q.articleNumber) DESC, e.id LIMIT 20
            """, as: String.self)
        let articles = try await rows("""
            SELECT \(unescaped: citationColumns) FROM article a
            WHERE a.number IN (SELECT articleNumber FROM entityLink WHERE entityId = \(id))
            ORDER BY a.published DESC NULLS LAST, a.number DESC LIMIT \(SQLiteStore.profileLimit)
            """).map { try ArticleCitation(postgres: $0) }
        let articleCount = try await column("SELECT count(DISTINCT articleNumber) FROM entityLink WHERE entityId = \(id)", as: Int64.self).first ?? 0
        let quoteCount = try await column("SELECT count(*) FROM quote WHERE speakerId = \(id)", as: Int64.self).first ?? 0
        var quotes = PostgresStatement()
        let filter = "q.speakerId = \(quotes.bind(id))"
        return EntityProfile(
            id: id, type: try entity.value("type"), name: name, aliases: aliases, roles: roles,
            quotes: try await quoteRows(quotes, where: [filter], rows: ResultRange(limit: SQLiteStore.profileLimit)), quotedBeside: quotedBeside,
            articles: articles, articleCount: Int(articleCount), quoteCount: Int(quoteCount))
    }

    func quoteRows(
        _ statement: PostgresStatement, where filters: [String], rows range: ResultRange, newestFirst: Bool = true
    ) async throws -> [QuoteRow] {
        let sql = """
            SELECT substr(a.text, q.start + 1, q."end" - q.start) AS text, q.kind, q.speakerId, e.name AS speaker, q.cue, q.start, q."end",
                   q.rule, q.bylineVersion,
                   (SELECT r.title || coalesce(', ' || r.org, '') FROM role r
                    WHERE r.articleNumber = q.articleNumber AND r.localId = q.speakerLocal ORDER BY r.id LIMIT 1) AS role,
                   \(citationColumns)
            FROM quote q JOIN article a ON a.number = q.articleNumber LEFT JOIN entity e ON e.id = q.speakerId
            \(Self.factOrder("q", filters: filters, rows: range, newestFirst: newestFirst))
            """
        return try await rows(statement.query(sql)).map { row in
            QuoteRow(
                text: try row.value("text"), kind: try row.value("kind"), speakerID: try row.value("speakerId"), speaker: try row.value("speaker"),
                role: try row.value("role"), cue: try row.value("cue"), start: try row.value("start"), end: try row.value("end"),
                rule: try row.value("rule"), bylineVersion: try row.value("bylineVersion"), citation: try ArticleCitation(postgres: row))
        }
    }

    func claimRows(
        _ statement: PostgresStatement, where filters: [String], rows range: ResultRange, newestFirst: Bool = true
    ) async throws -> [ClaimRow] {
        let sql = """
            SELECT substr(a.text, c.start + 1, c."end" - c.start) AS text, c.value, c.unit, c.subject, c.speakerId, e.name AS speaker,
                   c.time, substr(a.text, c.sentenceStart + 1, c.sentenceEnd - c.sentenceStart) AS sentence, c.start, c."end",
                   c.rule, c.bylineVersion, \(citationColumns)
            FROM claim c JOIN article a ON a.number = c.articleNumber LEFT JOIN entity e ON e.id = c.speakerId
            \(Self.factOrder("c", filters: filters, rows: range, newestFirst: newestFirst))
            """
        return try await rows(statement.query(sql)).map { row in
            ClaimRow(
                text: try row.value("text"), value: try row.value("value"), unit: try row.value("unit"), subject: try row.value("subject"),
                speakerID: try row.value("speakerId"), speaker: try row.value("speaker"), time: try row.value("time"),
                sentence: try row.value("sentence"), start: try row.value("start"), end: try row.value("end"), rule: try row.value("rule"),
                bylineVersion: try row.value("bylineVersion"), citation: try ArticleCitation(postgres: row))
        }
    }

    /// The WHERE, ORDER BY, LIMIT and OFFSET clauses of a fact query, in the order
    /// ``SQLiteStore/factPage(_:rowTable:from:filters:rows:newestFirst:walkingNewest:)`` gives, with undated articles
    /// last as SQLite sorts them.
    static func factOrder(_ fact: String, filters: [String], rows: ResultRange, newestFirst: Bool) -> String {
        let whereClause = filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND ")
        let newest = newestFirst ? "a.published DESC NULLS LAST, \(fact).articleNumber DESC, " : ""
        return "\(whereClause) ORDER BY \(newest)\(fact).start \(page(rows))"
    }

    /// The LIMIT and OFFSET clauses of one page of rows.
    static func page(_ rows: ResultRange) -> String {
        (rows.limit.map { "LIMIT \($0)" } ?? "") + (rows.offset > 0 ? " OFFSET \(rows.offset)" : "")
    }

    /// The filters over the article table aliased `a` that find the articles matching `query`,
    /// with the SQL of a hit's rank (lower is more relevant) and of its snippet; nil when nothing
    /// can match. With `byOutlet` false, the outlet filter is left out; with `newestMatchesOnly`,
    /// a query with no filter ranks only the last ``ArticleSearch/rankedMatches`` articles
    /// stored among those that match (as ``SQLiteStore`` does).
    func matching(
        _ query: ArticleSearch, _ statement: inout PostgresStatement, byOutlet: Bool = true, newestMatchesOnly: Bool = false
    ) async throws -> (filters: [String], rank: String, snippet: String)? {
        var filters: [String]
        let snippet: String
        let rank: String
        let cjk = ArticleFacts.hasCJK(query.text)
        if cjk {
            let text = query.text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
            guard text.count >= 3 else { return nil }
            let found = statement.bind(text)
            filters = ["a.cjk", "strpos(a.text, \(found)) > 0"]
            let at = "strpos(a.text, \(found))"
            snippet = """
                '…' || substr(a.text, greatest(\(at) - 40, 1), \(at) - greatest(\(at) - 40, 1)) || '<b>' || \(found) || '</b>'
                || substr(a.text, \(at) + length(\(found)), 40) || '…'
                """
            rank = "0::float8"
        } else {
            guard let tsquery = FullTextQuery.tsquery(query.text) else { return nil }
            let words = "to_tsquery('simple', \(statement.bind(tsquery)))"
            filters = ["a.words @@ \(words)"]
            snippet = "ts_headline('simple', a.text, \(words), 'StartSel=<b>, StopSel=</b>, MaxWords=16, MinWords=6, MaxFragments=1, FragmentDelimiter=…')"
            rank = "-ts_rank(a.words, \(words))::float8"
        }
        let matchFilters = filters.count
        if let since = query.since { filters.append("a.day >= \(statement.bind(since))") }
        if let until = query.until { filters.append("a.day <= \(statement.bind(until))") }
        if byOutlet, let outlet = query.outlet { filters.append("a.publisher ILIKE '%' || \(statement.bind(outlet)) || '%'") }
        if let person = query.person {
            let ids = try await entityIDs(named: person, kind: .person)
            guard !ids.isEmpty else { return nil }
            filters.append("a.number IN (SELECT articleNumber FROM entityLink WHERE entityId IN (\(statement.bind(list: ids))))")
        }
        if newestMatchesOnly, filters.count == matchFilters, !cjk {
            filters.append("""
                a.number > coalesce((SELECT a.number FROM article a WHERE \(filters[0]) ORDER BY a.number DESC
                                     OFFSET \(ArticleSearch.rankedMatches) LIMIT 1), 0)
                """)
        }
        return (filters, rank, snippet)
    }
}
#endif
