import BylineCore

/// Reads what a figure measures, its subject, from the words around it. In order:
///
/// 1. A figure in apposition to the one before it ("€2.1 million, roughly $2.3 million", "9
///    million rand ($480,000)") measures the same.
/// 2. A share of something ("40 percent of the region's wheat harvest" → "wheat harvest"); a
///    measure of something ("6 miles of cycle track") when its clause has no subject of its
///    own.
/// 3. Money that modifies a noun ("a $90 million bridge" → "bridge") or is spent on something
///    ("$4 million for flood barriers").
/// 4. The noun a figure belongs to ("a grant of €1.5 million"), unless it is a level ("a
///    record low of 1,204": the clause's subject is what reached it).
/// 5. A change by or to an amount, or a price ("raised the limit by 15 kilograms", "cut the
///    fare to 2.50 pounds", "sold the painting for 3 million francs") measures the verb's
///    object.
/// 6. A count measures what it counts ("2,300 rural clinics"), or its owner ("the league's
///    5,400 referees" → "league").
/// 7. Otherwise the subject of the figure's clause ("rice exports have grown 12-fold").
struct FigureSubject {
    let text: FactText
    let words: FigureWords

    /// The most words a subject read after or between other words runs to.
    static let longestPhrase = 8

    /// What `figure` measures; `previous` is the figure read before it, with what it measures.
    func subject(of figure: Figure, previous: (figure: Figure, subject: String?)?) -> String? {
        let tokens = figure.tokens
        let sentence = text.sentence(of: tokens.lowerBound)
        if let previous, isApposed(previous.figure.tokens, tokens, in: sentence) || isRangeEnd(previous.figure, figure, in: sentence) {
            return previous.subject
        }
        let clause = clauseSubject(of: tokens.lowerBound)
        let next = tokens.upperBound < sentence.upperBound ? text.words[tokens.upperBound].key : ""
        let measure = figure.rule == .count && isMeasure(figure)
        if next == "of", figure.rule == .percent || measure && (clause == nil || isPronoun(clause)),
            let phrase = phrase(from: tokens.upperBound + 1, in: sentence, relatives: true)
        {
            return phrase
        }
        if figure.rule == .money, let phrase = moneyPurpose(after: tokens.upperBound, in: sentence) { return phrase }
        if let phrase = owner(before: tokens.lowerBound, in: sentence) { return phrase }
        if let phrase = changedObject(before: tokens.lowerBound, money: figure.rule == .money, in: sentence) { return phrase }
        // An existential "there" ("There were five bidders") measures nothing.
        if figure.rule == .count || figure.rule == .roughCount, !measure, let unit = figure.unit, !isExistential(tokens.lowerBound) {
            return possessor(before: tokens.lowerBound, in: sentence) ?? unit
        }
        guard let clause else { return nil }
        if let group = countedGroup(clause, before: tokens.lowerBound, in: sentence) { return group }
        return withoutComplementizer(withReducedRelative(clause, before: tokens.lowerBound)).map(text.string)
    }

    /// Whether `figure` is an end of the range that a change figure before it spans, set off by
    /// a comma and in the same unit ("rose by 25 percent, from 2.1 percent to 2.6 percent"):
    /// after ", from", or after "to" that follows the ", from" figure.
    private func isRangeEnd(_ previous: Figure, _ figure: Figure, in sentence: Range<Int>) -> Bool {
        guard sentence.contains(previous.tokens.lowerBound), previous.tokens.upperBound <= figure.tokens.lowerBound,
            previous.rule == figure.rule, previous.unit == figure.unit, figure.unit != nil
        else { return false }
        let start = figure.tokens.lowerBound
        if isRangeStart(start, in: sentence) { return true }
        return start - 1 == previous.tokens.upperBound && text.words[start - 1].key == "to" && isRangeStart(previous.tokens.lowerBound, in: sentence)
    }

    /// Whether ", from" stands before token `start`.
    private func isRangeStart(_ start: Int, in sentence: Range<Int>) -> Bool {
        start - 2 > sentence.lowerBound && text.words[start - 1].key == "from" && text.words[start - 2].key == ","
    }

    /// A subject that counts a group ("the number of respondents who had asthma", "the share of
    /// voters aged 18 to 24 who back the plan") stands for the group and the relative clause that
    /// defines it, not for the count: "respondents who had asthma". An age after the group's
    /// noun is passed over. Nil when the subject counts nothing or no relative clause follows.
    private func countedGroup(_ clause: Range<Int>, before start: Int, in sentence: Range<Int>) -> String? {
        guard let head = clause.first(where: { words.countHeads.contains(text.words[$0].key) }), head + 2 < clause.upperBound,
            text.words[head + 1].key == "of", let group = trimmed((head + 2)..<clause.upperBound)
        else { return nil }
        var relative = clause.upperBound
        if relative < start, words.ageLeads.contains(text.words[relative].key) {
            while relative < min(start, clause.upperBound + Self.longestPhrase), !text.grammar.isA(text.words[relative].key, .relative),
                !text.isClauseEdge(relative)
            {
                relative += 1
            }
        }
        guard relative + 1 < start, text.grammar.isA(text.words[relative].key, .relative),
            let verb = (relative + 2..<start).last(where: { text.isFiniteVerbForm($0) }),
            !(relative..<verb).contains(where: text.isClauseEdge)
        else { return nil }
        return text.string(group) + " " + text.string(relative..<verb)
    }

    /// A subject with the participle phrase that follows it, when the phrase is a preposition
    /// and a noun phrase and an auxiliary or a listed verb comes right after ("claims filed by
    /// the ministry had risen threefold": "claims filed by the ministry").
    private func withReducedRelative(_ clause: Range<Int>, before start: Int) -> Range<Int> {
        let participle = clause.upperBound
        guard participle + 2 < start, isPostModifier(participle),
            let verb = (participle + 2..<min(start, participle + 2 + Self.longestPhrase)).first(where: {
                let key = text.words[$0].key
                return key != Self.possessive && (text.grammar.isA(key, .auxiliary) || text.grammar.isA(key, .verb))
            }),
            text.nounPhrase(endingBefore: verb, limit: participle + 2)?.lowerBound == participle + 2,
            // A cue in the phrase reports a clause ("people briefed on the talks said Ana has").
            !(participle + 2..<verb).contains(where: { !text.words[$0].capitalised && SpeechText.cueWords[text.words[$0].key] != nil })
        else { return clause }
        return clause.lowerBound..<verb
    }

    /// The clitic of a possessive, which the grammar words list with the auxiliaries ("it's").
    private static let possessive = "'s"

    /// A subject without the "that" that opens a reported clause ("said that exports rose",
    /// "pointed out that Ana Ruiz"): after a verb, or before a name.
    private func withoutComplementizer(_ clause: Range<Int>) -> Range<Int>? {
        let first = clause.lowerBound
        guard clause.count > 1, text.words[first].key == "that", first > 0, text.isVerb(first - 1) || text.words[first + 1].capitalised
        else { return clause }
        return trimmed((first + 1)..<clause.upperBound)
    }

    /// What the clause of token `i` is about, its subject: not an existential "there", not a
    /// time alone ("Friday brought …").
    private func clauseSubject(of i: Int) -> Range<Int>? {
        guard let subject = text.subject(of: i) else { return nil }
        if subject.count == 1, text.words[subject.lowerBound].key == "there" { return nil }
        if subject.allSatisfy({ text.timeOfToken[$0] != nil || text.grammar.isGrammarWord(text.words[$0].key) }) { return nil }
        return subject
    }

    /// Whether the clause of token `i` is existential ("There were five bidders").
    private func isExistential(_ i: Int) -> Bool {
        guard let subject = text.subject(of: i) else { return false }
        return subject.count == 1 && text.words[subject.lowerBound].key == "there"
    }

    private func isPronoun(_ range: Range<Int>?) -> Bool {
        guard let range, range.count == 1 else { return false }
        return text.grammar.isA(text.words[range.lowerBound].key, .pronoun)
    }

    /// Whether the unit of a count is a unit of measure ("metres", "cubic metres").
    private func isMeasure(_ figure: Figure) -> Bool {
        guard let unit = figure.unit, let first = unit.split(separator: " ").first else { return false }
        return words.measures.contains(first.lowercased())
    }

    /// Whether `figure` follows `previous` in apposition: only a comma, an opening bracket and
    /// words of approximation between them.
    private func isApposed(_ previous: Range<Int>, _ figure: Range<Int>, in sentence: Range<Int>) -> Bool {
        guard previous.upperBound <= figure.lowerBound, sentence.contains(previous.lowerBound), figure.lowerBound - previous.upperBound <= 3
        else { return false }
        let between = (previous.upperBound..<figure.lowerBound).map { text.words[$0].key }
        return between.first == "," || between.first == "(" ? between.dropFirst().allSatisfy(words.approximations.contains) : false
    }

    /// What money is for: the noun it modifies, past a bracketed conversion ("a 50 million rand
    /// ($2.7 million) scheme"), or the phrase after "for"/"on" ("$4 million for flood
    /// barriers").
    private func moneyPurpose(after end: Int, in sentence: Range<Int>) -> String? {
        var i = end
        if i < sentence.upperBound, text.words[i].key == "(" {
            guard let close = (i..<sentence.upperBound).first(where: { text.words[$0].key == ")" }) else { return nil }
            i = close + 1
        }
        guard i < sentence.upperBound else { return nil }
        let word = text.words[i]
        if word.key == "for" || word.key == "on" { return phrase(from: i + 1, in: sentence, relatives: false) }
        guard word.alphabetic, !word.capitalised, !text.grammar.isGrammarWord(word.key), !text.isVerb(i) else { return nil }
        var last = i + 1
        while last < sentence.upperBound, text.words[last].alphabetic, !text.words[last].capitalised,
            !text.grammar.isGrammarWord(text.words[last].key), !text.isVerb(last), last - i < Self.longestPhrase
        {
            last += 1
        }
        return text.string(i..<last)
    }

    /// The noun phrase before "of" that the figure after it belongs to ("a grant of €1.5
    /// million", "fees of up to £12"), unless its head is a level ("a new low of").
    private func owner(before start: Int, in sentence: Range<Int>) -> String? {
        var of = start - 1
        while of > sentence.lowerBound, words.approximations.contains(text.words[of].key) { of -= 1 }
        guard of > sentence.lowerBound, text.words[of].key == "of", !words.levels.contains(text.words[of - 1].key) else { return nil }
        let segment = text.segment(of: of)
        guard let phrase = text.nounPhrase(endingBefore: of, limit: segment.lowerBound) else { return nil }
        return trimmed(phrase).map(text.string)
    }

    /// The object of a change by or to an amount, or of a price ("raised the limit by about 15
    /// kilograms" → "the limit", "sold the painting to a collector for $2 million" → "the
    /// painting"): the phrase after the last verb of the clause that a determiner follows, up
    /// to a preposition other than "of". Nil when no verb takes an object ("the river rose by
    /// 2 metres").
    private func changedObject(before start: Int, money: Bool, in sentence: Range<Int>) -> String? {
        var lead = start - 1
        while lead > sentence.lowerBound, words.approximations.contains(text.words[lead].key), text.words[lead].key != "to" { lead -= 1 }
        guard lead > sentence.lowerBound else { return nil }
        let key = text.words[lead].key
        guard key == "by" || key == "to" || money && key == "for" else { return nil }
        let segment = text.segment(of: lead)
        guard
            let verb = (segment.lowerBound..<lead).last(where: {
                text.isVerb($0) && $0 + 1 < lead && text.grammar.isA(text.words[$0 + 1].key, .determiner) && !isNounModifier($0)
            })
        else { return nil }
        var end = verb + 1
        while end < lead, !(text.grammar.isA(text.words[end].key, .preposition) && text.words[end].key != "of") { end += 1 }
        guard end - verb - 1 <= Self.longestPhrase * 2 else { return nil }
        return trimmed(verb + 1..<end).map(text.string)
    }

    /// Whether token `i` is an "-ing" word right after a noun that a determiner or preposition
    /// opens, which it describes ("for vessels entering the port"), not the verb of a clause
    /// ("she favors raising the fee").
    private func isNounModifier(_ i: Int) -> Bool {
        guard text.isParticiple(i), i > 1 else { return false }
        let opener = text.words[i - 2].key
        guard text.grammar.isA(opener, .determiner) || text.grammar.isA(opener, .preposition) else { return false }
        let before = text.words[i - 1]
        return before.alphabetic && !before.capitalised && !text.grammar.isGrammarWord(before.key) && !text.isVerb(i - 1)
            && !before.key.hasSuffix(Self.adverbEnding)
    }

    /// The ending of adverbs, which may stand before a clause's verb ("is currently offering").
    private static let adverbEnding = "ly"

    /// The owner of a count ("the league's 5,400 referees" → "league").
    private func possessor(before start: Int, in sentence: Range<Int>) -> String? {
        guard start - 1 > sentence.lowerBound, text.words[start - 1].key == "'s" else { return nil }
        var first = start - 1
        while first > sentence.lowerBound, text.words[first - 1].alphabetic, !text.grammar.isGrammarWord(text.words[first - 1].key) { first -= 1 }
        return first < start - 1 ? text.string(first..<(start - 1)) : nil
    }

    /// The noun phrase from token `start`: past its determiner and an owner ("the region's"),
    /// up to a clause edge, a preposition other than "of" and "for", a figure, an auxiliary or
    /// a verb, and at most ``longestPhrase`` words. With `relatives`, a relative clause of a
    /// full verb goes with it ("the farms that feed the capital"); one of an auxiliary ends it
    /// ("a new wing that would house …").
    private func phrase(from start: Int, in sentence: Range<Int>, relatives: Bool) -> String? {
        var first = start
        while first < sentence.upperBound, text.grammar.isA(text.words[first].key, .determiner) { first += 1 }
        if let owner = (first..<min(first + 4, sentence.upperBound)).first(where: { text.words[$0].key == "'s" }),
            (first..<owner).allSatisfy({ !text.grammar.isGrammarWord(text.words[$0].key) })
        {
            first = owner + 1
        }
        var end = first
        while end < sentence.upperBound, end - first < Self.longestPhrase {
            let word = text.words[end]
            if text.isClauseEdge(end) || word.kind == .number || text.timeOfToken[end] != nil { break }
            // A participle's preposition goes with it ("permits issued under the law").
            let afterParticiple = end > first && isPostModifier(end - 1)
            if text.grammar.isA(word.key, .preposition), word.key != "of", word.key != "for", !afterParticiple { break }
            // An auxiliary opens the predicate ("… of the ballots were counted").
            if text.grammar.isA(word.key, .auxiliary), word.key != "'s", !(first..<end).contains(where: { text.grammar.isA(text.words[$0].key, .relative) }) {
                break
            }
            if text.grammar.isA(word.key, .relative) {
                guard relatives, end + 1 < sentence.upperBound, !text.grammar.isA(text.words[end + 1].key, .auxiliary) else { break }
            } else if end > first, text.isFiniteVerbForm(end), !isPostModifier(end),
                !relatives || !(first..<end).contains(where: { text.grammar.isA(text.words[$0].key, .relative) })
            {
                break
            }
            end += 1
        }
        return trimmed(first..<end).map(text.string)
    }

    /// Whether token `i` is a past participle after a noun that a preposition follows ("permits
    /// issued by", "roads built in"), not the verb of a clause ("residents backed the scheme").
    private func isPostModifier(_ i: Int) -> Bool {
        let word = text.words[i]
        guard word.key.hasSuffix("ed"), i + 1 < text.words.count, i > 0, text.words[i - 1].alphabetic,
            !text.grammar.isGrammarWord(text.words[i - 1].key)
        else { return false }
        return text.grammar.isA(text.words[i + 1].key, .preposition) && text.words[i + 1].key != "of"
    }

    /// `range` without grammar words and marks at its ends; nil when nothing is left.
    private func trimmed(_ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, text.grammar.isGrammarWord(text.words[lower].key) || !text.words[lower].alphabetic { lower += 1 }
        while upper > lower, text.grammar.isGrammarWord(text.words[upper - 1].key) || !text.words[upper - 1].alphabetic { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }
}
