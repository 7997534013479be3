import BylineCore

/// Reads what a figure measures, its subject, from the words around it. In order:
///
/// 1. A figure in apposition to the one before it ("€3.4 million, about $3.9 million", "14
///    million birr ($106,000)") measures the same.
/// 2. A share of something ("30 percent of the country's coffee exports" → "coffee
///    exports"); a measure of something ("14 kilometres of approach channel") when its clause
///    has no subject of its own.
/// 3. Money that modifies a noun ("a $237 million plan" → "plan") or is spent on something
///    ("$6 million for early-warning systems").
/// 4. The noun a figure belongs to ("insurance cover of €3.4 million"), unless it is a level
///    ("a record high of 40,816": the clause's subject is what reached it).
/// 5. A change by or to an amount, or a price ("lowered the water by 30 centimetres", "cut
///    the draught to 5.8 metres", "bought the head for 1.2 million kroner") measures the
///    verb's object.
/// 6. A count measures what it counts ("410,000 smallholder plots"), or its owner ("the
///    union's 86,000 members" → "union").
/// 7. Otherwise the subject of the figure's clause ("two-way trade has increased 23-fold").
struct FigureSubject {
    let text: FactText
    let words: FigureWords

    /// The most words a subject read after or between other words runs to.
    static let longestPhrase = 8

    /// The subject of `figure`; `previous` is the figure read before it, with its subject.
    func subject(of figure: Figure, previous: (figure: Figure, subject: String?)?) -> String? {
        let tokens = figure.tokens
        let sentence = text.sentence(of: tokens.lowerBound)
        if let previous, isApposed(previous.figure.tokens, tokens, in: sentence) { return previous.subject }
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
        // An existential "there" ("There are three reasons") measures nothing.
        if figure.rule == .count, !measure, let unit = figure.unit, !isExistential(tokens.lowerBound) {
            return possessor(before: tokens.lowerBound, in: sentence) ?? unit
        }
        return clause.map(text.string)
    }

    /// The subject of the clause of token `i`: not an existential "there", not a time alone
    /// ("Monday approved …").
    private func clauseSubject(of i: Int) -> Range<Int>? {
        guard let subject = text.subject(of: i) else { return nil }
        if subject.count == 1, text.words[subject.lowerBound].key == "there" { return nil }
        if subject.allSatisfy({ text.timeOfToken[$0] != nil || text.grammar.isGrammarWord(text.words[$0].key) }) { return nil }
        return subject
    }

    /// Whether the clause of token `i` is existential ("There are three reasons").
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

    /// What money is for: the noun it modifies, past a bracketed conversion ("a 124 billion
    /// tenge ($237 million) plan"), or the phrase after "for"/"on" ("$6 million for
    /// early-warning systems").
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

    /// The noun phrase before "of" that the figure after it belongs to ("insurance cover of
    /// €3.4 million", "premiums of up to €0.35"), unless its head is a level ("a new high of").
    private func owner(before start: Int, in sentence: Range<Int>) -> String? {
        var of = start - 1
        while of > sentence.lowerBound, words.approximations.contains(text.words[of].key) { of -= 1 }
        guard of > sentence.lowerBound, text.words[of].key == "of", !words.levels.contains(text.words[of - 1].key) else { return nil }
        let segment = text.segment(of: of)
        guard let phrase = text.nounPhrase(endingBefore: of, limit: segment.lowerBound) else { return nil }
        return trimmed(phrase).map(text.string)
    }

    /// The object of a change by or to an amount, or of a price ("lowered the water by about
    /// 30 centimetres" → "the water", "bought the head from a dealer for $5 million" → "the
    /// head"): the phrase after the last verb of the clause that a determiner follows, up to a
    /// preposition other than "of". Nil when no verb takes an object ("the sea fell by 1.8
    /// metres").
    private func changedObject(before start: Int, money: Bool, in sentence: Range<Int>) -> String? {
        var lead = start - 1
        while lead > sentence.lowerBound, words.approximations.contains(text.words[lead].key), text.words[lead].key != "to" { lead -= 1 }
        guard lead > sentence.lowerBound else { return nil }
        let key = text.words[lead].key
        guard key == "by" || key == "to" || money && key == "for" else { return nil }
        let segment = text.segment(of: lead)
        guard let verb = (segment.lowerBound..<lead).last(where: { text.isVerb($0) && $0 + 1 < lead && text.grammar.isA(text.words[$0 + 1].key, .determiner) })
        else { return nil }
        var end = verb + 1
        while end < lead, !(text.grammar.isA(text.words[end].key, .preposition) && text.words[end].key != "of") { end += 1 }
        guard end - verb - 1 <= Self.longestPhrase * 2 else { return nil }
        return trimmed(verb + 1..<end).map(text.string)
    }

    /// The owner of a count ("the union's 86,000 members" → "union").
    private func possessor(before start: Int, in sentence: Range<Int>) -> String? {
        guard start - 1 > sentence.lowerBound, text.words[start - 1].key == "'s" else { return nil }
        var first = start - 1
        while first > sentence.lowerBound, text.words[first - 1].alphabetic, !text.grammar.isGrammarWord(text.words[first - 1].key) { first -= 1 }
        return first < start - 1 ? text.string(first..<(start - 1)) : nil
    }

    /// The noun phrase from token `start`: past its determiner and an owner ("the country's"),
    /// up to a clause edge, a preposition other than "of" and "for", a figure, an auxiliary or a verb, and at
    /// most ``longestPhrase`` words. With `relatives`, a relative clause of a full verb goes
    /// with it ("the plots that supply European buyers"); one of an auxiliary ends it ("a
    /// second phase that would add …").
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
            // A participle's preposition goes with it ("claims lodged under the treaty").
            let afterParticiple = end > first && isPostModifier(end - 1)
            if text.grammar.isA(word.key, .preposition), word.key != "of", word.key != "for", !afterParticiple { break }
            // An auxiliary opens the predicate ("… of the exports are sold").
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

    /// Whether token `i` is a past participle after a noun that a preposition follows ("claims
    /// filed by", "plots mapped in"), not the verb of a clause ("voters backed the plan").
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
