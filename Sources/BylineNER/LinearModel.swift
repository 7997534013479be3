/// The tagger's weights: for each feature key, the tags it has a weight for and those weights,
/// quantised to 16 bits. Most features weigh on only two or three of the 17 tags, so only
/// non-zero weights are kept.
struct LinearModel: TagScorer, Sendable {
    /// One feature: its key and its non-zero weights.
    struct Row {
        let key: UInt32
        let weights: [(tag: UInt8, weight: Int16)]
    }

    /// Feature keys, ascending.
    let keys: [UInt32]
    /// How many weights each feature has.
    let counts: [UInt8]
    /// The tag and weight of every weight, feature after feature.
    let tags: [UInt8]
    let weights: [Int16]
    /// Key → `start << countBits | count`, where `start` indexes `entries`.
    private let index: KeyIndex
    /// `tag << 16 | weight` per weight, in the order of `tags`.
    private let entries: LookupTable<UInt32>

    private static let countBits: UInt32 = 8
    /// The most weights a model can hold (starts are stored in the 24 bits above the count).
    static let maximumWeights = 1 << (32 - Int(countBits))

    init(keys: [UInt32], counts: [UInt8], tags: [UInt8], weights: [Int16]) {
        precondition(keys.count == counts.count && tags.count == weights.count)
        var payloads: [UInt32] = []
        payloads.reserveCapacity(keys.count)
        var start: UInt32 = 0
        for count in counts {
            payloads.append(start << Self.countBits | UInt32(count))
            start += UInt32(count)
        }
        precondition(Int(start) == tags.count && tags.count < Self.maximumWeights)
        self.keys = keys
        self.counts = counts
        self.tags = tags
        self.weights = weights
        index = KeyIndex(keys: keys, payloads: payloads)
        entries = LookupTable(zip(tags, weights).map { UInt32($0) << 16 | UInt32(UInt16(bitPattern: $1)) })
    }

    /// A model of `rows`, which must be sorted by key with distinct keys.
    init(rows: [Row]) {
        self.init(
            keys: rows.map(\.key), counts: rows.map { UInt8($0.weights.count) },
            tags: rows.flatMap { $0.weights.map(\.tag) }, weights: rows.flatMap { $0.weights.map(\.weight) })
    }

    func addScores(of keys: [UInt32], to scores: inout [Int32]) {
        // Lookups, first weights and the remaining weights are read in three loops: the reads
        // of each loop do not depend on one another, so their cache misses overlap.
        let entries = entries.elements
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: keys.count) { found in
            let foundCount = index.payloads(of: keys, into: found)
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: foundCount) { firsts in
                for k in 0..<foundCount { firsts[k] = entries[Int(found[k] >> Self.countBits)] }
                scores.withUnsafeMutableBufferPointer { scores in
                    for k in 0..<foundCount {
                        let first = firsts[k]
                        scores[Int(first >> 16)] &+= Int32(Int16(truncatingIfNeeded: first))
                        let start = Int(found[k] >> Self.countBits)
                        let end = start + Int(found[k] & (1 << Self.countBits - 1))
                        for entry in entries[(start + 1)..<end] {
                            scores[Int(entry >> 16)] &+= Int32(Int16(truncatingIfNeeded: entry))
                        }
                    }
                }
            }
        }
    }
}
