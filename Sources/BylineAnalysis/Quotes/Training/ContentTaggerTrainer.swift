import BylineCore
import BylineNER

/// Trains the content tagger (``ContentTagger``) on annotated articles, as `byline train
/// content` does: a greedy averaged perceptron over the tokens of the articles' sentences,
/// labelled `B`/`I`/`O` by the gold content that no quote or report of the rules and the cue
/// detector overlaps (what the tagger is there to add).
///
///     var trainer = ContentTaggerTrainer()
///     for article in articles { trainer.add(analysedWithoutTagger(article), attributions: article.attributions) }
///     let bytes = trainer.model(about: "my corpus", log: { print($0) })
///
/// The cue words are the words inside gold cues often enough (``Options/rarestCue``,
/// ``Options/rarestShare``). The bias against `O` is chosen by cross-validation: each fold of
/// the articles is tagged by a model trained on the others, its reports added to those of the
/// rules, and among the biases whose added reports match gold content often enough
/// (``Options/leastPrecision``), the one whose reports match the gold content best (the F1
/// of PolNeAR's attribution matching: a gold content more than 30% covered, one to one) is
/// kept; the share of added reports that matched there is their confidence. Sentences are shuffled by a
/// fixed seed: the same articles and options give the same model file, byte for byte.
public struct ContentTaggerTrainer {
    /// How the model is trained.
    public struct Options: Sendable {
        /// Passes over the training sentences.
        public var epochs = 8
        /// Folds of the cross-validation that chooses the bias against `O`.
        public var folds = 2
        /// A word is a cue word when at least this many of its occurrences lie inside gold cues …
        public var rarestCue = 3
        /// … and at least this share of them (thousandths).
        public var rarestShare = 150
        /// The least share of added reports (thousandths) that must match gold content in the
        /// cross-validation for a bias to be chosen: the reports the tagger adds are to be right
        /// about as often as the rules' reports of speech are.
        public var leastPrecision = 600
        /// The biases against `O` the cross-validation tries (thousandths).
        public var outsideBiases = Array(stride(from: 0, through: -40_000, by: -5_000))
        /// The seed of the sentences' shuffle.
        public var seed: UInt64 = 1

        public init() {}
    }

    /// An analysed article: the gold content (trimmed, each once) and the spans of the quotes
    /// and reports found without the tagger.
    private struct Article {
        let document: Document
        let gold: [Span]
        let found: [Span]
    }

    private let options: Options
    private var articles: [Article] = []
    /// Per lower-case word: its occurrences inside gold cues, and in all.
    private var cueCounts: [String: (inCue: Int, all: Int)] = [:]

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Adds an article analysed without the tagger (``QuoteStage/withoutLearnedContent``) and its
    /// gold attributions.
    public mutating func add(_ document: Document, attributions: [AnnotatedArticle.Attribution]) {
        let cues = SpanIndex(attributions.flatMap(\.cue))
        for word in document.view.words where word.alphabetic {
            let inCue = cues.overlapping(word.span).contains { $0.overlaps(word.span) }
            cueCounts[word.key, default: (0, 0)].all += 1
            if inCue { cueCounts[word.key, default: (0, 0)].inCue += 1 }
        }
        let gold = Set(attributions.compactMap { $0.contentExtent.flatMap { Self.trimmed($0, in: document.text) } })
        let found = document.quotes.compactMap { Self.trimmed($0.span, in: document.text) }
        articles.append(Article(document: document, gold: gold.sorted { ($0.start, $0.end) < ($1.start, $1.end) }, found: found))
    }

    /// The characters a span is trimmed of at either end before matching, as PolNeAR's
    /// attribution matching does.
    private static let trimmedCharacters = Set(" \t\n\r.,;:!?\u{2014}\u{2013}-\u{2026}'\u{2018}\u{2019}\u{201C}\u{201D}\"()[]".unicodeScalars)

    /// `span` of `text` without the white space and punctuation at either end; nil when nothing is left.
    static func trimmed(_ span: Span, in text: String) -> Span? {
        let utf8 = text.utf8
        guard span.start >= 0, span.end <= utf8.count, span.start < span.end else { return nil }
        let scalars = Substring(text.utf8[utf8.index(utf8.startIndex, offsetBy: span.start)..<utf8.index(utf8.startIndex, offsetBy: span.end)]).unicodeScalars
        var start = span.start, end = span.end
        for scalar in scalars {
            guard trimmedCharacters.contains(scalar) else { break }
            start += UTF8.width(scalar)
        }
        for scalar in scalars.reversed() {
            guard end > start, trimmedCharacters.contains(scalar) else { break }
            end -= UTF8.width(scalar)
        }
        return start < end ? Span(start, end) : nil
    }

    /// The model file: a header saying what it is and how it was made (`about` names the
    /// training data), the bias, the precision, the cue words and each feature row's weights.
    public func model(about: String, log: (String) -> Void = { _ in }) -> [UInt8] {
        let cues = cueCounts.filter { $0.value.inCue >= options.rarestCue && 1000 * $0.value.inCue >= options.rarestShare * $0.value.all }
            .map { (word: $0.key, share: 1000 * $0.value.inCue / $0.value.all) }.sorted { $0.word < $1.word }
        let untrained = ContentTagger(cues: cues, weights: [], outsideBias: 0, precision: 0)
        // What the tagger reads of each article is read once, for training and for every bias.
        let readings = articles.map { Reading($0.document, tagger: untrained) }
        let examples = articles.indices.map { labelledSentences(of: articles[$0], reading: readings[$0]) }
        log("\(articles.count) articles, \(cues.count) cue words, \(examples.joined().count) sentences")
        // Cross-validation: each fold tagged by a model trained on the others, at each bias.
        var tallies = [Tally](repeating: Tally(), count: options.outsideBiases.count)
        for fold in 0..<options.folds {
            let weights = train(articles.indices.filter { $0 % options.folds != fold }.flatMap { examples[$0] }, space: untrained.space)
            for (b, bias) in options.outsideBiases.enumerated() {
                let tagger = ContentTagger(cues: cues, weights: weights, outsideBias: bias, precision: 0)
                for a in articles.indices where a % options.folds == fold {
                    tallies[b].add(Self.match(articles[a], added: added(articles[a], reading: readings[a], tagger: tagger)))
                }
            }
        }
        for (bias, tally) in zip(options.outsideBiases, tallies) { log("bias \(bias): \(tally)") }
        let precise = tallies.indices.filter { 1000 * tallies[$0].addedMatched >= options.leastPrecision * tallies[$0].added }
        let best = precise.max { (tallies[$0].f1, $1) < (tallies[$1].f1, $0) } ?? 0
        let bias = options.outsideBiases[best], precision = tallies[best].addedPrecision
        let weights = train(examples.joined().map { $0 }, space: untrained.space)
        var lines = [
            "# The content tagger of the quote stage (ContentTagger): a greedy averaged perceptron that labels",
            "# the tokens of a sentence B/I/O as reported content (what someone says, believes, wants or holds),",
            "# trained on the gold content that the rules and the cue detector do not find.",
            "# Made by `byline train content` (ContentTaggerTrainer) from \(about).",
            "# Options: \(options.epochs) epochs, seed \(options.seed); cue words inside gold cues at least \(options.rarestCue) times",
            "# and in at least \(options.rarestShare)/1000 of their occurrences; the bias against O chosen by \(options.folds)-fold",
            "# cross-validation among \(options.outsideBiases.map(String.init).joined(separator: " ")): the best F1 of those",
            "# whose added reports match gold content at least \(options.leastPrecision)/1000 of the time.",
            "# Cross-validated at the bias chosen: \(tallies[best]).",
            "# Format: `outside-bias TAB thousandths`, `precision TAB thousandths` (the share of added reports",
            "# that matched gold content), `cue TAB word TAB share of its occurrences inside gold cues (thousandths)`,",
            "# then `feature TAB B TAB I TAB O` (weights in thousandths), in the order of the feature space.",
            "\(ContentTagger.Line.outsideBias)\t\(bias)",
            "\(ContentTagger.Line.precision)\t\(Int((precision * 1000).rounded()))",
        ]
        lines += cues.map { "\(ContentTagger.Line.cue)\t\($0.word)\t\($0.share)" }
        for (r, name) in untrained.space.names.enumerated() where weights[(3 * r)..<(3 * r + 3)].contains(where: { $0 != 0 }) {
            lines.append("\(name)\t\(weights[3 * r])\t\(weights[3 * r + 1])\t\(weights[3 * r + 2])")
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    /// What the tagger reads of an analysed article: its features, its words and cues, and its
    /// article sentences.
    private struct Reading {
        let features: ContentFeatures
        let text: SpeechText
        let sentences: [Range<Int>]

        init(_ document: Document, tagger: ContentTagger) {
            features = ContentFeatures(document: document, lexicon: tagger.lexicon, space: tagger.space, reports: document.quotes.map(\.span))
            text = SpeechText(document: document, facts: FactText(document))
            sentences = QuoteStage.articleSentences(of: document).map { document.sentences[$0].tokens }
        }
    }

    /// An article's sentences as the tagger reads them, each token labelled by the gold
    /// content no found span overlaps (shortest first; one overlapping another is left out).
    private func labelledSentences(of article: Article, reading: Reading) -> [(sentence: ContentFeatures.Sentence, labels: [ContentTagger.Label])] {
        let words = article.document.view.words
        var labels = [ContentTagger.Label](repeating: .outside, count: words.count)
        let found = SpanIndex(article.found)
        for gold in article.gold.sorted(by: { $0.length < $1.length }) where !found.overlapping(gold).contains(where: { $0.overlaps(gold) }) {
            let first = words.partitioningIndex { $0.span.end > gold.start }
            var end = first
            while end < words.count, words[end].span.start < gold.end { end += 1 }
            guard first < end, labels[first..<end].allSatisfy({ $0 == .outside }) else { continue }
            labels[first] = .begin
            for t in (first + 1)..<end { labels[t] = .inside }
        }
        return reading.sentences.map { range in
            var sentenceLabels = Array(labels[range])
            if sentenceLabels.first == .inside { sentenceLabels[0] = .begin }
            return (reading.features.sentence(range, cues: reading.features.cues(in: range)), sentenceLabels)
        }
    }

    /// The spans `tagger` adds to an article's found quotes and reports, trimmed.
    private func added(_ article: Article, reading: Reading, tagger: ContentTagger) -> [Span] {
        tagger.contents(reading.features, text: reading.text, sentences: reading.sentences, besides: article.document.quotes.map(\.span))
            .compactMap { Self.trimmed($0.span, in: article.document.text) }
    }

    /// What an article's found and added spans match of its gold content.
    private static func match(_ article: Article, added: [Span]) -> Tally {
        let predicted = article.found + added
        var pairs: [(rank: Double, gold: Int, predicted: Int)] = []
        for (g, gold) in article.gold.enumerated() {
            for (p, span) in predicted.enumerated() {
                let shared = min(gold.end, span.end) - max(gold.start, span.start)
                guard shared > 0, 10 * shared > 3 * gold.length else { continue }
                pairs.append((-Double(shared) / Double(max(gold.length, span.length)), g, p))
            }
        }
        var usedGold = Set<Int>(), usedPredicted = Set<Int>()
        var tally = Tally(gold: article.gold.count, predicted: predicted.count, added: added.count)
        for pair in pairs.sorted(by: { ($0.rank, $0.gold, $0.predicted) < ($1.rank, $1.gold, $1.predicted) })
        where !usedGold.contains(pair.gold) && !usedPredicted.contains(pair.predicted) {
            usedGold.insert(pair.gold)
            usedPredicted.insert(pair.predicted)
            tally.matched += 1
            if pair.predicted >= article.found.count { tally.addedMatched += 1 }
        }
        return tally
    }

    /// Gold content, predictions and matches summed over articles.
    private struct Tally: CustomStringConvertible {
        var gold = 0, predicted = 0, added = 0, matched = 0, addedMatched = 0

        mutating func add(_ other: Tally) {
            (gold, predicted, added) = (gold + other.gold, predicted + other.predicted, added + other.added)
            (matched, addedMatched) = (matched + other.matched, addedMatched + other.addedMatched)
        }

        var f1: Double { gold + predicted == 0 ? 0 : 2 * Double(matched) / Double(gold + predicted) }
        var addedPrecision: Double { added == 0 ? 0 : Double(addedMatched) / Double(added) }

        var description: String {
            func tenths(_ x: Double) -> String { String(Double(Int((x * 1000).rounded())) / 10) }
            return "F1 \(tenths(f1)) (\(matched) of \(gold) gold, \(predicted) predicted); \(added) added, \(addedMatched) of them matched (\(tenths(addedPrecision))%)"
        }
    }

    /// The averaged perceptron's weights (thousandths, three per row) after
    /// ``Options/epochs`` passes over `examples`, shuffled anew at each pass; the label before
    /// each token is the gold one.
    private func train(_ examples: [(sentence: ContentFeatures.Sentence, labels: [ContentTagger.Label])], space: ContentFeatureSpace) -> [Int] {
        var weights = [Int](repeating: 0, count: 3 * space.count)
        var stamped = weights
        var step = 1
        var order = Array(examples.indices)
        var random = SplitMix64(seed: options.seed)
        for _ in 0..<options.epochs {
            random.shuffle(&order)
            for e in order {
                let (sentence, labels) = examples[e]
                var previous = ContentTagger.Label.outside
                for k in 0..<sentence.count {
                    let (a, b) = space.labelRows(previous: previous, inReport: sentence.inReport[k])
                    let features = Array(sentence.rows(k)) + [a, b]
                    var scores = ContentTagger.Scores()
                    for r in features { scores.add(weights, row: r) }
                    let guess = scores.best(after: previous), gold = labels[k]
                    if guess != gold {
                        for r in features {
                            weights[3 * r + gold.rawValue] += 1
                            weights[3 * r + guess.rawValue] -= 1
                            stamped[3 * r + gold.rawValue] += step
                            stamped[3 * r + guess.rawValue] -= step
                        }
                    }
                    previous = gold
                    step += 1
                }
            }
        }
        return weights.indices.map { Int(((Double(weights[$0]) - Double(stamped[$0]) / Double(step)) * 1000).rounded()) }
    }
}
