import BylineCore

/// A time expression as the patterns found it, before resolution: its span, type, the
/// underspecified value and the tense of its clause.
public struct TimeCandidate: Hashable, Sendable {
    public let span: Span
    public let type: TimeExpression.Kind
    /// The value with what the text leaves open still open (`XXXX-WXX-5`, `REF-1M`).
    public let underspecified: String
    /// The tense of the clause around the expression.
    public let direction: TimeDirection
    /// Whether the verb the expression modifies gave the tense ("the fiscal year that began on
    /// July 8"): it then places a day of the year too, not only the nearest.
    public let tenseFromVerb: Bool
    /// The pattern that matched.
    public let rule: String
    /// The index of the sentence that holds the expression.
    public let sentence: Int
    /// Whether a preposition of setting leads to the expression ("in 2004", "on Aug. 7,
    /// 1998"): a year stated so is the time its paragraph tells of, unlike "since 1990" or "the
    /// 1988 bombing".
    public let setsTheScene: Bool

    /// The TIMEX3 value against `reference` (see ``TimeResolver``); a set's value ("every
    /// Thursday": `XXXX-WXX-4`) names no one date and stays as it is.
    ///
    /// - Parameters:
    ///   - day: the day the sentence speaks of, for a value that takes it (a clock time alone,
    ///     `DAYT10:35`); nil for the reference date.
    ///   - then: the value of the last date named before, for a value counted from it ("a year
    ///     earlier", `THEN-1Y`); nil for the reference date.
    public func value(against reference: DateStamp?, day: DateStamp? = nil, then: String? = nil) -> String? {
        guard type != .set else { return underspecified }
        return TimeResolver.resolve(underspecified, direction: direction, reference: reference, day: day, then: then, tenseFromVerb: tenseFromVerb)
    }

    /// Whether the value takes the day its sentence speaks of (see ``TimeResolver/dayMark``).
    public var takesTheDay: Bool {
        underspecified.hasPrefix(TimeResolver.dayMark)
    }
}

/// The first phase of time normalisation: the patterns of `time-patterns.tsv` run over each
/// sentence's tokens, and the nearest tense cue of `tense-cues.tsv` gives each match a side.
public struct TimeTagger: Sendable {
    let patterns: TimePatterns
    private let cues: WordMap<TimeDirection>
    /// Verbs of intention and decision: with "to" after them they point forward ("decided to
    /// admit them in March").
    private let intentions: WordSet
    /// Verbs of saying: after the expression and beyond its clause ("…, an official said"), they
    /// tell when something was said, not when what was said happens.
    private let reportingVerbs: WordSet
    /// Prepositions of a deadline ("until"): future cues, unless they open the sentence.
    private let deadlines: WordSet
    /// Words that open a subordinate clause ("when"): one set off by commas after an expression
    /// that opens the sentence is passed over for the main clause's tense.
    private let subordinators: WordSet

    /// The English patterns and tense cues.
    public static let english = TimeTagger(patterns: .english, cues: DataFile(PackageResources.tense_cues_tsv))

    /// The shortest word that counts as past tense by its ending "-ed" ("aimed").
    private static let shortestPastWord = 4

    init(patterns: TimePatterns, cues file: DataFile) {
        self.patterns = patterns
        var cues: [String: TimeDirection] = [:]
        var intentions: Set<String> = []
        var reportingVerbs: Set<String> = []
        var deadlines: Set<String> = []
        var subordinators: Set<String> = []
        for row in file.rows where row.count == 2 {
            if row[0] == Self.intentionSide {
                intentions.insert(row[1])
                continue
            }
            if row[0] == Self.reportingSide {
                reportingVerbs.insert(row[1])
                continue
            }
            if row[0] == Self.deadlineSide {
                deadlines.insert(row[1])
                continue
            }
            if row[0] == Self.subordinatorSide {
                subordinators.insert(row[1])
                continue
            }
            cues[row[1]] = row[0] == "future" ? .future : row[0] == "present" ? .unknown : .past
        }
        self.cues = WordMap(cues)
        self.intentions = WordSet(intentions)
        self.reportingVerbs = WordSet(reportingVerbs)
        self.deadlines = WordSet(deadlines)
        self.subordinators = WordSet(subordinators)
    }

    /// The time expressions of a tokenized, sentence-split document, in text order.
    public func candidates(in document: Document) -> [TimeCandidate] {
        var out: [TimeCandidate] = []
        let bytes = Array(document.text.utf8)
        for (index, sentence) in document.sentences.enumerated() {
            let tokens = TimeToken.tokens(of: bytes, tokens: document.tokens[sentence.tokens], words: document.view.words[sentence.tokens])
            let matches = patterns.matches(in: tokens)
            guard !matches.isEmpty else { continue }
            let sentenceCues = SentenceCues(tokens, sides: cues(at:in:))
            for match in matches {
                guard let type = match.rule.type, let value = Self.fill(match.rule.template, slots: match.slots),
                    !(type == .duration && Self.isPartOfName(match.tokens, in: tokens)), !isTitle(match.tokens, in: tokens),
                    !(type == .duration && Self.isOrdinal(match.tokens, in: tokens))
                else { continue }
                // A match ending inside a hyphenated word takes the whole word ("five-hour-long").
                let span = Span(tokens[match.tokens.lowerBound].word.start, tokens[match.tokens.upperBound - 1].word.end)
                let tense = direction(around: match.tokens, in: tokens, cues: sentenceCues)
                let candidate = TimeCandidate(
                    span: span, type: type == .duration && isRate(match.tokens, in: tokens) ? .set : type, underspecified: value,
                    direction: tense.side, tenseFromVerb: tense.fromVerb,
                    rule: match.rule.name, sentence: index,
                    setsTheScene: match.tokens.lowerBound > 0 && Self.scenePrepositions.contains(tokens[match.tokens.lowerBound - 1].key))
                out.append(candidate)
                if let next = Self.coordinatedDay(after: match, candidate: candidate, in: tokens) { out.append(next) }
            }
        }
        return out
    }

    /// The words that join a second day to a date ("April 24 and 25").
    private static let dayJoiners: Set<String> = ["and", "or"]
    /// The rule recorded for a day joined to a date.
    static let coordinatedDayRule = "date-coordinated-day"

    /// The second day of "April 24 and 25": a later day of the same month joined to a date of a
    /// month and a day with no year, and not followed by a lower-case word ("May 3 and 4
    /// people" counts people).
    private static func coordinatedDay(after match: TimeMatch, candidate: TimeCandidate, in tokens: [TimeToken]) -> TimeCandidate? {
        let joiner = match.tokens.upperBound
        guard let day = match.slots["day"], match.slots["month"] != nil, match.slots["year"] == nil, candidate.type == .date,
            candidate.underspecified.hasSuffix("-" + day), joiner + 1 < tokens.count, dayJoiners.contains(tokens[joiner].key),
            let second = tokens[joiner + 1].integer, NumberForm.days.contains(second), second > Int(day) ?? Int.max,
            tokens[joiner + 1].word == tokens[joiner + 1].span
        else { return nil }
        if joiner + 2 < tokens.count, let after = tokens[joiner + 2].key.first, after.isLetter, !tokens[joiner + 2].capitalised { return nil }
        return TimeCandidate(
            span: tokens[joiner + 1].span, type: .date, underspecified: candidate.underspecified.dropLast(day.count) + twoDigits(second),
            direction: candidate.direction, tenseFromVerb: candidate.tenseFromVerb, rule: coordinatedDayRule, sentence: candidate.sentence,
            setsTheScene: false)
    }

    /// The prepositions that lead to the time a clause is set in.
    private static let scenePrepositions: Set<String> = ["in", "on", "during", "throughout"]

    /// Whether a one-word match is a title or a name, not a time: a word that is written in
    /// lower case as a time ("today", "daily", "now") but is capitalised inside the sentence
    /// (the “Today” show, the Daily News). A capital that opens the sentence or a quotation
    /// ("He said: “Today we begin”") says nothing; a word quoted alone is a title. A match of
    /// several words is a title when a quotation mark opens it and every word is capitalised,
    /// none a month, weekday or holiday name (the “This Week” programme).
    private func isTitle(_ range: Range<Int>, in tokens: [TimeToken]) -> Bool {
        if range.count > 1 {
            return range.lowerBound > 0 && tokens[range.lowerBound - 1].isQuotationMark
                && tokens[range].allSatisfy { $0.capitalised && $0.key.first?.isLetter == true && !patterns.properKeys.contains($0.key) }
        }
        let token = tokens[range.lowerBound]
        guard token.capitalised, token.key.first?.isLetter == true, !patterns.properKeys.contains(token.key) else { return false }
        if TimePatterns.opensSentence(range.lowerBound, in: tokens) { return false }
        let quotedAlone = range.upperBound < tokens.count && tokens[range.upperBound].isQuotationMark
        let opensQuotation = tokens[range.lowerBound - 1].isQuotationMark || tokens[range.lowerBound - 1].key == ":"
        return quotedAlone || !opensQuotation
    }

    /// The units of `time-words.tsv` that are ordinals as well ("second").
    private static let ordinalUnits: Set<String> = {
        let entries = TimeWords.english.entries.filter { $0.keys.count == 1 }
        let ordinals = Set(entries.filter { $0.wordClass == "ordinal" }.map { $0.keys[0] })
        return Set(entries.filter { $0.wordClass == "unit" && ordinals.contains($0.keys[0]) }.map { $0.keys[0] })
    }()

    /// The articles that count one of a unit ("a second").
    private static let articles: Set<String> = ["a", "an"]

    /// Whether a one-unit duration written with an article is an ordinal before its noun ("a
    /// second term", "a second phase"), not a length of time ("for a second", "a second or
    /// two"): the unit is also an ordinal and a lower-case word that is no grammar word follows.
    private static func isOrdinal(_ range: Range<Int>, in tokens: [TimeToken]) -> Bool {
        guard range.count == 2, articles.contains(tokens[range.lowerBound].key), ordinalUnits.contains(tokens[range.upperBound - 1].key),
            range.upperBound < tokens.count
        else { return false }
        let next = tokens[range.upperBound]
        return !next.capitalised && next.key.first?.isLetter == true && !PhraseWords.english.isGrammarWord(next.key)
    }

    /// Whether a one-unit duration written with an article is a rate after a count ("30
    /// centimetres a week", "$100,000 a month", "three times a day"): a set, not a length of
    /// time. The count stands right before the article, or one lower-case word before that; a
    /// number that ends a date ("on Oct. 5 a week after") counts nothing.
    private func isRate(_ range: Range<Int>, in tokens: [TimeToken]) -> Bool {
        let article = range.lowerBound
        guard range.count == 2, Self.articles.contains(tokens[article].key) else { return false }
        func isCount(_ i: Int) -> Bool {
            guard i >= 0 else { return false }
            let key = tokens[i].key
            let isNumber = key.first?.isNumber == true || FigureWords.english.cardinals[key] != nil || FigureWords.english.scales[key] != nil
            return isNumber && !(i > 0 && patterns.properKeys.contains(tokens[i - 1].key))
        }
        if isCount(article - 1) { return true }
        let noun = article - 1
        return noun >= 0 && !tokens[noun].capitalised && tokens[noun].key.first?.isLetter == true && isCount(noun - 1)
    }

    /// Whether a capitalised hyphenated duration runs into a capitalised word, as in a name
    /// ("the Three-Day Revolt"), not a length of time ("a six-day visit"); or whether a number
    /// is followed by a capitalised unit where the word before is not capitalised too, as in a
    /// title ("on 48 Hours tonight"), not in a headline's capitals ("Talks Last 12 Hours").
    private static func isPartOfName(_ range: Range<Int>, in tokens: [TimeToken]) -> Bool {
        let last = tokens[range.upperBound - 1]
        if range.count == 2, tokens[range.lowerBound].integer != nil, last.capitalised, last.word == last.span {
            return range.lowerBound == 0 || !tokens[range.lowerBound - 1].capitalised
        }
        guard tokens[range.lowerBound].capitalised, last.word != last.span else { return false }
        let next = tokens[range.upperBound...].first { $0.word != last.word }
        return next?.capitalised == true
    }

    /// The side of the nearest tense cue outside the expression, looking both ways; a cue
    /// before wins a tie. A cue of the expression's own clause segment (between commas, dashes,
    /// brackets and quotation marks) comes before any other: in "expects the bridge to
    /// reopen in April, the mayor said" the expectation, not the saying, places April. `fromVerb`
    /// tells whether the cue is the verb the expression modifies, right before it or its
    /// preposition ("began on July 8").
    private func direction(around range: Range<Int>, in tokens: [TimeToken], cues: SentenceCues) -> (side: TimeDirection, fromVerb: Bool) {
        var verb = range.lowerBound - 1
        if verb >= 0, Self.scenePrepositions.contains(tokens[verb].key) { verb -= 1 }
        if verb >= 0, let side = cues.sides[verb], !isPossessive(range, in: tokens) { return (side, true) }
        return (sideOutsideClause(around: range, in: tokens, cues: cues), false)
    }

    /// Whether a possessive clitic follows the expression ("Wednesday's ruling").
    private func isPossessive(_ range: Range<Int>, in tokens: [TimeToken]) -> Bool {
        range.upperBound < tokens.count && tokens[range.upperBound].key == Self.possessive
    }

    /// The side of ``direction(around:in:cues:)`` when the verb before the expression is no cue.
    private func sideOutsideClause(around range: Range<Int>, in tokens: [TimeToken], cues: SentenceCues) -> TimeDirection {
        // A possessive names an event already known ("Wednesday's ruling"), unless a future cue
        // leads to it ("ahead of Tuesday's debate", "the upcoming Friday's vote").
        if isPossessive(range, in: tokens) {
            return Self.leadsToFuture(before: range.lowerBound, in: tokens, cues: cues) ? .future : .past
        }
        if let side = Self.nearestInSegment(around: range, in: tokens, cues: cues) { return side }
        if let side = mainClauseSide(after: range, in: tokens, cues: cues) { return side }
        let before = range.lowerBound > 0 ? cues.lastBefore[range.lowerBound - 1] : nil
        let after = range.upperBound < tokens.count ? cues.firstAfter[range.upperBound] : nil
        switch (before, after) {
        case (let before?, let after?):
            // An attribution that ends the sentence ("…, an official said on Wednesday.") tells
            // when it was said: a cue before tells more.
            if reportingVerbs.contains(tokens[after].key), (range.upperBound..<after).contains(where: { Self.isSegmentEdge($0, in: tokens) }),
                !(after + 1..<tokens.count).contains(where: { cues.laterSides[$0] != nil || Self.isSegmentEdge($0, in: tokens) })
            {
                return cues.sides[before]!
            }
            return range.lowerBound - before <= after - (range.upperBound - 1) ? cues.sides[before]! : cues.laterSides[after]!
        case (let before?, nil): return cues.sides[before]!
        case (nil, let after?): return cues.laterSides[after]!
        case (nil, nil): return .unknown
        }
    }

    /// For an expression that opens its sentence and is followed by a subordinate clause set off
    /// by commas ("On Friday, when she cancelled her plans, the ministry lifted the order"), the
    /// side of the first cue of the main clause after it; nil otherwise.
    private func mainClauseSide(after range: Range<Int>, in tokens: [TimeToken], cues: SentenceCues) -> TimeDirection? {
        let comma = range.upperBound
        guard comma + 1 < tokens.count, tokens[comma].key == ",", subordinators.contains(tokens[comma + 1].key),
            tokens[..<range.lowerBound].allSatisfy({ $0.key.first?.isLetter != true || Self.scenePrepositions.contains($0.key) }),
            let close = tokens[(comma + 2)...].firstIndex(where: { $0.key == "," }), close + 1 < tokens.count,
            let cue = cues.firstAfter[close + 1]
        else { return nil }
        return cues.laterSides[cue]
    }

    /// The clitic of a possessive.
    private static let possessive = "'s"

    /// The words that may stand between a future cue and the expression it leads to ("ahead of
    /// the").
    private static let leadingWords: Set<String> = ["of", "the", "this"]

    /// Whether a future cue stands right before token `start`, across ``leadingWords``.
    private static func leadsToFuture(before start: Int, in tokens: [TimeToken], cues: SentenceCues) -> Bool {
        var i = start - 1
        while i >= 0, leadingWords.contains(tokens[i].key) { i -= 1 }
        return i >= 0 && cues.sides[i] == .future
    }

    /// The marks that bound a clause segment, besides quotation marks.
    private static let segmentMarks: Set<String> = [",", ";", ":", "(", ")", "[", "]", "\u{2013}", "\u{2014}", "--"]

    /// Whether token `i` bounds a clause segment.
    private static func isSegmentEdge(_ i: Int, in tokens: [TimeToken]) -> Bool {
        tokens[i].isQuotationMark || segmentMarks.contains(tokens[i].key)
    }

    /// The side of the nearest cue in the clause segment of `range`, a cue before winning a
    /// tie; nil when the segment has none.
    private static func nearestInSegment(around range: Range<Int>, in tokens: [TimeToken], cues: SentenceCues) -> TimeDirection? {
        var before: Int?
        var i = range.lowerBound - 1
        while i >= 0, !isSegmentEdge(i, in: tokens) {
            if cues.sides[i] != nil {
                before = i
                break
            }
            i -= 1
        }
        var after: Int?
        var j = range.upperBound
        while j < tokens.count, !isSegmentEdge(j, in: tokens) {
            if cues.laterSides[j] != nil {
                after = j
                break
            }
            j += 1
        }
        switch (before, after) {
        case (let before?, let after?):
            return range.lowerBound - before <= after - (range.upperBound - 1) ? cues.sides[before] : cues.laterSides[after]
        case (let before?, nil): return cues.sides[before]
        case (nil, let after?): return cues.laterSides[after]
        case (nil, nil): return nil
        }
    }

    /// The side of `tense-cues.tsv` that lists verbs of intention.
    private static let intentionSide = "intention"
    /// The side of `tense-cues.tsv` that lists verbs of saying.
    private static let reportingSide = "reporting"
    /// The side of `tense-cues.tsv` that lists prepositions of a deadline.
    private static let deadlineSide = "deadline"
    /// The side of `tense-cues.tsv` that lists the words that open a subordinate clause.
    private static let subordinatorSide = "subordinator"
    /// The word that opens an infinitive.
    private static let infinitiveMark = "to"

    /// The forms of "be" after which a past participle is passive ("will be held"): the tense
    /// is the auxiliary's, not the participle's.
    private static let passiveAuxiliaries: WordSet = ["be", "been", "being"]

    /// The auxiliary of the past perfect.
    private static let pastPerfect = "had"
    /// The participle of "be" after it ("had been").
    private static let beenParticiple = "been"

    /// Whether token `i` follows "had" or "had been": a future planned in a past now over ("the
    /// offer had been due to expire on Friday") lies before the reference.
    private static func followsPastPerfect(_ i: Int, in tokens: [TimeToken]) -> Bool {
        guard i > 0 else { return false }
        if tokens[i - 1].key == pastPerfect { return true }
        return i > 1 && tokens[i - 1].key == beenParticiple && tokens[i - 2].key == pastPerfect
    }

    /// The sides token `i` tells to an expression after it and to one before it. A past
    /// auxiliary of the table before a future cue speaks of a future seen from the past ("were
    /// planning", "was expected"): the future cue decides. A verb of intention with "to" points
    /// forward to what follows it; to an expression before it, a past form tells the time of the
    /// intention ("On Friday, the council decided to …"). A deadline ("until") is future unless
    /// it opens the sentence. A future cue after "had" or "had been" is past.
    private func cues(at i: Int, in tokens: [TimeToken]) -> (toLater: TimeDirection?, toEarlier: TimeDirection?) {
        if intentions.contains(tokens[i].key), i + 1 < tokens.count, tokens[i + 1].key == Self.infinitiveMark {
            return (.future, isPastForm(tokens[i]) ? .past : .future)
        }
        let side = cue(at: i, in: tokens)
        return (side, side)
    }

    /// The side token `i` tells to an expression on either side when it is no verb of intention
    /// before "to" (see ``cues(at:in:)``).
    private func cue(at i: Int, in tokens: [TimeToken]) -> TimeDirection? {
        // "Until Thursday, they had not …": a deadline that opens the sentence sets the scene of
        // its main clause, whose tense decides.
        if deadlines.contains(tokens[i].key) { return TimePatterns.opensSentence(i, in: tokens) ? nil : .future }
        guard let side = cue(tokens[i]) else { return nil }
        if side == .past, i > 0, Self.passiveAuxiliaries.contains(tokens[i - 1].key) { return nil }
        if side == .future, Self.followsPastPerfect(i, in: tokens) { return .past }
        if cues[tokens[i].key] == .past, i + 1 < tokens.count, cues[tokens[i + 1].key] == .future { return .future }
        return side
    }

    /// The side a token tells: a cue of the table, or a lower-case word in "-ed" (a capitalised
    /// one is more often a name: "United States", "Mohammed").
    private func cue(_ token: TimeToken) -> TimeDirection? {
        if let side = cues[token.key] { return side }
        return isPastForm(token) ? .past : nil
    }

    /// Whether a token is a lower-case word in "-ed".
    private func isPastForm(_ token: TimeToken) -> Bool {
        !token.capitalised && token.key.utf8.count >= Self.shortestPastWord && token.key.hasSuffix("ed")
    }

    /// The template with its `{slot}`s filled; nil when a slot has no value. Besides the
    /// classes read, `{duration}` is the duration of `{number}` `{unit}` (an unknown number for
    /// `<units>` alone, and a half more after `<half>`), `{each}` the duration of one of the last
    /// unit read, `{century}` the value of the `{ordinal}` century (19 for the 20th) and
    /// `{time}` the clock time of `{clock}` or `{hour}` with `{meridiem}`.
    static func fill(_ template: String, slots: [String: String]) -> String? {
        var slots = slots
        if let code = slots["unit"] ?? slots["units"], let unit = TimeUnit(rawValue: code) {
            // A plural that stands alone counts an unknown number ("decades-long": PXDE).
            let count = slots["number"] ?? (slots["unit"] == nil ? "X" : "1")
            slots["unit"] = code
            slots["duration"] = unit.duration(count, andAHalf: slots["half"] != nil)
            slots["each"] = unit.duration("1")
        }
        if let ordinal = slots["ordinal"].flatMap(Int.init), ordinal >= 1 { slots["century"] = twoDigits(ordinal - 1) }
        if let time = clockTime(slots) { slots["time"] = time }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}"), let value = slots[String(rest[rest.index(after: open)..<close])] else {
                return nil
            }
            out += rest[..<open] + value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The hours after noon that "p.m." adds.
    private static let afternoon = 12

    /// `HH:MM` from a clock or an hour and a meridiem ("10:35 p.m." → 22:35, "12 a.m." → 00:00).
    private static func clockTime(_ slots: [String: String]) -> String? {
        let parts = (slots["clock"] ?? slots["hour"].map { $0 + ":00" })?.split(separator: ":")
        guard let parts, parts.count == 2, var hour = Int(parts[0]) else { return nil }
        switch slots["meridiem"] {
        case "PM" where hour < afternoon: hour += afternoon
        case "AM" where hour == afternoon: hour = 0
        default: break
        }
        return twoDigits(hour) + ":" + parts[1]
    }
}

/// The tense cues of one sentence's time tokens, and for each token the nearest cue on either
/// side of it that no quotation mark cuts off: a quotation mark ends the clause, and a quote's
/// tense is not the reporting verb's.
struct SentenceCues {
    /// Per token, the side it tells to an expression after it, if it is a cue.
    let sides: [TimeDirection?]
    /// Per token, the side it tells to an expression before it, if it is a cue.
    let laterSides: [TimeDirection?]
    /// Per token, the last cue at or before it with no quotation mark between them.
    let lastBefore: [Int?]
    /// Per token, the first cue at or after it with no quotation mark between them.
    let firstAfter: [Int?]

    /// - Parameter sides: the sides token `i` tells to an expression after it and to one before it.
    init(_ tokens: [TimeToken], sides side: (Int, [TimeToken]) -> (toLater: TimeDirection?, toEarlier: TimeDirection?)) {
        var sides: [TimeDirection?] = []
        var laterSides: [TimeDirection?] = []
        sides.reserveCapacity(tokens.count)
        laterSides.reserveCapacity(tokens.count)
        for i in tokens.indices {
            let (toLater, toEarlier) = side(i, tokens)
            sides.append(toLater)
            laterSides.append(toEarlier)
        }
        var lastBefore = [Int?](repeating: nil, count: tokens.count)
        var last: Int?
        for i in tokens.indices {
            if tokens[i].isQuotationMark { last = nil } else if sides[i] != nil { last = i }
            lastBefore[i] = last
        }
        var firstAfter = [Int?](repeating: nil, count: tokens.count)
        var first: Int?
        for i in tokens.indices.reversed() {
            if tokens[i].isQuotationMark { first = nil } else if laterSides[i] != nil { first = i }
            firstAfter[i] = first
        }
        self.sides = sides
        self.laterSides = laterSides
        self.lastBefore = lastBefore
        self.firstAfter = firstAfter
    }
}

/// Finds time expressions (TIMEX3 DATE, TIME, DURATION, SET) and resolves their values against
/// the publication date (`metadata.published`; `--published` sets it). Without one, values
/// that need it are left nil.
public struct TimeStage: Stage {
    public let name = "times"
    /// The metadata too: its publication date is the reference for relative times.
    public let requires: Set<Layer> = [.metadata, .text, .tokens, .sentences]
    public let provides: Set<Layer> = [.times]
    let tagger: TimeTagger

    public init(tagger: TimeTagger = .english) {
        self.tagger = tagger
    }

    public func run(on document: inout Document) {
        let reference = document.metadata.published
        let candidates = tagger.candidates(in: document)
        var values: [String?] = []
        var then: String?
        // The last date of the sentence being read, whatever its kind: "last year, up 8% from a
        // year earlier" counts from "last year". Without a reference date that last date may be
        // unknown, and then so is the count.
        var inSentence: (sentence: Int, value: String?)?
        // The year the paragraph being read speaks of: the last year it named outright.
        var narrative: (paragraph: Int, year: Int?)?
        // The day the story tells of: the last day named near the reference date.
        var storyDay: DateStamp?
        for candidate in candidates {
            let sameSentence = inSentence.map { $0.sentence == candidate.sentence } ?? false
            let anchor = sameSentence ? inSentence?.value : then
            let paragraph = document.view.words[document.sentences[candidate.sentence].tokens.lowerBound].paragraph
            if narrative?.paragraph != paragraph { narrative = (paragraph, nil) }
            var value = candidate.takesTheDay ? nil : candidate.value(against: reference, day: storyDay, then: anchor)
            if let year = narrative?.year, let inYear = Self.value(of: candidate, inNarrativeYear: year, reference: reference) { value = inYear }
            // A year set as the scene tells the paragraph's time; another date of another year ends it.
            if candidate.type == .date, let year = Self.statedYear(candidate.underspecified), candidate.setsTheScene {
                narrative?.year = year
            } else if let year = narrative?.year, candidate.type == .date, let value, TimeResolver.isCalendarValue(value), !value.hasPrefix(String(year)) {
                narrative?.year = nil
            }
            values.append(value)
            if candidate.type == .date, let day = Self.day(of: value), let number = day.dayNumber, let today = reference?.dayNumber,
                abs(number - today) <= Self.storyReach
            {
                storyDay = day
            }
            // A date, or the day of a time that names its day ("10:30 p.m. Aug. 9", not "tonight"), is
            // what a later count starts from.
            let namesItsDay = !candidate.underspecified.hasPrefix(TimeResolver.relativeMark)
            let known = candidate.type == .time ? (namesItsDay ? Self.day(of: value)?.iso : nil) : value
            guard candidate.type == .date || known != nil,
                ![TimeResolver.thenMark, TimeResolver.quarterThenMark].contains(where: candidate.underspecified.hasPrefix),
                known.map(TimeResolver.isCalendarValue) ?? true
            else { continue }
            inSentence = (candidate.sentence, known)
            guard let known else { continue }
            // A date counted from the last one ("a year earlier") compares; it does not move the story's time.
            if !candidate.underspecified.hasPrefix(TimeResolver.relativeMark + "-") { then = known }
        }
        if let reference, candidates.contains(where: { Self.countsFromTheDayOfSpeaking($0.underspecified) }) {
            Self.resolveQuotedDays(of: candidates, values: &values, in: document, reference: reference)
        }
        Self.resolveTheDays(of: candidates, values: &values, reference: reference)
        Self.orderRanges(of: candidates, values: &values, in: document)
        document.times = zip(candidates, values).map { candidate, value in
            TimeExpression(
                span: candidate.span, type: candidate.type, value: value,
                provenance: Provenance(stage: name, rule: candidate.rule))
        }
    }

    /// Whether an underspecified value counts days from the reference date ("today" `REF+0D`,
    /// "yesterday" `REF-1D`, "last night" `REF-1DTNI`): in a quotation, from the day of speaking.
    private static func countsFromTheDayOfSpeaking(_ underspecified: String) -> Bool {
        guard underspecified.hasPrefix(TimeResolver.relativeMark) else { return false }
        let move = underspecified.utf8.dropFirst(TimeResolver.relativeMark.utf8.count)
        guard let sign = move.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return false }
        let unit = move.dropFirst().drop { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        return unit.first == UInt8(ascii: "D")
    }

    /// Gives a day counted from the day of speaking inside a quotation ("today", "last night")
    /// the day the story tells of, not the publication date: a quote reports what was said
    /// then ("The bridge reopened on Tuesday. “Today we can breathe again,” the mayor said"
    /// → Tuesday). The story's day is the last day named outside quotation marks before the
    /// quote, when it lies in the two weeks before the reference date.
    private static func resolveQuotedDays(of candidates: [TimeCandidate], values: inout [String?], in document: Document, reference: DateStamp) {
        guard let today = reference.dayNumber else { return }
        let quotes = QuoteMarks.quotes(in: document).map(\.span).sorted { $0.start < $1.start }
        var q = 0
        var story: DateStamp?
        for (i, candidate) in candidates.enumerated() {
            while q < quotes.count, quotes[q].end <= candidate.span.start { q += 1 }
            let quoted = q < quotes.count && quotes[q].contains(candidate.span)
            if quoted, countsFromTheDayOfSpeaking(candidate.underspecified), let story {
                values[i] = candidate.value(against: story)
            } else if !quoted, candidate.type == .date, let day = day(of: values[i]), let number = day.dayNumber {
                story = number < today && today - number <= storyReach ? day : nil
            }
        }
    }

    /// The most days between the reference date and a day the story tells of.
    private static let storyReach = 14

    /// The value of a date without a year ("mid-August", "Dec. 3", "the spring") in a paragraph
    /// that speaks of another year than the reference's ("In 2006 the factory shut; in
    /// mid-July …" → 2006-07): that year, unless the tense points away from it (a future
    /// tense to an earlier year, a past one to a later year). Nil when the value keeps its own.
    /// Without a reference date the paragraph's year is the only one known, and is taken.
    private static func value(of candidate: TimeCandidate, inNarrativeYear year: Int, reference: DateStamp?) -> String? {
        guard candidate.type == .date, year != reference?.year,
            candidate.underspecified.hasPrefix(TimeResolver.unknownYear), !candidate.underspecified.hasPrefix(TimeResolver.unknownYear + CalendarPeriod.anyWeek)
        else { return nil }
        let part = candidate.underspecified.dropFirst(TimeResolver.unknownYear.count)
        guard CalendarPeriod.isTimexForm(part) else { return nil }
        if let reference {
            switch candidate.direction {
            case .future where year < reference.year, .past where year > reference.year: return nil
            default: break
            }
        }
        return String(year) + "-" + part
    }

    /// The year a date's underspecified value states outright (`2004`, `2004-08-15`), or nil
    /// (`XXXX-08`, `REF-1Y`, a decade `199X`).
    private static func statedYear(_ underspecified: String) -> Int? {
        let digits = underspecified.utf8.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard digits.count == yearDigits, underspecified.utf8.count == yearDigits || underspecified.utf8.dropFirst(yearDigits).first == UInt8(ascii: "-")
        else { return nil }
        return Int(underspecified.prefix(yearDigits))
    }

    /// The digits of a year.
    private static let yearDigits = 4

    /// Gives each candidate that takes the day (a clock time alone) its value on the day it
    /// speaks of, TimeML's reference time: the nearest expression of the same sentence whose value
    /// is one day ("at 10:35 a.m. Friday, local time"), else the last such expression before it
    /// in the text; none when there is none. A day of the same sentence comes before one of an
    /// earlier sentence; of two days as near, the first in the text wins. Candidates are settled in
    /// text order, so a clock time settled already lends its day to the ones after it.
    ///
    /// One pass: candidates are in text order, and their starts never go back, so the nearest day
    /// before a candidate is the last one read and the nearest after it is found by one pass from
    /// the end.
    private static func resolveTheDays(of candidates: [TimeCandidate], values: inout [String?], reference: DateStamp?) {
        var days = values.map(Self.day(of:))
        // Per candidate: the next candidate of its sentence whose value names a day.
        var nextDay = [Int?](repeating: nil, count: candidates.count)
        var next: Int?
        for j in candidates.indices.reversed() {
            if j + 1 < candidates.count, candidates[j + 1].sentence != candidates[j].sentence { next = nil }
            nextDay[j] = next
            if days[j] != nil { next = j }
        }
        // The day that starts last (the first of equal ones) in the earlier sentences, and so far in this one.
        var earlier: (start: Int, day: DateStamp)?
        var inSentence: (start: Int, day: DateStamp)?
        for (i, candidate) in candidates.enumerated() {
            if i > 0, candidates[i - 1].sentence != candidate.sentence {
                earlier = inSentence ?? earlier
                inSentence = nil
            }
            let start = candidate.span.start
            if candidate.takesTheDay {
                var day = inSentence
                if let after = nextDay[i], let afterDay = days[after],
                    candidates[after].span.start - start < day.map({ start - $0.start }) ?? Int.max
                {
                    day = (candidates[after].span.start, afterDay)
                }
                values[i] = candidate.value(against: reference, day: (day ?? earlier)?.day)
                days[i] = Self.day(of: values[i])
            }
            if let day = days[i], start > inSentence?.start ?? Int.min { inSentence = (start, day) }
        }
    }

    /// The day a value names (its first ten characters read as `YYYY-MM-DD`), or nil.
    private static func day(of value: String?) -> DateStamp? {
        guard let value, let stamp = DateStamp(parsing: value.prefix(dayLength)), stamp.day != nil else { return nil }
        return stamp
    }

    /// The length of a `YYYY-MM-DD` value.
    private static let dayLength = 10

    /// The words that open a range of two dates ("between", "from") and join its ends ("and",
    /// "to", "through", a dash).
    private static let rangeOpeners: Set<String> = ["between", "from"]
    private static let rangeJoiners: Set<String> = ["and", "to", "through", "until", "-", "\u{2013}", "\u{2014}"]

    /// Orders the two ends of a range of days whose years the text leaves open ("between
    /// January 1 and September 18": each placed alone, the January after a September
    /// publication would come after the September before it): the first end moves a year back,
    /// or, when the first is a weekday (near the reference by its nature), the second a year on
    /// ("between Monday and March 14").
    private static func orderRanges(of candidates: [TimeCandidate], values: inout [String?], in document: Document) {
        // A day of a month whose year is open: "XXXX-01-01", not a weekday's "XXXX-WXX-1".
        func isDayOfYear(_ candidate: TimeCandidate) -> Bool {
            candidate.underspecified.hasPrefix(TimeResolver.unknownYear)
                && candidate.underspecified.dropFirst(TimeResolver.unknownYear.count).first?.isNumber == true
        }
        func moved(_ value: String?, by years: Int) -> String? {
            guard let value, let year = Int(value.prefix(4)) else { return value }
            return String(year + years) + value.dropFirst(4)
        }
        for i in candidates.indices.dropLast() {
            let (first, second) = (candidates[i], candidates[i + 1])
            guard first.sentence == second.sentence, isDayOfYear(first) || isDayOfYear(second),
                first.underspecified.hasPrefix(TimeResolver.unknownYear), second.underspecified.hasPrefix(TimeResolver.unknownYear),
                let from = day(of: values[i])?.dayNumber, let to = day(of: values[i + 1])?.dayNumber, from > to,
                isRange(first, second, in: document)
            else { continue }
            if isDayOfYear(first) { values[i] = moved(values[i], by: -1) } else { values[i + 1] = moved(values[i + 1], by: 1) }
        }
    }

    /// Whether only a joiner stands between two expressions of a sentence and an opener right
    /// before the first.
    private static func isRange(_ first: TimeCandidate, _ second: TimeCandidate, in document: Document) -> Bool {
        let sentence = document.sentences[first.sentence].tokens
        let words = document.view.words
        guard let opener = sentence.last(where: { document.tokens[$0].span.end <= first.span.start }) else { return false }
        let between = sentence.filter { document.tokens[$0].span.start >= first.span.end && document.tokens[$0].span.end <= second.span.start }
        return between.count == 1 && rangeJoiners.contains(words[between[0]].key) && rangeOpeners.contains(words[opener].key)
    }
}
