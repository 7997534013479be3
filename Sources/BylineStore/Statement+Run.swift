import GRDB
import GRDBSQLite

extension Statement {
    /// Runs this statement, which returns no rows (an `INSERT`, `UPDATE` or `DELETE`), with
    /// `values` bound to its parameters in order, on SQLite's own calls.
    ///
    /// The article writer runs a few statements thousands of times an ingest: this binds each
    /// value as it is, where `execute(arguments:)` first copies them into `StatementArguments`
    /// and checks them, and it skips GRDB's observation of the statement (the writer's
    /// statements run inside a transaction that GRDB opened, and nothing observes them).
    ///
    ///     try db.cachedStatement(sql: "INSERT INTO note (id, text) VALUES (?, ?)").run(Int64(7), "A line")
    ///
    /// - Throws: a `DatabaseError` when a value cannot be bound or the statement fails.
    func run<each Value: StatementBinding>(_ values: repeat each Value) throws {
        let handle = sqliteStatement
        var index: CInt = 0
        var code = CInt(SQLITE_OK)
        for value in repeat each values {
            guard code == SQLITE_OK else { break }
            index += 1
            code = value.bind(to: handle, at: index)
        }
        precondition(code != SQLITE_OK || index == sqlite3_bind_parameter_count(handle), "\(sql): \(index) values for its parameters")
        if code == SQLITE_OK {
            code = sqlite3_step(handle)
        }
        // A failed step leaves its error on the connection until the statement is reset.
        let message = code == SQLITE_DONE ? nil : String(cString: sqlite3_errmsg(sqlite3_db_handle(handle)))
        sqlite3_reset(handle)
        if let message {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
        }
    }
}
