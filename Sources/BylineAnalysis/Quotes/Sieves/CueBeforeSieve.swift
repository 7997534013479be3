import BylineCore

/// `Ortiz said: "…"`, `Ortiz pointed out that … "…"`: a cue before the quote in its sentence
/// that has a subject; `X's claim that …`; `according to X`; `As Ortiz put it, …`; `Ortiz gave
/// this answer: "…"`. Reported speech nests ("Ortiz said Lee called it …"): the quote goes to
/// the outermost reporter of the clause it stands in.
struct CueBeforeSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        let text = context.text
        let subjects = context.subjects
        let openToken = text.token(at: quote.open)
        guard let whole = text.sentence(at: quote.span.start) else { return nil }
        let sentence = text.reach(of: whole, around: openToken)
        guard openToken > sentence.lowerBound else { return nil }
        // "According to Ortiz" anywhere in the sentence, or "As Ortiz put it, …" opening it,
        // reports all of it.
        if let a = sentence.first(where: { text.key($0) == "according" && !text.quoted[$0] }), let cue = text.cue(at: a),
            let source = subjects.subject(after: a + cue.length, limit: a < openToken ? openToken : sentence.upperBound)
        {
            return context.speaker(inPhrase: source, cue: cue.text, rule: .cueBeforeAccordingTo)
        }
        if let comma = (sentence.lowerBound..<openToken).first(where: { text.key($0) == "," }) {
            let first = sentence.lowerBound
            if text.key(first) == "as", let c = (first..<comma).first(where: { text.cue(at: $0) != nil }), let cue = text.cue(at: c),
                let source = subjects.subject(before: c, floor: first + 1)
            {
                return context.speaker(inPhrase: source, cue: cue.text, rule: .cueBeforeAsPutIt)
            }
        }
        var found: (attribution: Attribution, start: Int)?
        let openingEnd = subjects.openingClauseEnd(in: sentence)
        for c in (sentence.lowerBound..<openToken).reversed() where !text.quoted[c] {
            // The comma just before the quote introduces it; an opening clause's comma ends
            // the search, other breaks end it once a reporter is found.
            if c + 1 < openToken {
                if text.key(c) == ",", openingEnd == c { break }
                if found != nil, isClauseBreak(c, openToken: openToken, in: text) { break }
            }
            // A reporter inside a relative clause ("an architect who said") does not report the
            // clause around it, nor does one set off from it by a comma.
            if let found {
                if c > sentence.lowerBound, text.facts.grammar.isA(text.key(c - 1), .relative) { continue }
                if (c..<max(c, found.start)).contains(where: { text.key($0) == "," && !text.quoted[$0] }) { break }
            }
            guard let attribution = cueAttribution(at: c, sentence: sentence, openToken: openToken, in: context) else { continue }
            if found != nil, let mention = attribution.mention, isGoverned(mention, in: text) { continue }
            found = (attribution, attribution.mention.map { min(text.token(at: $0.start), c) } ?? c)
        }
        if let found { return found.attribution }
        // `Ortiz made this comment: "…"`, `Ortiz shot back, "…"`: the subject of the clause
        // that introduces the quote.
        let mark = text.key(openToken - 1)
        guard mark == ":" || mark == "," && text.document.text[quote.span].first?.isUppercase == true else { return nil }
        if let source = subjects.firstSubject(in: sentence.lowerBound..<(openToken - 1)) {
            return context.speaker(inPhrase: source, cue: mark, rule: .cueBeforeLeadIn)
        }
        // `More from Ortiz: "…"`: the name the colon follows.
        if mark == ":", let found = (sentence.lowerBound..<(openToken - 1)).reversed().lazy.compactMap({ context.speaker(at: $0) }).first,
            found.entity != nil
        {
            return Attribution(entity: found.entity, mention: found.span, cue: mark, rule: .cueBeforeNameColon)
        }
        return nil
    }

    /// Whether token `c` breaks a sentence into clauses that report separately: a semicolon, a
    /// dash, or a comma before a clause opener ("and", "but") that does not just go on to the next
    /// quote (`"…," and "…"`).
    private func isClauseBreak(_ c: Int, openToken: Int, in text: SpeechText) -> Bool {
        let k = text.key(c)
        if k == ";" || Dashes.signature.contains(k) { return true }
        return k == "," && c + 2 < openToken && SpeakerWords.clauseOpeners.contains(text.key(c + 1))
    }

    /// Whether the words at `span` follow a preposition: an object, not a subject.
    private func isGoverned(_ span: Span, in text: SpeechText) -> Bool {
        let t = text.token(at: span.start)
        return t > 0 && text.facts.grammar.isA(text.key(t - 1), .preposition)
    }

    /// The attribution a cue at token `c` makes for a quote opening at `openToken`: its subject,
    /// or the possessor of a speech noun, or the source after "according to"; for a participle
    /// after a comma ("…, adding"), the subject of the sentence.
    private func cueAttribution(at c: Int, sentence: Range<Int>, openToken: Int, in context: QuoteContext) -> Attribution? {
        let text = context.text
        let subjects = context.subjects
        if SpeakerWords.speechNouns.contains(text.key(c)), c >= sentence.lowerBound + 2, text.key(c - 1) == "'s",
            c + 1 == openToken || text.key(c + 1) == "that" || text.key(c + 1) == ":",
            let found = context.speaker(at: c - 2)
        {
            return Attribution(entity: found.entity, mention: found.span, cue: text.word(c), rule: .cueBeforeSpeechNoun)
        }
        guard let cue = text.cue(at: c), c + cue.length <= openToken else { return nil }
        if text.key(c) == "according" {
            return subjects.subject(after: c + cue.length, limit: openToken).map {
                context.speaker(inPhrase: $0, cue: cue.text, rule: .cueBeforeAccordingTo)
            }
        }
        // A participle right after a name is that name's ("with Ortiz telling reporters");
        // another participle ("…, adding", "tweets saying") or a second verb ("… and said")
        // reports for the subject of the sentence.
        let facts = text.facts
        if c > sentence.lowerBound, facts.isParticiple(c), let source = subjects.subject(before: c, floor: sentence.lowerBound),
            source.upperBound == c || (source.upperBound..<c).allSatisfy({ subjects.isModifier($0) }),
            source.contains(where: { context.mentions.isPerson(at: $0) })
                || facts.words[source.lowerBound].capitalised && facts.timeOfToken[source.lowerBound] == nil
        {
            return context.speaker(inPhrase: source, cue: cue.text, rule: .cueBeforeParticiple)
        }
        if c > sentence.lowerBound, facts.isParticiple(c) || SpeakerWords.coordinators.contains(text.key(c - 1)),
            let source = subjects.firstSubject(in: sentence.lowerBound..<c)
        {
            return context.speaker(inPhrase: source, cue: cue.text, rule: .cueBeforeSecondVerb)
        }
        return subjects.subject(before: c, floor: sentence.lowerBound).map { context.speaker(inPhrase: $0, cue: cue.text, rule: .cueBefore) }
    }
}
