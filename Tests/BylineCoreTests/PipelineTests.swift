import BylineCore
import Testing

/// A stage that signs the document's authors with its name: it modifies the metadata.
private struct Marker: Stage {
    let name: String
    let requires: Set<Layer>
    let provides: Set<Layer>
    let modifies: Set<Layer> = [.metadata]

    func run(on document: inout Document) {
        document.metadata.authors.append(name)
    }
}

/// A stage that declares sentences but also rewrites the paragraphs.
private struct ParagraphRewriter: Stage {
    let name = "rewriter"
    let requires: Set<Layer> = [.paragraphs]
    let provides: Set<Layer> = [.sentences]

    func run(on document: inout Document) {
        document.paragraphs.removeAll()
    }
}

private func oneParagraphDocument() -> Document {
    Document(
        id: "x", source: Source(uri: "x", format: .text), metadata: Metadata(), text: "Rain fell.",
        paragraphs: [Paragraph(span: Span(0, 10), kind: .body, provenance: Provenance(stage: "plain-text", rule: "blank-line-paragraphs"))])
}

@Test func pipelineRunsStagesInOrder() throws {
    let pipeline = try Pipeline([
        Marker(name: "first", requires: [.text], provides: [.tokens]),
        Marker(name: "second", requires: [.tokens], provides: [.sentences]),
    ])
    var document = oneParagraphDocument()
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

@Test func pipelineRejectsModifyingALayerNoEarlierStageProvides() {
    #expect {
        try Pipeline([Marker(name: "late", requires: [], provides: [.quotes])], given: [.text])
    } throws: { error in
        (error as? BylineError)?.reason.contains("metadata") == true
    }
}

#if DEBUG
@Test func aStageWritingAnUndeclaredLayerStopsADebugRun() async {
    await #expect(processExitsWith: .failure) {
        var document = oneParagraphDocument()
        try? Pipeline([ParagraphRewriter()]).run(on: &document)
    }
}
#endif

/// Two stages, the second of them read only in English; `language` tells a document's language.
private func pipelineGatingTheSecondStage(language: @escaping @Sendable (Document) -> String?) throws -> Pipeline {
    try Pipeline(
        [
            Marker(name: "first", requires: [.text], provides: [.tokens]),
            Marker(name: "second", requires: [.tokens], provides: [.sentences]),
        ], gate: LanguageGate(languages: ["en"], stages: ["second"], identify: language))
}

@Test func aGateLeavesItsStagesOutOfADocumentInAnotherLanguage() throws {
    let pipeline = try pipelineGatingTheSecondStage { _ in "de" }
    var document = oneParagraphDocument()
    pipeline.run(on: &document)
    #expect(document.metadata.authors == ["first"])
    #expect(document.warnings == ["written in 'de': second read only en and were left out"])
}

@Test func aGateLetsThroughADocumentWhoseLanguageCannotBeTold() throws {
    let pipeline = try pipelineGatingTheSecondStage { _ in nil }
    var document = oneParagraphDocument()
    pipeline.run(on: &document)
    #expect(document.metadata.authors == ["first", "second"])
    #expect(document.warnings.isEmpty)
}
