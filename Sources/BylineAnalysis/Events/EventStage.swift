import BylineCore
import BylineLanguage

/// The words of events: event nouns and their types (`event-words.tsv`), and the cues that
/// tie organisers, participants and places to an event (`event-cues.tsv`).
final class EventWords: Sendable {
    static let english = EventWords(
        types: DataFile(PackageResources.event_words_tsv), cues: DataFile(PackageResources.event_cues_tsv),
        parts: DataFile(PackageResources.event_parts_tsv), tokenizer: .english)

    /// What a cue ties to the event.
    enum Role: String {
        case organizer, participantBy = "participant-by", participant, place
        /// Verbs whose organisation subjects organised the event after them ("the league
        /// staged the tournament").
        case organizerVerb = "organizer-verb"
        /// Words right after the event that lead to the people who took part ("a debate
        /// between …", "an interview with …").
        case participantsAfter = "participants-after"
        /// Prepositions that put an event around its clause ("spoke at the ceremony", "during
        /// a debate on Sunday, A and B traded barbs"): the people of the clause took part.
        case setting
        /// Words before a quoted title that names the event ("a festival called “…”").
        case title
        /// Prepositions after a visit that lead to where it went ("a visit to Paris").
        case destination
        /// Prepositions after a game that lead to the opponent ("a victory against the Hawks").
        case opponent
        /// Verbs that launch a thing ("launched a campaign", "the app, unveiled on Monday").
        case launchVerb = "launch-verb"
        /// Nouns of the things a launch verb launches ("campaign", "app").
        case launched
        /// Nouns of a part of a venue ("in the Civic Museum's east wing": the museum).
        case venuePart = "venue-part"
    }

    let types: WordMap<String>
    /// Cue phrases, as token keys, by role.
    let cues: [Role: [[String]]]
    /// The gathering types each part type takes place within (`event-parts.tsv`).
    let gatherings: [String: Set<String>]
    /// The first words of the launch verbs, to pass over other words quickly (asked at every
    /// token that names no event).
    let launchVerbStarts: WordSet

    init(types file: DataFile, cues: DataFile, parts: DataFile, tokenizer: Tokenizer) {
        types = WordMap(Dictionary(file.rows.filter { $0.count == 2 }.map { ($0[0], $0[1]) }) { first, _ in first })
        gatherings = Dictionary(parts.rows.filter { $0.count == 2 }.map { ($0[0], Set($0[1].split(separator: " ").map(String.init))) }) { $0.union($1) }
        var table: [Role: [[String]]] = [:]
        for row in cues.rows where row.count == 2 {
            guard let role = Role(rawValue: row[0]) else { continue }
            let phrase = row[1]
            table[role, default: []].append(tokenizer.tokenize(phrase, in: Span(0, phrase.utf8.count)).map { String(phrase[$0.span]) })
        }
        self.cues = table
        launchVerbStarts = WordSet((table[.launchVerb] ?? []).compactMap(\.first))
    }

    /// The length of a cue of `role` starting at token `i`, or nil.
    func cue(_ role: Role, at i: Int, in words: [Word], limit: Int) -> Int? {
        (cues[role] ?? []).first { phrase in
            i + phrase.count <= limit && phrase.indices.allSatisfy { words[i + $0].key == phrase[$0] }
        }?.count
    }
}

/// Finds the events an article reports (conferences, summits, meetings, visits, talks,
/// agreements, …) and merges their mentions: "the World Water Forum", "an
/// international conference" and "the conference" are one event unless their dates differ.
///
/// Each mention gives what its sentence says: the date of the nearest time expression
/// attached to it ("was held on Monday", "the June summit"), places after "at"/"in"
/// ("at the Grand Hotel in Lisbon"), organisers after "organized by"/"hosted by", and the
/// people named as attending. Organisers and participants are entity ids, so they come only
/// from names the entity stage found.
public struct EventStage: Stage {
    public let name = "events"
    /// Quantities, because a counted noun is no event ("12 board meetings"); entities for the
    /// organisers and participants; roles, because a role's organisation names no event; quotes,
    /// because quoted speech reports an event only when it names or dates it.
    public let requires: Set<Layer> = [.text, .tokens, .sentences, .times, .entities, .roles, .quantities, .quotes]
    public let provides: Set<Layer> = [.events]
    let vocabulary = EventWords.english

    public init() {}

    public func run(on document: inout Document) {
        let text = FactText(document)
        let reader = EventReader(text: text, words: vocabulary, document: document)
        var events: [EventDraft] = []
        for mention in reader.eventMentions() {
            if let index = events.lastIndex(where: { $0.absorbs(mention) }) {
                events[index].merge(mention)
            } else {
                events.append(EventDraft(mention))
            }
        }
        let narrative = NarrativeDays(document)
        let dateline = Dateline(document)
        for index in events.indices {
            if events[index].event.date == nil, let day = narrative.day(before: events[index].event.span.start) {
                events[index].event.date = day
                events[index].steps.append(RuleStep(EventRule.narrativeDay))
            }
            if let dateline, let date = events[index].event.date, date.hasPrefix(dateline.day), !events[index].event.place.contains(dateline.place) {
                events[index].event.place.append(dateline.place)
            }
        }
        Self.placeParts(of: &events, within: vocabulary.gatherings)
        document.events = events.map { draft in
            Event(
                type: draft.event.type, name: draft.event.name, date: draft.event.date, place: draft.event.place,
                organizers: draft.event.organizers, participants: draft.event.participants, span: draft.event.span,
                provenance: Provenance(stage: name, steps: draft.steps))
        }
    }

    /// A part of a gathering (a keynote, an on-stage interview) that its text leaves without a
    /// place, dated the day of the story's one gathering of a type it is part of that has a
    /// place, took place there, under the gathering's organisers.
    static func placeParts(of events: inout [EventDraft], within gatherings: [String: Set<String>]) {
        for index in events.indices where events[index].event.place.isEmpty {
            guard let types = gatherings[events[index].event.type], let date = events[index].event.date, EventDay.day(date) == date else { continue }
            let hosts = events.filter { types.contains($0.event.type) && $0.event.date == date && !$0.event.place.isEmpty }
            guard hosts.count == 1, let host = hosts.first else { continue }
            events[index].event.place = host.event.place
            events[index].event.organizers = (events[index].event.organizers + host.event.organizers).uniqued()
            events[index].steps.append(RuleStep(EventRule.partOfGathering))
        }
    }
}

/// One mention of an event and what its sentence says about it.
struct EventMention {
    var type: String
    var name: String
    /// Whether the name is a capitalised proper name rather than a description.
    var named: Bool
    var date: String?
    var place: [String]
    var organizers: [String]
    var participants: [String]
    /// The sentence of the mention.
    var span: Span
    /// The words of the name that tell it from other events, lower-cased, hyphenated words
    /// split, a plural "s" dropped, time expressions left out ("the June summit": `summit`).
    var nameWords: Set<Substring>

    /// The comparable form of the words of `name`.
    static func words(of name: String) -> Set<Substring> {
        Set(name.lowercased().split { $0 == " " || $0 == "-" }.map { word in
            word.count > shortestPlural && word.hasSuffix("s") && !word.hasSuffix("ss") ? word.dropLast() : word
        })
    }

    /// The shortest word whose final "s" is read as a plural ending.
    private static let shortestPlural = 3
}

/// An event being built from its mentions: the fullest mention so far, grown by the others.
struct EventDraft {
    var event: EventMention
    /// The words of the event's name.
    var words: Set<Substring>
    /// How the event was found: by a proper name or a description, then `merged` once other
    /// mentions joined it.
    var steps: [RuleStep]

    init(_ mention: EventMention) {
        event = mention
        words = mention.nameWords
        steps = [RuleStep(mention.named ? EventRule.named : .described)]
    }

    /// Whether `mention` refers to this event: the same type, dates that agree (one holds
    /// the other, or one is unknown), places that share one when both have any, and names that
    /// agree (a description whose words all occur in the name; two proper names only when equal).
    func absorbs(_ mention: EventMention) -> Bool {
        guard mention.type == event.type else { return false }
        if let date = event.date, let other = mention.date, !date.hasPrefix(other), !other.hasPrefix(date) { return false }
        // Two places with nothing in common are two events ("the meeting in Oslo", "the next meeting in Lisbon").
        if !event.place.isEmpty, !mention.place.isEmpty, Set(event.place).isDisjoint(with: mention.place) { return false }
        if event.named, mention.named { return mention.name == event.name }
        if event.named { return mention.nameWords.isSubset(of: words) }
        // Two descriptions: the shorter one's words are all in the longer one ("the conference",
        // "a coffee trade conference").
        return mention.named ? words.isSubset(of: mention.nameWords) : words.isSubset(of: mention.nameWords) || mention.nameWords.isSubset(of: words)
    }

    /// Takes in what `mention` adds: a proper name for a description, a fuller date, new
    /// places, organisers and participants.
    mutating func merge(_ mention: EventMention) {
        // A proper name, or a fuller description ("the fifth joint committee meeting"), names it.
        if mention.named && !event.named || !mention.named && !event.named && mention.nameWords.count > words.count {
            event.name = mention.name
            event.named = mention.named
            event.span = mention.span
            words = mention.nameWords
        }
        if let other = mention.date, other.utf8.count > (event.date?.utf8.count ?? 0) { event.date = other }
        event.place = (event.place + mention.place).uniqued()
        event.organizers = (event.organizers + mention.organizers).uniqued()
        event.participants = (event.participants + mention.participants).uniqued()
        steps = [RuleStep(event.named ? EventRule.named : .described), RuleStep(EventRule.merged)]
    }
}

/// Reads event mentions from a document's tokens.
struct EventReader {
    let text: FactText
    let words: EventWords
    /// Entity ids and types by mention, in text order.
    let entityMentions: [(span: Span, id: String, type: EntityType)]
    /// Which tokens lie inside a quantity ("12 board meetings").
    let counted: [Bool]
    /// The name keys of the organisations of people's roles.
    let roleOrganisations: Set<String>
    /// The spans of direct and partial quotes.
    let quoted: [Span]

    init(text: FactText, words: EventWords, document: Document) {
        self.text = text
        self.words = words
        entityMentions = document.entities.flatMap { entity in entity.mentions.map { ($0.span, entity.id, entity.type) } }.sorted { $0.span < $1.span }
        // A ranked noun names one of a series, and may be an event ("the second meeting").
        counted = document.view.tokensOverlapping(document.quantities.filter { $0.unit != FigureReader.rankUnit }.map(\.span))
        roleOrganisations = Set(document.entities.flatMap { $0.roles.compactMap { $0.org.map { NameForms.key($0) } } })
        quoted = document.quotes.filter { $0.kind != .indirect }.map(\.span)
    }

    /// The event mentions, in text order. A proper name that is the organisation of someone's
    /// role ("a fellow at the Policy Forum") names a body, not an event; a word inside a time
    /// expression ("March") names none. Quoted speech reports an event only when it names or
    /// dates it ("At the Harbour Forum in May, we …"), not by a passing word ("a fair
    /// deal", "the meeting went well").
    func eventMentions() -> [EventMention] {
        text.words.indices.compactMap { i in
            guard !counted[i], text.timeOfToken[i] == nil, let type = words.types[text.words[i].key] else { return launch(verb: i) }
            guard let mention = mention(head: i, type: type),
                !(mention.named && roleOrganisations.contains(NameForms.key(mention.name))),
                mention.named || mention.date != nil || !isQuoted(text.words[i].span)
            else { return nil }
            return mention
        }
    }

    /// The event type of a launch.
    static let launchType = "launch"

    /// A launch a sentence tells by its verb, with a date in its clause ("the ministry launched
    /// a campaign called “Clean Streets” on Monday", "the city’s parking app, unveiled on
    /// Tuesday, …"), outside quoted speech. What was launched is the object after the verb or,
    /// when none follows (a passive participle), the noun phrase that opens the sentence; its
    /// head must name a thing that is launched (`launched` cues: "campaign", "app"). Its quoted
    /// title names the launch when it has one; a place that owns it ("Chile’s campaign") is its
    /// place, an organisation that owns or launched it its organiser.
    private func launch(verb i: Int) -> EventMention? {
        guard words.launchVerbStarts.contains(text.words[i].key) else { return nil }
        let sentence = text.sentence(of: i)
        guard let cue = words.cue(.launchVerb, at: i, in: text.words, limit: sentence.upperBound), !isQuoted(text.words[i].span),
            let date = date(of: i..<(i + cue)),
            let thing = launchedObject(after: i + cue, in: sentence) ?? launchedSubject(before: i, in: sentence)
        else { return nil }
        // The sentence, from the opening of the thing launched when that lies before it.
        let scope = min(thing.lowerBound, sentence.lowerBound)..<sentence.upperBound
        let ownerEnd = thing.first { text.words[$0].key == Self.possessive || isGluedPossessive($0) }
        // The name leaves out the owner ("the city's new app": "new app").
        var name = ownerEnd.map { ($0 + 1)..<thing.upperBound } ?? thing
        var named = false
        if let title = quotedTitle(in: thing) ?? quotedTitle(after: thing.upperBound, in: sentence) {
            name = title
            named = true
        }
        let owner = ownerEnd.map { possessor(before: $0 + 1, in: scope) } ?? []
        // Who launched it, for an object after the verb ("the ministry launched a campaign").
        func launchers(_ type: EntityType) -> [String] {
            thing.lowerBound > i ? subjects(before: thing.lowerBound, cue: .launchVerb, in: sentence, types: [type]) : []
        }
        return EventMention(
            type: Self.launchType, name: text.string(name), named: named, date: date,
            place: owner.filter { $0.type == .geopolitical || $0.type == .location }.map(\.name),
            organizers: (owner.filter { $0.type == .organisation }.map(\.id) + launchers(.organisation)).uniqued(),
            participants: (owner.filter { $0.type == .person }.map(\.id) + launchers(.person)).uniqued(),
            span: text.span(scope), nameWords: EventMention.words(of: text.string(name)))
    }

    /// The most words between a determiner and the head of a thing launched ("its new
    /// low-cost parking app").
    private static let longestLaunchedPhrase = 8

    /// The thing launched after a launch verb ("launched a free parking app"): from the word
    /// after the determiner to a `launched` head, over modifiers and a quoted title only.
    private func launchedObject(after start: Int, in sentence: Range<Int>) -> Range<Int>? {
        var first = start
        while first < sentence.upperBound, text.grammar.isA(text.words[first].key, .determiner) { first += 1 }
        var i = first
        var inTitle = false
        while i < sentence.upperBound, i < first + Self.longestLaunchedPhrase {
            let word = text.words[i]
            if word.kind == .quote {
                inTitle.toggle()
            } else if !inTitle {
                if words.cue(.launched, at: i, in: text.words, limit: i + 1) != nil { return first < i || start < first ? first..<(i + 1) : nil }
                guard word.alphabetic || word.key == Self.possessive, !text.grammar.isGrammarWord(word.key) || word.key == Self.possessive, text.timeOfToken[i] == nil
                else { return nil }
            }
            i += 1
        }
        return nil
    }

    /// The thing a passive launch verb tells of ("The state’s “Drive Sober” campaign, rolled
    /// out in May, …", "The app was unveiled last week"): the sentence's opening
    /// noun phrase, when its last word before the first verb ("-ing" words modify: "parking
    /// app") is a `launched` head. A sentence
    /// that opens inside a quoted title ("the “Stop. Think.” campaign", cut after "Stop.") opens
    /// with the sentence before it.
    private func launchedSubject(before verb: Int, in sentence: Range<Int>) -> Range<Int>? {
        var first = sentence.lowerBound
        if first > 0 {
            let previous = text.sentence(of: first - 1)
            if previous.filter({ text.words[$0].kind == .quote }).count % 2 == 1 { first = previous.lowerBound }
        }
        while first < verb, text.grammar.isA(text.words[first].key, .determiner) { first += 1 }
        var end = first
        var inTitle = false
        while end < verb {
            let word = text.words[end]
            if word.kind == .quote {
                inTitle.toggle()
            } else if !inTitle, word.kind == .punctuation && word.key != Self.possessive || text.isVerb(end) && !text.isParticiple(end) {
                break
            }
            end += 1
        }
        guard end > first, !inTitle, words.cue(.launched, at: end - 1, in: text.words, limit: end) != nil else { return nil }
        return first..<end
    }

    /// The quoted title inside a phrase ("the “Clean Streets” campaign"): the tokens inside
    /// its quotation marks.
    private func quotedTitle(in phrase: Range<Int>) -> Range<Int>? {
        guard let open = phrase.first(where: { text.words[$0].kind == .quote }),
            let close = ((open + 1)..<phrase.upperBound).first(where: { text.words[$0].kind == .quote }), close > open + 1
        else { return nil }
        return (open + 1)..<close
    }

    /// Whether `span` lies inside a direct or partial quote.
    private func isQuoted(_ span: Span) -> Bool {
        quoted.contains { $0.contains(span) }
    }

    /// The mention whose head noun is token `head`.
    private func mention(head: Int, type: String) -> EventMention? {
        let sentence = text.sentence(of: head)
        var named = text.words[head].capitalised
        guard var range = named ? properName(around: head, in: sentence) : description(of: head, in: sentence) else { return nil }
        var place: [String] = []
        // What follows the head completes the name: where a visit went, whom a game was against.
        if let found = complement(after: range.upperBound, type: type, in: sentence) {
            range = range.lowerBound..<found.tokens.upperBound
            if let destination = found.destination { place.append(text.string(destination)) }
        } else if type == Self.game, !range.contains(where: { Self.isScore(text.words[$0].key) }) {
            // A game is read only with its score or its opponent: "a win for farmers" is none.
            return nil
        }
        var name = text.string(range)
        var nameWords = EventMention.words(of: range.filter { text.timeOfToken[$0] == nil }.map { text.string($0..<($0 + 1)) }.joined(separator: " "))
        if let title = quotedTitle(after: range.upperBound, in: sentence) {
            name = text.string(title)
            nameWords = EventMention.words(of: name)
            named = true
        }
        let owner = possessor(before: range.lowerBound, in: sentence)
        place = owner.filter { $0.type == .geopolitical || $0.type == .location }.map(\.name) + place
        return EventMention(
            type: type, name: name, named: named, date: date(of: range), place: place + places(after: range.upperBound, in: sentence),
            organizers: (owner.filter { $0.type == .organisation }.map(\.id) + names(after: .organizer, from: range.upperBound, in: sentence, types: nil)
                + subjects(before: range.lowerBound, cue: .organizerVerb, in: sentence, types: [.organisation])).uniqued(),
            participants: (owner.filter { $0.type == .person }.map(\.id)
                + names(after: .participantBy, from: range.upperBound, in: sentence, types: [.person])
                + people(after: range.upperBound, in: sentence)
                + subjects(before: range.lowerBound, cue: .participant, in: sentence, types: [.person])
                + setting(of: range, in: sentence)).uniqued(),
            span: text.span(sentence), nameWords: nameWords)
    }

    /// The clitic of a possessive.
    private static let possessive = "'s"

    /// Whether token `i` is a capitalised word that holds its possessive clitic, as the
    /// tokenizer leaves it on an abbreviation ("U.K.'s").
    private func isGluedPossessive(_ i: Int) -> Bool {
        let word = text.words[i]
        return word.capitalised && word.key.utf8.count > Self.possessive.utf8.count && word.key.hasSuffix(Self.possessive)
    }

    /// The event type read only with a score or an opponent.
    private static let game = "game"

    /// Whether a token is a score ("3-2", "1–0").
    private static func isScore(_ key: String) -> Bool {
        let parts = key.split { $0 == "-" || $0 == "\u{2013}" }
        return parts.count == 2 && key.count <= maximumScoreLength && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }

    /// The longest score token ("100-98").
    private static let maximumScoreLength = 7

    /// The complement after a visit ("to Lagos") or a game ("against the Hawks"): its
    /// tokens, and the place it names for a visit.
    private func complement(after end: Int, type: String, in sentence: Range<Int>) -> (tokens: Range<Int>, destination: Range<Int>?)? {
        let role: EventWords.Role = type == "visit" ? .destination : type == Self.game ? .opponent : .title
        guard role != .title, let cue = words.cue(role, at: end, in: text.words, limit: sentence.upperBound) else { return nil }
        var start = end + cue
        if start < sentence.upperBound, text.grammar.isA(text.words[start].key, .determiner) { start += 1 }
        guard let name = text.name(at: start, limit: sentence.upperBound) else { return nil }
        return (end..<name.upperBound, role == .destination ? name : nil)
    }

    /// The quoted title after a cue right after the mention ("a festival called
    /// “Night Lights”"): the tokens inside the quotation marks.
    private func quotedTitle(after end: Int, in sentence: Range<Int>) -> Range<Int>? {
        guard let cue = words.cue(.title, at: end, in: text.words, limit: sentence.upperBound) else { return nil }
        let open = end + cue
        guard open < sentence.upperBound, text.words[open].kind == .quote,
            let close = (open + 1..<sentence.upperBound).first(where: { text.words[$0].kind == .quote }), close > open + 1
        else { return nil }
        return (open + 1)..<close
    }

    /// The named entities before a possessive that opens the mention ("Ms. Varga's visit",
    /// "Chile's election"): who took part, organised it, or where it was.
    private func possessor(before start: Int, in sentence: Range<Int>) -> [(id: String, type: EntityType, name: String)] {
        guard start > sentence.lowerBound else { return [] }
        // The owner's last word may hold the possessive ("the U.K.'s election").
        let glued = isGluedPossessive(start - 1)
        guard glued || text.words[start - 1].key == Self.possessive else { return [] }
        let end = glued ? start : start - 1
        var first = end - (glued ? 1 : 0)
        while first > sentence.lowerBound, text.words[first - 1].capitalised { first -= 1 }
        guard first < end else { return [] }
        let span = text.span(first..<end)
        let owners = entityMentions.filter { span.contains($0.span) }.map { ($0.id, $0.type, String(text.text[$0.span])) }
        guard owners.isEmpty else { return owners }
        // A country the tagger left unnamed ("the U.K.'s election") is still the place.
        var owner = text.string(first..<end)
        if glued { owner = String(owner.dropLast(Self.possessive.count)) }
        return NameVocabulary.shared.countryCode(owner) != nil ? [("", .geopolitical, owner)] : []
    }

    /// The people in the rest of the clause after a cue right after the mention ("a debate
    /// between A and B", "an interview with the club's owner, C").
    private func people(after end: Int, in sentence: Range<Int>) -> [String] {
        guard let cue = words.cue(.participantsAfter, at: end, in: text.words, limit: sentence.upperBound) else { return [] }
        var last = end + cue
        while last < sentence.upperBound, !(text.words[last].kind == .quote || [";", ":", "(", ")"].contains(text.words[last].key)) { last += 1 }
        guard last > end + cue else { return [] }
        return entities(in: text.span((end + cue)..<last), types: [.person])
    }

    /// Who took part, read from the clause around a mention a preposition of setting leads to
    /// ("Rosa spoke at the ceremony", "During a debate on Sunday, A and B traded barbs"): the
    /// subject before it back to the clause's opening, or, for a mention in the sentence's
    /// opening phrase, the people of the next clause before its verb.
    private func setting(of range: Range<Int>, in sentence: Range<Int>) -> [String] {
        var i = range.lowerBound - 1
        while i > sentence.lowerBound, text.grammar.isA(text.words[i].key, .determiner) || text.words[i].key == Self.possessive { i -= 1 }
        guard i >= sentence.lowerBound, words.cue(.setting, at: i, in: text.words, limit: range.lowerBound) != nil else { return [] }
        var start = i
        while start > sentence.lowerBound, !opensClause(start - 1) { start -= 1 }
        if start < i {
            let found = entities(in: text.span(start..<i), types: [.person])
            if !found.isEmpty { return found }
        }
        guard start == sentence.lowerBound || start == sentence.lowerBound + 1 else { return [] }
        // The opening phrase: the people after its comma, before the next verb.
        guard let comma = (range.upperBound..<sentence.upperBound).first(where: { text.words[$0].key == "," }) else { return [] }
        var end = comma + 1
        while end < sentence.upperBound, !text.isVerb(end) { end += 1 }
        return end > comma + 1 ? entities(in: text.span((comma + 1)..<end), types: [.person]) : []
    }

    /// Whether the words after "of" make it join an event to what it is of: a determiner, a
    /// name or a number ("the first debate of the campaign", "a meeting of Party leaders",
    /// "the primary of 2028"), not a bare noun or clause ("a vote of confidence", "a
    /// demonstration of how …").
    private func opensOfComplement(_ i: Int, in sentence: Range<Int>) -> Bool {
        guard i < sentence.upperBound else { return false }
        let word = text.words[i]
        return text.grammar.isA(word.key, .determiner) || word.capitalised || word.kind == .number || text.timeOfToken[i] != nil
    }

    /// The capitalised name holding the head ("the Nordic Council Summit" → "Nordic Council Summit").
    private func properName(around head: Int, in sentence: Range<Int>) -> Range<Int>? {
        var start = head
        while start > sentence.lowerBound {
            let previous = text.words[start - 1]
            if previous.capitalised, previous.alphabetic, text.timeOfToken[start - 1] == nil, !text.grammar.isA(previous.key, .determiner) {
                start -= 1
            } else if FactText.nameConnectors.contains(previous.key), previous.key != "the", start - 2 >= sentence.lowerBound,
                text.words[start - 2].capitalised
            {
                start -= 1
            } else {
                break
            }
        }
        return text.name(at: start, limit: sentence.upperBound)
    }

    /// A described event: the head with the words before it back to its determiner ("an
    /// international conference", "the June summit"). Nil when no determiner opens the
    /// phrase (the word is a verb: "to visit") or a noun follows the head (it modifies that
    /// noun: "board meetings").
    private func description(of head: Int, in sentence: Range<Int>) -> Range<Int>? {
        let next = head + 1
        if next < sentence.upperBound, text.words[next].alphabetic, !text.words[next].capitalised, text.timeOfToken[next] == nil,
            !text.grammar.isGrammarWord(text.words[next].key), !(text.words[next].key == "of" && opensOfComplement(next + 1, in: sentence)), !text.isVerb(next)
        {
            return nil
        }
        var start = head
        while start > sentence.lowerBound {
            let previous = text.words[start - 1]
            if text.grammar.isA(previous.key, .determiner) || previous.key == Self.possessive || isGluedPossessive(start - 1) { return start..<(head + 1) }
            // Talks need no determiner after their verb ("held talks", "resumed negotiations").
            if start == head, words.types[text.words[head].key] == "talks", text.isVerb(start - 1) { return head..<(head + 1) }
            // A date inside the description is read whole ("a July 10 meeting"), and so is a
            // score ("the 3-2 victory"). A participle describes the event on the way back to the
            // determiner ("the opening ceremony", "a recorded interview"); a listed verb ends the
            // phrase.
            guard text.timeOfToken[start - 1] != nil || Self.isScore(previous.key)
                || previous.alphabetic && !text.grammar.isGrammarWord(previous.key) && !text.grammar.isA(previous.key, .verb)
            else { return nil }
            start -= 1
        }
        return nil
    }

    /// The date of the time expression attached to the mention: the first after it in its
    /// clause ("was held on Monday"), past an event it is of ("the first debate of the
    /// campaign on Tuesday"), else one inside it ("the June summit"), else the nearest before
    /// it in its clause. An event that another one is of takes only a date inside it: the
    /// date after it is the other's. A date that describes a later event ("… in the run-up
    /// to the 2030 election") is that event's, not this one's.
    private func date(of range: Range<Int>) -> String? {
        let inside = range.lazy.compactMap { dateValue(at: $0) }.first
        if isEventComplement(range) { return inside }
        let clause = text.segment(of: range.upperBound - 1)
        var i = eventComplement(after: range.upperBound, in: clause)?.upperBound ?? range.upperBound
        while i < clause.upperBound, words.types[text.words[i].key] == nil {
            if let date = dateValue(at: i) { return describesEvent(time: i, in: clause) ? nil : date }
            i += 1
        }
        if let inside { return inside }
        let before = text.segment(of: range.lowerBound)
        for j in (before.lowerBound..<range.lowerBound).reversed() { if let date = dateValue(at: j) { return date } }
        return nil
    }

    /// The date of the time expression at token `i`; of a part of a day ("Tuesday
    /// morning"), the day.
    private func dateValue(at i: Int) -> String? {
        text.timeOfToken[i].flatMap(text.dateValue).map { EventDay.day($0) ?? $0 }
    }

    /// The most words between "of" and the event noun of a complement ("of the second
    /// televised debate"), and between a date and the event noun it describes.
    private static let longestEventModifiers = 3

    /// The event another one is of, right after it: "of the election" in "the first debate
    /// of the election".
    private func eventComplement(after end: Int, in clause: Range<Int>) -> Range<Int>? {
        guard end < clause.upperBound, text.words[end].key == "of" else { return nil }
        var i = end + 1
        if i < clause.upperBound, text.grammar.isA(text.words[i].key, .determiner) { i += 1 }
        let limit = min(clause.upperBound, i + Self.longestEventModifiers + 1)
        while i < limit {
            let word = text.words[i]
            if words.types[word.key] != nil { return end..<(i + 1) }
            guard word.alphabetic, !text.grammar.isGrammarWord(word.key) else { return nil }
            i += 1
        }
        return nil
    }

    /// Whether the mention is the event another one is of ("the debate of the election").
    private func isEventComplement(_ range: Range<Int>) -> Bool {
        var i = range.lowerBound - 1
        if i >= 0, text.grammar.isA(text.words[i].key, .determiner) { i -= 1 }
        guard i > 0, text.words[i].key == "of" else { return false }
        return words.types[text.words[i - 1].key] != nil
    }

    /// Whether the time expression at token `time` describes an event noun after it ("the
    /// 2030 election", "next year's summit").
    private func describesEvent(time: Int, in clause: Range<Int>) -> Bool {
        var i = time
        while i < clause.upperBound, text.timeOfToken[i] == text.timeOfToken[time] { i += 1 }
        let limit = min(clause.upperBound, i + Self.longestEventModifiers + 1)
        while i < limit {
            let word = text.words[i]
            if words.types[word.key] != nil { return true }
            guard word.alphabetic || word.key == Self.possessive, !text.grammar.isGrammarWord(word.key) || word.key == Self.possessive else { return false }
            i += 1
        }
        return false
    }

    /// The places after a mention: capitalised names after "at" or "in" ("at the Grand Hotel
    /// in Lisbon"), up to the end of the clause (a quoted title does not end it).
    private func places(after start: Int, in sentence: Range<Int>) -> [String] {
        var found: [String] = []
        var i = start
        while i < sentence.upperBound {
            let word = text.words[i]
            if (word.kind == .punctuation && text.isClauseEdge(i)) || words.types[word.key] != nil { break }
            if let cue = words.cue(.place, at: i, in: text.words, limit: sentence.upperBound) {
                var j = i + cue
                if j < sentence.upperBound, text.grammar.isA(text.words[j].key, .determiner) { j += 1 }
                // A name before "'s" modifies what follows ("in Japan's economy"): no place,
                // unless what follows is a part of it as a venue ("in the museum's east wing").
                if let name = text.name(at: j, limit: sentence.upperBound),
                    name.upperBound == sentence.upperBound || text.words[name.upperBound].key != "'s" || isVenuePart(after: name.upperBound + 1, in: sentence)
                {
                    found.append(text.string(name))
                    i = name.upperBound
                    continue
                }
            }
            i += 1
        }
        return found
    }

    /// The most words between a possessive and the part of a venue it owns ("'s new east
    /// wing").
    private static let longestVenuePartModifiers = 2

    /// Whether a part of a venue follows at token `start`, after at most a few modifiers
    /// ("east wing", "bronze gallery").
    private func isVenuePart(after start: Int, in sentence: Range<Int>) -> Bool {
        var i = start
        while i < min(sentence.upperBound, start + Self.longestVenuePartModifiers + 1) {
            if words.cue(.venuePart, at: i, in: text.words, limit: i + 1) != nil { return true }
            guard text.words[i].alphabetic, !text.words[i].capitalised, !text.grammar.isGrammarWord(text.words[i].key) else { return false }
            i += 1
        }
        return false
    }

    /// The entities named in a list after a cue of `role` that follows the mention in its
    /// sentence ("co-organized by the A and B"); `types` keeps only entities of those types.
    private func names(after role: EventWords.Role, from start: Int, in sentence: Range<Int>, types: Set<EntityType>?) -> [String] {
        guard let cue = (start..<sentence.upperBound).lazy.compactMap({ i in
            self.words.cue(role, at: i, in: self.text.words, limit: sentence.upperBound).map { i + $0 }
        }).first
        else { return [] }
        var ids: [String] = []
        var i = cue
        while i < sentence.upperBound {
            if text.grammar.isA(text.words[i].key, .determiner) { i += 1 }
            guard let name = text.name(at: i, limit: sentence.upperBound) else { break }
            ids += entities(in: text.span(name), types: types)
            i = name.upperBound
            while i < sentence.upperBound, text.words[i].key == "," || text.words[i].key == "and" { i += 1 }
        }
        return ids.uniqued()
    }

    /// The entities of `types` before a verb of `cue` that takes the mention as its object
    /// ("A, B and C attended the summit", "the league staged the tournament").
    private func subjects(before start: Int, cue: EventWords.Role, in sentence: Range<Int>, types: Set<EntityType>) -> [String] {
        var verbEnd = start
        while verbEnd > sentence.lowerBound, text.grammar.isA(text.words[verbEnd - 1].key, .determiner) { verbEnd -= 1 }
        for length in 1...Self.longestCue where verbEnd - length > sentence.lowerBound {
            if words.cue(cue, at: verbEnd - length, in: text.words, limit: verbEnd) == length {
                // The subject of the verb: back to the clause that holds it ("…, adding that the
                // countries signed …" names no one).
                var start = verbEnd - length
                while start > sentence.lowerBound, !opensClause(start - 1) { start -= 1 }
                guard start < verbEnd - length else { return [] }
                return entities(in: text.span(start..<(verbEnd - length)), types: types)
            }
        }
        return []
    }

    /// Whether token `i` opens a clause: a quotation mark, "that", a relative word or a
    /// conjunction other than "and"/"or" ("since", "while", "because").
    private func opensClause(_ i: Int) -> Bool {
        let word = text.words[i]
        if word.kind == .quote || word.key == "that" || word.key == ";" || word.key == ":" { return true }
        return word.key != "and" && word.key != "or"
            && (text.grammar.isA(word.key, .conjunction) || text.grammar.isA(word.key, .relative))
    }

    /// The most tokens a participation cue has ("took part in").
    private static let longestCue = 3

    /// The ids of entities with a mention inside `span`, in text order.
    private func entities(in span: Span, types: Set<EntityType>?) -> [String] {
        // The mentions are sorted by span: those inside `span` start at or after its start.
        let low = entityMentions.partitioningIndex { $0.span.start >= span.start }
        var ids: [String] = []
        for mention in entityMentions[low...] {
            guard mention.span.start <= span.end else { break }
            if span.contains(mention.span), types?.contains(mention.type) ?? true { ids.append(mention.id) }
        }
        return ids.uniqued()
    }
}

/// The days a story has told of so far: the date of an event its sentence leaves undated is the
/// last one before it ("On Friday the board chose a new chair. … She was chosen at a
/// meeting in the town hall."), when that day lies near the publication date and was named in
/// the event's paragraph or the one before it. A story moves on from a day it named
/// paragraphs ago, and a heading or a caption tells no story.
struct NarrativeDays {
    /// The days named, by start offset, in text order, with the index of their paragraph.
    private let days: [(start: Int, value: String, paragraph: Int)]
    /// The paragraphs of the document, in text order.
    private let paragraphs: [Paragraph]

    /// The most days between the publication date and a day the story is told on.
    static let reach = 14
    /// The most paragraphs between a day named and an event that takes it, not counting
    /// captions between them.
    static let paragraphReach = 1

    init(_ document: Document) {
        paragraphs = document.paragraphs
        guard let reference = document.metadata.published?.dayNumber else {
            days = []
            return
        }
        let paragraphs = document.paragraphs
        days = document.times.compactMap { time in
            guard time.type == .date, let value = time.value.flatMap(EventDay.day),
                let day = DateStamp(parsing: value)?.dayNumber, abs(day - reference) <= Self.reach,
                let paragraph = Self.paragraph(holding: time.span.start, in: paragraphs)
            else { return nil }
            return (time.span.start, value, paragraph)
        }.sorted { $0.start < $1.start }
    }

    /// The last day named before `offset` in its paragraph or the one before, or nil; nil too
    /// when `offset` lies outside the body text.
    func day(before offset: Int) -> String? {
        guard let paragraph = Self.paragraph(holding: offset, in: paragraphs), paragraphs[paragraph].kind.isArticleText, paragraphs[paragraph].kind != .heading,
            let last = days.last(where: { $0.start < offset }), last.paragraph <= paragraph,
            // A caption between them tells no story of its own: the story goes on past it.
            paragraphs[last.paragraph..<paragraph].dropFirst().filter({ $0.kind.isArticleText }).count < Self.paragraphReach
        else { return nil }
        return last.value
    }

    /// The index of the paragraph that holds `offset`.
    private static func paragraph(holding offset: Int, in paragraphs: [Paragraph]) -> Int? {
        let low = paragraphs.partitioningIndex { $0.span.end > offset }
        return low < paragraphs.count && paragraphs[low].span.start <= offset ? low : nil
    }
}

/// The place and day of a story's dateline ("GRANADA, Spain — On Sunday …"): the city in
/// capitals that opens the first paragraph before a dash, and the first day the paragraph
/// names. The story's events of that day happened there.
struct Dateline {
    let place: String
    let day: String

    /// The most words of a dateline's city.
    private static let longestCity = 4

    init?(_ document: Document) {
        guard let paragraph = document.paragraphs.first(where: { $0.kind == .body }) else { return nil }
        let words = document.view.words.filter { $0.span.start >= paragraph.span.start && $0.span.end <= paragraph.span.end }
        let city = words.prefix { $0.alphabetic && $0.capitalised && document.text[$0.span].allSatisfy { !$0.isLowercase } }
        let opening = words.prefix(Self.longestCity * 3)
        let dashed = opening.contains { word in
            word.kind == .punctuation && document.text[word.span].unicodeScalars.allSatisfy(Dashes.clauseCharacters.contains)
        }
        guard let first = city.first, let last = city.last, city.count <= Self.longestCity, dashed,
            let day = document.times.first(where: { time in
                paragraph.span.contains(time.span) && time.type == .date && time.value.flatMap(EventDay.day) != nil
            })?.value.flatMap(EventDay.day)
        else { return nil }
        place = String(document.text[Span(first.span.start, last.span.end)])
        self.day = day
    }
}

/// The day of a date value: an event is dated by its day, not by the part of it ("Tuesday
/// morning": `2019-11-19TMO` is the day `2019-11-19`).
enum EventDay {
    /// The `YYYY-MM-DD` day of a value that names one, with or without a part of the day or a
    /// clock time after it; nil for a value that names no day ("2019-11", "2019-W47").
    static func day(_ value: String) -> String? {
        let day = value.prefix(length)
        guard day.utf8.count == length, value.utf8.count == length || value.dropFirst(length).first == "T",
            DateStamp(parsing: day)?.day != nil
        else { return nil }
        return String(day)
    }

    /// The length of a `YYYY-MM-DD` value.
    private static let length = 10
}

/// The rules of the event stage, as its facts record them; the rule catalogue
/// (`Resources/rules.tsv`) says what each one means.
enum EventRule: String, StageRule {
    case narrativeDay, partOfGathering, launchVerb, named, described, merged
}
