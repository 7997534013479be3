import BylineCore
import BylineSource
import Foundation

/// The folder of a resumable run (`--output-dir DIR`): one `NAME.jsonl.gz` per input file and,
/// once that file is whole, a completion marker `NAME.done` holding the input's statistics.
///
/// `NAME` is the input's path inside the directory named on the command line (`2024/a.warc.gz`
/// in `crawl/`), or the file's own name when the file was named itself, with a final `.gz`
/// taken off. Output is written to `NAME.jsonl.gz.partial` and renamed when whole, and the
/// marker is written after it (each renamed into place, so a killed run leaves no half file
/// under a final name). A later run skips every input with a marker and redoes the others from
/// their start: a killed run loses at most the inputs it was working on. `stats.json` holds the
/// last run's statistics and the totals of every complete input.
final class OutputDirectory {
    /// One input with the name of its output, or nil when it has none (it could not be listed).
    struct Planned {
        let input: Input
        let name: String?
    }

    /// What a marker holds: one input's statistics (written with sorted keys).
    struct InputRecord: Codable {
        /// The input as named, and its output's name in the folder.
        var input: String
        var output: String
        /// Documents written; for a WARC archive, its records, and those passed over by reason.
        var documents: Int
        var warcRecords: Int?
        var skippedRecords: [String: Int]
        /// Failed documents and records, and the first error lines.
        var failures: Int
        var errors: [String]
        /// Seconds from opening the input to writing its last document.
        var seconds: Double
    }

    let path: String
    private var writer: GzipFileWriter?
    private var writing: String?

    /// Uses (and creates, with its parents) the folder at `path`.
    init(path: String) throws(BylineError) {
        self.path = path.hasSuffix("/") && path.count > 1 ? String(path.dropLast()) : path
        do {
            try FileManager.default.createDirectory(atPath: self.path, withIntermediateDirectories: true)
        } catch {
            throw BylineError(.unwritable, input: path, "cannot create the output folder")
        }
    }

    /// The inputs of `arguments` with their output names. A second input whose name is taken
    /// becomes a failed input.
    static func plan(_ arguments: [String]) -> [Planned] {
        var planned: [Planned] = []
        var owners: [String: String] = [:]
        for argument in arguments {
            let prefix = argument.hasSuffix("/") ? argument : argument + "/"
            for input in InputList.expand([argument]) {
                guard case .file(let uri) = input else {
                    planned.append(Planned(input: input, name: nil))
                    continue
                }
                var name = uri.hasPrefix(prefix) ? String(uri.dropFirst(prefix.count)) : (uri as NSString).lastPathComponent
                if name.hasSuffix(".gz") { name.removeLast(3) }
                if let owner = owners[name] {
                    let error = BylineError(.invalidArgument, input: uri, "its output would be \(name).jsonl.gz, as for \(owner); skipped")
                    planned.append(Planned(input: .failed(error), name: nil))
                    continue
                }
                owners[name] = uri
                planned.append(Planned(input: input, name: name))
            }
        }
        return planned
    }

    private func file(_ name: String, _ suffix: String) -> String { "\(path)/\(name)\(suffix)" }

    /// The statistics of the input named `name` when its output is complete.
    func completed(_ name: String) -> InputRecord? {
        guard let data = FileManager.default.contents(atPath: file(name, ".done")) else { return nil }
        return try? JSONDecoder().decode(InputRecord.self, from: data)
    }

    /// Starts the output of the input named `name`.
    func begin(_ name: String) throws(BylineError) {
        let partial = file(name, ".jsonl.gz.partial")
        let folder = (partial as NSString).deletingLastPathComponent
        if folder != path { try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        writer = try GzipFileWriter(path: partial)
        writing = name
    }

    /// Writes output of the input begun last.
    func write(_ data: Data) throws(BylineError) {
        try writer?.write(data)
    }

    /// Ends the output of the input begun last: the file is renamed into place and its marker
    /// written. An input that could not be read at all gets no marker and is tried again by
    /// the next run.
    func finish(_ summary: InputSummary) throws(BylineError) -> InputRecord? {
        guard let writer, let name = writing else { return nil }
        self.writer = nil
        writing = nil
        try writer.finish()
        let output = file(name, ".jsonl.gz")
        try rename(file(name, ".jsonl.gz.partial"), to: output)
        guard summary.documents > 0 || summary.records != nil || summary.failures == 0 else { return nil }
        let record = InputRecord(
            input: summary.input.uri, output: name + ".jsonl.gz", documents: summary.documents, warcRecords: summary.records?.records,
            skippedRecords: summary.records?.skipped ?? [:], failures: summary.failures, errors: summary.errors, seconds: summary.seconds)
        try writeAtomically(Self.encode(record), to: file(name, ".done"))
        return record
    }

    /// Writes `stats.json`.
    func writeStatistics(_ statistics: RunStatistics) throws(BylineError) {
        try writeAtomically(Self.encode(statistics), to: "\(path)/stats.json")
    }

    private static func encode(_ value: some Encodable) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return ((try? encoder.encode(value)) ?? Data("{}".utf8)) + Data("\n".utf8)
    }

    private func writeAtomically(_ data: Data, to target: String) throws(BylineError) {
        let partial = target + ".partial"
        let writer = try OutputFileOnDisk(path: partial)
        try writer.write(data)
        try writer.close()
        try rename(partial, to: target)
    }

    private func rename(_ from: String, to target: String) throws(BylineError) {
        guard Foundation.rename(from, target) == 0 else {
            throw BylineError(.unwritable, input: target, "cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }
}

/// A small file written whole and synced to the disk.
private struct OutputFileOnDisk {
    let path: String
    let descriptor: Int32
    let file: OutputFile

    init(path: String) throws(BylineError) {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw BylineError(.unwritable, input: path, "cannot create: \(String(cString: strerror(errno)))") }
        file = OutputFile(descriptor: descriptor, name: path)
    }

    func write(_ data: Data) throws(BylineError) {
        try file.write(data)
    }

    func close() throws(BylineError) {
        defer { Foundation.close(descriptor) }
        try file.flush()
        guard fsync(descriptor) == 0 else { throw BylineError(.unwritable, input: path, "cannot write: \(String(cString: strerror(errno)))") }
    }
}

/// What `stats.json` holds: this run's figures, and the totals of every complete input.
struct RunStatistics: Codable {
    /// Figures of some inputs together.
    struct Figures: Codable {
        var inputs = 0
        var documents = 0
        var failures = 0
        var skippedRecords: [String: Int] = [:]
        var seconds = 0.0

        mutating func add(_ record: OutputDirectory.InputRecord) {
            inputs += 1
            documents += record.documents
            failures += record.failures
            skippedRecords.merge(record.skippedRecords, uniquingKeysWith: +)
            seconds += record.seconds
        }
    }

    /// Inputs found complete when the run started, and skipped.
    var alreadyComplete = 0
    /// Inputs this run completed.
    var run = Figures()
    /// Inputs that failed as a whole (could not be listed, opened or read), this run.
    var failedInputs = 0
    /// Failures this run, inputs and records together.
    var failures = 0
    /// The first error lines of this run.
    var errors: [String] = []
    /// Wall-clock and CPU seconds of this run.
    var wallSeconds = 0.0
    var cpuSeconds = 0.0
    /// Every complete input of the run's inputs, this run's and earlier runs'.
    var total = Figures()
}
