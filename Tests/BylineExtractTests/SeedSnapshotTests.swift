import BylineCore
import BylineExtract
import BylineSource
import BylineTestSupport
import Foundation
import Testing

/// The seed article's `extract` JSON, pinned as a golden file.
@Test func seedExtractionMatchesItsSnapshot() throws {
    let url = try SharedData.url("fixtures/seed/korea-herald-2024-11-10.txt")
    let bytes = try [UInt8](Data(contentsOf: url))
    let source = SourceDocument(uri: "korea-herald-2024-11-10.txt", bytes: bytes)
    let document = try Extractor(options: ReadOptions()).extract(source)
    let json = try DocumentWriter(fields: .extraction, pretty: true).encode(document)
    try assertSnapshot(String(decoding: json, as: UTF8.self) + "\n", named: "seed-extract.json", in: "Tests/BylineExtractTests/Snapshots")
}
