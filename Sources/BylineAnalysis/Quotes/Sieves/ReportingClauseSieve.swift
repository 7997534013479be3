import BylineCore

/// `A cashier who "steals" is held to account, Ortiz said.`: the sentence's own reporting
/// clause set off by a comma, at its end (`…, Ortiz said on Monday.`) or, inverted, anywhere in
/// it (`The point, says Ortiz, is …`).
struct ReportingClauseSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        guard let s = context.text.sentenceIndex(at: quote.span.start) else { return nil }
        let sentence = context.text.reach(of: context.document.sentences[s].tokens, around: context.text.token(at: quote.span.start))
        return Self.reportingClause(of: sentence, in: context)
    }

    /// The reporting clause of the sentence `sentence`, whatever quote stands in it.
    static func reportingClause(of sentence: Range<Int>, in context: QuoteContext) -> Attribution? {
        let text = context.text
        var end = sentence.upperBound
        while end > sentence.lowerBound, text.facts.words[end - 1].kind == .punctuation || text.facts.words[end - 1].kind == .quote { end -= 1 }
        for comma in (sentence.lowerBound..<end).reversed() where text.key(comma) == "," {
            var first = comma + 1
            while first < end, text.facts.words[first].kind == .quote { first += 1 }
            guard first < end, !text.quoted[first] else { continue }
            // Inverted, anywhere: ", said Ortiz" / ", says Ortiz,".
            if let cue = text.cue(at: first), !text.facts.isParticiple(first),
                let source = context.subjects.subject(after: first + cue.length, limit: end),
                source.contains(where: { context.speaker(at: $0)?.entity != nil }) || source.upperBound == end || text.key(source.upperBound) == ","
            {
                return context.speaker(inPhrase: source, cue: cue.text, rule: .reportingClauseInverted)
            }
            // ", Ortiz said." ending the sentence, give or take a few words.
            for c in first..<min(end, first + CueAfterSieve.reach) where text.cue(at: c) != nil && !text.facts.isParticiple(c) {
                guard let cue = text.cue(at: c), end - (c + cue.length) <= CueAfterSieve.longestTail,
                    let source = context.subjects.subject(before: c, floor: first), source.lowerBound == first
                else { break }
                return context.speaker(inPhrase: source, cue: cue.text, rule: .reportingClause)
            }
        }
        return nil
    }
}
