import BylineCore

/// What the speaker sieves read, read-only: the document's words and cues (``SpeechText``), who
/// is named where (``SpeakerMentions``), the subjects of clauses (``SubjectReader``), and what
/// each quotation is (direct or partial, speech or a title).
struct QuoteContext {
    let text: SpeechText
    let mentions: SpeakerMentions
    let subjects: SubjectReader
    var document: Document { text.document }

    init(document: Document, facts: FactText) {
        text = SpeechText(document: document, facts: facts)
        mentions = SpeakerMentions(document: document, text: text)
        subjects = SubjectReader(text: text, mentions: mentions)
    }

    /// The most tokens of a speaker's label before a colon ("Rep. Jim Clyburn:").
    static let longestLabel = 4

    // MARK: Speakers

    /// A speaker named or referred to at token `t`: a mention, or a pronoun the coreference
    /// stage resolved to an entity, or else one standing for the words of its sentence's
    /// subject ("Officials … said they").
    func speaker(at t: Int) -> (entity: Int?, span: Span)? {
        if let mention = mentions[t] { return (mention.entity, mention.span) }
        guard !text.quoted[t], let pronoun = Pronoun.english[text.key(t)] else { return nil }
        let span = document.tokens[t].span
        guard pronoun.person == .third else { return (nil, span) }
        // "It" signing a quotation after a document was named stands for the document, which
        // speaks for its issuer ("The board sent a letter. "…," it read.").
        if !pronoun.refersOnlyToPeople, pronoun.number == .singular, text.cue(at: t + 1) != nil, let issuer = documentIssuer(signingAt: t) {
            return (issuer, span)
        }
        if let entity = mentions.antecedent(ofPronoun: t) { return (entity, span) }
        // A subject no entity stands for ("Officials at the agency said they …"): its words.
        if let subject = subjects.subject(ofSentenceBefore: t), !pronoun.refersOnlyToPeople || text.facts.words[subject.lowerBound].capitalised {
            return (nil, subjects.phrase(subject))
        }
        return (nil, span)
    }

    /// The speaker a noun phrase names: a person named in it other than as a possessor
    /// ("the senator's aide" is not the senator), else an organisation or place that heads it,
    /// else a pronoun, else the phrase itself ("a ministry spokeswoman").
    func speaker(inPhrase range: Range<Int>, cue: String?, rule: SpeakerRule) -> Attribution {
        var person: (entity: Int, span: Span)?
        var head: (entity: Int, span: Span)?
        for t in range {
            guard let mention = mentions[t] else { continue }
            let last = t + 1 == range.upperBound || mentions[t + 1]?.entity != mention.entity
            if mentions.type(of: mention.entity) == .person {
                let possessor = last && t + 1 < range.upperBound && (text.key(t + 1) == "'s" || text.key(t + 1) == "'")
                if !possessor { person = mention }
            } else if last, t + 1 == range.upperBound {
                head = mention
            }
        }
        if let found = person ?? head { return Attribution(entity: found.entity, mention: found.span, cue: cue, rule: rule) }
        if range.count == 1, let found = speaker(at: range.lowerBound) {
            return Attribution(entity: found.entity, mention: found.span, cue: cue, rule: rule)
        }
        if let found = utterer(ofSpeechNoun: range) { return Attribution(entity: found.entity, mention: found.span, cue: cue, rule: rule) }
        return Attribution(entity: describedEntity(range), mention: subjects.phrase(range), cue: cue, rule: rule)
    }

    /// Who said the words a speech noun stands for, as the object of an utterance verb: the
    /// one named or referred to just before the verb (`Lee made a comment that …`, `prompted
    /// Lee to make a remark that …`). Nil for any other phrase.
    private func utterer(ofSpeechNoun range: Range<Int>) -> (entity: Int?, span: Span)? {
        guard SpeakerWords.speechNouns.contains(text.key(range.upperBound - 1)), range.lowerBound > 1,
            SpeakerWords.utteranceVerbs.contains(text.key(range.lowerBound - 1))
        else { return nil }
        let before = text.key(range.lowerBound - 2) == "to" ? range.lowerBound - 3 : range.lowerBound - 2
        guard before >= 0, let found = speaker(at: before), found.entity != nil else { return nil }
        return found
    }

    /// The most tokens a definite description runs to ("the production company").
    static let longestDescription = 4
    /// How far back, in tokens, a description looks for the one it stands for.
    static let descriptionReach = 200

    /// The entity a definite description stands for, named before it: "the company" or "the
    /// record company" the organisation named last as the head of its phrase (not "an Acme
    /// documentary"), or the last one whose name holds the noun ("the bank" for "Harbor Savings
    /// Bank", "the ministry" for "Ministry of Fisheries"); "the minister" the person named last
    /// whose role ends in that title. Nil for any other phrase, or when no one named before fits.
    func describedEntity(_ phrase: Range<Int>) -> Int? {
        // A hyphenated adverb a body's noun ran into before the verb is no part of the phrase
        // ("the company all-out rejected").
        let range = phrase.count > 2 && text.key(phrase.upperBound - 1).contains("-")
            && NameVocabulary.shared.organisationNouns.contains(text.key(phrase.upperBound - 2)) ? phrase.dropLast() : phrase
        guard (2...Self.longestDescription).contains(range.count), text.key(range.lowerBound) == "the",
            range.dropFirst().allSatisfy({ text.facts.words[$0].alphabetic && !text.facts.words[$0].capitalised && !text.quoted[$0] })
        else { return nil }
        let head = text.key(range.upperBound - 1)
        if range.count == 2, SpeakerWords.documentNouns.contains(head) { return issuer(ofDocument: head, before: range.lowerBound) }
        let entities = document.entities
        // A noun for any kind of body ("company") or the head of a body's name ("ministry"),
        // which stands only for a body whose name holds it.
        let generic = NameVocabulary.shared.organisationNouns.contains(head)
        let isBody = generic || MentionGrouper.organisationHeadKeys.contains(head)
        let titled = isBody ? [] : Set(entities.indices.filter { e in
            entities[e].type == .person && entities[e].roles.contains { $0.title.lowercased().split(separator: " ").last.map(String.init) == head }
        })
        guard isBody || !titled.isEmpty else { return nil }
        var t = range.lowerBound
        while t > max(0, range.lowerBound - Self.descriptionReach) {
            t -= 1
            guard let found = mentions[t] else { continue }
            let first = text.token(at: found.span.start)
            defer { t = min(t, first) }
            if !isBody {
                if titled.contains(found.entity) { return found.entity }
                continue
            }
            guard mentions.type(of: found.entity) == .organisation else { continue }
            let named = entities[found.entity].name.lowercased().split(separator: " ").contains { $0 == head }
            // A name that describes the noun after it ("an Acme documentary") is not the body
            // the story goes on about; one before "of" ("accused Acme of …") is no such name.
            let after = text.token(at: found.span.end)
            let attributive = after < text.facts.words.count && text.facts.words[after].alphabetic && !text.facts.words[after].capitalised
                && text.key(after) != "of" && !text.facts.grammar.isGrammarWord(text.key(after)) && !text.facts.isVerb(after) && text.cue(at: after) == nil
            if named || generic && !attributive { return found.entity }
        }
        return nil
    }

    /// Who issued the document "the statement" (or "the letter", …) stands for: the person or
    /// organisation that is the subject of the last sentence before token `t` naming such a
    /// document other than as its subject ("The agency denied it in a statement." … `"…,"
    /// the statement read.`). Nil when none is named within ``descriptionReach`` tokens.
    private func issuer(ofDocument noun: String, before t: Int) -> Int? {
        let floor = max(0, t - Self.descriptionReach)
        for named in (floor..<t).reversed() where text.key(named) == noun && !text.quoted[named] {
            guard let subject = subjects.subject(ofSentenceBefore: named) else { continue }
            return speaker(inPhrase: subject, cue: nil, rule: .cueAfter).entity
        }
        return nil
    }

    /// Who issued the document last named, outside quotation marks, in the sentence before
    /// token `t` (``issuer(ofDocument:before:)``), when the sentence of `t` holds a quotation
    /// for it to sign; nil when that sentence names no document.
    private func documentIssuer(signingAt t: Int) -> Int? {
        guard let s = text.sentenceIndex(ofToken: t), s > 0, document.sentences[s].tokens.contains(where: { text.quoted[$0] }),
            let noun = document.sentences[s - 1].tokens.last(where: { SpeakerWords.documentNouns.contains(text.key($0)) && !text.quoted[$0] })
        else { return nil }
        return issuer(ofDocument: text.key(noun), before: noun + 1)
    }

    /// The first speaker named or referred to in tokens `source`, else the words themselves.
    func speaker(amongWords source: Range<Int>, cue: String, rule: SpeakerRule) -> Attribution {
        if let found = source.lazy.compactMap({ self.speaker(at: $0) }).first {
            return Attribution(entity: found.entity, mention: found.span, cue: cue, rule: rule)
        }
        return Attribution(entity: nil, mention: subjects.phrase(source), cue: cue, rule: rule)
    }

    /// Whether `span` is a single pronoun token.
    func isPronoun(_ span: Span) -> Bool {
        let t = text.token(at: span.start)
        return t < document.tokens.count && document.tokens[t].span == span && Pronoun.english[text.key(t)] != nil
    }

    // MARK: Quotations

    func kind(of quote: FoundQuote) -> Quote.Kind {
        opensSentence(quote) ? .direct : .partial
    }

    /// Whether the quote opens its sentence, or opens a quotation with a capital after a colon
    /// or comma (`Ortiz said: "We…"`, `Ortiz said, "We…"`) or after a dateline (`LISBON — "We…"`),
    /// or carries on from the paragraph before.
    func opensSentence(_ quote: FoundQuote) -> Bool {
        guard let sentence = text.sentence(at: quote.span.start) else { return true }
        let openToken = text.token(at: quote.open)
        if quote.open <= document.tokens[sentence.lowerBound].span.start || quote.continues { return true }
        guard openToken > sentence.lowerBound else { return false }
        let mark = text.key(openToken - 1)
        let capital = document.text[quote.span].first?.isUppercase == true
        return mark == ":" || mark == "," && capital || capital && isDateline(sentence.lowerBound..<(openToken - 1)) && Dashes.signature.contains(mark)
    }

    /// Whether tokens `range` are a dateline before its dash: a place in capitals or a place the
    /// entity stage named, then commas and an agency in brackets ("WASHINGTON (AP)", "LOS
    /// ANGELES, Calif."); not a person's name set off by a dash.
    func isDateline(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.allSatisfy({ text.facts.words[$0].capitalised || ["(", ")", ","].contains(text.key($0)) }) else { return false }
        let place = range.lowerBound..<(range.first { ["(", ","].contains(text.key($0)) } ?? range.upperBound)
        return !place.isEmpty && (mentions.isPlace(place) || place.allSatisfy { !text.word($0).contains(where: \.isLowercase) })
    }

    /// Whether the quoted words are a title, a theme or a slogan rather than speech: most of
    /// their words capitalised, or two or more and all but the grammar words ("Bridges and
    /// the Towns by the River"), or a title word just before them (`the film "…"`, `her novel, "…"`).
    func isTitle(_ quote: FoundQuote) -> Bool {
        if isIntroducedAsTitle(quote) { return true }
        guard quote.close != nil, !isEpithet(openingAt: text.token(at: quote.open)) else { return false }
        let quoted = document.text[quote.span]
        let (words, capitalised) = Self.letterWords(quoted)
        let last = quoted.last
        guard words >= 2, last != ".", last != ",", last != "!", last != "?" else { return false }
        return Double(capitalised) / Double(words) >= Self.titleCapitals || capitalised >= 2 && isTitleCase(quote)
    }

    /// How many of the space-separated words of `text` start with a letter, and how many of
    /// those with a capital. Text in ASCII and the typographic punctuation of U+2010–U+2027
    /// (quotation marks, dashes, the ellipsis), the common case, is read scalar by scalar: each
    /// of its scalars is a character of its own, and only its ASCII letters are letters.
    static func letterWords(_ text: Substring) -> (words: Int, capitalised: Int) {
        let scalars = text.unicodeScalars
        guard scalars.allSatisfy({ $0.isASCII || Self.typographicPunctuation.contains($0.value) }) else {
            let words = text.split(separator: " ").filter { $0.first?.isLetter == true }
            return (words.count, words.filter { $0.first?.isUppercase == true }.count)
        }
        var words = 0
        var capitalised = 0
        var previous: Unicode.Scalar = " "
        for scalar in scalars {
            if previous == " ", scalar != " " {
                let upper = scalar >= "A" && scalar <= "Z"
                if upper || (scalar >= "a" && scalar <= "z") { words += 1 }
                if upper { capitalised += 1 }
            }
            previous = scalar
        }
        return (words, capitalised)
    }

    /// Whether the quoted words name a work or a programme: introduced as a title (`the film
    /// "…"`, `her novel, "…"`), or in title case where a programme is named (`on "…"`, `an
    /// edition of "…"`, `the network's "…"`, a broadcaster's possessive).
    func isWorkTitle(_ quote: FoundQuote) -> Bool {
        if isIntroducedAsTitle(quote) { return true }
        let t = text.token(at: quote.open)
        guard quote.close != nil, t > 0, isTitleCase(quote) else { return false }
        let before = text.key(t - 1)
        if before == "on" { return true }
        guard t > 1 else { return false }
        if before == "of" { return SpeakerWords.programmeNouns.contains(text.key(t - 2)) }
        guard before == "'s" || before == "'", let owner = mentions[t - 2] else { return false }
        return mentions.type(of: owner.entity) == .organisation
    }

    /// Whether every word of the quoted words is capitalised but the grammar words inside
    /// ("Face of the Day"), the first always; a comma or full stop before the closing mark aside.
    private func isTitleCase(_ quote: FoundQuote) -> Bool {
        var t = text.token(at: quote.span.start)
        var words = 0
        while t < document.tokens.count, document.tokens[t].span.end <= quote.span.end {
            let word = text.facts.words[t]
            defer { t += 1 }
            guard word.alphabetic else {
                if word.key == "," || word.key == "." || word.key == "'" || word.key == "-" { continue }
                return false
            }
            guard word.capitalised || words > 0 && text.facts.grammar.isGrammarWord(word.key) else { return false }
            words += 1
        }
        return words > 0
    }

    /// Dashes, quotation marks, daggers, the bullet and the ellipsis: punctuation that joins no
    /// neighbouring scalar into one character and is no letter.
    private static let typographicPunctuation: ClosedRange<UInt32> = 0x2010...0x2027

    /// Whether a title word stands just before the quoted words (`the film "…"`, `her novel,
    /// "…"`): the name of a work or a theme, never speech.
    private func isIntroducedAsTitle(_ quote: FoundQuote) -> Bool {
        let t = text.token(at: quote.open)
        let before = t > 0 && text.key(t - 1) == "," ? t - 2 : t - 1
        if before >= 0, SpeakerWords.titleWords.contains(text.key(before)) { return true }
        guard before > 0, SpeakerWords.titleNouns.contains(text.key(before)) else { return false }
        let word = text.facts.words[before - 1]
        return word.capitalised || word.key == "'s" || text.facts.grammar.isA(word.key, .determiner)
    }

    /// Whether the quoted words opening at token `t` are what someone calls a person, in title
    /// case or not: after an epithet verb (`nicknamed "…"`), after a naming verb and the person
    /// (`branded him "…"`), after the person and "as" (`hailed Lee as "…"`), or after "and"
    /// or "or" joining them to such words (`as "…" and "…"`).
    private func isEpithet(openingAt t: Int) -> Bool {
        guard t > 1 else { return t == 1 && SpeakerWords.epithetVerbs.contains(text.key(0)) }
        let before = text.key(t - 1)
        if SpeakerWords.epithetVerbs.contains(before) { return true }
        if before == "and" || before == "or" {
            guard document.tokens[t - 2].kind == .quote, t > 2, text.quoted[t - 3] else { return false }
            var open = t - 3
            while open > 0, text.quoted[open] { open -= 1 }
            return document.tokens[open].kind == .quote && isEpithet(openingAt: open)
        }
        let person = before == "as" ? t - 2 : t - 1
        guard mentions.isPerson(at: person) || SpeakerWords.objectPronouns.contains(text.key(person)) else { return false }
        if before == "as" { return true }
        let name = mentions[person].map { text.token(at: $0.span.start) } ?? person
        return name > 0 && SpeakerWords.namingVerbs.contains(text.key(name - 1))
    }

    /// The share of capitalised words from which quoted words read as a title.
    static let titleCapitals = 0.6

    /// Whether the quote opens its paragraph, or carries on from the one before.
    func opensParagraph(_ quote: FoundQuote) -> Bool {
        document.paragraphs[quote.paragraph].span.start == quote.open || quote.continues
    }

    /// Whether the sentence before sentence `s` can lead into a quote: in the quote's paragraph,
    /// or ending the paragraph before one the quote opens.
    func sentenceBeforeLeadsInto(_ quote: FoundQuote, sentence s: Int) -> Bool {
        text.paragraphOfSentence[s - 1] == quote.paragraph || (opensParagraph(quote) && text.paragraphOfSentence[s - 1] == quote.paragraph - 1)
    }
}
