import Foundation
import GRDB

/// Writes one article and its facts inside the store's write transaction, joining its entities
/// to the stored ones.
struct SQLiteArticleWriter {
    let db: Database
    private let storedAt = ISO8601DateFormatter().string(from: Date())
    /// The `repeatedText` numbers of the strings written so far (rules, versions, reasons).
    private var repeatedTextIDs: [String: Int64] = [:]

    init(db: Database) {
        self.db = db
    }

    /// Writes `article` unless it is stored already.
    mutating func write(_ article: ArticleFacts) throws -> StoreReceipt {
        if try Int64.fetchOne(db, sql: "SELECT number FROM articleRow WHERE id = ?", arguments: [article.id]) != nil {
            return StoreReceipt(present: 1)
        }
        let version = article.bylineVersion
        let versionID = try textID(version)
        let signature = article.signature.withUnsafeBytes { Data($0) }
        try db.cachedStatement(sql: """
            INSERT INTO articleRow (id, uri, format, title, publisher, authors, published, day, language, url, body,
                                    bylineVersion, storedAt, signature)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [
                article.id, article.uri, article.format, article.title, article.publisher,
                article.authors.joined(separator: "; "), article.published, article.published.map { String($0.prefix(10)) },
                article.language, article.url, Data(CompressedText.compress(article.text)), version, storedAt, signature,
            ])
        let number = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO articleSearch (rowid, title, text) VALUES (?, ?, ?)")
            .execute(arguments: [number, article.title, article.text])
        if article.hasCJK {
            try db.cachedStatement(sql: "INSERT INTO articleSearchCJK (rowid, title, text) VALUES (?, ?, ?)")
                .execute(arguments: [number, article.title, article.text])
        }
        try linkStory(number, signature: article.signature)

        var facts = 0
        var global: [String: Int64] = [:]
        // Organisations first, so that a person's namesake test can see this article's, and
        // people known by one name last, so that theirs sees everyone; the company an entity
        // keeps is the organisations and the people with a full name.
        let plan = EntityResolution.Plan(article.entities)
        var company: [Int64] = []
        for entity in plan.ordered {
            let id = try resolve(
                entity, company: company, namedInFull: plan.namedInFull,
                shortFormOf: plan.shortForms[entity.local].flatMap { longer in global[longer.local].map { (longer.name, $0) } })
            let reasonID = try textID(id.reason)
            global[entity.local] = id.entity
            if EntityResolution.keepsCompany(entity) { company.append(id.entity) }
            try db.cachedStatement(sql: """
                INSERT INTO entityLinkRow (entityId, articleNumber, localId, name, mentions, rank, reasonId, versionId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [id.entity, number, entity.local, entity.name, entity.mentions, entity.rank, reasonID, versionID])
            facts += 1
            for role in entity.roles {
                try db.cachedStatement(sql: """
                    INSERT INTO roleRow (articleNumber, entityId, localId, title, org, start, end, ruleId, versionId)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(arguments: [
                        number, id.entity, entity.local, role.title, role.org, role.start, role.end, try textID(role.rule), versionID,
                    ])
                facts += 1
            }
        }
        for quote in article.quotes {
            try db.cachedStatement(sql: """
                INSERT INTO quoteRow (articleNumber, speakerId, speakerLocal, kind, start, end, cue, confidence, ruleId, versionId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    number, quote.speaker.flatMap { global[$0] }, quote.speaker, quote.kind, quote.start, quote.end,
                    quote.cue, quote.confidence, try textID(quote.rule), versionID,
                ])
            try db.cachedStatement(sql: "INSERT INTO quoteSearch (rowid, text) VALUES (?, ?)")
                .execute(arguments: [db.lastInsertedRowID, quote.text])
            facts += 1
        }
        for claim in article.claims {
            try db.cachedStatement(sql: """
                INSERT INTO claimRow (articleNumber, value, unit, subject, speakerId, speakerLocal, time, start, end,
                                      sentenceStart, sentenceEnd, ruleId, versionId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [
                    number, claim.value, claim.unit, claim.subject, claim.speaker.flatMap { global[$0] }, claim.speaker,
                    claim.time, claim.start, claim.end, claim.sentenceStart, claim.sentenceEnd, try textID(claim.rule), versionID,
                ])
            facts += 1
        }
        for milestone in article.milestones {
            try db.cachedStatement(sql: "INSERT INTO milestoneRow (articleNumber, date, start, end, ruleId, versionId) VALUES (?, ?, ?, ?, ?, ?)")
                .execute(arguments: [number, milestone.date, milestone.start, milestone.end, try textID(milestone.rule), versionID])
            let milestoneID = db.lastInsertedRowID
            for local in milestone.participants {
                guard let entity = global[local] else { continue }
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO milestoneParticipant (milestoneId, entityId, localId) VALUES (?, ?, ?)")
                    .execute(arguments: [milestoneID, entity, local])
            }
            facts += 1
        }
        return StoreReceipt(added: 1, facts: facts)
    }

    /// The number of a rule name, version or reason in `repeatedText`.
    private mutating func textID(_ text: String) throws -> Int64 {
        if let id = repeatedTextIDs[text] { return id }
        let id = try SQLiteSchema.repeatedTextID(db, text)
        repeatedTextIDs[text] = id
        return id
    }

    /// The stored entity an article's entity is, created when none is.
    /// `shortFormOf` is the stored entity of a longer name of this article that the entity's name
    /// is a short form of (``EntityResolution/shortForms(_:)``).
    private func resolve(
        _ entity: ArticleFacts.EntityFacts, company: [Int64], namedInFull: [String: Int], shortFormOf longer: (name: String, id: Int64)?
    ) throws -> (entity: Int64, reason: String) {
        let kind = EntityClass.of(entity.type)
        let keys = NameKey.mergeKeys(name: entity.name, aliases: entity.aliases, kind: kind)
        var decision = EntityResolution.Decision(entity: nil, reason: "single name: never merged")
        if let longer {
            decision = EntityResolution.Decision(entity: longer.id, reason: "short form of '\(longer.name)' in this article")
        } else if !keys.isEmpty {
            let roles = entity.roles.map { (title: NameKey.of($0.title), org: $0.org.map(NameKey.of)) }
            let candidates = try candidates(
                sharing: keys, kind: kind, type: entity.type, names: [entity.name] + entity.aliases, roles: roles, company: company)
            decision = EntityResolution.choose(for: roles, hasCompany: !company.isEmpty, among: candidates)
        } else if kind == .person, !company.isEmpty {
            let surname = NameKey.person(entity.name)
            decision = EntityResolution.chooseBySurname(
                hasCompany: true, namedInFull: namedInFull[surname] ?? 0, among: try surnameCandidates(surname, company: company))
        }
        let id: Int64
        if let chosen = decision.entity {
            id = chosen
        } else {
            try db.cachedStatement(sql: "INSERT INTO entity (class, type, name) VALUES (?, ?, ?)")
                .execute(arguments: [kind.rawValue, entity.type, entity.name])
            id = db.lastInsertedRowID
        }
        let mergeKeys = Set(keys)
        for name in [entity.name] + entity.aliases {
            let key = NameKey.stored(name, kind: kind)
            let merges = mergeKeys.contains(key)
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO entityName (entityId, name, key, merges, surname) VALUES (?, ?, ?, ?, ?)")
                .execute(arguments: [id, name, key, merges, merges && kind == .person ? NameKey.surname(ofFullName: name) : nil])
        }
        return (id, decision.reason)
    }

    /// Stored entities of the same class that share a merge key, oldest first.
    ///
    /// What the namesake test needs of a candidate (its roles, the company it keeps) is read only
    /// when the new entity has roles, and the company only when no role agrees.
    private func candidates(
        sharing keys: [String], kind: EntityClass, type: String, names: [String], roles: [(title: String, org: String?)],
        company: [Int64]
    ) throws
        -> [EntityResolution.Candidate]
    {
        var found = Set<Int64>()
        var order: [Int64] = []
        for key in keys {
            let rows = try Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT e.id, e.type FROM entityName n JOIN entity e ON e.id = n.entityId
                    WHERE n.key = ? AND n.merges = 1 AND e.class = ? ORDER BY e.id
                    """), arguments: [key, kind.rawValue])
            for row in rows {
                let id: Int64 = row[0]
                let storedType: String = row[1]
                guard kind != .any || storedType == type, found.insert(id).inserted else { continue }
                order.append(id)
            }
        }
        if kind == .person {
            // A shorter form shared with a relative ("Ana Brandt") does not join two people
            // whose middle names differ.
            order = try order.filter { id in
                let stored = try String.fetchAll(
                    db.cachedStatement(sql: "SELECT name FROM entityName WHERE entityId = ? AND merges = 1"), arguments: [id])
                return !EntityResolution.middleNamesDiffer(names, stored)
            }
        }
        guard kind == .person, !roles.isEmpty else {
            return order.map { EntityResolution.Candidate(id: $0, roleTitles: [], roleOrgs: [], sharesCompany: false) }
        }
        return try order.map { id in
            var titles = Set<String>()
            var orgs = Set<String>()
            for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT title, org FROM role WHERE entityId = ?"), arguments: [id]) {
                titles.insert(NameKey.of(row[0] as String))
                if let org = row[1] as String? { orgs.insert(NameKey.of(org)) }
            }
            let agree = roles.contains { titles.contains($0.title) || $0.org.map(orgs.contains) == true }
            let shares = !company.isEmpty && !agree && !(titles.isEmpty && orgs.isEmpty) ? try sharesCompany(id, company) : false
            return EntityResolution.Candidate(id: id, roleTitles: titles, roleOrgs: orgs, sharesCompany: shares)
        }
    }

    /// Stored people whose full name ends in `surname`, with their articles counted and whether
    /// they were named beside `company`.
    private func surnameCandidates(_ surname: String, company: [Int64]) throws -> [EntityResolution.SurnameCandidate] {
        let ids = try Int64.fetchAll(
            db.cachedStatement(sql: """
                SELECT DISTINCT n.entityId FROM entityName n JOIN entity e ON e.id = n.entityId
                WHERE n.surname = ? AND e.class = 'person' LIMIT 20
                """), arguments: [surname])
        return try ids.map { id in
            let articles = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT count(*) FROM (SELECT 1 FROM entityLink WHERE entityId = ? LIMIT ?)"),
                arguments: [id, EntityResolution.surnameCountCap]) ?? 0
            let shares = articles >= EntityResolution.surnameMinimumArticles ? try sharesCompany(id, company) : false
            return EntityResolution.SurnameCandidate(id: id, articles: articles, sharesCompany: shares)
        }
    }

    /// Whether an article of entity `id` names one of `company`.
    private func sharesCompany(_ id: Int64, _ company: [Int64]) throws -> Bool {
        let marks = Array(repeating: "?", count: company.count).joined(separator: ",")
        return try Bool.fetchOne(db, sql: """
            SELECT EXISTS (SELECT 1 FROM entityLink mine JOIN entityLink other ON other.articleNumber = mine.articleNumber
                           WHERE mine.entityId = ? AND other.entityId IN (\(marks)))
            """, arguments: StatementArguments([id] + company)) ?? false
    }

    /// Joins the article to the story of a near-duplicate stored before it, or starts a story.
    private func linkStory(_ number: Int64, signature: [UInt32]) throws {
        let bands = MinHash.bands(of: signature)
        var story = number
        if !bands.isEmpty {
            let marks = Array(repeating: "?", count: bands.count).joined(separator: ",")
            let rows = try Row.fetchAll(db, sql: """
                SELECT DISTINCT a.number, a.story, a.signature FROM storyBand b JOIN articleRow a ON a.number = b.articleNumber
                WHERE b.hash IN (\(marks)) AND a.number != ?
                """, arguments: StatementArguments(bands + [number]))
            var best = MinHash.sameStory
            for row in rows {
                let data: Data = row[2]
                let other = data.withUnsafeBytes { Array($0.bindMemory(to: UInt32.self)) }
                let similarity = MinHash.similarity(signature, other)
                if similarity >= best {
                    best = similarity
                    let otherStory: Int64? = row[1]
                    let otherNumber: Int64 = row[0]
                    story = otherStory ?? otherNumber
                }
            }
            for hash in bands {
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO storyBand (hash, articleNumber) VALUES (?, ?)").execute(arguments: [hash, number])
            }
        }
        try db.cachedStatement(sql: "UPDATE articleRow SET story = ? WHERE number = ?").execute(arguments: [story, number])
    }
}
