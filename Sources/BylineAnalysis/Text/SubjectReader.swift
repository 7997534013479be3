import BylineCore

/// Reads the subjects of clauses and of cue verbs in a document's sentences: who does or says
/// what ("Ortiz, a lawyer for the union, said", "said Ortiz, the mayor"), past asides,
/// adverbs, auxiliaries and opening subordinate clauses. Used by the coreference stage (the
/// subjects pronouns pick up) and the quote sieves.
struct SubjectReader {
    let text: SpeechText
    let mentions: SpeakerMentions
    let facts: FactText
    let quoted: [Bool]

    init(text: SpeechText, mentions: SpeakerMentions) {
        self.text = text
        self.mentions = mentions
        facts = text.facts
        quoted = text.quoted
    }

    func key(_ t: Int) -> String { text.key(t) }

    func cue(at t: Int) -> (text: String, length: Int)? { text.cue(at: t) }

    /// The subject of the sentence part `range`, outside quotation marks: the subject of its
    /// first verb that has one, past an opening subordinate clause ("When …, Ortiz said"); with
    /// no verb read as one ("admires"), the first name not governed by a preposition (with
    /// `outsidePhrases`, in no prepositional phrase at all: not "by Ostland and the U.S.").
    func firstSubject(in range: Range<Int>, outsidePhrases: Bool = false) -> Range<Int>? {
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
            if outsidePhrases, isInPrepositionalPhrase(t, floor: lower) { continue }
            if let mention = mentions[t] {
                var end = t + 1
                while end < range.upperBound, mentions[end]?.entity == mention.entity { end += 1 }
                return t..<end
            }
        }
        return nil
    }

    /// Whether the name at token `t` stands in a prepositional phrase, not reaching before
    /// `floor`: a preposition or "of" before it, past determiners and names joined by "and" or
    /// "or" ("In a Harbor Radio interview", "by Ostland and the U.S.").
    private func isInPrepositionalPhrase(_ t: Int, floor: Int) -> Bool {
        var k = t - 1
        while k >= floor {
            let word = key(k)
            if facts.grammar.isA(word, .preposition) || word == "of" { return true }
            guard facts.grammar.isA(word, .determiner) || word == "and" || word == "or" || mentions[k] != nil else { return false }
            k -= 1
        }
        return false
    }

    /// The comma that ends an opening subordinate clause, participle clause or prepositional
    /// phrase of the sentence part `range` ("When …,", "Asked about it,", "In Ohio,"), if any.
    /// An opening phrase with a verb of its own is the main clause ("At the convention his aides
    /// forced a change, …").
    func openingClauseEnd(in range: Range<Int>) -> Int? {
        var first = range.lowerBound
        while first < range.upperBound, facts.grammar.isA(key(first), .adverb) { first += 1 }
        guard first < range.upperBound, let comma = (first..<range.upperBound).first(where: { key($0) == "," }) else { return nil }
        if SpeakerWords.subordinators.contains(key(first)) || facts.isVerb(first) && !facts.grammar.isA(key(first), .auxiliary) { return comma }
        guard facts.grammar.isA(key(first), .preposition) else { return nil }
        return (first..<comma).contains(where: { !quoted[$0] && isFiniteVerb($0) }) ? nil : comma
    }

    /// The span of tokens `range`, without a leading conjunction ("But a source").
    func phrase(_ range: Range<Int>) -> Span {
        var lower = range.lowerBound
        if lower + 1 < range.upperBound, SpeakerWords.sentenceConjunctions.contains(key(lower)) { lower += 1 }
        return Span(text.document.tokens[lower].span.start, text.document.tokens[range.upperBound - 1].span.end)
    }

    /// The most tokens an aside between commas or brackets runs to (", a senior adviser to the
    /// campaign,"), and how many asides may stand between a subject and its verb.
    static let longestAside = 24
    static let mostAsides = 4
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
                // A name in apposition is the speaker: "her lawyer, Ana Ruiz, said", "the
                // company that runs the port, Harbor Lines, said" (not a body after a person's
                // name: "Ana Ruiz, Harbor Party, said").
                if before > floor, let described = facts.nounPhrase(endingBefore: before, limit: floor),
                    mentions.isName(aside) || mentions.isName(aside, of: [.organisation]) && !described.contains(where: mentions.isPerson)
                {
                    return aside
                }
                guard isAside(aside) else { break }
                comma = before
                asides += 1
            }
            guard comma < end - 1 else { break }
            end = comma
        }
        guard end > floor, !quoted[end - 1] else { return nil }
        // A quantifier standing for people ("Another wrote", "Yet another said").
        if SpeakerWords.standaloneQuantifiers.contains(key(end - 1)),
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
            named.contains(where: { mentions[$0] != nil }),
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
    /// appositive ("a lawyer", "head of the caucus", "Democrat of Ohio"), an age, a party tag
    /// ("R-Ohio"), a home town ("of Dayton", ", Ohio,"), a relative clause ("who led the
    /// talks"), a participle's phrase ("speaking to reporters"), an adverb alone or before a
    /// participle ("however", "also campaigning in Ohio"); not a clause of its own.
    private func isAside(_ range: Range<Int>) -> Bool {
        if isQuotedTitle(range) { return true }
        // A plural's possessive mark is no quotation mark ("the Growers' Union").
        guard !range.isEmpty, range.allSatisfy({ !quoted[$0] && (facts.words[$0].kind != .quote || isPossessiveMark($0)) }) else { return false }
        let first = range.lowerBound
        let word = facts.words[first]
        if word.kind == .number { return range.count == 1 }
        guard word.alphabetic || word.kind == .abbreviation else { return false }
        if facts.grammar.isA(word.key, .relative) { return true }
        // Where someone is from ("of Springfield", "from Ohio"), or the state after a city
        // ("Springfield, Ohio, said").
        if mentions.isPlace(range) || range.count > 1 && facts.grammar.isA(word.key, .preposition) && mentions.isPlace((first + 1)..<range.upperBound) {
            return true
        }
        // A lone adverb ("however"), or one opening a participle phrase ("also campaigning …").
        if facts.grammar.isA(word.key, .adverb) { return range.count == 1 || facts.isParticiple(first + 1) }
        if word.capitalised {
            // A party tag ("R-Ohio"), a possessor opening an appositive ("the city's mayor"), or
            // a capitalised title of a place or body ("Democrat of Ohio", "Chief Executive of
            // the bank").
            let possessive = first + 1 < range.upperBound && (key(first + 1) == "'s" || key(first + 1) == "'")
            guard range.count <= Self.longestTag && word.key.contains("-") || possessive || isCapitalisedTitle(range) else { return false }
        } else if !facts.grammar.isA(word.key, .determiner) && !isTitleNoun(first) && !facts.isParticiple(first) {
            // Not an appositive, nor a participle's phrase ("speaking to reporters").
            return false
        }
        // An appositive names a noun; a finite verb before any relative word makes it a clause.
        for t in range {
            if facts.grammar.isA(key(t), .relative) { break }
            if isFiniteVerb(t) { return false }
        }
        return true
    }

    /// Whether token `t` is an apostrophe right after a word that ends in "s" (`Growers'`).
    private func isPossessiveMark(_ t: Int) -> Bool {
        t > 0 && key(t) == "'" && key(t - 1).hasSuffix("s") && text.document.tokens[t - 1].span.end == text.document.tokens[t].span.start
    }

    /// Whether tokens `range` are one quotation in title case, the name of a work set off by
    /// commas ("the report, "Rivers at Risk", said"): an aside, never the subject.
    private func isQuotedTitle(_ range: Range<Int>) -> Bool {
        guard range.count > 2, facts.words[range.lowerBound].kind == .quote, facts.words[range.upperBound - 1].kind == .quote else { return false }
        let inside = (range.lowerBound + 1)..<(range.upperBound - 1)
        return facts.words[inside.lowerBound].capitalised
            && inside.allSatisfy { quoted[$0] && (facts.words[$0].capitalised || facts.grammar.isGrammarWord(key($0))) }
    }

    /// The most tokens of a party tag set off by commas ("R-Ky.").
    static let longestTag = 3

    /// Whether tokens `range` open with a few capitalised words and "of" or "for" after them:
    /// a title written with capitals ("Democrat of Ohio", "Chief Executive of the bank").
    private func isCapitalisedTitle(_ range: Range<Int>) -> Bool {
        guard let joint = range.first(where: { !facts.words[$0].capitalised }), joint > range.lowerBound,
            joint - range.lowerBound <= Self.longestCapitalisedTitle, joint + 1 < range.upperBound
        else { return false }
        return key(joint) == "of" || key(joint) == "for"
    }

    /// The most capitalised words of a title before its "of" ("Chief Executive Officer").
    static let longestCapitalisedTitle = 3

    /// Whether token `t` reads as a finite verb: an auxiliary, a listed verb, or an "-ed" word
    /// with an object after it ("granted the city an extension"), not one a preposition
    /// follows ("based in", "known as") or a determiner comes before ("a retired teacher").
    func isFiniteVerb(_ t: Int) -> Bool {
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
            !SpeakerWords.subordinators.contains(first.key),
            first.capitalised || facts.grammar.isA(first.key, .determiner) || Pronoun.english[first.key] != nil || !facts.grammar.isGrammarWord(first.key)
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

extension SubjectReader {
    /// The subject of the sentence holding token `t`, before `t` and not `t` itself (within
    /// ``SpeechText/reach`` of it); `outsidePhrases` as for ``firstSubject(in:outsidePhrases:)``.
    func subject(ofSentenceBefore t: Int, outsidePhrases: Bool = false) -> Range<Int>? {
        guard let s = text.sentenceIndex(ofToken: t) else { return nil }
        let sentence = text.reach(of: text.document.sentences[s].tokens, around: t)
        guard let subject = firstSubject(in: sentence.lowerBound..<t, outsidePhrases: outsidePhrases), !subject.contains(t) else { return nil }
        return subject
    }
}
