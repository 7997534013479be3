import BylineCore
import Foundation
import GRDB
import Synchronization

/// The knowledge base in one SQLite file, through GRDB: WAL mode (readers answer while a writer
/// writes, from other processes too), foreign keys, FTS5 full-text indexes.
///
///     let store = try SQLiteStore(path: "byline.db")
public final class SQLiteStore: KnowledgeStore {
    let pool: DatabasePool
    /// What the last write transaction's writer knew, and the `PRAGMA data_version` it held for.
    private let writerMemory = Mutex<(version: Int, memory: SQLiteArticleWriter.Memory)?>(nil)

    /// Opens (or creates) the database at `path` and brings its schema up to date; with
    /// `readOnly`, opens an existing, up-to-date database that no call can change (the server's
    /// view of it).
    ///
    /// - Throws: ``BylineError`` when the file cannot be opened or is not a Byline database.
    public init(path: String, readOnly: Bool = false) throws(BylineError) {
        var configuration = Configuration()
        configuration.readonly = readOnly
        configuration.foreignKeysEnabled = true
        // Another process may hold the write lock for one batch: wait for it rather than fail.
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            // In WAL mode NORMAL loses no committed transaction when the process is killed.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Space freed by deleted rows can only be given back (``releaseFreeSpace()``) by a
            // file made to allow it: this takes effect only in a new file, before WAL mode and its
            // first table, and changes nothing in a file made before. (Readers cannot set it.)
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA auto_vacuum = INCREMENTAL")
            }
            SQLiteSchema.addFunctions(to: db)
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch {
            throw BylineError.cannotOpenStore(path, "\(error)")
        }
        do {
            if readOnly {
                guard try pool.read({ try SQLiteSchema.migrator.hasCompletedMigrations($0) }) else {
                    throw BylineError.cannotOpenStore(path, "not a Byline database of this version (run byline ingest on it first)")
                }
            } else {
                try SQLiteSchema.migrator.migrate(pool)
                // The writer's pages stay in memory across its transactions: with SQLite's
                // default 2 MiB, the indexes an article adds to are read back from the file and
                // a transaction's changed pages are written out before it commits, again and again.
                try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -\(Self.writerCacheKiB)") }
            }
        } catch let error as BylineError {
            throw error
        } catch {
            throw BylineError.cannotOpenStore(path, "\(error)")
        }
    }

    /// The writer connection's page cache, in KiB.
    static let writerCacheKiB = 65_536

    public func storedArticleIDs(among ids: [String]) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        return try await pool.read { db in
            var found = Set<String>()
            for start in stride(from: 0, to: ids.count, by: 500) {
                let chunk = ids[start..<min(start + 500, ids.count)]
                let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
                found.formUnion(try String.fetchAll(db, sql: "SELECT id FROM article WHERE id IN (\(marks))", arguments: StatementArguments(chunk)))
            }
            return found
        }
    }

    public func store(_ articles: [ArticleFacts]) async throws -> StoreReceipt {
        try await write(ArticleCursor(articles).next, upTo: articles.count) { writer, article in try writer.write(article) }.receipt
    }

    /// Writes each article as soon as `next` hands it over, inside the open transaction, and
    /// commits every `batch` articles and after the last.
    public func store(handedOver next: @escaping @Sendable () -> ArticleFacts?, batch: Int) async throws -> StoreReceipt {
        var receipt = StoreReceipt()
        while true {
            let (written, taken) = try await write(next, upTo: batch) { writer, article in try writer.write(article) }
            receipt = receipt + written
            if taken < batch { return receipt }
        }
    }

    /// Writes, in one transaction, the articles `next` gives until it gives nil or `limit` of
    /// them are taken, each by `step`; returns the sum of what was stored and how many were taken.
    ///
    /// The writer starts from what the last transaction's writer knew of the stored rows when no
    /// other connection has written since (`PRAGMA data_version` is the same); a transaction that
    /// fails leaves the next one to start afresh.
    private func write(
        _ next: @escaping @Sendable () -> ArticleFacts?, upTo limit: Int,
        by step: @escaping @Sendable (inout SQLiteArticleWriter, ArticleFacts) throws -> StoreReceipt
    ) async throws -> (receipt: StoreReceipt, taken: Int) {
        do {
            return try await pool.write { db in
                let version = try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0
                let kept = self.writerMemory.withLock { kept in
                    defer { kept = nil }
                    return kept?.version == version ? kept?.memory : nil
                }
                var writer = SQLiteArticleWriter(db: db, memory: kept ?? SQLiteArticleWriter.Memory())
                var receipt = StoreReceipt()
                var taken = 0
                while taken < limit, let article = next() {
                    taken += 1
                    receipt = receipt + (try step(&writer, article))
                }
                if !writer.memory.isFull {
                    self.writerMemory.withLock { $0 = (version, writer.memory) }
                }
                return (receipt, taken)
            }
        } catch {
            writerMemory.withLock { $0 = nil }
            throw error
        }
    }

    public func articleCount(notProducedBy version: String?) async throws -> Int {
        try await pool.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM articleRow WHERE ? IS NULL OR bylineVersion != ?", arguments: [version, version]) ?? 0
        }
    }

    public func articlesToReindex(notProducedBy version: String?, after number: Int64, limit: Int) async throws -> [StoredText] {
        try await pool.read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT number, id, uri, format, title, publisher, authors, published, language, url, bylineText(body), layout
                    FROM articleRow WHERE number > ? AND (? IS NULL OR bylineVersion != ?) ORDER BY number LIMIT ?
                    """, arguments: [number, version, version, limit]
            ).map { row in
                StoredText(
                    number: row[0],
                    record: ArticleRecord(
                        id: row[1], uri: row[2], format: row[3], title: row[4], publisher: row[5], authors: ArticleRecord.authors(fromColumn: row[6]),
                        published: row[7], language: row[8], url: row[9], text: row[10], layout: row[11]))
            }
        }
    }

    public func replaceFacts(_ articles: [ArticleFacts]) async throws -> StoreReceipt {
        try await write(ArticleCursor(articles).next, upTo: articles.count) { writer, article in try writer.replaceFacts(article) }.receipt
    }

    public func releaseFreeSpace() async throws {
        try await pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA incremental_vacuum")
            // The file shrinks when the pages moved into the write-ahead log are copied back.
            try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
        }
    }

    /// Runs `PRAGMA integrity_check`; returns its answer, `ok` for a sound file.
    public func integrityCheck() async throws -> String {
        try await pool.read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "\n")
        }
    }
}

/// Gives the articles of an array one by one, in order, then nil.
private final class ArticleCursor: Sendable {
    private let articles: [ArticleFacts]
    private let taken = Atomic(0)

    init(_ articles: [ArticleFacts]) {
        self.articles = articles
    }

    func next() -> ArticleFacts? {
        let index = taken.add(1, ordering: .relaxed).oldValue
        return index < articles.count ? articles[index] : nil
    }
}

/// The store's failures, as errors about the store's location (the path or URL the user gave).
extension BylineError.Kind {
    /// The database cannot be opened, created or migrated.
    public static let cannotOpenStore = BylineError.Kind("cannot open the database")
    /// No entity has the id asked for.
    public static let noSuchEntity = BylineError.Kind("no such entity")
}

extension BylineError {
    /// The store at `location` cannot be opened, created or migrated: `LOCATION: cannot open the
    /// database: REASON`.
    static func cannotOpenStore(_ location: String, _ reason: String) -> BylineError {
        BylineError(.cannotOpenStore, input: location, "\(Kind.cannotOpenStore): \(reason)")
    }

    /// No stored entity is the one asked for: `no such entity: REASON`.
    static func noSuchEntity(_ reason: String) -> BylineError {
        BylineError(.noSuchEntity, "\(Kind.noSuchEntity): \(reason)")
    }
}
