import BylineCore

/// The sieves that decide a quote's speaker, in the order they are tried.
enum SpeakerSieve: String, CaseIterable {
    /// `"…" ― Jane Doe`: a name signed after a dash right behind the quote.
    case dashSignature = "dash-signature"
    /// `"…," Ortiz said`, `"…," Ortiz, a lawyer, said` or `"…," said Ortiz`: a cue right after
    /// the quote, with its subject.
    case cueAfter = "cue-after-quote"
    /// `Ortiz said: "…"`, `Ortiz pointed out that … "…"`: a cue before the quote in its sentence
    /// that has a subject; reports nest, and the outermost reporter of the clause takes it.
    case cueBefore = "cue-before-quote"
    /// `Saying that … "…", Ortiz noted …`: a sentence opening with a speech participle, whose
    /// speaker is named after the quote.
    case participleOpener = "participle-opener"
    /// `PENCE: Well, … "…"`: a paragraph opening with a speaker's name and a colon.
    case paragraphLabel = "paragraph-label"
    /// `Ortiz openly admires the plan as a "bold step"`: a partial quote with no cue takes the
    /// subject of its sentence's first verb, the one who uses the words.
    case sentenceSubject = "sentence-subject"
    /// `A cashier who "steals" is held to account, Ortiz said.`: the sentence's own reporting
    /// clause set off by a comma, at its end or inside it (`The point, says Ortiz, is …`).
    case reportingClause = "reporting-clause"
    /// `Ortiz continued:` ending the sentence just before a quote that opens its own.
    case colonLeadIn = "colon-lead-in"
    /// `"…," said Ortiz. "…"`: a quote with no attribution of its own, in the sentence after
    /// one whose speaker is known, in the same paragraph (`… Ortiz said. Instead, "…"`).
    case quoteContinuity = "quote-continuity"
    /// `Ortiz called the plan a mistake. "…"`: a quote opening its sentence with no attribution
    /// of its own takes the named subject of the sentence before.
    case previousSubject = "previous-subject"
    /// A quote paragraph with no attribution of its own continues the last speaker of the
    /// paragraph just before.
    case paragraphContinuity = "paragraph-continuity"
    /// Reported speech without quote marks: `X said (that) …`.
    case indirectCueBefore = "indirect-cue-before"
    /// `…, X said.` or `…, said X.`
    case indirectCueAfter = "indirect-cue-after"
    /// `…, and criticized the plan.`: reported speech whose reporter is not a subject of its own.
    case indirectReport = "indirect-report"
    /// `According to X, …`
    case indirectAccordingTo = "indirect-according-to"
    /// `Pence: …` — a speaker's name and a colon.
    case indirectLabel = "indirect-label"

    /// The sieves tried on quotes that open their sentence.
    static let forDirectQuotes: [SpeakerSieve] = [
        .dashSignature, .cueAfter, .cueBefore, .reportingClause, .participleOpener, .paragraphLabel, .colonLeadIn, .quoteContinuity,
        .paragraphContinuity, .previousSubject,
    ]
    /// The sieves tried on quotes inside a sentence: a cue before them, or a participle opening
    /// the sentence, comes before the words after them.
    static let forPartialQuotes: [SpeakerSieve] = [
        .dashSignature, .cueBefore, .participleOpener, .cueAfter, .reportingClause, .paragraphLabel, .sentenceSubject, .quoteContinuity,
    ]

    var confidence: Double {
        switch self {
        case .dashSignature: 0.9
        case .cueAfter: 0.9
        case .cueBefore: 0.8
        case .participleOpener: 0.75
        case .paragraphLabel: 0.7
        case .colonLeadIn: 0.7
        case .reportingClause: 0.7
        case .quoteContinuity: 0.7
        case .previousSubject: 0.4
        case .sentenceSubject: 0.5
        case .paragraphContinuity: 0.6
        case .indirectCueBefore, .indirectCueAfter, .indirectAccordingTo, .indirectLabel: 0.6
        case .indirectReport: 0.3
        }
    }

    func decide(_ quote: FoundQuote, context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        switch self {
        case .dashSignature: return context.dashSignature(quote)
        case .cueAfter: return context.cueAfter(quote)
        case .cueBefore: return context.cueBefore(quote)
        case .participleOpener: return context.participleOpener(quote)
        case .paragraphLabel: return context.paragraphLabel(quote)
        case .sentenceSubject: return context.sentenceSubject(quote)
        case .colonLeadIn: return context.colonLeadIn(quote)
        case .previousSubject: return context.previousSubject(quote)
        case .reportingClause:
            guard let s = context.sentenceIndex(at: quote.span.start) else { return nil }
            return context.reportingClause(of: context.document.sentences[s].tokens)
        case .quoteContinuity:
            guard let s = context.sentenceIndex(at: quote.open),
                let last = memory.lastSpeaker(before: s, in: quote.paragraph), last.sentence >= s - 1
            else { return nil }
            return Attribution(entity: last.attribution.entity, mention: last.attribution.mention, cue: nil, sieve: self)
        case .paragraphContinuity:
            guard context.opensParagraph(quote), quote.paragraph > 0, let s = context.sentenceIndex(at: quote.open),
                let last = memory.lastSpeaker(before: s, in: quote.paragraph - 1)
            else { return nil }
            return Attribution(entity: last.attribution.entity, mention: last.attribution.mention, cue: nil, sieve: self)
        case .indirectCueBefore, .indirectCueAfter, .indirectReport, .indirectAccordingTo, .indirectLabel:
            return nil
        }
    }
}

/// The speakers decided so far, by sentence: where a quote with no attribution of its own looks
/// for the speaker it continues.
struct SpeakerMemory {
    private var bySentence: [Int: Attribution] = [:]
    private let paragraphOfSentence: [Int]

    init(paragraphOfSentence: [Int]) {
        self.paragraphOfSentence = paragraphOfSentence
    }

    /// Notes that `attribution` speaks in sentence `s` (a later decision in the same sentence wins).
    mutating func note(_ attribution: Attribution, sentence s: Int) {
        guard attribution.entity != nil || attribution.mention != nil else { return }
        bySentence[s] = attribution
    }

    /// The last speaker noted in paragraph `p` before sentence `s` (or in `s` itself), with
    /// the sentence it spoke in.
    func lastSpeaker(before s: Int, in p: Int) -> (attribution: Attribution, sentence: Int)? {
        var k = min(s, paragraphOfSentence.count - 1)
        while k >= 0, paragraphOfSentence[k] >= p {
            if paragraphOfSentence[k] == p, let found = bySentence[k] { return (found, k) }
            k -= 1
        }
        return nil
    }
}

extension QuoteContext {
    func kind(of quote: FoundQuote) -> Quote.Kind {
        opensSentence(quote) ? .direct : .partial
    }

    /// Whether the quote opens its sentence, or opens a quotation with a capital after a colon
    /// or comma (`Ortiz said: "We…"`, `Ortiz said, "We…"`) or after a dateline (`LISBON — "We…"`),
    /// or carries on from the paragraph before.
    func opensSentence(_ quote: FoundQuote) -> Bool {
        guard let sentence = sentence(at: quote.span.start) else { return true }
        let openToken = token(at: quote.open)
        if quote.open <= document.tokens[sentence.lowerBound].span.start || quote.continues { return true }
        guard openToken > sentence.lowerBound else { return false }
        let mark = key(openToken - 1)
        let capital = document.text[quote.span].first?.isUppercase == true
        return mark == ":" || mark == "," && capital || capital && isDateline(sentence.lowerBound..<(openToken - 1)) && Dashes.signature.contains(mark)
    }

    /// Whether tokens `range` are a dateline before its dash: a place in capitals or a place the
    /// entity stage named, then commas and an agency in brackets ("WASHINGTON (AP)", "LOS
    /// ANGELES, Calif."); not a person's name set off by a dash.
    private func isDateline(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.allSatisfy({ facts.words[$0].capitalised || ["(", ")", ","].contains(key($0)) }) else { return false }
        let place = range.lowerBound..<(range.first { ["(", ","].contains(key($0)) } ?? range.upperBound)
        return !place.isEmpty && (isPlace(place) || place.allSatisfy { !word($0).contains(where: \.isLowercase) })
    }

    /// Whether the quoted words are a title, a theme or a slogan rather than speech: most of
    /// their words capitalised, or a title word just before them.
    func isTitle(_ quote: FoundQuote) -> Bool {
        let t = token(at: quote.open)
        if t > 0, Self.titleWords.contains(key(t - 1)) { return true }
        let words = document.text[quote.span].split(separator: " ").filter { $0.first?.isLetter == true }
        guard words.count >= 2, quote.close != nil else { return false }
        let capitalised = words.filter { $0.first?.isUppercase == true }.count
        let last = document.text[quote.span].last
        return Double(capitalised) / Double(words.count) >= 0.6 && last != "." && last != "," && last != "!" && last != "?"
    }

    func opensParagraph(_ quote: FoundQuote) -> Bool {
        document.paragraphs[quote.paragraph].span.start == quote.open || quote.continues
    }

    /// `"…" ― Jane Doe`: a dash right after the closing mark, and the name after it.
    func dashSignature(_ quote: FoundQuote) -> Attribution? {
        guard let close = quote.close else { return nil }
        let t = token(at: close + 1)
        // The dash stands alone or is glued to the first word ("-Mayor Ortiz").
        guard t + 1 < document.tokens.count else { return nil }
        let dash = key(t)
        guard Dashes.signature.contains(dash) || Dashes.signature.contains(String(dash.prefix(1))) && facts.words[t].span.length > 1
        else { return nil }
        // A title may come before the name ("― President Ortiz"): the first person named
        // before the signature's first comma.
        var i = Dashes.signature.contains(dash) ? t + 1 : t
        let opening = i == t ? document.text[document.tokens[t].span].dropFirst() : document.text[document.tokens[i].span][...]
        guard opening.first?.isUppercase == true else { return nil }
        while i < min(document.tokens.count, t + Self.longestLabel + 2), facts.words[i].kind != .punctuation || i == t {
            if let found = speaker(at: i), found.entity != nil, isPerson(at: i) {
                return Attribution(entity: found.entity, mention: found.span, cue: nil, sieve: .dashSignature)
            }
            i += 1
        }
        return nil
    }

    /// The most tokens between a quote and the cue that attributes it from behind: a subject
    /// with its appositives (`," Ortiz, a lawyer for the union, said`).
    static let reachAfter = longestSource + longestAside

    /// `"…," Ortiz said` / `"…," said Ortiz` / `"…," he added`: a cue whose subject starts right
    /// behind the quote.
    func cueAfter(_ quote: FoundQuote) -> Attribution? {
        guard let found = attributionAfter(quote) else { return nil }
        let (attribution, end) = found
        guard let s = sentenceIndex(at: quote.span.end - 1), end > 0 else { return attribution }
        let sentence = document.sentences[sentenceOf[end - 1] >= 0 ? sentenceOf[end - 1] : s].tokens
        // `"…," Ortiz said, according to the report.`: the outer reporter takes the quote.
        // Not when the outer source is a document or statement, which reports the same speaker
        // (`"…," he told reporters, according to a statement.`).
        if let a = (end..<sentence.upperBound).first(where: { key($0) == "according" && !quoted[$0] }), let cue = cue(at: a),
            let source = subject(after: a + cue.length, limit: sentence.upperBound), !Self.speechNouns.contains(key(source.upperBound - 1))
        {
            return speaker(inPhrase: source, cue: cue.text, sieve: .cueAfter)
        }

        // `"…?" Ortiz continued, "…"`: words that introduce the next quote leave this one to
        // the cue before it, when it has one.
        var next = end
        while next < sentence.upperBound, !quoted[next], facts.words[next].kind != .quote, ![".", "!", "?"].contains(key(next)) { next += 1 }
        if next < sentence.upperBound, facts.words[next].kind == .quote, next > end, [",", ":"].contains(key(next - 1)), cueBefore(quote) != nil {
            return nil
        }
        return attribution
    }

    /// The attribution right behind a quote, with the token where its words end.
    private func attributionAfter(_ quote: FoundQuote) -> (Attribution, Int)? {
        guard let close = quote.close else { return nil }
        var t = token(at: close + 1)
        // The quote ends its clause: with a comma, a question or exclamation mark, a dash (a
        // sentence may have been split after "?"), or with a full stop when the attribution is
        // a sentence of its own (`"…." Ortiz said.`).
        let ending = document.text[quote.span].unicodeScalars.last { !QuoteMarks.isSingle($0) }.map { Self.clauseEnds.contains($0) } ?? false
        let commaAfter = t < document.tokens.count && key(t) == ","
        while t < document.tokens.count, [",", "\u{201D}", "\""].contains(key(t)) { t += 1 }
        guard t < document.tokens.count, sentenceOf[t] >= 0 else { return nil }
        let sentence = document.sentences[sentenceOf[t]].tokens
        let startsSentence = t == sentence.lowerBound
        if !startsSentence && !ending && !commaAfter { return nil }
        let end = min(sentence.upperBound, t + Self.reachAfter)
        // Inverted, `said Ortiz`; a participle ("adding") opens a clause of its own instead.
        if let cue = cue(at: t), !facts.isParticiple(t) {
            guard let source = subject(after: t + cue.length, limit: sentence.upperBound),
                !startsSentence || ending && closesSoon(sentence, after: source.upperBound)
            else { return nil }
            return (speaker(inPhrase: source, cue: cue.text, sieve: .cueAfter), source.upperBound)
        }
        // Any verb inverted before a name stands for saying (`"…!" beamed Ortiz`).
        if ending, !startsSentence, facts.isVerb(t), !facts.isParticiple(t), !facts.words[t].capitalised, t + 1 < sentence.upperBound,
            isPerson(at: t + 1), let source = subject(after: t + 1, limit: sentence.upperBound)
        {
            return (speaker(inPhrase: source, cue: word(t), sieve: .cueAfter), source.upperBound)
        }
        for i in (t + 1)..<max(t + 1, end) {
            if quoted[i] || facts.words[i].kind == .quote { break }
            guard let cue = cue(at: i) else { continue }
            // The subject starts right behind the quote, after any describing words ("retired")
            // or the "as" of `as Ortiz put it`; a cue word inside an aside is passed over.
            guard let source = subject(before: i, floor: t),
                (t..<source.lowerBound).allSatisfy({ isDescribingWord($0) || ($0 == t && key($0) == "as") })
            else { continue }
            guard !startsSentence || closesSoon(sentence, after: i + cue.length) else { return nil }
            // The describing words belong to the speaker's phrase ("the retiring chairman").
            let start = key(t) == "as" ? source.lowerBound : t
            let phrase = source.lowerBound > start && !source.contains(where: { isPerson(at: $0) }) ? start..<source.upperBound : source
            return (speaker(inPhrase: phrase, cue: cue.text, sieve: .cueAfter), i + cue.length)
        }
        // A name right behind a quotation and a verb after it, whatever the verb (`"…," Ortiz
        // shot back.`).
        if ending || commaAfter, !startsSentence, opensSentence(quote), facts.words[t].capitalised || facts.grammar.isA(key(t), .determiner),
            let source = subject(after: t, limit: sentence.upperBound), source.contains(where: { isPerson(at: $0) })
        {
            var name = source.lowerBound
            while name < source.upperBound, !isPerson(at: name) { name += 1 }
            while name < source.upperBound, isPerson(at: name) { name += 1 }
            if name < sentence.upperBound, facts.words[name].alphabetic, !facts.words[name].capitalised, !facts.grammar.isGrammarWord(key(name)) {
                return (speaker(inPhrase: t..<name, cue: word(name), sieve: .cueAfter), name + 1)
            }
        }
        // A description and a past-tense verb (`"No!" the crowd cried out.`).
        if ending, !startsSentence, opensSentence(quote), facts.grammar.isA(key(t), .determiner), let source = subject(after: t, limit: sentence.upperBound),
            source.upperBound < sentence.upperBound, facts.isFiniteVerbForm(source.upperBound)
        {
            return (speaker(inPhrase: source, cue: word(source.upperBound), sieve: .cueAfter), source.upperBound + 1)
        }
        return nil
    }

    /// The most tokens after an attribution standing as a sentence of its own (`Ortiz said on
    /// Monday.`).
    static let longestTail = 4

    /// Whether an attribution standing as a sentence of its own ends there: within a few tokens
    /// after token `t`, or with a clause of its own after a comma (`Ortiz said, looking up.`).
    private func closesSoon(_ sentence: Range<Int>, after t: Int) -> Bool {
        endsSoon(sentence, after: t) || t < sentence.upperBound && key(t) == ","
    }

    /// Whether `sentence` ends within a few tokens after token `t`.
    private func endsSoon(_ sentence: Range<Int>, after t: Int) -> Bool {
        sentence.upperBound - t <= Self.longestTail
    }

    /// Whether token `t` is a lower-case word that may open or describe a noun phrase ("the",
    /// "retired", "gambling").
    private func isDescribingWord(_ t: Int) -> Bool {
        let word = facts.words[t]
        return word.alphabetic && !word.capitalised && (!facts.grammar.isGrammarWord(word.key) || facts.grammar.isA(word.key, .determiner))
    }

    /// The reporting clause set off by a comma in `sentence`: `…, said Ortiz, a lawyer.`,
    /// `…, Ortiz said on Monday.`, or a parenthetical `The point, says Ortiz, is that …`.
    func reportingClause(of sentence: Range<Int>) -> Attribution? {
        var end = sentence.upperBound
        while end > sentence.lowerBound, facts.words[end - 1].kind == .punctuation || facts.words[end - 1].kind == .quote { end -= 1 }
        for comma in (sentence.lowerBound..<end).reversed() where key(comma) == "," {
            var first = comma + 1
            while first < end, facts.words[first].kind == .quote { first += 1 }
            guard first < end, !quoted[first] else { continue }
            // Inverted, anywhere: ", said Ortiz" / ", says Ortiz,".
            if let cue = cue(at: first), !facts.isParticiple(first), let source = subject(after: first + cue.length, limit: end),
                source.contains(where: { speaker(at: $0)?.entity != nil }) || source.upperBound == end || key(source.upperBound) == ","
            {
                return speaker(inPhrase: source, cue: cue.text, sieve: .reportingClause)
            }
            // ", Ortiz said." ending the sentence, give or take a few words.
            for c in first..<min(end, first + Self.reachAfter) where cue(at: c) != nil && !facts.isParticiple(c) {
                guard let cue = cue(at: c), end - (c + cue.length) <= Self.longestTail,
                    let source = subject(before: c, floor: first), source.lowerBound == first
                else { break }
                return speaker(inPhrase: source, cue: cue.text, sieve: .reportingClause)
            }
        }
        return nil
    }

    /// Marks that end a quote as a clause of its own.
    static let clauseEnds: Set<Unicode.Scalar> = Dashes.clauseCharacters.union([",", "?", "!"])

    /// `Ortiz said: "…"` or `Ortiz pointed out that … "…"`: a cue before the quote in its
    /// sentence that has a subject; "X's claim that …"; "according to X, …"; `Ortiz gave this
    /// answer: "…"`. Reported speech nests ("Ortiz said Lee called it …"): the quote goes to
    /// the outermost reporter of the clause it stands in.
    func cueBefore(_ quote: FoundQuote) -> Attribution? {
        guard let sentence = sentence(at: quote.span.start) else { return nil }
        let openToken = token(at: quote.open)
        guard openToken > sentence.lowerBound else { return nil }
        // "According to Ortiz" anywhere in the sentence, or "As Ortiz put it, …" opening it,
        // reports all of it.
        if let a = sentence.first(where: { key($0) == "according" && !quoted[$0] }), let cue = cue(at: a),
            let source = subject(after: a + cue.length, limit: a < openToken ? openToken : sentence.upperBound)
        {
            return speaker(inPhrase: source, cue: cue.text, sieve: .cueBefore)
        }
        if let comma = (sentence.lowerBound..<openToken).first(where: { key($0) == "," }) {
            let first = sentence.lowerBound
            if key(first) == "as", let c = (first..<comma).first(where: { cue(at: $0) != nil }), let cue = cue(at: c),
                let source = subject(before: c, floor: first + 1)
            {
                return speaker(inPhrase: source, cue: cue.text, sieve: .cueBefore)
            }
        }
        var found: (attribution: Attribution, start: Int)?
        let openingEnd = openingClauseEnd(in: sentence)
        for c in (sentence.lowerBound..<openToken).reversed() where !quoted[c] {
            // The comma just before the quote introduces it; an opening clause's comma ends
            // the search, other breaks end it once a reporter is found.
            if c + 1 < openToken {
                if key(c) == ",", openingEnd == c { break }
                if found != nil, isClauseBreak(c, openToken: openToken) { break }
            }
            // A reporter inside a relative clause ("an architect who said") does not report the
            // clause around it, nor does one set off from it by a comma.
            if let found {
                if c > sentence.lowerBound, facts.grammar.isA(key(c - 1), .relative) { continue }
                if (c..<max(c, found.start)).contains(where: { key($0) == "," && !quoted[$0] }) { break }
            }
            guard let attribution = cueAttribution(at: c, sentence: sentence, openToken: openToken) else { continue }
            if found != nil, let mention = attribution.mention, isGoverned(mention) { continue }
            found = (attribution, attribution.mention.map { min(token(at: $0.start), c) } ?? c)
        }
        if let found { return found.attribution }
        // `Ortiz made this comment: "…"`, `Ortiz shot back, "…"`: the subject of the clause
        // that introduces the quote.
        let mark = key(openToken - 1)
        guard mark == ":" || mark == "," && document.text[quote.span].first?.isUppercase == true else { return nil }
        if let source = firstSubject(in: sentence.lowerBound..<(openToken - 1)) {
            return speaker(inPhrase: source, cue: mark, sieve: .cueBefore)
        }
        // `More from Ortiz: "…"`: the name the colon follows.
        if mark == ":", let found = (sentence.lowerBound..<(openToken - 1)).reversed().lazy.compactMap({ self.speaker(at: $0) }).first,
            found.entity != nil
        {
            return Attribution(entity: found.entity, mention: found.span, cue: mark, sieve: .cueBefore)
        }
        return nil
    }

    /// Whether token `c` breaks a sentence into clauses that report separately: a semicolon, a
    /// dash, or a comma before "and", "but" or "while" that does not just go on to the next
    /// quote (`"…," and "…"`).
    private func isClauseBreak(_ c: Int, openToken: Int) -> Bool {
        let k = key(c)
        if k == ";" || Dashes.signature.contains(k) { return true }
        return k == "," && c + 2 < openToken && ["and", "but", "while", "whereas"].contains(key(c + 1))
    }

    /// Whether the words at `span` follow a preposition: an object, not a subject.
    private func isGoverned(_ span: Span) -> Bool {
        let t = token(at: span.start)
        return t > 0 && facts.grammar.isA(key(t - 1), .preposition)
    }

    /// The attribution a cue at token `c` makes for a quote opening at `openToken`: its subject,
    /// or the possessor of a speech noun, or the source after "according to"; for a participle
    /// after a comma ("…, adding"), the subject of the sentence.
    private func cueAttribution(at c: Int, sentence: Range<Int>, openToken: Int) -> Attribution? {
        if Self.speechNouns.contains(key(c)), c >= sentence.lowerBound + 2, key(c - 1) == "'s",
            c + 1 == openToken || key(c + 1) == "that" || key(c + 1) == ":",
            let found = speaker(at: c - 2)
        {
            return Attribution(entity: found.entity, mention: found.span, cue: word(c), sieve: .cueBefore)
        }
        guard let cue = cue(at: c), c + cue.length <= openToken else { return nil }
        if key(c) == "according" {
            return subject(after: c + cue.length, limit: openToken).map { speaker(inPhrase: $0, cue: cue.text, sieve: .cueBefore) }
        }
        // A participle right after a name is that name's ("with Ortiz telling reporters");
        // another participle ("…, adding", "tweets saying") or a second verb ("… and said")
        // reports for the subject of the sentence.
        if c > sentence.lowerBound, facts.isParticiple(c), let source = subject(before: c, floor: sentence.lowerBound),
            source.upperBound == c || (source.upperBound..<c).allSatisfy({ isModifier($0) }),
            source.contains(where: { isPerson(at: $0) }) || facts.words[source.lowerBound].capitalised && facts.timeOfToken[source.lowerBound] == nil
        {
            return speaker(inPhrase: source, cue: cue.text, sieve: .cueBefore)
        }
        if c > sentence.lowerBound, facts.isParticiple(c) || ["and", "but", "or"].contains(key(c - 1)),
            let source = firstSubject(in: sentence.lowerBound..<c)
        {
            return speaker(inPhrase: source, cue: cue.text, sieve: .cueBefore)
        }
        return subject(before: c, floor: sentence.lowerBound).map { speaker(inPhrase: $0, cue: cue.text, sieve: .cueBefore) }
    }

    /// A partial quote's speaker: the subject of the first verb of its clause before it.
    func sentenceSubject(_ quote: FoundQuote) -> Attribution? {
        guard !opensSentence(quote), let sentence = sentence(at: quote.span.start) else { return nil }
        let openToken = token(at: quote.open)
        // The clause the quote stands in: after the last ", while …", ", and …" or ";" before it.
        let clause = (sentence.lowerBound..<openToken).last { c in
            !quoted[c] && (key(c) == ";" || key(c) == "," && c + 2 < openToken && ["and", "but", "while", "whereas"].contains(key(c + 1)))
        }.map { key($0) == ";" ? $0 + 1 : $0 + 2 } ?? sentence.lowerBound
        if let source = firstSubject(in: clause..<openToken) ?? firstSubject(in: sentence.lowerBound..<openToken) {
            return speaker(inPhrase: source, cue: nil, sieve: .sentenceSubject)
        }
        let before = sentence.lowerBound..<openToken
        // No verb read as one ("admires"): the first name not governed by a preposition.
        for t in before where t == sentence.lowerBound || !facts.grammar.isA(key(t - 1), .preposition) {
            if let found = speaker(at: t), found.entity != nil {
                return Attribution(entity: found.entity, mention: found.span, cue: nil, sieve: .sentenceSubject)
            }
        }
        return nil
    }

    /// `PENCE: Well, … "…"`: the name before a colon that opens the quote's paragraph.
    func paragraphLabel(_ quote: FoundQuote) -> Attribution? {
        let paragraph = document.paragraphs[quote.paragraph].span
        var first = token(at: paragraph.start)
        if first < document.tokens.count, document.tokens[first].kind == .quote { first += 1 }
        let limit = min(document.tokens.count, first + Self.longestLabel + 1)
        guard let colon = (first..<limit).first(where: { key($0) == ":" }), colon > first,
            document.tokens[colon].span.end <= quote.open,
            (first..<colon).allSatisfy({ facts.words[$0].capitalised }), !isPlace(first..<colon)
        else { return nil }
        return speaker(inPhrase: first..<colon, cue: ":", sieve: .paragraphLabel)
    }

    /// `Saying that … "…", Ortiz noted …`.
    func participleOpener(_ quote: FoundQuote) -> Attribution? {
        guard let sentence = sentence(at: quote.span.start), let cue = cue(at: sentence.lowerBound), cue.text.lowercased().hasSuffix("ing")
        else { return nil }
        // The participle's clause ends at the first comma after the quote (which may close in
        // a later sentence than it opened in); the speaker opens the main clause.
        let after = token(at: quote.close ?? quote.span.end)
        guard let comma = (after..<max(after, sentence.upperBound)).first(where: { key($0) == "," && !quoted[$0] }),
            let source = subject(after: comma + 1, limit: sentence.upperBound)
        else { return nil }
        return speaker(inPhrase: source, cue: cue.text, sieve: .participleOpener)
    }

    /// `Ortiz continued:` ending the sentence before a quote that opens its own sentence: the
    /// subject of that sentence's last cue.
    func colonLeadIn(_ quote: FoundQuote) -> Attribution? {
        guard opensSentence(quote), let s = sentenceIndex(at: quote.open), s > 0 else { return nil }
        let before = document.sentences[s - 1].tokens
        guard let last = before.last, key(last) == ":",
            paragraphOfSentence[s - 1] == quote.paragraph || (opensParagraph(quote) && paragraphOfSentence[s - 1] == quote.paragraph - 1)
        else { return nil }
        for c in before.reversed() {
            guard let cue = cue(at: c), let source = subject(before: c, floor: before.lowerBound) else { continue }
            return speaker(inPhrase: source, cue: cue.text, sieve: .colonLeadIn)
        }
        // `Ortiz made this comment:` — the sentence's subject.
        return firstSubject(in: before.lowerBound..<last).map { speaker(inPhrase: $0, cue: ":", sieve: .colonLeadIn) }
    }

    /// A quote opening its sentence right after a sentence about a named person or body, in
    /// the same paragraph (`Ortiz called the plan a mistake. "…"`): that sentence's subject.
    func previousSubject(_ quote: FoundQuote) -> Attribution? {
        guard opensSentence(quote), let s = sentenceIndex(at: quote.open), s > 0,
            paragraphOfSentence[s - 1] == quote.paragraph || (opensParagraph(quote) && paragraphOfSentence[s - 1] == quote.paragraph - 1),
            let source = firstSubject(in: document.sentences[s - 1].tokens)
        else { return nil }
        let attribution = speaker(inPhrase: source, cue: nil, sieve: .previousSubject)
        return attribution.entity == nil ? nil : attribution
    }

    /// Reported speech without quote marks in the sentence `range`: `X said (that) …`,
    /// `…, X said.`, `…, said X.`, `According to X, …`. Each with its attribution.
    func indirectSpeech(in sentence: Range<Int>) -> (span: Span, attribution: Attribution)? {
        // A dateline is no part of what was said ("LISBON — …", "LISBON: …").
        var range = sentence
        if let mark = range.prefix(Self.longestLabel + 1).first(where: { Dashes.signature.contains(key($0)) || key($0) == ":" }),
            key(mark) == ":" ? mark > range.lowerBound && isPlace(range.lowerBound..<mark) : isDateline(range.lowerBound..<mark)
        {
            range = (mark + 1)..<range.upperBound
        }
        guard range.count >= Self.shortestReport else { return nil }
        var end = range.upperBound
        while end > range.lowerBound, document.tokens[end - 1].kind == .punctuation || document.tokens[end - 1].kind == .quote { end -= 1 }
        // "According to X, …"
        if let cue = cue(at: range.lowerBound), cue.length == 2, let comma = (range.lowerBound..<end).first(where: { key($0) == "," }),
            comma - range.lowerBound - cue.length <= Self.longestReportSource, end - comma > Self.shortestContent
        {
            let source = (range.lowerBound + cue.length)..<comma
            return (Span(document.tokens[comma + 1].span.start, document.tokens[end - 1].span.end), attribution(source, cue: cue.text, sieve: .indirectAccordingTo))
        }
        // "Pence: …" — a short name and a colon open the sentence (headlines, transcripts).
        if let colon = (range.lowerBound..<min(end, range.lowerBound + Self.longestLabel + 1)).first(where: { key($0) == ":" }),
            colon > range.lowerBound, end - colon - 1 >= Self.shortestContent,
            (range.lowerBound..<colon).allSatisfy({ facts.words[$0].capitalised }), !isPlace(range.lowerBound..<colon)
        {
            return (Span(document.tokens[colon + 1].span.start, document.tokens[end - 1].span.end), attribution(range.lowerBound..<colon, cue: ":", sieve: .indirectLabel))
        }
        // "…, X said." / "…, said X." / "…, according to X." — not "…, warned that …", whose
        // subject is before the comma.
        if let comma = (range.lowerBound..<end).last(where: { key($0) == "," }), end - comma - 1 <= Self.longestSource + 2,
            comma - range.lowerBound >= Self.shortestContent,
            let (c, cue) = ((comma + 1)..<end).lazy.compactMap({ t in self.cue(at: t).map { (t, $0) } }).first,
            c + cue.length >= end || key(c + cue.length) != "that"
        {
            let content = Span(document.tokens[range.lowerBound].span.start, document.tokens[comma - 1].span.end)
            var first = comma + 1
            while first < c, facts.words[first].kind == .quote { first += 1 }
            // The clause after the comma reports when it is a subject and its cue, or the cue
            // and its subject; else its words are all there is to go on.
            let source = c == first ? subject(after: c + cue.length, limit: end) : subject(before: c, floor: first)
            if let source, c == first || source.lowerBound == first {
                return (content, speaker(inPhrase: source, cue: cue.text, sieve: .indirectCueAfter))
            }
            let words = c == first ? (c + cue.length)..<end : first..<c
            // Grammar words alone ("…, however, have declared …") name no reporter.
            if words.contains(where: { !facts.grammar.isGrammarWord(key($0)) && facts.words[$0].alphabetic }) {
                return (content, attribution(words, cue: cue.text, sieve: .indirectReport))
            }
        }
        // "X said (that) …", "X told reporters that …": the first cue with a subject before it
        // since the last comma.
        for (c, cue) in (range.lowerBound..<end).lazy.compactMap({ t in self.cue(at: t).map { (t, $0) } }) {
            var clause = ((range.lowerBound..<c).last(where: { key($0) == "," }).map { $0 + 1 }) ?? range.lowerBound
            if c == clause || c - clause > Self.longestReportSource {
                // A subject set off by asides ("Officials at the agency, a division of …, said").
                guard let subject = subject(before: c, floor: range.lowerBound) else { continue }
                clause = subject.lowerBound
            }
            var start = c + cue.length
            guard start < end else { continue }
            // An object before "that" ("told reporters that …") is not what was said.
            if let that = (start..<min(end, start + Self.longestObject + 1)).first(where: { key($0) == "that" }) { start = that + 1 }
            if start < end, key(start) == ":" { start += 1 }
            guard end - start >= Self.shortestContent else { continue }
            // The speaker heads the subject ("Former agency official Ana Ruiz", "WASHINGTON — the
            // agency"); words before the cue that read as no subject are all there is to go on.
            let reporter = subject(before: c, floor: clause).map { speaker(inPhrase: $0, cue: cue.text, sieve: .indirectCueBefore) }
            return (Span(document.tokens[start].span.start, document.tokens[end - 1].span.end),
                    reporter ?? attribution(clause..<c, cue: cue.text, sieve: .indirectCueBefore))
        }
        return nil
    }

    /// The fewest tokens a sentence of reported speech has, and its content.
    static let shortestReport = 5
    static let shortestContent = 3
    /// The most tokens of a reported speaker's phrase ("the ministry's chief spokeswoman").
    static let longestReportSource = 8
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
}
