import BylineCore

/// Trains an ``NERModel`` on CoNLL-2003 style data.
///
/// The first pass is trained on the whole training set for up to ``Options/epochs`` epochs,
/// keeping the epoch with the best development F1. The second pass reads first-pass tags, and
/// those must be as imperfect on the training documents as on new ones, so they come from
/// cross-validation: the training documents are cut into ``Options/folds`` folds, and each fold
/// is tagged by a first pass trained on the others. The second pass is then trained and chosen
/// by development F1 the same way. Training is deterministic: the same data and options give
/// the same model file, byte for byte.
public struct NERTrainer: Sendable {
    /// Training settings.
    public struct Options: Sendable {
        /// The most epochs each pass is trained for.
        public var epochs = 20
        /// How many folds the training documents are cut into for the second pass's input.
        public var folds = 5
        /// The seed of the shuffles.
        public var seed: UInt64 = 2003
        /// Averaged weights smaller than this (in perceptron steps) are dropped from the model.
        /// Calibrated on eng.testa: 0.3 costs nothing; 1.0 halves the file but costs 0.4 F1.
        public var pruneThreshold = 0.3

        public init() {}
    }

    /// Development scores after one epoch or of a finished model.
    public struct Score: Sendable, CustomStringConvertible {
        /// Micro F1 over the four types, and over PER, ORG and LOC with MISC left out.
        public let allTypes: Double
        public let personOrganizationLocation: Double

        public var description: String {
            "F1 \(Self.percent(allTypes)) (4 types), \(Self.percent(personOrganizationLocation)) (PER/ORG/LOC)"
        }

        private static func percent(_ value: Double) -> String {
            let tenths = Int((value * 1000).rounded())
            return "\(tenths / 10).\(tenths % 10)"
        }
    }

    public let options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// One document ready for training or scoring.
    private struct Example {
        let document: DocumentFeatures
        let gold: [EntityTag]
        let spans: [[EntitySpan]]
    }

    /// Trains a model; `log` receives one line per epoch and stage.
    public func train(training: [CoNLLFile.Document], development: [CoNLLFile.Document], log: (String) -> Void)
        throws(BylineError) -> NERModel
    {
        guard !training.isEmpty else { throw BylineError(.emptyInput, "no training documents") }
        let gazetteer = try Gazetteer.bundled()
        let train = training.map { example($0, gazetteer) }
        let dev = development.map { example($0, gazetteer) }

        log("first pass: \(train.count) documents, \(train.reduce(0) { $0 + $1.gold.count }) tokens")
        let first = trainPass(.first, on: train, firstPasses: nil, epochs: options.epochs, dev: dev, devFirstPasses: nil, log: log)

        log("first pass over \(options.folds) folds for the second pass's input (\(first.epochs) epochs each)")
        var trainFirstPasses = [DocumentFeatures.FirstPass?](repeating: nil, count: train.count)
        for fold in 0..<options.folds {
            let held = train.indices.filter { $0 % options.folds == fold }
            let rest = train.indices.filter { $0 % options.folds != fold }
            let model = trainPass(
                .first, on: rest.map { train[$0] }, firstPasses: nil, epochs: first.epochs, dev: [], devFirstPasses: nil,
                log: { _ in }
            ).model
            for i in held { trainFirstPasses[i] = firstPass(train[i].document, model) }
        }
        let devFirstPasses = dev.map { firstPass($0.document, first.model) }

        log("second pass")
        let second = trainPass(
            .second, on: train, firstPasses: trainFirstPasses, epochs: options.epochs, dev: dev, devFirstPasses: devFirstPasses,
            log: log)
        let model = NERModel(gazetteer: gazetteer, first: first.model, second: second.model)
        if !dev.isEmpty {
            log("model: first pass \(first.epochs) epochs, second pass \(second.epochs) epochs; dev \(score(dev) { model.bilouTags($1) })")
        }
        return model
    }

    private func example(_ document: CoNLLFile.Document, _ gazetteer: Gazetteer) -> Example {
        let features = DocumentFeatures(document.sentences, gazetteer: gazetteer)
        let spans = document.tags.map { TagScheme.spans($0) }
        let gold = zip(spans, document.sentences).flatMap { TagScheme.bilou($0, count: $1.count) }
        return Example(document: features, gold: gold, spans: spans)
    }

    private func firstPass(_ document: DocumentFeatures, _ model: LinearModel) -> DocumentFeatures.FirstPass {
        let tags = GreedyTagger.tag(document, pass: .first, firstPass: nil, scorer: model)
        return DocumentFeatures.FirstPass(tags: tags, document: document)
    }

    /// Trains one pass for up to `epochs` epochs; returns the averaged model of the epoch with
    /// the best development F1 (PER/ORG/LOC), or of the last epoch when there is no
    /// development data.
    private func trainPass(
        _ pass: DocumentFeatures.Pass, on examples: [Example], firstPasses: [DocumentFeatures.FirstPass?]?, epochs: Int,
        dev: [Example], devFirstPasses: [DocumentFeatures.FirstPass]?, log: (String) -> Void
    ) -> (model: LinearModel, epochs: Int) {
        let perceptron = Perceptron()
        var random = SplitMix64(seed: options.seed &+ pass.rawValue)
        var order = Array(examples.indices)
        var best: (model: LinearModel, epochs: Int, f1: Double)?
        for epoch in 1...max(1, epochs) {
            random.shuffle(&order)
            for i in order {
                let example = examples[i]
                _ = GreedyTagger.tag(
                    example.document, pass: pass, firstPass: firstPasses?[i], scorer: perceptron, gold: example.gold
                ) { keys, right, chosen in
                    perceptron.update(keys: keys, right: right, chosen: chosen)
                }
                perceptron.advance(by: example.gold.count)
            }
            let model = perceptron.averaged(threshold: options.pruneThreshold)
            guard !dev.isEmpty else {
                best = (model, epoch, 0)
                continue
            }
            let devScore = score(dev) { index, document in
                GreedyTagger.tag(document, pass: pass, firstPass: devFirstPasses?[index], scorer: model)
            }
            log("  epoch \(epoch): \(model.keys.count) features; dev \(devScore)")
            if best == nil || devScore.personOrganizationLocation > best!.f1 {
                best = (model, epoch, devScore.personOrganizationLocation)
            }
        }
        return (best!.model, best!.epochs)
    }

    /// The entity F1 of `tagger` on `examples`.
    private func score(_ examples: [Example], _ tagger: (_ index: Int, DocumentFeatures) -> [EntityTag]) -> Score {
        var right = [Int](repeating: 0, count: EntityType.allCases.count)
        var predicted = right
        var gold = right
        for (index, example) in examples.enumerated() {
            let tags = tagger(index, example.document)
            for (range, goldSpans) in zip(example.document.sentences, example.spans) {
                let found = TagScheme.spans(Array(tags[range]))
                let wanted = Set(goldSpans)
                for span in found {
                    predicted[span.type.rawValue] += 1
                    if wanted.contains(span) { right[span.type.rawValue] += 1 }
                }
                for span in goldSpans { gold[span.type.rawValue] += 1 }
            }
        }
        func f1(_ types: [EntityType]) -> Double {
            let r = Double(types.reduce(0) { $0 + right[$1.rawValue] })
            let p = Double(types.reduce(0) { $0 + predicted[$1.rawValue] })
            let g = Double(types.reduce(0) { $0 + gold[$1.rawValue] })
            return p + g > 0 ? 2 * r / (p + g) : 0
        }
        return Score(allTypes: f1(EntityType.allCases), personOrganizationLocation: f1([.person, .organization, .location]))
    }
}
