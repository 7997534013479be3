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

    init(connection: PostgresConnection) {
        self.connection = connection
    }

    @discardableResult
    private func run(_ query: PostgresQuery) async throws -> PostgresRowSequence {
        try await connection.query(query, logger: PostgresStore.quiet)
    }

    /// Writes `article` unless it is stored already.
    mutating func write(_ article: ArticleFacts) async throws -> StoreReceipt {
        let version = article.bylineVersion
        let signature = article.signature.map { Int64($0) }
        let day = article.published.map { String($0.prefix(10)) }
        let authors = article.authors.joined(separator: "; ")
        // `ON CONFLICT DO NOTHING` returns no row when another writer stored the article first.
        let inserted = try await run("""
            INSERT INTO article (id, uri, format, title, publisher, authors, published, day, language, url, text,
                                 bylineVersion, storedAt, signature, cjk, words)
            VALUES (\(article.id), \(article.uri), \(article.format), \(article.title), \(article.publisher), \(authors),
                    \(article.published), \(day), \(article.language), \(article.url), \(article.text), \(version), \(storedAt),
                    \(signature), \(article.hasCJK), to_tsvector('simple', coalesce(\(article.title), '') || ' ' || \(article.text)))
            ON CONFLICT (id) DO NOTHING RETURNING number
            """).decode(Int64.self)
        var number: Int64?
        for try await value in inserted { number = value }
        guard let number else { return StoreReceipt(present: 1) }
        try await linkStory(number, signature: article.signature)

        var global: [String: Int64] = [:]
        // Organisations first, people known by one name last (as on SQLite).
        let plan = EntityResolution.Plan(article.entities)
        var company: [Int64] = []
        for entity in plan.ordered {
            let id = try await resolve(
                entity, company: company, namedInFull: plan.namedInFull,
                shortFormOf: plan.shortForms[entity.local].flatMap { longer in global[longer.local].map { (longer.name, $0) } })
            global[entity.local] = id.entity
            if EntityResolution.keepsCompany(entity) { company.append(id.entity) }
            // Written at once, as on SQLite, so that the next entity's company test sees it.
            try await run("""
                INSERT INTO entityLink (articleNumber, localId, entityId, name, mentions, rank, reason, bylineVersion)
                VALUES (\(number), \(entity.local), \(id.entity), \(entity.name), \(entity.mentions), \(entity.rank), \(id.reason), \(version))
                """)
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
        let facts = plan.ordered.count + roles.count + quotes.count + claims.count + article.milestones.count
        return StoreReceipt(added: 1, facts: facts)
    }

    /// The stored entity an article's entity is, created when none is.
    /// `shortFormOf` is the stored entity of a longer name of this article that the entity's name
    /// is a short form of (``EntityResolution/shortForms(_:)``).
    private func resolve(
        _ entity: ArticleFacts.EntityFacts, company: [Int64], namedInFull: [String: Int], shortFormOf longer: (name: String, id: Int64)?
    ) async throws -> (entity: Int64, reason: String) {
        let kind = EntityClass.of(entity.type)
        let keys = NameKey.mergeKeys(name: entity.name, aliases: entity.aliases, kind: kind)
        var decision = EntityResolution.Decision(entity: nil, reason: "single name: never merged")
        if let longer {
            decision = EntityResolution.Decision(entity: longer.id, reason: "short form of '\(longer.name)' in this article")
        } else if !keys.isEmpty {
            let roles = entity.roles.map { (title: NameKey.of($0.title), org: $0.org.map(NameKey.of)) }
            let candidates = try await candidates(
                sharing: keys, kind: kind, type: entity.type, names: [entity.name] + entity.aliases, roles: roles, company: company)
            decision = EntityResolution.choose(for: roles, hasCompany: !company.isEmpty, among: candidates)
        } else if kind == .person, !company.isEmpty {
            let surname = NameKey.person(entity.name)
            decision = EntityResolution.chooseBySurname(
                hasCompany: true, namedInFull: namedInFull[surname] ?? 0, among: try await surnameCandidates(surname, company: company))
        }
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
        return (id, decision.reason)
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
