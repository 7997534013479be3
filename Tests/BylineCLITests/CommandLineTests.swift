import Foundation
import Testing

/// The `byline` executable built beside the test bundle.
var bylineExecutable: URL {
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("byline")
}

func runByline(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = bylineExecutable
    process.arguments = arguments
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    let err = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
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
    let process = Process()
    process.executableURL = bylineExecutable
    process.arguments = ["extract", "--plain", "-"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data("A sentence from standard input.\n".utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect((object?["source"] as? [String: Any])?["uri"] as? String == "-")
    #expect(object?["text"] as? String == "A sentence from standard input.\n")
}
