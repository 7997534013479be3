import BylineTestSupport
import Foundation
import Testing

// WARC archives written by warcio (Tests/Scripts/make_warcs.py), read by the built `byline`.

private let bylineBuilt = FileManager.default.isExecutableFile(atPath: bylineExecutable.path)

/// A fresh folder of the test archives; `huge` adds the one with a 100 MB record.
private func testArchives(huge: Bool = false) throws -> URL {
    let folder = try temporaryFolder()
    let script = packageRoot.appendingPathComponent("Tests/Scripts/make_warcs.py").path
    let result = try runToEnd(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, folder.path] + (huge ? ["--huge"] : []), timeout: 60)
    guard result.status == 0 else {
        throw ChildFailure(description: "make_warcs.py failed (is warcio installed? pip install warcio): \(result.errors)")
    }
    return folder
}

/// Each JSON line of `output`, parsed.
private func objects(_ output: String) -> [[String: Any]] {
    output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
}

private func uris(_ output: String) -> [String] {
    objects(output).compactMap { ($0["source"] as? [String: Any])?["uri"] as? String }
}

private let site = "https://news.example.org/2031/"
private let everyPage = [
    site + "harbor", site + "bridge", site + "library", site + "bridge?chunked", site + "library?gzip", site + "cafe",
]
private let goodCounts = "13 WARC records: 6 documents, 1 skipped (HTTP status other than 200), 1 skipped (metadata record), 1 skipped (not HTML), 3 skipped (request record), 1 skipped (warcinfo record)"

@Test(.enabled(if: bylineBuilt))
func theHTMLResponsesOfAWARCGzFileAreDocuments() throws {
    let archive = try testArchives().appendingPathComponent("good.warc.gz").path
    let result = try runByline(["extract", archive])
    #expect(result.status == 0)
    #expect(result.errors == "byline: \(archive): \(goodCounts)\n")
    let documents = objects(result.output)
    #expect(uris(result.output) == everyPage)
    #expect(documents.allSatisfy { ($0["source"] as? [String: Any])?["format"] as? String == "warc" })
    let metadata = documents.map { $0["metadata"] as? [String: Any] ?? [:] }
    // The page's own date first; the record's date when the page gives none.
    #expect(metadata.map { $0["published"] as? String } == ["2031-04-02T09:00:00Z"] + Array(repeating: "2031-04-03T12:30:45Z", count: 4) + ["2031-04-02T09:00:00Z"])
    #expect(metadata.map { $0["title"] as? String } == [
        "Harbor expansion approved", "Bridge repairs to close river crossing", "Library opens late on weekdays",
        "Bridge repairs to close river crossing", "Library opens late on weekdays", "Café harbor approved",
    ])
    // Chunked and gzip-encoded bodies read as the plain ones do.
    #expect(documents[3]["text"] as? String == documents[1]["text"] as? String)
    #expect(documents[4]["text"] as? String == documents[2]["text"] as? String)
}

@Test(.enabled(if: bylineBuilt))
func anUncompressedWARCReadsAsItsGzipTwin() throws {
    let folder = try testArchives()
    let plain = try runByline(["extract", folder.appendingPathComponent("good.warc").path])
    let compressed = try runByline(["extract", folder.appendingPathComponent("good.warc.gz").path])
    #expect(plain.status == 0)
    #expect(plain.output == compressed.output)
}

@Test(.enabled(if: bylineBuilt))
func aWARCOnStandardInputIsReadRecordByRecord() throws {
    let archive = try Data(contentsOf: testArchives().appendingPathComponent("good.warc.gz"))
    let result = try runByline(["extract", "-"], input: archive)
    #expect(result.status == 0)
    #expect(uris(result.output) == everyPage)
    #expect(result.output.split(separator: "\n").count == everyPage.count)
}

@Test(.enabled(if: bylineBuilt))
func aTruncatedGzipMemberIsReportedAndTheRecordsAfterItRead() throws {
    let archive = try testArchives().appendingPathComponent("truncated.warc.gz").path
    let result = try runByline(["extract", archive])
    #expect(result.status == 1)
    let lines = result.errors.split(separator: "\n")
    #expect(lines.count == 2)
    #expect(lines.first?.hasPrefix("byline: \(archive): after record 4: corrupt gzip data") == true)
    #expect(uris(result.output) == everyPage.filter { $0 != site + "bridge" })
}

@Test(.enabled(if: bylineBuilt))
func aWrongContentLengthIsReportedAndTheNextRecordFound() throws {
    let archive = try testArchives().appendingPathComponent("badlength.warc").path
    let result = try runByline(["extract", archive])
    #expect(result.status == 1)
    let lines = result.errors.split(separator: "\n")
    #expect(lines.prefix(2) == [
        "byline: \(archive): record 3 (\(site)harbor): its Content-Length (666) does not match the record: no record end after it",
        "byline: \(archive): record 5 (\(site)bridge): its Content-Length (694) does not match the record: no record end after it",
    ])
    #expect(uris(result.output) == everyPage.filter { $0 != site + "harbor" && $0 != site + "bridge" })
}

@Test(.enabled(if: bylineBuilt))
func aResponseThatIsNoHTTPIsReported() throws {
    let archive = try testArchives().appendingPathComponent("nonhttp.warc.gz").path
    let result = try runByline(["extract", archive])
    #expect(result.status == 1)
    #expect(result.errors.hasPrefix("byline: \(archive): record 2 (https://news.example.org/raw): not an HTTP response"))
    #expect(uris(result.output) == [site + "harbor", site + "library"])
}

@Test(.enabled(if: bylineBuilt))
func aFileCutOffInItsLastRecordKeepsTheRecordsBefore() throws {
    let archive = try testArchives().appendingPathComponent("cut.warc.gz").path
    let result = try runByline(["extract", archive])
    #expect(result.status == 1)
    #expect(result.errors.hasPrefix("byline: \(archive): record 13: truncated gzip data\n"))
    #expect(uris(result.output) == everyPage)
}

@Test(.enabled(if: bylineBuilt))
func aRecordPastTheSizeLimitIsPassedOverWithoutBeingKept() throws {
    let archive = try testArchives(huge: true).appendingPathComponent("huge.warc.gz").path
    let result = try runToEnd(bylineExecutable, ["extract", archive], timeout: 10)
    #expect(result.status == 1)
    #expect(result.errors.hasPrefix("byline: \(archive): record 2 (https://news.example.org/huge) is larger than 64 MiB, the most one document may hold (--max-document-size)\n"))
    #expect(uris(result.output) == [site + "harbor", site + "library"])
    #expect(result.peakMemory < 1 << 30)
}

@Test(.enabled(if: bylineBuilt))
func ingestStoresEveryDocumentOfAWARCArchive() throws {
    let archive = try testArchives().appendingPathComponent("good.warc.gz").path
    let database = try temporaryFolder().appendingPathComponent("kb.db").path
    let result = try runByline(["ingest", "--db", database, archive])
    #expect(result.status == 0)
    #expect(result.errors == "byline: \(archive): \(goodCounts)\n")
    // One article per distinct document: a page sent twice (chunked, gzip) may be one.
    let ids = Set(objects(try runByline(["extract", archive]).output).compactMap { $0["id"] as? String })
    #expect(result.output.hasPrefix("ingest: \(ids.count) new, \(6 - ids.count) already present, 0 failed; "))
    let search = try runByline(["search", "harbor", "--format", "jsonl", "--db", database])
    #expect(!search.output.isEmpty)
}
