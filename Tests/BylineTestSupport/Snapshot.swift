import Foundation
import Testing

/// Compares `actual` with the golden file `name` in the folder `folder` (relative to the
/// repository's root, e.g. `Tests/BylineCLITests/Snapshots`); with `RECORD_SNAPSHOTS=1` in the
/// environment, writes the file instead. A mismatch reports the first differing lines.
public func assertSnapshot(
    _ actual: String, named name: String, in folder: String, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let url = packageRoot.appendingPathComponent(folder).appendingPathComponent(name)
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
