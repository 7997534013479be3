/// One document prepared for tagging: every token's forms, and what the rest of the document
/// says about each token. Produces the feature keys of a token for either pass of the tagger.
struct DocumentFeatures {
    /// The tagger's two passes. The second sees the first pass's tags of the whole document.
    enum Pass: UInt64 {
        case first = 1
        case second = 2
    }

    /// Facts about a token drawn from the rest of its document.
    struct Usage: OptionSet {
        let rawValue: UInt8
        /// The word appears elsewhere in the document in lower case.
        static let seenLowerCase = Usage(rawValue: 1 << 0)
        /// The word appears elsewhere capitalised, not first in its sentence nor in a headline.
        static let seenCapitalizedInside = Usage(rawValue: 1 << 1)
        /// The token is the first of its sentence.
        static let sentenceStart = Usage(rawValue: 1 << 2)
        /// The token's sentence is in capitals throughout (a headline).
        static let headline = Usage(rawValue: 1 << 3)
    }

    let forms: [TokenForms]
    /// Each sentence's range in `forms`.
    let sentences: [Range<Int>]
    let usage: [Usage]
    /// Gazetteer marks per token (see ``Gazetteer/marks(_:)``).
    let gazetteer: [UInt32]
    /// The lower-case forms of the tokens just before and after each token in its sentence
    /// (the padding forms at the ends).
    let neighbours: [(before: UInt64, after: UInt64)]
    /// For each capitalised token, up to `maximumOtherOccurrences` other capitalised
    /// occurrences of the same word in the document: `otherOccurrences[otherRanges[i]]`.
    let otherOccurrences: [Int32]
    let otherRanges: [Range<Int32>]
    /// Whether each token is an ordinary word: in lower case, on no name list, between tokens
    /// with no capitals (or the sentence's ends). Such a word is not part of a name (in
    /// CoNLL-2003's eng.testa, 4 of its 22,252 tokens are).
    let ordinaryWords: [Bool]
    /// Each token's word as a number from 0 up, the same for every token written the same way
    /// (told apart by the hash of the word as written, ``TokenForms/exact``), so that what is
    /// read off a word alone is read once per document (``appendWordKeys(at:pass:to:)``).
    let wordIDs: [Int32]
    /// How many different words the document has: one more than the largest of ``wordIDs``.
    let wordCount: Int
    /// Each word's hash (``TokenForms/exact``), by its number in ``wordIDs``.
    let wordHashes: [UInt64]
    /// Each token's lower-case form (``TokenForms/lower``) as a number from 0 up, the same
    /// for every token of that form.
    let lowerIDs: [Int32]
    /// How many different lower-case forms the document has.
    let lowerCount: Int

    /// How many other occurrences of a word lend their contexts to a token.
    static let maximumOtherOccurrences = 4

    /// The shortest sentence, in tokens with letters, that can be a headline.
    private static let headlineMinimumWords = 2

    init(_ sentences: [[String]], gazetteer lists: Gazetteer) {
        var forms: [TokenForms] = []
        forms.reserveCapacity(sentences.reduce(0) { $0 + $1.count })
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(sentences.count)
        for sentence in sentences {
            let start = forms.count
            for token in sentence { forms.append(TokenForms(token)) }
            ranges.append(start..<forms.count)
        }
        var exactNumbers = FormNumbering(capacity: forms.count)
        var lowerNumbers = FormNumbering(capacity: forms.count)
        let wordIDs = forms.map { exactNumbers.number(of: $0.exact) }
        let lowerIDs = forms.map { lowerNumbers.number(of: $0.lower) }
        var usage = [Usage](repeating: [], count: forms.count)
        var gazetteer = [UInt32](repeating: 0, count: forms.count)
        // Per lower-case form: how often it appears in lower case, and capitalised inside a sentence.
        var seen = [(lower: Int32, inside: Int32)](repeating: (0, 0), count: lowerNumbers.count)
        for range in ranges {
            let words = forms[range].filter(\.hasLetter)
            let isHeadline = words.count >= Self.headlineMinimumWords && words.allSatisfy { $0.flags.contains(.allCapitals) }
            for i in range {
                if i == range.lowerBound { usage[i].insert(.sentenceStart) }
                if isHeadline { usage[i].insert(.headline) }
                let form = forms[i]
                if form.flags.contains(.allLower) {
                    seen[Int(lowerIDs[i])].lower += 1
                } else if form.isCapitalized && i != range.lowerBound && !isHeadline {
                    seen[Int(lowerIDs[i])].inside += 1
                }
            }
            let marks = lists.marks(forms[range])
            for (offset, mark) in marks.enumerated() { gazetteer[range.lowerBound + offset] = mark }
        }
        var neighbours = [(before: UInt64, after: UInt64)](repeating: (0, 0), count: forms.count)
        var occurrences = [[Int32]](repeating: [], count: lowerNumbers.count)
        for range in ranges {
            for i in range {
                neighbours[i] = (
                    i > range.lowerBound ? forms[i - 1].lower : TokenForms.beforeSentence.lower,
                    i + 1 < range.upperBound ? forms[i + 1].lower : TokenForms.afterSentence.lower
                )
                if forms[i].isCapitalized { occurrences[Int(lowerIDs[i])].append(Int32(i)) }
            }
        }
        var otherOccurrences: [Int32] = []
        var otherRanges = [Range<Int32>](repeating: 0..<0, count: forms.count)
        for (i, form) in forms.enumerated() where form.isCapitalized {
            let start = Int32(otherOccurrences.count)
            let others = occurrences[Int(lowerIDs[i])].lazy.filter { $0 != i }.prefix(Self.maximumOtherOccurrences)
            otherOccurrences.append(contentsOf: others)
            otherRanges[i] = start..<Int32(otherOccurrences.count)
        }
        for range in ranges {
            for i in range {
                let form = forms[i]
                let counts = seen[Int(lowerIDs[i])]
                let ownLower: Int32 = form.flags.contains(.allLower) ? 1 : 0
                let ownInside: Int32 =
                    form.isCapitalized && !usage[i].contains(.sentenceStart) && !usage[i].contains(.headline) && ownLower == 0
                    ? 1 : 0
                if counts.lower > ownLower { usage[i].insert(.seenLowerCase) }
                if counts.inside > ownInside { usage[i].insert(.seenCapitalizedInside) }
            }
        }
        var ordinaryWords = [Bool](repeating: false, count: forms.count)
        for range in ranges {
            for i in range where forms[i].flags.contains(.allLower) && gazetteer[i] == 0 {
                ordinaryWords[i] = (i == range.lowerBound || !forms[i - 1].hasCapital) && (i + 1 == range.upperBound || !forms[i + 1].hasCapital)
            }
        }
        self.ordinaryWords = ordinaryWords
        self.wordIDs = wordIDs
        wordCount = exactNumbers.count
        wordHashes = exactNumbers.hashes
        self.lowerIDs = lowerIDs
        lowerCount = lowerNumbers.count
        self.forms = forms
        self.sentences = ranges
        self.usage = usage
        self.gazetteer = gazetteer
        self.neighbours = neighbours
        self.otherOccurrences = otherOccurrences
        self.otherRanges = otherRanges
    }
}

/// Numbers the different form hashes of one document from 0 up, in the order they first come:
/// an open-addressing table, as the hashes are already well mixed.
struct FormNumbering {
    /// Per slot: the number of the hash there, or -1.
    private var slots: [Int32]
    /// The hashes by number.
    private(set) var hashes: [UInt64] = []
    private let mask: Int

    /// A numbering for up to `capacity` different hashes.
    init(capacity: Int) {
        var size = 16
        while size < 2 * capacity { size <<= 1 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        hashes.reserveCapacity(capacity)
    }

    /// How many different hashes have been numbered.
    var count: Int { hashes.count }

    /// The number of `hash`, given it now if it has none.
    mutating func number(of hash: UInt64) -> Int32 {
        var slot = Int(truncatingIfNeeded: (hash &* 0x9e37_79b9_7f4a_7c15) >> 32) & mask
        while true {
            let number = slots[slot]
            if number < 0 {
                precondition(hashes.count < slots.count / 2, "more hashes than the numbering was made for")
                slots[slot] = Int32(hashes.count)
                hashes.append(hash)
                return slots[slot]
            }
            if hashes[Int(number)] == hash { return number }
            slot = (slot + 1) & mask
        }
    }
}
