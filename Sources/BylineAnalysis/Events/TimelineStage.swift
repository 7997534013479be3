import BylineCore
import BylineLanguage

/// Finds the dated milestones a reader would draw on a timeline, each citing its evidence, and
/// orders them by date:
///
/// 1. A milestone verb (`milestone-verbs.txt`: established, signed, introduced, unveiled, held,
///    …) with the date of a time expression in its clause, and the clause from the verb's
///    subject as evidence ("the trade pact signed in 1998").
/// 2. Every other dated time expression of the article's text (not of a caption or the
///    title), with its sentence as evidence: what happened, is scheduled or is remembered on
///    that date ("Okafor wrote to the board in 2017 …", "the ban starts on Oct. 2").
/// 3. Every dated event of the event stage whose sentence is not on the timeline with its
///    date yet ("the Hawks' 3-2 victory against the Pilots", dated by the story's lede).
///
/// The date is the first dated time after the verb in its clause, else the nearest before
/// it, else one in an opening adverbial ("During the summit last month, leaders signed …").
/// A coordinated phrase that shares the verb ("… founded in 1998 and the fund in 2003")
/// is an entry of its own.
public struct TimelineStage: Stage {
    public let name = "timeline"
    /// The events too: a dated event is a milestone.
    public let requires: Set<Layer> = [.text, .tokens, .sentences, .times, .events]
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
        // The time expressions that date a milestone verb's entry.
        var used = Set<Int>()
        var i = 0
        while i < text.words.count {
            guard let length = verbLength(at: i, in: text) else {
                i += 1
                continue
            }
            entries += milestones(verb: i..<(i + length), in: text, used: &used)
            i += length
        }
        var cited = CitedSpans()
        for entry in entries { cited.insert(entry.span, date: entry.date) }
        entries += datedSentences(in: text, paragraphs: document.paragraphs, skipping: used, cited: &cited)
        for event in document.events {
            guard let date = event.date, TimeResolver.isCalendarValue(date), !cited.overlaps(event.span, date: date) else { continue }
            entries.append(TimelineEntry(date: date, span: event.span, provenance: Provenance(stage: name, rule: TimelineRule.datedEvent)))
            cited.insert(event.span, date: date)
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
    private func milestones(verb: Range<Int>, in text: FactText, used: inout Set<Int>) -> [TimelineEntry] {
        let clause = text.segment(of: verb.lowerBound)
        guard let (time, rule) = date(of: verb, clause: clause, in: text), let expression = text.timeOfToken[time],
            let value = text.dateValue(of: expression)
        else { return [] }
        used.insert(expression)
        // A relative pronoun's subject reaches back past the comma to what it refers to.
        let subject = text.subject(ofVerb: verb.lowerBound, limit: clause.lowerBound)
        var start = subject?.lowerBound ?? verb.lowerBound
        // A subject joined by "of" reaches back to the noun it belongs to ("the transcript of
        // that call was released …"), past the determiner that stopped it.
        while start > clause.lowerBound + 1, text.words[start - 1].key == "of",
            let head = text.nounPhrase(endingBefore: start - 1, limit: clause.lowerBound)
        {
            start = head.lowerBound
        }
        var end = clause.upperBound
        if time >= verb.upperBound {
            end = lastToken(ofTimeAt: time, in: text) + 1
        } else if time < clause.lowerBound {
            start = min(start, text.segment(of: time).lowerBound)
        }
        while end - 1 > start, text.words[end - 1].kind == .punctuation { end -= 1 }
        var entries = [entry(value, start..<end, rule: rule, in: text)]
        if time >= verb.upperBound { entries += coordinated(after: end, clause: clause, in: text, used: &used) }
        return entries
    }

    /// An entry for each dated time expression of the article's text that no entry before
    /// used, citing its sentence; one per date and sentence, and none where an entry with the
    /// same date cites part of the sentence already (`cited` holds the entries' spans, and
    /// takes those of the new ones).
    private func datedSentences(in text: FactText, paragraphs: [Paragraph], skipping used: Set<Int>, cited: inout CitedSpans) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        var seen = Set<Int>()
        for (i, word) in text.words.enumerated() {
            guard let expression = text.timeOfToken[i], !used.contains(expression), seen.insert(expression).inserted,
                let value = calendarValue(of: text.times[expression]), !Self.outsideTheArticle.contains(paragraphs[word.paragraph].kind)
            else { continue }
            let sentence = text.sentence(of: i)
            guard !sentence.isEmpty else { continue }
            var end = sentence.upperBound
            while end - 1 > sentence.lowerBound, text.words[end - 1].kind == .punctuation { end -= 1 }
            let span = text.span(sentence.lowerBound..<end)
            guard !cited.overlaps(span, date: value) else { continue }
            entries.append(TimelineEntry(date: value, span: span, provenance: Provenance(stage: name, rule: TimelineRule.datedSentence)))
            cited.insert(span, date: value)
        }
        return entries
    }

    /// The paragraph kinds that are not the article's own text.
    private static let outsideTheArticle: Set<ParagraphKind> = [.caption, .title]

    /// The value of a date or a time that names a calendar period ("2019", "2019-11-19TMO"),
    /// not a duration, a set or a reference ("PRESENT_REF").
    private func calendarValue(of expression: TimeExpression) -> String? {
        guard expression.type == .date || expression.type == .time, let value = expression.value, TimeResolver.isCalendarValue(value) else {
            return nil
        }
        return value
    }

    /// The time expression that dates the verb, and the rule that chose it.
    private func date(of verb: Range<Int>, clause: Range<Int>, in text: FactText) -> (Int, TimelineRule)? {
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
    private func coordinated(after start: Int, clause: Range<Int>, in text: FactText, used: inout Set<Int>) -> [TimelineEntry] {
        var entries: [TimelineEntry] = []
        var i = start
        while i < clause.upperBound, text.words[i].key == "and" {
            var j = i + 1
            while j < clause.upperBound, !isDated(j, in: text), !text.isVerb(j) { j += 1 }
            guard j < clause.upperBound, j > i + 1, isDated(j, in: text), let expression = text.timeOfToken[j],
                let value = text.dateValue(of: expression)
            else { break }
            used.insert(expression)
            let end = lastToken(ofTimeAt: j, in: text) + 1
            entries.append(entry(value, (i + 1)..<end, rule: .coordinated, in: text))
            i = end
        }
        return entries
    }

    private func entry(_ date: String, _ tokens: Range<Int>, rule: TimelineRule, in text: FactText) -> TimelineEntry {
        TimelineEntry(date: date, span: text.span(tokens), provenance: Provenance(stage: name, rule: rule))
    }
}

/// The spans the timeline's entries cite, by date: whether an entry of a date already cites
/// part of a span is answered from the spans of that date that start near it, not from every
/// entry.
private struct CitedSpans {
    /// Each date's spans, in order of their start.
    private var spans: [String: [Span]] = [:]
    /// Each date's longest span: how far before a span one that overlaps it may start.
    private var longest: [String: Int] = [:]

    /// Records that an entry of `date` cites `span`.
    mutating func insert(_ span: Span, date: String) {
        let position = Self.count(of: spans[date] ?? [], startingBefore: span.start + 1)
        spans[date, default: []].insert(span, at: position)
        longest[date] = max(longest[date] ?? 0, span.end - span.start)
    }

    /// Whether an entry of `date` cites a span that shares a character with `span`.
    func overlaps(_ span: Span, date: String) -> Bool {
        guard let list = spans[date], let reach = longest[date] else { return false }
        // Only a span starting before `span` ends may overlap it, and only one starting less
        // than the longest span's length before `span` starts.
        var i = Self.count(of: list, startingBefore: span.end)
        while i > 0 {
            i -= 1
            if list[i].start + reach <= span.start { return false }
            if list[i].overlaps(span) { return true }
        }
        return false
    }

    /// How many of `list` (in order of start) start before `offset`.
    private static func count(of list: [Span], startingBefore offset: Int) -> Int {
        list.partitioningIndex { $0.start >= offset }
    }
}

/// The rules of the timeline stage, as its facts record them; the rule catalogue
/// (`Resources/rules.tsv`) says what each one means.
enum TimelineRule: String, StageRule {
    case dateAfterVerb, dateBeforeVerb, dateInOpeningAdverbial, coordinated, datedSentence, datedEvent
}
