import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import BylineStore
import Foundation

/// The back ends every store test runs against.
enum Backend: String, CaseIterable, CustomStringConvertible {
    case sqlite

    var description: String { rawValue }

    /// A new, empty store of this kind.
    func makeStore() throws -> any KnowledgeStore {
        switch self {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("byline-store-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            return try SQLiteStore(path: folder.appendingPathComponent("test.db").path)
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
