import BylineCore

/// `Ortiz called the plan a mistake. "…"`: a quote opening its sentence with no attribution of
/// its own takes the named subject of the sentence before, in its paragraph or ending the one
/// before.
struct PreviousSubjectSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        guard context.opensSentence(quote), let s = context.text.sentenceIndex(at: quote.open), s > 0,
            context.sentenceBeforeLeadsInto(quote, sentence: s),
            let source = context.subjects.firstSubject(in: context.document.sentences[s - 1].tokens)
        else { return nil }
        let attribution = context.speaker(inPhrase: source, cue: nil, rule: .previousSubject)
        return attribution.entity == nil ? nil : attribution
    }
}
