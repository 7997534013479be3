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
    document.setSentences([Sentence(span: Span(14, 21), tokens: 0..<2, provenance: Provenance(stage: "s", rule: "r"))])
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

/// Any JSON value, read back from the writer's output so that `JSONEncoder` can write it again.
private enum JSONValue: Codable {
    case null, int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var members: [String: JSONValue] = [:]
            for key in object.allKeys { members[key.stringValue] = try object.decode(JSONValue.self, forKey: key) }
            self = .object(members)
        } else if var array = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !array.isAtEnd { elements.append(try array.decode(JSONValue.self)) }
            self = .array(elements)
        } else {
            let value = try decoder.singleValueContainer()
            if value.decodeNil() {
                self = .null
            } else if let int = try? value.decode(Int.self) {
                self = .int(int)
            } else if let double = try? value.decode(Double.self) {
                self = .double(double)
            } else {
                self = .string(try value.decode(String.self))
            }
        }
    }

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var value = encoder.singleValueContainer()
            try value.encodeNil()
        case .int(let int):
            var value = encoder.singleValueContainer()
            try value.encode(int)
        case .double(let double):
            var value = encoder.singleValueContainer()
            try value.encode(double)
        case .string(let string):
            var value = encoder.singleValueContainer()
            try value.encode(string)
        case .array(let elements):
            var array = encoder.unkeyedContainer()
            for element in elements { try array.encode(element) }
        case .object(let members):
            var object = encoder.container(keyedBy: Key.self)
            for (key, value) in members { try object.encode(value, forKey: Key(stringValue: key)) }
        }
    }
}

/// A document with every kind of fact, odd characters in its strings, nulls and empty lists.
private func everyFact() -> Document {
    let text = "Title \"q\" \\ back\tslash\u{1}\n\nSeoul — ‘Kim’ said “$4.2 billion” on Friday.\u{2028}한국 \u{85}end/"
    let provenance = Provenance(stage: "stage", rule: "rule/\"x\"")
    let all = Span(0, text.utf8.count)
    let at = text.utf8.distance(from: text.startIndex, to: text.range(of: "Seoul")!.lowerBound)
    let seoul = Span(at, at + 5)
    var document = Document(
        id: "abc", source: Source(uri: "dir/in.html", format: .html),
        metadata: Metadata(
            title: "T\u{7}", authors: ["A", "B\u{1F}"], published: DateStamp(parsing: "2024-11-08T09:30+09:00"), language: "en",
            filledBy: ["title": provenance, "published": Provenance(stage: "html", rule: "json-ld"), "language": provenance]),
        text: text,
        paragraphs: [Paragraph(span: all, kind: .body, provenance: provenance)],
        captions: [
            Caption(text: "A photo", credit: nil, span: nil, provenance: provenance),
            Caption(text: "Another", credit: "Yonhap", span: seoul, provenance: provenance),
        ],
        removed: [Removal(text: "Share\u{2029}this", reason: .chrome, provenance: provenance)])
    document.setSentences([Sentence(span: all, tokens: 0..<1, provenance: provenance)])
    document.setEntities([
        Entity(
            id: "e1", type: .person, name: "Kim", aliases: ["K."],
            roles: [Role(title: "minister", org: nil, span: seoul, provenance: provenance)],
            mentions: [Mention(span: seoul, provenance: provenance)], provenance: provenance),
        Entity(id: "e2", type: .geopolitical, name: "Seoul", provenance: provenance),
    ])
    document.quotes = [
        Quote(kind: .direct, span: seoul, speaker: "e1", speakerMention: seoul, cue: "said", confidence: 0.85, provenance: provenance),
        Quote(kind: .indirect, span: all, speaker: nil, speakerMention: nil, cue: nil, confidence: 1, provenance: provenance),
    ]
    document.times = [TimeExpression(span: seoul, type: .date, value: nil, provenance: provenance)]
    document.quantities = [
        Quantity(span: seoul, value: 4_200_000_000, unit: "USD", subject: "trade", speaker: "e1", provenance: provenance),
        Quantity(span: seoul, value: 0.125, unit: nil, subject: nil, speaker: nil, time: "2024", provenance: provenance),
        Quantity(span: seoul, value: -3, unit: "percent", subject: nil, speaker: nil, provenance: provenance),
    ]
    document.events = [
        Event(
            type: "conference", name: "forum", date: "2024-11-08", place: ["Seoul"], organizers: [], participants: ["e1"],
            span: seoul, provenance: provenance)
    ]
    document.timeline = [TimelineEntry(date: "1989", span: seoul, provenance: provenance)]
    return document
}

/// What `JSONEncoder` writes for the same value (sorted keys, slashes as they are), with the
/// line separators escaped as the contract asks.
private func encoderBytes(of data: Data, pretty: Bool) throws -> String {
    let value = try JSONDecoder().decode(JSONValue.self, from: data)
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
        .replacingOccurrences(of: "\u{2028}", with: "\\u2028").replacingOccurrences(of: "\u{2029}", with: "\\u2029")
        .replacingOccurrences(of: "\u{85}", with: "\\u0085")
}

@Test(arguments: [false, true])
func theWriterWritesTheBytesOfJSONEncoder(pretty: Bool) throws {
    for fields in [ContractFields.analysis, .extraction] {
        let data = try DocumentWriter(fields: fields, pretty: pretty).encode(everyFact())
        #expect(String(decoding: data, as: UTF8.self) == (try encoderBytes(of: data, pretty: pretty)))
    }
}

@Test func aFigureTooLargeForADoubleIsWrittenWithANullValue() throws {
    var document = everyFact()
    document.quantities[0].value = .infinity
    let data = try DocumentWriter(fields: .analysis, pretty: false).encode(document)
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
    let quantities = object?["quantities"] as? [[String: Any]]
    #expect(quantities?.first?["value"] is NSNull)
}
