import BylineCore

/// Who is named at each token outside quotation marks: the entities that may speak (people,
/// organisations, places standing for their governments), and the pronouns the coreference
/// stage resolved to one of them.
struct SpeakerMentions {
    /// The entity named at each token outside quotation marks, with the mention's span. A
    /// resolved pronoun is not a name and is kept apart, in `pronounEntity`.
    private let mentionAt: [Int: (entity: Int, span: Span)]
    /// The entity each pronoun token outside quotation marks was resolved to.
    private let pronounEntity: [Int: Int]
    /// The tokens outside quotation marks that name a person, in order: where pronouns look back.
    let personTokens: [Int]
    private let types: [EntityType]

    /// Entity types that speak: people, organisations, and places standing for their governments.
    static let speakingTypes: Set<EntityType> = [.person, .organisation, .geopolitical]

    init(document: Document, text: SpeechText) {
        var mentionAt: [Int: (Int, Span)] = [:]
        var pronounEntity: [Int: Int] = [:]
        var personTokens: [Int] = []
        let view = document.view
        for (e, entity) in document.entities.enumerated() where Self.speakingTypes.contains(entity.type) {
            let isPerson = entity.type == .person
            for mention in entity.mentions {
                if mention.provenance.stage == CoreferenceStage.stageName {
                    let t = view.token(atOrAfter: mention.span.start)
                    if t < text.quoted.count, !text.quoted[t] { pronounEntity[t] = e }
                    continue
                }
                // A person's name wins over an organisation's that holds it.
                for t in view.tokens(covering: mention.span) ?? 0..<0 where !text.quoted[t] && (isPerson || mentionAt[t] == nil) {
                    mentionAt[t] = (e, mention.span)
                    if isPerson { personTokens.append(t) }
                }
            }
        }
        self.mentionAt = mentionAt
        self.pronounEntity = pronounEntity
        self.personTokens = personTokens.sorted()
        types = document.entities.map(\.type)
    }

    /// The entity named at token `t`, with its mention's span.
    subscript(t: Int) -> (entity: Int, span: Span)? { mentionAt[t] }

    /// The entity the pronoun at token `t` was resolved to, if any.
    func antecedent(ofPronoun t: Int) -> Int? { pronounEntity[t] }

    /// The type of entity `e`.
    func type(of e: Int) -> EntityType { types[e] }

    /// Whether token `t` is part of a person's name.
    func isPerson(at t: Int) -> Bool {
        mentionAt[t].map { types[$0.entity] == .person } ?? false
    }

    /// Whether tokens `range` are one person's name and nothing else.
    func isName(_ range: Range<Int>) -> Bool {
        guard let first = mentionAt[range.lowerBound], types[first.entity] == .person else { return false }
        return range.allSatisfy { mentionAt[$0]?.entity == first.entity }
    }

    /// Whether tokens `range` name a place and nothing else: a dateline ("LISBON:"), not a
    /// speaker's label.
    func isPlace(_ range: Range<Int>) -> Bool {
        guard let first = mentionAt[range.lowerBound] else { return false }
        return types[first.entity] == .geopolitical && range.allSatisfy { mentionAt[$0]?.entity == first.entity }
    }
}
