import BylineCore
import Foundation
import GRDB

/// The columns that make an ``ArticleCitation``, for an article table aliased `a`.
private let citationColumns = "a.id AS articleId, a.uri AS articleUri, a.title AS articleTitle, a.publisher AS articleOutlet, a.published AS articlePublished"

extension ArticleCitation {
    init(row: Row) {
        self.init(
            article: row["articleId"], uri: row["articleUri"], title: row["articleTitle"], outlet: row["articleOutlet"],
            published: row["articlePublished"])
    }
}

extension SQLiteStore {
    public func search(_ query: ArticleSearch) async throws -> [SearchHit] {
        try await pool.read { db in
            guard let matching = try Self.matching(db, query, newestMatchesOnly: query.rows.limit != nil) else { return [] }
            let table = matching.table
            let sql = """
                SELECT \(citationColumns), snippet(\(table), 1, '<b>', '</b>', '…', 16) AS snippet, \(table).rank AS rank
                \(matching.clause) ORDER BY \(table).rank \(Self.page(query.rows))
                """
            return try Row.fetchAll(db, sql: sql, arguments: matching.arguments).map { row in
                SearchHit(citation: ArticleCitation(row: row), snippet: row["snippet"], rank: row["rank"])
            }
        }
    }

    public func entities(named name: String, kind: EntityClass) async throws -> [EntityProfile] {
        try await pool.read { db in
            try Self.entityIDs(db, named: name, kind: kind).prefix(10).compactMap { try Self.profile(db, id: $0) }
        }
    }

    public func quotes(_ query: FactQuery) async throws -> [QuoteRow] {
        try await pool.read { db in
            var filters: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            guard try Self.filterBySpeaker(db, named: query.by, column: "q.speakerId", &filters, &arguments) else { return [] }
            if let about = query.about {
                guard let match = FullTextQuery.match(about, trigram: false, phrases: false) else { return [] }
                filters.append("q.id IN (SELECT rowid FROM quoteSearch WHERE quoteSearch MATCH ?)")
                arguments.append(match)
            }
            return try Self.quoteRows(db, where: filters, arguments: arguments, rows: query.rows)
        }
    }

    public func claims(_ query: FactQuery) async throws -> [ClaimRow] {
        try await pool.read { db in
            var filters: [String] = []
            var arguments: [(any DatabaseValueConvertible)?] = []
            guard try Self.filterBySpeaker(db, named: query.by, column: "c.speakerId", &filters, &arguments) else { return [] }
            for word in FullTextQuery.words(query.about ?? "") {
                filters.append("(c.subject LIKE ? OR substr(a.text, c.sentenceStart + 1, c.sentenceEnd - c.sentenceStart) LIKE ?)")
                arguments.append(contentsOf: ["%\(word)%", "%\(word)%"])
            }
            return try Self.claimRows(db, where: filters, arguments: arguments, rows: query.rows)
        }
    }

    public func timelineEntries(of names: [String]) async throws -> [TimelineCandidate] {
        try await pool.read { db in
            var idSets: [[Int64]] = []
            for name in names {
                let ids = try Self.entityIDs(db, named: name, kind: .any, exactOnly: true)
                guard !ids.isEmpty else { return [] }
                idSets.append(ids)
            }
            guard let first = idSets.first else { return [] }
            // Articles that mention every name.
            var articles = Set(try Int64.fetchAll(
                db, sql: "SELECT DISTINCT articleNumber FROM entityLink WHERE entityId IN (\(Self.marks(first.count)))",
                arguments: StatementArguments(first)))
            for ids in idSets.dropFirst() {
                articles.formIntersection(try Int64.fetchAll(
                    db, sql: "SELECT DISTINCT articleNumber FROM entityLink WHERE entityId IN (\(Self.marks(ids.count)))",
                    arguments: StatementArguments(ids)))
            }
            var candidates: [TimelineCandidate] = []
            for article in articles.sorted() {
                let ranks = try idSets.map { ids in
                    try Int.fetchOne(
                        db, sql: "SELECT min(rank) FROM entityLink WHERE articleNumber = ? AND entityId IN (\(Self.marks(ids.count)))",
                        arguments: StatementArguments([article] + ids)) ?? Int.max
                }
                let rows = try Row.fetchAll(db, sql: """
                    SELECT m.id, m.date, m.start, m.end, substr(a.text, m.start + 1, m.end - m.start) AS text, \(citationColumns)
                    FROM milestone m JOIN article a ON a.number = m.articleNumber WHERE m.articleNumber = ? ORDER BY m.start
                    """, arguments: [article])
                for row in rows {
                    let participants = Set(try Int64.fetchAll(
                        db, sql: "SELECT entityId FROM milestoneParticipant WHERE milestoneId = ?", arguments: [row["id"] as Int64]))
                    candidates.append(TimelineCandidate(
                        date: row["date"], text: row["text"], start: row["start"], end: row["end"],
                        mentioned: idSets.map { !participants.isDisjoint(with: $0) }, rank: ranks,
                        citation: ArticleCitation(row: row)))
                }
            }
            return candidates
        }
    }

    public func statistics() async throws -> StoreStatistics {
        try await pool.read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            // Apart, each of min and max reads one end of the publication index.
            let first = try String.fetchOne(db, sql: "SELECT min(published) FROM articleRow")
            let last = try String.fetchOne(db, sql: "SELECT max(published) FROM articleRow")
            return StoreStatistics(
                articles: try count("SELECT count(*) FROM article"),
                outlets: try count("SELECT count(DISTINCT publisher) FROM article"),
                people: try count("SELECT count(*) FROM entity WHERE class = 'person'"),
                organisations: try count("SELECT count(*) FROM entity WHERE class = 'organisation'"),
                places: try count("SELECT count(*) FROM entity WHERE class = 'place'"),
                quotes: try count("SELECT count(*) FROM quote"),
                claims: try count("SELECT count(*) FROM claim"),
                milestones: try count("SELECT count(*) FROM milestone"),
                stories: try count("SELECT count(DISTINCT coalesce(story, number)) FROM article"),
                firstPublished: first, lastPublished: last,
                bylineVersions: try String.fetchAll(db, sql: "SELECT DISTINCT bylineVersion FROM article ORDER BY 1"))
        }
    }

    public func exportArticles(_ receive: @escaping @Sendable (ExportedArticle) throws -> Void) async throws {
        try await pool.read { db in
            let articles = try Row.fetchCursor(db, sql: """
                SELECT a.number, a.story, a.language, a.text, a.bylineVersion, \(citationColumns) FROM article a ORDER BY a.number
                """)
            while let row = try articles.next() {
                let number: Int64 = row["number"]
                let entities = try Row.fetchAll(db, sql: """
                    SELECT e.id, e.type, e.name, l.mentions FROM entityLink l JOIN entity e ON e.id = l.entityId
                    WHERE l.articleNumber = ? ORDER BY l.rank
                    """, arguments: [number]).map { ExportedEntity(id: $0[0], type: $0[1], name: $0[2], mentions: $0[3]) }
                try receive(ExportedArticle(
                    citation: ArticleCitation(row: row), story: row["story"], language: row["language"], text: row["text"],
                    bylineVersion: row["bylineVersion"], entities: entities,
                    quotes: try Self.quoteRows(db, where: ["q.articleNumber = ?"], arguments: [number], rows: .all, newestFirst: false),
                    claims: try Self.claimRows(db, where: ["c.articleNumber = ?"], arguments: [number], rows: .all, newestFirst: false)))
            }
        }
    }

    public func links(of id: Int64) async throws -> [EntityLink] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: """
                SELECT l.entityId, l.name, l.localId, l.reason, \(citationColumns)
                FROM entityLink l JOIN article a ON a.number = l.articleNumber WHERE l.entityId = ? ORDER BY l.articleNumber, l.localId
                """, arguments: [id]).map {
                EntityLink(entity: $0["entityId"], name: $0["name"], local: $0["localId"], reason: $0["reason"], citation: ArticleCitation(row: $0))
            }
        }
    }

    public func split(entity id: Int64, nameForm name: String) async throws -> Int64 {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT class, type FROM entity WHERE id = ?", arguments: [id]) else {
                throw BylineError.noSuchEntity("\(id)")
            }
            let moving = try Row.fetchAll(
                db, sql: "SELECT articleNumber, localId, name, reason FROM entityLink WHERE entityId = ? AND name = ?", arguments: [id, name])
            guard !moving.isEmpty else { throw BylineError.noSuchEntity("entity \(id) has no article mention named '\(name)'") }
            let kind: String = row["class"]
            let type: String = row["type"]
            let key = NameKey.stored(name, kind: EntityClass(rawValue: kind) ?? .any)
            try db.execute(sql: "INSERT INTO entity (class, type, name) VALUES (?, ?, ?)", arguments: [kind, type, name])
            let new = db.lastInsertedRowID
            for link in moving {
                let reason = try SQLiteSchema.repeatedTextID(db, (link["reason"] as String) + "; split off")
                try SQLiteArticleWriter.move(db, article: link["articleNumber"], local: link["localId"], to: new, reason: reason)
            }
            try db.execute(sql: "DELETE FROM entityName WHERE entityId = ? AND name = ?", arguments: [id, name])
            try db.execute(sql: "INSERT OR IGNORE INTO entityName (entityId, name, key, merges) VALUES (?, ?, ?, 1)", arguments: [new, name, key])
            try db.execute(
                sql: "INSERT INTO entityChange (kind, fromEntity, toEntity, nameForm, changedAt) VALUES ('split', ?, ?, ?, ?)",
                arguments: [id, new, name, ISO8601DateFormatter().string(from: Date())])
            return new
        }
    }

    // MARK: - Shared pieces

    /// The most articles, roles and quotes a profile lists (the newest); its counts count them all.
    public static let profileLimit = 200
    /// The people quoted beside someone are counted over their newest this many articles.
    public static let companyArticles = 1_000

    /// Adds a filter keeping rows whose `column` is one of the entities named `name` (when one
    /// is given); false when no entity has that name, so the query can answer nothing at once.
    static func filterBySpeaker(
        _ db: Database, named name: String?, column: String,
        _ filters: inout [String], _ arguments: inout [(any DatabaseValueConvertible)?]
    ) throws -> Bool {
        guard let name else { return true }
        let ids = try entityIDs(db, named: name, kind: .any)
        guard !ids.isEmpty else { return false }
        filters.append("\(column) IN (\(marks(ids.count)))")
        arguments += ids.map { $0 }
        return true
    }

    /// The FROM and WHERE clauses (and their arguments) that find the articles matching
    /// `query`, the full-text table aliased by its name and the article table as `a`; nil when
    /// nothing can match. With `byOutlet` false, the outlet filter is left out. With
    /// `newestMatchesOnly`, a query with no filter keeps only the last
    /// ``ArticleSearch/rankedMatches`` articles stored among those that match: ranking costs
    /// time for every match, and a word found in most articles would be slow to rank.
    static func matching(
        _ db: Database, _ query: ArticleSearch, byOutlet: Bool = true, newestMatchesOnly: Bool = false
    ) throws -> (table: String, clause: String, arguments: StatementArguments)? {
        let cjk = ArticleFacts.hasCJK(query.text)
        let table = cjk ? "articleSearchCJK" : "articleSearch"
        guard let match = FullTextQuery.match(query.text, trigram: cjk) else { return nil }
        var filters: [String] = []
        var arguments: [(any DatabaseValueConvertible)?] = [match]
        if let since = query.since {
            filters.append("a.day >= ?")
            arguments.append(since)
        }
        if let until = query.until {
            filters.append("a.day <= ?")
            arguments.append(until)
        }
        if byOutlet, let outlet = query.outlet {
            filters.append("a.publisher LIKE '%' || ? || '%'")
            arguments.append(outlet)
        }
        if let person = query.person {
            let ids = try entityIDs(db, named: person, kind: .person)
            guard !ids.isEmpty else { return nil }
            filters.append("a.number IN (SELECT articleNumber FROM entityLink WHERE entityId IN (\(marks(ids.count))))")
            arguments += ids.map { $0 }
        }
        if newestMatchesOnly, filters.isEmpty, let floor = try Int64.fetchOne(
            db, sql: "SELECT rowid FROM \(table) WHERE \(table) MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
            arguments: [match, ArticleSearch.rankedMatches])
        {
            filters.append("\(table).rowid > ?")
            arguments.append(floor)
        }
        let clause = """
            FROM \(table) JOIN article a ON a.number = \(table).rowid
            WHERE \(table) MATCH ? \(filters.map { "AND " + $0 }.joined(separator: " "))
            """
        return (table, clause, StatementArguments(arguments))
    }

    /// The LIMIT and OFFSET clauses of one page of rows.
    static func page(_ rows: ResultRange) -> String {
        guard rows != .all else { return "" }
        return "LIMIT \(rows.limit ?? -1)" + (rows.offset > 0 ? " OFFSET \(rows.offset)" : "")
    }

    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    /// The entities known by `name`, those mentioned in most articles first: every entity one of
    /// whose name forms has the name's key; when there is none (and unless `exactOnly`), those
    /// with a name form that has the name's words as its first or last words.
    static func entityIDs(_ db: Database, named name: String, kind: EntityClass, exactOnly: Bool = false) throws -> [Int64] {
        let key = NameKey.of(name)
        guard !key.isEmpty else { return [] }
        let classFilter = kind == .any ? "" : "AND e.class = '\(kind.rawValue)'"
        func ranked(_ nameFilter: String) -> String {
            """
            SELECT e.id FROM entity e JOIN entityLink l ON l.entityId = e.id
            WHERE e.id IN (SELECT entityId FROM entityName WHERE \(nameFilter)) \(classFilter)
            GROUP BY e.id ORDER BY count(*) DESC, e.id
            """
        }
        let exact = try Int64.fetchAll(db, sql: ranked("key = ?"), arguments: [key])
        guard exact.isEmpty, !exactOnly else { return exact }
        return try Int64.fetchAll(db, sql: ranked("key LIKE ? || ' %' OR key LIKE '% ' || ?"), arguments: [key, key])
    }

    static func profile(_ db: Database, id: Int64) throws -> EntityProfile? {
        guard let entity = try Row.fetchOne(db, sql: "SELECT type, name FROM entity WHERE id = ?", arguments: [id]) else { return nil }
        let name: String = entity["name"]
        let aliases = try String.fetchAll(db, sql: "SELECT name FROM entityName WHERE entityId = ? ORDER BY name", arguments: [id])
            .filter { $0 != name }
        let roles = try Row.fetchAll(db, sql: """
            SELECT r.title, r.org, substr(a.text, r.start + 1, r.end - r.start) AS text, \(citationColumns)
            FROM role r JOIN article a ON a.number = r.articleNumber
            WHERE r.id IN (SELECT r.id FROM role r JOIN article a ON a.number = r.articleNumber WHERE r.entityId = ?
                           ORDER BY a.published DESC, r.id DESC LIMIT \(profileLimit))
            ORDER BY a.published DESC, r.id DESC
            """, arguments: [id]).reversed().map {
            RoleRow(title: $0["title"], org: $0["org"], text: $0["text"], citation: ArticleCitation(row: $0))
        }
        let quotedBeside = try String.fetchAll(db, sql: """
            SELECT e.name FROM quote q JOIN entity e ON e.id = q.speakerId
            WHERE q.articleNumber IN (SELECT articleNumber FROM entityLink WHERE entityId = ? ORDER BY articleNumber DESC LIMIT \(companyArticles))
              AND q.speakerId != ? AND e.class = 'person'
            GROUP BY e.id ORDER BY count(DISTINCT q.articleNumber) DESC, e.id LIMIT 20
            """, arguments: [id, id])
        let articleCount = try Int.fetchOne(db, sql: "SELECT count(DISTINCT articleNumber) FROM entityLinkRow WHERE entityId = ?", arguments: [id]) ?? 0
        // The newest articles (and quotes) of someone named in a large share of the store are
        // found by walking all articles from the newest until enough name them (about
        // profileLimit × stored / articleCount articles visited), those of anyone else by sorting
        // their own (articleCount visited): whichever visits fewer.
        let stored = try Int.fetchOne(db, sql: "SELECT max(number) FROM articleRow") ?? 0
        let newest = articleCount * articleCount > profileLimit * stored
            ? """
            SELECT a.number FROM articleRow a INDEXED BY article_published
            WHERE EXISTS (SELECT 1 FROM entityLinkRow l WHERE l.entityId = ? AND l.articleNumber = a.number)
            ORDER BY a.published DESC, a.number DESC LIMIT \(profileLimit)
            """
            : """
            SELECT a.number FROM entityLinkRow l JOIN articleRow a ON a.number = l.articleNumber
            WHERE l.entityId = ? GROUP BY a.number ORDER BY a.published DESC, a.number DESC LIMIT \(profileLimit)
            """
        let articles = try Row.fetchAll(db, sql: """
            SELECT \(citationColumns) FROM article a WHERE a.number IN (\(newest))
            ORDER BY a.published DESC, a.number DESC
            """, arguments: [id]).map(ArticleCitation.init(row:))
        let quoteCount = try Int.fetchOne(db, sql: "SELECT count(*) FROM quote WHERE speakerId = ?", arguments: [id]) ?? 0
        return EntityProfile(
            id: id, type: entity["type"], name: name, aliases: aliases, roles: roles,
            quotes: try quoteRows(
                db, where: ["q.speakerId = ?"], arguments: [id], rows: ResultRange(limit: profileLimit), walkingNewest: quoteCount * quoteCount > profileLimit * stored),
            quotedBeside: quotedBeside,
            articles: articles, articleCount: articleCount, quoteCount: quoteCount)
    }

    /// With `walkingNewest`, the page is found by walking the articles from the newest (for
    /// filters that most articles pass; ``factPage(_:rowTable:from:filters:rows:newestFirst:walkingNewest:)``).
    static func quoteRows(
        _ db: Database, where filters: [String], arguments: [(any DatabaseValueConvertible)?], rows: ResultRange,
        newestFirst: Bool = true, walkingNewest: Bool = false
    ) throws -> [QuoteRow] {
        let sql = """
            SELECT substr(a.text, q.start + 1, q.end - q.start) AS text, q.kind, q.speakerId, e.name AS speaker, q.cue, q.start, q.end,
                   q.rule, q.bylineVersion,
                   (SELECT r.title || coalesce(', ' || r.org, '') FROM role r
                    WHERE r.articleNumber = q.articleNumber AND r.localId = q.speakerLocal ORDER BY r.id LIMIT 1) AS role,
                   \(citationColumns)
            \(factPage(
                "q", rowTable: "quoteRow", from: "FROM quote q JOIN article a ON a.number = q.articleNumber LEFT JOIN entity e ON e.id = q.speakerId",
                filters: filters, rows: rows, newestFirst: newestFirst, walkingNewest: walkingNewest))
            """
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            QuoteRow(
                text: row["text"], kind: row["kind"], speakerID: row["speakerId"], speaker: row["speaker"], role: row["role"],
                cue: row["cue"], start: row["start"], end: row["end"], rule: row["rule"], bylineVersion: row["bylineVersion"],
                citation: ArticleCitation(row: row))
        }
    }

    /// The FROM, WHERE, ORDER BY, LIMIT and OFFSET clauses of a query over the fact table aliased
    /// `fact` (joined with its article as `a` in `source`; `rowTable` is the fact's own table):
    /// newest articles first when asked, then text order. A page is picked first by fact id
    /// alone, so that the columns cut from article text are read for the facts returned, not for
    /// every fact that matches; with no filter, the newest page is read from the articles'
    /// publication index down, not by sorting every fact.
    static func factPage(
        _ fact: String, rowTable: String, from source: String, filters: [String], rows: ResultRange, newestFirst: Bool,
        walkingNewest: Bool = false
    ) -> String {
        let whereClause = filters.isEmpty ? "" : "WHERE " + filters.joined(separator: " AND ")
        let newest = newestFirst ? "a.published DESC, \(fact).articleNumber DESC, " : ""
        let order = "ORDER BY \(newest)\(fact).start"
        guard rows != .all else { return "\(source) \(whereClause) \(order)" }
        // With no filter, or one that rows of most articles pass, the newest rows are found by
        // walking the articles from the newest, which stops at the page's end.
        let pick = (filters.isEmpty || walkingNewest) && newestFirst
            ? """
                SELECT \(fact).id FROM articleRow a INDEXED BY article_published CROSS JOIN \(rowTable) \(fact) ON \(fact).articleNumber = a.number
                \(whereClause) ORDER BY a.published DESC, a.number DESC, \(fact).start
                """
            : "SELECT \(fact).id \(source) \(whereClause) \(order)"
        return """
            \(source) WHERE \(fact).id IN (\(pick) \(page(rows)))
            \(order)
            """
    }

    static func claimRows(
        _ db: Database, where filters: [String], arguments: [(any DatabaseValueConvertible)?], rows: ResultRange,
        newestFirst: Bool = true
    ) throws -> [ClaimRow] {
        let sql = """
            SELECT substr(a.text, c.start + 1, c.end - c.start) AS text, c.value, c.unit, c.subject, c.speakerId, e.name AS speaker,
                   c.time, substr(a.text, c.sentenceStart + 1, c.sentenceEnd - c.sentenceStart) AS sentence, c.start, c.end,
                   c.rule, c.bylineVersion, \(citationColumns)
            \(factPage(
                "c", rowTable: "claimRow", from: "FROM claim c JOIN article a ON a.number = c.articleNumber LEFT JOIN entity e ON e.id = c.speakerId",
                filters: filters, rows: rows, newestFirst: newestFirst))
            """
        return try Row.fetchAll(db, sql: sql, arguments: StatementArguments(arguments)).map { row in
            ClaimRow(
                text: row["text"], value: row["value"], unit: row["unit"], subject: row["subject"], speakerID: row["speakerId"],
                speaker: row["speaker"], time: row["time"], sentence: row["sentence"], start: row["start"], end: row["end"],
                rule: row["rule"], bylineVersion: row["bylineVersion"], citation: ArticleCitation(row: row))
        }
    }
}
