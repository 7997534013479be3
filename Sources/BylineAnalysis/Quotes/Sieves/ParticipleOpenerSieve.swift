import BylineCore

/// `Saying that … "…", Ortiz noted …`: a sentence opening with a speech participle, whose
/// speaker opens the main clause after the participle's clause.
struct ParticipleOpenerSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        let text = context.text
        guard let sentence = text.sentence(at: quote.span.start), let cue = text.cue(at: sentence.lowerBound),
            cue.text.lowercased().hasSuffix("ing")
        else { return nil }
        // The participle's clause ends at the first comma after the quote (which may close in
        // a later sentence than it opened in); the speaker opens the main clause.
        let after = text.token(at: quote.close ?? quote.span.end)
        guard let comma = (after..<max(after, sentence.upperBound)).first(where: { text.key($0) == "," && !text.quoted[$0] }),
            let source = context.subjects.subject(after: comma + 1, limit: sentence.upperBound)
        else { return nil }
        return context.speaker(inPhrase: source, cue: cue.text, rule: .participleOpener)
    }
}
