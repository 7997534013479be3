import BylineCore

/// Resolves third-person pronouns outside quotation marks to the entity they stand for, and
/// adds each resolved pronoun to that entity's mentions: "he", "she" pick up a person; "it", unless
/// it ends its clause as an object does, an organisation or a place; "they", only signing a
/// quotation (`"…," they said`), an organisation that is a whole subject (`pronouns.tsv`). A pronoun picks up the subject of its own sentence
/// before it, else an entity named in that sentence before it, else the subject of one of the
/// sentences just before (subjects are what pronouns pick up; a name in a prepositional phrase,
/// "In a Harbor Radio interview she …", is none); a pronoun for a person, failing
/// those, the person named last. "He" and "she" pick up only people whose gender, as far as the
/// text tells it (``PersonGenders``), agrees. Quotes read these mentions to give "she said" its
/// speaker.
public struct CoreferenceStage: Stage {
    /// The stage name recorded in the provenance of the mentions it adds.
    static let stageName = "coreference"
    public let name = Self.stageName
    public let requires: Set<Layer> = [.text, .paragraphs, .tokens, .sentences, .times, .entities]
    /// The resolved pronouns, which it adds to the entities layer as mentions (so it modifies
    /// that layer).
    public let provides: Set<Layer> = [.coreference]
    public let modifies: Set<Layer> = [.entities]

    public init() {}

    /// How many sentences back a pronoun looks for a subject.
    static let pronounReach = 2
    /// How many people named before a pronoun it looks back through for the last one whose
    /// gender agrees.
    static let personReach = 40

    public func run(on document: inout Document) {
        let text = FactText(document)
        let speech = SpeechText(document: document, facts: text)
        let subjects = SubjectReader(text: speech, mentions: SpeakerMentions(document: document, text: speech))
        let genders = PersonGenders(document: document)
        // The subject of each whole sentence, read once however many pronouns look back at it.
        var sentenceSubjects: [Int: Range<Int>?] = [:]
        // The pronouns resolved so far, by token: a pronoun that is a subject before passes its
        // entity on to one of its own gender ("She … . She said …").
        var resolved: [Int: (entity: Int, gender: Gender?)] = [:]
        for sentence in document.sentences {
            for t in sentence.tokens where !speech.quoted[t] && subjects.mentions[t] == nil {
                guard let pronoun = Pronoun.english[text.words[t].key], !pronoun.refersTo.isEmpty,
                    pronoun.refersOnlyToPeople || !endsClause(t, text: text),
                    let (entity, rule) = antecedent(
                        of: t, pronoun: pronoun, genders: genders, resolved: resolved, subjects: subjects, sentenceSubjects: &sentenceSubjects)
                else { continue }
                resolved[t] = (entity, pronoun.gender)
                document.addMention(Mention(span: document.tokens[t].span, provenance: Provenance(stage: name, rule: rule)), to: entity)
            }
        }
    }

    /// Whether the pronoun at token `t` ends its clause, as an object does ("signed it.",
    /// "like it,"): "it" there stands for a thing, not an organisation.
    private func endsClause(_ t: Int, text: FactText) -> Bool {
        t + 1 == text.sentence(of: t).upperBound || text.words[t + 1].kind == .punctuation || text.words[t + 1].kind == .quote
    }

    /// The entity the `pronoun` at token `t` refers to, of a type it picks up and agreeing in
    /// gender, with the rule that found it; a subject that is a pronoun of the same gender
    /// already `resolved` stands for its entity. A plural pronoun that signs a quotation picks
    /// up only a subject that is one entity's name and nothing more
    /// (``wholeName(_:named:subjects:)``), its own sentence's if it has one, else the nearest
    /// sentence's before.
    private func antecedent(
        of t: Int, pronoun: Pronoun, genders: PersonGenders, resolved: [Int: (entity: Int, gender: Gender?)], subjects: SubjectReader,
        sentenceSubjects: inout [Int: Range<Int>?]
    ) -> (entity: Int, rule: CoreferenceRule)? {
        let mentions = subjects.mentions
        let document = subjects.text.document
        let (types, gender) = (pronoun.refersTo, pronoun.gender)
        let typed = { (entity: Int) in types.contains(mentions.type(of: entity)) }
        let fits = { (entity: Int) in typed(entity) && genders.agree(entity, with: gender) }
        let named = { (t: Int) in mentions[t]?.entity ?? resolved[t].flatMap { $0.gender == gender ? $0.entity : nil } }
        guard let own = subjects.text.sentenceIndex(ofToken: t) else { return nil }
        if pronoun.number == .plural {
            // Only as the speaker of a quotation before it in its sentence (`"…," they said`):
            // elsewhere "they" is mostly people ("Officials met the board. They said …").
            let sentence = document.sentences[own].tokens
            guard subjects.cue(at: t + 1) != nil, (sentence.lowerBound..<t).contains(where: { subjects.quoted[$0] }) else { return nil }
            var s = own
            while s >= 0, own - s <= Self.pronounReach {
                defer { s -= 1 }
                let subject: Range<Int>?
                if s == own {
                    subject = subjects.subject(ofSentenceBefore: t, outsidePhrases: true)
                } else {
                    if sentenceSubjects[s] == nil { sentenceSubjects[s] = subjects.firstSubject(in: document.sentences[s].tokens, outsidePhrases: true) }
                    subject = sentenceSubjects[s] ?? nil
                }
                guard let subject else { continue }
                guard let found = wholeName(subject, named: named, subjects: subjects), fits(found) else { return nil }
                return (found, s == own ? .pronounSentenceSubject : .pronounEarlierSubject)
            }
            return nil
        }
        if let subject = subjects.subject(ofSentenceBefore: t, outsidePhrases: true) {
            let entities = subject.lazy.compactMap(named)
            if let found = entities.first(where: fits) { return (found, .pronounSentenceSubject) }
            // A subject named without an entity of the type ("Secretary General Ban") is not
            // passed over for someone named elsewhere; one of the other gender is, and so is a
            // common noun capitalised only as it opens the sentence ("Audience members").
            let words = subjects.facts.words
            let first = subject.lowerBound
            let openedBySentence = first == document.sentences[own].tokens.lowerBound && mentions[first] == nil
                && !(first + 1 < subject.upperBound && words[first + 1].capitalised)
            if words[first].capitalised, !openedBySentence, !entities.contains(where: typed) { return nil }
        }
        if let found = (subjects.text.reach(of: document.sentences[own].tokens, around: t).lowerBound..<t).reversed().lazy.compactMap({ mentions[$0]?.entity }).first(where: fits) {
            return (found, .pronounNamedBefore)
        }
        var s = own - 1
        while s >= 0, own - s <= Self.pronounReach {
            if sentenceSubjects[s] == nil { sentenceSubjects[s] = subjects.firstSubject(in: document.sentences[s].tokens, outsidePhrases: true) }
            if let subject = sentenceSubjects[s] ?? nil,
                let found = subject.lazy.compactMap(named).first(where: fits)
            {
                return (found, .pronounEarlierSubject)
            }
            s -= 1
        }
        guard types.contains(.person) else { return nil }
        let k = mentions.personTokens.firstIndex(atOrAfter: t)
        for token in mentions.personTokens[max(0, k - Self.personReach)..<k].reversed() {
            if let found = mentions[token], genders.agree(found.entity, with: gender) { return (found.entity, .pronounLastPerson) }
        }
        return nil
    }
}

extension CoreferenceStage {
    /// The entity a subject names and nothing more, after a determiner ("the Harbor Board", a
    /// pronoun resolved to it): nil for a phrase about something else that names it ("officials
    /// of the Harbor Board").
    private func wholeName(_ subject: Range<Int>, named: (Int) -> Int?, subjects: SubjectReader) -> Int? {
        var words = subject
        if words.count > 1, subjects.facts.grammar.isA(subjects.key(words.lowerBound), .determiner) { words = words.dropFirst() }
        guard let entity = named(words.lowerBound), words.allSatisfy({ named($0) == entity }) else { return nil }
        return entity
    }
}

/// The rules of the coreference stage, as its facts record them; the rule catalogue
/// (`Resources/rules.tsv`) says what each one means.
enum CoreferenceRule: String, StageRule {
    case pronounSentenceSubject, pronounNamedBefore, pronounEarlierSubject, pronounLastPerson
}
