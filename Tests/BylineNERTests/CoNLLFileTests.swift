import BylineCore
import BylineNER
import Foundation
import Testing

private let sample = """
    -DOCSTART- -X- O O

    Maria NNP I-NP I-PER
    Delgado NNP I-NP I-PER
    spoke VBD I-VP O

    -DOCSTART- -X- O O

    Lisbon NNP I-NP I-LOC
    """

@Test func documentsAndSentencesAreRead() throws {
    let file = try CoNLLFile(bytes: Array(sample.utf8))
    #expect(file.documents.map(\.sentences) == [[["Maria", "Delgado", "spoke"]], [["Lisbon"]]])
    #expect(file.documents.map(\.tags) == [[["I-PER", "I-PER", "O"]], [["I-LOC"]]])
    try file.checkTags()
}

@Test func everyLineGivesOneOutputLine() throws {
    let input = "-DOCSTART-\r\n\r\nMaria\r\nDelgado\r\n  \r\nspoke\tVBD\n\n\n-DOCSTART- -X- O O\nLisbon\n"
    let file = try CoNLLFile(bytes: Array(input.utf8))
    let tags = file.documents.map { $0.sentences.map { $0.map { _ in "O" } } }
    let output = String(decoding: file.tagged(tags), as: UTF8.self)
    #expect(output == "-DOCSTART-\n\nMaria\tO\nDelgado\tO\n  \nspoke\tO\n\n\n-DOCSTART- -X- O O\nLisbon\tO\n")
}

@Test func tokensBeforeTheFirstDocumentStartFormADocument() throws {
    let file = try CoNLLFile(bytes: Array("Rome\n\nParis\n".utf8))
    #expect(file.documents.map(\.sentences) == [[["Rome"], ["Paris"]]])
}

@Test(arguments: [
    ("", BylineError(.emptyInput, "empty input")),
    ("\n  \n", BylineError(.emptyInput, "empty input")),
    ("Caf\u{0}e\n", BylineError(.binaryInput, "binary data (a NUL byte at offset 3), not CoNLL text")),
])
func badTextIsReported(input: String, error: BylineError) {
    #expect(throws: error) { try CoNLLFile(bytes: Array(input.utf8)) }
}

@Test func invalidUTF8IsReported() {
    #expect(throws: BylineError(.invalidEncoding, "not valid UTF-8")) { try CoNLLFile(bytes: [0x41, 0xE9, 0x0A]) }
}

@Test func aMissingFileIsReportedWithItsPath() {
    #expect(throws: BylineError(.notFound, input: "/nonexistent/eng.testa", "no such file")) {
        try CoNLLFile(path: "/nonexistent/eng.testa")
    }
}

@Test func aTokenLineWithoutATagIsReportedForTraining() throws {
    let file = try CoNLLFile(bytes: Array("Rome I-LOC\nfell\n".utf8))
    #expect(throws: BylineError(.unsupportedFormat, "line 2: no entity tag")) { try file.checkTags() }
    let odd = try CoNLLFile(bytes: Array("Rome X-CITY\n".utf8))
    #expect(throws: BylineError(.unsupportedFormat, "line 1: 'X-CITY' is not an entity tag")) { try odd.checkTags() }
}
