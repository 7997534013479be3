/// One pass of speaker attribution (CoreNLP's quote-attribution sieves are the model): it
/// decides a quote's speaker from one kind of evidence, or leaves the quote to the next sieve.
/// Each sieve records the rule of the branch that decided (``SpeakerRule``).
protocol SpeakerSieve: Sendable {
    /// The speaker of `quote`, or nil to leave it to the sieves after this one.
    ///
    /// - Parameters:
    ///   - context: the document's words, names and clauses, read once for every sieve.
    ///   - memory: the speakers decided so far, by sentence.
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution?
}

/// The order in which the sieves are tried: the first that decides gives the quote its speaker.
enum SieveOrder {
    /// For quotes that open their sentence: the words right after them come first.
    static let directQuotes: [any SpeakerSieve] = [
        DashSignatureSieve(), CueAfterSieve(), CueBeforeSieve(), IntroducingCueAfterSieve(), ReportingClauseSieve(),
        ParticipleOpenerSieve(), ParagraphLabelSieve(), ColonLeadInSieve(), QuoteContinuitySieve(), ParagraphContinuitySieve(),
        PreviousSubjectSieve(),
    ]
    /// For quotes inside a sentence: a cue before them, or a participle opening the sentence,
    /// comes before the words after them.
    static let partialQuotes: [any SpeakerSieve] = [
        DashSignatureSieve(), CueBeforeSieve(), ParticipleOpenerSieve(), CueAfterSieve(), IntroducingCueAfterSieve(),
        ReportingClauseSieve(), ParagraphLabelSieve(), SentenceSubjectSieve(), QuoteContinuitySieve(),
    ]
}
