/// A read-only map from words to values, for the word lists the analysis asks about at every
/// token: the same answers as a `[String: Value]`, found without Swift's seeded string hashing.
///
///     let cues = WordMap(["said": 1, "told": 2])
///     cues["said"]  // 1
///
/// A word in ASCII (the common case) is found by its bytes in an open-addressing table: a
/// cheap hash over at most a few bytes and one comparison. A word with other characters is
/// looked up in the dictionary the map was made from, which compares the way Swift strings
/// do (canonical equivalence). The table alone answers for an ASCII word because a string
/// equal to it is itself ASCII, unless it holds a character whose canonical form is ASCII
/// (KELVIN SIGN, GREEK QUESTION MARK, GREEK VARIA); a map with such a word uses the
/// dictionary for every word.
public struct WordMap<Value: Sendable>: Sendable {
    /// The map as given: the authority for words that are not ASCII.
    public let dictionary: [String: Value]
    /// Per slot: 1 + the entry's index, or 0 for an empty slot.
    @usableFromInline let slots: [Int32]
    @usableFromInline let mask: Int
    /// Each entry's bytes are `bytes[starts[e]..<starts[e + 1]]`.
    @usableFromInline let bytes: [UInt8]
    @usableFromInline let starts: [Int32]
    @usableFromInline let values: [Value]
    /// Whether the table answers for ASCII words (see the type's note).
    @usableFromInline let asciiIsExact: Bool

    /// The largest share of slots in use.
    private static var maximumLoad: Double { 0.5 }

    public init(_ dictionary: [String: Value]) {
        self.dictionary = dictionary
        var capacity = 16
        while Double(dictionary.count) > Double(capacity) * Self.maximumLoad { capacity <<= 1 }
        var slots = [Int32](repeating: 0, count: capacity)
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        var values: [Value] = []
        var asciiIsExact = true
        for (word, value) in dictionary {
            guard word.utf8.allSatisfy({ $0 < 0x80 }) else {
                if word.unicodeScalars.contains(where: Self.isCanonicallyASCII) { asciiIsExact = false }
                continue
            }
            var slot = Int(truncatingIfNeeded: Self.hash(word.utf8)) & (capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            values.append(value)
            slots[slot] = Int32(values.count)
            bytes.append(contentsOf: word.utf8)
            starts.append(Int32(bytes.count))
        }
        self.slots = slots
        mask = capacity - 1
        self.bytes = bytes
        self.starts = starts
        self.values = values
        self.asciiIsExact = asciiIsExact
    }

    /// Whether `scalar` is one of the characters that are not ASCII but whose canonical
    /// decomposition is: K (U+212A), ; (U+037E) and ` (U+1FEF).
    private static func isCanonicallyASCII(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x212A, 0x037E, 0x1FEF: true
        default: false
        }
    }

    /// The value of `word`, or nil.
    @inlinable
    public subscript(word: String) -> Value? {
        switch tableAnswer(word) {
        case .found(let value): return value
        case .absent: return nil
        case .unknown: return dictionary[word]
        }
    }

    /// Whether `word` has a value.
    @inlinable
    public func contains(_ word: String) -> Bool {
        self[word] != nil
    }

    /// What the table knows of a word.
    @usableFromInline
    enum Answer {
        case found(Value)
        case absent
        /// The word is not ASCII, or the table does not answer: the dictionary must.
        case unknown
    }

    @inlinable
    func tableAnswer(_ word: String) -> Answer {
        guard asciiIsExact else { return .unknown }
        let answer = word.utf8.withContiguousStorageIfAvailable { utf8 -> Answer in
            var hash = Self.fnvBasis
            var high: UInt8 = 0
            for byte in utf8 {
                hash = (hash ^ UInt64(byte)) &* Self.fnvPrime
                high |= byte
            }
            guard high < 0x80 else { return .unknown }
            return slots.withUnsafeBufferPointer { slots in
                bytes.withUnsafeBufferPointer { bytes in
                    starts.withUnsafeBufferPointer { starts in
                        var slot = Int(truncatingIfNeeded: Self.finish(hash)) & mask
                        while true {
                            let entry = Int(slots[slot])
                            if entry == 0 { return .absent }
                            let start = Int(starts[entry - 1])
                            if Int(starts[entry]) - start == utf8.count,
                                (0..<utf8.count).allSatisfy({ bytes[start + $0] == utf8[$0] })
                            {
                                return .found(values[entry - 1])
                            }
                            slot = (slot + 1) & mask
                        }
                    }
                }
            }
        }
        return answer ?? .unknown
    }

    @usableFromInline static var fnvBasis: UInt64 { 0xcbf2_9ce4_8422_2325 }
    @usableFromInline static var fnvPrime: UInt64 { 0x0000_0100_0000_01b3 }

    /// FNV-1a over the bytes, finished (``finish(_:)``).
    private static func hash(_ utf8: String.UTF8View) -> UInt64 {
        var hash = fnvBasis
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* fnvPrime }
        return finish(hash)
    }

    /// Spreads every bit of an FNV hash into the low bits that pick a slot.
    @inlinable
    static func finish(_ hash: UInt64) -> UInt64 {
        ((hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9) >> 32
    }
}

/// A read-only set of words with the lookup of ``WordMap``.
public struct WordSet: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline let map: WordMap<Bool>

    public init(_ words: some Sequence<String>) {
        map = WordMap(Dictionary(words.map { ($0, true) }, uniquingKeysWith: { first, _ in first }))
    }

    public init(arrayLiteral words: String...) {
        self.init(words)
    }

    /// Whether `word` is in the set.
    @inlinable
    public func contains(_ word: String) -> Bool {
        map.contains(word)
    }

    /// The words, as a set.
    public var words: Set<String> { Set(map.dictionary.keys) }
}
