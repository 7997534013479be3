#if PostgreSQL
import PostgresNIO

/// The queries a browser of the store needs, on PostgreSQL: the same answers as
/// ``SQLiteStore``'s (one article, one entity by id, lists of entities, and counts of the
/// articles a search matches, per period and per outlet).
extension PostgresStore {
    public func article(id: String) async throws -> StoredArticle? {
        var byID = PostgresStatement()
        let sql = SharedSQL.article + " WHERE a.id = \(byID.bind(id))"
        guard let row = try await rows(byID.query(sql)).first else { return nil }
        let number: Int64 = try row.value("number")
        var entities: [ArticleEntity] = []
        var byNumber = PostgresStatement()
        let entitiesSQL = SharedSQL.articleEntities(article: byNumber.bind(number))
        for try await (local, entity, type, name, mentions) in try await client.query(byNumber.query(entitiesSQL))
            .decode((String, Int64, String, String, Int).self) {
            entities.append(ArticleEntity(local: local, id: entity, type: type, name: name, mentions: mentions))
        }
        let authors: String = try row.value("authors")
        return StoredArticle(
            citation: try ArticleCitation(postgres: row), format: try row.value("format"),
            authors: authors.isEmpty ? [] : authors.components(separatedBy: "; "), language: try row.value("language"),
            url: try row.value("url"), text: try row.value("text"), bylineVersion: try row.value("bylineVersion"),
            story: try row.value("story"), entities: entities)
    }

    public func entity(id: Int64) async throws -> EntityProfile? {
        try await profile(id: id)
    }

    public func entityList(_ query: EntityListQuery) async throws -> [EntitySummary] {
        var statement = PostgresStatement()
        var filters = query.kind == .any ? [] : ["e.class = \(statement.bind(query.kind.rawValue))"]
        if let name = query.name {
            let ids = try await entityIDs(named: name, kind: query.kind)
            guard !ids.isEmpty else { return [] }
            filters.append("e.id IN (\(statement.bind(list: ids)))")
        }
        let sql = SharedSQL.entityList(where: filters, page: Self.page(query.rows))
        return try await rows(statement.query(sql)).map {
            EntitySummary(
                id: try $0.value("id"), type: try $0.value("type"), name: try $0.value("name"),
                articles: Int(try $0.value("articles", as: Int64.self)), quotes: Int(try $0.value("quotes", as: Int64.self)))
        }
    }

    public func attention(_ query: ArticleSearch, per period: AttentionPeriod) async throws -> [AttentionCount] {
        var statement = PostgresStatement()
        guard let matching = try await matching(query, &statement) else { return [] }
        // Only full dates count; a week is named by its Monday, as SQLite names it.
        let bucket = period == .day ? "a.day" : "to_char(date_trunc('week', a.day::date), 'YYYY-MM-DD')"
        let sql = """
            SELECT \(bucket) AS period, count(*) AS articles FROM article a
            WHERE \((matching.filters + ["length(a.day) = 10"]).joined(separator: " AND "))
            GROUP BY period ORDER BY period
            """
        return try await rows(statement.query(sql)).map {
            AttentionCount(period: try $0.value("period"), articles: Int(try $0.value("articles", as: Int64.self)))
        }
    }

    public func outletCounts(_ query: ArticleSearch) async throws -> [OutletCount] {
        var statement = PostgresStatement()
        guard let matching = try await matching(query, &statement, byOutlet: false) else { return [] }
        // Outlets with as many articles are in byte order, as SQLite orders them.
        let sql = """
            SELECT a.publisher AS outlet, count(*) AS articles FROM article a
            WHERE \((matching.filters + ["a.publisher IS NOT NULL"]).joined(separator: " AND "))
            GROUP BY a.publisher ORDER BY articles DESC, a.publisher COLLATE "C"
            """
        return try await rows(statement.query(sql)).map {
            OutletCount(outlet: try $0.value("outlet"), articles: Int(try $0.value("articles", as: Int64.self)))
        }
    }
}
#endif
