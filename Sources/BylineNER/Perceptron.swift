/// An averaged perceptron over feature keys, for training: integer weights updated by ±1 on
/// each mistake, averaged over every step of training (with the usual running-sum trick: the
/// average is `w − u / c`, where `u` sums each update times the step it was made at).
final class Perceptron: TagScorer {
    private var rows: [UInt32: Int] = [:]
    /// Row keys in order of creation, so rows can be written out without reading the dictionary's order.
    private var rowKeys: [UInt32] = []
    private var weights: [Int32] = []
    private var stepWeighted: [Int64] = []
    /// The number of steps taken so far, plus one.
    private var step: Int64 = 1

    func addScores(of keys: [UInt32], to scores: inout [Int32]) {
        let width = EntityTag.count
        for key in keys {
            guard let row = rows[key] else { continue }
            for tag in 0..<width { scores[tag] &+= weights[row * width + tag] }
        }
    }

    /// Moves the weights of `keys` towards `right` and away from `chosen`.
    func update(keys: [UInt32], right: EntityTag, chosen: EntityTag) {
        let width = EntityTag.count
        for key in keys {
            let row = rows[key] ?? addRow(key)
            weights[row * width + right.index] += 1
            stepWeighted[row * width + right.index] += step
            weights[row * width + chosen.index] -= 1
            stepWeighted[row * width + chosen.index] -= step
        }
    }

    /// Counts `count` training steps (tokens) as done.
    func advance(by count: Int) {
        step += Int64(count)
    }

    private func addRow(_ key: UInt32) -> Int {
        let row = rowKeys.count
        rows[key] = row
        rowKeys.append(key)
        weights.append(contentsOf: repeatElement(0, count: EntityTag.count))
        stepWeighted.append(contentsOf: repeatElement(0, count: EntityTag.count))
        return row
    }

    /// The averaged weights, quantised to 16 bits; weights smaller than `threshold` are
    /// dropped, and rows left empty with them.
    func averaged(threshold: Double) -> LinearModel {
        let width = EntityTag.count
        let steps = Double(step)
        let averages = zip(weights, stepWeighted).map { Double($0) - Double($1) / steps }
        let largest = averages.reduce(0) { max($0, abs($1)) }
        let scale = largest > 0 ? Double(Int16.max) / largest : 0
        var kept: [LinearModel.Row] = []
        for (row, key) in rowKeys.enumerated() {
            let values = averages[row * width..<(row + 1) * width].enumerated().compactMap { tag, value in
                abs(value) < threshold || (value * scale).rounded() == 0 ? nil : (UInt8(tag), Int16((value * scale).rounded()))
            }
            if !values.isEmpty { kept.append(LinearModel.Row(key: key, weights: values)) }
        }
        kept.sort { $0.key < $1.key }
        return LinearModel(rows: kept)
    }
}

/// SplitMix64: a small, fixed pseudo-random generator, so that shuffles are the same on every
/// run and every platform.
public struct SplitMix64: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return FeatureHash.mix(state)
    }

    /// A Fisher–Yates shuffle of `array`.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = Int(next() % UInt64(i + 1))
            array.swapAt(i, j)
        }
    }
}
