import Foundation
import Testing

// Inputs an attacker (or an accident) would give, each run through the built `byline` beside
// good files: each ends in one error line for that input, a non-zero exit, every good file's
// output kept, within 10 seconds (the child is killed and the test fails past that) and under
// 1 GB of memory (the child's own peak resident set).

private let bylineBuilt = FileManager.default.isExecutableFile(atPath: bylineExecutable.path)
private let hostileTimeout = 10.0
private let memoryCeiling = 1 << 30

/// A folder holding two good articles, `a.txt` and `c.txt`.
private func folderOfGoodFiles() throws -> URL {
    let folder = try temporaryFolder()
    try Data(goodArticle.utf8).write(to: folder.appendingPathComponent("a.txt"))
    try Data(goodArticle.utf8).write(to: folder.appendingPathComponent("c.txt"))
    return folder
}

/// The good files' paths in `folder`, as `source.uri` gives them.
private func goodFiles(in folder: URL) -> [String] {
    ["\(folder.path)/a.txt", "\(folder.path)/c.txt"]
}

/// Runs `byline` with `arguments` under the hostile-input limits.
private func runHostile(_ arguments: [String]) throws -> ChildResult {
    let result = try runToEnd(bylineExecutable, arguments, timeout: hostileTimeout)
    #expect(result.peakMemory < memoryCeiling, "peak memory \(result.peakMemory >> 20) MiB")
    return result
}

/// Each JSON line of `output`, parsed.
private func objects(_ output: String) -> [[String: Any]] {
    output.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
}

/// The `source.uri` of each JSON line of `output`.
private func uris(_ output: String) -> [String] {
    objects(output).compactMap { ($0["source"] as? [String: Any])?["uri"] as? String }
}

@Test(.enabled(if: bylineBuilt))
func aLinkToDevZeroInsideAFolderIsReportedAndTheGoodFilesKept() throws {
    let folder = try folderOfGoodFiles()
    try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("b").path, withDestinationPath: "/dev/zero")
    let result = try runHostile(["extract", folder.path])
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(folder.path)/b: not a regular file (a character device); skipped\n")
    #expect(uris(result.output) == goodFiles(in: folder))
}

@Test(.enabled(if: bylineBuilt))
func devZeroNamedBesideAFolderIsReadOnlyUpToTheSizeLimit() throws {
    let folder = try folderOfGoodFiles()
    let result = try runHostile(["extract", "/dev/zero", folder.path])
    #expect(result.status == 1)
    #expect(result.errors == "byline: /dev/zero: the input is larger than 64 MiB, the most one document may hold (--max-document-size)\n")
    #expect(uris(result.output) == goodFiles(in: folder))
}

@Test(.enabled(if: bylineBuilt))
func devUrandomStopsAtASmallerLimitSetOnTheCommandLine() throws {
    let folder = try folderOfGoodFiles()
    let result = try runHostile(["extract", "--max-document-size", "2M", folder.path, "/dev/urandom"])
    #expect(result.status == 1)
    #expect(result.errors == "byline: /dev/urandom: the input is larger than 2 MiB, the most one document may hold (--max-document-size)\n")
    #expect(uris(result.output) == goodFiles(in: folder))
}

@Test(.enabled(if: bylineBuilt))
func aGzipBombStopsInflatingAtTheSizeLimit() throws {
    // 64 gzip members of 16 MiB of zeros each: 1 GiB once inflated, about 1 MB on disk.
    let member = try gzip([UInt8](repeating: 0, count: 16 << 20))
    let folder = try folderOfGoodFiles()
    let bomb = folder.appendingPathComponent("bomb.txt.gz")
    try Data(Array([[UInt8]](repeating: member, count: 64).joined())).write(to: bomb)
    let result = try runHostile(["extract", folder.path])
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(bomb.path): the decompressed input is larger than 64 MiB, the most one document may hold (--max-document-size)\n")
    #expect(uris(result.output) == goodFiles(in: folder))
}

@Test(.enabled(if: bylineBuilt))
func aFIFOInsideAFolderIsSkippedNotWaitedOn() throws {
    let folder = try folderOfGoodFiles()
    let fifo = folder.appendingPathComponent("b.fifo").path
    #expect(mkfifo(fifo, 0o644) == 0)
    let result = try runHostile(["extract", folder.path])
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(fifo): not a regular file (a FIFO); skipped\n")
    #expect(uris(result.output) == goodFiles(in: folder))
}

@Test(.enabled(if: bylineBuilt))
func linksBackToAFolderAreWalkedOnce() throws {
    let folder = try folderOfGoodFiles()
    let inner = folder.appendingPathComponent("inner")
    try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
    try Data(goodArticle.utf8).write(to: inner.appendingPathComponent("d.txt"))
    for (name, target) in [("loop1", "."), ("loop2", "."), ("inner/up", "..")] {
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: target)
    }
    let result = try runHostile(["extract", folder.path])
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    #expect(uris(result.output) == goodFiles(in: folder) + ["\(folder.path)/inner/d.txt"])
}

@Test(.enabled(if: bylineBuilt))
func aPageDeclaringUTF8WithAStrayByteStaysUTF8() throws {
    let page = """
        <html><head><meta charset="utf-8"><title>Harbor expansion approved</title></head><body><article>
        <h1>Harbor expansion approved</h1>
        <p>The port authority voted on Monday to approve a harbor expansion that had been under review for six years.</p>
        <p>“It is a good day for the city,” the chair said after the vote, BYTE and the board agreed.</p>
        </article></body></html>
        """
    let parts = page.components(separatedBy: "BYTE")
    let folder = try folderOfGoodFiles()
    let file = folder.appendingPathComponent("b.html")
    try Data(Array(parts[0].utf8) + [0xFF] + Array(parts[1].utf8)).write(to: file)
    let result = try runHostile(["extract", folder.path])
    #expect(result.status == 0)
    #expect(result.errors == "byline: \(file.path): warning: 1 byte that broke the page's UTF-8 replaced by U+FFFD\n")
    #expect(uris(result.output) == ["\(folder.path)/a.txt", file.path, "\(folder.path)/c.txt"])
    let text = objects(result.output).dropFirst().first?["text"] as? String ?? ""
    #expect(text.contains("“It is a good day for the city,” the chair said after the vote, \u{FFFD} and the board agreed."))
}

@Test(.enabled(if: bylineBuilt))
func utf16WithAByteOrderMarkIsText() throws {
    let folder = try folderOfGoodFiles()
    try Data([0xFF, 0xFE] + goodArticle.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }).write(to: folder.appendingPathComponent("b-little.txt"))
    try Data([0xFE, 0xFF] + goodArticle.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }).write(to: folder.appendingPathComponent("b-big.txt"))
    let result = try runHostile(["extract", folder.path])
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    let titles = objects(result.output).map { ($0["metadata"] as? [String: Any])?["title"] as? String }
    #expect(titles == Array(repeating: "Harbor expansion approved", count: 4))
}

@Test(.enabled(if: bylineBuilt))
func aFullDiskIsOneErrorLineAndExitOne() throws {
    let folder = try folderOfGoodFiles()
    let command = "'\(bylineExecutable.path)' extract '\(folder.path)' > /dev/full"
    let result = try runToEnd(URL(fileURLWithPath: "/bin/sh"), ["-c", command], timeout: hostileTimeout)
    #expect(result.peakMemory < memoryCeiling)
    #expect(result.status == 1)
    #expect(result.errors == "byline: standard output: cannot write: No space left on device\n")
}

@Test(.enabled(if: bylineBuilt))
func aFigureTooLargeForADoubleKeepsItsDocument() throws {
    let folder = try folderOfGoodFiles()
    let article = goodArticle + "\n\nThe ministry said the fund had reached $" + String(repeating: "9", count: 309) + " in total.\n"
    let file = folder.appendingPathComponent("b.txt")
    try Data(article.utf8).write(to: file)
    let result = try runHostile(["analyze", folder.path])
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    #expect(uris(result.output) == ["\(folder.path)/a.txt", file.path, "\(folder.path)/c.txt"])
    let quantities = objects(result.output).dropFirst().first?["quantities"] as? [[String: Any]] ?? []
    let huge = quantities.first { ($0["text"] as? String)?.hasSuffix("999") == true }
    #expect(huge != nil)
    #expect(huge?["value"] is NSNull)
}

@Test(.enabled(if: bylineBuilt))
func tagConllOnAFolderSaysItIsAFolder() throws {
    let folder = try temporaryFolder()
    let result = try runHostile(["tag", "--conll", folder.path])
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(folder.path): is a directory\n")
}

@Test(.enabled(if: bylineBuilt))
func tagConllReadsDashAsStandardInput() throws {
    let result = try runToEnd(bylineExecutable, ["tag", "--conll", "-"], input: Data("Lisbon\n.\n".utf8), timeout: hostileTimeout)
    #expect(result.status == 0)
    #expect(result.output == "Lisbon\tB-LOC\n.\tO\n")
}
