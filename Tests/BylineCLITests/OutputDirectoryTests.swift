import BylineTestSupport
import Foundation
import Testing

// `--output-dir`: one NAME.jsonl.gz per input file, completion markers, resumable runs.

private let bylineBuilt = FileManager.default.isExecutableFile(atPath: bylineExecutable.path)

/// A corpus of real pages: `pages` AEB pages spread over `files` CC-NEWS-like WARC.gz files
/// (Scripts/make_ccnews_warcs.py), and two AEB pages as loose .html.gz files.
private func corpus(pages: Int, files: Int) throws -> URL {
    let folder = try temporaryFolder()
    let aeb = try SharedData.url("bench/aeb/html")
    let script = packageRoot.appendingPathComponent("Scripts/make_ccnews_warcs.py").path
    let made = try runToEnd(
        URL(fileURLWithPath: "/usr/bin/env"),
        ["python3", script, folder.path, "--pages", aeb.path, "--files", "\(files)", "--records", "\(pages)"], timeout: 120)
    guard made.status == 0 else {
        throw ChildFailure(description: "make_ccnews_warcs.py failed (is warcio installed? pip install warcio): \(made.errors)")
    }
    let loose = folder.appendingPathComponent("loose")
    try FileManager.default.createDirectory(at: loose, withIntermediateDirectories: true)
    for page in try SharedData.files(in: "bench/aeb/html", endingWith: ".html.gz").prefix(2) {
        try FileManager.default.copyItem(at: page, to: loose.appendingPathComponent(page.lastPathComponent))
    }
    return folder
}

/// The output files of a run (`NAME.jsonl.gz`, decompressed) and its markers, by name.
private func outputs(of folder: URL) throws -> (files: [String: String], markers: Set<String>, partial: [String]) {
    var files: [String: String] = [:]
    var markers: Set<String> = []
    var partial: [String] = []
    let walker = FileManager.default.enumerator(atPath: folder.path)
    while let name = walker?.nextObject() as? String {
        if name.hasSuffix(".jsonl.gz") {
            let inflated = try runToEnd(URL(fileURLWithPath: "/usr/bin/env"), ["gzip", "-dc", folder.appendingPathComponent(name).path])
            #expect(inflated.status == 0, "\(name) is not whole gzip data")
            files[name] = inflated.output
        } else if name.hasSuffix(".done") {
            markers.insert(String(name.dropLast(5)))
        } else if name.hasSuffix(".partial") {
            partial.append(name)
        }
    }
    return (files, markers, partial)
}

private func statistics(of folder: URL) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("stats.json"))) as? [String: Any] ?? [:]
}

@Test(.enabled(if: bylineBuilt))
func eachInputFileGetsItsOwnOutputAndMarker() throws {
    let input = try corpus(pages: 12, files: 3)
    let out = try temporaryFolder().appendingPathComponent("out")
    let run = try runToEnd(bylineExecutable, ["extract", "--output-dir", out.path, input.path], timeout: 120)
    #expect(run.status == 0, "\(run.errors)")
    #expect(run.output.isEmpty)
    let found = try outputs(of: out)
    let names = [
        "CC-NEWS-20240101000000-00000.warc", "CC-NEWS-20240101001000-00001.warc", "CC-NEWS-20240101002000-00002.warc",
    ]
    let loose = try SharedData.files(in: "bench/aeb/html", endingWith: ".html.gz").prefix(2).map { "loose/" + $0.lastPathComponent.dropLast(3) }
    #expect(found.markers == Set(names + loose))
    #expect(Set(found.files.keys) == Set((names + loose).map { $0 + ".jsonl.gz" }))
    #expect(found.partial.isEmpty)
    // The same documents, in the same order, as a run to standard output.
    let direct = try runToEnd(bylineExecutable, ["extract", "--format", "jsonl", input.path], timeout: 120)
    let joined = ((names + loose).sorted { "\(input.path)/\($0)" < "\(input.path)/\($1)" }).map { found.files[$0 + ".jsonl.gz"] ?? "" }.joined()
    #expect(joined == direct.output)
    let stats = try statistics(of: out)
    let run1 = stats["run"] as? [String: Any]
    #expect(run1?["inputs"] as? Int == 5)
    #expect(run1?["documents"] as? Int == 14)
    #expect((run1?["skippedRecords"] as? [String: Int])?["request record"] == 12)
    #expect(stats["alreadyComplete"] as? Int == 0)
}

@Test(.enabled(if: bylineBuilt))
func aSecondRunSkipsCompleteInputs() throws {
    let input = try corpus(pages: 6, files: 2)
    let out = try temporaryFolder().appendingPathComponent("out")
    let first = try runToEnd(bylineExecutable, ["extract", "--output-dir", out.path, input.path], timeout: 120)
    #expect(first.status == 0)
    let before = try outputs(of: out)
    let second = try runToEnd(bylineExecutable, ["extract", "--output-dir", out.path, input.path], timeout: 120)
    #expect(second.status == 0)
    #expect(second.errors.isEmpty, "a complete input was read again: \(second.errors)")
    let stats = try statistics(of: out)
    #expect(stats["alreadyComplete"] as? Int == 4)
    #expect((stats["run"] as? [String: Any])?["inputs"] as? Int == 0)
    #expect((stats["total"] as? [String: Any])?["documents"] as? Int == 8)
    #expect(try outputs(of: out).files == before.files)
}

@Test(.enabled(if: bylineBuilt))
func aKilledRunResumedEqualsAnUninterruptedOne() throws {
    let input = try corpus(pages: 60, files: 6)
    let whole = try temporaryFolder().appendingPathComponent("whole")
    let started = Date()
    let uninterrupted = try runToEnd(bylineExecutable, ["extract", "--jobs", "2", "--output-dir", whole.path, input.path], timeout: 300)
    let duration = Date().timeIntervalSince(started)
    #expect(uninterrupted.status == 0)
    let expected = try outputs(of: whole)
    #expect(expected.files.count == 8)

    var generator = SystemRandomNumberGenerator()
    for attempt in 1...3 {
        let out = try temporaryFolder().appendingPathComponent("resumed")
        // Killed at a random moment of the run (the first attempt early, the last one late).
        let delay = Double.random(in: (Double(attempt - 1) / 3 * duration)...(Double(attempt) / 3 * duration), using: &generator)
        let killed = try ChildProcess(bylineExecutable, ["extract", "--jobs", "2", "--output-dir", out.path, input.path]).kill(after: delay)
        let resumed = try runToEnd(bylineExecutable, ["extract", "--jobs", "2", "--output-dir", out.path, input.path], timeout: 300)
        #expect(resumed.status == 0, "attempt \(attempt), killed after \(delay) s: \(resumed.errors)")
        let found = try outputs(of: out)
        #expect(found.files == expected.files, "attempt \(attempt), killed (\(killed)) after \(delay) s of \(duration)")
        #expect(found.markers == expected.markers)
        #expect(found.partial.isEmpty)
    }
}

@Test(.enabled(if: bylineBuilt))
func twoInputsWithOneOutputNameAreReported() throws {
    let folder = try temporaryFolder()
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
    try Data(goodArticle.utf8).write(to: folder.appendingPathComponent("a.txt"))
    try Data(goodArticle.utf8).write(to: folder.appendingPathComponent("b/a.txt"))
    let out = folder.appendingPathComponent("out").path
    let a = folder.appendingPathComponent("a.txt").path
    let b = folder.appendingPathComponent("b/a.txt").path
    let result = try runToEnd(bylineExecutable, ["extract", "--output-dir", out, a, b], timeout: 60)
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(b): its output would be a.txt.jsonl.gz, as for \(a); skipped\n")
    #expect(FileManager.default.fileExists(atPath: out + "/a.txt.done"))
}

@Test(.enabled(if: bylineBuilt))
func aDocumentPastItsTimeLimitIsReportedAndTheOthersKept() throws {
    let folder = try temporaryFolder()
    let good = folder.appendingPathComponent("a.txt")
    try Data(goodArticle.utf8).write(to: good)
    // A long article (about 52 MB, under the 64 MiB size limit): its analysis takes seconds even in a
    // release build on a fast machine (about 10 MB/s), the short one's a small part of one.
    let paragraph = "The port authority said on Monday that the council would vote on the harbor plan in March, after a review that cost $4 million."
    let long = folder.appendingPathComponent("long.txt")
    try Data((goodArticle + "\n\n" + Array(repeating: paragraph, count: 400_000).joined(separator: "\n\n")).utf8).write(to: long)
    let result = try runToEnd(bylineExecutable, ["analyze", "--doc-timeout", "1", "--jobs", "1", long.path, good.path], timeout: 120)
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(long.path): not done within 1 s (--doc-timeout); left out\n")
    #expect(result.output.split(separator: "\n").count == 1)
    #expect(result.output.contains("\"uri\":\"\(good.path)\""))
}
