import BylineAnalysis
@testable import BylineCLI
import BylineCore
import BylineExtract
import BylineTestSupport
import Foundation
import Testing

private let snapshots = "Tests/BylineCLITests/Snapshots"

/// The bundled example, read (and analysed), named by its path inside the repository so that
/// the golden files do not depend on where the repository lies.
private func example(analysed: Bool) throws -> Document {
    let file = packageRoot.appendingPathComponent("Examples/harbor-city-transit.txt")
    let runner = Runner(extractor: Extractor(options: ReadOptions()), pipeline: analysed ? try Analysis.pipeline() : nil, format: .json)
    var document = try runner.document(from: .file(uri: file.path))
    document.source.uri = "Examples/harbor-city-transit.txt"
    return document
}

/// What one format writes for the example alone.
private func render(_ format: OutputFormat, analysed: Bool, colour: Bool = false) throws -> String {
    let output = DocumentOutput(format: format, analysed: analysed, documents: 1, colour: colour)
    let bytes = output.opening + (try output.piece(try example(analysed: analysed), after: 0)) + output.closing(written: 1)
    return String(decoding: bytes, as: UTF8.self)
}

@Test func analysisAsTextMatchesItsSnapshot() throws {
    try assertSnapshot(try render(.text, analysed: true), named: "example-analyze.txt", in: snapshots)
}

@Test func extractionAsTextMatchesItsSnapshot() throws {
    try assertSnapshot(try render(.text, analysed: false), named: "example-extract.txt", in: snapshots)
}

@Test func quotesAsCSVMatchTheirSnapshot() throws {
    try assertSnapshot(try render(.csvQuotes, analysed: true), named: "example-quotes.csv", in: snapshots)
}

@Test func figuresAsCSVMatchTheirSnapshot() throws {
    try assertSnapshot(try render(.csvFigures, analysed: true), named: "example-figures.csv", in: snapshots)
}

/// Colour only on a terminal, and never when NO_COLOR is set to something.
@Test func colourIsUsedOnlyOnATerminalWithoutNoColor() {
    #expect(TextSummary.usesColour(isTerminal: true, environment: [:]))
    #expect(TextSummary.usesColour(isTerminal: true, environment: ["NO_COLOR": ""]))
    #expect(!TextSummary.usesColour(isTerminal: true, environment: ["NO_COLOR": "1"]))
    #expect(!TextSummary.usesColour(isTerminal: false, environment: [:]))
}

/// Coloured text is the plain text with ANSI escapes around the evidence words.
@Test func colouredTextDiffersFromPlainOnlyByEscapes() throws {
    let plain = try render(.text, analysed: true)
    let coloured = try render(.text, analysed: true, colour: true)
    #expect(!plain.contains("\u{1B}"))
    #expect(coloured.contains("\u{1B}[36m"))
    let stripped = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    #expect(stripped == plain)
}

/// Text from the page cannot drive the terminal: control characters become spaces.
@Test func controlCharactersInTheTextBecomeSpaces() {
    #expect(oneLine("a\u{1B}[2Jb\nc\td") == "a [2Jb c d")
}

/// CSV follows RFC 4180: fields with commas, quotation marks or line breaks are quoted,
/// quotation marks doubled, records end with CRLF.
@Test func csvFieldsAreQuotedAsRFC4180Asks() {
    #expect(FactTable.line(["plain", "a, b", "say \"no\"", "two\nlines"]) == "plain,\"a, b\",\"say \"\"no\"\"\",\"two\nlines\"\r\n")
}

/// The CSV tables list facts only the analysis finds, so `extract` refuses them.
@Test func extractRefusesTheCSVFormats() {
    #expect(throws: (any Error).self) { try BylineCLI.Byline.parseAsRoot(["extract", "--format", "csv-quotes", "x.txt"]) }
    #expect(throws: Never.self) { try BylineCLI.Byline.parseAsRoot(["extract", "--format", "text", "x.txt"]) }
}

/// `byline analyze --help` names every format and says which table each CSV format writes.
@Test func analyzeHelpMatchesItsSnapshot() throws {
    let help = BylineCLI.Byline.helpMessage(for: Analyze.self, columns: 100)
    #expect(help.contains("csv-quotes or csv-figures"))
    try assertSnapshot(help + "\n", named: "analyze-help.txt", in: snapshots)
}
