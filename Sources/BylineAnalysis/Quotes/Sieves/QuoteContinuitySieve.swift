import BylineCore

/// `"…," said Ortiz. "…"`: a quote with no attribution of its own, in the sentence after one
/// whose speaker is known (or in that sentence), in the same paragraph (`… Ortiz said.
/// Instead, "…"`), continues that speaker.
struct QuoteContinuitySieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        guard let s = context.text.sentenceIndex(at: quote.open), let last = memory.lastSpeaker(before: s, in: quote.paragraph),
            last.sentence >= s - 1
        else { return nil }
        return Attribution(entity: last.attribution.entity, mention: last.attribution.mention, cue: nil, rule: .quoteContinuity)
    }
}
