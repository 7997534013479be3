/// Something that scores the tags of a token from its feature keys: the bundled model, or the
/// perceptron being trained.
protocol TagScorer {
    /// Adds, for every tag, the weights of `keys` to `scores` (one entry per tag).
    func addScores(of keys: [UInt32], to scores: inout [Int32])
}

/// Tags a document left to right, one token at a time, each tag chosen among those that may
/// follow the previous one (BILOU order), with the tags already chosen as features.
enum GreedyTagger {
    /// For each tag (and, at `startIndex`, the start of a sentence), the tags that may follow.
    private static let successors: [[EntityTag]] =
        EntityTag.all.map { previous in EntityTag.all.filter { previous.allows($0) } }

    /// Whether `tag` leaves no entity open, so that the next token may be outside one.
    private static let closes: [Bool] = EntityTag.all.map { $0.allows(.outside) }

    /// Tags every sentence of `document` in `pass`. When `gold` is given, `mistake` is called
    /// with the token's feature keys, the right tag and the chosen one whenever they differ
    /// (the perceptron's update). With `settleOrdinaryWords`, a token of
    /// ``DocumentFeatures/ordinaryWords`` is outside any name without being scored when no
    /// entity is open before it (tagging only; training scores every token).
    static func tag<Scorer: TagScorer>(
        _ document: DocumentFeatures, pass: DocumentFeatures.Pass, firstPass: DocumentFeatures.FirstPass?,
        scorer: Scorer, gold: [EntityTag]? = nil, settleOrdinaryWords: Bool = false,
        mistake: (_ keys: [UInt32], _ right: EntityTag, _ chosen: EntityTag) -> Void = { _, _, _ in }
    ) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: document.forms.count)
        var keys: [UInt32] = []
        keys.reserveCapacity(128)
        var scores = [Int32](repeating: 0, count: EntityTag.count)
        for sentence in document.sentences {
            var previous = EntityTag.outside
            var beforePrevious = EntityTag.outside
            for i in sentence {
                if settleOrdinaryWords, document.ordinaryWords[i], closes[previous.index] {
                    beforePrevious = previous
                    previous = .outside
                    continue
                }
                keys.removeAll(keepingCapacity: true)
                document.appendKeys(at: i, in: sentence, pass: pass, firstPass: firstPass, to: &keys)
                document.appendHistoryKeys(at: i, previous: previous, beforePrevious: beforePrevious, pass: pass, to: &keys)
                for t in scores.indices { scores[t] = 0 }
                scorer.addScores(of: keys, to: &scores)
                let isLast = i + 1 == sentence.upperBound
                var best: EntityTag?
                for candidate in successors[previous.index] where !(isLast && candidate.opensEntity) {
                    if best == nil || scores[candidate.index] > scores[best!.index] { best = candidate }
                }
                let chosen = best ?? .outside
                if let gold, gold[i] != chosen { mistake(keys, gold[i], chosen) }
                tags[i] = chosen
                beforePrevious = previous
                previous = chosen
            }
        }
        return tags
    }
}
