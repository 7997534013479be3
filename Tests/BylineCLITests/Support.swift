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

/// The gzip compression of `bytes`, by the system's gzip.
func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("data")
    try Data(bytes).write(to: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-n", file.path]
    try process.run()
    process.waitUntilExit()
    return try [UInt8](Data(contentsOf: file.appendingPathExtension("gz")))
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
