import BylineCore
import BylineLanguage

/// Finds dated milestones: a milestone verb (`milestone-verbs.txt`: established, signed,
/// introduced, unveiled, held, …) with the date of a time expression in its clause, and the
/// clause from the verb's subject as evidence ("the trade pact signed in 1998"). The entries
/// are ordered by date.
///
/// The date is the first dated time after the verb in its clause, else the nearest before
/// it, else one in an opening adverbial ("During the summit last month, leaders signed …").
/// A coordinated phrase that shares the verb ("… founded in 1998 and the fund in 2003")
/// is an entry of its own.
public struct TimelineStage: Stage {
    public let name = "timeline"
    public let requires: Set<Layer> = [.text, .tokens, .sentences, .times]
    public let provides: Set<Layer> = [.timeline]
    /// Milestone verb phrases, as token keys, by their first key, in file order.
    let verbs: WordMap<[[String]]>

    public init() {
        let phrases = DataFile(PackageResources.milestone_verbs_txt).lines.map { phrase in
            Tokenizer.english.tokenize(phrase, in: Span(0, phrase.utf8.count)).map { String(phrase[$0.span]).lowercased() }
        }
        verbs = WordMap(Dictionary(grouping: phrases.filter { !$0.isEmpty }, by: { $0[0] }))
    }

    public func run(on document: inout Document) {
        let text = FactText(document)
        var entries: [TimelineEntry] = []
        var i = 0
        while i < text.words.count {
            guard let length = verbLength(at: i, in: text) else {
                i += 1
                continue
            }
            entries += milestones(verb: i..<(i + length), in: text)
            i += length
        }
        document.timeline = entries.enumerated().sorted { a, b in
            (a.element.date, a.offset) < (b.element.date, b.offset)
        }.map(\.element)
    }

    /// The length of the milestone verb phrase at token `i`, or nil.
    private func verbLength(at i: Int, in text: FactText) -> Int? {
        let limit = text.sentence(of: i).upperBound
        return verbs[text.words[i].key]?.first { phrase in
            i + phrase.count <= limit && phrase.indices.allSatisfy { text.words[i + $0].key == phrase[$0] }
        }?.count
    }

    /// The entries the verb at `verb` states: its own, and one per coordinated phrase after
    /// its date.
    private func milestones(verb: Range<Int>, in text: FactText) -> [TimelineEntry] {
        let clause = text.segment(of: verb.lowerBound)
        guard let (time, rule) = date(of: verb, clause: clause, in: text), let value = text.timeOfToken[time].flatMap(text.dateValue) else { return [] }
        // A relative pronoun's subject reaches back past the comma to what it refers to.
        let subject = text.subject(ofVerb: verb.lowerBound, limit: clause.lowerBound)
        var start = subject?.lowerBound ?? verb.lowerBound
        var end = clause.upperBound
        if time >= verb.upperBound {
            end = lastToken(ofTimeAt: time, in: text) + 1
        } else if time < clause.lowerBound {
            start = min(start, text.segment(of: time).lowerBound)
        }
        while end - 1 > start, text.words[end - 1].kind == .punctuation { end -= 1 }
        var entries = [entry(value, start..<end, rule: rule, in: text)]
        if time >= verb.upperBound { entries += coordinated(after: end, clause: clause, in: text) }
        return entries
    }

    /// The time expression that dates the verb, and the rule that chose it.
    private func date(of verb: Range<Int>, clause: Range<Int>, in text: FactText) -> (Int, RuleID)? {
        for i in verb.upperBound..<clause.upperBound where isDated(i, in: text) { return (i, .dateAfterVerb) }
        for i in (clause.lowerBound..<verb.lowerBound).reversed() where isDated(i, in: text) { return (i, .dateBeforeVerb) }
        // An opening adverbial: the sentence's first clause, led by a preposition.
        let sentence = text.sentence(of: verb.lowerBound)
        var first = sentence.lowerBound
        while first < clause.lowerBound, text.isClauseEdge(first) { first += 1 }
        guard first < clause.lowerBound, text.grammar.isA(text.words[first].key, .preposition) else { return nil }
        let opening = text.segment(of: first)
        return opening.first { isDated($0, in: text) }.map { ($0, .dateInOpeningAdverbial) }
    }

    private func isDated(_ i: Int, in text: FactText) -> Bool {
        text.timeOfToken[i].flatMap(text.dateValue) != nil
    }

    /// The last token of the time expression holding token `i`.
    private func lastToken(ofTimeAt i: Int, in text: FactText) -> Int {
        var last = i
        while last + 1 < text.words.count, text.timeOfToken[last + 1] == text.timeOfToken[i] { last += 1 }
        return last
    }

    /// Entries for phrases coordinated after the verb's date that carry a date of their own
    /// and no verb ("… and the fund in 2003").
    private func coordinated(after start: Int, clause: Range<Int>, in text: FactText) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        var i = start
        while i < clause.upperBound, text.words[i].key == "and" {
            var j = i + 1
            while j < clause.upperBound, !isDated(j, in: text), !text.isVerb(j) { j += 1 }
            guard j < clause.upperBound, j > i + 1, isDated(j, in: text), let value = text.timeOfToken[j].flatMap(text.dateValue) else { break }
            let end = lastToken(ofTimeAt: j, in: text) + 1
            entries.append(entry(value, (i + 1)..<end, rule: .coordinated, in: text))
            i = end
        }
        return entries
    }

    private func entry(_ date: String, _ tokens: Range<Int>, rule: RuleID, in text: FactText) -> TimelineEntry {
        TimelineEntry(date: date, span: text.span(tokens), provenance: Provenance(stage: name, rule: rule))
    }
}

extension RuleID {
    /// The first dated time after the milestone verb in its clause.
    static let dateAfterVerb = RuleID("date-after-verb")
    /// The nearest dated time before the verb in its clause.
    static let dateBeforeVerb = RuleID("date-before-verb")
    /// A dated time in an adverbial opening the sentence.
    static let dateInOpeningAdverbial = RuleID("date-in-opening-adverbial")
    /// A phrase joined by "and" after the verb's date, with a date of its own.
    static let coordinated = RuleID("coordinated")
}
