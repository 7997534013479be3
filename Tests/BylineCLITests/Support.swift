import BylineCLI
import BylineCore
import BylineExtract
import Foundation
import Testing

/// The package's root folder, and the shared fixtures beside the repository.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let sharedFolder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")

/// A fresh temporary folder for one test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("byline-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A news paragraph long enough to be read as running text.
let goodArticle = """
    Harbor expansion approved

    The port authority voted on Monday to approve a harbor expansion that had been under review for six years.
    """

/// What a child process printed, and how it ended.
struct ChildResult {
    let status: Int32
    let outputBytes: Data
    let errors: String

    /// The standard output as text.
    var output: String { String(decoding: outputBytes, as: UTF8.self) }
}

/// A child process that did not do its work: it failed, or did not end in time.
struct ChildFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs `executable` with `arguments` to its end, reading `input` as its standard input.
///
/// Standard input, output and error are files in a fresh folder, not pipes, so no buffer can fill
/// and no descriptor is shared with the test runner. The end is awaited through the termination
/// handler rather than `waitUntilExit()`, whose run-loop polling can miss a child's end on Linux
/// when called off the main thread; a child still running after `timeout` seconds is stopped and
/// the call throws, so a hang fails its test instead of the whole run.
func runToEnd(_ executable: URL, _ arguments: [String], input: Data = Data(), timeout: Int = 300) throws
    -> ChildResult
{
    let folder = try temporaryFolder()
    let inputFile = folder.appendingPathComponent("stdin")
    let outputFile = folder.appendingPathComponent("stdout")
    let errorFile = folder.appendingPathComponent("stderr")
    try input.write(to: inputFile)
    try Data().write(to: outputFile)
    try Data().write(to: errorFile)
    let inputHandle = try FileHandle(forReadingFrom: inputFile)
    let outputHandle = try FileHandle(forWritingTo: outputFile)
    let errorHandle = try FileHandle(forWritingTo: errorFile)

    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.standardInput = inputHandle
    process.standardOutput = outputHandle
    process.standardError = errorHandle
    let ended = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in ended.signal() }
    try process.run()
    try inputHandle.close()
    try outputHandle.close()
    try errorHandle.close()
    if ended.wait(timeout: .now() + .seconds(timeout)) == .timedOut {
        process.terminate()
        let command = ([executable.lastPathComponent] + arguments).joined(separator: " ")
        throw ChildFailure(description: "\(command) did not exit within \(timeout) s and was stopped")
    }
    return ChildResult(
        status: process.terminationStatus,
        outputBytes: try Data(contentsOf: outputFile),
        errors: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self))
}

/// The gzip compression of `bytes`, by the system's gzip.
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let result = try runToEnd(URL(fileURLWithPath: "/usr/bin/env"), ["gzip", "-n", "-c"], input: Data(bytes))
    guard result.status == 0 else { throw ChildFailure(description: "gzip: \(result.errors)") }
    return Array(result.outputBytes)
}

/// What one run of the extraction printed and reported.
struct RunResult {
    let output: String
    let errors: [String]
    let failures: Int

    /// The JSON lines of the output, parsed.
    var objects: [[String: Any]] {
        output.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }
}

/// Runs `byline extract` over `arguments` in process.
func extract(_ arguments: [String], format: OutputFormat? = .jsonl) -> RunResult {
    let runner = Runner(extractor: Extractor(options: ReadOptions()), pipeline: nil, format: format)
    var output = Data()
    var errors: [String] = []
    let failures = runner.run(arguments, write: { output.append($0) }, report: { errors.append($0.description) })
    return RunResult(output: String(decoding: output, as: UTF8.self), errors: errors, failures: failures)
}
