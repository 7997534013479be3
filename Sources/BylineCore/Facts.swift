// The fact layers of a document, as the JSON contract names them (DESIGN.md). Each fact keeps
// the span of its evidence and the provenance of the stage and rule that produced it.

/// What kind of thing an entity is; the raw values are the contract's type names.
public enum EntityType: String, Hashable, Sendable, CaseIterable {
    /// A person (`PERSON`).
    case person = "PERSON"
    /// A company, agency, party, union or other body (`ORG`).
    case organisation = "ORG"
    /// A country, city or state: a place with a government (`GPE`).
    case geopolitical = "GPE"
    /// A place without one: a river, sea, mountain or region (`LOC`).
    case location = "LOC"
    /// Any other name: events, works, nationalities (`MISC`).
    case miscellaneous = "MISC"
}

/// A person, organisation, place or other named thing, with every mention of it.
public struct Entity: Hashable, Sendable {
    /// The document-local id, `e1`, `e2`, …
    public var id: String
    public var type: EntityType
    /// The fullest form of the name.
    public var name: String
    public var aliases: [String]
    public var roles: [Role]
    public var mentions: [Mention]
    public var provenance: Provenance

    public init(
        id: String, type: EntityType, name: String, aliases: [String] = [], roles: [Role] = [],
        mentions: [Mention] = [], provenance: Provenance
    ) {
        self.id = id
        self.type = type
        self.name = name
        self.aliases = aliases
        self.roles = roles
        self.mentions = mentions
        self.provenance = provenance
    }
}

/// An office a person holds ("deputy minister of the Ministry of Trade").
public struct Role: Hashable, Sendable {
    public var title: String
    public var org: String?
    /// The evidence: the phrase that states the role.
    public var span: Span
    public var provenance: Provenance

    public init(title: String, org: String?, span: Span, provenance: Provenance) {
        self.title = title
        self.org = org
        self.span = span
        self.provenance = provenance
    }
}

/// One place in the text that refers to an entity.
public struct Mention: Hashable, Sendable {
    public var span: Span
    public var provenance: Provenance

    public init(span: Span, provenance: Provenance) {
        self.span = span
        self.provenance = provenance
    }
}

/// A quotation or reported statement, with its speaker when one could be found.
public struct Quote: Hashable, Sendable {
    /// How the words are reported: `title` is the name of a work or a programme in quotation
    /// marks (`the documentary "…"`, `on the network's "…"`), which is no one's speech.
    public enum Kind: String, Sendable, Codable {
        case direct, partial, indirect, title
    }

    public var kind: Kind
    public var span: Span
    /// The speaking entity's id, or nil.
    public var speaker: String?
    /// The phrase the attribution rests on (a name, a pronoun, "a ministry spokeswoman").
    public var speakerMention: Span?
    /// The cue word or phrase ("said", "pointed out").
    public var cue: String?
    public var confidence: Double
    /// The stage and the sieve that decided the speaker.
    public var provenance: Provenance

    public init(
        kind: Kind, span: Span, speaker: String?, speakerMention: Span?, cue: String?,
        confidence: Double, provenance: Provenance
    ) {
        self.kind = kind
        self.span = span
        self.speaker = speaker
        self.speakerMention = speakerMention
        self.cue = cue
        self.confidence = confidence
        self.provenance = provenance
    }
}

/// A time expression with its TIMEX3 type and value.
public struct TimeExpression: Hashable, Sendable {
    /// The TIMEX3 types.
    public enum Kind: String, Sendable, Codable {
        case date = "DATE", time = "TIME", duration = "DURATION", set = "SET"
    }

    public var span: Span
    public var type: Kind
    /// The ISO 8601 / TIMEX3 value, or nil when it could not be resolved.
    public var value: String?
    public var provenance: Provenance

    public init(span: Span, type: Kind, value: String?, provenance: Provenance) {
        self.span = span
        self.type = type
        self.value = value
        self.provenance = provenance
    }
}

/// A figure: money, a percentage, a count, a multiplier or a rank.
public struct Quantity: Hashable, Sendable {
    public var span: Span
    /// The number with its scale word applied ("$4.2 billion" → 4 200 000 000).
    public var value: Double
    /// An ISO 4217 code for money, "percent", "fold", "rank", or the counted noun.
    public var unit: String?
    /// What the figure measures ("bilateral investment").
    public var subject: String?
    /// The entity id of the speaker when the figure sits inside a quote.
    public var speaker: String?
    /// The date (a TIMEX3 value) the figure refers to: the time expression of its clause.
    public var time: String?
    public var provenance: Provenance

    public init(
        span: Span, value: Double, unit: String?, subject: String?, speaker: String?, time: String? = nil,
        provenance: Provenance
    ) {
        self.span = span
        self.value = value
        self.unit = unit
        self.subject = subject
        self.speaker = speaker
        self.time = time
        self.provenance = provenance
    }
}

/// A meeting, conference, summit, visit or agreement the article reports.
public struct Event: Hashable, Sendable {
    public var type: String
    public var name: String
    /// The resolved date (ISO 8601 at its known precision), or nil.
    public var date: String?
    /// Venue first, then city and country.
    public var place: [String]
    /// Entity ids.
    public var organizers: [String]
    /// Entity ids.
    public var participants: [String]
    public var span: Span
    public var provenance: Provenance

    public init(
        type: String, name: String, date: String?, place: [String], organizers: [String],
        participants: [String], span: Span, provenance: Provenance
    ) {
        self.type = type
        self.name = name
        self.date = date
        self.place = place
        self.organizers = organizers
        self.participants = participants
        self.span = span
        self.provenance = provenance
    }
}

/// A dated milestone, with the clause or sentence that states it.
public struct TimelineEntry: Hashable, Sendable {
    public var date: String
    public var span: Span
    public var provenance: Provenance

    public init(date: String, span: Span, provenance: Provenance) {
        self.date = date
        self.span = span
        self.provenance = provenance
    }
}
