import BylineCore

/// `Ortiz openly admires the plan as a "bold step"`: a partial quote with no cue takes the
/// subject of the first verb of its clause, the one who uses the words; with no verb read as
/// one, the first name not governed by a preposition.
struct SentenceSubjectSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        let text = context.text
        guard !context.opensSentence(quote), let whole = text.sentence(at: quote.span.start) else { return nil }
        let openToken = text.token(at: quote.open)
        let sentence = text.reach(of: whole, around: openToken)
        // The clause the quote stands in: after the last ", while …", ", and …" or ";" before it.
        let clause = (sentence.lowerBound..<openToken).last { c in
            !text.quoted[c] && (text.key(c) == ";" || text.key(c) == "," && c + 2 < openToken && SpeakerWords.clauseOpeners.contains(text.key(c + 1)))
        }.map { text.key($0) == ";" ? $0 + 1 : $0 + 2 } ?? sentence.lowerBound
        if let source = context.subjects.firstSubject(in: clause..<openToken) ?? context.subjects.firstSubject(in: sentence.lowerBound..<openToken) {
            return context.speaker(inPhrase: source, cue: nil, rule: .sentenceSubject)
        }
        for t in sentence.lowerBound..<openToken where t == sentence.lowerBound || !text.facts.grammar.isA(text.key(t - 1), .preposition) {
            if let found = context.speaker(at: t), found.entity != nil {
                return Attribution(entity: found.entity, mention: found.span, cue: nil, rule: .sentenceSubjectFirstName)
            }
        }
        return nil
    }
}
