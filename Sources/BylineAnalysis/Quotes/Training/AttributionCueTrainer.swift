import BylineCore

/// Trains the attribution cue detector (``AttributionCues``) on annotated articles, as
/// `byline train attributions` does: an averaged perceptron over the candidate words of the
/// articles' sentences, a candidate labelled a cue when a gold Cue span covers it.
///
///     var trainer = AttributionCueTrainer(articles: articles)
///     for article in articles { trainer.add(analysed(article), cues: article.attributions.flatMap(\.cue)) }
///     let bytes = trainer.model(about: "my corpus", log: { print($0) })
///
/// Candidates are the words of cue shape whose lemma is the lemma of a word of at least
/// ``Options/rarestCue`` gold cues, and a cue often enough (``Options/rarestShare``). The scores are calibrated by cross-validation: each fold of
/// the articles is scored by a model trained on the others, and the held-out scores, in bins,
/// give the share of cues at each score. The articles are read in the order given and nothing
/// is drawn at random: the same articles and options give the same model file, byte for byte.
public struct AttributionCueTrainer {
    /// How the model is trained.
    public struct Options: Sendable {
        /// Passes over the training articles.
        public var epochs = 3
        /// Folds of the cross-validation that calibrates the scores.
        public var folds = 5
        /// Features seen fewer times than this are left out (a candidate's word never is).
        public var rarestFeature = 3
        /// A lemma is a candidate when it is a word of at least this many gold cues …
        public var rarestCue = 2
        /// … and at least this share (in thousandths) of its words of cue shape are cues: a
        /// word that is seldom a cue ("of", "like") is no candidate, which keeps the detector
        /// cheap and its reports precise.
        public var rarestShare = 100
        /// Held-out candidates per calibration bin, at the least.
        public var binSize = 400

        public init() {}
    }

    /// The first field of a calibration line of the model file.
    static let calibrationLine = "calibration"

    private let options: Options
    private let cueLemmas: Set<String>
    private var featureIDs: [String: Int] = [:]
    private var featureNames: [String] = []
    /// Each article's candidates: their lemma, their features and whether each is a cue.
    private var articles: [[(lemma: String, features: [Int], isCue: Bool)]] = []

    /// A trainer whose candidates are the lemmas of the words of the gold cues of `articles`.
    public init(articles: [AnnotatedArticle], options: Options = Options()) {
        self.options = options
        var counts: [String: Int] = [:]
        for article in articles {
            let bytes = Array(article.text.utf8)
            for attribution in article.attributions {
                for cue in attribution.cue {
                    let words = bytes[cue.start..<cue.end].split { !Self.isWordByte($0) }
                    for word in Set(words.map { AttributionCues.lemma(Word.key(Substring(decoding: $0, as: UTF8.self))) }) {
                        counts[word, default: 0] += 1
                    }
                }
            }
        }
        cueLemmas = Set(counts.filter { $0.value >= options.rarestCue }.keys)
    }

    /// Whether a byte belongs to a word: a letter, an apostrophe or part of a character that is
    /// not ASCII.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || byte == UInt8(ascii: "'") || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// Adds an analysed article (its tokens, sentences and entities as the pipeline gave them)
    /// and the byte spans of its gold cues.
    public mutating func add(_ document: Document, cues: [Span]) {
        let context = QuoteContext(document: document, facts: FactText(document))
        let gold = SpanIndex(cues)
        var candidates: [(lemma: String, features: [Int], isCue: Bool)] = []
        for sentence in document.sentences {
            let range = sentence.tokens
            for t in range where AttributionCues.hasCueShape(t, in: range, text: context.text) {
                let lemma = AttributionCues.lemma(context.text.key(t))
                guard cueLemmas.contains(lemma) else { continue }
                let span = document.tokens[t].span
                let features = AttributionCues.features(at: t, in: range, context: context).map { intern($0) }
                candidates.append((lemma, features, gold.overlapping(span).contains { $0.overlaps(span) }))
            }
        }
        articles.append(candidates)
    }

    private mutating func intern(_ feature: String) -> Int {
        if let id = featureIDs[feature] { return id }
        featureIDs[feature] = featureNames.count
        featureNames.append(feature)
        return featureNames.count - 1
    }

    /// The model file: a header saying what it is and how it was made (`about` names the
    /// training data), the calibration lines, and each feature's weight in thousandths, by name.
    public func model(about: String, log: (String) -> Void = { _ in }) -> [UInt8] {
        // The candidates of lemmas that are cues often enough, and the features seen often
        // enough on them (a candidate's word always).
        var shares: [String: (cues: Int, count: Int)] = [:]
        for candidate in articles.joined() {
            shares[candidate.lemma, default: (0, 0)].count += 1
            if candidate.isCue { shares[candidate.lemma, default: (0, 0)].cues += 1 }
        }
        let candidates = articles.map { $0.filter { shares[$0.lemma].map { 1000 * $0.cues >= options.rarestShare * $0.count } ?? false } }
        var counts = [Int](repeating: 0, count: featureNames.count)
        for candidate in candidates.joined() {
            for f in candidate.features { counts[f] += 1 }
        }
        let kept = featureNames.indices.map { counts[$0] >= options.rarestFeature || counts[$0] > 0 && featureNames[$0].hasPrefix(AttributionCues.Feature.word) }
        let examples = candidates.map { $0.map { (features: $0.features.filter { kept[$0] }, isCue: $0.isCue) } }
        // Cross-validation: each fold scored by a model trained on the other folds.
        var heldOut: [(score: Int, isCue: Bool)] = []
        for fold in 0..<options.folds {
            let weights = train(examples.indices.filter { $0 % options.folds != fold }.map { examples[$0] })
            for a in examples.indices where a % options.folds == fold {
                heldOut += examples[a].map { (example) in (example.features.reduce(0) { $0 + weights[$1] }, example.isCue) }
            }
        }
        let calibration = calibrate(heldOut)
        let taken = heldOut.filter { AttributionCues.probability(ofScore: $0.score, calibration: calibration) >= AttributionCues.threshold }
        let right = taken.filter(\.isCue).count, cues = heldOut.filter(\.isCue).count
        let summary = "\(articles.count) articles, \(heldOut.count) candidate words (\(cues) cues); cross-validated (\(options.folds) folds) at "
            + "the threshold: \(taken.count) taken, precision \(percent(right, taken.count)), recall \(percent(right, cues))"
        log(summary)
        let weights = train(examples)
        var lines = [
            "# The attribution cue detector of the quote stage (AttributionCues): an averaged perceptron over",
            "# candidate cue words of article sentences, which finds the words by which a sentence reports",
            "# what someone says, believes, wants or holds, beyond the listed cues of speech-cues.txt.",
            "# Made by `byline train attributions` (AttributionCueTrainer) from \(about).",
            "# Options: \(options.epochs) epochs, \(options.folds) folds, features seen at least \(options.rarestFeature) times,",
            "# candidate lemmas of at least \(options.rarestCue) gold cues and a cue in at least \(options.rarestShare)/1000 of their words.",
            "# \(summary).",
            "# Format: `calibration TAB lowest score TAB probability` lines (thousandths; the share of cues among",
            "# held-out candidates scoring so), then `feature TAB weight` (thousandths), by feature name;",
            "# the `w=` features name the candidate words.",
        ]
        lines += calibration.map { "\(Self.calibrationLine)\t\($0.score)\t\($0.probability)" }
        let named = featureNames.indices.filter { kept[$0] && (weights[$0] != 0 || featureNames[$0].hasPrefix(AttributionCues.Feature.word)) }
        lines += named.map { (featureNames[$0], weights[$0]) }.sorted { $0.0 < $1.0 }.map { "\($0.0)\t\($0.1)" }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// A share as a percentage with one decimal.
    private func percent(_ part: Int, _ whole: Int) -> String {
        let tenths = whole == 0 ? 0 : (1000 * part + whole / 2) / whole
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// The averaged perceptron's weights (thousandths) after ``Options/epochs`` passes over
    /// `articles` in order.
    private func train(_ articles: [[(features: [Int], isCue: Bool)]]) -> [Int] {
        var weights = [Double](repeating: 0, count: featureNames.count)
        var stamped = weights
        var step = 1.0
        for _ in 0..<options.epochs {
            for article in articles {
                for example in article {
                    let score = example.features.reduce(0) { $0 + weights[$1] }
                    let label = example.isCue ? 1.0 : -1.0
                    if label * score <= 0 {
                        for f in example.features {
                            weights[f] += label
                            stamped[f] += step * label
                        }
                    }
                    step += 1
                }
            }
        }
        return weights.indices.map { Int(((weights[$0] - stamped[$0] / step) * 1000).rounded()) }
    }

    /// Calibration bins over held-out scores: at least ``Options/binSize`` candidates each,
    /// never splitting a score, then merged until the share of cues rises with the score.
    private func calibrate(_ scores: [(score: Int, isCue: Bool)]) -> [(score: Int, probability: Int)] {
        let sorted = scores.sorted { ($0.score, $0.isCue ? 1 : 0) < ($1.score, $1.isCue ? 1 : 0) }
        var bins: [(score: Int, cues: Int, count: Int)] = []
        var i = 0
        while i < sorted.count {
            var end = min(sorted.count, i + options.binSize)
            while end < sorted.count, sorted[end].score == sorted[end - 1].score { end += 1 }
            if sorted.count - end < options.binSize / 2 { end = sorted.count }
            bins.append((sorted[i].score, sorted[i..<end].filter(\.isCue).count, end - i))
            // Pool adjacent bins while the share of cues (as calibrated) falls.
            while bins.count > 1, (bins[bins.count - 2].cues + 1) * (bins[bins.count - 1].count + 2) >= (bins[bins.count - 1].cues + 1) * (bins[bins.count - 2].count + 2) {
                let last = bins.removeLast()
                bins[bins.count - 1].cues += last.cues
                bins[bins.count - 1].count += last.count
            }
            i = end
        }
        return bins.map { ($0.score, 1000 * ($0.cues + 1) / ($0.count + 2)) }
    }
}
