import BylineCore

/// What finds a document's names: for each sentence of one document (a list of its tokens'
/// words), the names in it as token ranges within the sentence, with their types.
public protocol NameTagger: Sendable {
    func names(document sentences: [[String]]) -> [[TaggedName]]
}

/// A name a tagger found: its tokens within their sentence and its type.
public struct TaggedName: Hashable, Sendable {
    public var tokens: Range<Int>
    public var type: NameType

    public init(tokens: Range<Int>, type: NameType) {
        self.tokens = tokens
        self.type = type
    }
}

/// The types a tagger gives names (CoNLL-2003's PER, ORG, LOC and MISC).
public enum NameType: Sendable {
    case person, organisation, location, miscellaneous
}

/// A name in the text before it is grouped into an entity: its tokens and the contract's type.
struct NamedMention {
    /// Token indices into ``Document/tokens``.
    var tokens: Range<Int>
    var span: Span
    var type: EntityType
    var text: String
    /// How the mention was found (`ner` or `country-name`), then each rule that reshaped it.
    var steps: [RuleStep]
    /// The last word of the title or honorific written just before a person's name, lower-cased
    /// ("president" of "Vice President", "mrs."): which of two people sharing a surname is meant.
    var title: String? = nil
    /// Whether a family relation introduces the person ("his wife, NAME", "NAME, her son"): a
    /// relative of someone else in the story.
    var isRelative = false
    /// For a one-word person's name, whether the words around it read as an organisation's
    /// ("her NAME special", "NAME's chief executive").
    var bodyCue = false
    /// Whether the name opens its sentence alone, as an opening word does ("Downstream, …").
    var opensSentenceAlone = false
    /// For a one-word person's name, whether the words around it say it is a person's: a role
    /// or an age after its comma, a reporting verb after it or "according to" before it.
    var personCue = false
}

/// Finds the names of a document: the tagger's spans, with honorifics and clitics trimmed,
/// country names the tagger missed added, and places typed as countries and cities (GPE) or
/// other places (LOC).
struct NamedMentionFinder {
    let tagger: any NameTagger
    let vocabulary = NameVocabulary.shared

    /// Dashes and brackets that set off a clause, never inside a name.
    static let breaks = Dashes.clause.union(["(", "[", "{"])

    /// Whether a capitalised word is a conjunction, adverb, relative word or pronoun that opens a
    /// clause ("Although", "Meanwhile", "They"), not an acronym or a name ("US", "WHO", "Will").
    private func isOpeningWord(_ text: String) -> Bool {
        let key = text.lowercased()
        let words = PhraseWords.english
        guard key != "and", words.isA(key, .conjunction) || words.isA(key, .adverb) || words.isA(key, .relative) || words.isA(key, .pronoun)
        else { return false }
        // "I" too: a lone pronoun names no one ("WHO", in capitals, is an organisation).
        return text.contains(where: \.isLowercase) || text == "I"
    }

    /// Whether the word `key` is a preposition or an article ("to", "within", "the"), which
    /// opens no one's name, and no name particle ("van", "de").
    private func isFunctionWord(_ key: String) -> Bool {
        let words = PhraseWords.english
        return (words.isA(key, .preposition) || words.isA(key, .determiner)) && !vocabulary.nameParticles.contains(key)
    }

    /// Whether token `t` opens its sentence with a capitalised "-ing" word that is no listed given
    /// name ("Hosting", "Asking"; not "Sterling"): a gerund, which the tagger may run into the
    /// name after it.
    private func isOpeningGerund(_ t: Int, in document: Document) -> Bool {
        let words = document.view.words
        return (t == 0 || words[t - 1].sentence != words[t].sentence) && isCapitalisedGerund(t, in: document)
    }

    /// Whether token `t` is a capitalised "-ing" word that is no listed given name or surname
    /// ("Flying", "Evening"; not "Sterling", "Manning").
    private func isCapitalisedGerund(_ t: Int, in document: Document) -> Bool {
        let word = document.view.words[t]
        guard word.capitalised, word.key.utf8.count >= FactText.shortestIngWord, word.key.hasSuffix("ing"), word.key.allSatisfy(\.isLetter) else {
            return false
        }
        return !PersonNames.isPersonalName(document.text[document.tokens[t].span])
    }

    /// Whether a lower-cased word is a verb, pronoun or clause word, never inside a name ("is",
    /// "although", "which"); "and" and the determiners may be ("Bureau of Alcohol, Tobacco and
    /// Firearms", "The Hague").
    private func isClauseWord(_ key: String) -> Bool {
        let words = PhraseWords.english
        return key != "and" && !words.isA(key, .determiner) && !words.isA(key, .preposition)
            && (words.isA(key, .auxiliary) || words.isA(key, .verb) || words.isA(key, .pronoun) || words.isA(key, .relative)
                || words.isA(key, .conjunction) || words.isA(key, .adverb))
    }

    /// The most tokens a country name runs to ("United Kingdom of Great Britain and Northern Ireland").
    static let longestCountryName = 8

    func mentions(in document: Document) -> [NamedMention] {
        let tokens = document.tokens
        var text = document.text
        // Tokens start and end on character boundaries, so their bytes decode to their text.
        let words = text.withUTF8 { bytes in
            document.sentences.map { sentence in
                sentence.tokens.map { String(decoding: bytes[tokens[$0].span.start..<tokens[$0].span.end], as: UTF8.self) }
            }
        }
        let names = tagger.names(document: words)
        let creditLines = CreditLineCues(document.view.words, cues: vocabulary.creditsAfter)
        // Whether each token lies inside a time expression of the document.
        let timed = document.view.tokensOverlapping(document.times.map(\.span))
        var found: [NamedMention] = []
        for (sentence, sentenceNames) in zip(document.sentences, names) {
            let first = sentence.tokens.lowerBound
            let tagged = Set(sentenceNames.map { first + $0.tokens.lowerBound })
            for name in sentenceNames {
                let (range, type) = (name.tokens, name.type)
                for (part, partType) in splitAtTitle((first + range.lowerBound)..<(first + range.upperBound), conllType: type, in: document)
                    .flatMap({ splitAtGivenName($0.0, conllType: $0.1, tagged: tagged, timed: timed, in: document) })
                {
                    if let mention = mention(tokens: part, conllType: partType, creditLines: creditLines, timed: timed, in: document) { found.append(mention) }
                }
            }
        }
        found = joinedOfPhrases(found, timed: timed, in: document)
        found = joinedAcrossParticles(found, in: document)
        found = splitAtAnd(found, in: document)
        found = withBracketedExpansions(found, in: document)
        found = withLongerForms(found, in: document)
        let countries = countryNames(in: document, besides: found)
        // A country's name wins over the pieces the tagger cut it into ("Republic of" + "Moldova").
        var countryEnd = [Int?](repeating: nil, count: document.tokens.count)
        for country in countries { for t in country.tokens { countryEnd[t] = country.tokens.upperBound } }
        found.removeAll { mention in countryEnd[mention.tokens.lowerBound].map { $0 >= mention.tokens.upperBound } ?? false }
        return (found + countries).sorted { $0.span.start < $1.span.start }
    }

    /// Head nouns of organisation names that take an "of" phrase ("Ministry of …").
    static let organisationHeads = Set(DataFile(PackageResources.organisation_heads_txt).lines)

    /// Last words that make a name an organisation's ("Systems", "Corp."), with the heads above.
    static let organisationEndings = Set(DataFile(PackageResources.organisation_endings_txt).lines).union(organisationHeads)

    /// The words that join an organisation's head noun to the rest of its name ("Ministry of
    /// Health", "Committee on Ethics", "Centre for Disease Control").
    static let headConnectors: Set<String> = ["of", "on", "for"]

    /// The most capitalised words an organisation's name runs to after its head noun and
    /// connector when the tagger left them out ("Committee on Oversight and Government Reform").
    static let longestHeadPhrase = 6

    /// Whether paragraphs of `kind` are written in sentence case: a headline's capitals say
    /// nothing about where a name ends ("Committee on Ethics Clears Senator").
    private static func runsInSentenceCase(_ kind: ParagraphKind) -> Bool {
        kind != .title && kind != .heading
    }

    /// "Royal Society" + "of" + "Chemistry" → one organisation: a name that ends in an
    /// organisation's head noun, "of", "on" or "for", and the name right after ("Standing
    /// Committee on" + "Finance"); or, when the tagger left the rest untagged, the capitalised
    /// words after the connector, outside time expressions and not after an owner's name ("the
    /// Senate Committee on Ethics"; not "the Committee on Monday", nor "the city's Board of
    /// Works", which the owner's split reads). `timed` tells, for each token, whether it lies in
    /// a time expression.
    private func joinedOfPhrases(_ mentions: [NamedMention], timed: [Bool], in document: Document) -> [NamedMention] {
        let words = document.view.words
        var out: [NamedMention] = []
        var i = 0
        while i < mentions.count {
            var mention = mentions[i]
            while mention.type != .person, let head = mention.text.split(separator: " ").last, Self.organisationHeads.contains(String(head)),
                mention.tokens.upperBound + 1 < words.count, Self.headConnectors.contains(words[mention.tokens.upperBound].key),
                words[mention.tokens.upperBound].sentence == words[mention.tokens.lowerBound].sentence
            {
                let after = mention.tokens.upperBound + 1
                // Names and, outside headlines and after no owner's name, capitalised words (with
                // "and" between two of them) up to a word of another kind.
                let plainWords = Self.runsInSentenceCase(document.paragraphs[words[after].paragraph].kind)
                    && !mention.tokens.contains(where: { words[$0].key == "'s" })
                var end = after
                var j = after
                while j < min(words.count, after + Self.longestHeadPhrase), words[j].sentence == words[after].sentence {
                    if i + 1 < mentions.count, mentions[i + 1].tokens.lowerBound == j, mentions[i + 1].type != .person || j == after {
                        i += 1
                        j = mentions[i].tokens.upperBound
                        end = j
                    } else if !plainWords || timed[j] || i + 1 < mentions.count && mentions[i + 1].tokens.lowerBound <= j {
                        break
                    } else if words[j].capitalised, words[j].alphabetic, words[j].kind == .word {
                        j += 1
                        end = j
                    } else if words[j].key == "and", j + 1 < words.count, words[j + 1].capitalised {
                        j += 1
                    } else {
                        break
                    }
                }
                guard end > after else { break }
                mention.tokens = mention.tokens.lowerBound..<end
                mention.span = Span(mention.span.start, words[end - 1].span.end)
                mention.text = String(document.text[mention.span])
                mention.type = .organisation
                mention.steps.append(RuleStep(EntityRule.ofPhrase))
            }
            out.append(mention)
            i += 1
        }
        return out
    }

    /// "Karin" + "von" + "Albers-Brandt" → one person: two names of people with nothing but
    /// lower-case name particles between them ("von", "van der", "bin"), which the tagger
    /// left out of both.
    private func joinedAcrossParticles(_ mentions: [NamedMention], in document: Document) -> [NamedMention] {
        var out: [NamedMention] = []
        for mention in mentions {
            if var last = out.last, last.type == .person, mention.type == .person,
                last.tokens.upperBound < mention.tokens.lowerBound, mention.tokens.lowerBound - last.tokens.upperBound <= 3,
                (last.tokens.upperBound..<mention.tokens.lowerBound).allSatisfy({
                    vocabulary.nameParticles.contains(String(document.text[document.tokens[$0].span]))
                }),
                document.view.words[last.tokens.upperBound].sentence == document.view.words[mention.tokens.lowerBound].sentence
            {
                last.tokens = last.tokens.lowerBound..<mention.tokens.upperBound
                last.span = Span(last.span.start, mention.span.end)
                last.text = String(document.text[last.span])
                last.steps.append(RuleStep(EntityRule.nameParticles))
                out[out.count - 1] = last
            } else {
                out.append(mention)
            }
        }
        return out
    }

    /// The lower-case words an acronym's expansion may hold ("Agency for Roads and
    /// Bridges").
    static let expansionConnectors = FactText.nameConnectors.union(["and"])

    /// The most tokens an acronym's expansion runs to ("North Harbor Regional Rail and Ferry
    /// Authority" and its connectors).
    static let longestExpansion = 10

    /// An acronym written in brackets next to its expansion ("Harbor Salt and Fish Authority
    /// (HSFA)", "HSFA (Harbor Salt and Fish Authority)") makes the expansion a name too, of the
    /// acronym's type, in place of the pieces the tagger read of it (rule `acronym-in-brackets`):
    /// the two then group as one entity.
    private func withBracketedExpansions(_ mentions: [NamedMention], in document: Document) -> [NamedMention] {
        let words = document.view.words
        var added: [NamedMention] = []
        var replaced = Set<Int>()
        for mention in mentions where mention.type != .person && mention.tokens.count == 1 && NameForms.acronymInitial(mention.text) != nil {
            let t = mention.tokens.lowerBound
            // The capitalised words (and their connectors) before "(" ACRONYM, or after ACRONYM "(".
            var run: Range<Int>?
            if t >= 2, words[t - 1].key == "(", t + 1 < words.count, words[t + 1].key == ")" {
                var start = t - 1
                while start > 0, t - 1 - start < Self.longestExpansion, words[start - 1].sentence == words[t].sentence,
                    words[start - 1].capitalised || (Self.expansionConnectors.contains(words[start - 1].key) && start - 1 > 0 && words[start - 2].capitalised)
                {
                    start -= 1
                }
                run = start..<(t - 1)
            } else if t + 2 < words.count, words[t + 1].key == "(" {
                var end = t + 2
                while end < words.count, end - t < Self.longestExpansion, words[end].key != ")",
                    words[end].capitalised || Self.expansionConnectors.contains(words[end].key)
                {
                    end += 1
                }
                if end < words.count, words[end].key == ")" { run = (t + 2)..<end }
            }
            guard let run, !run.isEmpty else { continue }
            // The shortest tail of the run (the words nearest the acronym) that it abbreviates.
            guard let start = run.reversed().first(where: { start in
                words[start].capitalised && NameForms.isAcronym(mention.text, of: String(document.text[Span(words[start].span.start, words[run.upperBound - 1].span.end)]))
            }) else { continue }
            let range = start..<run.upperBound
            let span = Span(words[start].span.start, words[run.upperBound - 1].span.end)
            for (i, other) in mentions.enumerated() where other.tokens.overlaps(range) {
                guard range.lowerBound <= other.tokens.lowerBound, other.tokens.upperBound <= range.upperBound else { continue }
                replaced.insert(i)
            }
            added.append(NamedMention(tokens: range, span: span, type: mention.type, text: String(document.text[span]), steps: [RuleStep(EntityRule.acronymInBrackets)]))
        }
        guard !added.isEmpty else { return mentions }
        let kept = mentions.indices.filter { !replaced.contains($0) }.map { mentions[$0] }
        let covered = Set(added.flatMap { Array($0.tokens) })
        return (kept.filter { !$0.tokens.contains(where: covered.contains) } + added).sorted { $0.span.start < $1.span.start }
    }

    /// A name the tagger cut short of the capitalised word before it, where the document names
    /// the two words together elsewhere ("Machine" in "her label, Tallow Machine, says" where the
    /// story also names "Tallow Machine"): the longer name, of its type (rule `longer-form`).
    private func withLongerForms(_ mentions: [NamedMention], in document: Document) -> [NamedMention] {
        var types: [String: EntityType] = [:]
        for mention in mentions where mention.tokens.count > 1 {
            let key = NameForms.key(mention.text)
            if types[key] == nil { types[key] = mention.type }
        }
        guard !types.isEmpty else { return mentions }
        let words = document.view.words
        var covered = [Bool](repeating: false, count: words.count)
        for mention in mentions { for t in mention.tokens { covered[t] = true } }
        return mentions.map { mention in
            let t = mention.tokens.lowerBound - 1
            guard t >= 0, !covered[t], words[t].capitalised, document.tokens[t].kind == .word, words[t].sentence == words[t + 1].sentence,
                !vocabulary.isTitleWord(words[t].key)
            else { return mention }
            let span = Span(document.tokens[t].span.start, mention.span.end)
            let text = String(document.text[span])
            guard !isOpeningWord(String(document.text[document.tokens[t].span])), let type = types[NameForms.key(text)] else { return mention }
            var longer = NamedMention(tokens: t..<mention.tokens.upperBound, span: span, type: type, text: text, steps: mention.steps + [RuleStep(EntityRule.longerForm)])
            if type == .person, mention.type == .person {
                longer.title = mention.title
                longer.isRelative = mention.isRelative
            }
            return longer
        }
    }

    /// "Red Cross and Oxfam International" → two names, when the words before "and" are
    /// named alone elsewhere in the document: the tagger ran two names together.
    private func splitAtAnd(_ mentions: [NamedMention], in document: Document) -> [NamedMention] {
        let alone = Set(mentions.map { NameForms.key($0.text) })
        return mentions.flatMap { mention -> [NamedMention] in
            guard mention.tokens.count >= 3,
                let and = mention.tokens.dropFirst().dropLast().first(where: { document.text[document.tokens[$0].span] == "and" }),
                alone.contains(NameForms.key(document.text[Span(mention.span.start, document.tokens[and - 1].span.end)]))
            else { return [mention] }
            return [(mention.tokens.lowerBound..<and), ((and + 1)..<mention.tokens.upperBound)].map { range in
                let span = Span(document.tokens[range.lowerBound].span.start, document.tokens[range.upperBound - 1].span.end)
                return NamedMention(tokens: range, span: span, type: mention.type, text: String(document.text[span]), steps: mention.steps + [RuleStep(EntityRule.splitAtAnd)])
            }
        }
    }

    /// A name the tagger read as one organisation or place that holds an office's title
    /// ("Harbor Council Speaker Ana Ruiz", "Acme Union President"): the body before the title, and
    /// the person after it. The title itself is left to the role stage.
    private func splitAtTitle(_ range: Range<Int>, conllType: NameType, in document: Document) -> [(Range<Int>, NameType)] {
        guard conllType != .person else { return [(range, conllType)] }
        // The closures hold the parts they read, not a copy of the whole document.
        let (source, tokens, words) = (document.text, document.tokens, document.view.words)
        let word = { (i: Int) in String(source[tokens[i].span]) }
        let key = { (i: Int) in words[i].key }
        guard let title = ((range.lowerBound + 1)..<range.upperBound).first(where: { k in
            word(k).first?.isUppercase == true && vocabulary.titleHeads.contains(key(k))
                && !FactText.nameConnectors.contains(key(k - 1))
        }) else { return [(range, conllType)] }
        // The person's name ends where a dash or quotation mark ends the name the tagger read.
        let end = ((title + 1)..<range.upperBound).first { tokens[$0].kind == .quote || Self.breaks.contains(word($0)) || word($0) == "," }
            ?? range.upperBound
        let rest = (title + 1)..<end
        // The whole title goes, with the words of a longer one before it ("Press Secretary").
        var titleStart = title
        while titleStart > range.lowerBound, vocabulary.isTitleWord(key(titleStart - 1)) { titleStart -= 1 }
        // A title after "of" or "the" is part of the body's name ("Office of the Prime Minister").
        if titleStart > range.lowerBound, FactText.nameConnectors.contains(key(titleStart - 1)) { return [(range, conllType)] }
        let body = range.lowerBound..<titleStart
        if rest.isEmpty { return body.isEmpty ? [] : [(body, conllType)] }
        let isName = rest.allSatisfy { i in
            let text = word(i)
            return tokens[i].kind == .word && (text.first?.isUppercase == true || vocabulary.nameParticles.contains(text))
                && !vocabulary.isTitleWord(key(i))
        } && !Self.organisationEndings.contains(word(rest.upperBound - 1))
        guard isName else { return [(range, conllType)] }
        return (body.isEmpty ? [] : [(body, conllType)]) + [(rest, .person)]
    }

    /// A name the tagger read as a body's that ran into the given name of the person named
    /// after it ("Harbor League Ana" + "Ruiz", the surname untagged): the body, and the person.
    /// `tagged` holds the first tokens of the sentence's tagged names; `timed` tells, for each
    /// token, whether it lies in a time expression.
    private func splitAtGivenName(_ range: Range<Int>, conllType: NameType, tagged: Set<Int>, timed: [Bool], in document: Document) -> [(Range<Int>, NameType)] {
        let words = document.view.words
        let last = range.upperBound - 1
        let next = range.upperBound
        guard conllType != .person, range.count >= 3, next < words.count, words[next].capitalised, words[next].kind == .word,
            words[next].sentence == words[last].sentence, !tagged.contains(next), !timed[next],
            PersonNames.isGivenName(document.text[words[last].span]), !vocabulary.isTitleWord(words[next].key),
            !Self.organisationEndings.contains(String(document.text[words[next].span]))
        else { return [(range, conllType)] }
        return [(range.lowerBound..<last, conllType), (last..<(next + 1), .person)]
    }

    /// A mention of `tokens`, trimmed of honorifics and trailing marks, typed for the contract;
    /// `timed` tells, for each token, whether it lies in a time expression.
    private func mention(tokens range: Range<Int>, conllType: NameType, creditLines: CreditLineCues, timed: [Bool], in document: Document) -> NamedMention? {
        let tokens = document.tokens
        var lower = range.lowerBound
        var upper = range.upperBound
        let word = { (i: Int) in String(document.text[tokens[i].span]) }
        let key = { (i: Int) in document.view.words[i].key }
        // Page furniture is no name ("All Rights Reserved", "Show all 50"), though the tagger
        // read a part of it.
        if range.contains(where: { start in
            vocabulary.pageWords[key(start)]?.contains { phrase in
                start + phrase.count <= tokens.count && phrase.indices.allSatisfy { key(start + $0) == phrase[$0] }
            } == true
        }) {
            return nil
        }
        // An honorific marks a person, whatever the tagger said ("Dato' Sri …" read as ORG).
        var conllType = conllType
        if let honorific = honorific(at: lower, before: upper, in: document) {
            lower += honorific
            conllType = .person
        }
        // So does an abbreviated title before a name ("Sen. Ray Molina" read as a place), and an
        // office that never describes a body before one ("Chairman Ruiz" read as an organisation).
        if conllType != .person, upper - lower > 1, vocabulary.isTitleWord(key(lower)),
            word(lower).hasSuffix(".") || (vocabulary.titleHeads.contains(key(lower)) && !vocabulary.titleModifiers.contains(key(lower))
                && ((lower + 1)..<upper).allSatisfy({ document.view.words[$0].capitalised && document.tokens[$0].kind == .word })
                && !Self.organisationEndings.contains(word(upper - 1)) && !isFeature(document.text[Span(tokens[lower].span.start, tokens[upper - 1].span.end)].description))
        {
            conllType = .person
        }
        // A title the tagger took into a person's name ("Mayor Grace Adeyemi") is a role, read
        // by the role stage, not part of the name.
        while conllType == .person, upper - lower > 1, vocabulary.isTitleWord(key(lower)) { lower += 1 }
        // A clause word capitalised at a sentence's start is not part of a name ("Although"),
        // nor is a gerund opening it ("Hosting Ana Ruiz was …"), unless it is a given name, nor
        // a quantifier, a preposition or an article before a person's name ("Both Ruiz and Lee
        // …", "To Ana Ruiz, …", a headline's "Rally For Ana Ruiz").
        while upper - lower > 1,
            isOpeningWord(word(lower))
                || conllType == .person
                    && (isOpeningGerund(lower, in: document) || SpeakerWords.standaloneQuantifiers.contains(key(lower)) || isFunctionWord(key(lower)))
        {
            lower += 1
        }
        // A name ends before a quotation mark, a dash or a bracket, a person's before an ordinary
        // lower-case word, any name before a verb or clause word: the tagger may run a name on
        // into the words after it ("Ruiz as part of the …", "Acme Systems — had been").
        if let end = ((lower + 1)..<upper).first(where: { i in
            let text = word(i)
            if text == "'s" || text == "\u{2019}s" { return i + 1 < upper && word(i + 1).first?.isLowercase == true }
            guard text.first?.isLowercase == true else {
                return tokens[i].kind == .quote || Self.breaks.contains(text)
            }
            if conllType == .person { return !vocabulary.nameParticles.contains(text) }
            return isClauseWord(text)
        }) {
            upper = end
        }
        while upper > lower, tokens[upper - 1].kind == .punctuation || word(upper - 1) == "'s" || word(upper - 1) == "’s" { upper -= 1 }
        // Nor does a name end in a lower-case word ("Harbor Channel and other") or in the words
        // of a time expression the tagger ran on into ("the Harbor Committee Tuesday"); a year
        // may end a name ("Expo 2030").
        while upper - lower > 1,
            conllType != .person && word(upper - 1).first?.isLowercase == true || tokens[upper - 1].kind == .word && timed[upper - 1]
        {
            upper -= 1
        }
        while upper > lower, tokens[upper - 1].kind == .punctuation { upper -= 1 }
        // A body's name ends before the first word of an office it ran into ("White House
        // Press" + "Secretary": the press secretary's).
        if conllType != .person, upper - lower > 1, upper < tokens.count,
            let head = vocabulary.titleHeadLength(at: upper - 1, keys: document.view.words), head > 1
        {
            upper -= 1
        }
        // Titles alone ("Maj. Gen." read as an organisation) name no one, nor does a lone clause
        // word ("So" read as an organisation).
        guard upper > lower, !(lower..<upper).allSatisfy({ vocabulary.isTitleWord(key($0)) }),
            upper - lower > 1 || !isOpeningWord(word(lower))
        else { return nil }
        // A credit names a photographer or a contributor, not someone in the story.
        if conllType == .person, isCredit(lower..<upper, creditLines: creditLines, in: document) { return nil }
        // A person's name goes on into a hyphenated surname the tagger left out ("Ana
        // Vidal-Serra" read as "Ana").
        if conllType == .person, upper < tokens.count, isHyphenatedName(upper, in: document),
            document.view.words[upper].sentence == document.view.words[upper - 1].sentence
        {
            upper += 1
        }
        // Or into a last capitalised word the tagger left out before a comma ("Ana Lucía Vidal
        // Serra," read as "Ana Lucía Vidal").
        if conllType == .person, upper - lower > 1, upper + 1 < tokens.count, document.text[tokens[upper + 1].span] == ",",
            tokens[upper].kind == .word, document.view.words[upper].capitalised, !timed[upper],
            document.view.words[upper].sentence == document.view.words[upper - 1].sentence,
            !vocabulary.countryFirstWords.contains(NameForms.key(document.text[tokens[upper].span]))
        {
            upper += 1
        }
        // A name followed by the role of a person is a person's, whatever the tagger said
        // ("Ana Vidal, a coffee farmer", "Ana Vidal, director of the museum").
        if conllType == .organisation || conllType == .miscellaneous, (2...4).contains(upper - lower),
            !Self.organisationEndings.contains(word(upper - 1)), vocabulary.countryCode(String(document.text[Span(tokens[lower].span.start, tokens[upper - 1].span.end)])) == nil,
            hasPersonsRole(after: upper, in: document)
        {
            conllType = .person
        }
        var span = Span(tokens[lower].span.start, tokens[upper - 1].span.end)
        var text = String(document.text[span])
        // A generational suffix ends a person's name ("Carl Holt Jr.", "Carl Holt, Jr."): the
        // tagger leaves it out, and without it a son is his father. The name is written without
        // the comma.
        if conllType == .person, let suffix = suffix(after: upper, in: document) {
            text += " " + document.text[tokens[suffix].span]
            upper = suffix + 1
            span = Span(span.start, tokens[suffix].span.end)
        }
        // A name ending in a company's or institution's word is an organisation's, not a
        // person's or a miscellaneous name's ("Harbor League" read as MISC).
        if conllType == .person || conllType == .miscellaneous, upper - lower > 1, Self.organisationEndings.contains(word(upper - 1)) {
            conllType = .organisation
        }
        // What the words around a person's name say it is instead.
        var retyped: EntityRule?
        if conllType == .person, let (type, rule) = notAPerson(lower..<upper, in: document) ?? opensWithGerund(lower..<upper, in: document) {
            conllType = type
            retyped = rule
        }
        let type: EntityType
        switch conllType {
        case .person: type = .person
        case .organisation: type = vocabulary.countryCode(text) != nil ? .geopolitical : .organisation
        case .location: type = isFeature(text) || retyped == .placeNoun ? .location : .geopolitical
        case .miscellaneous: type = vocabulary.countryCode(text) != nil ? .geopolitical : .miscellaneous
        }
        var mention = NamedMention(tokens: lower..<upper, span: span, type: type, text: text, steps: [RuleStep(EntityRule.ner)])
        if let retyped { mention.steps.append(RuleStep(retyped)) }
        if type == .person {
            var first = lower
            while first > 0, vocabulary.isTitleWord(key(first - 1)) || isHonorific(word(first - 1)) { first -= 1 }
            if first < lower { mention.title = key(lower - 1) }
            mention.isRelative = isRelative(lower..<upper, in: document)
            if upper - lower == 1 {
                mention.bodyCue = hasBodyCue(at: lower, in: document)
                mention.personCue = hasPersonCue(at: lower, in: document)
            }
            mention.opensSentenceAlone = opensSentenceAlone(lower, in: document)
        }
        return mention
    }

    /// The type a name the tagger read as a person's has instead, and the rule that says so: a
    /// name ending in the word of a law, plan or prize ("Harbor Quality Act"), one holding a
    /// possessive ("Harbor Post's Fact Desk"), one before a noun for a place ("NAME hospital",
    /// "NAME river"), one after a noun for a company ("energy company NAME", unless it opens
    /// with a given name), one after a noun for a work ("the album NAME", "films such as NAME").
    private func notAPerson(_ name: Range<Int>, in document: Document) -> (NameType, EntityRule)? {
        let words = document.view.words
        let last = document.text[words[name.upperBound - 1].span]
        if vocabulary.miscEndings.contains(String(last)), name.count > 1 || !PersonNames.isGivenName(last) {
            return (.miscellaneous, .miscEnding)
        }
        if name.dropLast().contains(where: { words[$0].key == "'s" }) { return (.organisation, .possessiveInName) }
        if name.upperBound < words.count, let type = vocabulary.placeNouns.typeOfName(before: words[name.upperBound].key) {
            return (type, .placeNoun)
        }
        var before = name.lowerBound - 1
        guard before >= 0 else { return nil }
        if vocabulary.organisationNouns.contains(words[before].key), !words[before].capitalised,
            !PersonNames.isGivenName(document.text[words[name.lowerBound].span])
        {
            return (.organisation, .organisationNoun)
        }
        // "the album, NAME", "films such as NAME", "a novel called NAME".
        if words[before].kind == .punctuation || words[before].kind == .quote { before -= 1 }
        if before >= 1, ["as", "like"].contains(words[before].key) { before -= words[before - 1].key == "such" ? 2 : 1 }
        if before >= 0, ["called", "titled", "entitled", "named"].contains(words[before].key) { before -= 1 }
        if before >= 0, vocabulary.workNouns.contains(words[before].key), !words[before].capitalised { return (.miscellaneous, .workTitle) }
        return nil
    }

    /// An organisation, for a name of several words the tagger read as a person's that opens with
    /// an "-ing" word no name list holds ("Flying Kettle", "Evening Ledger"): no one's given
    /// name is one.
    private func opensWithGerund(_ name: Range<Int>, in document: Document) -> (NameType, EntityRule)? {
        name.count > 1 && isCapitalisedGerund(name.lowerBound, in: document) ? (.organisation, .gerundOpening) : nil
    }

    /// Whether the name at `name` is a credit: written with a slash to an agency
    /// ("NAME/Agency"), or after the words of a photo credit ("Photo by NAME"), or before those
    /// of a contributor's line ("NAME contributed to this report").
    private func isCredit(_ name: Range<Int>, creditLines: CreditLineCues, in document: Document) -> Bool {
        let words = document.view.words
        let slash = { (i: Int) in i >= 0 && i < words.count && words[i].key.utf8.contains(UInt8(ascii: "/")) }
        if name.contains(where: slash) || slash(name.lowerBound - 1) || slash(name.upperBound) { return true }
        if name.lowerBound > 0, let cues = vocabulary.creditsBefore[words[name.lowerBound - 1].key], cues.contains(where: { cue in
            name.lowerBound >= cue.count && cue.indices.allSatisfy { words[name.lowerBound - cue.count + $0].key == cue[$0] }
        }) {
            return true
        }
        let sentenceEnd = words[name.lowerBound].sentence.map { document.sentences[$0].tokens.upperBound } ?? words.count
        return creditLines.cueEnds(after: name.upperBound, by: sentenceEnd)
    }

    /// Whether the one-word name at token `t` reads as a body's: after an article, a possessive
    /// or a number ("her NAME special", "450 NAME"), or before the title of someone who works
    /// for it ("NAME's chief executive", "NAME founder Ana Ruiz").
    private func hasBodyCue(at t: Int, in document: Document) -> Bool {
        let words = document.view.words
        if t > 0, words[t - 1].kind == .number || PhraseWords.english.isA(words[t - 1].key, .determiner) { return true }
        var next = t + 1
        if next < words.count, words[next].key == "'s" { next += 1 }
        guard next < words.count, let head = vocabulary.titleHeadLength(at: next, keys: words) ?? vocabulary.occupationLength(at: next, keys: words) else {
            return false
        }
        // The title is the body's when "'s" joins them or a name follows it.
        let after = next + head
        return next > t + 1 || (after < words.count && words[after].capitalised && words[after].kind == .word)
            || (after + 1 < words.count && words[after].key == "and")
    }

    /// Whether the name at token `t` opens its sentence (after an opening quotation mark or
    /// opening words, if any) as a label or an opening word does: before a colon ("Also Read:
    /// …"), or before a comma or conjunction when it is no listed given name or surname
    /// ("Downstream, …").
    private func opensSentenceAlone(_ t: Int, in document: Document) -> Bool {
        let words = document.view.words
        guard let sentence = words[t].sentence else { return false }
        var first = document.sentences[sentence].tokens.lowerBound
        while first < t, words[first].kind == .quote || words[first].kind == .punctuation || isOpeningWord(String(document.text[words[first].span])) {
            first += 1
        }
        guard first == t, t + 1 < words.count else { return false }
        // A label before a colon ("Read: …") whatever the word; before a comma or a conjunction,
        // a word that is no listed name.
        if words[t + 1].key == ":" { return true }
        return [",", ";", "!", "?", "and", "or"].contains(words[t + 1].key) && !PersonNames.isPersonalName(document.text[words[t].span])
    }

    /// Whether the words around the one-word name at token `t` say it is a person's: a role or
    /// an age after its comma ("NAME, a lawyer", "NAME, 45,"), a reporting verb right after it
    /// ("NAME said", "NAME told") or "according to" right before it.
    private func hasPersonCue(at t: Int, in document: Document) -> Bool {
        let words = document.view.words
        if hasPersonsRole(after: t + 1, in: document) { return true }
        if t + 3 < words.count, words[t + 1].key == ",", words[t + 2].kind == .number, words[t + 3].key == "," { return true }
        if t + 1 < words.count, SpeechText.cueWords[words[t + 1].key]?.contains(where: { $0.count == 1 }) == true { return true }
        return t >= 2 && words[t - 2].key == "according" && words[t - 1].key == "to"
    }

    /// Whether the words after a name's comma at `end` give a person's role: an article, then
    /// up to three modifiers or lower-case words, then an office or occupation that is no noun
    /// for a company ("a coffee farmer", "director of the museum"; not "a Hamburg importer").
    private func hasPersonsRole(after end: Int, in document: Document) -> Bool {
        let words = document.view.words
        guard end < words.count, words[end].key == "," else { return false }
        var i = end + 1
        if i < words.count, ["a", "an", "the"].contains(words[i].key) { i += 1 }
        for k in i..<min(words.count, i + 4) {
            if let head = vocabulary.titleHeadLength(at: k, keys: words) ?? vocabulary.occupationLength(at: k, keys: words) {
                return head > 0 && !vocabulary.organisationNouns.contains(words[k].key) && !(k + head < words.count && words[k + head].key == "'s")
            }
            guard words[k].kind == .word, !words[k].capitalised, !PhraseWords.english.isGrammarWord(words[k].key) else { return false }
        }
        return false
    }

    /// Whether token `i` is one word of capitalised parts joined by hyphens ("Vidal-Serra").
    private func isHyphenatedName(_ i: Int, in document: Document) -> Bool {
        let word = document.text[document.tokens[i].span]
        let parts = word.split(separator: "-", omittingEmptySubsequences: false)
        return document.tokens[i].kind == .word && parts.count > 1
            && parts.allSatisfy { $0.first?.isUppercase == true && $0.dropFirst().allSatisfy(\.isLetter) }
    }

    /// The token of a name suffix that ends the name before token `end`, right after it or
    /// after a comma, in the same sentence; nil when there is none.
    private func suffix(after end: Int, in document: Document) -> Int? {
        let words = document.view.words
        let sentence = words[end - 1].sentence
        let at = end < words.count && words[end].key == "," ? end + 1 : end
        guard at < words.count, words[at].sentence == sentence,
            NameSuffixes.written.contains(String(document.text[words[at].span]))
        else { return nil }
        return at
    }

    /// Whether a family relation introduces the person named at `name`: a kinship word just
    /// before the name ("his wife, NAME", "brother NAME"), or after its comma with a possessive
    /// before it or "of" after it ("NAME, her son", "NAME, the senator's wife", "NAME, son of …").
    private func isRelative(_ name: Range<Int>, in document: Document) -> Bool {
        let words = document.view.words
        var before = name.lowerBound - 1
        if before >= 0, words[before].key == "," { before -= 1 }
        if before >= 0, !words[before].capitalised, vocabulary.kinship.contains(words[before].key) { return true }
        guard name.upperBound + 1 < words.count, words[name.upperBound].key == "," else { return false }
        var possessive = false
        for k in (name.upperBound + 1)..<min(words.count, name.upperBound + 1 + Self.longestRelationPhrase) {
            let key = words[k].key
            if vocabulary.kinship.contains(key), !words[k].capitalised {
                return possessive || (k + 1 < words.count && words[k + 1].key == "of")
            }
            if key == "'s" || ["his", "her", "their"].contains(key) {
                possessive = true
            } else if words[k].kind != .word {
                return false
            }
        }
        return false
    }

    /// The most tokens between a name's comma and the kinship word of a relation ("the late
    /// senator 's younger brother").
    static let longestRelationPhrase = 6

    /// Whether `word` is a one-word honorific ("Mrs.", "Dr.").
    private func isHonorific(_ word: String) -> Bool {
        vocabulary.oneWordHonorifics.contains(word)
    }

    /// How many tokens from `start` make an honorific ("Dato'", "Dr.", "Tan Sri"), if any.
    func honorific(at start: Int, before end: Int, in document: Document) -> Int? {
        guard vocabulary.honorificFirstWords.contains(String(document.text[document.tokens[start].span])) else { return nil }
        for words in vocabulary.honorifics where start + words.count < end {
            if words.indices.allSatisfy({ document.text[document.tokens[start + $0].span] == words[$0] }) { return words.count }
        }
        return nil
    }

    private func isFeature(_ name: String) -> Bool {
        name.splitAtSpaces().contains { vocabulary.placeNouns.features.contains($0.lowercased()) }
    }

    /// Country names (with their informal names and abbreviations: "ROK", "UK") that no mention
    /// covers but in part, each a GPE. A mention the name covers whole gives way to it; one that
    /// reaches beyond it ("Jordan Times") keeps its tokens.
    private func countryNames(in document: Document, besides found: [NamedMention]) -> [NamedMention] {
        let tokens = document.tokens
        var covered = [Bool](repeating: false, count: tokens.count)
        for mention in found where vocabulary.countryCode(mention.text) != nil || mention.tokens.count > 1 {
            for i in mention.tokens { covered[i] = true }
        }
        var added: [NamedMention] = []
        var i = 0
        while i < tokens.count {
            guard !covered[i], tokens[i].kind == .word || tokens[i].kind == .abbreviation, document.view.words[i].capitalised,
                vocabulary.countryFirstWords.contains(NameForms.key(document.text[tokens[i].span]))
            else {
                i += 1
                continue
            }
            var matched = 0
            for length in stride(from: min(Self.longestCountryName, tokens.count - i), through: 1, by: -1) {
                let range = i..<(i + length)
                guard !range.contains(where: { covered[$0] }) else { continue }
                let span = Span(tokens[i].span.start, tokens[i + length - 1].span.end)
                let text = String(document.text[span])
                // Short names only in capitals: "US", not "us".
                if vocabulary.countryCode(text) != nil, text.first?.isUppercase == true, text.count > 4 || !text.contains(where: \.isLowercase) {
                    added.append(NamedMention(tokens: range, span: span, type: .geopolitical, text: text, steps: [RuleStep(EntityRule.countryName)]))
                    matched = length
                    break
                }
            }
            i += max(matched, 1)
        }
        return added
    }
}

/// Where the words of a contributor's line ("contributed to this report") stand in one
/// document, found once so that each person's name asks in constant time whether such words
/// follow it in its sentence.
struct CreditLineCues {
    /// For each token, the earliest token end of a cue that starts at that token or after it
    /// (`Int.max` when none does).
    private let earliestEnd: [Int]

    /// The cues (lower-case words by their first word, ``NameVocabulary/creditsAfter``) among
    /// `words`.
    init(_ words: [Word], cues: WordMap<[[String]]>) {
        var earliestEnd = [Int](repeating: .max, count: words.count + 1)
        for start in words.indices.reversed() {
            earliestEnd[start] = earliestEnd[start + 1]
            guard let candidates = cues[words[start].key] else { continue }
            for cue in candidates where start + cue.count <= words.count && cue.indices.allSatisfy({ words[start + $0].key == cue[$0] }) {
                earliestEnd[start] = min(earliestEnd[start], start + cue.count)
            }
        }
        self.earliestEnd = earliestEnd
    }

    /// Whether a cue starts at token `start` or after it and ends by token `end`.
    func cueEnds(after start: Int, by end: Int) -> Bool {
        start < earliestEnd.count && earliestEnd[start] <= end
    }
}
