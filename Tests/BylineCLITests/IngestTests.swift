import BylineStore
import Foundation
import Testing

/// `count` made-up articles, each a few paragraphs with a person, a quote and a figure, in a
/// fresh folder.
func articleFolder(count: Int) throws -> URL {
    let folder = try temporaryFolder()
    let towns = ["Port Aven", "Lindmark", "Tessaly", "Grauburg", "Moravale"]
    for i in 0..<count {
        let town = towns[i % towns.count]
        let text = """
            Mayor Elena Kovacs of \(town) said on Monday that the city would spend $\(i + 3).5 million on \(i + 2) new bridges.

            "Every district deserves a safe crossing, and we will build \(i + 2) of them by \(2030 + i % 5)," Kovacs said.

            The \(town) council approved the plan in \(2000 + i) after a debate that lasted \(i + 4) hours.
            """
        try Data(text.utf8).write(to: folder.appendingPathComponent(String(format: "article-%03d.txt", i)))
    }
    return folder
}

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)))
func ingestStoresGoodInputsReportsBadOnesAndSkipsWhatItHasOnTheNextRun() throws {
    let folder = try articleFolder(count: 3)
    let empty = folder.appendingPathComponent("empty.txt")
    try Data().write(to: empty)
    let database = try temporaryFolder().appendingPathComponent("kb.db").path
    let first = try runByline(["ingest", "--plain", "--published", "2025-03-10", "--db", database, folder.path])
    #expect(first.status == 1)
    #expect(first.errors == "byline: \(empty.path): empty input\n")
    #expect(first.output.hasPrefix("ingest: 3 new, 0 already present, 1 failed; "))
    try FileManager.default.removeItem(at: empty)
    let second = try runByline(["ingest", "--plain", "--published", "2025-03-10", "--db", database, folder.path])
    #expect(second.status == 0)
    #expect(second.output.hasPrefix("ingest: 0 new, 3 already present, 0 failed; 0 facts"))
    let stats = try runByline(["stats", "--db", database, "--format", "json"])
    let object = try JSONSerialization.jsonObject(with: stats.outputBytes) as? [String: Any]
    #expect(object?["articles"] as? Int == 3)
}

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)))
func quotesAndPersonAnswerInEveryFormat() throws {
    let folder = try articleFolder(count: 2)
    let database = try temporaryFolder().appendingPathComponent("kb.db").path
    _ = try runByline(["ingest", "--plain", "--published", "2025-03-10", "--db", database, folder.path])
    let jsonl = try runByline(["quotes", "--by", "Elena Kovacs", "--format", "jsonl", "--db", database])
    let lines = jsonl.output.split(separator: "\n")
    #expect(lines.count >= 2)
    #expect(lines.allSatisfy { $0.contains("\"speaker\":\"Elena Kovacs\"") })
    let csv = try runByline(["quotes", "--by", "Elena Kovacs", "--format", "csv", "--db", database])
    #expect(csv.output.hasPrefix("date,speaker,role,quote,outlet,article\r\n"))
    let person = try runByline(["person", "Elena Kovacs", "--format", "json", "--db", database])
    let object = try JSONSerialization.jsonObject(with: person.outputBytes) as? [String: Any]
    #expect(object?["name"] as? String == "Elena Kovacs")
    #expect((object?["quotes"] as? [Any])?.count == lines.count)
    #expect((object?["roles"] as? [[String: Any]])?.first?["title"] as? String == "Mayor")
}

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)))
func anIngestKilledAtRandomPointsLeavesASoundStoreThatARerunCompletes() async throws {
    let count = 40
    let folder = try articleFolder(count: count)
    let database = try temporaryFolder().appendingPathComponent("kb.db").path
    let arguments = ["ingest", "--plain", "--published", "2025-03-10", "--batch", "4", "--db", database, folder.path]
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<20 {
        // A run that ends before its kill is fine too: the next run finds everything stored.
        _ = try? runToEnd(bylineExecutable, arguments, timeout: Double.random(in: 0.05...2.0, using: &generator))
        let integrity = try await SQLiteStore(path: database).integrityCheck()
        #expect(integrity == "ok")
    }
    let last = try runByline(arguments)
    #expect(last.status == 0)
    let store = try SQLiteStore(path: database)
    let statistics = try await store.statistics()
    #expect(statistics.articles == count)
    // Every article is complete: one quote of its mayor each, and no duplicate.
    let quotes = try await store.quotes(FactQuery(by: "Elena Kovacs", limit: nil))
    #expect(statistics.quotes == quotes.count)
    #expect(Set(quotes.map(\.citation.article)).count == count)
}

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)))
func searchAnswersWhileAnIngestWrites() async throws {
    let folder = try articleFolder(count: 60)
    let database = try temporaryFolder().appendingPathComponent("kb.db").path
    _ = try runByline(["ingest", "--plain", "--db", database, folder.appendingPathComponent("article-000.txt").path])
    let ingest = Task.detached {
        try runToEnd(bylineExecutable, ["ingest", "--plain", "--batch", "2", "--db", database, folder.path])
    }
    var answered = 0
    for _ in 0..<5 {
        let search = try runByline(["search", "bridges", "--format", "jsonl", "--db", database])
        #expect(search.status == 0)
        if !search.output.isEmpty { answered += 1 }
    }
    #expect(try await ingest.value.status == 0)
    #expect(answered == 5)
}

/// The PostgreSQL server of the store tests (`BYLINE_TEST_POSTGRES_URL`, set by CI), if any.
private let postgresURL = ProcessInfo.processInfo.environment["BYLINE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)),
      .disabled(if: postgresURL == nil, "BYLINE_TEST_POSTGRES_URL is not set: ingest and the query commands were not run on PostgreSQL (CI runs them)"))
func ingestAndTheQueryCommandsWorkOnPostgreSQL() throws {
    let folder = try articleFolder(count: 3)
    let url = try #require(postgresURL)
    let schema = "cli_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let database = url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    let first = try runByline(["ingest", "--plain", "--published", "2025-03-10", "--db", database, folder.path])
    #expect(first.status == 0)
    #expect(first.output.hasPrefix("ingest: 3 new, 0 already present, 0 failed; "))
    let again = try runByline(["ingest", "--plain", "--published", "2025-03-10", "--db", database, folder.path])
    #expect(again.output.hasPrefix("ingest: 0 new, 3 already present, 0 failed; 0 facts"))
    let quotes = try runByline(["quotes", "--by", "Elena Kovacs", "--format", "jsonl", "--db", database])
    #expect(quotes.output.split(separator: "\n").count >= 3)
    let search = try runByline(["search", "bridges", "--format", "jsonl", "--db", database])
    #expect(search.output.split(separator: "\n").count == 3)
    let person = try runByline(["person", "Elena Kovacs", "--format", "json", "--db", database])
    let object = try JSONSerialization.jsonObject(with: person.outputBytes) as? [String: Any]
    #expect(object?["name"] as? String == "Elena Kovacs")
}
