import GRDB

/// The queries a browser of the store needs: one article, one entity by id, lists of entities,
/// and counts of the articles a search matches, per period and per outlet.
extension SQLiteStore {
    public func article(id: String) async throws -> StoredArticle? {
        try await pool.read { db in
            guard let row = try Row.fetchOne(db, sql: SharedSQL.article + " WHERE a.id = ?", arguments: [id]) else { return nil }
            let number: Int64 = row["number"]
            let entities = try Row.fetchAll(db, sql: SharedSQL.articleEntities(article: "?"), arguments: [number]).map {
                ArticleEntity(local: $0["localId"], id: $0["entityId"], type: $0["type"], name: $0["name"], mentions: $0["mentions"])
            }
            let authors: String = row["authors"]
            return StoredArticle(
                citation: ArticleCitation(row: row), format: row["format"],
                authors: authors.isEmpty ? [] : authors.components(separatedBy: "; "), language: row["language"], url: row["url"],
                text: row["text"], bylineVersion: row["bylineVersion"], story: row["story"], entities: entities)
        }
    }

    public func entity(id: Int64) async throws -> EntityProfile? {
        try await pool.read { db in try Self.profile(db, id: id) }
    }

    public func entityList(_ query: EntityListQuery) async throws -> [EntitySummary] {
        try await pool.read { db in
            var filters = query.kind == .any ? [] : ["e.class = ?"]
            var arguments: [(any DatabaseValueConvertible)?] = query.kind == .any ? [] : [query.kind.rawValue]
            if let name = query.name {
                let ids = try Self.entityIDs(db, named: name, kind: query.kind)
                guard !ids.isEmpty else { return [] }
                filters.append("e.id IN (\(Self.marks(ids.count)))")
                arguments += ids.map { $0 }
            }
            let sql = SharedSQL.entityList(where: filters, page: Self.page(query.rows))
            return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map {
                EntitySummary(id: $0["id"], type: $0["type"], name: $0["name"], articles: $0["articles"], quotes: $0["quotes"])
            }
        }
    }

    public func attention(_ query: ArticleSearch, per period: AttentionPeriod) async throws -> [AttentionCount] {
        try await pool.read { db in
            guard let matching = try Self.matching(db, query) else { return [] }
            // Only full dates count; `weekday 0` moves to the week's Sunday, 6 days back is its Monday.
            let bucket = period == .day ? "a.day" : "date(a.day, 'weekday 0', '-6 days')"
            let sql = """
                SELECT \(bucket) AS period, count(*) AS articles \(matching.clause) AND length(a.day) = 10
                GROUP BY period ORDER BY period
                """
            return try Row.fetchAll(db, sql: sql, arguments: matching.arguments).map {
                AttentionCount(period: $0["period"], articles: $0["articles"])
            }
        }
    }

    public func outletCounts(_ query: ArticleSearch) async throws -> [OutletCount] {
        try await pool.read { db in
            guard let matching = try Self.matching(db, query, byOutlet: false) else { return [] }
            let sql = """
                SELECT a.publisher AS outlet, count(*) AS articles \(matching.clause) AND a.publisher IS NOT NULL
                GROUP BY a.publisher ORDER BY articles DESC, a.publisher
                """
            return try Row.fetchAll(db, sql: sql, arguments: matching.arguments).map {
                OutletCount(outlet: $0["outlet"], articles: $0["articles"])
            }
        }
    }
}
