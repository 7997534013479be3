import BylineCore

/// One analysed article made ready for storing: its metadata, text and facts, with offsets as
/// Unicode code points into `text` (the JSON contract's offsets, and SQL's `substr`).
///
/// Made on the analysing threads, so that the store's writer only writes.
///
///     let facts = ArticleFacts(document: document, bylineVersion: "0.1.0")
public struct ArticleFacts: Sendable {
    /// The article itself: its source, metadata, text and paragraphs.
    public var record: ArticleRecord
    /// The Byline version that produced the facts.
    public var bylineVersion: String
    /// Whether the text holds Chinese, Japanese or Korean script (searched by trigrams).
    public var hasCJK: Bool
    public var entities: [EntityFacts]
    public var quotes: [QuoteFacts]
    public var claims: [ClaimFacts]
    public var milestones: [MilestoneFacts]
    /// MinHash signature of the text's word shingles, for finding syndicated copies.
    public var signature: [UInt32]

    /// An entity as this article knows it.
    public struct EntityFacts: Sendable {
        /// The document-local id (`e4`).
        public var local: String
        public var type: String
        public var name: String
        public var aliases: [String]
        public var mentions: Int
        /// 1 for the entity mentioned most often in the article, 2 for the next, …
        public var rank: Int
        public var roles: [RoleFacts]

        /// The order a store resolves an article's entities in: organisations, places and the
        /// rest first, then people with a full name, then the short forms of those names
        /// (`shortForms`, ``EntityResolution/shortForms(_:)``), then people known by one name, each in article
        /// order (see ``EntityResolution``).
        public static func resolutionOrder(_ entities: [EntityFacts], shortForms short: [String: EntityFacts]) -> [EntityFacts] {
            func stage(_ entity: EntityFacts) -> Int {
                short[entity.local] != nil ? 2 : entity.type != "PERSON" ? 0 : NameKey.fullName(entity.name) != nil ? 1 : 3
            }
            let stages = entities.map(stage)
            return entities.indices.sorted { (stages[$0], $0) < (stages[$1], $1) }.map { entities[$0] }
        }
    }

    /// A role as the article states it.
    public struct RoleFacts: Sendable {
        public var title: String
        public var org: String?
        public var start: Int
        public var end: Int
        public var rule: String
    }

    /// A quote; `speaker` is a local entity id.
    public struct QuoteFacts: Sendable {
        public var kind: String
        public var text: String
        public var speaker: String?
        public var cue: String?
        public var confidence: Double
        public var start: Int
        public var end: Int
        public var rule: String
    }

    /// A figure; `speaker` is a local entity id.
    public struct ClaimFacts: Sendable {
        public var value: Double
        public var unit: String?
        public var subject: String?
        public var speaker: String?
        public var time: String?
        public var start: Int
        public var end: Int
        /// The sentence around the figure.
        public var sentenceStart: Int
        public var sentenceEnd: Int
        public var rule: String
    }

    /// A dated milestone and the entities its sentence mentions (local ids).
    public struct MilestoneFacts: Sendable {
        public var date: String
        public var start: Int
        public var end: Int
        public var participants: [String]
        public var rule: String
    }

    /// Flattens an analysed document.
    public init(document: Document, bylineVersion: String) {
        let offsets = OffsetMap(document.text)
        func scalars(_ span: Span) -> (Int, Int) { (offsets.scalarOffset(span.start), offsets.scalarOffset(span.end)) }
        func rule(_ provenance: Provenance) -> String { "\(provenance.stage)/\(provenance.rule)" }
        let sentences = document.sentences.map(\.span)
        func sentence(around span: Span) -> Span {
            sentences.first { $0.start <= span.start && span.start < $0.end } ?? span
        }

        record = ArticleRecord(document: document)
        self.bylineVersion = bylineVersion
        hasCJK = Self.hasCJK(document.text)

        let byMentions = document.entities.enumerated().sorted {
            ($0.element.mentions.count, -$0.offset) > ($1.element.mentions.count, -$1.offset)
        }
        var rankOf: [String: Int] = [:]
        for (rank, entry) in byMentions.enumerated() { rankOf[entry.element.id] = rank + 1 }
        entities = document.entities.map { entity in
            EntityFacts(
                local: entity.id, type: entity.type.rawValue, name: entity.name, aliases: entity.aliases,
                mentions: entity.mentions.count, rank: rankOf[entity.id] ?? 0,
                roles: entity.roles.map { role in
                    let (start, end) = scalars(role.span)
                    return RoleFacts(title: role.title, org: role.org, start: start, end: end, rule: rule(role.provenance))
                })
        }
        quotes = document.quotes.map { quote in
            let (start, end) = scalars(quote.span)
            return QuoteFacts(
                kind: quote.kind.rawValue, text: String(document.text[quote.span]), speaker: quote.speaker, cue: quote.cue,
                confidence: quote.confidence, start: start, end: end, rule: rule(quote.provenance))
        }
        claims = document.quantities.map { quantity in
            let (start, end) = scalars(quantity.span)
            let (sentenceStart, sentenceEnd) = scalars(sentence(around: quantity.span))
            return ClaimFacts(
                value: quantity.value, unit: quantity.unit, subject: quantity.subject, speaker: quantity.speaker,
                time: quantity.time, start: start, end: end, sentenceStart: sentenceStart, sentenceEnd: sentenceEnd,
                rule: rule(quantity.provenance))
        }
        milestones = document.timeline.map { entry in
            let (start, end) = scalars(entry.span)
            let around = sentence(around: entry.span)
            let inSentence = document.entities.filter { entity in
                entity.mentions.contains { around.start <= $0.span.start && $0.span.end <= max(around.end, entry.span.end) }
            }.map(\.id)
            return MilestoneFacts(date: entry.date, start: start, end: end, participants: inSentence, rule: rule(entry.provenance))
        }
        signature = MinHash.signature(of: document.text)
    }

    /// Han, Hiragana, Katakana and Hangul: scripts written without spaces between words.
    private static let cjkRanges: [ClosedRange<UInt32>] = [
        0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0xF900...0xFAFF,
    ]

    /// Whether `text` holds Chinese, Japanese or Korean script.
    public static func hasCJK(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.value >= 0x1100 && cjkRanges.contains { $0.contains(scalar.value) }
        }
    }
}
