#if PostgreSQL
/// The PostgreSQL schema, owned by named migrations like the SQLite one (``SQLiteSchema``): the
/// same tables and columns, so the same questions have the same answers on both back ends.
///
/// Where the two differ, it is for what each engine does best: full-text search is a `tsvector`
/// column with a GIN index (SQLite: FTS5 tables), article text is stored as `text` and compressed
/// by PostgreSQL itself (TOAST; SQLite: zlib in the row), and tables keyed by an article and a
/// local id have that pair as their primary key (SQLite: `WITHOUT ROWID`).
enum PostgresSchema {
    /// The migrations, in order: (name, statements). A migration never changes once released.
    static let migrations: [(name: String, sql: String)] = [
        ("v1-articles-and-facts", """
            CREATE TABLE article (
                number BIGSERIAL PRIMARY KEY,
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
                story BIGINT,
                signature BIGINT[],
                cjk BOOLEAN NOT NULL,
                words TSVECTOR NOT NULL
            );
            CREATE INDEX article_day ON article(day);
            CREATE INDEX article_story ON article(story);
            CREATE INDEX article_words ON article USING GIN (words);
            CREATE TABLE storyBand (
                hash BIGINT NOT NULL,
                articleNumber BIGINT NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                PRIMARY KEY (hash, articleNumber)
            );
            CREATE TABLE entity (
                id BIGSERIAL PRIMARY KEY,
                class TEXT NOT NULL,
                type TEXT NOT NULL,
                name TEXT NOT NULL
            );
            CREATE TABLE entityName (
                entityId BIGINT NOT NULL REFERENCES entity(id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                key TEXT NOT NULL,
                merges INTEGER NOT NULL,
                surname TEXT,
                PRIMARY KEY (entityId, name)
            );
            CREATE INDEX entityName_key ON entityName(key, merges);
            CREATE INDEX entityName_surname ON entityName(surname) WHERE surname IS NOT NULL;
            CREATE TABLE entityLink (
                articleNumber BIGINT NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                localId TEXT NOT NULL,
                entityId BIGINT NOT NULL REFERENCES entity(id),
                name TEXT NOT NULL,
                mentions INTEGER NOT NULL,
                rank INTEGER NOT NULL,
                reason TEXT NOT NULL,
                bylineVersion TEXT NOT NULL,
                PRIMARY KEY (articleNumber, localId)
            );
            CREATE INDEX entityLink_entity ON entityLink(entityId);
            CREATE TABLE entityChange (
                id BIGSERIAL PRIMARY KEY,
                kind TEXT NOT NULL,
                fromEntity BIGINT NOT NULL REFERENCES entity(id),
                toEntity BIGINT NOT NULL REFERENCES entity(id),
                nameForm TEXT NOT NULL,
                changedAt TEXT NOT NULL
            );
            CREATE TABLE role (
                id BIGSERIAL PRIMARY KEY,
                articleNumber BIGINT NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                entityId BIGINT NOT NULL REFERENCES entity(id),
                localId TEXT NOT NULL,
                title TEXT NOT NULL,
                org TEXT,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                rule TEXT NOT NULL,
                bylineVersion TEXT NOT NULL
            );
            CREATE INDEX role_entity ON role(entityId);
            CREATE INDEX role_article ON role(articleNumber, localId);
            CREATE TABLE quote (
                id BIGSERIAL PRIMARY KEY,
                articleNumber BIGINT NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                speakerId BIGINT REFERENCES entity(id),
                speakerLocal TEXT,
                kind TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                cue TEXT,
                confidence DOUBLE PRECISION NOT NULL,
                rule TEXT NOT NULL,
                bylineVersion TEXT NOT NULL,
                words TSVECTOR NOT NULL
            );
            CREATE INDEX quote_speaker ON quote(speakerId);
            CREATE INDEX quote_article ON quote(articleNumber);
            CREATE INDEX quote_words ON quote USING GIN (words);
            CREATE TABLE claim (
                id BIGSERIAL PRIMARY KEY,
                articleNumber BIGINT NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                value DOUBLE PRECISION NOT NULL,
                unit TEXT,
                subject TEXT,
                speakerId BIGINT REFERENCES entity(id),
                speakerLocal TEXT,
                time TEXT,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                sentenceStart INTEGER NOT NULL,
                sentenceEnd INTEGER NOT NULL,
                rule TEXT NOT NULL,
                bylineVersion TEXT NOT NULL
            );
            CREATE INDEX claim_speaker ON claim(speakerId);
            CREATE INDEX claim_article ON claim(articleNumber);
            CREATE TABLE milestone (
                id BIGSERIAL PRIMARY KEY,
                articleNumber BIGINT NOT NULL REFERENCES article(number) ON DELETE CASCADE,
                date TEXT NOT NULL,
                start INTEGER NOT NULL,
                "end" INTEGER NOT NULL,
                rule TEXT NOT NULL,
                bylineVersion TEXT NOT NULL
            );
            CREATE INDEX milestone_article ON milestone(articleNumber);
            CREATE TABLE milestoneParticipant (
                milestoneId BIGINT NOT NULL REFERENCES milestone(id) ON DELETE CASCADE,
                localId TEXT NOT NULL,
                entityId BIGINT NOT NULL REFERENCES entity(id),
                PRIMARY KEY (milestoneId, localId)
            );
            """),
        // The same indexes as SQLite's v4: the store's overview and newest-first lists.
        ("v2-article-order-indexes", """
            CREATE INDEX article_published ON article(published, number);
            CREATE INDEX article_publisher ON article(publisher);
            CREATE INDEX article_version ON article(bylineVersion);
            """),
        // SQLite's v5: each article's paragraph layout, for `byline reindex`.
        ("v3-paragraph-layout", """
            ALTER TABLE article ADD COLUMN layout TEXT
            """),
    ]
}
#endif
