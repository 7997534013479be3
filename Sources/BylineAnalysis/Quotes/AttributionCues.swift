import BylineCore

/// A learned detector of attribution cues: the words by which a sentence reports what someone
/// says, believes, wants or holds ("wants", "endorses", "estimates", "worry"), beyond the
/// listed cues the rules of ``ReportedSpeech`` read. An averaged perceptron scores each
/// candidate word from its features (``features(at:in:context:)``); its model,
/// `attribution-cues.tsv`, is trained on PolNeAR train by `byline train attributions`
/// (``AttributionCueTrainer``).
///
/// A cue whose report no rule found gives an `indirect` report (rule `indirect-learned-cue`):
/// what follows it to the sentence's end, or, when it closes its sentence (`…, the union
/// believes.`), the clause before its subject; its speaker is its subject, which names a person
/// or a body or is a pronoun.
struct AttributionCues: Sendable {
    static let shared = AttributionCues(DataFile(PackageResources.attribution_cues_tsv))

    /// The score of each feature, in thousandths.
    private let weights: [String: Int]
    /// The words that can be cues: those the model was trained on as candidates.
    private let candidates: WordMap<Bool>
    /// The lowest score of each calibration bin and the share of cues among the training words
    /// scoring so (thousandths), by rising score.
    private let calibration: [(score: Int, probability: Int)]

    /// The calibrated probability, in thousandths, from which a candidate is taken for a cue.
    /// A report adds to the attributions' F1 when more than about a third of such reports are
    /// right; chosen on a fifth of PolNeAR train held out from a model trained on the rest
    /// (attributions F1 there: 0.3 → 67.4, 0.4 → 67.7, 0.5 → 66.3, 0.6 → 65.4, measured before
    /// rare cues were left out of the candidates), the higher of the two best for fewer wrong
    /// reports.
    static let threshold = 400

    /// Reads a model file; its feature lines, most of it, are split at their one tab only
    /// (the file is read at every start).
    init(_ file: DataFile) {
        var weights: [String: Int] = [:]
        weights.reserveCapacity(file.lines.count)
        var forms: [String: Bool] = [:]
        var calibration: [(score: Int, probability: Int)] = []
        for line in file.lines {
            guard let tab = line.utf8.lastIndex(of: UInt8(ascii: "\t")), let value = Int(line[line.index(after: tab)...]) else { continue }
            let name = line[..<tab]
            if name.hasPrefix(AttributionCueTrainer.calibrationLine + "\t") {
                if let score = Int(name.dropFirst(AttributionCueTrainer.calibrationLine.count + 1)) { calibration.append((score, value)) }
                continue
            }
            weights[String(name)] = value
            if name.hasPrefix(Feature.word) { forms[String(name.dropFirst(Feature.word.count))] = true }
        }
        self.weights = weights
        self.calibration = calibration.sorted { $0.score < $1.score }
        candidates = WordMap(forms)
    }

    /// The names of the features, by their prefix.
    enum Feature {
        static let bias = "b", word = "w=", lemma = "l=", suffix = "s=", previous = "p=", next = "n=", secondPrevious = "p2=",
            secondNext = "n2=", lemmaNext = "l+n=", previousLemma = "p+l=", subject = "subject=",
            subjectLemma = "subject+l=", previousClass = "p-class=", nextClass = "n-class=", opens = "opens", closes = "closes", participle = "ing", speechNoun = "speech-noun"
    }

    /// The longest suffix feature, in characters.
    static let suffixLength = 3

    /// A crude lemma: the word without an inflection's ending ("wants", "wanted", "wanting" →
    /// "want"; "worries", "worried" → "worry"), so that a form unseen in training shares what
    /// its other forms taught.
    static func lemma(_ key: String) -> String {
        let count = key.count
        if count > 4, key.hasSuffix("ies") || key.hasSuffix("ied") { return key.dropLast(3) + "y" }
        if count > 5, key.hasSuffix("ing") { return String(key.dropLast(3)) }
        if count > 4, key.hasSuffix("ed") || key.hasSuffix("es") { return String(key.dropLast(2)) }
        if count > 3, key.hasSuffix("s"), !key.hasSuffix("ss") { return String(key.dropLast()) }
        return key
    }

    /// Whether token `t` of sentence `sentence` has the shape of a cue word the rules do not
    /// read: a word outside quotation marks, not capitalised inside its sentence, no grammar
    /// word, and no listed cue (whose reports ``ReportedSpeech`` and the sieves read already).
    static func hasCueShape(_ t: Int, in sentence: Range<Int>, text: SpeechText) -> Bool {
        let word = text.facts.words[t]
        return word.alphabetic && !text.quoted[t] && (!word.capitalised || t == sentence.lowerBound) && !text.facts.grammar.isGrammarWord(word.key)
            && text.cue(at: t) == nil
    }

    /// The features of the candidate cue at token `t` of sentence `sentence`: the word, its
    /// lemma and ending, its neighbours, whether a subject stands before it and what kind
    /// (a person, a body, a pronoun, other words), whether it is a speech noun, opens its
    /// sentence or closes it.
    static func features(at t: Int, in sentence: Range<Int>, context: QuoteContext) -> [String] {
        let text = context.text
        let key = text.key(t)
        let lemma = Self.lemma(key)
        func word(_ i: Int) -> String { sentence.contains(i) ? text.key(i) : "_" }
        let subject = subjectKind(before: t, in: sentence, context: context)
        var features = [
            Feature.bias, Feature.word + key, Feature.lemma + lemma, Feature.suffix + String(key.suffix(suffixLength)),
            Feature.previous + word(t - 1), Feature.next + word(t + 1), Feature.secondPrevious + word(t - 2), Feature.secondNext + word(t + 2),
            Feature.lemmaNext + lemma + " " + word(t + 1), Feature.previousLemma + word(t - 1) + " " + lemma,
            Feature.subject + subject, Feature.subjectLemma + subject + " " + lemma,
            Feature.previousClass + wordClass(t - 1, in: sentence, text: text), Feature.nextClass + wordClass(t + 1, in: sentence, text: text),
        ]
        if SpeakerWords.speechNouns.contains(key) { features.append(Feature.speechNoun) }
        if text.facts.isParticiple(t) { features.append(Feature.participle) }
        if t == sentence.lowerBound { features.append(Feature.opens) }
        if contentEnd(of: sentence, text: text) - t <= shortestTail { features.append(Feature.closes) }
        return features
    }

    /// The grammar class of token `i` as a feature: the first of ``PhraseWords/Class`` it is,
    /// "punctuation", "word", or "_" outside sentence `sentence`.
    private static func wordClass(_ i: Int, in sentence: Range<Int>, text: SpeechText) -> String {
        guard sentence.contains(i) else { return "_" }
        let word = text.facts.words[i]
        guard word.alphabetic else { return word.kind == .punctuation ? "punctuation" : "word" }
        return PhraseWords.Class.allCases.first { text.facts.grammar.isA(word.key, $0) }?.rawValue ?? "word"
    }

    /// The most tokens of a reporting clause that closes a sentence, its comma included
    /// (`, the agency's spokeswoman said`).
    static let longestClosingClause = 8

    /// The most words after a cue that closes its sentence (`…, officials believe so.`).
    static let shortestTail = 3

    /// What stands before token `t` as its subject: "person" or "body" (a mention of one),
    /// "pronoun", "words" (a subject no entity stands for) or "none".
    private static func subjectKind(before t: Int, in sentence: Range<Int>, context: QuoteContext) -> String {
        guard let subject = context.subjects.subject(before: t, floor: sentence.lowerBound) else { return "none" }
        if let mention = subject.lazy.compactMap({ context.mentions[$0] }).first {
            return context.mentions.type(of: mention.entity) == .person ? "person" : "body"
        }
        return subject.count == 1 && Pronoun.english[context.text.key(subject.lowerBound)] != nil ? "pronoun" : "words"
    }

    /// Where the words of sentence `sentence` end, its closing punctuation and quote marks left out.
    private static func contentEnd(of sentence: Range<Int>, text: SpeechText) -> Int {
        var end = sentence.upperBound
        while end > sentence.lowerBound, text.facts.words[end - 1].kind == .punctuation || text.facts.words[end - 1].kind == .quote { end -= 1 }
        return end
    }

    /// The model's score of features `features`, in thousandths.
    func score(_ features: [String]) -> Int {
        features.reduce(0) { $0 + (weights[$1] ?? 0) }
    }

    /// The calibrated probability, in thousandths, that a word scoring `score` is a cue.
    func probability(ofScore score: Int) -> Int {
        Self.probability(ofScore: score, calibration: calibration)
    }

    /// The probability, in thousandths, calibration bins `calibration` (by rising score) give a
    /// score: that of the last bin starting at or below it; 0 without bins.
    static func probability(ofScore score: Int, calibration: [(score: Int, probability: Int)]) -> Int {
        calibration.last { $0.score <= score }?.probability ?? calibration.first?.probability ?? 0
    }

    /// Whether token `t` of sentence `sentence` is a word the model can take for a cue.
    func isCandidate(_ t: Int, in sentence: Range<Int>, text: SpeechText) -> Bool {
        text.facts.words[t].alphabetic && !text.quoted[t] && candidates[text.key(t)] != nil && Self.hasCueShape(t, in: sentence, text: text)
    }

    /// The reports of the cues the model finds in sentence `sentence` whose words no report of
    /// `found` nor quotation already holds (one covering at least half of the longer of the two).
    func reports(in sentence: Range<Int>, context: QuoteContext, besides found: [Span]) -> [(span: Span, attribution: Attribution)] {
        let text = context.text
        var reports: [(span: Span, attribution: Attribution)] = []
        var taken: [Span]?
        var t = sentence.lowerBound
        while t < sentence.upperBound {
            defer { t += 1 }
            // A cue whose subject is no speaker reports nothing: its score is not worth reading.
            guard isCandidate(t, in: sentence, text: text), let speaker = speaker(ofCue: t, in: sentence, context: context) else { continue }
            let probability = probability(ofScore: score(Self.features(at: t, in: sentence, context: context)))
            guard probability >= Self.threshold, let report = report(ofCue: t, speaker: speaker, in: sentence, context: context) else { continue }
            let held = taken ?? found + Self.quotations(in: sentence, text: text)
            taken = held
            guard !held.contains(where: { 2 * (min($0.end, report.span.end) - max($0.start, report.span.start)) >= max($0.length, report.span.length) })
            else { continue }
            var attribution = report.attribution
            attribution.confidence = Double(probability) / 1000
            reports.append((report.span, attribution))
        }
        return reports
    }

    /// The stretches of sentence `sentence` inside quotation marks.
    private static func quotations(in sentence: Range<Int>, text: SpeechText) -> [Span] {
        var spans: [Span] = []
        var t = sentence.lowerBound
        while t < sentence.upperBound {
            guard text.quoted[t] else {
                t += 1
                continue
            }
            let start = t
            while t < sentence.upperBound, text.quoted[t] { t += 1 }
            spans.append(text.facts.span(start..<t))
        }
        return spans
    }

    /// The subject of the cue at token `c` and the speaker it names: a person or a body, or a
    /// pronoun. Nil for any other subject (`the new keyboard features …`, `farmers now have
    /// barely …`) or none: what is reported is someone's.
    private func speaker(ofCue c: Int, in sentence: Range<Int>, context: QuoteContext) -> (subject: Range<Int>, attribution: Attribution)? {
        guard let subject = context.subjects.subject(before: c, floor: sentence.lowerBound) else { return nil }
        let attribution = context.speaker(inPhrase: subject, cue: context.text.word(c), rule: .indirectLearnedCue)
        guard attribution.entity != nil || subject.count == 1 && Pronoun.english[context.text.key(subject.lowerBound)] != nil else { return nil }
        return (subject, attribution)
    }

    /// What the cue at token `c` with its subject and `speaker` reports: the words after it
    /// (past an object and "that", a colon or a comma) to the end of the sentence, or, when it
    /// closes the sentence, the clause before the comma before its subject. Nil when too few
    /// words are left.
    private func report(ofCue c: Int, speaker: (subject: Range<Int>, attribution: Attribution), in sentence: Range<Int>, context: QuoteContext)
        -> (span: Span, attribution: Attribution)?
    {
        let text = context.text
        let end = Self.contentEnd(of: sentence, text: text)
        let (subject, attribution) = speaker
        var start = ReportedSpeech.pastObject(from: c + 1, end: end, text: text)
        if start < end, text.key(start) == ":" || text.key(start) == "," { start += 1 }
        if end - start >= ReportedSpeech.shortestContent {
            // A reporting clause of its own closing the sentence (`…, officials said.`) is no
            // part of what the cue reports.
            let closing = (max(start + ReportedSpeech.shortestContent, end - Self.longestClosingClause)..<end).last {
                text.key($0) == "," && (($0 + 1)..<end).contains { text.cue(at: $0) != nil }
            }
            return (text.facts.span(start..<(closing ?? end)), attribution)
        }
        // A cue closing its sentence reports the clause before its subject's comma.
        let opener = subject.lowerBound
        guard opener > sentence.lowerBound, text.key(opener - 1) == ",", opener - 1 - sentence.lowerBound >= ReportedSpeech.shortestContent else { return nil }
        return (text.facts.span(sentence.lowerBound..<(opener - 1)), attribution)
    }
}
