import BylineCLI
import BylineCore
import BylineExtract
import Foundation
import Testing

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
    /// The child's peak memory (resident set), in bytes.
    var peakMemory = 0

    /// The standard output as text.
    var output: String { String(decoding: outputBytes, as: UTF8.self) }
}

/// A child process that did not do its work: it failed, or did not end in time.
struct ChildFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs `executable` with `arguments` to its end, reading `input` as its standard input; see
/// ``ChildProcess``. A child still running after `timeout` seconds is killed and the call
/// throws, so a hang fails its own test instead of the whole run.
func runToEnd(_ executable: URL, _ arguments: [String], input: Data = Data(), timeout: Double = 300) throws
    -> ChildResult
{
    try ChildProcess(executable, arguments, input: input).wait(timeout: timeout)
}

/// A child process started with `posix_spawn` and awaited with `waitpid` on its own process id,
/// not with Foundation's `Process`, whose end-of-child notice goes through a shared monitor
/// thread and a run loop that tests running in parallel cannot count on. Standard input, output
/// and error are files in a fresh folder, so no pipe can fill and nothing is inherited from the
/// test runner.
struct ChildProcess {
    let pid: pid_t
    private let command: String
    private let outputFile: URL
    private let errorFile: URL

    /// Starts `executable` with `arguments`, reading `input` as its standard input.
    init(_ executable: URL, _ arguments: [String], input: Data = Data()) throws {
        let folder = try temporaryFolder()
        let inputFile = folder.appendingPathComponent("stdin")
        outputFile = folder.appendingPathComponent("stdout")
        errorFile = folder.appendingPathComponent("stderr")
        try input.write(to: inputFile)
        command = ([executable.lastPathComponent] + arguments).joined(separator: " ")

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inputFile.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let environment: [UnsafeMutablePointer<CChar>?] = [strdup("PATH=/usr/local/bin:/usr/bin:/bin"), nil]
        defer { (argv + environment).forEach { free($0) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, executable.path, &actions, nil, argv, environment)
        guard started == 0 else { throw ChildFailure(description: "\(command): cannot start: \(String(cString: strerror(started)))") }
        self.pid = pid
    }

    /// Waits for the child to end; kills it and throws when it has not after `timeout` seconds.
    func wait(timeout: Double) throws -> ChildResult {
        var status: Int32 = 0
        var usage = rusage()
        let deadline = Date().addingTimeInterval(timeout)
        while wait4(pid, &status, WNOHANG, &usage) != pid {
            guard Date() < deadline else {
                Foundation.kill(pid, SIGKILL)
                _ = waitpid(pid, &status, 0)
                throw ChildFailure(description: "\(command) did not exit within \(Int(timeout)) s and was killed")
            }
            usleep(5_000)
        }
        // A normal exit leaves the signal bits clear and the exit status in the second byte.
        guard status & 0x7f == 0 else { throw ChildFailure(description: "\(command) was killed by signal \(status & 0x7f)") }
        return ChildResult(
            status: (status >> 8) & 0xff,
            outputBytes: try Data(contentsOf: outputFile),
            errors: String(decoding: try Data(contentsOf: errorFile), as: UTF8.self),
            peakMemory: usage.ru_maxrss * 1024)
    }

    /// Kills the child with SIGKILL after `delay` seconds unless it ended before; true when it
    /// was killed.
    func kill(after delay: Double) -> Bool {
        var status: Int32 = 0
        let deadline = Date().addingTimeInterval(delay)
        while Date() < deadline {
            if waitpid(pid, &status, WNOHANG) == pid { return false }
            usleep(1_000)
        }
        Foundation.kill(pid, SIGKILL)
        _ = waitpid(pid, &status, 0)
        return true
    }
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
func extract(_ arguments: [String], format: OutputFormat? = .jsonl) async -> RunResult {
    let runner = Runner(extractor: Extractor(options: ReadOptions()), pipeline: nil, format: format)
    var output = Data()
    var errors: [String] = []
    let failures = (try? await runner.run(arguments, write: { output.append($0) }, report: { errors.append($0.description) })) ?? -1
    return RunResult(output: String(decoding: output, as: UTF8.self), errors: errors, failures: failures)
}
