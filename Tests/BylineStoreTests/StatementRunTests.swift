@testable import BylineStore
import Foundation
import GRDB
import Testing

/// `Statement.run`, the article writer's way of running its inserts: each value is stored as
/// `execute(arguments:)` would store it, and a failing statement throws and can run again.

@Test func aStatementRunStoresEachValueAsExecuteWould() throws {
    let queue = try DatabaseQueue()
    let rows = try queue.write { db in
        try db.execute(sql: "CREATE TABLE note (id INTEGER PRIMARY KEY, title TEXT, score REAL, flag INTEGER, body BLOB, missing TEXT)")
        let insert = try db.cachedStatement(sql: "INSERT INTO note (id, title, score, flag, body, missing) VALUES (?, ?, ?, ?, ?, ?)")
        try insert.run(Int64(1), "Tide tables", 0.25, true, Data([0, 1, 2]), String?.none)
        try db.execute(
            sql: "INSERT INTO note (id, title, score, flag, body, missing) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [Int64(2), "Tide tables", 0.25, true, Data([0, 1, 2]), String?.none])
        return try Row.fetchAll(db, sql: "SELECT title, score, flag, body, missing, typeof(flag), typeof(missing) FROM note ORDER BY id")
    }
    #expect(rows.count == 2)
    #expect(rows[0] == rows[1])
}

@Test func aFailingStatementRunThrowsAndTheStatementRunsAgain() throws {
    let queue = try DatabaseQueue()
    try queue.write { db in
        try db.execute(sql: "CREATE TABLE harbour (name TEXT NOT NULL UNIQUE)")
        let insert = try db.cachedStatement(sql: "INSERT INTO harbour (name) VALUES (?)")
        try insert.run("Port Vell")
        #expect(throws: DatabaseError.self) { try insert.run("Port Vell") }
        try insert.run("Porto Nuovo")
        #expect(try String.fetchAll(db, sql: "SELECT name FROM harbour ORDER BY name") == ["Port Vell", "Porto Nuovo"])
    }
}
