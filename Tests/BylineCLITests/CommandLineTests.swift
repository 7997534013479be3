import Foundation
import Testing

/// The `byline` executable built beside the test bundle.
var bylineExecutable: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("byline")
}

/// Runs the built `byline` with `arguments` to its end.
func runByline(_ arguments: [String], input: Data = Data()) throws -> ChildResult {
    try runToEnd(bylineExecutable, arguments, input: input)
}

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)))
func aBadInputPrintsOneLineAndExitsOneWhileTheOthersGoOn() throws {
    let folder = try temporaryFolder()
    let good = folder.appendingPathComponent("good.txt")
    try Data(goodArticle.utf8).write(to: good)
    let missing = folder.appendingPathComponent("missing.txt").path
    let result = try runByline(["analyze", missing, good.path])
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(missing): no such file or directory\n")
    #expect(result.output.split(separator: "\n").count == 1)
    #expect(result.output.contains("\"sentences\""))
}

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)))
func aMalformedPublishedDateIsRejected() throws {
    let result = try runByline(["extract", "--published", "10/11/2024", "-"])
    #expect(result.status != 0)
    #expect(result.errors.contains("--published"))
}

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)))
func standardInputIsReadAsDash() throws {
    let result = try runByline(["extract", "--plain", "-"], input: Data("A sentence from standard input.\n".utf8))
    #expect(result.status == 0)
    let object = try JSONSerialization.jsonObject(with: result.outputBytes) as? [String: Any]
    #expect((object?["source"] as? [String: Any])?["uri"] as? String == "-")
    #expect(object?["text"] as? String == "A sentence from standard input.\n")
}
