/// The knowledge base's tables, columns and indexes, described once: the SQLite and PostgreSQL
/// schemas (``SQLiteSchema``, ``PostgresSchema``) are both rendered from it, each in its own
/// dialect, so that the two back ends keep the same tables and columns and answer the same
/// questions alike.
///
/// The description is of the tables as a query sees them. Where the engines differ, each
/// rendering says how: SQLite keeps article text compressed and the repeated strings of fact
/// rows once each (its migrations v2 and v3), and searches through FTS5 tables; PostgreSQL
/// searches a `tsvector` column with a GIN index.
///
/// The migrations render it, and a released migration never changes: a change to the tables is
/// a new migration in both dialects, and the older migrations render the tables as they were
/// (``Table/without(_:)``, as SQLite's v1 does for `entityName.surname`, added by its v2).
/// `SchemaTests` pin what the migrations make to golden files, so an edit here that would change
/// an older migration fails them.
enum StoreSchema {
    /// What a column holds, which each dialect names with its own type.
    enum ColumnType: Equatable {
        /// A table's own row number, given by the database (SQLite `INTEGER PRIMARY KEY`,
        /// PostgreSQL `BIGSERIAL PRIMARY KEY`).
        case rowNumber
        /// A 64-bit number: another row's number, a hash.
        case number
        /// A count or an offset (`INTEGER` in both).
        case count
        /// A floating-point value.
        case real
        case text
        /// A string that thousands of rows repeat (a rule, a Byline version): SQLite keeps each
        /// once in `repeatedText` and the row refers to it by number, in the column `storedAs`.
        case repeatedText(storedAs: String)
        /// A MinHash signature (SQLite: the values' bytes; PostgreSQL: an array).
        case signature
        /// A column only PostgreSQL has, of this type: what it searches by (SQLite searches
        /// its FTS5 tables instead).
        case postgresOnly(String)
    }

    /// A row that a column refers to.
    struct Reference {
        let table: String
        let column: String
        /// Whether deleting that row deletes this one.
        let cascades: Bool
    }

    struct Column {
        let name: String
        let type: ColumnType
        var notNull = true
        var unique = false
        var references: Reference? = nil

        /// A column that may be NULL.
        static func optional(_ name: String, _ type: ColumnType, references: Reference? = nil) -> Column {
            Column(name: name, type: type, notNull: false, references: references)
        }

        /// Whether SQLite keeps this column's strings once, by number.
        var isRepeatedText: Bool {
            if case .repeatedText = type { return true }
            return false
        }
    }

    struct Index {
        let name: String
        /// The indexed columns, in order.
        let columns: [String]
        /// A partial index's condition.
        var condition: String? = nil
        /// A full-text index on a PostgreSQL-only column (GIN).
        var fullText = false
    }

    struct Table {
        let name: String
        let columns: [Column]
        /// A key of several columns, which SQLite keeps the rows in (`WITHOUT ROWID`).
        var key: [String] = []
        var indexes: [Index] = []

        /// The indexes that include the column `column`.
        func indexes(on column: String) -> [Index] {
            indexes.filter { $0.columns.contains(column) }
        }

        /// This table without the column `column` and the indexes on it: how an older migration
        /// made it, before that column was added.
        func without(_ column: String) -> Table {
            Table(name: name, columns: columns.filter { $0.name != column }, key: key, indexes: indexes.filter { !$0.columns.contains(column) })
        }
    }

    // The rows the tables refer to.
    private static let articleReference = Reference(table: "article", column: "number", cascades: true)
    private static let entityReference = Reference(table: "entity", column: "id", cascades: false)

    private static func articleNumber() -> Column { Column(name: "articleNumber", type: .number, references: articleReference) }
    private static func entityId(_ name: String = "entityId") -> Column { Column(name: name, type: .number, references: entityReference) }
    private static func rowNumber(_ name: String = "id") -> Column { Column(name: name, type: .rowNumber) }
    private static func text(_ name: String) -> Column { Column(name: name, type: .text) }
    private static func count(_ name: String) -> Column { Column(name: name, type: .count) }
    /// The span of a fact's evidence: Unicode code point offsets into the article's text, so a
    /// fact's evidence is substr(text, start + 1, end - start).
    private static let span = [count("start"), count("end")]
    /// The rule that made a fact (stage/rule), and which version of Byline stored it.
    private static let provenance = [
        Column(name: "rule", type: .repeatedText(storedAs: "ruleId")),
        Column(name: "bylineVersion", type: .repeatedText(storedAs: "versionId")),
    ]

    /// Articles, keyed by the SHA-256 of their source bytes. `number` is the row number the
    /// full-text indexes refer to; `day` is the publication day, for range filters.
    static let articles = Table(
        name: "article",
        columns: [
            rowNumber("number"), Column(name: "id", type: .text, unique: true), text("uri"), text("format"),
            .optional("title", .text), .optional("publisher", .text), text("authors"), .optional("published", .text),
            .optional("day", .text), .optional("language", .text), .optional("url", .text), text("text"),
            text("bylineVersion"), text("storedAt"), .optional("story", .number), .optional("signature", .signature),
            Column(name: "cjk", type: .postgresOnly("BOOLEAN")), Column(name: "words", type: .postgresOnly("TSVECTOR")), layout,
        ],
        indexes: [
            Index(name: "article_day", columns: ["day"]), Index(name: "article_story", columns: ["story"]),
            Index(name: "article_words", columns: ["words"], fullText: true),
        ])

    /// The MinHash bands of each article's text, by which near-copies of a story are found.
    static let storyBands = Table(
        name: "storyBand", columns: [Column(name: "hash", type: .number), articleNumber()], key: ["hash", "articleNumber"])

    /// People, organisations, places and other named things across articles. `class` is what
    /// merges may cross (person, organisation, place, any).
    static let entities = Table(name: "entity", columns: [rowNumber(), text("class"), text("type"), text("name")])

    /// An article's paragraph layout (``ParagraphLayout``), so that `byline reindex` analyses the
    /// stored text as its reader gave it; added by SQLite's v5 and PostgreSQL's v3.
    static let layout = Column.optional("layout", .text)

    /// A person's family name, what a surname alone is looked up by.
    static let surname = Column.optional("surname", .text)

    /// The names an entity goes by, with the key they are looked up by; `surname` is a person's
    /// family name.
    static let entityNames = Table(
        name: "entityName",
        columns: [
            Column(name: "entityId", type: .number, references: Reference(table: "entity", column: "id", cascades: true)),
            text("name"), text("key"), count("merges"), surname,
        ],
        key: ["entityId", "name"],
        indexes: [
            Index(name: "entityName_key", columns: ["key", "merges"]),
            Index(name: "entityName_surname", columns: ["surname"], condition: "surname IS NOT NULL"),
        ])

    /// Which entity an article's entity (by its local id) was resolved to, and why.
    static let entityLinks = Table(
        name: "entityLink",
        columns: [
            articleNumber(), text("localId"), entityId(), text("name"), count("mentions"), count("rank"),
            Column(name: "reason", type: .repeatedText(storedAs: "reasonId")),
            Column(name: "bylineVersion", type: .repeatedText(storedAs: "versionId")),
        ],
        key: ["articleNumber", "localId"],
        indexes: [Index(name: "entityLink_entity", columns: ["entityId"])])

    /// Merges and splits of entities, for undoing them.
    static let entityChanges = Table(
        name: "entityChange",
        columns: [rowNumber(), text("kind"), entityId("fromEntity"), entityId("toEntity"), text("nameForm"), text("changedAt")])

    static let roles = Table(
        name: "role",
        columns: [rowNumber(), articleNumber(), entityId(), text("localId"), text("title"), .optional("org", .text)] + span + provenance,
        indexes: [Index(name: "role_entity", columns: ["entityId"]), Index(name: "role_article", columns: ["articleNumber", "localId"])])

    static let quotes = Table(
        name: "quote",
        columns: [
            rowNumber(), articleNumber(), .optional("speakerId", .number, references: entityReference), .optional("speakerLocal", .text),
            text("kind"),
        ] + span + [.optional("cue", .text), Column(name: "confidence", type: .real)] + provenance
            + [Column(name: "words", type: .postgresOnly("TSVECTOR"))],
        indexes: [
            Index(name: "quote_speaker", columns: ["speakerId"]), Index(name: "quote_article", columns: ["articleNumber"]),
            Index(name: "quote_words", columns: ["words"], fullText: true),
        ])

    /// Figures, with what they measure, who gave them and the sentence they stand in.
    static let claims = Table(
        name: "claim",
        columns: [
            rowNumber(), articleNumber(), Column(name: "value", type: .real), .optional("unit", .text), .optional("subject", .text),
            .optional("speakerId", .number, references: entityReference), .optional("speakerLocal", .text), .optional("time", .text),
        ] + span + [count("sentenceStart"), count("sentenceEnd")] + provenance,
        indexes: [Index(name: "claim_speaker", columns: ["speakerId"]), Index(name: "claim_article", columns: ["articleNumber"])])

    /// Dated events of an article's timeline.
    static let milestones = Table(
        name: "milestone",
        columns: [rowNumber(), articleNumber(), text("date")] + span + provenance,
        indexes: [Index(name: "milestone_article", columns: ["articleNumber"])])

    /// The entities taking part in a milestone. The key's columns come first: SQLite 3.40's
    /// integrity_check reports a false NULL in a WITHOUT ROWID table whose other columns sit
    /// between the key's.
    static let milestoneParticipants = Table(
        name: "milestoneParticipant",
        columns: [
            Column(name: "milestoneId", type: .number, references: Reference(table: "milestone", column: "id", cascades: true)),
            text("localId"), entityId(),
        ],
        key: ["milestoneId", "localId"])

    /// Every table as the first migration made it, in the order they are made (a table after
    /// those it refers to).
    static let firstTables = [
        articles.without(layout.name), storyBands, entities, entityNames, entityLinks, entityChanges, roles, quotes, claims, milestones,
        milestoneParticipants,
    ]

    /// Indexes for the store's overview and its newest-first lists: the first and last
    /// publication, the outlets and Byline versions, and the newest quotes and figures, read
    /// without scanning every article.
    static let articleOrderIndexes = [
        Index(name: "article_published", columns: ["published", "number"]),
        Index(name: "article_publisher", columns: ["publisher"]),
        Index(name: "article_version", columns: ["bylineVersion"]),
    ]
}

/// How one SQL dialect writes the description: its types, its names, its keyed tables.
protocol SQLDialect {
    /// The column as this dialect stores it (renamed, retyped), or nil when it has no such column.
    func stored(_ column: StoreSchema.Column) -> StoreSchema.Column?
    /// The type (and, for a row number, key) of a column of this type.
    func typeName(_ type: StoreSchema.ColumnType) -> String
    /// A column name as written in a statement.
    func quoted(_ name: String) -> String
    /// What follows `CREATE TABLE name (…)` for a table keyed by several columns.
    var keyedTableOptions: String { get }
}

extension SQLDialect {
    /// `name TYPE NOT NULL UNIQUE REFERENCES table(column) ON DELETE CASCADE`, or nil for a
    /// column this dialect does not have; `tableNames` gives the name a referred table has.
    func columnDefinition(_ column: StoreSchema.Column, tableNames: (String) -> String = { $0 }) -> String? {
        guard let column = stored(column) else { return nil }
        var definition = "\(quoted(column.name)) \(typeName(column.type))"
        if column.notNull && column.type != .rowNumber { definition += " NOT NULL" }
        if column.unique { definition += " UNIQUE" }
        if let reference = column.references {
            definition += " REFERENCES \(tableNames(reference.table))(\(reference.column))"
            if reference.cascades { definition += " ON DELETE CASCADE" }
        }
        return definition
    }

    /// The names of the table's columns as this dialect stores them, in order.
    func storedNames(_ table: StoreSchema.Table) -> [String] {
        table.columns.compactMap { stored($0).map { quoted($0.name) } }
    }

    /// `CREATE TABLE name (…)` with one column a line, named `name` (the description's by
    /// default); `tableNames` gives the name a table it refers to has.
    func createTable(_ table: StoreSchema.Table, named name: String? = nil, tableNames: (String) -> String = { $0 }) -> String {
        var lines = table.columns.compactMap { columnDefinition($0, tableNames: tableNames) }
        if !table.key.isEmpty { lines.append("PRIMARY KEY (\(table.key.joined(separator: ", ")))") }
        return "CREATE TABLE \(name ?? table.name) (\n" + lines.map { "    " + $0 }.joined(separator: ",\n") + "\n)"
            + (table.key.isEmpty ? "" : keyedTableOptions)
    }

    /// `CREATE INDEX name ON table(columns)`, on the table named `table`.
    func createIndex(_ index: StoreSchema.Index, on table: String) -> String {
        let columns = index.columns.joined(separator: ", ")
        if index.fullText { return "CREATE INDEX \(index.name) ON \(table) USING GIN (\(columns))" }
        return "CREATE INDEX \(index.name) ON \(table)(\(columns))" + (index.condition.map { " WHERE \($0)" } ?? "")
    }

    /// `ALTER TABLE table ADD COLUMN …`: a column added by a later migration.
    func addColumn(_ column: StoreSchema.Column, to table: String) -> String {
        "ALTER TABLE \(table) ADD COLUMN \(columnDefinition(column) ?? "")"
    }

    /// The table's indexes that this dialect has: those on columns it has.
    func indexes(of table: StoreSchema.Table) -> [StoreSchema.Index] {
        table.indexes.filter { index in
            index.columns.allSatisfy { name in table.columns.contains { $0.name == name && stored($0) != nil } }
        }
    }

    /// The table and its indexes, named as in the description.
    func createTableAndIndexes(_ table: StoreSchema.Table) -> [String] {
        [createTable(table)] + indexes(of: table).map { createIndex($0, on: table.name) }
    }
}

extension StoreSchema {
    /// The statements as one SQL text, each ended by a semicolon, one after another.
    static func script(_ statements: [String]) -> String {
        statements.map { $0 + ";" }.joined(separator: "\n")
    }
}
