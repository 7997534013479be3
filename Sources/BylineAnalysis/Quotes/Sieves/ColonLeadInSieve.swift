import BylineCore

/// `Ortiz continued:` ending the sentence just before a quote that opens its own: the subject
/// of that sentence's last cue, or else of the sentence (`Ortiz made this comment:`).
struct ColonLeadInSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        let text = context.text
        guard context.opensSentence(quote), let s = text.sentenceIndex(at: quote.open), s > 0 else { return nil }
        let before = text.document.sentences[s - 1].tokens
        guard let last = before.last, text.key(last) == ":", context.sentenceBeforeLeadsInto(quote, sentence: s) else { return nil }
        for c in before.reversed() {
            guard let cue = text.cue(at: c), let source = context.subjects.subject(before: c, floor: before.lowerBound) else { continue }
            return context.speaker(inPhrase: source, cue: cue.text, rule: .colonLeadIn)
        }
        return context.subjects.firstSubject(in: before.lowerBound..<last).map { context.speaker(inPhrase: $0, cue: ":", rule: .colonLeadInSubject) }
    }
}
