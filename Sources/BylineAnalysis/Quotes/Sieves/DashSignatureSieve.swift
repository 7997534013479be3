import BylineCore

/// `"…" ― Jane Doe`: a dash right after the closing mark, and the name of a person signed after
/// it, a title allowed before the name (`"…" -Mayor Ortiz, at the meeting`). A quotation closed
/// early by a quote nested in it (`"… what he calls "a swamp" than move away." ― Jane Doe`) is
/// signed after the stray closing mark that ends its line.
struct DashSignatureSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        guard let close = quote.close else { return nil }
        let t = context.text.token(at: close + 1)
        if let signed = signature(at: t, in: context) { return signed }
        return Self.strayClose(from: t, in: context).flatMap { signature(at: $0 + 1, in: context) }
    }

    /// The signature whose dash is token `t`, if any.
    private func signature(at t: Int, in context: QuoteContext) -> Attribution? {
        let text = context.text
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

    /// The first double quote mark from token `t` on in the same line, when it is a closing mark
    /// no quotation opened: the true end of a quotation a nested quote closed early.
    private static func strayClose(from t: Int, in context: QuoteContext) -> Int? {
        let tokens = context.document.tokens
        let bytes = context.document.text.utf8
        var previousEnd = t > 0 ? tokens[t - 1].span.end : 0
        for i in t..<tokens.count {
            let gap = bytes.index(bytes.startIndex, offsetBy: previousEnd)..<bytes.index(bytes.startIndex, offsetBy: tokens[i].span.start)
            if bytes[gap].contains(0x0A) { return nil }
            if tokens[i].kind == .quote, let mark = context.document.text[tokens[i].span].unicodeScalars.first.flatMap(QuoteMarks.mark) {
                return mark == .closing && !context.text.quoted[i] ? i : nil
            }
            previousEnd = tokens[i].span.end
        }
        return nil
    }
}
