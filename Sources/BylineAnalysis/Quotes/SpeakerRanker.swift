import BylineCore
import Foundation

/// A learned ranking of a quote's candidate speakers (``SpeakerCandidate``): a linear model
/// over the candidates' features, the sieves' decision among them, trained on PolNeAR train by
/// `byline train speakers` (``SpeakerRankerTrainer``), and a calibration that turns the
/// winner's share of the candidates' scores into how often such a winner is right.
///
/// The model file (`speaker-ranker.tsv`) holds `weight TAB feature TAB value` lines and
/// `calibration TAB share TAB probability` lines, the steps of an isotonic fit: a winner whose
/// share is at least `share` (and below the next step's) is right with that probability.
public struct SpeakerRanker: Sendable {
    static let shared = SpeakerRanker(DataFile(PackageResources.speaker_ranker_tsv))

    let weights: [String: Double]
    /// (share, probability), by increasing share.
    let calibration: [(share: Double, probability: Double)]

    init(weights: [String: Double], calibration: [(share: Double, probability: Double)]) {
        self.weights = weights
        self.calibration = calibration
    }

    init(_ file: DataFile) {
        var weights: [String: Double] = [:]
        var calibration: [(share: Double, probability: Double)] = []
        for row in file.rows where row.count == 3 {
            guard let value = Double(row[2]) else { continue }
            if row[0] == "weight" {
                weights[row[1]] = value
            } else if row[0] == "calibration", let share = Double(row[1]) {
                calibration.append((share, value))
            }
        }
        self.init(weights: weights, calibration: calibration.sorted { $0.share < $1.share })
    }

    /// Each candidate's score under `weights`: the sum of its features' weights.
    static func scores(of candidates: [SpeakerCandidate], weights: [String: Double]) -> [Double] {
        candidates.map { $0.features.reduce(0) { $0 + (weights[$1] ?? 0) } }
    }

    /// The index of the highest score (the first of equals); 0 for no scores.
    static func top(of scores: [Double]) -> Int {
        var top = 0
        for i in scores.indices where scores[i] > scores[top] { top = i }
        return top
    }

    /// The best candidate, its share of the candidates' scores (a softmax: 1 for a lone
    /// candidate) and the probability that it is right; nil without candidates.
    func best(of candidates: [SpeakerCandidate]) -> (index: Int, share: Double, probability: Double)? {
        guard !candidates.isEmpty else { return nil }
        let scores = Self.scores(of: candidates, weights: weights)
        let top = Self.top(of: scores)
        let share = 1 / scores.reduce(0) { $0 + exp($1 - scores[top]) }
        return (top, share, probability(ofShare: share))
    }

    /// The speaker of a quote the sieves gave to `sieves` by a rule of measured `precision`,
    /// with its confidence: the ranker's choice where it differs and the ranker is surer than
    /// the rule (rule `speaker-ranker`), else the sieves' decision, with the ranker's
    /// probability when it agrees.
    func decide(among candidates: [SpeakerCandidate], sieves: Attribution, precision: Double) -> (Attribution, Double) {
        guard let best = best(of: candidates) else { return (sieves, precision) }
        let chosen = candidates[best.index]
        guard chosen.entity != sieves.entity || chosen.entity == nil && chosen.mention != sieves.mention else { return (sieves, best.probability) }
        guard best.probability > precision else { return (sieves, precision) }
        return (Attribution(entity: chosen.entity, mention: chosen.mention, cue: sieves.cue, rule: .ranked), best.probability)
    }

    /// How often a winner with this share of the scores is right, by the calibration.
    func probability(ofShare share: Double) -> Double {
        calibration.last(where: { $0.share <= share })?.probability ?? calibration.first?.probability ?? share
    }

    /// The model file's bytes: its header, then the weights and the calibration, each in a
    /// fixed order and notation, so that the same training gives the same file.
    public func fileText(header: [String]) -> String {
        var lines = header.map { "# " + $0 }
        for (feature, value) in weights.sorted(by: { $0.key < $1.key }) where value != 0 {
            lines.append("weight\t\(feature)\t\(Self.format(value))")
        }
        for step in calibration {
            lines.append("calibration\t\(Self.format(step.share))\t\(Self.format(step.probability))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.6f", value)
    }
}
