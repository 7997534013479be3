import Foundation
import GRDB

/// The SQLite schema, owned by named migrations: a database made by an older Byline is brought
/// up to date when it is opened, and a migration never changes once released.
enum SQLiteSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-articles-and-facts") { db in
            // The tables as first made: article text as it came, repeated strings in each row.
            let dialect = SQLiteDialect(keepsRepeatedTextOnce: false)
            // Articles, the full-text indexes that read them, and the story bands (a plain table
            // until v2).
            try db.execute(sql: StoreSchema.script(dialect.createTableAndIndexes(StoreSchema.articles.without(StoreSchema.layout.name)) + [
                """
                CREATE VIRTUAL TABLE articleSearch USING fts5(
                    title, text, content='article', content_rowid='number', tokenize='unicode61 remove_diacritics 2')
                """,
                """
                CREATE VIRTUAL TABLE articleSearchCJK USING fts5(
                    title, text, content='article', content_rowid='number', tokenize='trigram')
                """,
                """
                CREATE TABLE storyBand (
                    hash INTEGER NOT NULL,
                    articleNumber INTEGER NOT NULL REFERENCES article(number) ON DELETE CASCADE
                )
                """,
                "CREATE INDEX storyBand_hash ON storyBand(hash)",
            ]))
            // People, organisations, places and other named things across articles; until v2 an
            // entity link had a row id of its own and a name no surname.
            try db.execute(sql: StoreSchema.script(
                dialect.createTableAndIndexes(StoreSchema.entities)
                    + dialect.createTableAndIndexes(StoreSchema.entityNames.without(StoreSchema.surname.name)) + [
                        """
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
                        )
                        """,
                        "CREATE INDEX entityLink_entity ON entityLink(entityId)",
                    ] + dialect.createTableAndIndexes(StoreSchema.entityChanges)))
            // Facts, and the full-text index of quotes.
            try db.execute(sql: StoreSchema.script(
                [StoreSchema.roles, StoreSchema.quotes, StoreSchema.claims, StoreSchema.milestones, StoreSchema.milestoneParticipants]
                    .flatMap(dialect.createTableAndIndexes) + [
                        """
                        CREATE VIRTUAL TABLE quoteSearch USING fts5(
                            text, content='', detail='none', tokenize='unicode61 remove_diacritics 2')
                        """,
                    ]))
        }
        // Smaller files: article text is kept compressed (``CompressedText``) in `articleRow.body`
        // and read through the view `article`, which gives it back as `text` (the full-text
        // indexes read it there too, so their contents do not change); the story bands and the
        // entity links are keyed by what they are looked up by (WITHOUT ROWID), with no row id
        // and no second index beside them. People's full names keep their surname, indexed. A
        // database made before keeps its size until VACUUM.
        migrator.registerMigration("v2-compressed-text-keyed-tables-surnames") { db in
            let dialect = SQLiteDialect(keepsRepeatedTextOnce: false)
            let tableNames = { (table: String) in table == StoreSchema.articles.name ? "articleRow" : table }
            try db.execute(sql: StoreSchema.script([
                "ALTER TABLE article RENAME TO articleRow",
                "ALTER TABLE articleRow RENAME COLUMN text TO body",
                "UPDATE articleRow SET body = bylineCompress(body)",
                """
                CREATE VIEW article AS
                    SELECT number, id, uri, format, title, publisher, authors, published, day, language, url,
                           bylineText(body) AS text, bylineVersion, storedAt, story, signature
                    FROM articleRow
                """,
            ] + dialect.remake(StoreSchema.storyBands, tableNames: tableNames, ignoringRepeatedRows: true)
                + dialect.remake(StoreSchema.entityLinks, tableNames: tableNames)
                + [dialect.addColumn(StoreSchema.surname, to: StoreSchema.entityNames.name)]
                + StoreSchema.entityNames.indexes(on: StoreSchema.surname.name).map { dialect.createIndex($0, on: StoreSchema.entityNames.name) }))
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
            let dialect = SQLiteDialect(keepsRepeatedTextOnce: true)
            let rowTables = [StoreSchema.articles.name: "articleRow", StoreSchema.milestones.name: "milestoneRow"]
            let tableNames = { (table: String) in rowTables[table] ?? table }
            let tables = [StoreSchema.roles, StoreSchema.quotes, StoreSchema.claims, StoreSchema.milestones, StoreSchema.entityLinks]
            let strings = tables.flatMap { table in table.columns.filter(\.isRepeatedText).map { "SELECT \($0.name) FROM \(table.name)" } }
            var statements = [
                """
                CREATE TABLE repeatedText (
                    id INTEGER PRIMARY KEY,
                    text TEXT NOT NULL UNIQUE
                )
                """,
                "INSERT OR IGNORE INTO repeatedText (text)\n    " + strings.joined(separator: "\n    UNION "),
            ]
            for table in tables {
                // The participants refer to the milestone rows: their table is made anew to say
                // so, before the old milestones go.
                let beforeDropping = table.name == StoreSchema.milestones.name
                    ? dialect.remake(StoreSchema.milestoneParticipants, tableNames: tableNames) : []
                statements += dialect.keepRepeatedTextOnce(table, tableNames: tableNames, beforeDropping: beforeDropping)
            }
            try db.execute(sql: StoreSchema.script(statements))
        }
        // Indexes for the store's overview and its newest-first lists.
        migrator.registerMigration("v4-article-order-indexes") { db in
            try db.execute(sql: StoreSchema.script(StoreSchema.articleOrderIndexes.map {
                SQLiteDialect(keepsRepeatedTextOnce: true).createIndex($0, on: "articleRow")
            }))
        }
        // Each article's paragraph layout (``ParagraphLayout``), so that `byline reindex` analyses
        // the stored text as its reader gave it: titles, captions and headings kept apart from
        // the body. Articles stored before have none and are read as body paragraphs.
        migrator.registerMigration("v5-paragraph-layout") { db in
            try db.execute(sql: SQLiteDialect(keepsRepeatedTextOnce: true).addColumn(StoreSchema.layout, to: "articleRow"))
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

/// SQLite's names for the description's types, and the statements its migrations remake
/// tables with.
struct SQLiteDialect: SQLDialect {
    /// Whether the strings fact rows repeat are kept once in `repeatedText` and referred to by
    /// number (from migration v3 on).
    let keepsRepeatedTextOnce: Bool

    func stored(_ column: StoreSchema.Column) -> StoreSchema.Column? {
        switch column.type {
        case .postgresOnly: nil
        case .repeatedText(let storedAs) where keepsRepeatedTextOnce:
            StoreSchema.Column(
                name: storedAs, type: .number, notNull: column.notNull,
                references: StoreSchema.Reference(table: "repeatedText", column: "id", cascades: false))
        default: column
        }
    }

    func typeName(_ type: StoreSchema.ColumnType) -> String {
        switch type {
        case .rowNumber: "INTEGER PRIMARY KEY"
        case .number, .count: "INTEGER"
        case .real: "REAL"
        case .text, .repeatedText: "TEXT"
        case .signature: "BLOB"
        case .postgresOnly(let name): name
        }
    }

    func quoted(_ name: String) -> String { name }

    var keyedTableOptions: String { " WITHOUT ROWID" }

    /// `table` made anew as described, with its rows: made under another name, filled from the
    /// old table (`ignoringRepeatedRows`: keeping the first row of each key), which it replaces.
    func remake(_ table: StoreSchema.Table, tableNames: (String) -> String, ignoringRepeatedRows: Bool = false) -> [String] {
        let remade = table.name + "Remade"
        let columns = storedNames(table).joined(separator: ", ")
        return [
            createTable(table, named: remade, tableNames: tableNames),
            "INSERT \(ignoringRepeatedRows ? "OR IGNORE " : "")INTO \(remade) (\(columns)) SELECT \(columns) FROM \(table.name)",
            "DROP TABLE \(table.name)",
            "ALTER TABLE \(remade) RENAME TO \(table.name)",
        ] + indexes(of: table).map { createIndex($0, on: table.name) }
    }

    /// The fact table `table` remade as `<name>Row`, its repeated strings kept by number in
    /// `repeatedText`, and a view under its old name that gives them back; `beforeDropping` runs
    /// between copying the rows and dropping the old table.
    func keepRepeatedTextOnce(_ table: StoreSchema.Table, tableNames: (String) -> String, beforeDropping: [String] = []) -> [String] {
        let rows = table.name + "Row"
        let plain = table.columns.filter { !$0.isRepeatedText && stored($0) != nil }.map(\.name)
        let repeated = table.columns.filter(\.isRepeatedText)
        let numbers = repeated.compactMap { stored($0)?.name }
        let joins = repeated.indices.map { " JOIN repeatedText r\($0) ON r\($0).text = f.\(repeated[$0].name)" }
        let copy = "INSERT INTO \(rows) (\((plain + numbers).joined(separator: ", ")))\n"
            + "    SELECT \((plain.map { "f." + $0 } + repeated.indices.map { "r\($0).id" }).joined(separator: ", "))\n"
            + "    FROM \(table.name) f" + joins.joined()
        let strings = zip(repeated, numbers).map { "           (SELECT text FROM repeatedText WHERE id = \($1)) AS \($0.name)" }
        let view = "CREATE VIEW \(table.name) AS\n    SELECT \(plain.joined(separator: ", ")),\n"
            + strings.joined(separator: ",\n") + "\n    FROM \(rows)"
        return [createTable(table, named: rows, tableNames: tableNames), copy] + beforeDropping + ["DROP TABLE \(table.name)"]
            + indexes(of: table).map { createIndex($0, on: rows) } + [view]
    }
}
