import Foundation
import GRDB

/// A name form of a stored entity.
private struct NameForm: Hashable {
    var entity: Int64
    var name: String
}

/// Writes one article and its facts inside the store's write transaction, joining its entities
/// to the stored ones.
struct SQLiteArticleWriter {
    let db: Database
    private let storedAt = ISO8601DateFormatter().string(from: Date())
    /// What the writer has read and written, kept by the store from one transaction to the next.
    var memory: Memory

    /// What a writer knows of the stored rows from reading and writing them, so that an entity
    /// named in many articles is looked up once; every row the writer writes keeps it exact, and
    /// it holds while no other connection writes (``SQLiteStore`` checks `PRAGMA data_version`).
    struct Memory: Sendable {
        /// The `repeatedText` numbers of the strings written so far (rules, versions, reasons).
        fileprivate var repeatedTextIDs: [String: Int64] = [:]
        /// The name forms written (or found present).
        fileprivate var namesWritten = Set<NameForm>()
        /// The entities of each class that a merge key names (``candidates(sharing:kind:type:names:roles:company:)``).
        fileprivate var entitiesByKey: [String: [String: [(id: Int64, type: String)]]] = [:]
        /// The merging name forms of each entity read.
        fileprivate var mergingNames: [Int64: [String]] = [:]
        /// The role keys of the entities that ``roleKeys(of:)`` has read.
        fileprivate var roleKeysByEntity: [Int64: (titles: Set<String>, orgs: Set<String>)] = [:]
        /// The article counts of the people named in full that this writer has counted.
        fileprivate var articleCounts: [Int64: Int] = [:]

        /// Whether it has grown past what is worth keeping (it then starts again empty).
        var isFull: Bool {
            namesWritten.count + entitiesByKey.count + mergingNames.count + roleKeysByEntity.count > 500_000
        }
    }

    init(db: Database, memory: Memory = Memory()) {
        self.db = db
        self.memory = memory
    }

    /// Writes `article` unless it is stored already.
    mutating func write(_ article: ArticleFacts) throws -> StoreReceipt {
        let record = article.record
        if try Int64.fetchOne(db.cachedStatement(sql: "SELECT number FROM articleRow WHERE id = ?"), arguments: [record.id]) != nil {
            return StoreReceipt(present: 1)
        }
        let signature = article.signature.withUnsafeBytes { Data($0) }
        try db.cachedStatement(sql: """
            INSERT INTO articleRow (id, uri, format, title, publisher, authors, published, day, language, url, body,
                                    bylineVersion, storedAt, signature, layout)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run(
                record.id, record.uri, record.format, record.title, record.publisher,
                record.authorsColumn, record.published, record.published.map { String($0.prefix(10)) },
                record.language, record.url, Data(CompressedText.compress(record.text)), article.bylineVersion, storedAt, signature,
                record.layout)
        let number = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO articleSearch (rowid, title, text) VALUES (?, ?, ?)").run(number, record.title, record.text)
        if article.hasCJK {
            try db.cachedStatement(sql: "INSERT INTO articleSearchCJK (rowid, title, text) VALUES (?, ?, ?)").run(number, record.title, record.text)
        }
        try linkStory(number, signature: article.signature)
        return StoreReceipt(added: 1, facts: try writeFacts(of: article, number: number))
    }

    /// Replaces the facts of the stored article with `article`'s id by `article`'s, and records
    /// the version that produced them; an article not stored is left out.
    mutating func replaceFacts(_ article: ArticleFacts) throws -> StoreReceipt {
        guard let number = try Int64.fetchOne(db.cachedStatement(sql: "SELECT number FROM articleRow WHERE id = ?"), arguments: [article.record.id]) else {
            return StoreReceipt()
        }
        // What the writer has read of the article's entities counted the links about to go.
        for id in try Int64.fetchAll(db.cachedStatement(sql: "SELECT entityId FROM entityLinkRow WHERE articleNumber = ?"), arguments: [number]) {
            memory.roleKeysByEntity[id] = nil
            memory.articleCounts[id] = nil
        }
        // The quote index keeps no text of its own: a row leaves it given the text it was added with.
        let scalars = Array(article.record.text.unicodeScalars)
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT id, start, end FROM quoteRow WHERE articleNumber = ?"), arguments: [number]) {
            let start = min(max(row[1] as Int, 0), scalars.count)
            let end = min(max(row[2] as Int, start), scalars.count)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: scalars[start..<end])
            try db.cachedStatement(sql: "INSERT INTO quoteSearch (quoteSearch, rowid, text) VALUES ('delete', ?, ?)")
                .execute(arguments: [row[0] as Int64, String(text)])
        }
        for table in ["milestoneRow", "quoteRow", "claimRow", "roleRow", "entityLinkRow"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE articleNumber = ?").execute(arguments: [number])
        }
        try db.cachedStatement(sql: "UPDATE articleRow SET bylineVersion = ?, layout = ? WHERE number = ?")
            .execute(arguments: [article.bylineVersion, article.record.layout, number])
        return StoreReceipt(facts: try writeFacts(of: article, number: number), replaced: 1)
    }

    /// Writes the facts of `article`, stored as number `number`: its entities joined to the
    /// stored ones, their roles, its quotes, figures and milestones. Returns the rows written.
    private mutating func writeFacts(of article: ArticleFacts, number: Int64) throws -> Int {
        let versionID = try textID(article.bylineVersion)
        var facts = 0
        var global: [String: Int64] = [:]
        // Organisations and people named in full first, so that a person's namesake test can see
        // them all, and short forms and people known by one name last, so that theirs sees
        // everyone; the company an entity keeps is the organisations and the people with a full
        // name (``EntityResolution/Plan``).
        let plan = EntityResolution.Plan(article.entities)
        var company: [Int64] = []
        func link(_ entity: ArticleFacts.EntityFacts, keys: [String], _ decision: EntityResolution.Decision) throws {
            let id = try record(entity, keys: keys, decision)
            global[entity.local] = id
            if EntityResolution.keepsCompany(entity) { company.append(id) }
            try db.cachedStatement(sql: """
                INSERT INTO entityLinkRow (entityId, articleNumber, localId, name, mentions, rank, reasonId, versionId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).run(id, number, entity.local, entity.name, entity.mentions, entity.rank, try textID(decision.reason), versionID)
            facts += 1
            for role in entity.roles {
                try db.cachedStatement(sql: """
                    INSERT INTO roleRow (articleNumber, entityId, localId, title, org, start, end, ruleId, versionId)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).run(number, id, entity.local, role.title, role.org, role.start, role.end, try textID(role.rule), versionID)
                facts += 1
            }
            addRoleKeys(entity.roles, to: id)
        }
        func decide(_ entity: ArticleFacts.EntityFacts, keys: [String]) throws -> EntityResolution.Decision {
            try self.decide(
                entity, keys: keys, company: company, namedInFull: plan.namedInFull,
                shortFormOf: plan.shortForms[entity.local].flatMap { longer in global[longer.local].map { (longer.name, $0) } })
        }
        var namesakes: [ArticleFacts.EntityFacts] = []
        for entity in plan.named {
            let keys = NameKey.mergeKeys(name: entity.name, aliases: entity.aliases, kind: EntityClass.of(entity.type))
            let decision = try decide(entity, keys: keys)
            if decision.namesakeOf != nil {
                namesakes.append(entity)
            } else {
                try link(entity, keys: keys, decision)
            }
        }
        for entity in namesakes + plan.rest {
            let keys = NameKey.mergeKeys(name: entity.name, aliases: entity.aliases, kind: EntityClass.of(entity.type))
            try link(entity, keys: keys, try decide(entity, keys: keys))
        }
        for quote in article.quotes {
            try db.cachedStatement(sql: """
                INSERT INTO quoteRow (articleNumber, speakerId, speakerLocal, kind, start, end, cue, confidence, ruleId, versionId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run(
                    number, quote.speaker.flatMap { global[$0] }, quote.speaker, quote.kind, quote.start, quote.end,
                    quote.cue, quote.confidence, try textID(quote.rule), versionID)
            try db.cachedStatement(sql: "INSERT INTO quoteSearch (rowid, text) VALUES (?, ?)").run(db.lastInsertedRowID, quote.text)
            facts += 1
        }
        for claim in article.claims {
            try db.cachedStatement(sql: """
                INSERT INTO claimRow (articleNumber, value, unit, subject, speakerId, speakerLocal, time, start, end,
                                      sentenceStart, sentenceEnd, ruleId, versionId)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run(
                    number, claim.value, claim.unit, claim.subject, claim.speaker.flatMap { global[$0] }, claim.speaker,
                    claim.time, claim.start, claim.end, claim.sentenceStart, claim.sentenceEnd, try textID(claim.rule), versionID)
            facts += 1
        }
        for milestone in article.milestones {
            try db.cachedStatement(sql: "INSERT INTO milestoneRow (articleNumber, date, start, end, ruleId, versionId) VALUES (?, ?, ?, ?, ?, ?)")
                .run(number, milestone.date, milestone.start, milestone.end, try textID(milestone.rule), versionID)
            let milestoneID = db.lastInsertedRowID
            for local in milestone.participants {
                guard let entity = global[local] else { continue }
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO milestoneParticipant (milestoneId, entityId, localId) VALUES (?, ?, ?)")
                    .run(milestoneID, entity, local)
            }
            facts += 1
        }
        try judgeSurnamesAgain(ofPeopleIn: plan, global)
        return facts
    }

    /// The number of a rule name, version or reason in `repeatedText`.
    private mutating func textID(_ text: String) throws -> Int64 {
        if let id = memory.repeatedTextIDs[text] { return id }
        let id = try SQLiteSchema.repeatedTextID(db, text)
        memory.repeatedTextIDs[text] = id
        return id
    }

    /// Which stored entity an article's entity is, if any, and why.
    /// `shortFormOf` is the stored entity of a longer name of this article that the entity's name
    /// is a short form of (``EntityResolution/shortForms(_:)``).
    private mutating func decide(
        _ entity: ArticleFacts.EntityFacts, keys: [String], company: [Int64], namedInFull: [String: Int], shortFormOf longer: (name: String, id: Int64)?
    ) throws -> EntityResolution.Decision {
        switch EntityResolution.question(for: entity, keys: keys, company: company, namedInFull: namedInFull, shortFormOf: longer) {
        case .answered(let decision):
            return decision
        case .sharingKeys(let keys, let roles):
            let candidates = try candidates(
                sharing: keys, kind: EntityClass.of(entity.type), type: entity.type, names: [entity.name] + entity.aliases, roles: roles,
                company: company)
            return EntityResolution.choose(for: roles, hasCompany: !company.isEmpty, among: candidates)
        case .surname(let surname, let namedInFull):
            return EntityResolution.chooseBySurname(
                hasCompany: true, namedInFull: namedInFull, among: try surnameCandidates(surname, company: company))
        }
    }

    /// The stored entity of `decision`, created when it names none, with the entity's name forms
    /// added to it (those among its merge keys `keys` as merging).
    private mutating func record(_ entity: ArticleFacts.EntityFacts, keys: [String], _ decision: EntityResolution.Decision) throws -> Int64 {
        let kind = EntityClass.of(entity.type)
        let id: Int64
        if let chosen = decision.entity {
            id = chosen
        } else {
            try db.cachedStatement(sql: "INSERT INTO entity (class, type, name) VALUES (?, ?, ?)").run(kind.rawValue, entity.type, entity.name)
            id = db.lastInsertedRowID
        }
        let mergeKeys = Set(keys)
        for name in [entity.name] + entity.aliases where memory.namesWritten.insert(NameForm(entity: id, name: name)).inserted {
            let key = NameKey.stored(name, kind: kind)
            let merges = mergeKeys.contains(key)
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO entityName (entityId, name, key, merges, surname) VALUES (?, ?, ?, ?, ?)")
                .run(id, name, key, merges, merges && kind == .person ? NameKey.surname(ofFullName: name) : nil)
            if merges {
                memory.entitiesByKey[key] = nil
                memory.mergingNames[id] = nil
            }
        }
        return id
    }

    /// Judges again the people stored by a surname alone, for every person of the article named
    /// in full whose article count has just reached a checkpoint
    /// (``EntityResolution/passesSurnameCheckpoint(from:to:)``).
    private mutating func judgeSurnamesAgain(ofPeopleIn plan: EntityResolution.Plan, _ global: [String: Int64]) throws {
        var surnames: [String] = []
        var seen = Set<Int64>()
        for entity in plan.named where entity.type == "PERSON" {
            guard let id = global[entity.local], seen.insert(id).inserted, let surname = NameKey.surname(ofFullName: entity.name) else {
                continue
            }
            // Counted once, then one more for each article that names them.
            let articles = try memory.articleCounts[id].map { $0 + 1 }
                ?? Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM entityLinkRow WHERE entityId = ?"), arguments: [id]) ?? 0
            if EntityResolution.passesSurnameCheckpoint(from: articles - 1, to: articles) { surnames.append(surname) }
            memory.articleCounts[id] = articles
        }
        for surname in Set(surnames).sorted() { try judgeAgain(surname: surname) }
    }

    /// Moves every article mention stored as a person known only by `surname` to the person the
    /// surname rule now picks for it (``EntityResolution/chooseBySurname(hasCompany:namedInFull:among:)``).
    private mutating func judgeAgain(surname: String) throws {
        let alone = try Row.fetchAll(
            db.cachedStatement(sql: """
                SELECT l.articleNumber, l.localId, l.entityId, l.name FROM entityName n
                JOIN entity e ON e.id = n.entityId AND e.class = 'person'
                JOIN entityLinkRow l ON l.entityId = n.entityId
                WHERE n.key = ? AND n.merges = 0
                  AND NOT EXISTS (SELECT 1 FROM entityName f WHERE f.entityId = n.entityId AND f.merges = 1)
                """), arguments: [surname])
        for row in alone {
            let article: Int64 = row["articleNumber"]
            let entity: Int64 = row["entityId"]
            let name: String = row["name"]
            let links = try Row.fetchAll(
                db.cachedStatement(sql: "SELECT l.entityId, e.type, l.name FROM entityLinkRow l JOIN entity e ON e.id = l.entityId WHERE l.articleNumber = ?"),
                arguments: [article]
            ).map { EntityResolution.StoredLink(entity: $0[0], type: $0[1], name: $0[2]) }
            let (company, namedInFull) = EntityResolution.storedCompany(links, surname: surname)
            let decision = EntityResolution.chooseBySurname(
                hasCompany: !company.isEmpty, namedInFull: namedInFull, among: try surnameCandidates(surname, company: company))
            guard let chosen = decision.entity, chosen != entity else { continue }
            try Self.move(db, article: article, local: row["localId"], to: chosen, reason: try textID(decision.reason + "; judged again"))
            try db.cachedStatement(sql: "INSERT OR IGNORE INTO entityName (entityId, name, key, merges, surname) VALUES (?, ?, ?, 0, NULL)")
                .execute(arguments: [chosen, name, surname])
            try db.cachedStatement(sql: "INSERT INTO entityChange (kind, fromEntity, toEntity, nameForm, changedAt) VALUES ('merge', ?, ?, ?, ?)")
                .execute(arguments: [entity, chosen, name, storedAt])
            memory.roleKeysByEntity[chosen] = nil
        }
    }

    /// Moves an article's mention of an entity, with its roles, quotes, figures and milestones,
    /// to the stored entity `target`, the move's reason `reason` (a `repeatedText` number).
    static func move(_ db: Database, article: Int64, local: String, to target: Int64, reason: Int64) throws {
        let place: StatementArguments = [target, article, local]
        try db.cachedStatement(sql: "UPDATE entityLinkRow SET entityId = ?, reasonId = ? WHERE articleNumber = ? AND localId = ?")
            .execute(arguments: [target, reason, article, local])
        try db.cachedStatement(sql: "UPDATE roleRow SET entityId = ? WHERE articleNumber = ? AND localId = ?").execute(arguments: place)
        try db.cachedStatement(sql: "UPDATE quoteRow SET speakerId = ? WHERE articleNumber = ? AND speakerLocal = ?").execute(arguments: place)
        try db.cachedStatement(sql: "UPDATE claimRow SET speakerId = ? WHERE articleNumber = ? AND speakerLocal = ?").execute(arguments: place)
        try db.cachedStatement(sql: """
            UPDATE milestoneParticipant SET entityId = ? WHERE localId = ?
            AND milestoneId IN (SELECT id FROM milestoneRow WHERE articleNumber = ?)
            """).execute(arguments: [target, local, article])
    }

    /// Stored entities of the same class that share a merge key, oldest first.
    ///
    /// What the namesake test needs of a candidate (its roles, the company it keeps) is read only
    /// when the new entity has roles, and the company only when no role agrees.
    private mutating func candidates(
        sharing keys: [String], kind: EntityClass, type: String, names: [String], roles: [(title: String, org: String?)],
        company: [Int64]
    ) throws
        -> [EntityResolution.Candidate]
    {
        var found = Set<Int64>()
        var order: [Int64] = []
        for key in keys {
            let entities = try memory.entitiesByKey[key]?[kind.rawValue] ?? Row.fetchAll(
                db.cachedStatement(sql: """
                    SELECT e.id, e.type FROM entityName n JOIN entity e ON e.id = n.entityId
                    WHERE n.key = ? AND n.merges = 1 AND e.class = ? ORDER BY e.id
                    """), arguments: [key, kind.rawValue]
            ).map { (id: $0[0] as Int64, type: $0[1] as String) }
            memory.entitiesByKey[key, default: [:]][kind.rawValue] = entities
            for (id, storedType) in entities {
                guard kind != .any || storedType == type, found.insert(id).inserted else { continue }
                order.append(id)
            }
        }
        if kind == .person {
            // A shorter form shared with a relative ("Ana Brandt") does not join two people
            // whose middle names differ.
            var kept: [Int64] = []
            for id in order {
                let stored = try memory.mergingNames[id] ?? String.fetchAll(
                    db.cachedStatement(sql: "SELECT name FROM entityName WHERE entityId = ? AND merges = 1"), arguments: [id])
                memory.mergingNames[id] = stored
                if !EntityResolution.middleNamesDiffer(names, stored) { kept.append(id) }
            }
            order = kept
        }
        guard kind == .person, !roles.isEmpty else {
            return order.map { EntityResolution.Candidate(id: $0, roleTitles: [], roleOrgs: [], sharesCompany: false) }
        }
        return try order.map { id in
            let (titles, orgs) = try roleKeys(of: id)
            let agree = roles.contains { titles.contains($0.title) || $0.org.map(orgs.contains) == true }
            let shares = !company.isEmpty && !agree && !(titles.isEmpty && orgs.isEmpty) ? try sharesCompany(id, company) : false
            return EntityResolution.Candidate(id: id, roleTitles: titles, roleOrgs: orgs, sharesCompany: shares)
        }
    }

    /// The keys of the role titles and organisations stored for entity `id`, read once and kept
    /// up to date as the writer adds roles (``addRoleKeys(_:to:)``): a well-known person
    /// has hundreds of role rows, which every article naming them would read again.
    private mutating func roleKeys(of id: Int64) throws -> (titles: Set<String>, orgs: Set<String>) {
        if let known = memory.roleKeysByEntity[id] { return known }
        var keys = (titles: Set<String>(), orgs: Set<String>())
        for row in try Row.fetchAll(db.cachedStatement(sql: "SELECT DISTINCT title, org FROM roleRow WHERE entityId = ?"), arguments: [id]) {
            keys.titles.insert(NameKey.of(row[0] as String))
            if let org = row[1] as String? { keys.orgs.insert(NameKey.of(org)) }
        }
        memory.roleKeysByEntity[id] = keys
        return keys
    }

    /// Adds an article's `roles` of entity `id` to what ``roleKeys(of:)`` has read of it.
    private mutating func addRoleKeys(_ roles: [ArticleFacts.RoleFacts], to id: Int64) {
        guard !roles.isEmpty, memory.roleKeysByEntity[id] != nil else { return }
        for role in roles {
            memory.roleKeysByEntity[id]?.titles.insert(NameKey.of(role.title))
            if let org = role.org { memory.roleKeysByEntity[id]?.orgs.insert(NameKey.of(org)) }
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
        // One JSON array holds the ids, so that one prepared statement serves any number of them.
        let ids = "[" + company.map(String.init).joined(separator: ",") + "]"
        return try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM entityLink mine JOIN entityLink other ON other.articleNumber = mine.articleNumber
                           WHERE mine.entityId = ? AND other.entityId IN (SELECT value FROM json_each(?)))
            """), arguments: [id, ids]) ?? false
    }

    /// Joins the article to the story of a near-duplicate stored before it, or starts a story.
    private func linkStory(_ number: Int64, signature: [UInt32]) throws {
        let bands = MinHash.bands(of: signature)
        var story = number
        if !bands.isEmpty {
            let marks = Array(repeating: "?", count: bands.count).joined(separator: ",")
            // A signature has a fixed number of bands, so the statement is the same every time.
            let rows = try Row.fetchAll(db.cachedStatement(sql: """
                SELECT DISTINCT a.number, a.story, a.signature FROM storyBand b JOIN articleRow a ON a.number = b.articleNumber
                WHERE b.hash IN (\(marks)) AND a.number != ?
                """), arguments: StatementArguments(bands + [number]))
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
                try db.cachedStatement(sql: "INSERT OR IGNORE INTO storyBand (hash, articleNumber) VALUES (?, ?)").run(hash, number)
            }
        }
        try db.cachedStatement(sql: "UPDATE articleRow SET story = ? WHERE number = ?").run(story, number)
    }
}
