import BylineCore

/// Who is named at each token outside quotation marks: the entities that may speak (people,
/// organisations, places standing for their governments), read from the document's view, and
/// the pronouns the coreference stage resolved to one of them.
struct SpeakerMentions {
    private let view: DocumentView
    private let quoted: [Bool]
    /// Per token, the entity it was resolved to when it is a pronoun outside quotation marks. A
    /// resolved pronoun is not a name: the view's mention at its token is not read as one.
    private let pronounEntity: [Int?]
    /// The tokens outside quotation marks that name a person, in order: where pronouns look back.
    private(set) var personTokens: [Int] = []
    private let types: [EntityType]

    /// Entity types that speak: people, organisations, and places standing for their governments.
    static let speakingTypes: Set<EntityType> = [.person, .organisation, .geopolitical]

    init(document: Document, text: SpeechText) {
        view = document.view
        quoted = text.quoted
        types = document.entities.map(\.type)
        var pronounEntity = [Int?](repeating: nil, count: quoted.count)
        for (e, entity) in document.entities.enumerated() where Self.speakingTypes.contains(entity.type) {
            for mention in entity.mentions where mention.provenance.stage == CoreferenceStage.stageName {
                let t = view.token(atOrAfter: mention.span.start)
                if t < quoted.count, !quoted[t] { pronounEntity[t] = e }
            }
        }
        self.pronounEntity = pronounEntity
        personTokens = view.words.indices.filter { isPerson(at: $0) }
    }

    /// The entity named at token `t` outside quotation marks, with its mention's span.
    subscript(t: Int) -> (entity: Int, span: Span)? {
        guard !quoted[t], pronounEntity[t] == nil, let mention = view.mention(at: t), Self.speakingTypes.contains(types[mention.entity]) else { return nil }
        return (mention.entity, Span(view.words[mention.tokens.lowerBound].span.start, view.words[mention.tokens.upperBound - 1].span.end))
    }

    /// The entity the pronoun at token `t` was resolved to, if any.
    func antecedent(ofPronoun t: Int) -> Int? { pronounEntity.indices.contains(t) ? pronounEntity[t] : nil }

    /// The type of entity `e`.
    func type(of e: Int) -> EntityType { types[e] }

    /// Whether token `t` is part of a person's name.
    func isPerson(at t: Int) -> Bool {
        self[t].map { types[$0.entity] == .person } ?? false
    }

    /// Whether tokens `range` are one name and nothing else, of a person or of another of `kinds`.
    func isName(_ range: Range<Int>, of kinds: Set<EntityType> = [.person]) -> Bool {
        guard let first = self[range.lowerBound], kinds.contains(types[first.entity]) else { return false }
        return range.allSatisfy { self[$0]?.entity == first.entity }
    }

    /// Whether tokens `range` name a place and nothing else: a dateline ("LISBON:"), not a
    /// speaker's label.
    func isPlace(_ range: Range<Int>) -> Bool {
        guard let first = self[range.lowerBound] else { return false }
        return types[first.entity] == .geopolitical && range.allSatisfy { self[$0]?.entity == first.entity }
    }
}
