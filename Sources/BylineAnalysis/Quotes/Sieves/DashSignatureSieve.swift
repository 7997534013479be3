import BylineCore

/// `"…" ― Jane Doe`: a dash right after the closing mark, and the name of a person signed after
/// it, a title allowed before the name (`"…" -Mayor Ortiz, at the meeting`).
struct DashSignatureSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        let text = context.text
        guard let close = quote.close else { return nil }
        let t = text.token(at: close + 1)
        // The dash stands alone or is glued to the first word ("-Mayor Ortiz").
        guard t + 1 < text.document.tokens.count else { return nil }
        let dash = text.key(t)
        let dashes = Dashes.signature
        guard dashes.contains(dash) || dashes.contains(String(dash.prefix(1))) && text.facts.words[t].span.length > 1 else { return nil }
        // A title may come before the name ("― President Ortiz"): the first person named
        // before the signature's first comma.
        var i = dashes.contains(dash) ? t + 1 : t
        let opening = i == t ? text.document.text[text.document.tokens[t].span].dropFirst() : text.document.text[text.document.tokens[i].span][...]
        guard opening.first?.isUppercase == true else { return nil }
        while i < min(text.document.tokens.count, t + QuoteContext.longestLabel + 2), text.facts.words[i].kind != .punctuation || i == t {
            if let found = context.speaker(at: i), found.entity != nil, context.mentions.isPerson(at: i) {
                return Attribution(entity: found.entity, mention: found.span, cue: nil, rule: .dashSignature)
            }
            i += 1
        }
        return nil
    }
}
