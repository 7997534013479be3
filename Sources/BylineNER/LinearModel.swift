/// The tagger's weights: for each feature key a row of one weight per tag, quantised to 16 bits.
struct LinearModel: TagScorer, Sendable {
    /// Feature keys, ascending.
    let keys: [UInt32]
    /// `keys.count` rows of `EntityTag.count` weights.
    let weights: [Int16]
    private let index: KeyIndex

    init(keys: [UInt32], weights: [Int16]) {
        precondition(weights.count == keys.count * EntityTag.count)
        self.keys = keys
        self.weights = weights
        index = KeyIndex(keys: keys)
    }

    func addScores(of keys: [UInt32], to scores: inout [Int32]) {
        let width = EntityTag.count
        weights.withUnsafeBufferPointer { weights in
            scores.withUnsafeMutableBufferPointer { scores in
                for key in keys {
                    guard let row = index.row(of: key) else { continue }
                    let base = row * width
                    for tag in 0..<width { scores[tag] &+= Int32(weights[base + tag]) }
                }
            }
        }
    }

    /// The union of models whose keys are disjoint (a key in both gets the sum of its rows).
    static func merging(_ models: [LinearModel]) -> LinearModel {
        let width = EntityTag.count
        var rows: [UInt32: [Int16]] = [:]
        for model in models {
            for (row, key) in model.keys.enumerated() {
                let weights = model.weights[row * width..<(row + 1) * width]
                if let existing = rows[key] {
                    rows[key] = zip(existing, weights).map { Int16(clamping: Int32($0) + Int32($1)) }
                } else {
                    rows[key] = Array(weights)
                }
            }
        }
        let keys = rows.keys.sorted()
        return LinearModel(keys: keys, weights: keys.flatMap { rows[$0]! })
    }
}
