import Foundation

/// Which fields of the contract a document is written with.
public enum ContractFields: Sendable {
    /// `id`, `source`, `metadata`, `text`, `paragraphs`, `captions`, `removed`: `byline extract`.
    case extraction
    /// Every field of the contract: `byline analyze`.
    case analysis
}

/// Writes documents as the JSON contract of DESIGN.md: code-point offsets, contract field
/// names in ascending order, `null` for absent values. The bytes are those of Foundation's
/// `JSONEncoder` with sorted keys and unescaped slashes (pretty-printed when asked), written
/// directly (see ``JSONOutput``).
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
    ///
    /// - Throws: `EncodingError` when a number other than a figure's value (which is written as
    ///   null when it is too large for a double) is not finite.
    public func encode(_ document: Document) throws -> Data {
        var text = document.text
        return try text.withUTF8 { utf8 in
            // Offsets, spans' words and field names make the output a few times the text.
            let estimate = Self.bytesPerTextByte * utf8.count + Self.bytesBesideText
            var writer = ContractWriter(
                text: utf8, offsets: OffsetMap(document.text), out: JSONOutput(pretty: pretty, capacity: estimate))
            try writer.write(document, fields: fields)
            return Data(writer.out.bytes)
        }
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

    /// The output's first capacity: an analysed news article's JSON runs to about four bytes
    /// per byte of its text, plus the metadata.
    private static let bytesPerTextByte = 4
    private static let bytesBesideText = 2_048
}

/// Writes the contract's objects for one document: every object's keys in ascending order, as
/// `JSONEncoder`'s `.sortedKeys` orders them; spans as code-point `start`/`end` and, where the
/// contract has it, the covered `text`.
private struct ContractWriter {
    /// The document's text, as UTF-8.
    let text: UnsafeBufferPointer<UInt8>
    let offsets: OffsetMap
    var out: JSONOutput

    mutating func write(_ document: Document, fields: ContractFields) throws {
        let analysis: Bool =
            switch fields {
            case .analysis: true
            case .extraction: false
            }
        out.openObject()
        out.key("captions")
        array(document.captions) { $0.caption($1) }
        if analysis {
            out.key("entities")
            array(document.entities) { $0.entity($1) }
            out.key("events")
            array(document.events) { $0.event($1) }
        }
        out.member("id", document.id)
        out.key("metadata")
        metadata(document.metadata)
        out.key("paragraphs")
        array(document.paragraphs) { $0.paragraph($1) }
        if analysis {
            out.key("quantities")
            try throwingArray(document.quantities) { try $0.quantity($1) }
            out.key("quotes")
            try throwingArray(document.quotes) { try $0.quote($1) }
        }
        out.key("removed")
        array(document.removed) { $0.removal($1) }
        if analysis {
            out.key("sentences")
            array(document.sentences) { writer, sentence in
                writer.out.openObject()
                writer.end(sentence.span)
                writer.start(sentence.span)
                writer.out.closeObject()
            }
        }
        out.key("source")
        out.openObject()
        out.member("format", document.source.format.rawValue)
        out.member("uri", document.source.uri)
        out.closeObject()
        out.member("text", text)
        if analysis {
            out.key("timeline")
            array(document.timeline) { $0.timelineEntry($1) }
            out.key("times")
            array(document.times) { $0.time($1) }
        }
        out.closeObject()
    }

    private mutating func array<Element>(_ elements: [Element], _ write: (inout ContractWriter, Element) -> Void) {
        out.openArray()
        for element in elements {
            out.element()
            write(&self, element)
        }
        out.closeArray()
    }

    private mutating func throwingArray<Element>(_ elements: [Element], _ write: (inout ContractWriter, Element) throws -> Void) throws {
        out.openArray()
        for element in elements {
            out.element()
            try write(&self, element)
        }
        out.closeArray()
    }

    private mutating func strings(_ values: [String]) {
        array(values) { $0.out.string($1) }
    }

    // The members of a span and of a provenance, each written where its key falls in the order.

    private mutating func start(_ span: Span) {
        out.key("start")
        out.number(offsets.scalarOffset(span.start))
    }

    private mutating func end(_ span: Span) {
        out.key("end")
        out.number(offsets.scalarOffset(span.end))
    }

    /// The text the span covers.
    private mutating func words(_ span: Span) {
        out.member("text", UnsafeBufferPointer(rebasing: text[span.start..<span.end]))
    }

    /// The members of a fact from "rule" to "text" when no other key falls between them: the
    /// rule and stage that made it, then its span's start and words.
    private mutating func provenanceAndSpan(_ provenance: Provenance, _ span: Span) {
        rule(provenance)
        stage(provenance)
        start(span)
        words(span)
    }

    private mutating func rule(_ provenance: Provenance) {
        out.member("rule", provenance.rule)
    }

    private mutating func stage(_ provenance: Provenance) {
        out.member("stage", provenance.stage)
    }

    private mutating func metadata(_ metadata: Metadata) {
        out.openObject()
        out.key("authors")
        strings(metadata.authors)
        out.key("filledBy")
        out.openObject()
        for (field, provenance) in metadata.filledBy.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            out.key(field)
            out.string("\(provenance.stage)/\(provenance.rule)")
        }
        out.closeObject()
        out.member("language", metadata.language)
        out.member("modified", metadata.modified?.iso)
        out.member("published", metadata.published?.iso)
        out.member("publisher", metadata.publisher)
        out.member("title", metadata.title)
        out.member("url", metadata.url)
        out.closeObject()
    }

    private mutating func paragraph(_ paragraph: Paragraph) {
        out.openObject()
        end(paragraph.span)
        out.member("kind", paragraph.kind.rawValue)
        rule(paragraph.provenance)
        stage(paragraph.provenance)
        start(paragraph.span)
        out.closeObject()
    }

    private mutating func caption(_ caption: Caption) {
        out.openObject()
        out.member("credit", caption.credit)
        if let span = caption.span { end(span) }
        rule(caption.provenance)
        stage(caption.provenance)
        if let span = caption.span { start(span) }
        out.member("text", caption.text)
        out.closeObject()
    }

    private mutating func removal(_ removal: Removal) {
        out.openObject()
        out.member("reason", removal.reason.rawValue)
        rule(removal.provenance)
        stage(removal.provenance)
        out.member("text", removal.text)
        out.closeObject()
    }

    private mutating func entity(_ entity: Entity) {
        out.openObject()
        out.key("aliases")
        strings(entity.aliases)
        out.member("id", entity.id)
        out.key("mentions")
        array(entity.mentions) { writer, mention in
            writer.out.openObject()
            writer.end(mention.span)
            writer.rule(mention.provenance)
            writer.stage(mention.provenance)
            writer.start(mention.span)
            writer.words(mention.span)
            writer.out.closeObject()
        }
        out.member("name", entity.name)
        out.key("roles")
        array(entity.roles) { $0.role($1) }
        rule(entity.provenance)
        stage(entity.provenance)
        out.member("type", entity.type.rawValue)
        out.closeObject()
    }

    private mutating func role(_ role: Role) {
        out.openObject()
        end(role.span)
        out.member("org", role.org)
        provenanceAndSpan(role.provenance, role.span)
        out.member("title", role.title)
        out.closeObject()
    }

    private mutating func quote(_ quote: Quote) throws {
        out.openObject()
        out.key("confidence")
        try out.number(quote.confidence)
        out.member("cue", quote.cue)
        end(quote.span)
        out.member("kind", quote.kind.rawValue)
        rule(quote.provenance)
        out.member("speaker", quote.speaker)
        out.key("speakerMention")
        if let mention = quote.speakerMention {
            out.openObject()
            end(mention)
            start(mention)
            words(mention)
            out.closeObject()
        } else {
            out.null()
        }
        stage(quote.provenance)
        start(quote.span)
        words(quote.span)
        out.closeObject()
    }

    private mutating func time(_ time: TimeExpression) {
        out.openObject()
        end(time.span)
        provenanceAndSpan(time.provenance, time.span)
        out.member("type", time.type.rawValue)
        out.member("value", time.value)
        out.closeObject()
    }

    private mutating func quantity(_ quantity: Quantity) throws {
        out.openObject()
        end(quantity.span)
        rule(quantity.provenance)
        out.member("speaker", quantity.speaker)
        stage(quantity.provenance)
        start(quantity.span)
        out.member("subject", quantity.subject)
        words(quantity.span)
        out.member("time", quantity.time)
        out.member("unit", quantity.unit)
        out.key("value")
        // A figure too large for a double (a 309-digit number) is infinite: JSON has no such
        // number, so its value is null, and the figure, its text and the document are kept.
        if quantity.value.isFinite { try out.number(quantity.value) } else { out.null() }
        out.closeObject()
    }

    private mutating func event(_ event: Event) {
        out.openObject()
        out.member("date", event.date)
        end(event.span)
        out.member("name", event.name)
        out.key("organizers")
        strings(event.organizers)
        out.key("participants")
        strings(event.participants)
        out.key("place")
        strings(event.place)
        provenanceAndSpan(event.provenance, event.span)
        out.member("type", event.type)
        out.closeObject()
    }

    private mutating func timelineEntry(_ entry: TimelineEntry) {
        out.openObject()
        out.member("date", entry.date)
        end(entry.span)
        provenanceAndSpan(entry.provenance, entry.span)
        out.closeObject()
    }
}
