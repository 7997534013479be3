import BylineCore

/// Finds the figures of a document: money ("$4.2 billion" → 4 200 000 000 USD), percentages,
/// counts with their unit noun ("40 ministerial meetings"), multipliers ("23-fold",
/// "doubled"), ranks ("third-largest export market", "the fourth witness"), ordinals of
/// anniversaries, rough counts ("dozens of volunteers"), proportions ("eight out of ten
/// voters"), hyphenated counts ("a two-goal lead"), ages ("aged 61", "a 73-year-old", "Ana
/// Ruiz, 45,") and lengths of time that measure something ("a 21-day voyage"). Each gets what
/// it measures (``FigureSubject``: "bilateral investment has grown 12-fold" → "bilateral
/// investment") and, inside a quote, the quote's speaker, else the person its sentence reports
/// it from (``FigureSpeaker``). Other numbers the time stage took (years, dates) and numbers
/// inside names are left alone.
public struct QuantityStage: Stage {
    public let name = "quantities"
    /// Entities, because a number inside a name is no figure; quotes, for the speaker.
    public let requires: Set<Layer> = [.text, .tokens, .sentences, .times, .entities, .quotes]
    public let provides: Set<Layer> = [.quantities]
    let figures = FigureWords.english

    public init() {}

    public func run(on document: inout Document) {
        let text = FactText(document)
        let named = document.view.tokensOverlapping(document.entities.flatMap { $0.mentions.map(\.span) })
        let people = document.view.tokensOverlapping(document.entities.filter { $0.type == .person }.flatMap { $0.mentions.map(\.span) })
        let reader = FigureReader(text: text, words: figures)
        var speakers = QuoteSpeakers(document.quotes)
        let reported = FigureSpeaker(text: text, view: document.view, entities: document.entities)
        var quantities: [Quantity] = []
        let subjects = FigureSubject(text: text, words: figures)
        var previous: (figure: Figure, subject: String?)?
        var i = 0
        while i < text.words.count {
            guard !named[i], var figure = text.timeOfToken[i] == nil ? reader.figure(at: i) : reader.age(at: i) ?? reader.duration(at: i) else {
                i += 1
                continue
            }
            if Self.isApposedAge(figure, after: people, in: text) {
                figure.unit = FigureReader.ageUnit
                figure.rule = .age
            }
            let subject = subjects.subject(of: figure, previous: previous)
            // A length of time is no figure a later one may share its subject with.
            if figure.rule != .duration { previous = (figure, subject) }
            let span = text.span(figure.tokens)
            quantities.append(
                Quantity(
                    span: span, value: figure.value, unit: figure.unit, subject: subject,
                    speaker: speakers.speaker(of: span) ?? (figure.rule == .age ? nil : reported.speaker(of: figure.tokens)),
                    time: Self.time(of: figure.tokens, in: text, baselineWords: figures.baselineWords), provenance: Provenance(stage: name, rule: figure.rule)))
            i = figure.tokens.upperBound
        }
        document.quantities = quantities
    }

    /// The date a figure refers to: the first dated time expression after it in its clause
    /// ("rose 12% last year"), else the nearest before it there, else one opening its sentence
    /// ("In March, unemployment fell to 3.9%"). A baseline is not it ("up 8% from a year
    /// earlier", "doubled since 2019").
    static func time(of figure: Range<Int>, in text: FactText, baselineWords: WordSet) -> String? {
        let clause = text.segment(of: figure.lowerBound)
        let date = { (t: Int) -> String? in
            guard let time = text.timeOfToken[t] else { return nil }
            var first = t
            while first > 0, text.timeOfToken[first - 1] == time { first -= 1 }
            if first > 0, baselineWords.contains(text.words[first - 1].key) { return nil }
            return text.dateValue(of: time)
        }
        if let found = (figure.upperBound..<max(figure.upperBound, clause.upperBound)).lazy.compactMap(date).first { return found }
        if let found = (clause.lowerBound..<figure.lowerBound).reversed().lazy.compactMap(date).first { return found }
        let sentence = text.sentence(of: figure.lowerBound)
        guard sentence.lowerBound < clause.lowerBound else { return nil }
        let opening = text.segment(of: sentence.lowerBound)
        guard opening.count <= Self.longestOpening else { return nil }
        return opening.lazy.compactMap(date).first
    }

    /// The most tokens of a time adverbial opening a sentence ("In early March,").
    static let longestOpening = 5

    /// Whether a bare whole number stands between commas right after a person's name, as
    /// news gives an age ("Ana Ruiz, 45, a nurse").
    static func isApposedAge(_ figure: Figure, after people: [Bool], in text: FactText) -> Bool {
        let i = figure.tokens.lowerBound
        guard figure.rule == .number, figure.tokens.count == 1, figure.value == figure.value.rounded(), FigureReader.ages.contains(figure.value),
            i >= 2, text.words[i - 1].key == ",", people[i - 2], figure.tokens.upperBound < text.words.count
        else { return false }
        return Self.ageClosers.contains(text.words[figure.tokens.upperBound].key)
    }

    /// The marks that may close an apposed age.
    private static let ageClosers: Set<String> = [",", ")", ".", ";"]

}

/// The speakers of the quotes around figures, found in one pass: the figures are asked for in
/// text order, and only the quotes open at a figure are looked at.
struct QuoteSpeakers {
    /// The quotes by start.
    private let quotes: [Quote]
    /// The next quote not yet opened.
    private var next = 0
    /// The quotes opened before the last figure that had not ended before it, in order.
    private var open: [Quote] = []

    init(_ quotes: [Quote]) {
        self.quotes = quotes.enumerated().sorted { ($0.element.span.start, $0.offset) < ($1.element.span.start, $1.offset) }.map(\.element)
    }

    /// The speaker of the narrowest quote holding `span` (the first of equal ones); spans must
    /// be asked for in order of their starts.
    mutating func speaker(of span: Span) -> String? {
        while next < quotes.count, quotes[next].span.start <= span.start {
            open.append(quotes[next])
            next += 1
        }
        open.removeAll { $0.span.end <= span.start }
        return open.filter { $0.span.contains(span) }.min { $0.span.length < $1.span.length }?.speaker
    }
}

/// A figure as read from the tokens: its tokens, value, unit and the rule that read it.
struct Figure {
    var tokens: Range<Int>
    var value: Double
    var unit: String?
    var rule: QuantityRule
    /// Whether a scale word was applied to the number ("1.5 million", "a dozen").
    var scaled = false
}

/// Reads the figure that starts at a token.
struct FigureReader {
    let text: FactText
    let words: FigureWords

    /// The most words a counted unit runs to ("prime ministerial engagements").
    static let longestUnit = 4

    /// The figure starting at token `i`, or nil.
    func figure(at i: Int) -> Figure? {
        let key = text.words[i].key
        guard words.mayOpenFigure(key) else { return nil }
        let limit = text.sentence(of: i).upperBound
        if let value = words.multiplier(key) {
            return Figure(tokens: i..<(i + 1), value: value, unit: "fold", rule: .multiplier)
        }
        if let figure = age(at: i) { return figure }
        if let value = words.ordinal(key) ?? ordinalOfCompound(key) {
            return ordinalFigure(value, at: i, limit: limit)
        }
        if let figure = roughCount(at: i, limit: limit) { return figure }
        if let figure = hyphenatedCount(at: i) ?? proportion(at: i, limit: limit) { return figure }
        var start = i
        var currency: String?
        if let prefix = words.currency(at: i, in: text.words, limit: limit) {
            currency = prefix.code
            start = i + prefix.length
        }
        guard var figure = number(at: start, limit: limit) else { return nil }
        figure.tokens = i..<figure.tokens.upperBound
        let end = figure.tokens.upperBound
        if let glued = figure.unit {
            currency = currency ?? glued
        }
        if let currency {
            figure.unit = currency
            figure.rule = .money
        } else if let suffix = words.currency(at: end, in: text.words, limit: limit) {
            figure.tokens = i..<(end + suffix.length)
            figure.unit = suffix.code
            figure.rule = .money
        } else if let percent = words.percent(at: end, in: text.words, limit: limit) {
            figure.tokens = i..<(end + percent.length)
            figure.unit = percent.code
            figure.rule = .percent
        } else if let unit = countedUnit(after: end, limit: limit, plural: figure.value != 1) {
            figure.tokens = i..<unit.upperBound
            figure.unit = text.string(unit)
            figure.rule = .count
        } else if text.words[figure.tokens.lowerBound].kind != .number, !figure.scaled {
            // A number word alone ("the two") is no figure.
            return nil
        }
        return figure
    }

    /// A number at `i` with the scale words after it ("1.5 million", "a dozen"); `unit`
    /// holds a currency glued to the digits.
    private func number(at i: Int, limit: Int) -> Figure? {
        guard i < limit, text.timeOfToken[i] == nil else { return nil }
        let key = text.words[i].key
        var value: Double
        var glued: String?
        var scaled = false
        if let digits = words.digits(key) {
            value = digits.value
            glued = digits.currency
            if let scale = words.scales[digits.suffix] {
                value *= scale
                scaled = true
            } else if let unit = words.percentSuffix(digits.suffix) {
                return Figure(tokens: i..<(i + 1), value: value, unit: unit, rule: .percent)
            } else if !digits.suffix.isEmpty {
                return nil
            }
        } else if let cardinal = words.cardinal(key) {
            value = cardinal
        } else if FigureWords.articles.contains(key), i + 1 < limit, words.scales[text.words[i + 1].key] != nil {
            value = 1
        } else {
            return nil
        }
        var end = i + 1
        while end < limit, let scale = words.scales[text.words[end].key], !text.words[end].capitalised {
            value *= scale
            scaled = true
            end += 1
        }
        return Figure(tokens: i..<end, value: value, unit: glued, rule: scaled ? .scaled : .number, scaled: scaled)
    }

    /// The ordinal of a hyphenated rank word ("second-largest", "third-most-visited").
    private func ordinalOfCompound(_ key: String) -> Double? {
        guard key.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = key.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, let value = words.ordinal(String(parts[0])) else { return nil }
        let rest = parts[1].split(separator: "-").first.map(String.init) ?? ""
        return words.superlatives.contains(rest) ? value : nil
    }

    /// A rank ("third-largest export market", "second biggest") or a counted ordinal
    /// ("35th anniversary"); other ordinals ("first vice minister") are no figures.
    private func ordinalFigure(_ value: Double, at i: Int, limit: Int) -> Figure? {
        var end = i + 1
        if ordinalOfCompound(text.words[i].key) == nil {
            if end < limit, let unit = words.ordinalNouns[text.words[end].key] {
                return Figure(tokens: i..<(end + 1), value: value, unit: unit, rule: .ordinal)
            }
            guard end < limit, words.superlatives.contains(text.words[end].key) else { return seriesOrdinal(value, at: i, limit: limit) }
            end += 1
        }
        // The rank's noun phrase belongs to its text: "third-largest export market".
        let noun = countedUnit(after: end, limit: limit, plural: false)
        return Figure(tokens: i..<(noun?.upperBound ?? end), value: value, unit: "rank", rule: .rank)
    }

    /// An ordinal that places one of a series, after "the" or an owner ("the fourth witness",
    /// "her 12th title"): a rank, with at most ``longestRanked`` words of the noun it ranks.
    /// Left out: "first", which mostly orders what a story tells ("the first time"); after "a",
    /// a fraction ("a third said"); nouns of `unranked` ("the second half").
    private func seriesOrdinal(_ value: Double, at i: Int, limit: Int) -> Figure? {
        guard value > 1, i > 0, Self.rankLeads.contains(text.words[i - 1].key), i + 1 < limit, !words.unranked.contains(text.words[i + 1].key),
            let noun = lowerCaseUnit(from: i + 1, limit: min(limit, i + 1 + Self.longestRanked), plural: false)
        else { return nil }
        return Figure(tokens: i..<noun.upperBound, value: value, unit: Self.rankUnit, rule: .rank)
    }

    /// The words before an ordinal of a series: "the" and the owners.
    private static let rankLeads: Set<String> = ["the", "his", "her", "its", "their", "our", "my", "your", "'s"]
    /// The most words of a ranked noun ("fourth straight victory").
    static let longestRanked = 2

    /// The unit of a rank.
    static let rankUnit = "rank"

    /// A count stated roughly by plural scale words before "of" ("dozens of volunteers",
    /// "hundreds of thousands of homes" → 100 000 homes): the scales multiplied, and the noun
    /// counted.
    private func roughCount(at i: Int, limit: Int) -> Figure? {
        guard var value = words.approximates[text.words[i].key] else { return nil }
        var end = i + 1
        while end + 1 < limit, text.words[end].key == "of", let scale = words.approximates[text.words[end + 1].key] {
            value *= scale
            end += 2
        }
        guard end < limit, text.words[end].key == "of", let unit = countedUnit(after: end + 1, limit: limit, plural: true) else { return nil }
        return Figure(tokens: i..<unit.upperBound, value: value, unit: text.string(unit), rule: .roughCount, scaled: true)
    }

    /// A count written as one hyphenated modifier ("a two-goal lead", "a 10-point plan"): the
    /// number and the noun it counts. Not a "one-" word ("one-sided"), nor one whose noun is
    /// `uncounted` ("two-thirds", "a two-way race"); lengths of time are the time stage's.
    private func hyphenatedCount(at i: Int) -> Figure? {
        let key = text.words[i].key
        guard let hyphen = key.utf8.firstIndex(of: UInt8(ascii: "-")) else { return nil }
        let noun = String(key[key.utf8.index(after: hyphen)...])
        guard noun.utf8.count >= Self.shortestCountedNoun, noun.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }),
            !words.uncounted.contains(noun), !text.grammar.isGrammarWord(noun), words.cardinal(noun) == nil, words.ordinal(noun) == nil,
            let value = wholeNumber(String(key[..<hyphen])), value >= 2
        else { return nil }
        return Figure(tokens: i..<(i + 1), value: value, unit: noun, rule: .count)
    }

    /// The shortest noun of a hyphenated count ("two-goal").
    static let shortestCountedNoun = 3

    /// A proportion ("eight out of ten voters", "one in five adults"): the first number, with
    /// the rest as its unit; the second number is larger, and a plural noun follows it.
    private func proportion(at i: Int, limit: Int) -> Figure? {
        guard let first = number(at: i, limit: limit), !first.scaled, first.unit == nil else { return nil }
        let end = first.tokens.upperBound
        guard let phrase = words.proportionPhrases.first(where: { phrase in
            end + phrase.count < limit && phrase.indices.allSatisfy { text.words[end + $0].key == phrase[$0] }
        }), let second = number(at: end + phrase.count, limit: limit), !second.scaled, second.unit == nil, second.value > first.value,
            let noun = countedUnit(after: second.tokens.upperBound, limit: limit, plural: true)
        else { return nil }
        return Figure(tokens: i..<noun.upperBound, value: first.value, unit: text.string(end..<noun.upperBound), rule: .proportion)
    }

    /// An age starting at token `i`: a lead word and a number ("aged 61"), a number with its
    /// unit and end ("58 years old"), or one hyphenated word ("a 73-year-old").
    func age(at i: Int) -> Figure? {
        let key = text.words[i].key
        if words.ageLeads.contains(key) {
            let limit = text.sentence(of: i).upperBound
            guard i + 1 < limit, let value = wholeNumber(text.words[i + 1].key), Self.ages.contains(value) else { return nil }
            return Figure(tokens: i..<(i + 2), value: value, unit: Self.ageUnit, rule: .age)
        }
        if i + 2 < text.words.count, words.ageUnits.contains(text.words[i + 1].key), words.ageEnds.contains(text.words[i + 2].key),
            let value = wholeNumber(key), Self.ages.contains(value), i + 2 < text.sentence(of: i).upperBound
        {
            return Figure(tokens: i..<(i + 3), value: value, unit: Self.ageUnit, rule: .age)
        }
        // A hyphenated age ("27-year-old"): checked last, as most words hold no hyphen.
        guard key.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = key.split(separator: "-").map(String.init)
        guard parts.count == 3, let value = wholeNumber(parts[0]), Self.ages.contains(value), words.ageUnits.contains(parts[1]),
            words.ageEnds.contains(parts[2])
        else { return nil }
        return Figure(tokens: i..<(i + 1), value: value, unit: Self.ageUnit, rule: .age)
    }

    /// A length of time with a stated count that the time stage found, where it measures
    /// something: as a modifier, its unit in the singular ("a 180-day cruise", "a five year
    /// plan"), or as a limit ("within 20 years"). Read at its number: the count, with the unit
    /// word as its unit. A length that only places an event ("three days before the vote") or
    /// has no count ("for years") is no figure.
    func duration(at i: Int) -> Figure? {
        guard let time = text.timeOfToken[i], text.times[time].type == .duration else { return nil }
        let key = text.words[i].key
        if let hyphen = key.utf8.firstIndex(of: UInt8(ascii: "-")) {
            let unit = String(key[key.utf8.index(after: hyphen)...])
            guard let value = wholeNumber(String(key[..<hyphen])), !unit.isEmpty, unit.utf8.allSatisfy({ $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") })
            else { return nil }
            return Figure(tokens: i..<(i + 1), value: value, unit: unit, rule: .duration)
        }
        let unit = i + 1
        guard let value = wholeNumber(key), unit < text.words.count, text.timeOfToken[unit] == time, text.words[unit].alphabetic else { return nil }
        let modifies = value >= 2 && !text.words[unit].key.hasSuffix("s")
        guard modifies || i > 0 && words.durationLimits.contains(text.words[i - 1].key) else { return nil }
        return Figure(tokens: i..<(unit + 1), value: value, unit: text.words[unit].key, rule: .duration)
    }

    /// The value of a whole number in digits or words ("61", "sixty-one").
    private func wholeNumber(_ key: String) -> Double? {
        if let digits = words.digits(key) {
            return digits.suffix.isEmpty && digits.currency == nil && digits.value == digits.value.rounded() ? digits.value : nil
        }
        return words.cardinal(key)
    }

    /// The unit of an age.
    static let ageUnit = "years"
    /// The ages a person may be.
    static let ages: ClosedRange<Double> = 1...125

    /// The counted noun after a number: lower-case content words up to the first plural
    /// ("12 board meetings"), after at most two capitalised words that describe it ("2
    /// million Sudanese farmers", "300 U.N. staff"). For a singular ("one meeting", a rank's
    /// "export market"), all the content words up to a grammar word or mark.
    private func countedUnit(after start: Int, limit: Int, plural: Bool) -> Range<Int>? {
        guard plural else { return lowerCaseUnit(from: start, limit: limit, plural: false) }
        if start < limit, isCountedPeople(start, limit: limit) { return start..<(start + 1) }
        var first = start
        while first < limit, first - start < Self.mostUnitModifiers, text.words[first].capitalised { first += 1 }
        return lowerCaseUnit(from: first, limit: limit, plural: true).map { start..<$0.upperBound }
    }

    /// The most capitalised words before a counted noun.
    static let mostUnitModifiers = 2

    /// Lower-case content words from `start`: up to the first plural when `plural`, else all.
    private func lowerCaseUnit(from start: Int, limit: Int, plural: Bool) -> Range<Int>? {
        var end = start
        while end < limit, end - start < Self.longestUnit {
            let word = text.words[end]
            // "of" ends the unit: "one of the issues" counts nothing.
            guard word.kind == .word, word.alphabetic, !word.capitalised, text.timeOfToken[end] == nil, word.key != "of",
                !text.grammar.isGrammarWord(word.key), !text.isVerb(end) || text.isParticiple(end)
            else { break }
            end += 1
            if plural, isPlural(word.key) { return start..<end }
        }
        return !plural && end > start ? start..<end : nil
    }

    /// Whether token `t` is a people counted by its capitalised plural ("12,000 Icelanders", "40
    /// Senators"), not the first word of a name; after a number, a capitalised word in "-is" is a
    /// plural too ("Kuwaitis", "Nepalis").
    private func isCountedPeople(_ t: Int, limit: Int) -> Bool {
        let word = text.words[t]
        guard word.capitalised, word.alphabetic, isPlural(word.key) || word.key.hasSuffix("is") else { return false }
        return t + 1 == limit || !text.words[t + 1].capitalised
    }

    private func isPlural(_ key: String) -> Bool {
        if words.plurals.contains(key) { return true }
        return key.hasSuffix("s") && !key.hasSuffix("ss") && !key.hasSuffix("us") && !key.hasSuffix("is")
    }
}

/// The rules of the quantity stage, as its facts record them; the rule catalogue
/// (`Resources/rules.tsv`) says what each one means.
enum QuantityRule: String, StageRule {
    case multiplier, ordinal, rank, money, percent, count, scaled, number, roughCount, age, proportion, duration
}
