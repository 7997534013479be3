#if PostgreSQL
import BylineCore
import Foundation
import Logging
import PostgresNIO

/// The knowledge base on a PostgreSQL server, through postgres-nio: a newsroom's shared store,
/// written and read by many machines at once. The same schema and the same answers as
/// ``SQLiteStore``; chosen by a `postgres://` location (see ``StoreLocation``).
///
///     let store = try await PostgresStore(url: "postgres://byline:secret@127.0.0.1:5432/news")
///
/// A `schema=NAME` query parameter keeps the store in that schema (made when missing), so one
/// database can hold several stores: `postgres://…/news?schema=archive`.
public final class PostgresStore: KnowledgeStore {
    let client: PostgresClient
    private let running: Task<Void, Never>
    /// The location as given, for error messages (without its password).
    let location: String

    /// Connects to the server at `url` and brings the store's schema up to date; with
    /// `readOnly`, finds the schema up to date and opens every session read-only (the server's
    /// view of the store), so no call can change it.
    ///
    /// - Throws: ``BylineError`` when the URL is not a PostgreSQL URL, the server cannot be
    ///   reached or refuses the login, or the schema cannot be made (or, read-only, is missing or
    ///   older than this Byline).
    public init(url: String, readOnly: Bool = false) async throws(BylineError) {
        let parsed = try PostgresLocation(url)
        location = parsed.redacted
        var configuration = PostgresClient.Configuration(
            host: parsed.host, port: parsed.port, username: parsed.user, password: parsed.password, database: parsed.database,
            tls: .disable)
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.maximumConnections = 8
        if let schema = parsed.schema {
            configuration.options.additionalStartupParameters.append(("search_path", schema))
        }
        if readOnly {
            configuration.options.additionalStartupParameters.append(("default_transaction_read_only", "on"))
        }
        let client = PostgresClient(configuration: configuration, backgroundLogger: Logger(label: "byline.postgres") { _ in SwiftLogNoOpLogHandler() })
        self.client = client
        running = Task { await client.run() }
        do {
            if readOnly {
                guard try await isUpToDate() else {
                    running.cancel()
                    throw BylineError.cannotOpenStore(parsed.redacted, "not a Byline database of this version (run byline ingest on it first)")
                }
            } else {
                try await migrate(schema: parsed.schema)
            }
        } catch let error as BylineError {
            throw error
        } catch {
            running.cancel()
            throw BylineError.cannotOpenStore(parsed.redacted, Self.describe(error))
        }
    }

    /// Whether every migration has run on the store.
    private func isUpToDate() async throws -> Bool {
        let exists = try await column("SELECT to_regclass('bylineMigration') IS NOT NULL", as: Bool.self).first ?? false
        guard exists else { return false }
        let done = Set(try await column("SELECT name FROM bylineMigration", as: String.self))
        return PostgresSchema.migrations.allSatisfy { done.contains($0.name) }
    }

    deinit {
        running.cancel()
    }

    /// Makes the schema (when asked for one) and runs the migrations not yet run, one process at
    /// a time (an advisory lock), each in its own transaction.
    private func migrate(schema: String?) async throws {
        if let schema {
            try await client.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\""))
        }
        try await client.withTransaction(logger: Self.quiet) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(7347116)", logger: Self.quiet)
            try await connection.query("CREATE TABLE IF NOT EXISTS bylineMigration (name TEXT PRIMARY KEY, ranAt TEXT NOT NULL)", logger: Self.quiet)
            var done = Set<String>()
            for try await name in try await connection.query("SELECT name FROM bylineMigration", logger: Self.quiet).decode(String.self) {
                done.insert(name)
            }
            for migration in PostgresSchema.migrations where !done.contains(migration.name) {
                // A prepared statement holds one command: the migration's run one by one.
                for statement in migration.sql.components(separatedBy: ";\n") where !statement.allSatisfy(\.isWhitespace) {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: Self.quiet)
                }
                let now = ISO8601DateFormatter().string(from: Date())
                try await connection.query("INSERT INTO bylineMigration (name, ranAt) VALUES (\(migration.name), \(now))", logger: Self.quiet)
            }
        }
    }

    public func storedArticleIDs(among ids: [String]) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        var found = Set<String>()
        for try await id in try await client.query("SELECT id FROM article WHERE id = ANY(\(ids))").decode(String.self) {
            found.insert(id)
        }
        return found
    }

    public func store(_ articles: [ArticleFacts]) async throws -> StoreReceipt {
        try await write(articles) { writer, article in try await writer.write(article) }
    }

    /// Writes `articles` in one transaction, each by `step`, and sums what was stored.
    private func write(
        _ articles: [ArticleFacts],
        by step: @escaping @Sendable (inout PostgresArticleWriter, ArticleFacts) async throws -> StoreReceipt
    ) async throws -> StoreReceipt {
        try await client.withTransaction(logger: Self.quiet) { connection in
            // One writer at a time decides entity merges, as SQLite's single writer does.
            try await connection.query("SELECT pg_advisory_xact_lock(7347117)", logger: Self.quiet)
            var writer = PostgresArticleWriter(connection: connection)
            var receipt = StoreReceipt()
            for article in articles {
                receipt = receipt + (try await step(&writer, article))
            }
            return receipt
        }
    }

    public func articleCount(notProducedBy version: String?) async throws -> Int {
        var count = 0
        let rows = try await client.query(
            "SELECT count(*) FROM article WHERE \(version)::text IS NULL OR bylineVersion <> \(version)::text", logger: Self.quiet)
        for try await value in rows.decode(Int.self) { count = value }
        return count
    }

    public func articlesToReindex(notProducedBy version: String?, after number: Int64, limit: Int) async throws -> [StoredText] {
        let rows = try await client.query("""
            SELECT number, id, uri, format, title, publisher, authors, published, language, url, text, layout
            FROM article WHERE number > \(number) AND (\(version)::text IS NULL OR bylineVersion <> \(version)::text)
            ORDER BY number LIMIT \(limit)
            """, logger: Self.quiet)
        var found: [StoredText] = []
        for try await row in rows {
            let (number, id, uri, format, title, publisher, authors, published, language, url, text, layout) = try row.decode(
                (Int64, String, String, String, String?, String?, String, String?, String?, String?, String, String?).self)
            found.append(StoredText(
                number: number,
                record: ArticleRecord(
                    id: id, uri: uri, format: format, title: title, publisher: publisher, authors: ArticleRecord.authors(fromColumn: authors),
                    published: published, language: language, url: url, text: text, layout: layout)))
        }
        return found
    }

    public func replaceFacts(_ articles: [ArticleFacts]) async throws -> StoreReceipt {
        try await write(articles) { writer, article in try await writer.replaceFacts(article) }
    }

    /// PostgreSQL's autovacuum reclaims the space of deleted rows.
    public func releaseFreeSpace() async throws {}

    /// A logger that logs nothing: the store reports its errors by throwing them.
    static let quiet = Logger(label: "byline.postgres.quiet") { _ in SwiftLogNoOpLogHandler() }

    /// The server's own message for an error, when it sent one.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return "\(underlying)" }
            return "\(error.code)"
        }
        return "\(error)"
    }
}

/// A `postgres://user:password@host:port/database?schema=NAME` location, taken apart.
struct PostgresLocation {
    var host: String
    var port: Int
    var user: String
    var password: String?
    var database: String?
    var schema: String?

    init(_ url: String) throws(BylineError) {
        guard KnowledgeBase.isPostgres(url), let components = URLComponents(string: url), let host = components.host, !host.isEmpty else {
            throw BylineError.cannotOpenStore(url, "not a PostgreSQL URL (postgres://user:password@host:port/database)")
        }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding }
        let name = String(components.path.drop { $0 == "/" })
        database = name.isEmpty ? nil : name
        schema = components.queryItems?.first { $0.name == "schema" }?.value
        if let schema, schema.isEmpty || !schema.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
            throw BylineError.cannotOpenStore(url, "schema '\(schema)': letters, digits and _ only")
        }
    }

    /// The location without its password, for messages.
    var redacted: String {
        "postgres://\(user)@\(host):\(port)/\(database ?? "")" + (schema.map { "?schema=\($0)" } ?? "")
    }
}
#endif
