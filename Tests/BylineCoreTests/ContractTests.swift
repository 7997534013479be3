import BylineCore
import Foundation
import Testing

private func sample() -> Document {
    // "Café — ok": é is one code point but two UTF-8 bytes, the dash one code point, three bytes.
    let text = "Café — ok\n\nSecond."
    var document = Document(
        id: "abc", source: Source(uri: "in.txt", format: .text), metadata: Metadata(title: "T"), text: text,
        paragraphs: [
            Paragraph(span: Span(0, 12), kind: .title, provenance: Provenance(stage: "s", rule: "r")),
            Paragraph(span: Span(14, 21), kind: .body, provenance: Provenance(stage: "s", rule: "r")),
        ])
    document.sentences = [Sentence(span: Span(14, 21), tokens: 0..<2, provenance: Provenance(stage: "s", rule: "r"))]
    return document
}

private func json(_ document: Document, _ fields: ContractFields) throws -> [String: Any] {
    let data = try DocumentWriter(fields: fields, pretty: false).encode(document)
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
}

@Test func extractionWritesOnlyTheExtractionFields() throws {
    let object = try json(sample(), .extraction)
    #expect(Set(object.keys) == ["id", "source", "metadata", "text", "paragraphs", "captions", "removed"])
}

@Test func analysisWritesEveryContractField() throws {
    let object = try json(sample(), .analysis)
    let fields: Set<String> = [
        "id", "source", "metadata", "text", "paragraphs", "captions", "removed", "sentences", "entities",
        "quotes", "times", "quantities", "events", "timeline",
    ]
    #expect(Set(object.keys) == fields)
    let metadata = try #require(object["metadata"] as? [String: Any])
    for key in ["title", "authors", "publisher", "published", "modified", "language", "url"] {
        #expect(metadata.keys.contains(key), "metadata.\(key) missing")
    }
    #expect(metadata["modified"] is NSNull)
}

@Test func offsetsAreCodePointOffsets() throws {
    let object = try json(sample(), .analysis)
    let paragraphs = try #require(object["paragraphs"] as? [[String: Any]])
    // Byte offsets 0..<12 and 14..<21 are code points 0..<9 and 11..<18.
    #expect(paragraphs[0]["start"] as? Int == 0)
    #expect(paragraphs[0]["end"] as? Int == 9)
    #expect(paragraphs[1]["start"] as? Int == 11)
    #expect(paragraphs[1]["end"] as? Int == 18)
    let sentences = try #require(object["sentences"] as? [[String: Any]])
    #expect(sentences.first?["start"] as? Int == 11)
}

@Test func offsetMapIsTheIdentityForASCII() {
    let map = OffsetMap("plain ascii")
    #expect(map.scalarOffset(6) == 6)
    let mixed = OffsetMap("a한b")
    #expect(mixed.scalarOffset(4) == 2)
    #expect(mixed.scalarOffset(5) == 3)
}

@Test func lineSeparatorsAreEscapedSoJSONLinesStayLines() throws {
    let text = "One\u{2028}two\u{2029}three\u{85}four"
    let document = Document(
        id: "x", source: Source(uri: "x", format: .text), metadata: Metadata(), text: text, paragraphs: [])
    let data = try DocumentWriter(fields: .extraction, pretty: false).encode(document)
    let json = String(decoding: data, as: UTF8.self)
    #expect(!json.contains("\u{2028}") && !json.contains("\u{2029}") && !json.contains("\u{85}"))
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    #expect(object?["text"] as? String == text)
}

@Test func aQuantityWritesItsFieldsWithNullsForWhatIsUnknown() throws {
    var document = sample()
    document.quantities = [
        Quantity(span: Span(14, 20), value: 2, unit: "fold", subject: nil, speaker: nil, time: "2024-03", provenance: Provenance(stage: "s", rule: "r"))
    ]
    let object = try json(document, .analysis)
    let quantity = try #require((object["quantities"] as? [[String: Any]])?.first)
    #expect(Set(quantity.keys) == ["text", "start", "end", "value", "unit", "subject", "speaker", "time", "stage", "rule"])
    #expect(quantity["time"] as? String == "2024-03")
    #expect(quantity["subject"] is NSNull)
}
