import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Foundation

/// How documents are written.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// One pretty-printed object (an array when there are several documents).
    case json
    /// One compact object per line.
    case jsonl
    /// A summary for people to read (see ``TextSummary``).
    case text
    /// One CSV row per quote, speakers named (see ``FactTable``).
    case csvQuotes = "csv-quotes"
    /// One CSV row per figure, speakers named.
    case csvFigures = "csv-figures"

    /// Whether the format needs the analysis (its facts).
    public var needsAnalysis: Bool { self == .csvQuotes || self == .csvFigures }
}

/// Reads every input in order, extracts and (optionally) analyses each document, and writes it
/// in the chosen format. A bad input (or a bad record of a WARC archive) is reported and
/// skipped; the others go on.
public struct Runner: Sendable {
    public let extractor: Extractor
    /// The analysis stages, or nil for extraction alone.
    public let pipeline: Pipeline?
    /// The format, or nil for json with one input holding one document and jsonl otherwise.
    public let format: OutputFormat?
    /// Whether `text` output colours its evidence words (ANSI escapes).
    public let colour: Bool
    /// How much of each input is read.
    public let limits: ReadLimits
    /// How long one document may take to extract and analyse before it is given up on, or nil
    /// for no limit.
    public let documentTimeLimit: Duration?

    public init(
        extractor: Extractor, pipeline: Pipeline?, format: OutputFormat?, colour: Bool = false, limits: ReadLimits = ReadLimits(),
        documentTimeLimit: Duration? = nil
    ) {
        self.extractor = extractor
        self.pipeline = pipeline
        self.format = format
        self.colour = colour
        self.limits = limits
        self.documentTimeLimit = documentTimeLimit
    }

    /// Processes `arguments` (paths, directories, `-`); see ``run(inputs:jobs:write:report:notice:boundaries:)``.
    public func run(
        _ arguments: [String], jobs: Int = 1, write: (Data) throws(BylineError) -> Void, report: (BylineError) -> Void,
        notice: (String) -> Void = { _ in }
    ) async throws(BylineError) -> Int {
        try await run(inputs: InputList.expand(arguments), jobs: jobs, write: write, report: report, notice: notice)
    }

    /// Processes `inputs`.
    ///
    /// Inputs are read in order by one reader; up to `jobs` documents are extracted, analysed
    /// and encoded at the same time, as many again are read ahead and handed over, waiting for
    /// a job to end (which starts the next at once, without waiting for the reader), and at
    /// most four times that many are held (read or done but not yet written), so memory stays
    /// bounded however long the input. Output, errors and notices come in input order, exactly as a run with one
    /// job writes them. A document still at work after ``documentTimeLimit`` is reported as a
    /// failure and left out.
    ///
    /// - Parameters:
    ///   - jobs: how many documents are worked on at once (at least 1).
    ///   - write: receives the output, in pieces, in order; an error it throws ends the run.
    ///   - report: receives one error per failed input or record, `PATH: reason`.
    ///   - notice: receives lines that are no failure: warnings about a document
    ///     (`PATH: warning: …`) and a WARC archive's record counts.
    ///   - boundaries: told, in output order, where each input's output starts and ends.
    /// - Returns: the number of inputs and records that failed.
    /// - Throws: what `write` or `boundaries` throw.
    public func run(
        inputs: [Input], jobs: Int = 1, write: (Data) throws(BylineError) -> Void, report: (BylineError) -> Void,
        notice: (String) -> Void = { _ in }, boundaries: InputBoundaries = InputBoundaries()
    ) async throws(BylineError) -> Int {
        var reader = ItemReader(inputs: inputs, limits: limits)
        // The first input is opened before the format is chosen: one WARC archive holds many documents.
        let manyDocuments = inputs.count != 1 || reader.firstInputIsArchive
        let format = self.format ?? (manyDocuments ? .jsonl : .json)
        let output = DocumentOutput(format: format, analysed: pipeline != nil, documents: manyDocuments ? max(2, inputs.count) : 1, colour: colour)

        var failures = 0
        var written = 0
        var summary: InputSummary?
        try write(output.opening)

        func handle(_ outcome: Outcome) throws(BylineError) {
            switch outcome {
            case .document(let body, let uri, let warnings):
                for warning in warnings { notice("\(uri): warning: \(warning)") }
                try write(output.separator(after: written) + body)
                written += 1
                summary?.documents += 1
            case .failure(let error):
                failures += 1
                summary?.record(error)
                report(error)
            case .notice(let text):
                notice(text)
            case .inputStarted(let input):
                summary = InputSummary(input: input)
                try boundaries.started(input)
            case .inputFinished(let records, let started):
                guard var finished = summary else { return }
                finished.records = records
                finished.seconds = (ContinuousClock.now - started).inSeconds
                summary = nil
                try boundaries.finished(finished)
            }
        }

        let result = await withTaskGroup(of: (Int, Outcome).self, returning: BylineError?.self) { group in
            let running = max(1, jobs)
            // With several jobs, as many documents again are read ahead: a job that finishes
            // starts on the next at once instead of waiting for it to be read.
            let readAheadLimit = running == 1 ? 0 : running
            let held = running == 1 ? 1 : 4 * running
            var done: [Int: Outcome] = [:]
            // Documents read and not yet written, by index: the starts and ends of inputs,
            // failures and notices cost little to hold, but no more than `heldSteps` in all
            // (a WARC file of nothing but damaged records).
            var documentsHeld: Set<Int> = []
            let heldSteps = held + 4_096
            var readAhead: [(index: Int, source: SourceDocument)] = []
            var nextToRead = 0
            var nextToWrite = 0
            var inFlight = 0
            var inputLeft = true
            // A document's work takes a job before it starts and waits while none is free.
            let jobs = DispatchSemaphore(value: running)
            while true {
                while inFlight < running + readAheadLimit, !readAhead.isEmpty {
                    let (index, source) = readAhead.removeFirst()
                    inFlight += 1
                    group.addTask { (index, await self.outcomeWithinLimit(of: source, in: output, jobs: jobs)) }
                }
                while let outcome = done.removeValue(forKey: nextToWrite) {
                    documentsHeld.remove(nextToWrite)
                    nextToWrite += 1
                    do throws(BylineError) {
                        try handle(outcome)
                    } catch {
                        group.cancelAll()
                        return error
                    }
                }
                if inputLeft, inFlight + readAhead.count < running + readAheadLimit, documentsHeld.count < held,
                    nextToRead - nextToWrite < heldSteps
                {
                    // One step at a time, so that a document read goes to a free job at once.
                    guard let step = reader.next() else {
                        inputLeft = false
                        continue
                    }
                    let index = nextToRead
                    nextToRead += 1
                    switch step {
                    case .item(.document(let source)):
                        documentsHeld.insert(index)
                        readAhead.append((index, source))
                    case .item(.failure(let error)):
                        done[index] = .failure(error)
                    case .item(.notice(let text)):
                        done[index] = .notice(text)
                    case .started(let input):
                        done[index] = .inputStarted(input)
                    case .finished(let records, let started):
                        done[index] = .inputFinished(records: records, started: started)
                    }
                    continue
                }
                guard inFlight > 0 else {
                    if inputLeft || !readAhead.isEmpty { continue }
                    return nil
                }
                guard let (index, outcome) = await group.next() else { return nil }
                inFlight -= 1
                done[index] = outcome
            }
        }
        if let result { throw result }
        try write(output.closing(written: written))
        return failures
    }

    /// What became of one item of the input, ready to be written in its turn.
    private enum Outcome: Sendable {
        /// A document, encoded without the separator before it, and its warnings.
        case document(body: Data, uri: String, warnings: [String])
        case failure(BylineError)
        case notice(String)
        /// The items of `input` follow.
        case inputStarted(Input)
        /// The items of the input last started are all written.
        case inputFinished(records: WARCRecordCounts?, started: ContinuousClock.Instant)
    }

    /// ``outcome(of:in:continuing:)`` on a thread of its own (see ``DocumentThreads``) once one
    /// of `jobs` is free, given up on (reported as a failure) when ``documentTimeLimit`` passes
    /// first; the abandoned work stops before its next analysis stage, and its job is free as
    /// soon as it is given up on.
    private func outcomeWithinLimit(of source: SourceDocument, in output: DocumentOutput, jobs: DispatchSemaphore) async -> Outcome {
        let race = FirstOutcome<Outcome>()
        return await withCheckedContinuation { continuation in
            race.deliver(to: continuation)
            DocumentThreads.shared.run {
                jobs.wait()
                let timer = self.documentTimeLimit.map { limit in
                    Task {
                        try? await Task.sleep(for: limit)
                        guard !Task.isCancelled else { return }
                        let failure = BylineError(
                            .tooSlow, input: source.uri, "not done within \(Self.secondsInWords(limit)) (--doc-timeout); left out")
                        if race.settle(.failure(failure)) { jobs.signal() }
                    }
                }
                let outcome = self.outcome(of: source, in: output, continuing: { !race.isSettled })
                timer?.cancel()
                if race.settle(outcome) { jobs.signal() }
            }
        }
    }

    /// A time limit in words: `5 s`, `0.25 s`.
    private static func secondsInWords(_ duration: Duration) -> String {
        let seconds = duration.inSeconds
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : "\(seconds) s"
    }

    /// One document extracted, analysed and encoded, or the reason it could not be.
    private func outcome(of source: SourceDocument, in output: DocumentOutput, continuing: () -> Bool) -> Outcome {
        do throws(BylineError) {
            let document = try document(from: source, continuing: continuing)
            return .document(body: try encode(document, with: output), uri: source.uri, warnings: document.warnings)
        } catch {
            return .failure(error.input == nil ? error.about(source.uri) : error)
        }
    }

    /// One document in the output's format, or the reason it cannot be written.
    private func encode(_ document: Document, with output: DocumentOutput) throws(BylineError) -> Data {
        do {
            return try output.body(document)
        } catch {
            throw BylineError(.unwritable, input: document.source.uri, "cannot write the document as \(output.format.rawValue) (\(error))")
        }
    }

    /// One input holding one document, read, extracted and analysed.
    public func document(from input: Input) throws(BylineError) -> Document {
        try document(from: try InputReader.read(input, limits: limits))
    }

    /// One document, extracted and analysed while `continuing` says so (it is asked before
    /// each analysis stage).
    public func document(from source: SourceDocument, continuing: () -> Bool = { true }) throws(BylineError) -> Document {
        var document = try extractor.extract(source)
        pipeline?.run(on: &document, continuing: continuing)
        return document
    }
}

/// The bytes of one output format: what opens the output, each document with the separator
/// before it, and what closes the output.
struct DocumentOutput: Sendable {
    let format: OutputFormat
    let analysed: Bool
    /// How many documents may be written (a JSON array is written for several).
    let documents: Int
    let colour: Bool

    private var asArray: Bool { format == .json && documents != 1 }

    /// What comes before the first document: `[` for a JSON array, the CSV header.
    var opening: Data {
        switch format {
        case .json: asArray ? Data("[".utf8) : Data()
        case .csvQuotes: Data(FactTable.quotes.header.utf8)
        case .csvFigures: Data(FactTable.figures.header.utf8)
        case .jsonl, .text: Data()
        }
    }

    /// One document, after `written` others.
    func piece(_ document: Document, after written: Int) throws -> Data {
        separator(after: written) + (try body(document))
    }

    /// What comes between the document after `written` others and the one before it.
    func separator(after written: Int) -> Data {
        switch format {
        case .json: asArray ? Data((written == 0 ? "\n" : ",\n").utf8) : Data()
        case .text: written == 0 ? Data() : Data("\n".utf8)
        case .jsonl, .csvQuotes, .csvFigures: Data()
        }
    }

    /// One document on its own, with no separator before it.
    func body(_ document: Document) throws -> Data {
        switch format {
        case .json, .jsonl:
            var out = try DocumentWriter(fields: analysed ? .analysis : .extraction, pretty: format == .json).encode(document)
            if !asArray { out.append(contentsOf: Array("\n".utf8)) }
            return out
        case .text:
            return Data(TextSummary(colour: colour).render(document, analysed: analysed).utf8)
        case .csvQuotes:
            return Data(FactTable.quotes.rows(document).joined().utf8)
        case .csvFigures:
            return Data(FactTable.figures.rows(document).joined().utf8)
        }
    }

    /// What comes after the last document.
    func closing(written: Int) -> Data {
        asArray ? Data((written == 0 ? "]\n" : "\n]\n").utf8) : Data()
    }
}
