import BylineCore

/// A speaker decision: the entity (an index into the document's entities), the words it rests
/// on, the cue, and the sieve that made it.
struct Attribution {
    var entity: Int?
    var mention: Span?
    var cue: String?
    var sieve: SpeakerSieve
}

/// What the sieves read: the document's words, cue phrases, who is mentioned where, which
/// tokens lie inside quotation marks, and the subjects of cue verbs.
struct QuoteContext {
    let document: Document
    let facts: FactText
    /// The entity that may speak (a person, an organisation, a place's government) mentioned
    /// at each token outside quotation marks, with the mention's span.
    private let mentionAt: [Int: (entity: Int, span: Span)]
    /// The tokens outside quotation marks that mention a person, in order: where pronouns look back.
    private let personTokens: [Int]
    /// Whether each token lies inside quotation marks: words quoted are never the speaker's name.
    let quoted: [Bool]
    /// Each token's sentence index, and each sentence's paragraph index.
    let sentenceOf: [Int]
    let paragraphOfSentence: [Int]
    private let starts: [Int]
    private let cueLengths: [UInt8]

    /// Cue phrases by their first word, longest first.
    static let cueWords: [String: [[String]]] = Dictionary(
        grouping: DataFile(PackageResources.speech_cues_txt).lines.map { $0.split(separator: " ").map(String.init) }, by: { $0[0] }
    ).mapValues { $0.sorted { $0.count > $1.count } }

    /// The classes of `speaker-words.tsv`: pronouns, subordinators, quantifiers, title words.
    private static let speakerWords: [String: Set<String>] = DataFile(PackageResources.speaker_words_tsv).rows
        .filter { $0.count == 2 }
        .reduce(into: [:]) { classes, row in classes[row[0], default: []].formUnion(row[1].split(separator: " ").map(String.init)) }

    /// Pronouns that may stand for a speaker.
    static let pronouns = speakerWords["pronoun"] ?? []

    /// Entity types that speak: people, organisations, and places standing for their governments.
    static let speakingTypes: Set<EntityType> = [.person, .organisation, .geopolitical]

    /// Words that introduce a title rather than speech: `the theme "…"`.
    static let titleWords = speakerWords["title-word"] ?? []

    /// Quantifiers that stand for people on their own as a subject ("Some chanted …").
    static let standaloneQuantifiers = speakerWords["quantifier"] ?? []

    /// Words that open a subordinate clause at the start of a sentence.
    static let subordinators = speakerWords["subordinator"] ?? []

    /// Nouns that carry words: `X's claim that …`.
    static let speechNouns: Set<String> = Set(DataFile(PackageResources.speech_nouns_txt).lines)

    init(document: Document, quotes: [FoundQuote], facts: FactText) {
        self.document = document
        self.facts = facts
        starts = document.tokens.map(\.span.start)
        var quoted = [Bool](repeating: false, count: document.tokens.count)
        for quote in quotes {
            var t = starts.firstIndex(atOrAfter: quote.span.start)
            while t < quoted.count, starts[t] < quote.span.end {
                quoted[t] = true
                t += 1
            }
        }
        self.quoted = quoted
        var mentionAt: [Int: (Int, Span)] = [:]
        var personTokens: [Int] = []
        for (e, entity) in document.entities.enumerated() where Self.speakingTypes.contains(entity.type) {
            let isPerson = entity.type == .person
            for mention in entity.mentions {
                var t = starts.firstIndex(atOrAfter: mention.span.start)
                while t < document.tokens.count, document.tokens[t].span.end <= mention.span.end {
                    // A person's name wins over an organisation's that holds it.
                    if !quoted[t], isPerson || mentionAt[t] == nil {
                        mentionAt[t] = (e, mention.span)
                        if isPerson { personTokens.append(t) }
                    }
                    t += 1
                }
            }
        }
        self.mentionAt = mentionAt
        self.personTokens = personTokens.sorted()
        var sentenceOf = [Int](repeating: -1, count: document.tokens.count)
        for (s, sentence) in document.sentences.enumerated() { for t in sentence.tokens { sentenceOf[t] = s } }
        self.sentenceOf = sentenceOf
        let paragraphStarts = document.paragraphs.map(\.span.start)
        paragraphOfSentence = document.sentences.map { max(0, paragraphStarts.firstIndex(atOrAfter: $0.span.start + 1) - 1) }
        cueLengths = Self.cueLengths(facts, quoted: quoted, sentenceStarts: Set(document.sentences.map(\.tokens.lowerBound)))
    }

    /// A token's lower-cased text.
    func key(_ t: Int) -> String { facts.words[t].key }

    func word(_ t: Int) -> String { String(document.text[document.tokens[t].span]) }

    /// The first token starting at or after the byte `offset`.
    func token(at offset: Int) -> Int { starts.firstIndex(atOrAfter: offset) }

    /// The index of the sentence holding the token starting at or after `offset`.
    func sentenceIndex(at offset: Int) -> Int? {
        let t = min(token(at: offset), document.tokens.count - 1)
        guard t >= 0, sentenceOf[t] >= 0 else { return nil }
        return sentenceOf[t]
    }

    /// The token range of the sentence holding the byte `offset`.
    func sentence(at offset: Int) -> Range<Int>? {
        sentenceIndex(at: offset).map { document.sentences[$0].tokens }
    }

    /// The cue phrase starting at token `t`, as written, with its length.
    func cue(at t: Int) -> (text: String, length: Int)? {
        let length = Int(cueLengths[t])
        guard length > 0 else { return nil }
        return (String(document.text[Span(document.tokens[t].span.start, document.tokens[t + length - 1].span.end)]), length)
    }

    /// The length in tokens of the cue phrase starting at each token (0: none), read once.
    private static func cueLengths(_ facts: FactText, quoted: [Bool], sentenceStarts: Set<Int>) -> [UInt8] {
        facts.words.indices.map { t in
            guard !quoted[t], let candidates = cueWords[facts.words[t].key] else { return 0 }
            // After a determiner the word is a noun ("the states", "his calls"), not a cue; nor
            // is a capitalised word inside a sentence ("the United States").
            if t > 0, facts.grammar.isA(facts.words[t - 1].key, .determiner), !facts.grammar.isA(facts.words[t - 1].key, .pronoun) { return 0 }
            if facts.words[t].capitalised, !sentenceStarts.contains(t) { return 0 }
            let match = candidates.first { words in
                t + words.count <= facts.words.count && words.indices.allSatisfy { facts.words[t + $0].key == words[$0] }
            }
            return UInt8(match?.count ?? 0)
        }
    }

    /// A speaker named or referred to at token `t`: a mention, or a pronoun resolved to the
    /// entity it picks up ("he", "she": a person; "it": an organisation or place), or else to
    /// the words of its sentence's subject ("Officials … said they").
    func speaker(at t: Int) -> (entity: Int?, span: Span)? {
        if let mention = mentionAt[t] { return (mention.entity, mention.span) }
        let pronoun = key(t)
        guard !quoted[t], Self.pronouns.contains(pronoun) else { return nil }
        let types: Set<EntityType>
        switch pronoun {
        case "he", "she": types = [.person]
        case "it": types = [.organisation, .geopolitical]
        case "they": types = []
        default: return (nil, document.tokens[t].span)
        }
        if let entity = antecedent(of: t, types: types) { return (entity, document.tokens[t].span) }
        // A subject no entity stands for ("Officials at the agency said they …"): its words.
        if let subject = ownSubject(before: t), pronoun != "he" && pronoun != "she" || facts.words[subject.lowerBound].capitalised {
            return (nil, phrase(subject))
        }
        return (nil, document.tokens[t].span)
    }

    /// The subject of the sentence holding token `t`, before `t` and not `t` itself.
    private func ownSubject(before t: Int) -> Range<Int>? {
        let sentence = document.sentences[sentenceOf[t]].tokens
        guard let subject = firstSubject(in: sentence.lowerBound..<t), !subject.contains(t) else { return nil }
        return subject
    }

    /// How many sentences back a pronoun looks for a person as a subject.
    static let pronounReach = 2

    /// The entity of `types` a pronoun at token `t` refers to: the one that is the subject of
    /// its sentence before it, or else named in it before it, or else the subject of one of
    /// the sentences just before (subjects are what pronouns pick up); failing those, the one
    /// named last before it.
    private func antecedent(of t: Int, types: Set<EntityType>) -> Int? {
        let fits = { (mention: (entity: Int, span: Span)) in types.contains(self.document.entities[mention.entity].type) }
        guard !types.isEmpty else { return nil }
        var s = sentenceOf[t]
        let own = document.sentences[s].tokens
        if let subject = ownSubject(before: t) {
            if let found = subject.lazy.compactMap({ self.mentionAt[$0] }).first(where: fits) { return found.entity }
            // A subject named without an entity of the type ("Secretary General Ban") is not
            // passed over for someone named elsewhere.
            if facts.words[subject.lowerBound].capitalised { return nil }
        }
        if let found = (own.lowerBound..<t).reversed().lazy.compactMap({ self.mentionAt[$0] }).first(where: fits) { return found.entity }
        s -= 1
        while s >= 0, sentenceOf[t] - s <= Self.pronounReach {
            if let subject = firstSubject(in: document.sentences[s].tokens),
                let found = subject.lazy.compactMap({ self.mentionAt[$0] }).first(where: fits)
            {
                return found.entity
            }
            s -= 1
        }
        guard types.contains(.person) else { return nil }
        let k = personTokens.firstIndex(atOrAfter: t)
        return k > 0 ? mentionAt[personTokens[k - 1]]?.entity : nil
    }

    /// The subject of the sentence part `range`, outside quotation marks: the subject of its
    /// first verb that has one, past an opening subordinate clause ("When …, Ortiz said"); with
    /// no verb read as one ("admires"), the first name not governed by a preposition.
    func firstSubject(in range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        if let comma = openingClauseEnd(in: range) { lower = comma + 1 }
        var v = lower
        while v < range.upperBound {
            defer { v += 1 }
            // A relative clause set off by commas is passed over whole (", who has …,").
            if key(v) == ",", v + 1 < range.upperBound, facts.grammar.isA(key(v + 1), .relative),
                let close = (v + 1..<range.upperBound).first(where: { key($0) == "," && !quoted[$0] })
            {
                v = close - 1
                continue
            }
            guard !quoted[v], facts.isVerb(v) || cue(at: v) != nil, !facts.isParticiple(v) else { continue }
            // A verb of a relative clause ("who lost the primary", "which is set") is not the
            // sentence's.
            var before = v
            while before > lower, isModifier(before - 1) { before -= 1 }
            if before > lower, facts.grammar.isA(key(before - 1), .relative) { continue }
            if let found = subject(before: v, floor: lower) { return found }
        }
        for t in lower..<range.upperBound where t == lower || !facts.grammar.isA(key(t - 1), .preposition) {
            if let mention = mentionAt[t] {
                var end = t + 1
                while end < range.upperBound, mentionAt[end]?.entity == mention.entity { end += 1 }
                return t..<end
            }
        }
        return nil
    }

    /// The comma that ends an opening subordinate clause, participle clause or prepositional
    /// phrase of the sentence part `range` ("When …,", "Asked about it,", "In Ohio,"), if any.
    /// An opening phrase with a verb of its own is the main clause ("At the convention his aides
    /// forced a change, …").
    func openingClauseEnd(in range: Range<Int>) -> Int? {
        var first = range.lowerBound
        while first < range.upperBound, facts.grammar.isA(key(first), .adverb) { first += 1 }
        guard first < range.upperBound, let comma = (first..<range.upperBound).first(where: { key($0) == "," }) else { return nil }
        if Self.subordinators.contains(key(first)) || facts.isVerb(first) && !facts.grammar.isA(key(first), .auxiliary) { return comma }
        guard facts.grammar.isA(key(first), .preposition) else { return nil }
        return (first..<comma).contains(where: { !quoted[$0] && isFiniteVerb($0) }) ? nil : comma
    }

    /// The speaker a noun phrase names: a person named in it other than as a possessor
    /// ("the senator's aide" is not the senator), else an organisation or place that heads it,
    /// else a pronoun, else the phrase itself ("a ministry spokeswoman").
    func speaker(inPhrase range: Range<Int>, cue: String?, sieve: SpeakerSieve) -> Attribution {
        var person: (entity: Int, span: Span)?
        var head: (entity: Int, span: Span)?
        for t in range {
            guard let mention = mentionAt[t] else { continue }
            let last = t + 1 == range.upperBound || mentionAt[t + 1]?.entity != mention.entity
            if document.entities[mention.entity].type == .person {
                let possessor = last && t + 1 < range.upperBound && (key(t + 1) == "'s" || key(t + 1) == "'")
                if !possessor { person = mention }
            } else if last, t + 1 == range.upperBound {
                head = mention
            }
        }
        if let found = person ?? head { return Attribution(entity: found.entity, mention: found.span, cue: cue, sieve: sieve) }
        if range.count == 1, let found = speaker(at: range.lowerBound) {
            return Attribution(entity: found.entity, mention: found.span, cue: cue, sieve: sieve)
        }
        return Attribution(entity: nil, mention: phrase(range), cue: cue, sieve: sieve)
    }

    /// Whether tokens `range` are one person's name and nothing else.
    private func isName(_ range: Range<Int>) -> Bool {
        guard let first = mentionAt[range.lowerBound], document.entities[first.entity].type == .person else { return false }
        return range.allSatisfy { mentionAt[$0]?.entity == first.entity }
    }

    /// Whether tokens `range` name a place and nothing else: a dateline ("LISBON:"), not a
    /// speaker's label.
    func isPlace(_ range: Range<Int>) -> Bool {
        guard let first = mentionAt[range.lowerBound] else { return false }
        return document.entities[first.entity].type == .geopolitical && range.allSatisfy { mentionAt[$0]?.entity == first.entity }
    }

    /// Whether token `t` is part of a person's name.
    func isPerson(at t: Int) -> Bool {
        mentionAt[t].map { document.entities[$0.entity].type == .person } ?? false
    }

    /// The span of tokens `range`, without a leading conjunction ("But a source").
    func phrase(_ range: Range<Int>) -> Span {
        var lower = range.lowerBound
        if lower + 1 < range.upperBound, ["but", "and", "so", "yet", "or"].contains(key(lower)) { lower += 1 }
        return Span(document.tokens[lower].span.start, document.tokens[range.upperBound - 1].span.end)
    }

    // MARK: Subjects of cue verbs

    /// The most tokens an aside between commas or brackets runs to (", a senior adviser to the
    /// campaign,"), and how many asides may stand between a subject and its verb.
    static let longestAside = 24
    static let mostAsides = 2
    /// The most tokens a speaker phrase after an inverted cue runs to ("said the head of …").
    static let longestSource = 12

    /// The subject of the cue verb at token `cue`, not reaching before `floor`: the noun phrase
    /// before it, past adverbs and auxiliaries ("has also said"), a bracketed aside ("(D-Ohio)")
    /// and appositives set off by commas (", 45,", ", a lawyer for the union,").
    func subject(before cue: Int, floor: Int) -> Range<Int>? {
        var end = cue
        var asides = 0
        while asides <= Self.mostAsides {
            skipModifiers(&end, floor: floor)
            guard end > floor else { return nil }
            if key(end - 1) == ")", let open = (max(floor, end - 1 - Self.longestAside)..<(end - 1)).last(where: { key($0) == "(" }) {
                end = open
                asides += 1
                continue
            }
            // An aside between dashes: "Ana Ruiz — a lawyer for the city — said".
            if Dashes.clause.contains(key(end - 1)),
                let open = (max(floor, end - 1 - Self.longestAside)..<(end - 1)).last(where: { Dashes.clause.contains(key($0)) }),
                open > floor
            {
                end = open
                asides += 1
                continue
            }
            // Asides in a row share their commas: ", the attorney general, one of the plaintiffs,".
            guard key(end - 1) == "," else { break }
            var comma = end - 1
            while asides <= Self.mostAsides,
                let before = (max(floor, comma - Self.longestAside)..<comma).last(where: { key($0) == "," })
            {
                let aside = (before + 1)..<comma
                // A name in apposition is the speaker: "her lawyer, Ana Ruiz, said".
                if isName(aside), before > floor, facts.nounPhrase(endingBefore: before, limit: floor) != nil { return aside }
                guard isAside(aside) else { break }
                comma = before
                asides += 1
            }
            guard comma < end - 1 else { break }
            end = comma
        }
        guard end > floor, !quoted[end - 1] else { return nil }
        // A quantifier standing for people ("Another wrote", "Yet another said").
        if Self.standaloneQuantifiers.contains(key(end - 1)),
            end - 1 == floor || !facts.words[end - 2].alphabetic || facts.grammar.isA(key(end - 2), .conjunction)
        {
            return (end - 1)..<end
        }
        guard var phrase = facts.nounPhrase(endingBefore: end, limit: floor) else { return nil }
        if let antecedent = facts.relativeAntecedent(phrase) { return antecedent }
        phrase = extended(phrase, floor: floor)
        // A title set off by a comma describes the person named before it ("Ortiz, deputy
        // minister for trade, the chair this year, said").
        if phrase.lowerBound - 1 > floor, key(phrase.lowerBound - 1) == ",", isTitleNoun(phrase.lowerBound),
            let named = facts.nounPhrase(endingBefore: phrase.lowerBound - 1, limit: floor),
            named.contains(where: { mentionAt[$0] != nil }),
            named.lowerBound == floor || !facts.grammar.isA(key(named.lowerBound - 1), .preposition)
        {
            phrase = named
        }
        return phrase
    }

    /// Whether token `t` is a lower-case word that may head a title ("deputy minister"), not a
    /// grammar word.
    private func isTitleNoun(_ t: Int) -> Bool {
        let word = facts.words[t]
        return word.alphabetic && !word.capitalised && !facts.grammar.isGrammarWord(word.key) && !facts.isVerb(t)
    }

    /// A noun phrase grown back over the prepositional phrases, participle phrases and
    /// coordinated nouns that end it ("a spokesman for the ministry", "the secretary and the
    /// minister").
    private func extended(_ phrase: Range<Int>, floor: Int) -> Range<Int> {
        var phrase = phrase
        while phrase.lowerBound - 1 > floor, phrase.count < Self.longestSource {
            var joint = phrase.lowerBound - 1
            guard !quoted[joint], facts.grammar.isA(key(joint), .preposition) || key(joint) == "of" || key(joint) == "and" else { break }
            // A participle phrase on the noun: "protesters marching through the streets".
            if joint - 1 > floor, facts.isParticiple(joint - 1), key(joint) != "and" { joint -= 1 }
            guard let before = facts.nounPhrase(endingBefore: joint, limit: floor) else { break }
            phrase = before.lowerBound..<phrase.upperBound
        }
        return phrase
    }

    /// Whether token `t` stands between a subject and its verb: an adverb ("also",
    /// "repeatedly") or an auxiliary ("has").
    /// Moves `end` back over the adverbs, auxiliaries and time phrases between a subject and
    /// its verb ("has in the past described", "on Monday said"), leaving a word before them.
    private func skipModifiers(_ end: inout Int, floor: Int) {
        while end > floor {
            if isModifier(end - 1) {
                end -= 1
                continue
            }
            guard let time = facts.timeOfToken[end - 1], !quoted[end - 1] else { return }
            var start = end - 1
            while start > floor, facts.timeOfToken[start - 1] == time { start -= 1 }
            if start > floor, facts.grammar.isA(key(start - 1), .preposition) { start -= 1 }
            guard start > floor else { return }
            end = start
        }
    }

    func isModifier(_ t: Int) -> Bool {
        let word = facts.words[t]
        guard word.alphabetic, !word.capitalised, !quoted[t] else { return false }
        return facts.grammar.isA(word.key, .adverb) || facts.grammar.isA(word.key, .auxiliary)
            || (word.key.utf8.count > Self.shortestAdverb && word.key.hasSuffix("ly"))
    }

    /// The shortest "-ly" word read as an adverb is one letter longer ("only" is listed).
    private static let shortestAdverb = 4

    /// Whether tokens `range`, set off by commas, read as an aside on the noun before them: an
    /// appositive ("a lawyer", "head of the caucus"), an age, a party tag ("R-Ohio"), or a
    /// relative clause ("who led the talks"), an adverb alone or before a participle ("however",
    /// "also campaigning in Ohio"); not a clause of its own.
    private func isAside(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.allSatisfy({ !quoted[$0] && facts.words[$0].kind != .quote }) else { return false }
        let first = range.lowerBound
        let word = facts.words[first]
        if word.kind == .number { return range.count == 1 }
        guard word.alphabetic || word.kind == .abbreviation else { return false }
        if facts.grammar.isA(word.key, .relative) { return true }
        // A lone adverb ("however"), or one opening a participle phrase ("also campaigning …").
        if facts.grammar.isA(word.key, .adverb) { return range.count == 1 || facts.isParticiple(first + 1) }
        if word.capitalised {
            // A party tag ("R-Ohio"), or a possessor opening an appositive ("the city's mayor").
            let possessive = first + 1 < range.upperBound && (key(first + 1) == "'s" || key(first + 1) == "'")
            guard range.count <= Self.longestTag && word.key.contains("-") || possessive else { return false }
        } else if !facts.grammar.isA(word.key, .determiner) && !isTitleNoun(first) {
            return false
        }
        // An appositive names a noun; a finite verb before any relative word makes it a clause.
        for t in range {
            if facts.grammar.isA(key(t), .relative) { break }
            if isFiniteVerb(t) { return false }
        }
        return true
    }

    /// The most tokens of a party tag set off by commas ("R-Ky.").
    static let longestTag = 3

    /// Whether token `t` reads as a finite verb: an auxiliary, a listed verb, or an "-ed" word
    /// with an object after it ("granted the city an extension"), not one a preposition
    /// follows ("based in", "known as") or a determiner comes before ("a retired teacher").
    private func isFiniteVerb(_ t: Int) -> Bool {
        guard facts.isVerb(t), !facts.isParticiple(t) else { return false }
        if facts.grammar.isA(key(t), .auxiliary) || facts.grammar.isA(key(t), .verb) { return true }
        // After a determiner an "-ed" word describes a noun ("a retired teacher").
        if t > 0, facts.grammar.isA(key(t - 1), .determiner) { return false }
        return t + 1 < facts.words.count && !facts.grammar.isA(key(t + 1), .preposition) && facts.words[t + 1].kind == .word
    }

    /// The speaker named after an inverted cue (`said Maria Ortiz, the mayor`): the noun phrase
    /// starting at token `start`, up to a comma, bracket or other clause edge, a preposition
    /// other than "of", or a verb. Nil when it opens with a grammar word other than a
    /// determiner or pronoun ("said in a statement"), a subordinator or a time.
    func subject(after start: Int, limit: Int) -> Range<Int>? {
        guard start < limit, !quoted[start] else { return nil }
        let first = facts.words[start]
        guard first.alphabetic || first.kind == .abbreviation || first.kind == .number, facts.timeOfToken[start] == nil,
            !Self.subordinators.contains(first.key),
            first.capitalised || facts.grammar.isA(first.key, .determiner) || Self.pronouns.contains(first.key) || !facts.grammar.isGrammarWord(first.key)
        else { return nil }
        var end = start + 1
        while end < limit, end - start < Self.longestSource {
            let word = facts.words[end]
            if word.kind == .punctuation || word.kind == .quote || quoted[end] || facts.timeOfToken[end] != nil { break }
            if word.key != "of", facts.grammar.isA(word.key, .preposition) || facts.grammar.isA(word.key, .relative) { break }
            if facts.isVerb(end) { break }
            end += 1
        }
        return start..<end
    }
}

extension QuoteContext {
    /// Whether `span` is a single pronoun token.
    func isPronoun(_ span: Span) -> Bool {
        let t = token(at: span.start)
        return t < document.tokens.count && document.tokens[t].span == span && Self.pronouns.contains(key(t))
    }
}
