#if PostgreSQL
import Foundation
import PostgresNIO

/// Writes one article and its facts inside a PostgreSQL transaction, joining its entities to the
/// stored ones by the rules of ``EntityResolution``, as ``SQLiteArticleWriter`` does on SQLite.
///
/// An article's roles, quotes and claims go in one statement each (arrays unnested on the
/// server), so an article costs a round trip per entity and a few more, not one per fact.
struct PostgresArticleWriter {
    let connection: PostgresConnection
    private let storedAt = ISO8601DateFormatter().string(from: Date())
    /// The article counts of the people named in full that this writer has counted.
    private var articleCounts: [Int64: Int] = [:]

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    @discardableResult
    private func run(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: PostgresStore.quiet)
    }

    /// Writes `article` unless it is stored already.
    mutating func write(_ article: ArticleFacts) async throws -> StoreReceipt {
        let record = article.record
        let signature = article.signature.map { Int64($0) }
        let day = record.published.map { String($0.prefix(10)) }
        let authors = record.authorsColumn
        // `ON CONFLICT DO NOTHING` returns no row when another writer stored the article first.
        let inserted = try await run("""
            INSERT INTO article (id, uri, format, title, publisher, authors, published, day, language, url, text,
                                 bylineVersion, storedAt, signature, cjk, words, layout)
            VALUES (\(record.id), \(record.uri), \(record.format), \(record.title), \(record.publisher), \(authors),
                    \(record.published), \(day), \(record.language), \(record.url), \(record.text), \(article.bylineVersion),
                    \(storedAt), \(signature), \(article.hasCJK), to_tsvector('simple', coalesce(\(record.title), '') || ' ' || \(record.text)),
                    \(record.layout))
            ON CONFLICT (id) DO NOTHING RETURNING number
            """).decode(Int64.self)
        var number: Int64?
        for try await value in inserted { number = value }
        guard let number else { return StoreReceipt(present: 1) }
        try await linkStory(number, signature: article.signature)
        return StoreReceipt(added: 1, facts: try await writeFacts(of: article, number: number))
    }

    /// Replaces the facts of the stored article with `article`'s id by `article`'s, and records
    /// the version that produced them; an article not stored is left out.
    mutating func replaceFacts(_ article: ArticleFacts) async throws -> StoreReceipt {
        var number: Int64?
        for try await value in try await run("SELECT number FROM article WHERE id = \(article.record.id) FOR UPDATE").decode(Int64.self) {
            number = value
        }
        guard let number else { return StoreReceipt() }
        for try await id in try await run("SELECT entityId FROM entityLink WHERE articleNumber = \(number)").decode(Int64.self) {
            articleCounts[id] = nil
        }
        // Milestone participants go with their milestones (ON DELETE CASCADE).
        try await run("DELETE FROM milestone WHERE articleNumber = \(number)")
        try await run("DELETE FROM quote WHERE articleNumber = \(number)")
        try await run("DELETE FROM claim WHERE articleNumber = \(number)")
        try await run("DELETE FROM role WHERE articleNumber = \(number)")
        try await run("DELETE FROM entityLink WHERE articleNumber = \(number)")
        try await run("UPDATE article SET bylineVersion = \(article.bylineVersion), layout = \(article.record.layout) WHERE number = \(number)")
        return StoreReceipt(facts: try await writeFacts(of: article, number: number), replaced: 1)
    }

    /// Writes the facts of `article`, stored as number `number`: its entities joined to the
    /// stored ones, their roles, its quotes, figures and milestones. Returns the rows written.
    private mutating func writeFacts(of article: ArticleFacts, number: Int64) async throws -> Int {
        let version = article.bylineVersion
        var global: [String: Int64] = [:]
        // Organisations and people named in full first, short forms and single names last (as
        // on SQLite).
        let plan = EntityResolution.Plan(article.entities)
        var company: [Int64] = []
        func link(_ entity: ArticleFacts.EntityFacts, keys: [String], _ decision: EntityResolution.Decision) async throws {
            let id = try await record(entity, keys: keys, decision)
            global[entity.local] = id
            if EntityResolution.keepsCompany(entity) { company.append(id) }
            // Written at once, as on SQLite, so that the next entity's company test sees it.
            try await run("""
                INSERT INTO entityLink (articleNumber, localId, entityId, name, mentions, rank, reason, bylineVersion)
                VALUES (\(number), \(entity.local), \(id), \(entity.name), \(entity.mentions), \(entity.rank), \(decision.reason), \(version))
                """)
        }
        func decide(_ entity: ArticleFacts.EntityFacts, keys: [String]) async throws -> EntityResolution.Decision {
            try await self.decide(
                entity, keys: keys, company: company, namedInFull: plan.namedInFull,
                shortFormOf: plan.shortForms[entity.local].flatMap { longer in global[longer.local].map { (longer.name, $0) } })
        }
        var namesakes: [ArticleFacts.EntityFacts] = []
        for entity in plan.named {
            let keys = NameKey.mergeKeys(name: entity.name, aliases: entity.aliases, kind: EntityClass.of(entity.type))
            let decision = try await decide(entity, keys: keys)
            if decision.namesakeOf != nil {
                namesakes.append(entity)
            } else {
                try await link(entity, keys: keys, decision)
            }
        }
        for entity in namesakes + plan.rest {
            let keys = NameKey.mergeKeys(name: entity.name, aliases: entity.aliases, kind: EntityClass.of(entity.type))
            try await link(entity, keys: keys, try await decide(entity, keys: keys))
        }
        let roles = article.entities.flatMap { entity in entity.roles.map { (entity: entity, role: $0) } }
        try await run("""
            INSERT INTO role (articleNumber, entityId, localId, title, org, start, "end", rule, bylineVersion)
            SELECT \(number), r.entity, r.local, r.title, NULLIF(r.org, ''), r.start, r.stop, r.rule, \(version) FROM unnest(
                \(roles.map { global[$0.entity.local] ?? 0 })::int8[], \(roles.map(\.entity.local))::text[],
                \(roles.map(\.role.title))::text[], \(roles.map { $0.role.org ?? "" })::text[], \(roles.map(\.role.start))::int8[],
                \(roles.map(\.role.end))::int8[], \(roles.map(\.role.rule))::text[]) AS r(entity, local, title, org, start, stop, rule)
            """)
        let quotes = article.quotes
        try await run("""
            INSERT INTO quote (articleNumber, speakerId, speakerLocal, kind, start, "end", cue, confidence, rule, words, bylineVersion)
            SELECT \(number), NULLIF(q.speaker, 0), NULLIF(q.local, ''), q.kind, q.start, q.stop, NULLIF(q.cue, ''), q.confidence, q.rule,
                   to_tsvector('simple', q.text), \(version)
            FROM unnest(\(quotes.map { $0.speaker.flatMap { global[$0] } ?? 0 })::int8[], \(quotes.map { $0.speaker ?? "" })::text[],
                        \(quotes.map(\.kind))::text[], \(quotes.map(\.start))::int8[], \(quotes.map(\.end))::int8[],
                        \(quotes.map { $0.cue ?? "" })::text[], \(quotes.map(\.confidence))::float8[], \(quotes.map(\.rule))::text[],
                        \(quotes.map(\.text))::text[])
                 AS q(speaker, local, kind, start, stop, cue, confidence, rule, text)
            """)
        let claims = article.claims
        try await run("""
            INSERT INTO claim (articleNumber, value, unit, subject, speakerId, speakerLocal, time, start, "end",
                               sentenceStart, sentenceEnd, rule, bylineVersion)
            SELECT \(number), c.value, NULLIF(c.unit, ''), NULLIF(c.subject, ''), NULLIF(c.speaker, 0), NULLIF(c.local, ''),
                   NULLIF(c.time, ''), c.start, c.stop, c.sentenceStart, c.sentenceEnd, c.rule, \(version)
            FROM unnest(
                \(claims.map(\.value))::float8[], \(claims.map { $0.unit ?? "" })::text[], \(claims.map { $0.subject ?? "" })::text[],
                \(claims.map { $0.speaker.flatMap { global[$0] } ?? 0 })::int8[], \(claims.map { $0.speaker ?? "" })::text[],
                \(claims.map { $0.time ?? "" })::text[], \(claims.map(\.start))::int8[], \(claims.map(\.end))::int8[],
                \(claims.map(\.sentenceStart))::int8[], \(claims.map(\.sentenceEnd))::int8[], \(claims.map(\.rule))::text[])
                AS c(value, unit, subject, speaker, local, time, start, stop, sentenceStart, sentenceEnd, rule)
            """)
        for milestone in article.milestones {
            let rows = try await run("""
                INSERT INTO milestone (articleNumber, date, start, "end", rule, bylineVersion)
                VALUES (\(number), \(milestone.date), \(milestone.start), \(milestone.end), \(milestone.rule), \(version)) RETURNING id
                """).decode(Int64.self)
            var milestoneID: Int64 = 0
            for try await id in rows { milestoneID = id }
            let participants = milestone.participants.filter { global[$0] != nil }
            try await run("""
                INSERT INTO milestoneParticipant (milestoneId, localId, entityId)
                SELECT \(milestoneID), * FROM unnest(\(participants)::text[], \(participants.map { global[$0] ?? 0 })::int8[])
                ON CONFLICT DO NOTHING
                """)
        }
        try await judgeSurnamesAgain(ofPeopleIn: plan, global)
        return plan.ordered.count + roles.count + quotes.count + claims.count + article.milestones.count
    }

    /// Which stored entity an article's entity is, if any, and why.
    /// `shortFormOf` is the stored entity of a longer name of this article that the entity's name
    /// is a short form of (``EntityResolution/shortForms(_:)``).
    private func decide(
        _ entity: ArticleFacts.EntityFacts, keys: [String], company: [Int64], namedInFull: [String: Int], shortFormOf longer: (name: String, id: Int64)?
    ) async throws -> EntityResolution.Decision {
        switch EntityResolution.question(for: entity, keys: keys, company: company, namedInFull: namedInFull, shortFormOf: longer) {
        case .answered(let decision):
            return decision
        case .sharingKeys(let keys, let roles):
            let candidates = try await candidates(
                sharing: keys, kind: EntityClass.of(entity.type), type: entity.type, names: [entity.name] + entity.aliases, roles: roles,
                company: company)
            return EntityResolution.choose(for: roles, hasCompany: !company.isEmpty, among: candidates)
        case .surname(let surname, let namedInFull):
            return EntityResolution.chooseBySurname(
                hasCompany: true, namedInFull: namedInFull, among: try await surnameCandidates(surname, company: company))
        }
    }

    /// The stored entity of `decision`, created when it names none, with the entity's name forms
    /// added to it (those among its merge keys `keys` as merging).
    private func record(_ entity: ArticleFacts.EntityFacts, keys: [String], _ decision: EntityResolution.Decision) async throws -> Int64 {
        let kind = EntityClass.of(entity.type)
        var id: Int64 = 0
        if let chosen = decision.entity {
            id = chosen
        } else {
            let rows = try await run("INSERT INTO entity (class, type, name) VALUES (\(kind.rawValue), \(entity.type), \(entity.name)) RETURNING id")
            for try await new in rows.decode(Int64.self) { id = new }
        }
        let mergeKeys = Set(keys)
        let names = [entity.name] + entity.aliases
        let storedKeys = names.map { NameKey.stored($0, kind: kind) }
        let surnames = zip(names, storedKeys).map { mergeKeys.contains($1) && kind == .person ? NameKey.surname(ofFullName: $0) ?? "" : "" }
        let merges = storedKeys.map { mergeKeys.contains($0) ? 1 : 0 }
        try await run("""
            INSERT INTO entityName (entityId, name, key, merges, surname)
            SELECT \(id), n.name, n.key, n.merges, NULLIF(n.surname, '')
            FROM unnest(\(names)::text[], \(storedKeys)::text[], \(merges)::int4[], \(surnames)::text[])
                 AS n(name, key, merges, surname)
            ON CONFLICT DO NOTHING
            """)
        return id
    }

    /// Judges again the people stored by a surname alone, for every person of the article named
    /// in full whose article count has just passed a checkpoint
    /// (``EntityResolution/passesSurnameCheckpoint(from:to:)``), as on SQLite.
    private mutating func judgeSurnamesAgain(ofPeopleIn plan: EntityResolution.Plan, _ global: [String: Int64]) async throws {
        var surnames: [String] = []
        var seen = Set<Int64>()
        for entity in plan.named where entity.type == "PERSON" {
            guard let id = global[entity.local], seen.insert(id).inserted, let surname = NameKey.surname(ofFullName: entity.name) else {
                continue
            }
            // Counted once a batch, then one more for each article that names them.
            var articles = articleCounts[id].map { $0 + 1 } ?? 0
            if articleCounts[id] == nil {
                for try await count in try await run("SELECT count(*) FROM entityLink WHERE entityId = \(id)").decode(Int64.self) {
                    articles = Int(count)
                }
            }
            if EntityResolution.passesSurnameCheckpoint(from: articles - 1, to: articles) { surnames.append(surname) }
            articleCounts[id] = articles
        }
        for surname in Set(surnames).sorted() { try await judgeAgain(surname: surname) }
    }

    /// Moves every article mention stored as a person known only by `surname` to the person the
    /// surname rule now picks for it, as on SQLite.
    private func judgeAgain(surname: String) async throws {
        var alone: [(article: Int64, local: String, entity: Int64, name: String)] = []
        for try await row in try await run("""
            SELECT l.articleNumber, l.localId, l.entityId, l.name FROM entityName n
            JOIN entity e ON e.id = n.entityId AND e.class = 'person'
            JOIN entityLink l ON l.entityId = n.entityId
            WHERE n.key = \(surname) AND n.merges = 0
              AND NOT EXISTS (SELECT 1 FROM entityName f WHERE f.entityId = n.entityId AND f.merges = 1)
            """).decode((Int64, String, Int64, String).self) {
            alone.append(row)
        }
        for mention in alone {
            var links: [EntityResolution.StoredLink] = []
            for try await (entity, type, name) in try await run(
                "SELECT l.entityId, e.type, l.name FROM entityLink l JOIN entity e ON e.id = l.entityId WHERE l.articleNumber = \(mention.article)"
            ).decode((Int64, String, String).self) {
                links.append(EntityResolution.StoredLink(entity: entity, type: type, name: name))
            }
            let (company, namedInFull) = EntityResolution.storedCompany(links, surname: surname)
            let decision = EntityResolution.chooseBySurname(
                hasCompany: !company.isEmpty, namedInFull: namedInFull, among: try await surnameCandidates(surname, company: company))
            guard let chosen = decision.entity, chosen != mention.entity else { continue }
            try await PostgresStore.move(
                connection, article: mention.article, local: mention.local, to: chosen, reason: decision.reason + "; judged again")
            try await run("""
                INSERT INTO entityName (entityId, name, key, merges) VALUES (\(chosen), \(mention.name), \(surname), 0) ON CONFLICT DO NOTHING
                """)
            try await run("""
                INSERT INTO entityChange (kind, fromEntity, toEntity, nameForm, changedAt)
                VALUES ('merge', \(mention.entity), \(chosen), \(mention.name), \(storedAt))
                """)
        }
    }

    /// Stored entities of the same class that share a merge key, oldest first, with what the
    /// namesake test needs of them (read only when the new entity has roles).
    private func candidates(
        sharing keys: [String], kind: EntityClass, type: String, names: [String], roles: [(title: String, org: String?)],
        company: [Int64]
    ) async throws -> [EntityResolution.Candidate] {
        var order: [Int64] = []
        let rows = try await run("""
            SELECT e.id, e.type FROM entityName n JOIN entity e ON e.id = n.entityId
            WHERE n.key = ANY(\(keys)) AND n.merges = 1 AND e.class = \(kind.rawValue)
            GROUP BY e.id, e.type ORDER BY min(array_position(\(keys)::text[], n.key)), e.id
            """).decode((Int64, String).self)
        for try await (id, storedType) in rows where kind != .any || storedType == type {
            order.append(id)
        }
        if kind == .person {
            // A shorter form shared with a relative ("Ana Brandt") does not join two people
            // whose middle names differ.
            var kept: [Int64] = []
            for id in order {
                let stored = try await run("SELECT name FROM entityName WHERE entityId = \(id) AND merges = 1").decode(String.self)
                var forms: [String] = []
                for try await form in stored { forms.append(form) }
                if !EntityResolution.middleNamesDiffer(names, forms) { kept.append(id) }
            }
            order = kept
        }
        guard kind == .person, !roles.isEmpty else {
            return order.map { EntityResolution.Candidate(id: $0, roleTitles: [], roleOrgs: [], sharesCompany: false) }
        }
        var candidates: [EntityResolution.Candidate] = []
        for id in order {
            var titles = Set<String>()
            var orgs = Set<String>()
            for try await (title, org) in try await run("SELECT DISTINCT title, org FROM role WHERE entityId = \(id)").decode((String, String?).self) {
                titles.insert(NameKey.of(title))
                if let org { orgs.insert(NameKey.of(org)) }
            }
            let agree = roles.contains { titles.contains($0.title) || $0.org.map(orgs.contains) == true }
            let shares = !company.isEmpty && !agree && !(titles.isEmpty && orgs.isEmpty) ? try await sharesCompany(id, company) : false
            candidates.append(EntityResolution.Candidate(id: id, roleTitles: titles, roleOrgs: orgs, sharesCompany: shares))
        }
        return candidates
    }

    /// Stored people whose full name ends in `surname`, with their articles counted and whether
    /// they were named beside `company`.
    private func surnameCandidates(_ surname: String, company: [Int64]) async throws -> [EntityResolution.SurnameCandidate] {
        var ids: [Int64] = []
        for try await id in try await run("""
            SELECT DISTINCT n.entityId FROM entityName n JOIN entity e ON e.id = n.entityId
            WHERE n.surname = \(surname) AND e.class = 'person' LIMIT 20
            """).decode(Int64.self) {
            ids.append(id)
        }
        var candidates: [EntityResolution.SurnameCandidate] = []
        for id in ids {
            var articles = 0
            for try await count in try await run(
                "SELECT count(*) FROM (SELECT 1 FROM entityLink WHERE entityId = \(id) LIMIT \(EntityResolution.surnameCountCap)) AS capped"
            ).decode(Int64.self) {
                articles = Int(count)
            }
            let shares = articles >= EntityResolution.surnameMinimumArticles ? try await sharesCompany(id, company) : false
            candidates.append(EntityResolution.SurnameCandidate(id: id, articles: articles, sharesCompany: shares))
        }
        return candidates
    }

    /// Whether an article of entity `id` names one of `company`.
    private func sharesCompany(_ id: Int64, _ company: [Int64]) async throws -> Bool {
        var shares = false
        for try await found in try await run("""
            SELECT EXISTS (SELECT 1 FROM entityLink mine JOIN entityLink other ON other.articleNumber = mine.articleNumber
                           WHERE mine.entityId = \(id) AND other.entityId = ANY(\(company)))
            """).decode(Bool.self) {
            shares = found
        }
        return shares
    }

    /// Joins the article to the story of a near-duplicate stored before it, or starts a story.
    private func linkStory(_ number: Int64, signature: [UInt32]) async throws {
        let bands = MinHash.bands(of: signature)
        var story = number
        if !bands.isEmpty {
            let rows = try await run("""
                SELECT DISTINCT a.number, a.story, a.signature FROM storyBand b JOIN article a ON a.number = b.articleNumber
                WHERE b.hash = ANY(\(bands)) AND a.number != \(number)
                """).decode((Int64, Int64?, [Int64]).self)
            var best = MinHash.sameStory
            for try await (otherNumber, otherStory, other) in rows {
                let similarity = MinHash.similarity(signature, other.map { UInt32(truncatingIfNeeded: $0) })
                if similarity >= best {
                    best = similarity
                    story = otherStory ?? otherNumber
                }
            }
            try await run("INSERT INTO storyBand (hash, articleNumber) SELECT DISTINCT unnest(\(bands)::int8[]), \(number) ON CONFLICT DO NOTHING")
        }
        try await run("UPDATE article SET story = \(story) WHERE number = \(number)")
    }
}
#endif
