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

/// Reads every input in order, extracts and (optionally) analyses it, and writes each document
/// in the chosen format. A bad input is reported and skipped; the others go on.
public struct Runner: Sendable {
    public let extractor: Extractor
    /// The analysis stages, or nil for extraction alone.
    public let pipeline: Pipeline?
    /// The format, or nil for json with one input and jsonl otherwise.
    public let format: OutputFormat?
    /// Whether `text` output colours its evidence words (ANSI escapes).
    public let colour: Bool

    public init(extractor: Extractor, pipeline: Pipeline?, format: OutputFormat?, colour: Bool = false) {
        self.extractor = extractor
        self.pipeline = pipeline
        self.format = format
        self.colour = colour
    }

    /// Processes `arguments` (paths, directories, `-`).
    ///
    /// - Parameters:
    ///   - write: receives the output, in pieces, in order.
    ///   - report: receives one line per failed input, `PATH: reason`.
    /// - Returns: the number of inputs that failed.
    public func run(_ arguments: [String], write: (Data) -> Void, report: (BylineError) -> Void) -> Int {
        let inputs = InputList.expand(arguments)
        let format = self.format ?? (inputs.count == 1 ? .json : .jsonl)
        let output = DocumentOutput(format: format, analysed: pipeline != nil, documents: inputs.count, colour: colour)
        var failures = 0
        var written = 0
        write(output.opening)
        for input in inputs {
            do {
                write(try output.piece(try document(from: input), after: written))
                written += 1
            } catch let error as BylineError {
                failures += 1
                report(error.input == nil ? error.about(input.uri) : error)
            } catch {
                failures += 1
                report(BylineError(.unreadable, input: input.uri, "cannot write the document as \(format.rawValue)"))
            }
        }
        write(output.closing(written: written))
        return failures
    }

    /// One input, read, extracted and analysed.
    public func document(from input: Input) throws(BylineError) -> Document {
        let source = try InputReader.read(input)
        var document = try extractor.extract(source)
        pipeline?.run(on: &document)
        return document
    }
}

/// The bytes of one output format: what opens the output, each document with the separator
/// before it, and what closes the output.
struct DocumentOutput {
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
        switch format {
        case .json, .jsonl:
            var out = Data()
            if asArray { out.append(contentsOf: Array((written == 0 ? "\n" : ",\n").utf8)) }
            out.append(try DocumentWriter(fields: analysed ? .analysis : .extraction, pretty: format == .json).encode(document))
            if !asArray { out.append(contentsOf: Array("\n".utf8)) }
            return out
        case .text:
            return Data(((written == 0 ? "" : "\n") + TextSummary(colour: colour).render(document, analysed: analysed)).utf8)
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
