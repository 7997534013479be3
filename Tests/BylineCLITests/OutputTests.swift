import BylineCore
import Foundation
import Testing

@Test func oneInputIsWrittenAsOnePrettyObject() async throws {
    let file = try temporaryFolder().appendingPathComponent("a.txt")
    try Data(goodArticle.utf8).write(to: file)
    let result = await extract([file.path], format: nil)
    #expect(result.output.hasPrefix("{\n"))
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
    #expect((object?["source"] as? [String: Any])?["uri"] as? String == file.path)
}

@Test func severalInputsAreWrittenAsJSONLinesInInputOrder() async throws {
    let folder = try temporaryFolder()
    let names = ["z.txt", "a.txt", "m.txt"]
    for name in names {
        try Data(goodArticle.utf8).write(to: folder.appendingPathComponent(name))
    }
    let paths = names.map { folder.appendingPathComponent($0).path }
    let result = await extract(paths, format: nil)
    #expect(result.output.split(separator: "\n").count == 3)
    let uris = result.objects.compactMap { ($0["source"] as? [String: Any])?["uri"] as? String }
    #expect(uris == paths)
}

@Test func jsonFormatWithSeveralInputsIsAnArray() async throws {
    let folder = try temporaryFolder()
    let paths = ["a.txt", "b.txt"].map { folder.appendingPathComponent($0).path }
    for path in paths { try Data(goodArticle.utf8).write(to: URL(fileURLWithPath: path)) }
    let result = await extract(paths, format: .json)
    let array = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]]
    #expect(array?.count == 2)
}
