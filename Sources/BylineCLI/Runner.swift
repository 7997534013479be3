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
}

/// Reads every input in order, extracts and (optionally) analyses it, and writes one JSON
/// object per document. A bad input is reported and skipped; the others go on.
public struct Runner: Sendable {
    public let extractor: Extractor
    /// The analysis stages, or nil for extraction alone.
    public let pipeline: Pipeline?
    /// The format, or nil for json with one input and jsonl otherwise.
    public let format: OutputFormat?

    public init(extractor: Extractor, pipeline: Pipeline?, format: OutputFormat?) {
        self.extractor = extractor
        self.pipeline = pipeline
        self.format = format
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
        let writer = DocumentWriter(fields: pipeline == nil ? .extraction : .analysis, pretty: format == .json)
        let asArray = format == .json && inputs.count != 1
        var failures = 0
        var written = 0
        if asArray { write(Data("[".utf8)) }
        for input in inputs {
            do {
                let json = try writer.encode(try document(from: input))
                if asArray { write(Data((written == 0 ? "\n" : ",\n").utf8)) }
                write(json)
                if !asArray { write(Data("\n".utf8)) }
                written += 1
            } catch let error as BylineError {
                failures += 1
                report(error.input == nil ? error.about(input.uri) : error)
            } catch {
                failures += 1
                report(BylineError(.unreadable, input: input.uri, "cannot write the document as JSON"))
            }
        }
        if asArray { write(Data((written == 0 ? "]\n" : "\n]\n").utf8)) }
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
