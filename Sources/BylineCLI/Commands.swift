import ArgumentParser
import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Foundation

/// `byline`: reads news and keeps what it learns.
public struct Byline: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "byline",
        abstract: "Read news articles into cited records of who said what, who holds which role, what happened when, and which numbers were claimed.",
        version: "0.1.0",
        subcommands: [
            Extract.self, Analyze.self, Tag.self, Train.self, Ingest.self, Reindex.self, Search.self, Person.self, Quotes.self, Claims.self,
            TimelineCommand.self, Stats.self, Export.self, People.self, Serve.self,
        ]
    )

    public init() {}

    /// Parses the command line and runs the command it names, waiting for those that are
    /// `async`; exits with the command's status.
    public static func start() async {
        MemoryTuning.apply()
        do {
            var command = try parseAsRoot()
            if var asynchronous = command as? any AsyncParsableCommand {
                try await asynchronous.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// The options every reading command shares.
public struct ReadingOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("Files, directories (read recursively) or - for standard input; .gz files are decompressed, and WARC archives (.warc, .warc.gz) read record by record.", valueName: "input"))
    var inputs: [String]

    @Option(help: ArgumentHelp(
        "Output format: json (the default for one input), jsonl (one object per line; the default for several), text (a summary to read, evidence coloured on a terminal unless NO_COLOR is set), csv-quotes or csv-figures (analyze only: one CSV row per quote or per figure, speakers named).",
        valueName: "format"))
    var format: OutputFormat?

    @Flag(help: "The input is body text taken verbatim: text equals the decoded input and offsets index it.")
    var plain = false

    @Option(help: ArgumentHelp("The publication date (YYYY-MM-DD, optionally with THH:MM and a zone); overrides the document's own.", valueName: "date"))
    var published: String?

    @Option(help: ArgumentHelp("The most one document (a file, or a WARC record) may hold once decompressed, in bytes or with K, M or G; reading stops there and the document is reported as too large.", valueName: "size"))
    var maxDocumentSize = DocumentSize(bytes: ReadLimits.defaultMaximumDocumentSize)

    @Option(help: ArgumentHelp("How many documents are extracted (and analysed) at once; output stays in input order. The default is the number of cores.", valueName: "n"))
    var jobs: Int?

    @Option(help: ArgumentHelp("Write each input file's documents to DIR/NAME.jsonl.gz and mark it complete; a later run skips complete inputs and redoes the others (see docs/INPUTS.md). Statistics go to DIR/stats.json.", valueName: "dir"))
    var outputDir: String?

    @Option(help: ArgumentHelp("The most seconds one document may take; a document still at work then is reported and left out, and the run goes on.", valueName: "seconds"))
    var docTimeout = 5.0

    public init() {}

    public mutating func validate() throws {
        if let published, DateStamp(parsing: published)?.day == nil {
            throw ValidationError("--published: '\(published)' is not a date of the form YYYY-MM-DD[THH:MM[:SS][±HH:MM]]")
        }
        if let jobs, jobs < 1 {
            throw ValidationError("--jobs: '\(jobs)' is not a number of jobs (1 or more)")
        }
        if !(docTimeout > 0 && docTimeout <= 1e6) {
            throw ValidationError("--doc-timeout: '\(docTimeout)' is not a number of seconds (more than 0)")
        }
        if outputDir != nil {
            if let format, format != .jsonl {
                throw ValidationError("--output-dir writes JSON Lines; --format \(format.rawValue) cannot be used with it")
            }
            if inputs.contains("-") {
                throw ValidationError("--output-dir reads files and directories; standard input (-) cannot be resumed")
            }
        }
    }

    var readOptions: ReadOptions {
        ReadOptions(plain: plain, published: published.flatMap { DateStamp(parsing: $0) })
    }

    private var jobCount: Int { jobs ?? ProcessInfo.processInfo.activeProcessorCount }

    /// Runs `runner` over the inputs; exits 1 when any input failed or output could not be
    /// written.
    func run(pipeline: Pipeline?) async throws {
        let colour = TextSummary.usesColour(isTerminal: isatty(STDOUT_FILENO) == 1, environment: ProcessInfo.processInfo.environment)
        let runner = Runner(
            extractor: Extractor(options: readOptions), pipeline: pipeline, format: outputDir == nil ? format : .jsonl, colour: colour,
            limits: ReadLimits(maximumDocumentSize: maxDocumentSize.bytes), documentTimeLimit: .milliseconds(Int64(docTimeout * 1000)))
        if let outputDir {
            try await run(runner, into: outputDir)
            return
        }
        // Output is gathered into blocks so that a stream of small documents costs few writes;
        // what is held is written before any error line, so the two stay in order.
        let output = OutputFile.standardOutput()
        do {
            let failures = try await runner.run(
                inputs, jobs: jobCount,
                write: { piece throws(BylineError) in try output.write(piece) },
                report: { error in
                    try? output.flush()
                    reportOnStandardError(error.description)
                },
                notice: { line in
                    try? output.flush()
                    reportOnStandardError(line)
                })
            try output.flush()
            if failures > 0 { throw ExitCode(1) }
        } catch let error as BylineError {
            reportOnStandardError(error.description)
            throw ExitCode(1)
        }
    }

    /// Runs `runner` over the inputs not yet complete in the folder `path`, each input's
    /// documents to a file of its own (see ``OutputDirectory``), and writes the run's
    /// statistics; exits 1 when any input or record failed this run.
    private func run(_ runner: Runner, into path: String) async throws {
        let started = ContinuousClock.now
        let cpuBefore = cpuSeconds()
        var statistics = RunStatistics()
        do {
            let folder = try OutputDirectory(path: path)
            let planned = OutputDirectory.plan(inputs)
            var names: [Input: String] = [:]
            var toRun: [Input] = []
            for item in planned {
                if let name = item.name {
                    if let record = folder.completed(name) {
                        statistics.alreadyComplete += 1
                        statistics.total.add(record)
                        continue
                    }
                    names[item.input] = name
                }
                toRun.append(item.input)
            }
            let boundaries = InputBoundaries(
                started: { input throws(BylineError) in
                    if let name = names[input] { try folder.begin(name) }
                },
                finished: { summary throws(BylineError) in
                    if let record = try folder.finish(summary) {
                        statistics.run.add(record)
                        statistics.total.add(record)
                    } else if summary.failures > 0 {
                        statistics.failedInputs += 1
                    }
                })
            let failures = try await runner.run(
                inputs: toRun, jobs: jobCount,
                write: { piece throws(BylineError) in try folder.write(piece) },
                report: { error in
                    statistics.failures += 1
                    if statistics.errors.count < InputSummary.keptErrors { statistics.errors.append(error.description) }
                    reportOnStandardError(error.description)
                },
                notice: { reportOnStandardError($0) },
                boundaries: boundaries)
            statistics.wallSeconds = (ContinuousClock.now - started).inSeconds
            statistics.cpuSeconds = cpuSeconds() - cpuBefore
            try folder.writeStatistics(statistics)
            if failures > 0 { throw ExitCode(1) }
        } catch let error as BylineError {
            reportOnStandardError(error.description)
            throw ExitCode(1)
        }
    }
}

/// The user and system CPU seconds this process has used.
func cpuSeconds() -> Double {
    var usage = rusage()
    #if canImport(Glibc)
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    #else
    getrusage(RUSAGE_SELF, &usage)
    #endif
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

extension OutputFormat: ExpressibleByArgument {}

/// A size given on the command line: bytes, or a number with K, M or G (powers of 1,024).
struct DocumentSize: ExpressibleByArgument {
    let bytes: Int

    init(bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        var text = Substring(argument.lowercased())
        if text.hasSuffix("ib") { text = text.dropLast(2) } else if text.hasSuffix("b") { text = text.dropLast() }
        let shifts: [Character: Int] = ["k": 10, "m": 20, "g": 30]
        let shift = text.last.flatMap { shifts[$0] } ?? 0
        if shift > 0 { text = text.dropLast() }
        guard let number = Int(text), number > 0, number <= Int.max >> shift else { return nil }
        bytes = number << shift
    }

    var defaultValueDescription: String { "\(bytes >> 20)M" }
}

/// `byline extract`: metadata, text, paragraphs, captions and removed, with no analysis.
struct Extract: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract metadata, text, paragraphs and captions (the fast path for corpus builders)."
    )

    @OptionGroup var options: ReadingOptions

    func validate() throws {
        if let format = options.format, format.needsAnalysis {
            throw ValidationError("--format \(format.rawValue) lists facts that only 'byline analyze' finds")
        }
    }

    func run() async throws {
        try await options.run(pipeline: nil)
    }
}

/// `byline analyze`: extraction followed by every analysis stage.
struct Analyze: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract and analyse: sentences, entities, quotes, times, quantities, events and the timeline."
    )

    @OptionGroup var options: ReadingOptions

    func run() async throws {
        let pipeline = try orExit { try Analysis.pipeline() }
        try await options.run(pipeline: pipeline)
    }
}

/// The value `make` returns, or, when it throws (a missing model, a store that cannot be
/// opened), its error on one line of standard error and exit status 2: nothing can run without it.
func orExit<Value>(_ make: () throws -> Value) throws -> Value {
    do {
        return try make()
    } catch {
        FileHandle.standardError.write(Data("byline: \(error)\n".utf8))
        throw ExitCode(2)
    }
}
