import Foundation
import GRDB

/// The SQLite schema, owned by named migrations: a database made by an older Byline is brought
/// up to date when it is opened, and a migration never changes once released.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-articles-and-facts") { db in
            // Articles, keyed by the SHA-256 of their source bytes. `number` is the rowid that
            // the full-text indexes refer to; `day` is the publication day, for range filters.
            try db.execute(sql: """
                CREATE TABLE article (
                    number INTEGER PRIMARY KEY,
                    id TEXT NOT NULL UNIQUE,
                    uri TEXT NOT NULL,
                    format TEXT NOT NULL,
                    title TEXT,
                    publisher TEXT,
                    authors TEXT NOT NULL,
                    published TEXT,
                    day TEXT,
                    language TEXT,
                    url TEXT,
                    text TEXT NOT NULL,
                    bylineVersion TEXT NOT NULL,
                    storedAt TEXT NOT NULL,
                    story INTEGER,
                    signature BLOB
                );
                CREATE INDEX article_day ON article(day);
                CREATE INDEX article_story ON article(story);
                CREATE VIRTUAL TABLE articleSearch USING fts5(
                    title, text, content='article', content_rowid='number', tokenize='unicode61 remove_diacritics 2');
                CREATE VIRTUAL TABLE articleSearchCJK USING fts5(
                    title, text, content='article', content_rowid='number', tokenize='trigram');
                CREATE TABLE storyBand (
                    hash INTEGER NOT NULL,
                    articleNumber INTEGER NOT NULL REFERENCES article(number) ON DELETE CASCADE
                );
                CREATE INDEX storyBand_hash ON storyBand(hash);
                """)
            // People, organisations, places and other named things across articles. `class`
            // is what merges may cross (person, organisation, place, any).
            try db.execute(sql: """
                CREATE TABLE entity (
                    id INTEGER PRIMARY KEY,
                    class TEXT NOT NULL,
                    type TEXT NOT NULL,
                    name TEXT NOT NULL
                );
                CREATE TABLE entityName (
                    entityId INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    key TEXT NOT NULL,
                    merges INTEGER NOT NULL,
                    PRIMARY KEY (entityId, name)
                ) WITHOUT ROWID;
                CREATE INDEX entityName_key ON entityName(key, merges);
                CREATE TABLE entityLink (
                    id INTEGER PRIMARY KEY,
                    entityId INTEGER NOT NULL REFERENCES entity(id),
                    articleNumber INTEGER NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                    localId TEXT NOT NULL,
                    name TEXT NOT NULL,
                    mentions INTEGER NOT NULL,
                    rank INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    bylineVersion TEXT NOT NULL,
                    UNIQUE (articleNumber, localId)
                );
                CREATE INDEX entityLink_entity ON entityLink(entityId);
                CREATE TABLE entityChange (
                    id INTEGER PRIMARY KEY,
                    kind TEXT NOT NULL,
                    fromEntity INTEGER NOT NULL REFERENCES entity(id),
                    toEntity INTEGER NOT NULL REFERENCES entity(id),
                    nameForm TEXT NOT NULL,
                    changedAt TEXT NOT NULL
                );
                """)
            // Facts. Offsets are Unicode code points into article.text, so a fact's evidence
            // is substr(text, start + 1, end - start); `rule` is stage/rule.
            try db.execute(sql: """
                CREATE TABLE role (
                    id INTEGER PRIMARY KEY,
                    articleNumber INTEGER NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                    entityId INTEGER NOT NULL REFERENCES entity(id),
                    localId TEXT NOT NULL,
                    title TEXT NOT NULL,
                    org TEXT,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    rule TEXT NOT NULL,
                    bylineVersion TEXT NOT NULL
                );
                CREATE INDEX role_entity ON role(entityId);
                CREATE INDEX role_article ON role(articleNumber, localId);
                CREATE TABLE quote (
                    id INTEGER PRIMARY KEY,
                    articleNumber INTEGER NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                    speakerId INTEGER REFERENCES entity(id),
                    speakerLocal TEXT,
                    kind TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    cue TEXT,
                    confidence REAL NOT NULL,
                    rule TEXT NOT NULL,
                    bylineVersion TEXT NOT NULL
                );
                CREATE INDEX quote_speaker ON quote(speakerId);
                CREATE INDEX quote_article ON quote(articleNumber);
                CREATE VIRTUAL TABLE quoteSearch USING fts5(
                    text, content='', detail='none', tokenize='unicode61 remove_diacritics 2');
                CREATE TABLE claim (
                    id INTEGER PRIMARY KEY,
                    articleNumber INTEGER NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                    value REAL NOT NULL,
                    unit TEXT,
                    subject TEXT,
                    speakerId INTEGER REFERENCES entity(id),
                    speakerLocal TEXT,
                    time TEXT,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    sentenceStart INTEGER NOT NULL,
                    sentenceEnd INTEGER NOT NULL,
                    rule TEXT NOT NULL,
                    bylineVersion TEXT NOT NULL
                );
                CREATE INDEX claim_speaker ON claim(speakerId);
                CREATE INDEX claim_article ON claim(articleNumber);
                CREATE TABLE milestone (
                    id INTEGER PRIMARY KEY,
                    articleNumber INTEGER NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    rule TEXT NOT NULL,
                    bylineVersion TEXT NOT NULL
                );
                CREATE INDEX milestone_article ON milestone(articleNumber);
                -- The key's columns come first: SQLite 3.40's integrity_check reports a false NULL in
                -- a WITHOUT ROWID table whose other columns sit between the key's.
                CREATE TABLE milestoneParticipant (
                    milestoneId INTEGER NOT NULL REFERENCES milestone(id) ON DELETE CASCADE,
                    localId TEXT NOT NULL,
                    entityId INTEGER NOT NULL REFERENCES entity(id),
                    PRIMARY KEY (milestoneId, localId)
                ) WITHOUT ROWID;
                """)
        }
        // Smaller files: article text is kept compressed (``CompressedText``) in `articleRow.body`
        // and read through the view `article`, which gives it back as `text` (the full-text
        // indexes read it there too, so their contents do not change); the story bands and the
        // entity links are keyed by what they are looked up by (WITHOUT ROWID), with no row id
        // and no second index beside them. People's full names keep their surname, indexed. A
        // database made before keeps its size until VACUUM.
        migrator.registerMigration("v2-compressed-text-keyed-tables-surnames") { db in
            try db.execute(sql: """
                ALTER TABLE article RENAME TO articleRow;
                ALTER TABLE articleRow RENAME COLUMN text TO body;
                UPDATE articleRow SET body = bylineCompress(body);
                CREATE VIEW article AS
                    SELECT number, id, uri, format, title, publisher, authors, published, day, language, url,
                           bylineText(body) AS text, bylineVersion, storedAt, story, signature
                    FROM articleRow;

                CREATE TABLE storyBandKeyed (
                    hash INTEGER NOT NULL,
                    articleNumber INTEGER NOT NULL REFERENCES articleRow(number) ON DELETE CASCADE,
                    PRIMARY KEY (hash, articleNumber)
                ) WITHOUT ROWID;
                INSERT OR IGNORE INTO storyBandKeyed (hash, articleNumber) SELECT hash, articleNumber FROM storyBand;
                DROP TABLE storyBand;
                ALTER TABLE storyBandKeyed RENAME TO storyBand;

                CREATE TABLE entityLinkKeyed (
                    articleNumber INTEGER NOT NULL REFERENCES articleRow(number) ON DELETE CASCADE,
                    localId TEXT NOT NULL,
                    entityId INTEGER NOT NULL REFERENCES entity(id),
                    name TEXT NOT NULL,
                    mentions INTEGER NOT NULL,
                    rank INTEGER NOT NULL,
                    reason TEXT NOT NULL,
                    bylineVersion TEXT NOT NULL,
                    PRIMARY KEY (articleNumber, localId)
                ) WITHOUT ROWID;
                INSERT INTO entityLinkKeyed (articleNumber, localId, entityId, name, mentions, rank, reason, bylineVersion)
                    SELECT articleNumber, localId, entityId, name, mentions, rank, reason, bylineVersion FROM entityLink;
                DROP TABLE entityLink;
                ALTER TABLE entityLinkKeyed RENAME TO entityLink;
                CREATE INDEX entityLink_entity ON entityLink(entityId);

                ALTER TABLE entityName ADD COLUMN surname TEXT;
                CREATE INDEX entityName_surname ON entityName(surname) WHERE surname IS NOT NULL;
                """)
            // Every person's merging full name gets its family name: what a surname alone is looked
            // up by (EntityResolution.chooseBySurname).
            let names = try Row.fetchAll(db, sql: """
                SELECT n.entityId, n.name FROM entityName n JOIN entity e ON e.id = n.entityId
                WHERE n.merges = 1 AND e.class = 'person'
                """)
            for row in names {
                let name: String = row["name"]
                try db.execute(
                    sql: "UPDATE entityName SET surname = ? WHERE entityId = ? AND name = ?",
                    arguments: [NameKey.surname(ofFullName: name), row["entityId"] as Int64, name])
            }
        }
        // Smaller files: the strings that thousands of fact rows repeat (the rule that made a
        // fact, the Byline version, the reason of an entity link) are kept once each in
        // `repeatedText` and referred to by number from the tables `roleRow`, `quoteRow`,
        // `claimRow`, `milestoneRow` and `entityLinkRow`. Views under the old table names give
        // the rows back with their strings, so every query reads what it read before; writes go
        // to the tables (``SQLiteArticleWriter``).
        migrator.registerMigration("v3-repeated-text-kept-once") { db in
            try db.execute(sql: """
                CREATE TABLE repeatedText (
                    id INTEGER PRIMARY KEY,
                    text TEXT NOT NULL UNIQUE
                );
                INSERT OR IGNORE INTO repeatedText (text)
                    SELECT rule FROM role UNION SELECT bylineVersion FROM role
                    UNION SELECT rule FROM quote UNION SELECT bylineVersion FROM quote
                    UNION SELECT rule FROM claim UNION SELECT bylineVersion FROM claim
                    UNION SELECT rule FROM milestone UNION SELECT bylineVersion FROM milestone
                    UNION SELECT reason FROM entityLink UNION SELECT bylineVersion FROM entityLink;

                CREATE TABLE roleRow (
                    id INTEGER PRIMARY KEY,
                    articleNumber INTEGER NOT NULL REFERENCES articleRow(number) ON DELETE CASCADE,
                    entityId INTEGER NOT NULL REFERENCES entity(id),
                    localId TEXT NOT NULL,
                    title TEXT NOT NULL,
                    org TEXT,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    ruleId INTEGER NOT NULL REFERENCES repeatedText(id),
                    versionId INTEGER NOT NULL REFERENCES repeatedText(id)
                );
                INSERT INTO roleRow (id, articleNumber, entityId, localId, title, org, start, end, ruleId, versionId)
                    SELECT f.id, f.articleNumber, f.entityId, f.localId, f.title, f.org, f.start, f.end, r.id, v.id
                    FROM role f JOIN repeatedText r ON r.text = f.rule JOIN repeatedText v ON v.text = f.bylineVersion;
                DROP TABLE role;
                CREATE INDEX role_entity ON roleRow(entityId);
                CREATE INDEX role_article ON roleRow(articleNumber, localId);
                CREATE VIEW role AS
                    SELECT id, articleNumber, entityId, localId, title, org, start, end,
                           (SELECT text FROM repeatedText WHERE id = ruleId) AS rule,
                           (SELECT text FROM repeatedText WHERE id = versionId) AS bylineVersion
                    FROM roleRow;

                CREATE TABLE quoteRow (
                    id INTEGER PRIMARY KEY,
                    articleNumber INTEGER NOT NULL REFERENCES articleRow(number) ON DELETE CASCADE,
                    speakerId INTEGER REFERENCES entity(id),
                    speakerLocal TEXT,
                    kind TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    cue TEXT,
                    confidence REAL NOT NULL,
                    ruleId INTEGER NOT NULL REFERENCES repeatedText(id),
                    versionId INTEGER NOT NULL REFERENCES repeatedText(id)
                );
                INSERT INTO quoteRow (id, articleNumber, speakerId, speakerLocal, kind, start, end, cue, confidence, ruleId, versionId)
                    SELECT f.id, f.articleNumber, f.speakerId, f.speakerLocal, f.kind, f.start, f.end, f.cue, f.confidence, r.id, v.id
                    FROM quote f JOIN repeatedText r ON r.text = f.rule JOIN repeatedText v ON v.text = f.bylineVersion;
                DROP TABLE quote;
                CREATE INDEX quote_speaker ON quoteRow(speakerId);
                CREATE INDEX quote_article ON quoteRow(articleNumber);
                CREATE VIEW quote AS
                    SELECT id, articleNumber, speakerId, speakerLocal, kind, start, end, cue, confidence,
                           (SELECT text FROM repeatedText WHERE id = ruleId) AS rule,
                           (SELECT text FROM repeatedText WHERE id = versionId) AS bylineVersion
                    FROM quoteRow;

                CREATE TABLE claimRow (
                    id INTEGER PRIMARY KEY,
                    articleNumber INTEGER NOT NULL REFERENCES articleRow(number) ON DELETE CASCADE,
                    value REAL NOT NULL,
                    unit TEXT,
                    subject TEXT,
                    speakerId INTEGER REFERENCES entity(id),
                    speakerLocal TEXT,
                    time TEXT,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    sentenceStart INTEGER NOT NULL,
                    sentenceEnd INTEGER NOT NULL,
                    ruleId INTEGER NOT NULL REFERENCES repeatedText(id),
                    versionId INTEGER NOT NULL REFERENCES repeatedText(id)
                );
                INSERT INTO claimRow (id, articleNumber, value, unit, subject, speakerId, speakerLocal, time, start, end,
                                      sentenceStart, sentenceEnd, ruleId, versionId)
                    SELECT f.id, f.articleNumber, f.value, f.unit, f.subject, f.speakerId, f.speakerLocal, f.time, f.start, f.end,
                           f.sentenceStart, f.sentenceEnd, r.id, v.id
                    FROM claim f JOIN repeatedText r ON r.text = f.rule JOIN repeatedText v ON v.text = f.bylineVersion;
                DROP TABLE claim;
                CREATE INDEX claim_speaker ON claimRow(speakerId);
                CREATE INDEX claim_article ON claimRow(articleNumber);
                CREATE VIEW claim AS
                    SELECT id, articleNumber, value, unit, subject, speakerId, speakerLocal, time, start, end, sentenceStart, sentenceEnd,
                           (SELECT text FROM repeatedText WHERE id = ruleId) AS rule,
                           (SELECT text FROM repeatedText WHERE id = versionId) AS bylineVersion
                    FROM claimRow;

                CREATE TABLE milestoneRow (
                    id INTEGER PRIMARY KEY,
                    articleNumber INTEGER NOT NULL REFERENCES articleRow(number) ON DELETE CASCADE,
                    date TEXT NOT NULL,
                    start INTEGER NOT NULL,
                    end INTEGER NOT NULL,
                    ruleId INTEGER NOT NULL REFERENCES repeatedText(id),
                    versionId INTEGER NOT NULL REFERENCES repeatedText(id)
                );
                INSERT INTO milestoneRow (id, articleNumber, date, start, end, ruleId, versionId)
                    SELECT f.id, f.articleNumber, f.date, f.start, f.end, r.id, v.id
                    FROM milestone f JOIN repeatedText r ON r.text = f.rule JOIN repeatedText v ON v.text = f.bylineVersion;
                -- The participants refer to the milestone rows: their table is made anew to say so.
                CREATE TABLE milestoneParticipantRow (
                    milestoneId INTEGER NOT NULL REFERENCES milestoneRow(id) ON DELETE CASCADE,
                    localId TEXT NOT NULL,
                    entityId INTEGER NOT NULL REFERENCES entity(id),
                    PRIMARY KEY (milestoneId, localId)
                ) WITHOUT ROWID;
                INSERT INTO milestoneParticipantRow (milestoneId, localId, entityId)
                    SELECT milestoneId, localId, entityId FROM milestoneParticipant;
                DROP TABLE milestoneParticipant;
                DROP TABLE milestone;
                ALTER TABLE milestoneParticipantRow RENAME TO milestoneParticipant;
                CREATE INDEX milestone_article ON milestoneRow(articleNumber);
                CREATE VIEW milestone AS
                    SELECT id, articleNumber, date, start, end,
                           (SELECT text FROM repeatedText WHERE id = ruleId) AS rule,
                           (SELECT text FROM repeatedText WHERE id = versionId) AS bylineVersion
                    FROM milestoneRow;

                CREATE TABLE entityLinkRow (
                    articleNumber INTEGER NOT NULL REFERENCES articleRow(number) ON DELETE CASCADE,
                    localId TEXT NOT NULL,
                    entityId INTEGER NOT NULL REFERENCES entity(id),
                    name TEXT NOT NULL,
                    mentions INTEGER NOT NULL,
                    rank INTEGER NOT NULL,
                    reasonId INTEGER NOT NULL REFERENCES repeatedText(id),
                    versionId INTEGER NOT NULL REFERENCES repeatedText(id),
                    PRIMARY KEY (articleNumber, localId)
                ) WITHOUT ROWID;
                INSERT INTO entityLinkRow (articleNumber, localId, entityId, name, mentions, rank, reasonId, versionId)
                    SELECT f.articleNumber, f.localId, f.entityId, f.name, f.mentions, f.rank, r.id, v.id
                    FROM entityLink f JOIN repeatedText r ON r.text = f.reason JOIN repeatedText v ON v.text = f.bylineVersion;
                DROP TABLE entityLink;
                CREATE INDEX entityLink_entity ON entityLinkRow(entityId);
                CREATE VIEW entityLink AS
                    SELECT articleNumber, localId, entityId, name, mentions, rank,
                           (SELECT text FROM repeatedText WHERE id = reasonId) AS reason,
                           (SELECT text FROM repeatedText WHERE id = versionId) AS bylineVersion
                    FROM entityLinkRow;
                """)
        }
        // Indexes for the store's overview and its newest-first lists: the first and last
        // publication, the outlets and Byline versions, and the newest quotes and figures, read
        // without scanning every article.
        migrator.registerMigration("v4-article-order-indexes") { db in
            try db.execute(sql: """
                CREATE INDEX article_published ON articleRow(published, number);
                CREATE INDEX article_publisher ON articleRow(publisher);
                CREATE INDEX article_version ON articleRow(bylineVersion);
                """)
        }
        // Each article's paragraph layout (``ParagraphLayout``), so that `byline reindex` analyses
        // the stored text as its reader gave it: titles, captions and headings kept apart from
        // the body. Articles stored before have none and are read as body paragraphs.
        migrator.registerMigration("v5-paragraph-layout") { db in
            try db.execute(sql: "ALTER TABLE articleRow ADD COLUMN layout TEXT")
        }
        return migrator
    }

    /// The number under which `text` is kept in `repeatedText`, added when missing.
    static func repeatedTextID(_ db: Database, _ text: String) throws -> Int64 {
        if let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM repeatedText WHERE text = ?"), arguments: [text]) {
            return id
        }
        try db.cachedStatement(sql: "INSERT INTO repeatedText (text) VALUES (?)").execute(arguments: [text])
        return db.lastInsertedRowID
    }

    /// The SQL functions the schema needs on every connection: `bylineText(body)` reads a
    /// compressed article body, `bylineCompress(text)` makes one (for migrating older files).
    static func addFunctions(to db: Database) {
        db.add(function: DatabaseFunction("bylineText", argumentCount: 1, pure: true) { values in
            guard case .blob(let body) = values[0].storage else { return String.fromDatabaseValue(values[0]) }
            return body.withUnsafeBytes { CompressedText.decompress($0) }
        })
        db.add(function: DatabaseFunction("bylineCompress", argumentCount: 1, pure: true) { values in
            String.fromDatabaseValue(values[0]).map { Data(CompressedText.compress($0)) }
        })
    }
}
