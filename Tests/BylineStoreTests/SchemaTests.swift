@testable import BylineStore
import BylineTestSupport
import Foundation
import GRDB
import Testing

/// The SQLite and PostgreSQL schemas are rendered from one description (``StoreSchema``); these
/// tests pin what they render to what the schemas were before (golden files recorded from the
/// last Byline whose schemas were written out by hand), and check that a store made by that
/// Byline still opens, reads and takes new articles.

/// `sqlite_master` of the store at `path`, one object a paragraph, with the migrations done.
private func schemaText(of pool: DatabasePool) throws -> String {
    try pool.read { db in
        let migrations = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        var text = "-- migrations: \(migrations.joined(separator: ", "))\n\n"
        for row in try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name") {
            let type: String = row["type"], name: String = row["name"], table: String = row["tbl_name"]
            let sql: String? = row["sql"]
            text += "-- \(type) \(name) on \(table)\n" + (sql.map { $0 + ";" } ?? "-- (made by SQLite)") + "\n\n"
        }
        return text
    }
}

/// A new folder for a test's database files.
private func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-schema-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

@Test func aNewSQLiteStoreHasTheSchemaItHadBefore() throws {
    let store = try SQLiteStore(path: try temporaryFolder().appendingPathComponent("new.db").path)
    try assertSnapshot(try schemaText(of: store.pool), named: "sqlite-schema.txt", in: "Tests/BylineStoreTests/Snapshots")
}

@Test func thePostgreSQLMigrationsAreTheStatementsTheyWereBefore() throws {
    let text = PostgresSchema.migrations.map { "-- \($0.name)\n\($0.sql)\n\n" }.joined()
    try assertSnapshot(text, named: "postgres-schema.txt", in: "Tests/BylineStoreTests/Snapshots")
}

@Test func aStoreMadeByTheLastVersionOpensReadsAndTakesNewArticles() async throws {
    // v4-store.db: made by `byline ingest` before the schemas were rendered from one
    // description, holding one made-up article (a mayor of "Eastvale" quoted on a library).
    let path = try temporaryFolder().appendingPathComponent("v4.db").path
    try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Tests/BylineStoreTests/Snapshots/v4-store.db").path, toPath: path)
    let store = try SQLiteStore(path: path)
    try assertSnapshot(try schemaText(of: store.pool), named: "sqlite-schema.txt", in: "Tests/BylineStoreTests/Snapshots")
    #expect(try await store.statistics().articles == 1)
    let quotes = try await store.quotes(FactQuery(about: "ready"))
    #expect(quotes.first?.text.contains("We are ready") == true)
    #expect(try await store.entities(named: "Ana Ruiz", kind: .person).count == 1)
    _ = try await store.store([try article(ministerOnMonday, published: "2025-03-10")])
    #expect(try await store.statistics().articles == 2)
    #expect(try await store.integrityCheck() == "ok")
}
