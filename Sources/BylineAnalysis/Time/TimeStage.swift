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
            for match in patterns.matches(in: tokens) {
                guard let type = match.rule.type, let value = Self.fill(match.rule.template, slots: match.slots),
                    !(type == .duration && Self.isPartOfName(match.tokens, in: tokens))
                else { continue }
                // A match ending inside a hyphenated word takes the whole word ("five-hour-long").
                let span = Span(tokens[match.tokens.lowerBound].word.start, tokens[match.tokens.upperBound - 1].word.end)
                out.append(
                    TimeCandidate(
                        span: span, type: type, underspecified: value,
                        direction: direction(around: match.tokens, in: tokens), rule: match.rule.name, sentence: index))
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
    private func direction(around range: Range<Int>, in tokens: [TimeToken]) -> TimeDirection {
        // A possessive names an event already known ("Wednesday's ruling").
        if range.upperBound < tokens.count, tokens[range.upperBound].key == Self.possessive { return .past }
        // A quotation mark ends the clause: a quote's tense is not the reporting verb's.
        var open = (before: true, after: true)
        var distance = 1
        while open.before || open.after {
            let before = range.lowerBound - distance
            let after = range.upperBound - 1 + distance
            open.before = open.before && before >= 0 && !tokens[before].isQuotationMark
            open.after = open.after && after < tokens.count && !tokens[after].isQuotationMark
            if open.before, let side = cue(at: before, in: tokens) { return side }
            if open.after, let side = cue(at: after, in: tokens) { return side }
            distance += 1
        }
        return .unknown
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
        for (i, candidate) in candidates.enumerated() where candidate.takesTheDay {
            values[i] = candidate.value(against: reference, day: Self.day(of: i, in: candidates, values: values))
        }
        document.times = zip(candidates, values).map { candidate, value in
            TimeExpression(
                span: candidate.span, type: candidate.type, value: value,
                provenance: Provenance(stage: name, rule: candidate.rule))
        }
    }

    /// The day candidate `i` speaks of, TimeML's reference time for a clock time alone: the
    /// nearest expression of the same sentence whose value is one day ("at 10:35 a.m. Friday,
    /// local time"), else the last such expression before it in the text; nil when there is none.
    static func day(of i: Int, in candidates: [TimeCandidate], values: [String?]) -> DateStamp? {
        let sentence = candidates[i].sentence
        var best: (distance: Int, day: DateStamp)?
        // Candidates are in text order: an earlier sentence's are nearer the later they come.
        for (j, other) in candidates.enumerated() where j != i && (other.sentence == sentence || j < i) {
            guard let value = values[j], let day = DateStamp(parsing: value.prefix(dayLength)), day.day != nil else { continue }
            // Any day in the same sentence comes before one of an earlier sentence.
            let distance = abs(other.span.start - candidates[i].span.start) + (other.sentence == sentence ? 0 : otherSentence)
            if distance < best?.distance ?? Int.max { best = (distance, day) }
        }
        return best?.day
    }

    /// The handicap of a day from an earlier sentence against one of the same sentence.
    private static let otherSentence = Int(Int32.max)

    /// The length of a `YYYY-MM-DD` value.
    private static let dayLength = 10
}
