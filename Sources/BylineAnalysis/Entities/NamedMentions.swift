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
}

/// Finds the names of a document: the tagger's spans, with honorifics and clitics trimmed,
/// country names the tagger missed added, and places typed as countries and cities (GPE) or
/// other places (LOC).
struct NamedMentionFinder {
    let tagger: any NameTagger
    let vocabulary = NameVocabulary.shared

    /// Words that make a place a geographic feature rather than a political unit.
    static let featureWords: Set<String> = [
        "peninsula", "river", "sea", "ocean", "mountain", "mountains", "mount", "island", "islands", "gulf", "lake",
        "valley", "bay", "strait", "desert", "coast", "region", "plateau", "basin", "canal", "cape", "forest",
    ]

    /// Whether token `t` lies inside a time expression of the document.
    private func isTime(_ t: Int, in document: Document) -> Bool {
        let span = document.tokens[t].span
        return document.times.contains { $0.span.overlaps(span) }
    }

    /// Dashes and brackets that set off a clause, never inside a name.
    static let breaks = Dashes.clause.union(["(", "[", "{"])

    /// Whether a capitalised word is a conjunction, adverb, relative word or pronoun that opens a
    /// clause ("Although", "Meanwhile", "They"), not an acronym or a name ("US", "WHO", "Will").
    private func isOpeningWord(_ text: String) -> Bool {
        let key = text.lowercased()
        let words = PhraseWords.english
        // "I" too: a lone pronoun names no one ("WHO", in capitals, is an organisation).
        return (text.contains(where: \.isLowercase) || text == "I") && key != "and"
            && (words.isA(key, .conjunction) || words.isA(key, .adverb) || words.isA(key, .relative) || words.isA(key, .pronoun))
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
        var found: [NamedMention] = []
        for (sentence, sentenceNames) in zip(document.sentences, names) {
            for name in sentenceNames {
                let (range, type) = (name.tokens, name.type)
                let first = sentence.tokens.lowerBound
                for (part, partType) in splitAtTitle((first + range.lowerBound)..<(first + range.upperBound), conllType: type, in: document) {
                    if let mention = mention(tokens: part, conllType: partType, in: document) { found.append(mention) }
                }
            }
        }
        found = joinedOfPhrases(found, in: document)
        found = splitAtAnd(found, in: document)
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

    /// "Royal Society" + "of" + "Chemistry" → one organisation: a name that
    /// ends in an organisation's head noun, "of", and the name right after.
    private func joinedOfPhrases(_ mentions: [NamedMention], in document: Document) -> [NamedMention] {
        var out: [NamedMention] = []
        var i = 0
        while i < mentions.count {
            var mention = mentions[i]
            while i + 1 < mentions.count, mention.type != .person, let head = mention.text.split(separator: " ").last,
                Self.organisationHeads.contains(String(head)), mentions[i + 1].tokens.lowerBound == mention.tokens.upperBound + 1,
                document.text[document.tokens[mention.tokens.upperBound].span] == "of"
            {
                let next = mentions[i + 1]
                mention.tokens = mention.tokens.lowerBound..<next.tokens.upperBound
                mention.span = Span(mention.span.start, next.span.end)
                mention.text = String(document.text[mention.span])
                mention.type = .organisation
                mention.steps.append(RuleStep(.ofPhrase))
                i += 1
            }
            out.append(mention)
            i += 1
        }
        return out
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
                return NamedMention(tokens: range, span: span, type: mention.type, text: String(document.text[span]), steps: mention.steps + [RuleStep(.splitAtAnd)])
            }
        }
    }

    /// A name the tagger read as one organisation or place that holds an office's title
    /// ("Harbor Council Speaker Ana Ruiz", "Acme Union President"): the body before the title, and
    /// the person after it. The title itself is left to the role stage.
    private func splitAtTitle(_ range: Range<Int>, conllType: NameType, in document: Document) -> [(Range<Int>, NameType)] {
        guard conllType != .person else { return [(range, conllType)] }
        let word = { (i: Int) in String(document.text[document.tokens[i].span]) }
        let key = { (i: Int) in document.view.words[i].key }
        guard let title = ((range.lowerBound + 1)..<range.upperBound).first(where: { k in
            word(k).first?.isUppercase == true && vocabulary.titleHeads.contains(key(k))
                && !FactText.nameConnectors.contains(key(k - 1))
        }) else { return [(range, conllType)] }
        // The person's name ends where a dash or quotation mark ends the name the tagger read.
        let end = ((title + 1)..<range.upperBound).first { document.tokens[$0].kind == .quote || Self.breaks.contains(word($0)) }
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
            return document.tokens[i].kind == .word && (text.first?.isUppercase == true || vocabulary.nameParticles.contains(text))
                && !vocabulary.isTitleWord(key(i))
        } && !Self.organisationEndings.contains(word(rest.upperBound - 1))
        guard isName else { return [(range, conllType)] }
        return (body.isEmpty ? [] : [(body, conllType)]) + [(rest, .person)]
    }

    /// A mention of `tokens`, trimmed of honorifics and trailing marks, typed for the contract.
    private func mention(tokens range: Range<Int>, conllType: NameType, in document: Document) -> NamedMention? {
        let tokens = document.tokens
        var lower = range.lowerBound
        var upper = range.upperBound
        let word = { (i: Int) in String(document.text[tokens[i].span]) }
        let key = { (i: Int) in document.view.words[i].key }
        // An honorific marks a person, whatever the tagger said ("Dato' Sri …" read as ORG).
        var conllType = conllType
        if let honorific = honorific(at: lower, before: upper, in: document) {
            lower += honorific
            conllType = .person
        }
        // So does an abbreviated title before a name ("Sen. Ray Molina" read as a place).
        if conllType != .person, upper - lower > 1, word(lower).hasSuffix("."), vocabulary.isTitleWord(key(lower)) {
            conllType = .person
        }
        // A title the tagger took into a person's name ("Mayor Grace Adeyemi") is a role, read
        // by the role stage, not part of the name.
        while conllType == .person, upper - lower > 1, vocabulary.isTitleWord(key(lower)) { lower += 1 }
        // A clause word capitalised at a sentence's start is not part of a name ("Although").
        while upper - lower > 1, isOpeningWord(word(lower)) { lower += 1 }
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
            conllType != .person && word(upper - 1).first?.isLowercase == true || tokens[upper - 1].kind == .word && isTime(upper - 1, in: document)
        {
            upper -= 1
        }
        while upper > lower, tokens[upper - 1].kind == .punctuation { upper -= 1 }
        // Titles alone ("Maj. Gen." read as an organisation) name no one, nor does a lone clause
        // word ("So" read as an organisation).
        guard upper > lower, !(lower..<upper).allSatisfy({ vocabulary.isTitleWord(key($0)) }),
            conllType == .person || upper - lower > 1 || !isOpeningWord(word(lower))
        else { return nil }
        let span = Span(tokens[lower].span.start, tokens[upper - 1].span.end)
        let text = String(document.text[span])
        // A name ending in a company's or institution's word is an organisation's, not a
        // person's or a miscellaneous name's ("Harbor League" read as MISC).
        if conllType == .person || conllType == .miscellaneous, upper - lower > 1, Self.organisationEndings.contains(word(upper - 1)) {
            conllType = .organisation
        }
        let type: EntityType
        switch conllType {
        case .person: type = .person
        case .organisation: type = vocabulary.countryCode(text) != nil ? .geopolitical : .organisation
        case .location: type = isFeature(text) ? .location : .geopolitical
        case .miscellaneous: type = vocabulary.countryCode(text) != nil ? .geopolitical : .miscellaneous
        }
        var mention = NamedMention(tokens: lower..<upper, span: span, type: type, text: text, steps: [RuleStep(.ner)])
        if type == .person {
            var first = lower
            while first > 0, vocabulary.isTitleWord(key(first - 1)) || isHonorific(word(first - 1)) { first -= 1 }
            if first < lower { mention.title = key(lower - 1) }
        }
        return mention
    }

    /// Whether `word` is a one-word honorific ("Mrs.", "Dr.").
    private func isHonorific(_ word: String) -> Bool {
        vocabulary.honorifics.contains { $0.count == 1 && $0[0] == word }
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
        name.split(separator: " ").contains { Self.featureWords.contains($0.lowercased()) }
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
                    added.append(NamedMention(tokens: range, span: span, type: .geopolitical, text: text, steps: [RuleStep(.countryName)]))
                    matched = length
                    break
                }
            }
            i += max(matched, 1)
        }
        return added
    }
}
