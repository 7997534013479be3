import BylineCore

/// A speaker decision: the entity (an index into the document's entities), the words it rests
/// on, the cue, the rule that made it, and a confidence of its own when the rule's measured
/// precision is not it (a learned cue's calibrated probability).
struct Attribution {
    var entity: Int?
    var mention: Span?
    var cue: String?
    var rule: SpeakerRule
    var confidence: Double? = nil
}

/// Every rule that decides a speaker: each branch of each sieve, and each reading of reported
/// speech, has its own, recorded in the quote's `rule` so that error analysis can tell them
/// apart. A rule `sieve/branch` is a branch of the sieve `sieve`. The rule catalogue
/// (`Resources/rules.tsv`) says what each one means.
enum SpeakerRule: String, StageRule {
    // ``DashSignatureSieve``
    case dashSignature = "dash-signature"
    // ``CueAfterSieve``
    case cueAfter = "cue-after-quote"
    case cueAfterInverted = "cue-after-quote/said-name"
    case cueAfterVerbName = "cue-after-quote/verb-name"
    case cueAfterNameVerb = "cue-after-quote/name-verb"
    case cueAfterDescriptionVerb = "cue-after-quote/description-verb"
    case cueAfterAccordingTo = "cue-after-quote/according-to"
    case cueAfterIntroducingNext = "cue-after-quote/introducing-next"
    // ``CueBeforeSieve``
    case cueBefore = "cue-before-quote"
    case cueBeforeAccordingTo = "cue-before-quote/according-to"
    case cueBeforeAsPutIt = "cue-before-quote/as-put-it"
    case cueBeforeSpeechNoun = "cue-before-quote/speech-noun"
    case cueBeforeParticiple = "cue-before-quote/participle"
    case cueBeforeSecondVerb = "cue-before-quote/second-verb"
    case cueBeforeLeadIn = "cue-before-quote/lead-in"
    case cueBeforeNameColon = "cue-before-quote/name-colon"
    // ``ParticipleOpenerSieve``
    case participleOpener = "participle-opener"
    // ``ParagraphLabelSieve``
    case paragraphLabel = "paragraph-label"
    // ``SentenceSubjectSieve``
    case sentenceSubject = "sentence-subject"
    case sentenceSubjectFirstName = "sentence-subject/first-name"
    // ``ReportingClauseSieve``
    case reportingClause = "reporting-clause"
    case reportingClauseInverted = "reporting-clause/said-name"
    // ``ColonLeadInSieve``
    case colonLeadIn = "colon-lead-in"
    case colonLeadInSubject = "colon-lead-in/subject"
    // ``QuoteContinuitySieve``, ``PreviousSubjectSieve``, ``ParagraphContinuitySieve``
    case quoteContinuity = "quote-continuity"
    case previousSubject = "previous-subject"
    case paragraphContinuity = "paragraph-continuity"
    // ``ReportedSpeech``: speech without quote marks.
    case indirectCueBefore = "indirect-cue-before"
    case indirectCueBeforeWords = "indirect-cue-before/words"
    case indirectCueAfter = "indirect-cue-after"
    case indirectReport = "indirect-report"
    case indirectAccordingTo = "indirect-according-to"
    case indirectParticiple = "indirect-participle"
    case indirectCoordinated = "indirect-coordinated"
    case indirectLabel = "indirect-label"
    /// A question put to someone ("Asked whether …, X said"): reported, by an unnamed asker.
    case indirectQuestion = "indirect-question"
    /// A cue the learned detector (``AttributionCues``) found where no rule reads a report.
    case indirectLearnedCue = "indirect-learned-cue"
    // ``SpeakerRanker``: the learned ranking chose another candidate than the sieves.
    case ranked = "speaker-ranker"

    /// The rule of the sieve this branch belongs to ("cue-after-quote" for
    /// "cue-after-quote/said-name"); the rule itself when it is no branch.
    var sieve: SpeakerRule {
        guard let slash = rawValue.firstIndex(of: "/") else { return self }
        return SpeakerRule(rawValue: String(rawValue[..<slash])) ?? self
    }
}

/// The speakers decided so far, by sentence: where a quote with no attribution of its own looks
/// for the speaker it continues.
struct SpeakerMemory {
    private var bySentence: [Int: Attribution] = [:]
    private let paragraphOfSentence: [Int]

    init(paragraphOfSentence: [Int]) {
        self.paragraphOfSentence = paragraphOfSentence
    }

    /// Notes that `attribution` speaks in sentence `s` (a later decision in the same sentence wins).
    mutating func note(_ attribution: Attribution, sentence s: Int) {
        guard attribution.entity != nil || attribution.mention != nil else { return }
        bySentence[s] = attribution
    }

    /// The last speaker noted in paragraph `p` before sentence `s` (or in `s` itself), with
    /// the sentence it spoke in.
    func lastSpeaker(before s: Int, in p: Int) -> (attribution: Attribution, sentence: Int)? {
        var k = min(s, paragraphOfSentence.count - 1)
        while k >= 0, paragraphOfSentence[k] >= p {
            if paragraphOfSentence[k] == p, let found = bySentence[k] { return (found, k) }
            k -= 1
        }
        return nil
    }
}
