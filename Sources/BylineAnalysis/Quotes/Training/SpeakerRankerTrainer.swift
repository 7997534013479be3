import BylineCore

/// Trains the ``SpeakerRanker`` on articles annotated with attributions (PolNeAR train).
///
/// Each quote between quote marks that lies inside a gold attribution's content and whose
/// candidates include the gold source (a candidate's mention, or a mention of its entity,
/// overlaps the Source) is one example. The model is an averaged perceptron over the
/// candidates' features, trained for a fixed number of epochs in the articles' name order:
/// the same articles give the same model, byte for byte. The calibration is fitted on scores
/// the model did not train on: trained on the even-numbered articles and scored on the odd
/// ones, and the other way round, then an isotonic fit (pool adjacent violators) of right
/// against the winner's share.
public struct SpeakerRankerTrainer {
    /// One quote's candidates and which of them are the gold speaker.
    struct Example {
        var candidates: [SpeakerCandidate]
        var gold: Set<Int>
    }

    public struct Options: Sendable {
        public var epochs = 10
        public init() {}
    }

    let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// The examples of one analysed article (the pipeline run up to coreference at least).
    static func examples(of document: Document, article: AnnotatedArticle) -> [Example] {
        QuoteStage(ranker: nil).speakerChoices(in: document).compactMap { choice in
            guard let attribution = Self.attribution(containing: choice.span, in: article), let source = attribution.sourceExtent else { return nil }
            let gold = Set(choice.candidates.indices.filter { i in
                names(source, entity: choice.candidates[i].entity.map { document.entities[$0] }, mention: choice.candidates[i].mention)
            })
            return gold.isEmpty ? nil : Example(candidates: choice.candidates, gold: gold)
        }
    }

    /// Whether a speaker, by one of `entity`'s mentions or by `mention`, names the gold `source`.
    private static func names(_ source: Span, entity: Entity?, mention: Span?) -> Bool {
        mention?.overlaps(source) == true || entity?.mentions.contains { $0.span.overlaps(source) } == true
    }

    /// The gold attribution whose content covers at least half of `span`.
    private static func attribution(containing span: Span, in article: AnnotatedArticle) -> AnnotatedArticle.Attribution? {
        let length = span.end - span.start
        return article.attributions.first { attribution in
            let covered = attribution.content.reduce(0) { $0 + $1.overlap(with: span) }
            return length > 0 && 2 * covered >= length
        }
    }

    /// Trains the ranker on annotated articles, each with its document as the analysis
    /// pipeline left it, and calibrates it.
    public func train(_ articles: [(article: AnnotatedArticle, document: Document)]) -> SpeakerRanker {
        train(articles.map { Self.examples(of: $0.document, article: $0.article) })
    }

    /// How often the quotes' speakers are right, by confidence, when `ranker` decides them:
    /// one line per band of confidence (quotes between quote marks inside a gold attribution
    /// with a Source; a speaker is right when its mention, or a mention of its entity, overlaps
    /// the Source), the line for confidence 0.9 and above, then all quotes with the ranker and
    /// with the sieves alone.
    public static func calibrationTable(of ranker: SpeakerRanker, on articles: [(article: AnnotatedArticle, document: Document)]) -> [String] {
        let bands: [Double] = [0, 0.5, 0.7, 0.8, 0.9, 0.95]
        var right = [Int](repeating: 0, count: bands.count), count = right
        for (confidence, isRight) in judged(QuoteStage(ranker: ranker), on: articles) {
            let band = bands.lastIndex { $0 <= confidence } ?? 0
            count[band] += 1
            right[band] += isRight ? 1 : 0
        }
        func line(_ label: String, _ r: Int, _ n: Int) -> String {
            "\(label): \(r)/\(n) right" + (n > 0 ? String(format: " (%.1f%%)", 100 * Double(r) / Double(n)) : "")
        }
        var lines = bands.indices.map { b in
            line(String(format: "confidence %.2f–%.2f", bands[b], b + 1 < bands.count ? bands[b + 1] : 1.0), right[b], count[b])
        }
        let high = bands.indices.filter { bands[$0] >= 0.9 }
        lines.append(line("confidence >= 0.90", high.reduce(0) { $0 + right[$1] }, high.reduce(0) { $0 + count[$1] }))
        lines.append(line("all, with the ranker", right.reduce(0, +), count.reduce(0, +)))
        let sieves = judged(QuoteStage(ranker: nil), on: articles)
        lines.append(line("all, the sieves alone", sieves.filter(\.right).count, sieves.count))
        return lines
    }

    /// The confidence of each quote between quote marks that `stage` gives a speaker, inside a
    /// gold attribution with a Source, and whether the speaker is right.
    private static func judged(_ stage: QuoteStage, on articles: [(article: AnnotatedArticle, document: Document)]) -> [(confidence: Double, right: Bool)] {
        articles.flatMap { article, document in
            stage.quotes(in: document, observe: nil).compactMap { quote -> (confidence: Double, right: Bool)? in
                guard quote.kind == .direct || quote.kind == .partial, let speaker = quote.speaker,
                    let source = attribution(containing: quote.span, in: article)?.sourceExtent
                else { return nil }
                return (quote.confidence, names(source, entity: document.entities.first { $0.id == speaker }, mention: quote.speakerMention))
            }
        }
    }

    /// Trains the ranker on the examples of each article, in order, and calibrates it.
    func train(_ articles: [[Example]]) -> SpeakerRanker {
        var shares: [(share: Double, right: Bool)] = []
        for fold in 0..<2 {
            let held = articles.enumerated().filter { $0.offset % 2 == fold }.flatMap(\.element)
            let weights = fit(articles.enumerated().filter { $0.offset % 2 != fold }.flatMap(\.element))
            let ranker = SpeakerRanker(weights: weights, calibration: [])
            for example in held {
                guard let best = ranker.best(of: example.candidates) else { continue }
                shares.append((best.share, example.gold.contains(best.index)))
            }
        }
        return SpeakerRanker(weights: fit(articles.flatMap { $0 }), calibration: Self.isotonic(shares))
    }

    /// Averaged perceptron weights: on each example whose best candidate is not gold, the
    /// best-scoring gold candidate's features gain 1 and the winner's lose 1.
    private func fit(_ examples: [Example]) -> [String: Double] {
        var weights: [String: Double] = [:], accumulated: [String: Double] = [:]
        var step = 1.0
        for _ in 0..<options.epochs {
            for example in examples {
                let scores = SpeakerRanker.scores(of: example.candidates, weights: weights)
                let top = SpeakerRanker.top(of: scores)
                if !example.gold.contains(top), let right = example.gold.max(by: { (scores[$0], $1) < (scores[$1], $0) }) {
                    for feature in example.candidates[right].features {
                        weights[feature, default: 0] += 1
                        accumulated[feature, default: 0] += step
                    }
                    for feature in example.candidates[top].features {
                        weights[feature, default: 0] -= 1
                        accumulated[feature, default: 0] -= step
                    }
                }
                step += 1
            }
        }
        return weights.reduce(into: [:]) { averaged, entry in
            averaged[entry.key] = entry.value - (accumulated[entry.key] ?? 0) / step
        }
    }

    /// The isotonic (non-decreasing) fit of right against share, as steps (share, probability):
    /// pools of adjacent shares whose rates of right would otherwise fall, each smoothed
    /// towards one half by one right and one wrong (and kept from falling below the pool before).
    static func isotonic(_ points: [(share: Double, right: Bool)]) -> [(share: Double, probability: Double)] {
        var pools: [(share: Double, right: Double, count: Double)] = []
        for point in points.sorted(by: { ($0.share, $0.right ? 1 : 0) < ($1.share, $1.right ? 1 : 0) }) {
            pools.append((point.share, point.right ? 1 : 0, 1))
            while pools.count > 1, pools[pools.count - 2].right / pools[pools.count - 2].count >= pools[pools.count - 1].right / pools[pools.count - 1].count {
                let last = pools.removeLast()
                pools[pools.count - 1].right += last.right
                pools[pools.count - 1].count += last.count
            }
        }
        var floor = 0.0
        return pools.map { pool in
            floor = max(floor, (pool.right + 1) / (pool.count + 2))
            return (pool.share, floor)
        }
    }
}
