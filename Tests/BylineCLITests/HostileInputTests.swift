import BylineAnalysis
import BylineCLI
import BylineCore
import BylineExtract
import Foundation
import Testing

// Inputs an attacker (or an accident) would give: each ends in one error line for that input,
// a non-zero exit, every other input's output kept, within 10 seconds and 1 GB of memory.

private let bylineBuilt = FileManager.default.isExecutableFile(atPath: bylineExecutable.path)
private let hostileTimeout = 10.0

/// The largest peak memory (resident set) of any child process waited for so far, in bytes:
/// an upper bound on that of the last one.
func peakChildMemory() -> Int {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_CHILDREN.rawValue), &usage)
    return usage.ru_maxrss * 1024
}

/// A folder holding two good articles, `a.txt` and `c.txt`.
private func folderOfGoodFiles() throws -> URL {
    let folder = try temporaryFolder()
    try Data(goodArticle.utf8).write(to: folder.appendingPathComponent("a.txt"))
    try Data(goodArticle.utf8).write(to: folder.appendingPathComponent("c.txt"))
    return folder
}

/// The `source.uri` of each JSON line of `output`.
private func uris(_ output: String) -> [String] {
    output.split(separator: "\n").compactMap {
        let object = try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        return (object?["source"] as? [String: Any])?["uri"] as? String
    }
}

@Test(.enabled(if: bylineBuilt))
func aLinkToDevZeroInsideAFolderIsReportedAndTheGoodFilesKept() throws {
    let folder = try folderOfGoodFiles()
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("b").path, withDestinationPath: "/dev/zero")
    let result = try runToEnd(bylineExecutable, ["extract", folder.path], timeout: hostileTimeout)
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(folder.path)/b: not a regular file (a character device); skipped\n")
    #expect(uris(result.output) == ["\(folder.path)/a.txt", "\(folder.path)/c.txt"])
    #expect(peakChildMemory() < 1 << 30)
}

@Test(.enabled(if: bylineBuilt))
func devZeroNamedOnTheCommandLineIsReadOnlyUpToTheSizeLimit() throws {
    let folder = try folderOfGoodFiles()
    let good = folder.appendingPathComponent("a.txt").path
    let result = try runToEnd(bylineExecutable, ["extract", "/dev/zero", good], timeout: hostileTimeout)
    #expect(result.status == 1)
    #expect(result.errors == "byline: /dev/zero: the input is larger than 64 MiB, the most one document may hold (--max-document-size)\n")
    #expect(uris(result.output) == [good])
    #expect(peakChildMemory() < 1 << 30)
}

@Test(.enabled(if: bylineBuilt))
func devUrandomStopsAtASmallerLimitSetOnTheCommandLine() throws {
    let folder = try folderOfGoodFiles()
    let good = folder.appendingPathComponent("a.txt").path
    let result = try runToEnd(bylineExecutable, ["extract", "--max-document-size", "2M", good, "/dev/urandom"], timeout: hostileTimeout)
    #expect(result.status == 1)
    #expect(result.errors == "byline: /dev/urandom: the input is larger than 2 MiB, the most one document may hold (--max-document-size)\n")
    #expect(uris(result.output) == [good])
}

@Test(.enabled(if: bylineBuilt))
func aGzipBombStopsInflatingAtTheSizeLimit() throws {
    // 64 gzip members of 16 MiB of zeros each: 1 GiB once inflated, about 1 MB on disk.
    let member = try gzip([UInt8](repeating: 0, count: 16 << 20))
    let folder = try folderOfGoodFiles()
    let bomb = folder.appendingPathComponent("bomb.txt.gz")
    try Data(Array([[UInt8]](repeating: member, count: 64).joined())).write(to: bomb)
    let result = try runToEnd(bylineExecutable, ["extract", folder.path], timeout: hostileTimeout)
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(bomb.path): the decompressed input is larger than 64 MiB, the most one document may hold (--max-document-size)\n")
    #expect(uris(result.output) == ["\(folder.path)/a.txt", "\(folder.path)/c.txt"])
    #expect(peakChildMemory() < 1 << 30)
}

@Test(.enabled(if: bylineBuilt))
func aFIFOInsideAFolderIsSkippedNotWaitedOn() throws {
    let folder = try folderOfGoodFiles()
    let fifo = folder.appendingPathComponent("b.fifo").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let result = try runToEnd(bylineExecutable, ["extract", folder.path], timeout: hostileTimeout)
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(fifo): not a regular file (a FIFO); skipped\n")
    #expect(uris(result.output) == ["\(folder.path)/a.txt", "\(folder.path)/c.txt"])
}

@Test func linksBackToAFolderAreWalkedOnce() async throws {
    let folder = try folderOfGoodFiles()
    let inner = folder.appendingPathComponent("inner")
    try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
    try Data(goodArticle.utf8).write(to: inner.appendingPathComponent("d.txt"))
    for (name, target) in [("loop1", "."), ("loop2", "."), ("inner/up", "..")] {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: target)
    }
    let result = await extract([folder.path])
    #expect(result.failures == 0)
    #expect(uris(result.output) == ["\(folder.path)/a.txt", "\(folder.path)/c.txt", "\(folder.path)/inner/d.txt"])
}

@Test func aPageDeclaringUTF8WithAStrayByteStaysUTF8() async throws {
    let page = """
        <html><head><meta charset="utf-8"><title>Harbor expansion approved</title></head><body><article>
        <h1>Harbor expansion approved</h1>
        <p>The port authority voted on Monday to approve a harbor expansion that had been under review for six years.</p>
        <p>“It is a good day for the city,” the chair said after the vote, BYTE and the board agreed.</p>
        </article></body></html>
        """
    let parts = page.components(separatedBy: "BYTE")
    let file = try temporaryFolder().appendingPathComponent("stray.html")
    try Data(Array(parts[0].utf8) + [0xFF] + Array(parts[1].utf8)).write(to: file)
    var notices: [String] = []
    let runner = Runner(extractor: Extractor(options: ReadOptions()), pipeline: nil, format: .jsonl)
    var output = Data()
    let failures = try await runner.run([file.path], write: { output.append($0) }, report: { _ in }, notice: { notices.append($0) })
    #expect(failures == 0)
    let text = String(decoding: output, as: UTF8.self)
    #expect(text.contains("“It is a good day for the city,” the chair said after the vote, \u{FFFD} and the board agreed."))
    #expect(notices == ["\(file.path): warning: 1 byte that broke the page's UTF-8 replaced by U+FFFD"])
}

@Test func utf16WithAByteOrderMarkIsText() async throws {
    let folder = try temporaryFolder()
    let little = folder.appendingPathComponent("little.txt")
    let big = folder.appendingPathComponent("big.txt")
    try Data([0xFF, 0xFE] + goodArticle.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: little)
    try Data([0xFE, 0xFF] + goodArticle.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).write(to: big)
    let result = await extract([little.path, big.path])
    #expect(result.failures == 0)
    let titles = result.objects.map { ($0["metadata"] as? [String: Any])?["title"] as? String }
    #expect(titles == ["Harbor expansion approved", "Harbor expansion approved"])
}

@Test(.enabled(if: bylineBuilt))
func aFullDiskIsOneErrorLineAndExitOne() throws {
    let file = try temporaryFolder().appendingPathComponent("a.txt")
    try Data(goodArticle.utf8).write(to: file)
    let command = "'\(bylineExecutable.path)' extract '\(file.path)' > /dev/full"
    let result = try runToEnd(URL(fileURLWithPath: "/bin/sh"), ["-c", command], timeout: hostileTimeout)
    #expect(result.status == 1)
    #expect(result.errors == "byline: standard output: cannot write: No space left on device\n")
}

@Test func aFigureTooLargeForADoubleKeepsItsDocument() async throws {
    let file = try temporaryFolder().appendingPathComponent("figure.txt")
    let article = goodArticle + "\n\nThe ministry said the fund had reached $" + String(repeating: "9", count: 309) + " in total.\n"
    try Data(article.utf8).write(to: file)
    let runner = Runner(extractor: Extractor(options: ReadOptions()), pipeline: try Analysis.pipeline(), format: .jsonl)
    var output = Data()
    var errors: [String] = []
    let failures = try await runner.run([file.path], write: { output.append($0) }, report: { errors.append($0.description) })
    #expect(failures == 0 && errors.isEmpty)
    let object = try JSONSerialization.jsonObject(with: output) as? [String: Any]
    let quantities = object?["quantities"] as? [[String: Any]] ?? []
    let huge = quantities.first { ($0["text"] as? String)?.hasSuffix("999") == true }
    #expect(huge != nil)
    #expect(huge?["value"] is NSNull)
}

@Test(.enabled(if: bylineBuilt))
func tagConllOnAFolderSaysItIsAFolder() throws {
    let folder = try temporaryFolder()
    let result = try runToEnd(bylineExecutable, ["tag", "--conll", folder.path], timeout: hostileTimeout)
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(folder.path): is a directory\n")
}

@Test(.enabled(if: bylineBuilt))
func tagConllReadsDashAsStandardInput() throws {
    let result = try runToEnd(bylineExecutable, ["tag", "--conll", "-"], input: Data("Lisbon\n.\n".utf8), timeout: hostileTimeout)
    #expect(result.status == 0)
    #expect(result.output == "Lisbon\tB-LOC\n.\tO\n")
}
