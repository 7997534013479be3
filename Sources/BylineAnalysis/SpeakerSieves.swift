import BylineCore

/// The sieves that decide a quote's speaker, in the order they are tried.
enum SpeakerSieve: String, CaseIterable {
    /// `"…" ― Jane Doe`: a name signed after a dash right behind the quote.
    case dashSignature = "dash-signature"
    /// `"…," Ortiz said` or `"…," said Ortiz`: a cue and its subject right after the quote.
    case cueAfter = "cue-after-quote"
    /// `Ortiz said: "…"`, `Ortiz pointed out that … "…"`: a cue before the quote in its sentence,
    /// with the person named before the cue.
    case cueBefore = "cue-before-quote"
    /// `Saying that … "…", Ortiz noted …`: a sentence opening with a speech participle, whose
    /// speaker is named after the quote.
    case participleOpener = "participle-opener"
    /// `Trump openly admires Putin as a "strong leader"`: a partial quote with no cue takes the
    /// person the sentence opens with before it, the subject who uses the words.
    case sentenceSubject = "sentence-subject"
    /// `PENCE: Well, … "…"`: a paragraph opening with a speaker's name and a colon.
    case paragraphLabel = "paragraph-label"
    /// A quote paragraph with no attribution of its own continues the last speaker of the
    /// paragraph just before.
    case paragraphContinuity = "paragraph-continuity"
    /// Reported speech without quote marks: `X said (that) …`.
    case indirectCueBefore = "indirect-cue-before"
    /// `…, X said.` or `…, said X.`
    case indirectCueAfter = "indirect-cue-after"
    /// `According to X, …`
    case indirectAccordingTo = "indirect-according-to"
    /// `Pence: …` — a speaker's name and a colon.
    case indirectLabel = "indirect-label"

    /// The sieves tried on quotes in quote marks.
    static let forQuotes: [SpeakerSieve] = [.dashSignature, .cueAfter, .cueBefore, .participleOpener, .sentenceSubject, .paragraphLabel, .paragraphContinuity]

    var confidence: Double {
        switch self {
        case .dashSignature: 0.9
        case .cueAfter: 0.9
        case .cueBefore: 0.8
        case .participleOpener: 0.75
        case .paragraphLabel: 0.7
        case .sentenceSubject: 0.5
        case .paragraphContinuity: 0.6
        case .indirectCueBefore, .indirectCueAfter, .indirectAccordingTo, .indirectLabel: 0.6
        }
    }

    /// How many tokens after a quote its attribution may lie (`," the minister said`).
    static let reachAfter = 8

    func decide(_ quote: FoundQuote, context: QuoteContext, previous: Attribution?) -> Attribution? {
        switch self {
        case .dashSignature: return context.dashSignature(quote)
        case .cueAfter: return context.cueAfter(quote)
        case .cueBefore: return context.cueBefore(quote)
        case .participleOpener: return context.participleOpener(quote)
        case .paragraphLabel: return context.paragraphLabel(quote)
        case .sentenceSubject: return context.sentenceSubject(quote)
        case .paragraphContinuity:
            guard let previous, context.opensParagraph(quote) else { return nil }
            return Attribution(entity: previous.entity, mention: previous.mention, cue: nil, sieve: self)
        case .indirectCueBefore, .indirectCueAfter, .indirectAccordingTo, .indirectLabel:
            return nil
        }
    }
}

/// What the sieves read: tokens, sentences, cue words and who is mentioned where.
struct QuoteContext {
    let document: Document
    /// Each token's text, lower-cased.
    let lowered: [String]
    /// The entity mentioned at each token, with the mention's span.
    private let mentionAt: [Int: (entity: Int, span: Span)]
    /// The tokens that mention a person, in order: where pronouns look back.
    private let personTokens: [Int]
    private let sentenceOf: [Int]
    private let starts: [Int]

    /// Cue phrases by their first word, longest first.
    static let cueWords: [String: [[String]]] = Dictionary(
        grouping: DataFile(PackageResources.speech_cues_txt).lines.map { $0.split(separator: " ").map(String.init) }, by: { $0[0] }
    ).mapValues { $0.sorted { $0.count > $1.count } }

    static let pronouns: Set<String> = ["he", "she", "they", "we", "i"]

    /// Words that introduce a title rather than speech: `the theme "…"`.
    static let titleWords: Set<String> = ["theme", "title", "titled", "entitled", "slogan", "motto", "headline", "banner"]

    /// Nouns that carry words: `X's claim that …`.
    static let speechNouns: Set<String> = Set(DataFile(PackageResources.speech_nouns_txt).lines)

    init(document: Document) {
        self.document = document
        lowered = document.tokens.map { FactText.key(document.text[$0.span]) }
        starts = document.tokens.map(\.span.start)
        var mentionAt: [Int: (Int, Span)] = [:]
        for (e, entity) in document.entities.enumerated() where entity.type == "PERSON" {
            for mention in entity.mentions {
                var t = starts.firstIndex(atOrAfter: mention.span.start)
                while t < document.tokens.count, document.tokens[t].span.end <= mention.span.end {
                    mentionAt[t] = (e, mention.span)
                    t += 1
                }
            }
        }
        self.mentionAt = mentionAt
        personTokens = mentionAt.keys.sorted()
        var sentenceOf = [Int](repeating: -1, count: document.tokens.count)
        for (s, sentence) in document.sentences.enumerated() { for t in sentence.tokens { sentenceOf[t] = s } }
        self.sentenceOf = sentenceOf
    }

    func word(_ t: Int) -> String { String(document.text[document.tokens[t].span]) }

    /// The token range of the sentence holding the byte `offset`.
    func sentence(at offset: Int) -> Range<Int>? {
        let t = min(starts.firstIndex(atOrAfter: offset), document.tokens.count - 1)
        guard t >= 0, sentenceOf[t] >= 0 else { return nil }
        return document.sentences[sentenceOf[t]].tokens
    }

    /// The cue phrase starting at token `t`, as written, with its length.
    func cue(at t: Int) -> (text: String, length: Int)? {
        guard let candidates = Self.cueWords[lowered[t]] else { return nil }
        for words in candidates where t + words.count <= document.tokens.count {
            if words.indices.allSatisfy({ lowered[t + $0] == words[$0] }) {
                return (String(document.text[Span(document.tokens[t].span.start, document.tokens[t + words.count - 1].span.end)]), words.count)
            }
        }
        return nil
    }

    /// A person named or referred to at token `t`: a mention, or a pronoun resolved to the
    /// person named last before it.
    func speaker(at t: Int) -> (entity: Int?, span: Span)? {
        if let mention = mentionAt[t] { return (mention.entity, mention.span) }
        let pronoun = lowered[t]
        guard Self.pronouns.contains(pronoun) else { return nil }
        // The person named last before the pronoun.
        let k = personTokens.firstIndex(atOrAfter: t)
        let before = k > 0 ? mentionAt[personTokens[k - 1]] : nil
        return (pronoun == "he" || pronoun == "she" ? before?.entity : nil, document.tokens[t].span)
    }

    func kind(of quote: FoundQuote) -> Quote.Kind {
        guard let sentence = sentence(at: quote.span.start) else { return .direct }
        let first = document.tokens[sentence.lowerBound].span.start
        return quote.open <= first || quote.continues ? .direct : .partial
    }

    /// Whether the quoted words are a title, a theme or a slogan rather than speech: most of
    /// their words capitalised, or a title word just before them.
    func isTitle(_ quote: FoundQuote) -> Bool {
        let t = starts.firstIndex(atOrAfter: quote.open)
        if t > 0, Self.titleWords.contains(lowered[t - 1]) { return true }
        let words = document.text[quote.span].split(separator: " ").filter { $0.first?.isLetter == true }
        guard words.count >= 2, quote.close != nil else { return false }
        let capitalised = words.filter { $0.first?.isUppercase == true }.count
        let last = document.text[quote.span].last
        return Double(capitalised) / Double(words.count) >= 0.6 && last != "." && last != "," && last != "!" && last != "?"
    }

    func opensParagraph(_ quote: FoundQuote) -> Bool {
        document.paragraphs[quote.paragraph].span.start == quote.open || quote.continues
    }

    /// Dashes that sign a quote with its speaker's name.
    static let signatureDashes: Set<String> = ["\u{2015}", "\u{2014}", "\u{2013}", "--", "-"]

    /// `"…" ― Jane Doe`: a dash right after the closing mark, and the name after it.
    func dashSignature(_ quote: FoundQuote) -> Attribution? {
        guard let close = quote.close else { return nil }
        let t = starts.firstIndex(atOrAfter: close + 1)
        guard t + 1 < document.tokens.count, Self.signatureDashes.contains(lowered[t]),
            document.text[document.tokens[t + 1].span].first?.isUppercase == true
        else { return nil }
        if let found = speaker(at: t + 1) { return Attribution(entity: found.entity, mention: found.span, cue: nil, sieve: .dashSignature) }
        return nil
    }

    /// `"…," Ortiz said` / `"…," said Ortiz` / `"…," he added`.
    func cueAfter(_ quote: FoundQuote) -> Attribution? {
        guard let close = quote.close, let sentence = sentence(at: close) else { return nil }
        var t = starts.firstIndex(atOrAfter: close + 1)
        let end = min(sentence.upperBound, t + SpeakerSieve.reachAfter)
        while t < end, [",", "\u{201D}", "\""].contains(word(t)) { t += 1 }
        var i = t
        while i < end {
            if let cue = cue(at: i) {
                // Inverted: the speaker after the cue.
                if i == t, i + cue.length < end, let found = speaker(at: i + cue.length) {
                    return Attribution(entity: found.entity, mention: found.span, cue: cue.text, sieve: .cueAfter)
                }
                // The subject before the cue: the person named nearest before it, or else the
                // words that stand for one ("a ministry spokeswoman").
                if let found = (t..<i).reversed().lazy.compactMap({ self.speaker(at: $0) }).first {
                    return Attribution(entity: found.entity, mention: found.span, cue: cue.text, sieve: .cueAfter)
                }
                return i > t ? Attribution(entity: nil, mention: phrase(t..<i), cue: cue.text, sieve: .cueAfter) : nil
            }
            if word(i) == "\"" || word(i) == "\u{201C}" { return nil }
            i += 1
        }
        return nil
    }

    /// `Ortiz said: "…"` or `Ortiz pointed out that … "…"`: the last cue before the quote in its
    /// sentence, and the first person named before that cue.
    func cueBefore(_ quote: FoundQuote) -> Attribution? {
        guard let sentence = sentence(at: quote.span.start) else { return nil }
        let openToken = starts.firstIndex(atOrAfter: quote.open)
        guard openToken > sentence.lowerBound else { return nil }
        let before = sentence.lowerBound..<openToken
        // "X's claim that …": the possessor of a speech noun speaks.
        if let noun = before.reversed().first(where: { Self.speechNouns.contains(lowered[$0]) }), noun >= sentence.lowerBound + 2,
            ["'s", "’s"].contains(lowered[noun - 1]), let found = speaker(at: noun - 2)
        {
            return Attribution(entity: found.entity, mention: found.span, cue: word(noun), sieve: .cueBefore)
        }
        guard let (c, cue) = before.reversed().lazy.compactMap({ t in self.cue(at: t).map { (t, $0) } }).first else { return nil }
        if let found = (sentence.lowerBound..<c).lazy.compactMap({ self.speaker(at: $0) }).first {
            return Attribution(entity: found.entity, mention: found.span, cue: cue.text, sieve: .cueBefore)
        }
        // Else the words that stand for the speaker: the clause before the cue ("At a forum on
        // Monday, one questioner claimed …").
        let clause = ((sentence.lowerBound..<c).last(where: { lowered[$0] == "," }).map { $0 + 1 }) ?? sentence.lowerBound
        if c > clause, c - clause <= Self.longestSource {
            return Attribution(entity: nil, mention: phrase(clause..<c), cue: cue.text, sieve: .cueBefore)
        }
        // "according to Ortiz, …" — the speaker after the cue.
        if c + cue.length < openToken, let found = speaker(at: c + cue.length) {
            return Attribution(entity: found.entity, mention: found.span, cue: cue.text, sieve: .cueBefore)
        }
        return nil
    }

    /// The most tokens a speaker phrase without a name runs to ("the ministry's chief spokeswoman").
    static let longestSource = 8

    /// The span of tokens `range`, without a leading conjunction ("But a source").
    func phrase(_ range: Range<Int>) -> Span {
        var lower = range.lowerBound
        if lower + 1 < range.upperBound, ["but", "and", "so", "yet", "or"].contains(lowered[lower]) { lower += 1 }
        return Span(document.tokens[lower].span.start, document.tokens[range.upperBound - 1].span.end)
    }

    /// Reported speech without quote marks in the sentence `range`: `X said (that) …`,
    /// `…, X said.`, `…, said X.`, `According to X, …`. Each with its attribution.
    func indirectSpeech(in range: Range<Int>) -> (span: Span, attribution: Attribution)? {
        guard range.count >= Self.shortestReport else { return nil }
        var end = range.upperBound
        while end > range.lowerBound, document.tokens[end - 1].kind == .punctuation || document.tokens[end - 1].kind == .quote { end -= 1 }
        // "According to X, …"
        if let cue = cue(at: range.lowerBound), cue.length == 2, let comma = (range.lowerBound..<end).first(where: { lowered[$0] == "," }),
            comma - range.lowerBound - cue.length <= Self.longestSource, end - comma > Self.shortestContent
        {
            let source = (range.lowerBound + cue.length)..<comma
            return (Span(document.tokens[comma + 1].span.start, document.tokens[end - 1].span.end), attribution(source, cue: cue.text, sieve: .indirectAccordingTo))
        }
        // "Pence: …" — a short name and a colon open the sentence (headlines, transcripts).
        if let colon = (range.lowerBound..<min(end, range.lowerBound + Self.longestLabel + 1)).first(where: { lowered[$0] == ":" }),
            colon > range.lowerBound, end - colon - 1 >= Self.shortestContent,
            (range.lowerBound..<colon).allSatisfy({ document.text[document.tokens[$0].span].first?.isUppercase == true })
        {
            return (Span(document.tokens[colon + 1].span.start, document.tokens[end - 1].span.end), attribution(range.lowerBound..<colon, cue: ":", sieve: .indirectLabel))
        }
        // "…, X said." / "…, said X."
        if let comma = (range.lowerBound..<end).last(where: { lowered[$0] == "," }), end - comma - 1 <= Self.longestSource + 1,
            comma - range.lowerBound >= Self.shortestContent,
            let (c, cue) = ((comma + 1)..<end).lazy.compactMap({ t in self.cue(at: t).map { (t, $0) } }).first
        {
            let source = c == comma + 1 ? (c + cue.length)..<end : (comma + 1)..<c
            if !source.isEmpty {
                return (Span(document.tokens[range.lowerBound].span.start, document.tokens[comma - 1].span.end), attribution(source, cue: cue.text, sieve: .indirectCueAfter))
            }
        }
        // "X said (that) …", "X told reporters that …": the first cue with a subject before it
        // since the last comma.
        for (c, cue) in (range.lowerBound..<end).lazy.compactMap({ t in self.cue(at: t).map { (t, $0) } }) {
            let clause = ((range.lowerBound..<c).last(where: { lowered[$0] == "," }).map { $0 + 1 }) ?? range.lowerBound
            guard c > clause, c - clause <= Self.longestSource else { continue }
            var start = c + cue.length
            guard start < end else { continue }
            // An object before "that" ("told reporters that …") is not what was said.
            if let that = (start..<min(end, start + Self.longestObject + 1)).first(where: { lowered[$0] == "that" }) { start = that + 1 }
            if start < end, lowered[start] == ":" { start += 1 }
            guard end - start >= Self.shortestContent else { continue }
            return (Span(document.tokens[start].span.start, document.tokens[end - 1].span.end), attribution(clause..<c, cue: cue.text, sieve: .indirectCueBefore))
        }
        return nil
    }

    /// The fewest tokens a sentence of reported speech has, and its content.
    static let shortestReport = 5
    static let shortestContent = 3
    /// The most tokens between a cue and the "that" of what was said ("told a rally in Ohio that").
    static let longestObject = 5
    /// The most tokens of a speaker's label before a colon ("Rep. Jim Clyburn:").
    static let longestLabel = 4

    private func attribution(_ source: Range<Int>, cue: String, sieve: SpeakerSieve) -> Attribution {
        if let found = source.lazy.compactMap({ self.speaker(at: $0) }).first {
            return Attribution(entity: found.entity, mention: found.span, cue: cue, sieve: sieve)
        }
        return Attribution(entity: nil, mention: phrase(source), cue: cue, sieve: sieve)
    }

    /// A partial quote's sentence subject: the first person named in its sentence before it.
    func sentenceSubject(_ quote: FoundQuote) -> Attribution? {
        guard kind(of: quote) == .partial, let sentence = sentence(at: quote.span.start) else { return nil }
        let openToken = starts.firstIndex(atOrAfter: quote.open)
        guard openToken > sentence.lowerBound,
            let found = (sentence.lowerBound..<openToken).lazy.compactMap({ self.speaker(at: $0) }).first, found.entity != nil
        else { return nil }
        return Attribution(entity: found.entity, mention: found.span, cue: nil, sieve: .sentenceSubject)
    }

    /// `PENCE: Well, … "…"`: the name before a colon that opens the quote's paragraph.
    func paragraphLabel(_ quote: FoundQuote) -> Attribution? {
        let paragraph = document.paragraphs[quote.paragraph].span
        var first = starts.firstIndex(atOrAfter: paragraph.start)
        if first < document.tokens.count, document.tokens[first].kind == .quote { first += 1 }
        let limit = min(document.tokens.count, first + Self.longestLabel + 1)
        guard let colon = (first..<limit).first(where: { lowered[$0] == ":" }), colon > first,
            document.tokens[colon].span.end <= quote.open,
            (first..<colon).allSatisfy({ document.text[document.tokens[$0].span].first?.isUppercase == true })
        else { return nil }
        if let found = (first..<colon).lazy.compactMap({ self.speaker(at: $0) }).first {
            return Attribution(entity: found.entity, mention: found.span, cue: ":", sieve: .paragraphLabel)
        }
        return Attribution(entity: nil, mention: phrase(first..<colon), cue: ":", sieve: .paragraphLabel)
    }

    /// `Saying that … "…", Ortiz noted …`.
    func participleOpener(_ quote: FoundQuote) -> Attribution? {
        guard let sentence = sentence(at: quote.span.start), let cue = cue(at: sentence.lowerBound), cue.text.lowercased().hasSuffix("ing")
        else { return nil }
        let after = starts.firstIndex(atOrAfter: quote.close ?? quote.span.end)
        // A quote may close in a later sentence than it opened in.
        guard after < sentence.upperBound, let found = (after..<sentence.upperBound).lazy.compactMap({ self.speaker(at: $0) }).first else { return nil }
        return Attribution(entity: found.entity, mention: found.span, cue: cue.text, sieve: .participleOpener)
    }
}
