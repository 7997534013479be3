import BylineCore

/// A quote paragraph with no attribution of its own continues the last speaker of the
/// paragraph just before (the newswire convention for a speech quoted over paragraphs).
struct ParagraphContinuitySieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        guard context.opensParagraph(quote), quote.paragraph > 0, let s = context.text.sentenceIndex(at: quote.open),
            let last = memory.lastSpeaker(before: s, in: quote.paragraph - 1)
        else { return nil }
        return Attribution(entity: last.attribution.entity, mention: last.attribution.mention, cue: nil, rule: .paragraphContinuity)
    }
}
