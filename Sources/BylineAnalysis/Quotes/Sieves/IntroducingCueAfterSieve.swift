import BylineCore

/// `"…?" Ortiz continued, "…"`: words after a quote that introduce the next one attribute this
/// quote too, when no cue before it did (tried after ``CueBeforeSieve``).
struct IntroducingCueAfterSieve: SpeakerSieve {
    func attribute(_ quote: FoundQuote, in context: QuoteContext, memory: SpeakerMemory) -> Attribution? {
        guard let reading = CueAfterSieve.reading(of: quote, in: context), reading.introducesNext else { return nil }
        var attribution = reading.attribution
        attribution.rule = .cueAfterIntroducingNext
        return attribution
    }
}
