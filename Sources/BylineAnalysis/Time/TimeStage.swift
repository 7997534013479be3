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
    /// The pattern that matched.
    public let rule: String
    /// The index of the sentence that holds the expression.
    public let sentence: Int

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
        return TimeResolver.resolve(underspecified, direction: direction, reference: reference, day: day, then: then)
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
    private let cues: [String: TimeDirection]

    /// The English patterns and tense cues.
    public static let english = TimeTagger(patterns: .english, cues: DataFile(PackageResources.tense_cues_tsv))

    /// The shortest word that counts as past tense by its ending "-ed" ("aimed").
    private static let shortestPastWord = 4

    init(patterns: TimePatterns, cues file: DataFile) {
        self.patterns = patterns
        var cues: [String: TimeDirection] = [:]
        for row in file.rows where row.count == 2 {
            cues[row[1]] = row[0] == "future" ? .future : row[0] == "present" ? .unknown : .past
        }
        self.cues = cues
    }

    /// The time expressions of a tokenized, sentence-split document, in text order.
    public func candidates(in document: Document) -> [TimeCandidate] {
        var out: [TimeCandidate] = []
        let bytes = Array(document.text.utf8)
        for (index, sentence) in document.sentences.enumerated() {
            let tokens = TimeToken.tokens(of: bytes, tokens: document.tokens[sentence.tokens])
            let matches = patterns.matches(in: tokens)
            guard !matches.isEmpty else { continue }
            let sentenceCues = SentenceCues(tokens, side: cue(at:in:))
            for match in matches {
                guard let type = match.rule.type, let value = Self.fill(match.rule.template, slots: match.slots),
                    !(type == .duration && Self.isPartOfName(match.tokens, in: tokens))
                else { continue }
                // A match ending inside a hyphenated word takes the whole word ("five-hour-long").
                let span = Span(tokens[match.tokens.lowerBound].word.start, tokens[match.tokens.upperBound - 1].word.end)
                out.append(
                    TimeCandidate(
                        span: span, type: type, underspecified: value,
                        direction: direction(around: match.tokens, in: tokens, cues: sentenceCues), rule: match.rule.name, sentence: index))
            }
        }
        return out
    }

    /// Whether a capitalised hyphenated duration runs into a capitalised word, as in a name
    /// ("the Three-Day Revolt"), not a length of time ("a six-day visit").
    private static func isPartOfName(_ range: Range<Int>, in tokens: [TimeToken]) -> Bool {
        let last = tokens[range.upperBound - 1]
        guard tokens[range.lowerBound].capitalised, last.word != last.span else { return false }
        let next = tokens[range.upperBound...].first { $0.word != last.word }
        return next?.capitalised == true
    }

    /// The side of the nearest tense cue outside the expression, looking both ways; a cue
    /// before wins a tie.
    private func direction(around range: Range<Int>, in tokens: [TimeToken], cues: SentenceCues) -> TimeDirection {
        // A possessive names an event already known ("Wednesday's ruling").
        if range.upperBound < tokens.count, tokens[range.upperBound].key == Self.possessive { return .past }
        let before = range.lowerBound > 0 ? cues.lastBefore[range.lowerBound - 1] : nil
        let after = range.upperBound < tokens.count ? cues.firstAfter[range.upperBound] : nil
        switch (before, after) {
        case (let before?, let after?):
            return range.lowerBound - before <= after - (range.upperBound - 1) ? cues.sides[before]! : cues.sides[after]!
        case (let before?, nil): return cues.sides[before]!
        case (nil, let after?): return cues.sides[after]!
        case (nil, nil): return .unknown
        }
    }

    /// The clitic of a possessive.
    private static let possessive = "'s"

    /// The side token `i` tells. A past auxiliary of the table before a future cue speaks of a
    /// future seen from the past ("were planning", "was expected"): the future cue decides.
    private func cue(at i: Int, in tokens: [TimeToken]) -> TimeDirection? {
        guard let side = cue(tokens[i]) else { return nil }
        if cues[tokens[i].key] == .past, i + 1 < tokens.count, cues[tokens[i + 1].key] == .future { return .future }
        return side
    }

    /// The side a token tells: a cue of the table, or a lower-case word in "-ed" (a capitalised
    /// one is more often a name: "United States", "Mohammed").
    private func cue(_ token: TimeToken) -> TimeDirection? {
        if let side = cues[token.key] { return side }
        return !token.capitalised && token.key.utf8.count >= Self.shortestPastWord && token.key.hasSuffix("ed") ? .past : nil
    }

    /// The template with its `{slot}`s filled; nil when a slot has no value. Besides the
    /// classes read, `{duration}` is the duration of `{number}` `{unit}` and `{time}` the clock
    /// time of `{clock}` or `{hour}` with `{meridiem}`.
    static func fill(_ template: String, slots: [String: String]) -> String? {
        var slots = slots
        if let code = slots["unit"] ?? slots["units"], let unit = TimeUnit(rawValue: code) {
            slots["unit"] = code
            slots["duration"] = unit.duration(slots["number"] ?? "1")
        }
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
    /// Per token, the side it tells, if it is a cue.
    let sides: [TimeDirection?]
    /// Per token, the last cue at or before it with no quotation mark between them.
    let lastBefore: [Int?]
    /// Per token, the first cue at or after it with no quotation mark between them.
    let firstAfter: [Int?]

    init(_ tokens: [TimeToken], side: (Int, [TimeToken]) -> TimeDirection?) {
        let sides = tokens.indices.map { side($0, tokens) }
        var lastBefore = [Int?](repeating: nil, count: tokens.count)
        var last: Int?
        for i in tokens.indices {
            if tokens[i].isQuotationMark { last = nil } else if sides[i] != nil { last = i }
            lastBefore[i] = last
        }
        var firstAfter = [Int?](repeating: nil, count: tokens.count)
        var first: Int?
        for i in tokens.indices.reversed() {
            if tokens[i].isQuotationMark { first = nil } else if sides[i] != nil { first = i }
            firstAfter[i] = first
        }
        self.sides = sides
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
        for candidate in candidates {
            let sameSentence = inSentence.map { $0.sentence == candidate.sentence } ?? false
            let anchor = sameSentence ? inSentence?.value : then
            let value = candidate.takesTheDay ? nil : candidate.value(against: reference, then: anchor)
            values.append(value)
            guard candidate.type == .date, !candidate.underspecified.hasPrefix(TimeResolver.thenMark),
                value.map(TimeResolver.isCalendarValue) ?? true
            else { continue }
            inSentence = (candidate.sentence, value)
            guard let value else { continue }
            // A date counted from the last one ("a year earlier") compares; it does not move the story's time.
            if !candidate.underspecified.hasPrefix(TimeResolver.relativeMark + "-") { then = value }
        }
        Self.resolveTheDays(of: candidates, values: &values, reference: reference)
        document.times = zip(candidates, values).map { candidate, value in
            TimeExpression(
                span: candidate.span, type: candidate.type, value: value,
                provenance: Provenance(stage: name, rule: candidate.rule))
        }
    }

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
}
