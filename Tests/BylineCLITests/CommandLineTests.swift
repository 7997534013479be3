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

@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: bylineExecutable.path)))
func twoJobsWriteExactlyWhatOneJobWrites() throws {
    let folder = try temporaryFolder()
    let articles = [
        goodArticle,
        "Library hours extended\n\nThe county library will stay open until nine on weekdays, its director, Mara Ellison, said on Tuesday.\n",
        "Bridge closed for repairs\n\n\"We expect the work to take three weeks,\" said Tomas Reyes, the city engineer. The repairs will cost $2.4 million.\n",
        "Rainfall below average\n\nThe region received 41 millimetres of rain in March, about half the usual amount, the weather service said.\n",
    ]
    var paths: [String] = []
    for (number, article) in articles.enumerated() {
        let file = folder.appendingPathComponent("article-\(number).txt")
        try Data(article.utf8).write(to: file)
        paths.append(file.path)
    }
    let bad = folder.appendingPathComponent("bad.txt")
    try Data([0x66, 0x6f, 0xff, 0xfe, 0x00, 0x6f]).write(to: bad)
    paths.insert(bad.path, at: 2)
    paths.append(folder.appendingPathComponent("missing.txt").path)

    for command in ["extract", "analyze"] {
        let one = try runByline([command, "--jobs", "1"] + paths)
        let two = try runByline([command, "--jobs", "2"] + paths)
        #expect(one.status == 1)
        #expect(one.errors.split(separator: "\n").count == 2)
        #expect(one.output.split(separator: "\n").count == articles.count)
        #expect(two.status == one.status)
        #expect(two.outputBytes == one.outputBytes)
        #expect(two.errors == one.errors)
    }
}
