import BylineCore

/// `PENCE: Well, … "…"`: a paragraph opening with a speaker's name and a colon (transcripts,
/// interviews); not a dateline (`LISBON: …`).
struct ParagraphLabelSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        let text = context.text
        let paragraph = text.document.paragraphs[quote.paragraph].span
        var first = text.token(at: paragraph.start)
        if first < text.document.tokens.count, text.document.tokens[first].kind == .quote { first += 1 }
        let limit = min(text.document.tokens.count, first + QuoteContext.longestLabel + 1)
        guard let colon = (first..<limit).first(where: { text.key($0) == ":" }), colon > first,
            text.document.tokens[colon].span.end <= quote.open,
            (first..<colon).allSatisfy({ text.facts.words[$0].capitalised }), !context.mentions.isPlace(first..<colon)
        else { return nil }
        return context.speaker(inPhrase: first..<colon, cue: ":", rule: .paragraphLabel)
    }
}
