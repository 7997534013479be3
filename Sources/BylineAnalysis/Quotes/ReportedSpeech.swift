import BylineCore

/// Reported speech without quote marks in a sentence: `X said (that) …`, `…, X said.`,
/// `…, said X.`, `According to X, …`, `Pence: …`; each with its attribution.
enum ReportedSpeech {
    /// The fewest tokens a sentence of reported speech has, and its content.
    static let shortestReport = 5
    static let shortestContent = 3
    /// The most tokens of a reported speaker's phrase ("the ministry's chief spokeswoman").
    static let longestReportSource = 8
    /// The most tokens between a cue and the "that" of what was said ("told a rally in Ohio that").
    static let longestObject = 5

    /// Whether what was said can open at token `t`: a clause, not a fragment set off by
    /// punctuation (`said, describing …`) nor a question put to the speaker (`Asked why, …`).
    private static func opensContent(_ t: Int, text: SpeechText) -> Bool {
        let word = text.facts.words[t]
        return word.kind != .punctuation && !SpeakerWords.notSpeechOpeners.contains(word.key)
    }

    /// Whether the words from token `t` to `end` are a participle's phrase about the speaker
    /// (`looking at the crowd`, `referring to the fund`) rather than more of what was said (a
    /// verb of saying, `adding that …`) or a clause led by a gerund (`replacing the board would
    /// take months`): a participle other than a cue, with no auxiliary after it before a
    /// relative word.
    private static func isParticiplePhrase(_ t: Int, end: Int, text: SpeechText) -> Bool {
        let facts = text.facts
        guard facts.isParticiple(t), text.cue(at: t) == nil else { return false }
        for i in (t + 1)..<max(t + 1, end) {
            let key = facts.words[i].key
            if facts.grammar.isA(key, .relative) { break }
            if facts.grammar.isA(key, .auxiliary), key != "'s", key != "being" { return false }
        }
        return true
    }

    /// The question put to a speaker that opens the sentence (`Asked whether …, Ortiz said`,
    /// `When asked about …, she said`): the words after "asked" up to the comma, which report
    /// what an unnamed asker said, and the comma. Nil when the sentence opens otherwise.
    private static func question(in range: Range<Int>, end: Int, text: SpeechText) -> (report: (span: Span, attribution: Attribution), comma: Int)? {
        var opener = range.lowerBound
        if SpeakerWords.subordinators.contains(text.key(opener)) { opener += 1 }
        guard opener < end, SpeakerWords.notSpeechOpeners.contains(text.key(opener)),
            let comma = ((opener + 1)..<end).first(where: { text.key($0) == "," }), comma - opener - 1 >= shortestContent
        else { return nil }
        let tokens = text.document.tokens
        let question = Attribution(entity: nil, mention: nil, cue: String(text.document.text[tokens[opener].span]), rule: .indirectQuestion)
        return ((Span(tokens[opener + 1].span.start, tokens[comma - 1].span.end), question), comma)
    }

    /// The words reported in the sentence `sentence`, and who reports them: a question put to
    /// someone that opens it (`Asked whether …,`) and what the rest reports.
    static func reports(in sentence: Range<Int>, context: QuoteContext) -> [(span: Span, attribution: Attribution)] {
        var end = sentence.upperBound
        let tokens = context.text.document.tokens
        while end > sentence.lowerBound, tokens[end - 1].kind == .punctuation || tokens[end - 1].kind == .quote { end -= 1 }
        guard let (question, comma) = question(in: sentence, end: end, text: context.text) else {
            return report(in: sentence, context: context)
        }
        return [question] + report(in: (comma + 1)..<sentence.upperBound, context: context)
    }

    /// The words reported in the sentence `sentence`, and who reports them: none when it
    /// reports nothing, two when a second cue shares the speaker (``split(_:end:text:)``).
    private static func report(in sentence: Range<Int>, context: QuoteContext) -> [(span: Span, attribution: Attribution)] {
        let text = context.text
        let facts = text.facts
        let subjects = context.subjects
        let tokens = text.document.tokens
        // A dateline is no part of what was said ("LISBON — …", "LISBON: …").
        var range = sentence
        if let mark = range.prefix(QuoteContext.longestLabel + 1).first(where: { Dashes.signature.contains(text.key($0)) || text.key($0) == ":" }),
            text.key(mark) == ":" ? mark > range.lowerBound && context.mentions.isPlace(range.lowerBound..<mark) : context.isDateline(range.lowerBound..<mark)
        {
            range = (mark + 1)..<range.upperBound
        }
        guard range.count >= shortestReport else { return [] }
        var end = range.upperBound
        while end > range.lowerBound, tokens[end - 1].kind == .punctuation || tokens[end - 1].kind == .quote { end -= 1 }
        // "According to X, …": the cue marks its source by itself, which may run twice as long
        // as a speaker's phrase ("exit polls conducted for the network by a research firm").
        if let cue = text.cue(at: range.lowerBound), cue.length == 2, let comma = (range.lowerBound..<end).first(where: { text.key($0) == "," }),
            comma - range.lowerBound - cue.length <= 2 * longestReportSource, end - comma > shortestContent, opensContent(comma + 1, text: text)
        {
            let source = (range.lowerBound + cue.length)..<comma
            return [(Span(tokens[comma + 1].span.start, tokens[end - 1].span.end), context.speaker(amongWords: source, cue: cue.text, rule: .indirectAccordingTo))]
        }
        // "Pence: …" — a short name and a colon open the sentence (headlines, transcripts).
        if let colon = (range.lowerBound..<min(end, range.lowerBound + QuoteContext.longestLabel + 1)).first(where: { text.key($0) == ":" }),
            colon > range.lowerBound, end - colon - 1 >= shortestContent, opensContent(colon + 1, text: text),
            (range.lowerBound..<colon).allSatisfy({ facts.words[$0].capitalised }), !context.mentions.isPlace(range.lowerBound..<colon)
        {
            return [(Span(tokens[colon + 1].span.start, tokens[end - 1].span.end), context.speaker(amongWords: range.lowerBound..<colon, cue: ":", rule: .indirectLabel))]
        }
        // "…, X said." / "…, said X, a lawyer." / "…, according to X." — not "…, warned that …",
        // whose subject is before the comma, nor "X, a lawyer, said the plan …", whose
        // reporting clause opens the sentence.
        if opensContent(range.lowerBound, text: text), let found = trailingReport(in: range.lowerBound..<end, context: context) { return [found] }
        // "X said (that) …", "X told reporters that …": the first cue with a subject before it
        // since the last comma.
        for (c, cue) in (range.lowerBound..<end).lazy.compactMap({ t in text.cue(at: t).map { (t, $0) } }) {
            var clause = ((range.lowerBound..<c).last(where: { text.key($0) == "," }).map { $0 + 1 }) ?? range.lowerBound
            // A cue that shares the subject of an earlier verb reports for that subject.
            let shared = sharedSubject(ofCue: c, clause: clause, in: range, context: context)
            if shared == nil, c == clause || c - clause > longestReportSource {
                // A subject set off by asides ("Officials at the agency, a division of …, said").
                guard let subject = subjects.subject(before: c, floor: range.lowerBound) else { continue }
                clause = subject.lowerBound
            }
            var start = c + cue.length
            guard start < end else { continue }
            start = pastObject(from: start, end: end, text: text)
            if start < end, text.key(start) == ":" { start += 1 }
            // After a comma, what was said goes on (`The plan, Ortiz said, is …`, `Ortiz said,
            // "…"`); a participle's phrase there is about the speaker (`Ortiz said, describing …`).
            if start + 1 < end, text.key(start) == ",", !isParticiplePhrase(start + 1, end: end, text: text) { start += 1 }
            guard end - start >= shortestContent, opensContent(start, text: text) else { continue }
            // The speaker heads the subject ("Former agency official Ana Ruiz", "WASHINGTON — the
            // agency"); words before the cue that read as no subject are all there is to go on.
            let attribution = shared.map { context.speaker(inPhrase: $0.subject, cue: cue.text, rule: $0.rule) }
                ?? subjects.subject(before: c, floor: clause).map { context.speaker(inPhrase: $0, cue: cue.text, rule: .indirectCueBefore) }
                ?? context.speaker(amongWords: clause..<c, cue: cue.text, rule: .indirectCueBeforeWords)
            return split((start, attribution), end: end, text: text)
        }
        return []
    }

    /// What the speaker says from token `start` to `end`: one report, or two when a second cue
    /// shares the speaker, joined by "and" or "but" (`said the fund was empty, and called the
    /// plan "…"`, rule `indirect-coordinated`) or a participle after a comma (`said the fund was
    /// empty, adding that …`, rule `indirect-participle`): the words up to the punctuation
    /// before the joint, and what the second cue reports, by the same speaker.
    private static func split(_ report: (start: Int, attribution: Attribution), end: Int, text: SpeechText) -> [(span: Span, attribution: Attribution)] {
        let tokens = text.document.tokens
        let whole = [(Span(tokens[report.start].span.start, tokens[end - 1].span.end), report.attribution)]
        guard report.start + shortestContent < end - 1,
            let (joint, rule) = ((report.start + shortestContent)..<(end - 1)).lazy.compactMap({ t -> (Int, SpeakerRule)? in
                guard !text.quoted[t], text.cue(at: t + 1) != nil else { return nil }
                if SpeakerWords.coordinators.contains(text.key(t)) { return (t, .indirectCoordinated) }
                return text.key(t) == "," && text.facts.isParticiple(t + 1) ? (t, .indirectParticiple) : nil
            }).first,
            let cue = text.cue(at: joint + 1)
        else { return whole }
        var last = joint
        while last > report.start + shortestContent, tokens[last - 1].kind == .punctuation { last -= 1 }
        var reports = [(Span(tokens[report.start].span.start, tokens[last - 1].span.end), report.attribution)]
        let start = pastObject(from: joint + 1 + cue.length, end: end, text: text)
        guard end - start >= shortestContent, opensContent(start, text: text) else { return reports }
        var second = report.attribution
        (second.cue, second.rule) = (cue.text, rule)
        reports.append((Span(tokens[start].span.start, tokens[end - 1].span.end), second))
        return reports
    }

    /// Where what a cue reports starts, from token `start` right after the cue: past an object
    /// and its "that" ("told reporters that …"), or at `start`.
    static func pastObject(from start: Int, end: Int, text: SpeechText) -> Int {
        (start..<min(end, start + longestObject + 1)).first(where: { text.key($0) == "that" }).map { $0 + 1 } ?? start
    }

    /// The subject a cue at token `c` shares with the clause before it, in the sentence part
    /// `range`: a participle cue after a comma (`The mayor defended the plan, saying it …`), or
    /// a cue after a conjunction ("and", "but") with no subject of its own (`Ortiz thanked the crowd and said
    /// it …`) reports for the subject of the first verb. `clause` is where the cue's own clause
    /// starts (after the last comma before it).
    private static func sharedSubject(ofCue c: Int, clause: Int, in range: Range<Int>, context: QuoteContext) -> (subject: Range<Int>, rule: SpeakerRule)? {
        let facts = context.text.facts
        guard c - 1 > range.lowerBound else { return nil }
        if c == clause, facts.isParticiple(c) {
            return context.subjects.firstSubject(in: range.lowerBound..<(c - 1)).map { ($0, .indirectParticiple) }
        }
        guard facts.grammar.isA(context.text.key(c - 1), .conjunction), context.subjects.subject(before: c, floor: range.lowerBound) == nil else { return nil }
        return context.subjects.firstSubject(in: range.lowerBound..<(c - 1)).map { ($0, .indirectCoordinated) }
    }

    /// The reporting clause set off by a comma after what was said (`…, Ortiz said.`, `…, said
    /// Ortiz, a lawyer for the union.`, `…, Ortiz said, two days later.`), with what was said
    /// before it; nil when the sentence part `range` (its closing punctuation left out) has
    /// none. A clause whose words run on after the cue (`X, a lawyer, said the plan …`) opens
    /// the report rather than closing it, and is left to the reading of `X said …`.
    private static func trailingReport(in range: Range<Int>, context: QuoteContext) -> (span: Span, attribution: Attribution)? {
        let text = context.text
        let facts = text.facts
        let subjects = context.subjects
        let tokens = text.document.tokens
        let end = range.upperBound
        let lowest = range.lowerBound + shortestContent
        guard lowest < end else { return nil }
        // A phrase that opens with a preposition and has no verb before the comma sets the
        // scene ("In a statement, the company said: …"); it is not what was said.
        let opensWithPreposition = facts.grammar.isA(text.key(range.lowerBound), .preposition)
        var isLastComma = true
        for comma in (max(lowest, end - CueAfterSieve.reach)..<end).reversed() where text.key(comma) == "," {
            defer { isLastComma = false }
            var first = comma + 1
            while first < end, facts.words[first].kind == .quote { first += 1 }
            let segmentEnd = isLastComma ? end : (first..<end).first { text.key($0) == "," } ?? end
            guard let c = (first..<segmentEnd).first(where: { text.cue(at: $0) != nil }), let cue = text.cue(at: c),
                c + cue.length >= end || text.key(c + cue.length) != "that"
            else { continue }
            if opensWithPreposition, !(range.lowerBound..<comma).contains(where: { facts.isVerb($0) }) { continue }
            let content = Span(tokens[range.lowerBound].span.start, tokens[comma - 1].span.end)
            let after = c + cue.length
            // "X, a lawyer for the union, said the plan …": what stands before the comma is the
            // cue's subject with its asides, not what was said, when words run on after the cue.
            if end - after > CueAfterSieve.longestTail, subjects.subject(before: c, floor: range.lowerBound)?.lowerBound == range.lowerBound { continue }
            // Words introducing a quotation (`…, the mayor replied, "…"`) report the
            // quotation, not words before it that report on their own (`Ortiz said the fund was
            // empty, and …`); an opening phrase with no reporting clause (`Asked about it, …`,
            // `Lamenting the loss, …`) is the speaker's still.
            if after + 1 < range.upperBound, text.key(after) == "," || text.key(after) == ":", facts.words[after + 1].kind == .quote,
                (range.lowerBound..<comma).contains(where: { text.cue(at: $0) != nil && subjects.subject(before: $0, floor: range.lowerBound) != nil })
            {
                continue
            }
            // Past its cue, the clause ends the sentence, give or take a few words, or runs on
            // with words that have no verb ("told reporters on Monday"); a clause that runs on
            // ("said the plan would …") reports something else.
            let tailCloses = end - after <= CueAfterSieve.longestTail && !(after..<end).contains(where: { !text.quoted[$0] && facts.grammar.isA(text.key($0), .auxiliary) })
                || !(after..<end).contains(where: { !text.quoted[$0] && facts.isVerb($0) })
            let source = c == first ? subjects.subject(after: after, limit: end) : subjects.subject(before: c, floor: first)
            if let source, c == first || source.lowerBound == first {
                // After an inverted cue, the name ends the sentence or an aside follows it
                // ("said Ortiz, a lawyer").
                let closes = c == first
                    ? source.upperBound < facts.words.count && text.key(source.upperBound) == "," || !(source.upperBound..<end).contains(where: { !text.quoted[$0] && facts.isVerb($0) })
                    : tailCloses
                guard closes else { continue }
                return (content, context.speaker(inPhrase: source, cue: cue.text, rule: .indirectCueAfter))
            }
            // Words after the last comma that read as no subject are all there is to go on;
            // grammar words alone ("…, however, have declared …") name no reporter, and a clause
            // that runs on after its cue (`…, but Ortiz said the plan …`) reports what follows.
            guard isLastComma, end - comma - 1 <= SubjectReader.longestSource + 2, c == first || tailCloses else { continue }
            let words = c == first ? after..<end : first..<c
            if words.contains(where: { !facts.grammar.isGrammarWord(text.key($0)) && facts.words[$0].alphabetic }) {
                return (content, context.speaker(amongWords: words, cue: cue.text, rule: .indirectReport))
            }
        }
        return nil
    }
}
