import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import BylineStore
import Foundation

/// The back ends every store test runs against: SQLite always, PostgreSQL when
/// `BYLINE_TEST_POSTGRES_URL` names a server (`postgres://user:password@127.0.0.1:5432/database`;
/// each test gets a schema of its own there). CI sets it (`.ci/postgres.sh`); a CI run without it
/// fails rather than pass on SQLite alone.
enum Backend: String, CaseIterable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    /// The PostgreSQL server the tests use, if any.
    static let postgresURL = ProcessInfo.processInfo.environment["BYLINE_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The back ends that run here: PostgreSQL only when built in (`--traits PostgreSQL`) and
    /// given a server, or in CI (where its absence fails).
    static var allCases: [Backend] {
        #if PostgreSQL
        postgresURL != nil || ProcessInfo.processInfo.environment["CI"] != nil ? [.sqlite, .postgres] : [.sqlite]
        #else
        [.sqlite]
        #endif
    }

    /// A new, empty store of this kind.
    func makeStore() async throws -> any KnowledgeStore {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try SQLiteStore(path: folder.appendingPathComponent("test.db").path)
        case .postgres:
            guard let url = Self.postgresURL else {
                throw BylineError(.cannotOpenStore, "BYLINE_TEST_POSTGRES_URL is not set: CI must run the store tests on PostgreSQL (.ci/postgres.sh)")
            }
            let schema = "test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            return try await KnowledgeBase.open(url + (url.contains("?") ? "&" : "?") + "schema=\(schema)")
        }
    }
}

/// The analysis pipeline, made once.
let pipeline = try! Analysis.pipeline()

/// `text` read as plain body text published on `published`, analysed, ready to store.
func article(_ text: String, published: String, uri: String = "article.txt") throws -> ArticleFacts {
    let extractor = Extractor(options: ReadOptions(plain: true, published: DateStamp(parsing: published)))
    var document = try extractor.extract(SourceDocument(uri: uri, bytes: Array(text.utf8)))
    pipeline.run(on: &document)
    return ArticleFacts(document: document, bylineVersion: "test-1")
}

// Made-up news articles.

let ministerOnMonday = """
    Marta Vidal-Serra, the transport minister of Norland, said on Monday that the harbor project in Port Aven would be finished by 2027.

    "We will open the new harbor to ships next spring," Vidal-Serra said at a news conference.

    The Norland Port Authority approved the expansion in 2019, and the first pier opened in 2021.
    """

let ministerOnTuesday = """
    Transport minister Marta Vidal Serra told lawmakers on Tuesday that the harbor would cost $4.2 billion.

    "The harbor is the largest project our country has ever built," Vidal Serra said.

    The Norland Port Authority first approved the expansion in 2019 after years of debate.
    """

let coachOkafor = """
    Daniel Okafor, the head coach of Harbor City FC, said on Saturday that his team was ready for the final.

    "We have trained hard all season," Okafor said after practice.
    """

let senatorOkafor = """
    Senator Daniel Okafor of the Norland Senate said on Wednesday that the budget vote would be delayed.

    "The budget needs more work," Okafor said in the chamber.
    """

let senatorBesideMinister = """
    Senator Daniel Okafor of the Norland Senate said on Wednesday that the budget vote would be delayed.

    "The budget needs more work," Okafor said after a meeting with Ilse Marden, the finance minister.
    """

let chairBesideMinister = """
    Daniel Okafor, the chair of the budget committee, said on Thursday that the vote would go ahead.

    The Harbor Workers Union asked for more time. Ilse Marden, the finance minister, agreed with Okafor.
    """

let surnameBesideClub = """
    Mr. Okafor said on Saturday that the Harbor Sports Club was ready for the final.

    The club's supporters filled the stadium for the last training session.
    """
