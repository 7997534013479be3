import BylineCore

/// `"…," Ortiz said`, `"…," Ortiz, a lawyer, said`, `"…," said Ortiz`, `"…!" beamed Ortiz`,
/// `"…," Ortiz shot back`, `"No!" the crowd cried out`: a cue (or any verb) right after the
/// quote, with its subject. Words after the quote that introduce the next quote (`"…?" Ortiz
/// continued, "…"`) are left to a cue before this quote, and then to
/// ``IntroducingCueAfterSieve``.
struct CueAfterSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        guard let reading = Self.reading(of: quote, in: context), !reading.introducesNext else { return nil }
        return reading.attribution
    }

    /// The most tokens between a quote and the cue that attributes it from behind: a subject
    /// with its appositives (`," Ortiz, a lawyer for the union, said`).
    static let reach = SubjectReader.longestSource + SubjectReader.longestAside
    /// The most tokens after an attribution standing as a sentence of its own (`Ortiz said on
    /// Monday.`).
    static let longestTail = 4
    /// Marks that end a quote as a clause of its own.
    static let clauseEnds: Set<Unicode.Scalar> = Dashes.clauseCharacters.union([",", "?", "!"])

    /// What the words right after a quote say about its speaker: the attribution, and whether
    /// those words go on to introduce the next quote of the sentence.
    struct Reading {
        var attribution: Attribution
        var introducesNext: Bool
    }

    /// The attribution right behind `quote`, if any; an outer reporter after it (`"…," Ortiz
    /// said, according to the report.`) takes the quote instead.
    static func reading(of quote: FoundQuote, in context: QuoteContext) -> Reading? {
        let text = context.text
        guard let (attribution, end) = attributionAfter(quote, in: context) else { return nil }
        guard let s = text.sentenceIndex(at: quote.span.end - 1), end > 0 else { return Reading(attribution: attribution, introducesNext: false) }
        let sentence = text.document.sentences[text.sentenceIndex(ofToken: end - 1) ?? s].tokens
        // Not when the outer source is a document or statement, which reports the same speaker
        // (`"…," he told reporters, according to a statement.`).
        if let a = (end..<min(sentence.upperBound, end + SpeechText.reach)).first(where: { text.key($0) == "according" && !text.quoted[$0] }), let cue = text.cue(at: a),
            let source = context.subjects.subject(after: a + cue.length, limit: sentence.upperBound),
            !SpeakerWords.speechNouns.contains(text.key(source.upperBound - 1))
        {
            return Reading(attribution: context.speaker(inPhrase: source, cue: cue.text, rule: .cueAfterAccordingTo), introducesNext: false)
        }
        // `"…?" Ortiz continued, "…"`: words that introduce the next quote.
        var next = end
        while next < sentence.upperBound, !text.quoted[next], text.facts.words[next].kind != .quote, ![".", "!", "?"].contains(text.key(next)) {
            next += 1
        }
        let introduces = next < sentence.upperBound && text.facts.words[next].kind == .quote && next > end && [",", ":"].contains(text.key(next - 1))
        return Reading(attribution: attribution, introducesNext: introduces)
    }

    /// The attribution right behind a quote, with the token where its words end.
    private static func attributionAfter(_ quote: FoundQuote, in context: QuoteContext) -> (Attribution, Int)? {
        let text = context.text
        let facts = text.facts
        let subjects = context.subjects
        guard let close = quote.close else { return nil }
        var t = text.token(at: close + 1)
        // The quote ends its clause: with a comma, a question or exclamation mark, a dash (a
        // sentence may have been split after "?"), or with a full stop when the attribution is
        // a sentence of its own (`"…." Ortiz said.`).
        let ending = text.document.text[quote.span].unicodeScalars.last { !QuoteMarks.isSingle($0) }.map { clauseEnds.contains($0) } ?? false
        let count = text.document.tokens.count
        let commaAfter = t < count && text.key(t) == ","
        while t < count, [",", "\u{201D}", "\""].contains(text.key(t)) { t += 1 }
        guard t < count, let s = text.sentenceIndex(ofToken: t) else { return nil }
        let sentence = text.document.sentences[s].tokens
        let startsSentence = t == sentence.lowerBound
        // A name right after a quote that opens its sentence needs no comma between them
        // (`"…" Ortiz told the committee.`).
        if !startsSentence && !ending && !commaAfter && !(context.opensSentence(quote) && context.mentions.isPerson(at: t)) { return nil }
        let end = min(sentence.upperBound, t + reach)
        // Inverted, `said Ortiz`; a participle ("adding") opens a clause of its own instead.
        if let cue = text.cue(at: t), !facts.isParticiple(t) {
            guard let source = subjects.subject(after: t + cue.length, limit: sentence.upperBound),
                !startsSentence || ending && closesSoon(sentence, after: source.upperBound, in: text)
            else { return nil }
            return (context.speaker(inPhrase: source, cue: cue.text, rule: .cueAfterInverted), source.upperBound)
        }
        // Any verb inverted before a name stands for saying (`"…!" beamed Ortiz`).
        if ending, !startsSentence, facts.isVerb(t), !facts.isParticiple(t), !facts.words[t].capitalised, t + 1 < sentence.upperBound,
            context.mentions.isPerson(at: t + 1), let source = subjects.subject(after: t + 1, limit: sentence.upperBound)
        {
            return (context.speaker(inPhrase: source, cue: text.word(t), rule: .cueAfterVerbName), source.upperBound)
        }
        // Words that open a clause of their own (`"…," when Lee objected`) report nothing; the
        // "as" of `as Ortiz put it` does.
        if text.key(t) != "as", SpeakerWords.subordinators.contains(text.key(t)) { return nil }
        for i in (t + 1)..<max(t + 1, end) {
            if text.quoted[i] || facts.words[i].kind == .quote { break }
            guard let cue = text.cue(at: i) else { continue }
            // The subject starts right behind the quote, after any describing words ("retired")
            // or the "as" of `as Ortiz put it`; a cue word inside an aside is passed over.
            guard let source = subjects.subject(before: i, floor: t),
                (t..<source.lowerBound).allSatisfy({ isDescribingWord($0, in: text) || ($0 == t && text.key($0) == "as") })
            else { continue }
            guard !startsSentence || closesSoon(sentence, after: i + cue.length, in: text) else { return nil }
            // The describing words belong to the speaker's phrase ("the retiring chairman").
            let start = text.key(t) == "as" ? source.lowerBound : t
            let phrase = source.lowerBound > start && !source.contains(where: { context.mentions.isPerson(at: $0) }) ? start..<source.upperBound : source
            return (context.speaker(inPhrase: phrase, cue: cue.text, rule: .cueAfter), i + cue.length)
        }
        // A name right behind a quotation and a verb after it, whatever the verb (`"…," Ortiz
        // shot back.`).
        if ending || commaAfter, !startsSentence, context.opensSentence(quote), facts.words[t].capitalised || facts.grammar.isA(text.key(t), .determiner),
            let source = subjects.subject(after: t, limit: sentence.upperBound), source.contains(where: { context.mentions.isPerson(at: $0) })
        {
            var name = source.lowerBound
            while name < source.upperBound, !context.mentions.isPerson(at: name) { name += 1 }
            while name < source.upperBound, context.mentions.isPerson(at: name) { name += 1 }
            if name < sentence.upperBound, facts.words[name].alphabetic, !facts.words[name].capitalised, !facts.grammar.isGrammarWord(text.key(name)) {
                return (context.speaker(inPhrase: t..<name, cue: text.word(name), rule: .cueAfterNameVerb), name + 1)
            }
        }
        // A description and a past-tense verb (`"No!" the crowd cried out.`).
        if ending, !startsSentence, context.opensSentence(quote), facts.grammar.isA(text.key(t), .determiner),
            let source = subjects.subject(after: t, limit: sentence.upperBound),
            source.upperBound < sentence.upperBound, facts.isFiniteVerbForm(source.upperBound)
        {
            return (context.speaker(inPhrase: source, cue: text.word(source.upperBound), rule: .cueAfterDescriptionVerb), source.upperBound + 1)
        }
        return nil
    }

    /// Whether an attribution standing as a sentence of its own ends there: within a few tokens
    /// after token `t`, or with a clause of its own after a comma (`Ortiz said, looking up.`).
    private static func closesSoon(_ sentence: Range<Int>, after t: Int, in text: SpeechText) -> Bool {
        sentence.upperBound - t <= longestTail || t < sentence.upperBound && text.key(t) == ","
    }

    /// Whether token `t` is a lower-case word that may open or describe a noun phrase ("the",
    /// "retired", "gambling").
    private static func isDescribingWord(_ t: Int, in text: SpeechText) -> Bool {
        let word = text.facts.words[t]
        return word.alphabetic && !word.capitalised && (!text.facts.grammar.isGrammarWord(word.key) || text.facts.grammar.isA(word.key, .determiner))
    }
}
