import BylineCore

/// A learned detector of attribution cues: the words by which a sentence reports what someone
/// says, believes, wants or holds ("wants", "endorses", "estimates", "worry"), beyond the
/// listed cues the rules of ``ReportedSpeech`` read. An averaged perceptron scores each
/// candidate word from its features (``formFeatures(_:into:)``, ``contextFeatures(at:in:text:into:)``,
/// ``subjectFeatures(_:lemma:into:)``), read as hashes of their names, never spelled out; its model,
/// `attribution-cues.tsv`, is trained on PolNeAR train by `byline train attributions`
/// (``AttributionCueTrainer``).
///
/// A cue whose report no rule found gives an `indirect` report (rule `indirect-learned-cue`):
/// what follows it to the sentence's end, or, when it closes its sentence (`…, the union
/// believes.`), the clause before its subject; its speaker is its subject, which names a person
/// or a body or is a pronoun.
struct AttributionCues: Sendable {
    static let shared = AttributionCues(DataFile(PackageResources.attribution_cues_tsv))

    /// The score of each feature, in thousandths, by the hash of its name (``FeatureScore``).
    private let weights: FeatureWeights
    /// The words that can be cues, those the model was trained on as candidates, each with its
    /// number in ``formScores`` and ``subjectScores``.
    private let candidates: WordMap<Int>
    /// The score of each candidate word's own features (``formFeatures(_:into:)``).
    private let formScores: [Int]
    /// The score each kind of subject gives each candidate word (``subjectFeatures(_:lemma:into:)``),
    /// ``SubjectKind/kinds`` scores a word.
    private let subjectScores: [Int]
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
    /// The calibrated probability, in thousandths, from which a cue whose subject names no one
    /// (no person, body or pronoun: `polling averages show …`) is taken. Such reports are
    /// PolNeAR's often, but out of its domain (AEB's web pages: product reviews, science, sport)
    /// most below this were wrong when read; above it most were right.
    static let anonymousThreshold = 700

    /// Reads a model file; its feature lines, most of it, are split at their one tab only
    /// (the file is read at every start).
    init(_ file: DataFile) {
        var weights: [(hash: UInt64, weight: Int)] = []
        weights.reserveCapacity(file.lines.count)
        var forms: [String] = []
        var calibration: [(score: Int, probability: Int)] = []
        for line in file.lines {
            guard let tab = line.utf8.lastIndex(of: UInt8(ascii: "\t")), let value = Int(line[line.index(after: tab)...]) else { continue }
            let name = line[..<tab]
            if name.hasPrefix(AttributionCueTrainer.calibrationLine + "\t") {
                if let score = Int(name.dropFirst(AttributionCueTrainer.calibrationLine.count + 1)) { calibration.append((score, value)) }
                continue
            }
            weights.append((FeatureScore.hash(name), value))
            if name.hasPrefix(Feature.word) { forms.append(String(name.dropFirst(Feature.word.count))) }
        }
        let table = FeatureWeights(weights)
        self.weights = table
        // What a candidate word and its subject give is read once here, not at each candidate.
        candidates = WordMap(Dictionary(forms.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }))
        formScores = forms.map { form in
            var score = FeatureScore(weights: table)
            Self.formFeatures(form, into: &score)
            return score.total
        }
        subjectScores = forms.flatMap { form in
            SubjectKind.kinds.map { kind in
                var score = FeatureScore(weights: table)
                Self.subjectFeatures(kind, lemma: Lemma(form), into: &score)
                return score.total
            }
        }
        self.calibration = calibration.sorted { $0.score < $1.score }
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
        let lemma = Lemma(key)
        return String(lemma.stem + lemma.ending)
    }

    /// A word's lemma (``lemma(_:)``) as the start of the word it keeps and the ending it adds,
    /// read without making a string.
    struct Lemma {
        let stem: Substring
        let ending: Substring

        init(_ key: String) {
            let count = key.count
            if count > 4, key.hasSuffix("ies") || key.hasSuffix("ied") {
                (stem, ending) = (key.dropLast(3), "y")
            } else if count > 5, key.hasSuffix("ing") {
                (stem, ending) = (key.dropLast(3), "")
            } else if count > 4, key.hasSuffix("ed") || key.hasSuffix("es") {
                (stem, ending) = (key.dropLast(2), "")
            } else if count > 3, key.hasSuffix("s"), !key.hasSuffix("ss") {
                (stem, ending) = (key.dropLast(), "")
            } else {
                (stem, ending) = (key[...], "")
            }
        }
    }

    /// Whether token `t` of sentence `sentence` has the shape of a cue word the rules do not
    /// read: a word outside quotation marks, not capitalised inside its sentence, no grammar
    /// word, and no listed cue (whose reports ``ReportedSpeech`` and the sieves read already).
    static func hasCueShape(_ t: Int, in sentence: Range<Int>, text: SpeechText) -> Bool {
        let word = text.facts.words[t]
        return word.alphabetic && !text.quoted[t] && (!word.capitalised || t == sentence.lowerBound) && !text.facts.grammar.isGrammarWord(word.key)
            && text.cue(at: t) == nil
    }

    /// The features of the candidate cue at token `t` of sentence `sentence`, by name: its
    /// word's, its neighbours' and its subject's.
    static func features(at t: Int, in sentence: Range<Int>, context: QuoteContext) -> [String] {
        var names = FeatureNames()
        formFeatures(context.text.key(t), into: &names)
        contextFeatures(at: t, in: sentence, text: context.text, into: &names)
        let subject = context.subjects.subject(before: t, floor: sentence.lowerBound)
        subjectFeatures(SubjectKind(subject, context: context), lemma: Lemma(context.text.key(t)), into: &names)
        return names.names
    }

    /// The features of a candidate cue word `key` alone: the word, its lemma and ending, whether
    /// it is a speech noun.
    static func formFeatures(_ key: String, into sink: inout some CueFeatureSink) {
        let lemma = Lemma(key)
        sink.add(Feature.bias)
        sink.add(Feature.word, key[...])
        sink.add(Feature.lemma, lemma.stem, lemma.ending)
        sink.add(Feature.suffix, key.suffix(suffixLength))
        if SpeakerWords.speechNouns.contains(key) { sink.add(Feature.speechNoun) }
    }

    /// The features of the candidate cue at token `t` of sentence `sentence` that its place
    /// gives: its neighbours and their grammar classes, whether it is a participle, opens its
    /// sentence or closes it.
    static func contextFeatures(at t: Int, in sentence: Range<Int>, text: SpeechText, into sink: inout some CueFeatureSink) {
        let lemma = Lemma(text.key(t))
        func word(_ i: Int) -> Substring { sentence.contains(i) ? text.key(i)[...] : "_" }
        sink.add(Feature.previous, word(t - 1))
        sink.add(Feature.next, word(t + 1))
        sink.add(Feature.secondPrevious, word(t - 2))
        sink.add(Feature.secondNext, word(t + 2))
        sink.add(Feature.lemmaNext, lemma.stem, lemma.ending, " ", word(t + 1))
        sink.add(Feature.previousLemma, word(t - 1), " ", lemma.stem, lemma.ending)
        sink.add(Feature.previousClass, wordClass(t - 1, in: sentence, text: text)[...])
        sink.add(Feature.nextClass, wordClass(t + 1, in: sentence, text: text)[...])
        if text.facts.isParticiple(t) { sink.add(Feature.participle) }
        if t == sentence.lowerBound { sink.add(Feature.opens) }
        if contentEnd(of: sentence, text: text) - t <= shortestTail { sink.add(Feature.closes) }
    }

    /// The features of a candidate cue of lemma `lemma` that its subject's kind gives.
    static func subjectFeatures(_ subject: SubjectKind, lemma: Lemma, into sink: inout some CueFeatureSink) {
        sink.add(Feature.subject, subject.rawValue[...])
        sink.add(Feature.subjectLemma, subject.rawValue[...], " ", lemma.stem, lemma.ending)
    }

    /// The grammar class of token `i` as a feature: the first of ``PhraseWords/Class`` it is,
    /// "punctuation", "word", or "_" outside sentence `sentence`.
    private static func wordClass(_ i: Int, in sentence: Range<Int>, text: SpeechText) -> String {
        guard sentence.contains(i) else { return "_" }
        let word = text.facts.words[i]
        guard word.alphabetic else { return word.kind == .punctuation ? "punctuation" : "word" }
        return text.facts.grammar.firstClass(of: word.key)?.rawValue ?? "word"
    }

    /// The most tokens of a reporting clause that closes a sentence, its comma included
    /// (`, the agency's spokeswoman said`).
    static let longestClosingClause = 8

    /// The most words after a cue that closes its sentence (`…, officials believe so.`).
    static let shortestTail = 3

    /// What stands before a candidate as its subject: a person or a body (a mention of one),
    /// a pronoun, other words (a subject no entity stands for) or none.
    enum SubjectKind: String, CaseIterable {
        case person, body, pronoun, words, none

        /// All kinds, made once.
        static let kinds = allCases

        /// The kind's place in ``kinds``.
        var index: Int { Self.kinds.firstIndex(of: self) ?? 0 }

        /// The kind of subject `subject` (nil: none).
        init(_ subject: Range<Int>?, context: QuoteContext) {
            guard let subject else {
                self = .none
                return
            }
            if let mention = subject.lazy.compactMap({ context.mentions[$0] }).first {
                self = context.mentions.type(of: mention.entity) == .person ? .person : .body
            } else {
                self = subject.count == 1 && Pronoun.english[context.text.key(subject.lowerBound)] != nil ? .pronoun : .words
            }
        }
    }

    /// Where the words of sentence `sentence` end, its closing punctuation and quote marks left out.
    private static func contentEnd(of sentence: Range<Int>, text: SpeechText) -> Int {
        var end = sentence.upperBound
        while end > sentence.lowerBound, text.facts.words[end - 1].kind == .punctuation || text.facts.words[end - 1].kind == .quote { end -= 1 }
        return end
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

    /// The number of the candidate word at token `t` of sentence `sentence`, or nil for a word
    /// the model cannot take for a cue.
    private func candidate(_ t: Int, in sentence: Range<Int>, text: SpeechText) -> Int? {
        guard text.facts.words[t].alphabetic, !text.quoted[t], let form = candidates[text.key(t)], Self.hasCueShape(t, in: sentence, text: text) else { return nil }
        return form
    }

    /// The reports of the cues the model finds in sentence `sentence` whose words no report of
    /// `found` nor quotation already holds (one covering at least half of the longer of the two).
    /// A candidate with no subject before it is passed over unscored; who speaks is read only for a likely cue.
    func reports(in sentence: Range<Int>, context: QuoteContext, besides found: [Span]) -> [(span: Span, attribution: Attribution)] {
        let text = context.text
        var reports: [(span: Span, attribution: Attribution)] = []
        var taken: [Span]?
        var t = sentence.lowerBound
        while t < sentence.upperBound {
            defer { t += 1 }
            // A cue with no subject names no source: its score is not worth reading.
            guard let form = candidate(t, in: sentence, text: text), let subject = context.subjects.subject(before: t, floor: sentence.lowerBound)
            else { continue }
            let kind = SubjectKind(subject, context: context)
            var score = FeatureScore(weights: weights)
            Self.contextFeatures(at: t, in: sentence, text: text, into: &score)
            let probability = probability(ofScore: formScores[form] + subjectScores[form * SubjectKind.kinds.count + kind.index] + score.total)
            guard probability >= Self.threshold else { continue }
            let speaker = speaker(ofCue: t, subject: subject, context: context)
            guard speaker.attribution.entity != nil || kind == .pronoun || probability >= Self.anonymousThreshold,
                let report = report(ofCue: t, speaker: speaker, in: sentence, context: context)
            else { continue }
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

    /// Who speaks by the cue at token `c`: the person or body its subject `subject` names or a
    /// pronoun stands for, else no one, the subject's words alone being the source (`polling
    /// averages show …`, `the data suggest …`; see ``anonymousThreshold``).
    private func speaker(ofCue c: Int, subject: Range<Int>, context: QuoteContext) -> (subject: Range<Int>, attribution: Attribution) {
        (subject, context.speaker(inPhrase: subject, cue: context.text.word(c), rule: .indirectLearnedCue))
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

/// Where a candidate cue's features go, one at a time: each is the prefix of its name
/// (``AttributionCues/Feature``) and up to four parts, its name what they spell together.
protocol CueFeatureSink {
    /// Takes the feature named `prefix` followed by `parts` (those not needed empty).
    mutating func add(_ prefix: String, _ parts: (Substring, Substring, Substring, Substring))
}

extension CueFeatureSink {
    /// Takes the feature named `prefix` followed by the parts given.
    mutating func add(_ prefix: String, _ a: Substring = "", _ b: Substring = "", _ c: Substring = "", _ d: Substring = "") {
        add(prefix, (a, b, c, d))
    }
}

/// The names of a candidate's features, as the trainer numbers them.
struct FeatureNames: CueFeatureSink {
    private(set) var names: [String] = []

    mutating func add(_ prefix: String, _ parts: (Substring, Substring, Substring, Substring)) {
        names.append(prefix + parts.0 + parts.1 + parts.2 + parts.3)
    }
}

/// The weights of a model's features by the hashes of their names (``FeatureScore/hash(_:)``):
/// an open-addressing table, as a lookup for each feature of each candidate must be cheap.
struct FeatureWeights: Sendable {
    /// Per slot: a name's hash and its weight, or a hash of 0 for an empty slot.
    private let slots: [(hash: UInt64, weight: Int)]
    private let shift: UInt64

    /// A table of `weights`; a name's weight given twice is the last one (as a dictionary's).
    init(_ weights: [(hash: UInt64, weight: Int)]) {
        var bits: UInt64 = 4
        while 1 << bits < 2 * weights.count { bits += 1 }
        shift = 64 - bits
        var slots = [(hash: UInt64, weight: Int)](repeating: (0, 0), count: 1 << bits)
        for (hash, weight) in weights {
            precondition(hash != 0, "a feature name hashes to the empty slot's mark")
            var slot = Self.slot(of: hash, shift: shift)
            while slots[slot].hash != 0, slots[slot].hash != hash { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = (hash, weight)
        }
        self.slots = slots
    }

    /// The home slot of `hash`: its top bits after a multiplication that spreads FNV's.
    private static func slot(of hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> shift)
    }

    /// The weight of the feature whose name hashes to `hash`, or 0.
    subscript(hash hash: UInt64) -> Int {
        var slot = Self.slot(of: hash, shift: shift)
        while slots[slot].hash != 0 {
            if slots[slot].hash == hash { return slots[slot].weight }
            slot = (slot + 1) & (slots.count - 1)
        }
        return 0
    }
}

/// The score of a candidate's features, in thousandths: each feature's weight found by the
/// 64-bit FNV-1a hash of its name's UTF-8 bytes, taken over its parts in turn, so that no name
/// is spelled out.
struct FeatureScore: CueFeatureSink {
    let weights: FeatureWeights
    private(set) var total = 0

    init(weights: FeatureWeights) {
        self.weights = weights
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    private static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of a name, as ``add(_:_:)`` takes it over its parts.
    static func hash(_ name: Substring) -> UInt64 {
        step(offsetBasis, name)
    }

    /// `hash` carried on over the UTF-8 bytes of `part`.
    private static func step(_ hash: UInt64, _ part: Substring) -> UInt64 {
        var part = part
        return part.withUTF8 { $0.reduce(hash) { ($0 ^ UInt64($1)) &* prime } }
    }

    mutating func add(_ prefix: String, _ parts: (Substring, Substring, Substring, Substring)) {
        let hash = Self.step(Self.step(Self.step(Self.step(Self.hash(prefix[...]), parts.0), parts.1), parts.2), parts.3)
        total += weights[hash: hash]
    }
}
