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

/// Reads every input in order, extracts and (optionally) analyses each document, and writes
/// one JSON object per document. A bad input (or a bad record of a WARC archive) is reported
/// and skipped; the others go on.
public struct Runner: Sendable {
    public let extractor: Extractor
    /// The analysis stages, or nil for extraction alone.
    public let pipeline: Pipeline?
    /// The format, or nil for json with one input holding one document and jsonl otherwise.
    public let format: OutputFormat?
    /// How much of each input is read.
    public let limits: ReadLimits

    public init(extractor: Extractor, pipeline: Pipeline?, format: OutputFormat?, limits: ReadLimits = ReadLimits()) {
        self.extractor = extractor
        self.pipeline = pipeline
        self.format = format
        self.limits = limits
    }

    /// Processes `arguments` (paths, directories, `-`).
    ///
    /// - Parameters:
    ///   - write: receives the output, in pieces, in order; an error it throws ends the run.
    ///   - report: receives one error per failed input or record, `PATH: reason`.
    ///   - notice: receives lines that are no failure: warnings about a document
    ///     (`PATH: warning: …`) and a WARC archive's record counts.
    /// - Returns: the number of inputs and records that failed.
    /// - Throws: what `write` throws.
    public func run(
        _ arguments: [String], write: (Data) throws(BylineError) -> Void, report: (BylineError) -> Void,
        notice: (String) -> Void = { _ in }
    ) throws(BylineError) -> Int {
        let inputs = InputList.expand(arguments)
        var itemLists = inputs.lazy.map { InputReader.items(of: $0, limits: limits) }.makeIterator()
        // The first input is opened before the format is chosen: one WARC archive holds many documents.
        let first = itemLists.next()
        let firstItem = first?.next()
        let manyDocuments = inputs.count != 1 || first?.recordCounts != nil
        let format = self.format ?? (manyDocuments ? .jsonl : .json)
        let writer = DocumentWriter(fields: pipeline == nil ? .extraction : .analysis, pretty: format == .json)
        let asArray = format == .json && manyDocuments
        var failures = 0
        var written = 0
        if asArray { try write(Data("[".utf8)) }

        func handle(_ item: SourceItem) throws(BylineError) {
            switch item {
            case .document(let source):
                let json: Data
                do {
                    let document = try document(from: source)
                    json = try encode(document, with: writer)
                    for warning in document.warnings { notice("\(source.uri): warning: \(warning)") }
                } catch {
                    failures += 1
                    report(error.input == nil ? error.about(source.uri) : error)
                    return
                }
                if asArray { try write(Data((written == 0 ? "\n" : ",\n").utf8)) }
                try write(json)
                if !asArray { try write(Data("\n".utf8)) }
                written += 1
            case .failure(let error):
                failures += 1
                report(error)
            case .notice(let text):
                notice(text)
            }
        }

        if let firstItem { try handle(firstItem) }
        if let first { while let item = first.next() { try handle(item) } }
        while let items = itemLists.next() {
            while let item = items.next() { try handle(item) }
        }
        if asArray { try write(Data((written == 0 ? "]\n" : "\n]\n").utf8)) }
        return failures
    }

    /// One document as JSON, or the reason it cannot be written.
    private func encode(_ document: Document, with writer: DocumentWriter) throws(BylineError) -> Data {
        do {
            return try writer.encode(document)
        } catch {
            throw BylineError(.unwritable, input: document.source.uri, "cannot write the document as JSON (\(error))")
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
