import BylineCore
import Testing

private struct Marker: Stage {
    let name: String
    let requires: Set<Layer>
    let provides: Set<Layer>

    func run(on document: inout Document) {
        document.metadata.authors.append(name)
    }
}

@Test func pipelineRunsStagesInOrder() throws {
    let pipeline = try Pipeline([
        Marker(name: "first", requires: [.text], provides: [.tokens]),
        Marker(name: "second", requires: [.tokens], provides: [.sentences]),
    ])
    var document = Document(
        id: "x", source: Source(uri: "x", format: .text), metadata: Metadata(), text: "a", paragraphs: [])
    pipeline.run(on: &document)
    #expect(document.metadata.authors == ["first", "second"])
    #expect(pipeline.layers.isSuperset(of: [.text, .tokens, .sentences]))
}

@Test func pipelineRejectsAMissingRequirementBeforeRunning() {
    #expect {
        try Pipeline([Marker(name: "quotes", requires: [.entities, .sentences], provides: [.quotes])])
    } throws: { error in
        guard let error = error as? BylineError else { return false }
        return error.kind == .pipeline && error.reason.contains("'quotes'") && error.reason.contains("sentences, entities")
    }
}
