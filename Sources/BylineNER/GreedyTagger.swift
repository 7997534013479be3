import Synchronization

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
    /// entity is open before it (tagging only; training scores every token). With `tagPairs`
    /// (the scorer's sums for the two tags before a token, tagging only), those features are
    /// read from it rather than looked up at every token. With `wordCache` (tagging only, with
    /// weights that never change), each word's own sums are taken from it and kept in it.
    static func tag<Scorer: TagScorer>(
        _ document: DocumentFeatures, pass: DocumentFeatures.Pass, firstPass: DocumentFeatures.FirstPass?,
        scorer: Scorer, tagPairs: TagPairScores? = nil, wordCache: WordScoreCache? = nil, gold: [EntityTag]? = nil,
        settleOrdinaryWords: Bool = false, mistake: (_ keys: [UInt32], _ right: EntityTag, _ chosen: EntityTag) -> Void = { _, _, _ in }
    ) -> [EntityTag] {
        var tags = [EntityTag](repeating: .outside, count: document.forms.count)
        var keys: [UInt32] = []
        keys.reserveCapacity(128)
        var scores = [Int32](repeating: 0, count: EntityTag.count)
        // While tagging, the weights never change, so each word's own features are summed once
        // per pass; in training, a mistake changes them, and every key goes to `mistake`.
        var wordScores = gold == nil ? WordScores(words: document.wordCount) : nil
        if gold == nil, let wordCache {
            // A word whose every token is an ordinary word is nearly always settled without being
            // scored: it is not looked for in the cache (when scored, it is summed here).
            var wanted = [Bool](repeating: false, count: document.wordCount)
            for i in document.forms.indices where !(settleOrdinaryWords && document.ordinaryWords[i]) { wanted[Int(document.wordIDs[i])] = true }
            wordCache.fill(&wordScores!, words: document.wordHashes, wanted: wanted)
        }
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
                if wordScores != nil {
                    wordScores!.read(Int(document.wordIDs[i]), into: &scores) { scores in
                        document.appendWordKeys(at: i, pass: pass, to: &keys)
                        scorer.addScores(of: keys, to: &scores)
                        keys.removeAll(keepingCapacity: true)
                    }
                    document.appendContextKeys(at: i, in: sentence, pass: pass, firstPass: firstPass, to: &keys)
                } else {
                    for t in scores.indices { scores[t] = 0 }
                    document.appendKeys(at: i, in: sentence, pass: pass, firstPass: firstPass, to: &keys)
                }
                if let tagPairs, gold == nil {
                    tagPairs.add(previous: previous, beforePrevious: beforePrevious, to: &scores)
                    document.appendTagWordKeys(at: i, previous: previous, pass: pass, to: &keys)
                } else {
                    document.appendHistoryKeys(at: i, previous: previous, beforePrevious: beforePrevious, pass: pass, to: &keys)
                }
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
        if let wordCache, let wordScores { wordCache.keep(wordScores, words: document.wordHashes) }
        return tags
    }

    /// The summed weights of each word's own features (``DocumentFeatures/appendWordKeys(at:pass:to:)``)
    /// in one pass over one document, filled in as the words come up (or from a ``WordScoreCache``).
    struct WordScores {
        /// `EntityTag.count` sums per word.
        private var sums: [Int32]
        private var known: [Bool]
        /// The words whose sums were worked out here, not taken from a cache.
        private(set) var summed: [Int] = []

        init(words: Int) {
            sums = [Int32](repeating: 0, count: words * EntityTag.count)
            known = [Bool](repeating: false, count: words)
        }

        /// Sets `scores` to the sums of `word`, computing them first with `sum` (which adds the
        /// word's weights to scores set to zero) when the word has not come up yet.
        mutating func read(_ word: Int, into scores: inout [Int32], sum: (inout [Int32]) -> Void) {
            let row = word * EntityTag.count
            if known[word] {
                for t in scores.indices { scores[t] = sums[row + t] }
                return
            }
            for t in scores.indices { scores[t] = 0 }
            sum(&scores)
            for t in scores.indices { sums[row + t] = scores[t] }
            known[word] = true
            summed.append(word)
        }

        /// Writes the sums of `word`, which must be known, into `table` from `start` on.
        func write(_ word: Int, into table: inout [Int32], at start: Int) {
            for t in 0..<EntityTag.count { table[start + t] = sums[word * EntityTag.count + t] }
        }

        /// Takes the `EntityTag.count` sums of `table` from `start` on as the sums of `word`.
        mutating func take(_ word: Int, from table: [Int32], at start: Int) {
            for t in 0..<EntityTag.count { sums[word * EntityTag.count + t] = table[start + t] }
            known[word] = true
        }
    }
}

/// One pass's sums of words' own features (``GreedyTagger/WordScores``), kept across the
/// documents a model tags: while tagging, the weights never change, so a word's sums are worked
/// out once per process rather than once per document. Words are told apart by the hash of the
/// word as written, as they are within a document (``DocumentFeatures/wordIDs``). An
/// open-addressing table with each word's sums beside its hash, so that finding a word costs one
/// trip to memory; it grows as words come (``smallest`` to ``largest`` slots) and is emptied
/// when the largest is half full, so that its memory stays bounded.
final class WordScoreCache: Sendable {
    /// How many slots the table starts with, and how many it grows to at most (doubling when
    /// half full), so that a short run does not pay for a table it never fills.
    static let smallest = 1 << 10
    static let largest = 1 << 16

    private struct Table {
        /// Per slot: the hash of the word there, or 0 for none.
        var hashes: [UInt64]
        /// `EntityTag.count` sums per slot.
        var sums: [Int32]
        var count = 0

        init(slots: Int) {
            hashes = [UInt64](repeating: 0, count: slots)
            sums = [Int32](repeating: 0, count: slots * EntityTag.count)
        }

        /// The slot that holds `hash`, or the empty slot where it would go.
        func slot(of hash: UInt64) -> Int {
            let mask = hashes.count - 1
            var slot = Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
            while hashes[slot] != 0, hashes[slot] != hash { slot = (slot + 1) & mask }
            return slot
        }

        /// The slot for `hash`, taken for it: nil when it is there already.
        mutating func claim(_ hash: UInt64) -> Int? {
            let slot = slot(of: hash)
            guard hashes[slot] == 0 else { return nil }
            hashes[slot] = hash
            count += 1
            return slot
        }

        /// When half full: the table twice as large with the same words, or, at the largest
        /// size, an empty one (memory stays bounded).
        mutating func makeRoom() {
            guard 2 * count >= hashes.count else { return }
            guard hashes.count < WordScoreCache.largest else {
                self = Table(slots: hashes.count)
                return
            }
            var grown = Table(slots: 2 * hashes.count)
            for (old, hash) in hashes.enumerated() where hash != 0 {
                guard let slot = grown.claim(hash) else { continue }
                let width = EntityTag.count
                grown.sums[(slot * width)..<(slot * width + width)] = sums[(old * width)..<(old * width + width)]
            }
            self = grown
        }
    }

    private let table = Mutex(Table(slots: WordScoreCache.smallest))

    /// Fills in the sums of the words kept here among the `wanted` ones of a document's `words`
    /// (their hashes, ``DocumentFeatures/wordHashes``).
    func fill(_ scores: inout GreedyTagger.WordScores, words: [UInt64], wanted: [Bool]) {
        table.withLock { table in
            for (word, hash) in words.enumerated() where wanted[word] && hash != 0 {
                let slot = table.slot(of: hash)
                if table.hashes[slot] == hash { scores.take(word, from: table.sums, at: slot * EntityTag.count) }
            }
        }
    }

    /// Keeps the sums worked out in `scores` for a document's `words`.
    func keep(_ scores: GreedyTagger.WordScores, words: [UInt64]) {
        table.withLock { table in
            for word in scores.summed where words[word] != 0 {
                table.makeRoom()
                if let slot = table.claim(words[word]) { scores.write(word, into: &table.sums, at: slot * EntityTag.count) }
            }
        }
    }
}

/// One scorer's sums of the features that read only the two tags before a token
/// (``DocumentFeatures/appendTagPairKeys(previous:beforePrevious:pass:to:)``), for every pair of
/// tags: while tagging, the weights never change, so these are looked up once, not at every
/// token.
struct TagPairScores: Sendable {
    /// `EntityTag.count` sums per pair, the pair at `beforePrevious.index * EntityTag.count + previous.index`.
    private let sums: [Int32]

    init(scorer: some TagScorer, pass: DocumentFeatures.Pass) {
        var sums: [Int32] = []
        sums.reserveCapacity(EntityTag.count * EntityTag.count * EntityTag.count)
        var keys: [UInt32] = []
        for beforePrevious in EntityTag.all {
            for previous in EntityTag.all {
                var scores = [Int32](repeating: 0, count: EntityTag.count)
                keys.removeAll(keepingCapacity: true)
                DocumentFeatures.appendTagPairKeys(previous: previous, beforePrevious: beforePrevious, pass: pass, to: &keys)
                scorer.addScores(of: keys, to: &scores)
                sums += scores
            }
        }
        self.sums = sums
    }

    /// Adds the sums for the tags `beforePrevious`, `previous` to `scores`.
    @inline(__always)
    func add(previous: EntityTag, beforePrevious: EntityTag, to scores: inout [Int32]) {
        let row = (beforePrevious.index * EntityTag.count + previous.index) * EntityTag.count
        sums.withUnsafeBufferPointer { sums in
            for t in scores.indices { scores[t] &+= sums[row + t] }
        }
    }
}
