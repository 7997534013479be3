import BylineCore
import Foundation
import Testing

@Test func anEmptyFileIsReported() async throws {
    let file = try temporaryFolder().appendingPathComponent("empty.txt")
    try Data().write(to: file)
    let result = await extract([file.path])
    #expect(result.failures == 1)
    #expect(result.errors == ["\(file.path): empty input"])
    #expect(result.output.isEmpty)
}

@Test func aBinaryFileIsReported() async throws {
    let file = try temporaryFolder().appendingPathComponent("image.png")
    try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]).write(to: file)
    let result = await extract([file.path])
    #expect(result.failures == 1)
    #expect(result.errors.first?.hasPrefix("\(file.path): binary data") == true)
}

@Test func invalidUTF8IsReportedWithItsOffset() async throws {
    let file = try temporaryFolder().appendingPathComponent("latin1.txt")
    try Data(Array("Caf".utf8) + [0xE9] + Array(" au lait".utf8)).write(to: file)
    let result = await extract([file.path])
    #expect(result.errors == ["\(file.path): not valid UTF-8 (bad byte at offset 3)"])
}

@Test func aMissingFileIsReported() async {
    let result = await extract(["/nonexistent/byline/article.txt"])
    #expect(result.failures == 1)
    #expect(result.errors == ["/nonexistent/byline/article.txt: no such file or directory"])
}

@Test func aTruncatedGzipFileIsReported() async throws {
    let compressed = try gzip(Array(goodArticle.utf8))
    let file = try temporaryFolder().appendingPathComponent("article.txt.gz")
    try Data(compressed.prefix(compressed.count / 2)).write(to: file)
    let result = await extract([file.path])
    #expect(result.errors == ["\(file.path): truncated gzip data"])
}

@Test func aGzipFileIsRead() async throws {
    let file = try temporaryFolder().appendingPathComponent("article.txt.gz")
    try Data(try gzip(Array(goodArticle.utf8))).write(to: file)
    let result = await extract([file.path])
    #expect(result.failures == 0)
    let metadata = result.objects.first?["metadata"] as? [String: Any]
    #expect(metadata?["title"] as? String == "Harbor expansion approved")
}

@Test func aDirectoryWithOneBadFileKeepsTheGoodOnes() async throws {
    let folder = try temporaryFolder()
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("b"), withIntermediateDirectories: true)
    try Data(goodArticle.utf8).write(to: folder.appendingPathComponent("a.txt"))
    try Data([0, 1, 2, 3]).write(to: folder.appendingPathComponent("b/bad.txt"))
    try Data(goodArticle.utf8).write(to: folder.appendingPathComponent("b/good.txt"))
    try Data(goodArticle.utf8).write(to: folder.appendingPathComponent(".hidden.txt"))
    let result = await extract([folder.path])
    #expect(result.failures == 1)
    #expect(result.errors.count == 1)
    #expect(result.errors.first?.hasPrefix("\(folder.path)/b/bad.txt: binary data") == true)
    let uris = result.objects.compactMap { ($0["source"] as? [String: Any])?["uri"] as? String }
    #expect(uris == ["\(folder.path)/a.txt", "\(folder.path)/b/good.txt"])
}
