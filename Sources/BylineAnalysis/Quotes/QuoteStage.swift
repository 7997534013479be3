import BylineCore

/// Finds quotations and gives each to its speaker.
///
/// Quote spans are the stretches between double quotation marks (straight, curly, low-high,
/// guillemets) inside a paragraph; a paragraph that ends inside an open quote continues in
/// the next paragraph when that one opens with a quote mark (the newswire convention). A quote
/// that opens its sentence is `direct`, one inside a sentence `partial`. A quote in title case
/// or introduced as a title ("the theme …", "the film …", "her novel, …") is no one's speech
/// and gets no speaker (rule `title`); the name of a work or a programme is of kind `title`.
///
/// Speakers are decided by sieves, in the order of ``SieveOrder``; the first that decides
/// records its rule (``SpeakerRule``), and the quote's confidence is that rule's measured
/// precision (``SpeakerCalibration``). Pronouns are read as the coreference stage resolved them.
public struct QuoteStage: Stage {
    static let stageName = "quotes"
    public let name = Self.stageName
    public let requires: Set<Layer> = [.text, .paragraphs, .tokens, .sentences, .times, .entities, .coreference]
    public let provides: Set<Layer> = [.quotes]

    /// The learned ranking of candidate speakers; nil leaves every speaker to the sieves.
    let ranker: SpeakerRanker?
    /// The learned tagger of reported content no rule finds; nil leaves reports to the rules
    /// and the cue detector (as when the tagger itself is trained).
    let content: ContentTagger?

    public init() {
        self.init(ranker: .shared, content: .shared)
    }

    init(ranker: SpeakerRanker?, content: ContentTagger? = .shared) {
        self.ranker = ranker
        self.content = content
    }

    /// The stage without the learned content tagger: what ``ContentTaggerTrainer`` learns from.
    public static let withoutLearnedContent = QuoteStage(ranker: .shared, content: nil)

    /// A speaker rule measured right at least this often on PolNeAR train is certain: the
    /// ranker leaves its decisions alone.
    static let certainPrecision = 0.97

    /// Whether the ranker leaves a decision by `rule`, of this measured precision, alone: a
    /// certain rule's, or a signature's (a dash and a name after a quote name its speaker
    /// outright, however rarely PolNeAR has one to measure).
    static func isCertain(_ rule: SpeakerRule, precision: Double) -> Bool {
        precision >= certainPrecision || rule.sieve == .dashSignature
    }

    public func run(on document: inout Document) {
        document.quotes = quotes(in: document, observe: nil)
    }

    /// Each quote between quote marks (titles aside) with its speaker candidates, as the sieves
    /// alone decide them: the ranker's training examples.
    func speakerChoices(in document: Document) -> [(span: Span, candidates: [SpeakerCandidate])] {
        var choices: [(span: Span, candidates: [SpeakerCandidate])] = []
        _ = quotes(in: document) { choices.append(($0, $1)) }
        return choices
    }

    /// The document's quotes and reports; `observe` is shown each quote's span and candidates.
    func quotes(in document: Document, observe: ((Span, [SpeakerCandidate]) -> Void)?) -> [Quote] {
        let context = QuoteContext(document: document, facts: FactText(document))
        let calibration = SpeakerCalibration.shared
        // Reported speech in the article's sentences: what it says, and who speaks where.
        var memory = SpeakerMemory(paragraphOfSentence: context.text.paragraphOfSentence)
        var reports: [(span: Span, attribution: Attribution)] = []
        let articleSentences = Self.articleSentences(of: document)
        for s in articleSentences {
            let sentence = document.sentences[s]
            let found = ReportedSpeech.reports(in: sentence.tokens, context: context)
            for report in found {
                reports.append(report)
                // Only a named reporter carries on into the quotes after.
                if report.attribution.entity != nil { memory.note(report.attribution, sentence: s) }
            }
            reports += AttributionCues.shared.reports(in: sentence.tokens, context: context, besides: found.map(\.span))
        }
        var quotes: [Quote] = []
        var runsOn = false
        // The gender each person's mentions tell, read the first time a quote's candidates are.
        var genders: PersonGenders?
        for quote in context.text.quotes {
            let kind = context.isWorkTitle(quote) ? .title : context.kind(of: quote)
            let isTitle = kind == .title || context.isTitle(quote)
            let sieves = kind == .direct ? SieveOrder.directQuotes : SieveOrder.partialQuotes
            var attribution = isTitle ? nil : sieves.lazy.compactMap { $0.attribute(quote, in: context, memory: memory) }.first
            var confidence = attribution.map { calibration.confidence(of: $0.rule) } ?? 0
            // The candidates are read only where the ranker may decide, or for training.
            if !isTitle, let decided = attribution {
                let ranking = Self.isCertain(decided.rule, precision: confidence) ? nil : ranker
                if ranking != nil || observe != nil {
                    let s = context.text.sentenceIndex(at: quote.span.start)
                    let previous = s.flatMap { memory.lastSpeaker(before: $0, in: quote.paragraph)?.attribution.entity }
                    let personGenders = genders ?? PersonGenders(document: document)
                    genders = personGenders
                    let candidates = context.speakerCandidates(for: quote, kind: kind, decided: decided, previous: previous, genders: personGenders)
                    observe?(quote.span, candidates)
                    if let ranking { (attribution, confidence) = ranking.decide(among: candidates, sieves: decided, precision: confidence) }
                }
            }
            if let attribution, let s = context.text.sentenceIndex(at: max(quote.span.end, attribution.mention?.start ?? 0) - 1) {
                memory.note(attribution, sentence: s)
            }
            let found = Quote(
                kind: kind, span: quote.span, speaker: attribution?.entity.map { document.entities[$0].id },
                speakerMention: attribution?.mention, cue: attribution?.cue, confidence: confidence,
                provenance: Provenance(stage: name, rule: attribution?.rule.id ?? (isTitle ? QuoteRule.title : .unattributed).id))
            // A quote left open at the end of its paragraph goes on in the next one that opens
            // with a quote mark: one quotation, which keeps its first paragraph's speaker (or
            // the next one's, when the first had none).
            if runsOn, quote.continues, var last = quotes.popLast() {
                last.span = Span(last.span.start, found.span.end)
                if last.speaker == nil, found.speaker != nil {
                    (last.speaker, last.speakerMention, last.cue) = (found.speaker, found.speakerMention, found.cue)
                    (last.confidence, last.provenance) = (found.confidence, found.provenance)
                }
                quotes.append(last)
            } else {
                quotes.append(found)
            }
            runsOn = quote.close == nil
        }
        // What quotes already report is not reported again (a report half or more of whose
        // words are quoted, directly or in part), and the words that attribute a quote
        // ("Ortiz, a lawyer, said.") are not reported speech.
        let direct = SpanIndex(quotes.filter { $0.kind == .direct }.map(\.span))
        let quoted = SpanIndex(quotes.filter { $0.kind == .direct || $0.kind == .partial }.map(\.span))
        let speakers = SpanIndex(quotes.compactMap(\.speakerMention))
        for (reported, attribution) in reports {
            let span = Self.before(firstQuoteIn: reported, direct: direct, context: context)
            let covered = quoted.overlapping(span).reduce(0) { $0 + $1.overlap(with: span) }
            guard 2 * covered < span.end - span.start,
                !speakers.overlapping(span).contains(where: { span.start <= $0.start && $0.end <= span.end })
            else { continue }
            quotes.append(
                Quote(
                    kind: .indirect, span: span, speaker: attribution.entity.map { document.entities[$0].id }, speakerMention: attribution.mention,
                    cue: attribution.cue, confidence: attribution.confidence ?? calibration.confidence(of: attribution.rule),
                    provenance: Provenance(stage: name, rule: attribution.rule.id)))
        }
        if let content { quotes += content.reports(context: context, quotes: quotes, sentences: articleSentences.map { document.sentences[$0].tokens }) }
        return quotes.sorted { $0.span.start < $1.span.start }
    }

    /// The numbers of the sentences of `document` that are article text (not a caption, a
    /// credit or page chrome): those whose reports are read.
    static func articleSentences(of document: Document) -> [Int] {
        let notArticle = document.paragraphs.filter { !$0.kind.isArticleText }.map(\.span)
        return document.sentences.indices.filter { s in
            let span = document.sentences[s].span
            return !notArticle.contains { $0.start <= span.start && span.end <= $0.end }
        }
    }

    /// The words of a report before a clause of its own that introduces a direct quote (`She
    /// said the fund was empty, and the mayor replied, "…"`): up to the clause opener after a
    /// comma (", and") before the quote. The report as it is when no direct quote opens inside
    /// it, no such clause stands before the quote, or too little would be left.
    private static func before(firstQuoteIn span: Span, direct: SpanIndex, context: QuoteContext) -> Span {
        guard let quote = direct.overlapping(span).first(where: { $0.start > span.start }) else { return span }
        let text = context.text
        let tokens = context.document.tokens
        let first = text.token(at: span.start)
        guard var end = (first..<text.token(at: quote.start)).last(where: { $0 > first && text.key($0 - 1) == "," && SpeakerWords.clauseOpeners.contains(text.key($0)) })
        else { return span }
        while end > first, tokens[end - 1].kind == .punctuation || tokens[end - 1].kind == .quote { end -= 1 }
        guard end - first >= ReportedSpeech.shortestContent else { return span }
        return Span(span.start, tokens[end - 1].span.end)
    }
}

/// The rules of the quote stage, as its facts record them; the rule catalogue
/// (`Resources/rules.tsv`) says what each one means.
enum QuoteRule: String, StageRule {
    case title, unattributed
    /// Reported content the learned tagger (``ContentTagger``) found where no rule did.
    case learnedContent = "indirect-learned-content"
}

/// Spans sorted by start, for finding those that overlap a span without reading them all.
struct SpanIndex {
    private let spans: [Span]
    /// The furthest end of the spans up to each one, which never decreases.
    private let reach: [Int]

    init(_ spans: [Span]) {
        self.spans = spans.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        var furthest = Int.min
        reach = self.spans.map { span in
            furthest = max(furthest, span.end)
            return furthest
        }
    }

    /// The spans that overlap `span` (and perhaps a few before it that end inside it), in order.
    func overlapping(_ span: Span) -> ArraySlice<Span> {
        let first = reach.firstIndex(atOrAfter: span.start + 1)
        var last = first
        while last < spans.count, spans[last].start < span.end { last += 1 }
        return spans[first..<last]
    }
}
