/// One article: its text, and every layer of annotation as spans into that text.
///
/// A reader makes the document (metadata, text, paragraphs, captions, removed); the analysis
/// stages then fill the other layers. Nothing copies text: every layer is a list of ``Span``s
/// plus typed attributes, so any fact can be shown highlighted in its source.
public struct Document: Sendable {
    /// The SHA-256 of the source bytes, in hex.
    public var id: String
    public var source: Source
    public var metadata: Metadata
    /// The document's text: its paragraphs, separated by a blank line (or, for plain input,
    /// the input itself).
    public let text: String
    public var paragraphs: [Paragraph]
    public var captions: [Caption]
    /// What the reader left out of `text`, and why.
    public var removed: [Removal]

    /// Set through ``setTokens(_:)``, which builds the ``view``.
    public private(set) var tokens: [Token] = []
    /// Set through ``setSentences(_:)``, which records each token's sentence in the ``view``.
    public private(set) var sentences: [Sentence] = []
    /// Set through ``setEntities(_:)``, ``addMention(_:to:)`` and ``setRoles(_:of:)``, which
    /// keep the ``view``'s mentions up to date.
    public private(set) var entities: [Entity] = []
    /// The tokens as the analysis reads them, with their sentences and mentions.
    public private(set) var view = DocumentView()
    public var quotes: [Quote] = []
    public var times: [TimeExpression] = []
    public var quantities: [Quantity] = []
    public var events: [Event] = []
    public var timeline: [TimelineEntry] = []
    /// Problems met while reading that did not stop it (`3 invalid UTF-8 bytes replaced`),
    /// for the user; not part of the JSON contract.
    public var warnings: [String] = []

    public init(
        id: String, source: Source, metadata: Metadata, text: String,
        paragraphs: [Paragraph], captions: [Caption] = [], removed: [Removal] = []
    ) {
        self.id = id
        self.source = source
        self.metadata = metadata
        self.text = text
        self.paragraphs = paragraphs
        self.captions = captions
        self.removed = removed
    }

    /// Sets the tokens and builds the ``view`` of them; any sentences and entities are dropped.
    public mutating func setTokens(_ tokens: [Token]) {
        self.tokens = tokens
        sentences = []
        entities = []
        view = DocumentView(text: text, tokens: tokens, paragraphs: paragraphs)
    }

    /// Sets the sentences, each a range of ``tokens``.
    public mutating func setSentences(_ sentences: [Sentence]) {
        self.sentences = sentences
        view.setSentences(sentences)
    }

    /// Sets the entities and records their mentions in the ``view``.
    public mutating func setEntities(_ entities: [Entity]) {
        self.entities = entities
        view.setMentions(of: entities)
    }

    /// Adds `mention` to the mentions of entity `entity` (an index into ``entities``), in text
    /// order, and records it in the ``view``. A mention the entity already has is not added
    /// again.
    ///
    /// - Returns: whether the mention was added.
    @discardableResult
    public mutating func addMention(_ mention: Mention, to entity: Int) -> Bool {
        let mentions = entities[entity].mentions
        // After every mention that starts at or before it: where a stable sort would put it.
        let low = mentions.partitioningIndex { $0.span.start > mention.span.start }
        // The same span would sit just before that place, among mentions with its start.
        var same = low
        while same > 0, mentions[same - 1].span.start == mention.span.start {
            if mentions[same - 1].span == mention.span { return false }
            same -= 1
        }
        entities[entity].mentions.insert(mention, at: low)
        view.note(mention.span, entity: entity)
        return true
    }

    /// Sets the roles of entity `entity` (an index into ``entities``).
    public mutating func setRoles(_ roles: [Role], of entity: Int) {
        entities[entity].roles = roles
    }

    /// The paragraphs that make the article itself: all but captions, the title and stamps.
    public var articleParagraphs: [Paragraph] {
        paragraphs.filter { $0.kind.isArticleText }
    }
}

/// What a paragraph is.
public enum ParagraphKind: String, Sendable, Codable, CaseIterable {
    /// `dateline`: a publication stamp printed as a paragraph of its own ("Published : March 4,
    /// 2025 - 09:30"), kept where the text must stay verbatim (`--plain`).
    case body, heading, list, blockquote, table, caption, title, dateline

    /// Whether paragraphs of this kind are the article's own text: all but captions, the title
    /// and stamps.
    public var isArticleText: Bool {
        self != .caption && self != .title && self != .dateline
    }
}

/// A paragraph of the document's text.
public struct Paragraph: Hashable, Sendable {
    public var span: Span
    public var kind: ParagraphKind
    public var provenance: Provenance

    public init(span: Span, kind: ParagraphKind, provenance: Provenance) {
        self.span = span
        self.kind = kind
        self.provenance = provenance
    }
}

/// A photo or figure caption, with the credit the page gave it.
public struct Caption: Hashable, Sendable {
    /// The caption without its credit.
    public var text: String
    public var credit: String?
    /// Where the caption sits in the document's text, when it is there as a `caption` paragraph.
    public var span: Span?
    public var provenance: Provenance

    public init(text: String, credit: String?, span: Span?, provenance: Provenance) {
        self.text = text
        self.credit = credit
        self.span = span
        self.provenance = provenance
    }
}

/// Something the reader took out of the article text.
public struct Removal: Hashable, Sendable {
    public var text: String
    public var reason: Reason
    public var provenance: Provenance

    /// Why a piece of the source is not article text.
    public enum Reason: String, Sendable, Codable {
        /// Site furniture: share buttons, print links, subscription prompts.
        case chrome
        /// A line that belongs to no part of the article (another script, a lone symbol).
        case stray
        /// A repeat of text kept elsewhere.
        case duplicate
        /// The publisher's name, moved to metadata.
        case publisher
        /// The author line, moved to metadata.
        case byline
        /// The publication stamp, moved to metadata.
        case dateline
        /// Copyright notices, contact addresses and other page footers.
        case footer
        /// A photo credit printed as a line of its own, or the caption line it belongs to.
        case credit
    }

    public init(text: String, reason: Reason, provenance: Provenance) {
        self.text = text
        self.reason = reason
        self.provenance = provenance
    }
}

/// A token of the text.
public struct Token: Hashable, Sendable {
    public var span: Span
    public var kind: Kind

    /// The broad class of a token.
    public enum Kind: String, Sendable, Codable {
        case word, number, punctuation, quote, symbol, abbreviation, url
    }

    public init(span: Span, kind: Kind) {
        self.span = span
        self.kind = kind
    }
}

/// A sentence: its span and the range of its tokens in ``Document/tokens``.
public struct Sentence: Hashable, Sendable {
    public var span: Span
    public var tokens: Range<Int>
    public var provenance: Provenance

    public init(span: Span, tokens: Range<Int>, provenance: Provenance) {
        self.span = span
        self.tokens = tokens
        self.provenance = provenance
    }
}
