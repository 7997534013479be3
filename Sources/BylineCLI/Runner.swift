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

    public init(extractor: Extractor, pipeline: Pipeline?, format: OutputFormat?, colour: Bool = false, limits: ReadLimits = ReadLimits()) {
        self.extractor = extractor
        self.pipeline = pipeline
        self.format = format
        self.colour = colour
        self.limits = limits
    }

    /// Processes `arguments` (paths, directories, `-`).
    ///
    /// Inputs are read in order by one reader; up to `jobs` documents are extracted, analysed
    /// and encoded at the same time, and at most twice that many are held (read or done but
    /// not yet written), so memory stays bounded however long the input. Output, errors and
    /// notices come in input order, exactly as a run with one job writes them.
    ///
    /// - Parameters:
    ///   - jobs: how many documents are worked on at once (at least 1).
    ///   - write: receives the output, in pieces, in order; an error it throws ends the run.
    ///   - report: receives one error per failed input or record, `PATH: reason`.
    ///   - notice: receives lines that are no failure: warnings about a document
    ///     (`PATH: warning: …`) and a WARC archive's record counts.
    /// - Returns: the number of inputs and records that failed.
    /// - Throws: what `write` throws.
    public func run(
        _ arguments: [String], jobs: Int = 1, write: (Data) throws(BylineError) -> Void, report: (BylineError) -> Void,
        notice: (String) -> Void = { _ in }
    ) async throws(BylineError) -> Int {
        let inputs = InputList.expand(arguments)
        var itemLists = inputs.lazy.map { InputReader.items(of: $0, limits: limits) }.makeIterator()
        // The first input is opened before the format is chosen: one WARC archive holds many documents.
        let first = itemLists.next()
        var firstItem = first?.next()
        let manyDocuments = inputs.count != 1 || first?.recordCounts != nil
        let format = self.format ?? (manyDocuments ? .jsonl : .json)
        let output = DocumentOutput(format: format, analysed: pipeline != nil, documents: manyDocuments ? max(2, inputs.count) : 1, colour: colour)
        var current = first
        /// The next item of the inputs, in order.
        func nextItem() -> SourceItem? {
            if let item = firstItem {
                firstItem = nil
                return item
            }
            while let items = current {
                if let item = items.next() { return item }
                current = itemLists.next()
            }
            return nil
        }

        var failures = 0
        var written = 0
        try write(output.opening)

        func handle(_ outcome: Outcome) throws(BylineError) {
            switch outcome {
            case .document(let body, let uri, let warnings):
                for warning in warnings { notice("\(uri): warning: \(warning)") }
                try write(output.separator(after: written) + body)
                written += 1
            case .failure(let error):
                failures += 1
                report(error)
            case .notice(let text):
                notice(text)
            }
        }

        let result = await withTaskGroup(of: (Int, Outcome).self, returning: BylineError?.self) { group in
            let running = max(1, jobs)
            let held = running == 1 ? 1 : 2 * running
            var done: [Int: Outcome] = [:]
            var nextToRead = 0
            var nextToWrite = 0
            var inFlight = 0
            var inputLeft = true
            while true {
                while inputLeft, inFlight < running, nextToRead - nextToWrite < held {
                    guard let item = nextItem() else {
                        inputLeft = false
                        break
                    }
                    let index = nextToRead
                    nextToRead += 1
                    switch item {
                    case .document(let source):
                        inFlight += 1
                        group.addTask { (index, self.outcome(of: source, in: output)) }
                    case .failure(let error):
                        done[index] = .failure(error)
                    case .notice(let text):
                        done[index] = .notice(text)
                    }
                }
                while let outcome = done.removeValue(forKey: nextToWrite) {
                    nextToWrite += 1
                    do throws(BylineError) {
                        try handle(outcome)
                    } catch {
                        group.cancelAll()
                        return error
                    }
                }
                guard inFlight > 0 else {
                    if inputLeft { continue }
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
    }

    /// One document extracted, analysed and encoded, or the reason it could not be.
    private func outcome(of source: SourceDocument, in output: DocumentOutput) -> Outcome {
        do throws(BylineError) {
            let document = try document(from: source)
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

    /// One document, extracted and analysed.
    public func document(from source: SourceDocument) throws(BylineError) -> Document {
        var document = try extractor.extract(source)
        pipeline?.run(on: &document)
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
