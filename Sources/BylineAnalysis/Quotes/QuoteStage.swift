import BylineCore

/// Finds quotations and gives each to its speaker.
///
/// Quote spans are the stretches between double quotation marks (straight, curly, low-high,
/// guillemets) inside a paragraph; a paragraph that ends inside an open quote continues in
/// the next paragraph when that one opens with a quote mark (the newswire convention). A quote
/// that opens its sentence is `direct`, one inside a sentence `partial`. A quote in title case
/// or introduced as a title ("the theme …") is no one's speech and gets no speaker.
///
/// Speakers are decided by sieves, in order; the first that decides records its name in
/// `rule`: ``SpeakerSieve``.
public struct QuoteStage: Stage {
    public let name = "quotes"
    /// Times too: the grammar reader (``FactText``) does not read a time expression as a name.
    public let requires: Set<Layer> = [.text, .paragraphs, .tokens, .sentences, .times, .entities]
    public let provides: Set<Layer> = [.quotes]
    /// The pronouns speakers were resolved through join their entities' mentions.
    public let modifies: Set<Layer> = [.entities]

    public init() {}

    public func run(on document: inout Document) {
        let text = FactText(document)
        let found = QuoteMarks.quotes(in: document)
        let context = QuoteContext(document: document, quotes: found, facts: text)
        // Reported speech in the article's sentences: what it says, and who speaks where.
        var memory = SpeakerMemory(paragraphOfSentence: context.paragraphOfSentence)
        var reports: [(span: Span, attribution: Attribution)] = []
        let notArticle = document.paragraphs.filter { $0.kind == .caption || $0.kind == .title }.map(\.span)
        for (s, sentence) in document.sentences.enumerated() {
            if notArticle.contains(where: { $0.start <= sentence.span.start && sentence.span.end <= $0.end }) { continue }
            guard let report = context.indirectSpeech(in: sentence.tokens) else { continue }
            reports.append(report)
            // Only a named reporter carries on into the quotes after.
            if report.attribution.entity != nil { memory.note(report.attribution, sentence: s) }
        }
        var quotes: [Quote] = []
        var pronouns: [(entity: Int, span: Span)] = []
        for quote in found {
            let isTitle = context.isTitle(quote)
            let kind = context.kind(of: quote)
            let sieves = kind == .direct ? SpeakerSieve.forDirectQuotes : SpeakerSieve.forPartialQuotes
            let attribution = isTitle ? nil : sieves.lazy.compactMap { $0.decide(quote, context: context, memory: memory) }.first
            if let attribution, let s = context.sentenceIndex(at: max(quote.span.end, attribution.mention?.start ?? 0) - 1) {
                memory.note(attribution, sentence: s)
            }
            if let attribution, let entity = attribution.entity, let mention = attribution.mention, context.isPronoun(mention) {
                pronouns.append((entity, mention))
            }
            quotes.append(
                Quote(
                    kind: kind, span: quote.span, speaker: attribution?.entity.map { document.entities[$0].id },
                    speakerMention: attribution?.mention, cue: attribution?.cue, confidence: attribution?.sieve.confidence ?? 0,
                    provenance: Provenance(stage: name, rule: attribution.map { RuleID($0.sieve.rawValue) } ?? (isTitle ? .titleQuote : .unattributed))))
        }
        // What a direct quote already reports is not reported again, and the words that
        // attribute a quote ("Ortiz, a lawyer, said.") are not reported speech.
        let direct = quotes.filter { $0.kind == .direct }.map(\.span)
        let speakers = quotes.compactMap(\.speakerMention)
        for (span, attribution) in reports
        where !direct.contains(where: { 2 * (min($0.end, span.end) - max($0.start, span.start)) > span.end - span.start })
            && !speakers.contains(where: { span.start <= $0.start && $0.end <= span.end })
        {
            quotes.append(
                Quote(
                    kind: .indirect, span: span, speaker: attribution.entity.map { document.entities[$0].id }, speakerMention: attribution.mention,
                    cue: attribution.cue, confidence: attribution.sieve.confidence, provenance: Provenance(stage: name, rule: attribution.sieve.rawValue)))
            if let entity = attribution.entity, let mention = attribution.mention, context.isPronoun(mention) { pronouns.append((entity, mention)) }
        }
        document.quotes = quotes.sorted { $0.span.start < $1.span.start }
        // A pronoun a speaker was resolved through becomes one of that entity's mentions.
        for (entity, span) in pronouns {
            document.addMention(Mention(span: span, provenance: Provenance(stage: name, rule: .speakerPronoun)), to: entity)
        }
    }
}

/// One quotation found between quote marks.
struct FoundQuote {
    /// The words inside the marks.
    var span: Span
    /// The opening and closing marks' offsets (the closing one is nil when the quote runs on).
    var open: Int
    var close: Int?
    var paragraph: Int
    /// Whether the quote carries on from an open quote in the paragraph before.
    var continues: Bool
}

/// Quote marks and the stretches between them.
enum QuoteMarks {
    /// What a double quote mark does: opens (“ « „), closes (” »), or either (").
    enum Mark {
        case opening, closing, straight
    }

    /// The double quote mark `scalar` is, if any.
    static func mark(_ scalar: Unicode.Scalar) -> Mark? {
        switch scalar.value {
        case 0x22: .straight
        case 0x201C, 0x00AB, 0x201E: .opening
        case 0x201D, 0x00BB: .closing
        default: nil
        }
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        mark(scalar) != nil
    }

    /// Whether `scalar` is a single quote mark, which nests inside double ones.
    static func isSingle(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2018}" || scalar == "\u{2019}"
    }

    /// Whether a straight mark after `scalar` opens a quote: after white space, an opening
    /// bracket or a dash.
    private static func opensAfter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x0A, 0x0D, 0x09, 0xA0, 0x28, 0x5B, 0x7B: true
        default: Dashes.clauseCharacters.contains(scalar) || scalar.value >= 0x80 && scalar.properties.isWhitespace
        }
    }

    /// The quotes of the document's article paragraphs, in order.
    static func quotes(in document: Document) -> [FoundQuote] {
        var quotes: [FoundQuote] = []
        var runsOn = false
        for (p, paragraph) in document.paragraphs.enumerated() where paragraph.kind != .caption && paragraph.kind != .title {
            let text = document.text[paragraph.span]
            var offset = paragraph.span.start
            var open: (mark: Int, start: Int)?
            var previous: Unicode.Scalar = " "
            let first = text.unicodeScalars.first { !$0.properties.isWhitespace }
            // An open quote runs on only into a paragraph that opens with a mark.
            let continuing = runsOn && first.map(isMark) == true
            runsOn = false
            for scalar in text.unicodeScalars {
                let width = UTF8.width(scalar)
                if let mark = mark(scalar) {
                    let opens = mark == .opening || (mark == .straight && open == nil && opensAfter(previous))
                    if let current = open, !opens {
                        quotes.append(FoundQuote(span: Span(current.start, offset), open: current.mark, close: offset, paragraph: p, continues: false))
                        open = nil
                    } else if open == nil, mark != .closing {
                        open = (offset, offset + width)
                    }
                }
                previous = scalar
                offset += width
            }
            if let current = open {
                quotes.append(FoundQuote(span: Span(current.start, paragraph.span.end), open: current.mark, close: nil, paragraph: p, continues: false))
                runsOn = true
            }
            if continuing, let index = quotes.firstIndex(where: { $0.paragraph == p }) { quotes[index].continues = true }
        }
        return quotes.compactMap { trimmed($0, in: document.text) }
    }

    /// The quote without white space and marks at its edges; nil when nothing is left.
    private static func trimmed(_ quote: FoundQuote, in text: String) -> FoundQuote? {
        var span = quote.span
        let bytes = Array(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: span.start)..<text.utf8.index(text.utf8.startIndex, offsetBy: span.end)])
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x0A { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x0A { upper -= 1 }
        guard upper > lower, bytes[lower..<upper].contains(where: { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || $0 >= 0x80 }) else { return nil }
        span = Span(span.start + lower, span.start + upper)
        var quote = quote
        quote.span = span
        return quote
    }
}

extension RuleID {
    /// A quote in title case or introduced as a title: no one's speech.
    static let titleQuote = RuleID("title")
    /// A quote no sieve gave a speaker.
    static let unattributed = RuleID("unattributed")
    /// A pronoun a speaker was resolved through, added to the speaker's mentions.
    static let speakerPronoun = RuleID("speaker-pronoun")
}
