import BylineCore

/// One possible speaker of a quote, with what the ranker reads of it (``SpeakerRanker``).
struct SpeakerCandidate {
    /// The entity (an index into the document's entities), or nil for words a sieve took as
    /// the speaker that name no entity ("a spokeswoman").
    var entity: Int?
    /// The words naming the candidate nearest the quote.
    var mention: Span?
    /// The candidate's features: short names the model weighs.
    var features: [String]
}

extension QuoteContext {
    /// How many sentences before and after a quote's own a candidate speaker is looked for.
    static let candidateSentencesBefore = 2
    static let candidateSentencesAfter = 1

    /// The candidate speakers of `quote`: every person, organisation or government named
    /// (or referred to by a resolved pronoun) outside quotation marks from two sentences before
    /// the quote's to one after, and the speaker the sieves decided, wherever it was found.
    /// Each carries the features of its nearest mention to the quote.
    ///
    /// - Parameters:
    ///   - decided: the sieves' decision, if any; its rule becomes a feature of its candidate.
    ///   - previous: the speaker noted last in the quote's paragraph before it.
    ///   - genders: the gender each person's mentions tell.
    func speakerCandidates(for quote: FoundQuote, kind: Quote.Kind, decided: Attribution?, previous: Int?, genders: PersonGenders) -> [SpeakerCandidate] {
        let words = document.view.words
        guard !words.isEmpty, let first = text.sentenceIndex(at: quote.span.start) else { return [] }
        let last = text.sentenceIndex(at: max(quote.span.start, quote.span.end - 1)) ?? first
        let sentences = document.sentences
        let low = sentences[max(0, first - Self.candidateSentencesBefore)].tokens.lowerBound
        let high = sentences[min(sentences.count - 1, last + Self.candidateSentencesAfter)].tokens.upperBound
        let quoteStart = text.token(at: quote.span.start), quoteEnd = text.token(at: quote.span.end)

        // The nearest mention of each entity in the window, by token distance from the quote.
        var nearest: [Int: (span: Span, token: Int, distance: Int, pronoun: Bool)] = [:]
        var firstInSentence: Set<Int> = []
        var sentenceSeen: Set<Int> = []
        var t = low
        while t < min(high, words.count) {
            var found: (entity: Int, span: Span, pronoun: Bool)?
            if let mention = mentions[t] {
                found = (mention.entity, mention.span, false)
            } else if !text.quoted[t], let entity = mentions.antecedent(ofPronoun: t) {
                found = (entity, document.tokens[t].span, true)
            }
            guard let found else {
                t += 1
                continue
            }
            let end = text.token(at: found.span.end)
            let distance = end <= quoteStart ? quoteStart - end : max(0, t - quoteEnd)
            if let s = words[t].sentence, sentenceSeen.insert(s).inserted { firstInSentence.insert(t) }
            if nearest[found.entity].map({ distance < $0.distance }) ?? true {
                nearest[found.entity] = (found.span, t, distance, found.pronoun)
            }
            t = max(t + 1, end)
        }

        // The pronoun the sieves read as the speaker ("…," she said), if any: its gender and
        // the kinds of entity it stands for weigh each candidate.
        let signing = decided?.mention.flatMap { span -> Pronoun? in
            let t = text.token(at: span.start)
            return t < words.count && words[t].span.end == span.end ? Pronoun.english[text.key(t)] : nil
        }
        var candidates: [SpeakerCandidate] = []
        for (entity, near) in nearest.sorted(by: { $0.key < $1.key }) {
            var features = features(of: entity, near: near, quote: quote, kind: kind, sentences: first...last, previous: previous)
            if firstInSentence.contains(near.token) { features.append("first-in-sentence") }
            if let signing {
                features.append("signed-by=\(signing.word)|type=\(document.entities[entity].type.rawValue)")
                if let gender = signing.gender {
                    features.append(genders[entity] == nil ? "gender-unknown" : genders.agree(entity, with: gender) ? "gender-agrees" : "gender-differs")
                }
            }
            candidates.append(SpeakerCandidate(entity: entity, mention: near.span, features: features))
        }
        if let decided {
            let rule = ["sieve=" + decided.rule.rawValue, "sieve=" + decided.rule.sieve.rawValue + "/*"]
            if let entity = decided.entity, let i = candidates.firstIndex(where: { $0.entity == entity }) {
                candidates[i].features += rule
                if let mention = decided.mention { candidates[i].mention = mention }
            } else {
                // A speaker named outside the window, or words that name no entity.
                candidates.append(SpeakerCandidate(
                    entity: decided.entity, mention: decided.mention, features: rule + [decided.entity == nil ? "no-entity" : "outside-window"]))
            }
        }
        return candidates
    }

    /// The features of entity `e` as a speaker of `quote`, read at its nearest mention.
    private func features(
        of e: Int, near: (span: Span, token: Int, distance: Int, pronoun: Bool), quote: FoundQuote, kind: Quote.Kind,
        sentences: ClosedRange<Int>, previous: Int?
    ) -> [String] {
        let words = document.view.words
        let entity = document.entities[e]
        let before = near.span.end <= quote.span.start
        let side = before ? "before" : "after"
        let sentence = words[near.token].sentence ?? sentences.lowerBound
        let sentenceGap = sentence < sentences.lowerBound ? sentences.lowerBound - sentence : max(0, sentence - sentences.upperBound)
        let gap = min(sentenceGap, 3)
        let paragraph = words[near.token].paragraph == quote.paragraph ? "same" : (before ? "earlier" : "later")
        var features = [
            "type=" + entity.type.rawValue,
            "side=\(side)|sentences=\(gap)|\(kind.rawValue)",
            "distance=\(Self.bucket(near.distance))|\(side)",
            "paragraph=" + paragraph,
            "mentions=\(Self.bucket(entity.mentions.count))",
        ]
        if near.pronoun { features.append("pronoun|sentences=\(gap)") }
        if e == previous { features.append("previous-speaker") }
        // A cue next to the mention: "X said", "said X", "X, a lawyer, said".
        let end = text.token(at: near.span.end)
        if (end..<min(end + 3, words.count)).contains(where: { text.cue(at: $0) != nil }) { features.append("cue-after-mention|\(side)") }
        if near.token > 0, text.cue(at: near.token - 1) != nil { features.append("cue-before-mention|\(side)") }
        return features
    }

    /// A count rounded to a power of two (0, 1, 2, 4, 8, …, 64 at most), for features that
    /// should not tell 37 from 38.
    private static func bucket(_ n: Int) -> Int {
        n <= 1 ? max(n, 0) : min(64, 1 << (Int.bitWidth - 1 - n.leadingZeroBitCount))
    }
}
