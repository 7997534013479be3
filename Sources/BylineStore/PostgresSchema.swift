/// The PostgreSQL schema, owned by named migrations like the SQLite one (``SQLiteSchema``) and
/// rendered from the same description (``StoreSchema``): the same tables and columns, so the
/// same questions have the same answers on both back ends.
///
/// Where the two differ, it is for what each engine does best: full-text search is a `tsvector`
/// column with a GIN index (SQLite: FTS5 tables), article text is stored as `text` and compressed
/// by PostgreSQL itself (TOAST; SQLite: zlib in the row), and tables keyed by an article and a
/// local id have that pair as their primary key (SQLite: `WITHOUT ROWID`).
enum PostgresSchema {
    /// The migrations, in order: (name, statements). A migration never changes once released.
    static let migrations: [(name: String, sql: String)] = [
        (
            "v1-articles-and-facts",
            StoreSchema.script(StoreSchema.firstTables.flatMap(PostgresDialect().createTableAndIndexes))
        ),
        // The same indexes as SQLite's v4: the store's overview and newest-first lists.
        (
            "v2-article-order-indexes",
            StoreSchema.script(StoreSchema.articleOrderIndexes.map { PostgresDialect().createIndex($0, on: StoreSchema.articles.name) })
        ),
        // SQLite's v5: each article's paragraph layout, for `byline reindex`.
        ("v3-paragraph-layout", StoreSchema.script([PostgresDialect().addColumn(StoreSchema.layout, to: StoreSchema.articles.name)])),
    ]
}

/// PostgreSQL's names for the description's types.
struct PostgresDialect: SQLDialect {
    func stored(_ column: StoreSchema.Column) -> StoreSchema.Column? { column }

    func typeName(_ type: StoreSchema.ColumnType) -> String {
        switch type {
        case .rowNumber: "BIGSERIAL PRIMARY KEY"
        case .number: "BIGINT"
        case .count: "INTEGER"
        case .real: "DOUBLE PRECISION"
        case .text, .repeatedText: "TEXT"
        case .signature: "BIGINT[]"
        case .postgresOnly(let name): name
        }
    }

    /// `end` is a reserved word in PostgreSQL.
    func quoted(_ name: String) -> String { name == "end" ? "\"end\"" : name }

    var keyedTableOptions: String { "" }
}
