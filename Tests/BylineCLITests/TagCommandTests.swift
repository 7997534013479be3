import Foundation
import Testing

private let bylineBuilt = FileManager.default.isExecutableFile(atPath: bylineExecutable.path)

@Test(.enabled(if: bylineBuilt))
func tagConllWritesOneLinePerInputLine() throws {
    let file = try temporaryFolder().appendingPathComponent("tokens.conll")
    let input = "-DOCSTART- -X- O O\n\nMaria\nDelgado\narrived\nin\nLisbon\n.\n\n-DOCSTART-\n\nShares NNS\nof IN\nVolkswagen NNP\nfell VBD\n"
    try Data(input.utf8).write(to: file)
    let result = try runByline(["tag", "--conll", file.path])
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == input.split(separator: "\n", omittingEmptySubsequences: false).count - 1)
    #expect(lines[0] == "-DOCSTART- -X- O O" && lines[1] == "" && lines[8] == "" && lines[9] == "-DOCSTART-")
    #expect(lines[2...7] == ["Maria\tB-PER", "Delgado\tI-PER", "arrived\tO", "in\tO", "Lisbon\tB-LOC", ".\tO"])
    #expect(lines[11...14].map { $0.split(separator: "\t")[0] } == ["Shares", "of", "Volkswagen", "fell"])
    #expect(lines[13] == "Volkswagen\tB-ORG")
}

@Test(.enabled(if: bylineBuilt))
func tagConllReportsABadFileInOneLine() throws {
    let folder = try temporaryFolder()
    let missing = folder.appendingPathComponent("missing.conll").path
    let result = try runByline(["tag", "--conll", missing])
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(missing): no such file or directory\n")
    #expect(result.output.isEmpty)

    let binary = folder.appendingPathComponent("binary.conll")
    try Data([0x41, 0x00, 0x0A]).write(to: binary)
    let binaryResult = try runByline(["tag", "--conll", binary.path])
    #expect(binaryResult.status == 1)
    #expect(binaryResult.errors == "byline: \(binary.path): binary data (a NUL byte at offset 1), not CoNLL text\n")
}

@Test(.enabled(if: bylineBuilt))
func trainNerReportsAFileWithoutTags() throws {
    let folder = try temporaryFolder()
    let untagged = folder.appendingPathComponent("untagged.conll")
    try Data("Rome I-LOC\nfell\n".utf8).write(to: untagged)
    let output = folder.appendingPathComponent("model").path
    let result = try runByline(["train", "ner", "--train", untagged.path, "--dev", untagged.path, "--output", output])
    #expect(result.status == 1)
    #expect(result.errors == "byline: \(untagged.path): line 2: no entity tag\n")
    #expect(!FileManager.default.fileExists(atPath: output))
}
