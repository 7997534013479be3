import BylineCore
import BylineExtract
import BylineSource
import Foundation
import Testing

/// The package's root folder.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The shared fixtures beside the repository (read at test time, never copied).
let sharedFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

/// Reads a hand-written page through the scraped-text reader.
func readPage(_ text: String) throws -> Document {
    try ScrapedTextReader().read(SourceDocument(uri: "page.txt", bytes: Array(text.utf8)))
}

/// The texts of the paragraphs of one kind.
func paragraphs(_ document: Document, _ kind: ParagraphKind) -> [String] {
    document.paragraphs.filter { $0.kind == kind }.map { String(document.text[$0.span]) }
}

/// Compares `actual` with the golden file `name` under Snapshots/; with RECORD_SNAPSHOTS=1 in
/// the environment, writes the file instead. A mismatch reports the first differing lines.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = packageRoot.appendingPathComponent("Tests/BylineExtractTests/Snapshots/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try Data(actual.utf8).write(to: url)
        return
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        Issue.record("no snapshot \(name); run with RECORD_SNAPSHOTS=1 to record it", sourceLocation: sourceLocation)
        return
    }
    guard expected != actual else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var diff: [String] = []
    for i in 0..<max(want.count, got.count) where diff.count < 12 {
        let w = i < want.count ? String(want[i]) : "<end>"
        let g = i < got.count ? String(got[i]) : "<end>"
        if w != g { diff.append("line \(i + 1):\n  - \(w)\n  + \(g)") }
    }
    let report = diff.joined(separator: "\n")
    Issue.record("snapshot \(name) differs (RECORD_SNAPSHOTS=1 records it anew):\n\(report)", sourceLocation: sourceLocation)
}
