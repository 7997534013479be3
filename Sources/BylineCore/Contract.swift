import Foundation

/// Which fields of the contract a document is written with.
public enum ContractFields: Sendable {
    /// `id`, `source`, `metadata`, `text`, `paragraphs`, `captions`, `removed`: `byline extract`.
    case extraction
    /// Every field of the contract: `byline analyze`.
    case analysis
}

/// Writes documents as the JSON contract of DESIGN.md: code-point offsets, contract field
/// names and order, `null` for absent values.
///
///     let json = try DocumentWriter(fields: .analysis, pretty: true).encode(document)
public struct DocumentWriter: Sendable {
    public let fields: ContractFields
    public let pretty: Bool

    public init(fields: ContractFields, pretty: Bool) {
        self.fields = fields
        self.pretty = pretty
    }

    /// One document as JSON (UTF-8), without a trailing newline.
    public func encode(_ document: Document) throws -> Data {
        Self.escapingLineSeparators(try encoder(for: document).encode(document))
    }

    /// JSON with U+0085, U+2028 and U+2029 written as `\u` escapes. JSON allows them raw, but
    /// many line readers (Python's `splitlines`, JavaScript before ES2019) break lines there,
    /// which would split one JSON Lines record in two.
    static func escapingLineSeparators(_ json: Data) -> Data {
        // Where the first separator starts; most documents have none.
        let first: Int? = json.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            return [[0xE2, 0x80, 0xA8], [0xE2, 0x80, 0xA9], [0xC2, 0x85]].compactMap {
                ByteSearch.firstIndex(of: $0, in: bytes)
            }.min()
        }
        guard let first else { return json }
        let bytes = [UInt8](json)
        var out = Data(bytes[..<first])
        var i = first
        while i < bytes.count {
            if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 {
                out.append(contentsOf: Array("\\u0085".utf8))
                i += 2
            } else if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
                out.append(contentsOf: Array((bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8))
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// Several documents as one JSON array.
    public func encode(_ documents: [Document]) throws -> Data {
        var parts: [Data] = []
        for document in documents {
            parts.append(try encode(document))
        }
        var out = Data("[".utf8)
        for (i, part) in parts.enumerated() {
            if i > 0 { out.append(contentsOf: Array(",".utf8)) }
            if pretty { out.append(contentsOf: Array("\n".utf8)) }
            out.append(part)
        }
        out.append(contentsOf: Array((pretty && !parts.isEmpty ? "\n]" : "]").utf8))
        return out
    }

    private func encoder(for document: Document) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[ContractContext.key] = ContractContext(text: document.text, fields: fields)
        return encoder
    }
}

/// What the encoders of the contract's types need: the text and its offset map.
final class ContractContext: Sendable {
    static let key = CodingUserInfoKey(rawValue: "byline.contract")!

    let text: String
    let offsets: OffsetMap
    let fields: ContractFields

    init(text: String, fields: ContractFields) {
        self.text = text
        self.offsets = OffsetMap(text)
        self.fields = fields
    }

    static func of(_ encoder: any Encoder) -> ContractContext {
        guard let context = encoder.userInfo[key] as? ContractContext else {
            preconditionFailure("contract types are encoded through DocumentWriter")
        }
        return context
    }
}

/// The keys of every object in the contract.
enum ContractKey: String, CodingKey {
    case id, source, uri, format, metadata, title, authors, publisher, published, modified, language, url
    case filledBy, text, paragraphs, start, end, kind, captions, credit, removed, reason
    case sentences, entities, type, name, aliases, roles, org, mentions
    case quotes, speaker, cue, confidence, speakerMention, times, value
    case quantities, unit, subject, time, events, date, place, organizers, participants, timeline
    case stage, rule
}

extension KeyedEncodingContainer where Key == ContractKey {
    /// Writes `start`, `end` (code points) and, when asked, the covered `text`.
    mutating func encode(_ span: Span, in context: ContractContext, withText: Bool) throws {
        if withText { try encode(String(context.text[span]), forKey: .text) }
        try encode(context.offsets.scalarOffset(span.start), forKey: .start)
        try encode(context.offsets.scalarOffset(span.end), forKey: .end)
    }

    mutating func encode(_ provenance: Provenance) throws {
        try encode(provenance.stage, forKey: .stage)
        try encode(provenance.rule, forKey: .rule)
    }
}

extension Document: Encodable {
    public func encode(to encoder: any Encoder) throws {
        let context = ContractContext.of(encoder)
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(id, forKey: .id)
        try c.encode(source, forKey: .source)
        try c.encode(metadata, forKey: .metadata)
        try c.encode(text, forKey: .text)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(captions, forKey: .captions)
        try c.encode(removed, forKey: .removed)
        guard case .analysis = context.fields else { return }
        try c.encode(sentences, forKey: .sentences)
        try c.encode(entities, forKey: .entities)
        try c.encode(quotes, forKey: .quotes)
        try c.encode(times, forKey: .times)
        try c.encode(quantities, forKey: .quantities)
        try c.encode(events, forKey: .events)
        try c.encode(timeline, forKey: .timeline)
    }
}

extension Source: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(uri, forKey: .uri)
        try c.encode(format, forKey: .format)
    }
}

extension Metadata: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(title, forKey: .title)
        try c.encode(authors, forKey: .authors)
        try c.encode(publisher, forKey: .publisher)
        try c.encode(published?.iso, forKey: .published)
        try c.encode(modified?.iso, forKey: .modified)
        try c.encode(language, forKey: .language)
        try c.encode(url, forKey: .url)
        let filled = filledBy.mapValues { "\($0.stage)/\($0.rule)" }
        try c.encode(filled, forKey: .filledBy)
    }
}

extension Paragraph: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(span, in: .of(encoder), withText: false)
        try c.encode(kind, forKey: .kind)
        try c.encode(provenance)
    }
}

extension Caption: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(text, forKey: .text)
        try c.encode(credit, forKey: .credit)
        if let span { try c.encode(span, in: .of(encoder), withText: false) }
        try c.encode(provenance)
    }
}

extension Removal: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(text, forKey: .text)
        try c.encode(reason, forKey: .reason)
        try c.encode(provenance)
    }
}

extension Sentence: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(span, in: .of(encoder), withText: false)
    }
}

extension Entity: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(id, forKey: .id)
        try c.encode(type, forKey: .type)
        try c.encode(name, forKey: .name)
        try c.encode(aliases, forKey: .aliases)
        try c.encode(roles, forKey: .roles)
        try c.encode(mentions, forKey: .mentions)
        try c.encode(provenance)
    }
}

extension Role: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(title, forKey: .title)
        try c.encode(org, forKey: .org)
        try c.encode(span, in: .of(encoder), withText: true)
        try c.encode(provenance)
    }
}

extension Mention: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(span, in: .of(encoder), withText: true)
        try c.encode(provenance)
    }
}

/// A span written as its own object: `{"start", "end", "text"}`.
private struct SpanObject: Encodable {
    let span: Span

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(span, in: .of(encoder), withText: true)
    }
}

extension Quote: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(span, in: .of(encoder), withText: true)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(cue, forKey: .cue)
        try c.encode(confidence, forKey: .confidence)
        try c.encode(speakerMention.map(SpanObject.init), forKey: .speakerMention)
        try c.encode(provenance)
    }
}

extension TimeExpression: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(span, in: .of(encoder), withText: true)
        try c.encode(type, forKey: .type)
        try c.encode(value, forKey: .value)
        try c.encode(provenance)
    }
}

extension Quantity: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(span, in: .of(encoder), withText: true)
        // A figure too large for a double (a 309-digit number) is infinite: JSON has no such
        // number, so the value is null and the figure, its text and the document are kept.
        try c.encode(value.isFinite ? value : nil, forKey: .value)
        try c.encode(unit, forKey: .unit)
        try c.encode(subject, forKey: .subject)
        try c.encode(speaker, forKey: .speaker)
        try c.encode(time, forKey: .time)
        try c.encode(provenance)
    }
}

extension Event: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(type, forKey: .type)
        try c.encode(name, forKey: .name)
        try c.encode(date, forKey: .date)
        try c.encode(place, forKey: .place)
        try c.encode(organizers, forKey: .organizers)
        try c.encode(participants, forKey: .participants)
        try c.encode(span, in: .of(encoder), withText: true)
        try c.encode(provenance)
    }
}

extension TimelineEntry: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: ContractKey.self)
        try c.encode(date, forKey: .date)
        try c.encode(span, in: .of(encoder), withText: true)
        try c.encode(provenance)
    }
}
