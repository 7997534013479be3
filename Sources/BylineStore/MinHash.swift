/// MinHash signatures of word shingles, for telling near-duplicate articles (one wire story run
/// by several outlets) from different ones.
///
/// The signature holds, for each of ``size`` hash functions, the least hash of the text's
/// shingles (runs of ``shingleWords`` words, lower-cased). The share of equal positions in two
/// signatures estimates the Jaccard similarity of their shingle sets.
///
///     MinHash.similarity(MinHash.signature(of: a), MinHash.signature(of: b))  // 0.0 … 1.0
public enum MinHash {
    /// Hash functions per signature.
    public static let size = 64
    /// Words per shingle.
    public static let shingleWords = 4
    /// Signature positions per band of the locality-sensitive index: 16 bands of 4, so two texts
    /// of Jaccard similarity 0.8 share a band with probability above 0.999, two of 0.3 with 0.12.
    public static let bandRows = 4
    /// The estimated similarity from which two articles are one story.
    public static let sameStory = 0.8

    /// The signature of `text`; empty when the text has fewer words than a shingle.
    public static func signature(of text: String) -> [UInt32] {
        var wordHashes: [UInt64] = []
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var inWord = false
        for byte in text.utf8 {
            let isWordByte = byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            if isWordByte {
                let lowered = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                hash = (hash ^ UInt64(lowered)) &* 0x100_0000_01b3
                inWord = true
            } else if inWord {
                wordHashes.append(hash)
                hash = 0xcbf2_9ce4_8422_2325
                inWord = false
            }
        }
        if inWord { wordHashes.append(hash) }
        guard wordHashes.count >= shingleWords else { return [] }
        let shingles = (0...(wordHashes.count - shingleWords)).map { start in
            var shingle: UInt64 = 0
            for offset in 0..<shingleWords { shingle = mix(shingle &* 31 &+ wordHashes[start + offset]) }
            return shingle
        }
        // One hash function at a time over every shingle: the least of one running value, with
        // no signature position read and written back for each shingle.
        return seeds.map { seed in
            var least = UInt32.max
            for shingle in shingles { least = min(least, UInt32(truncatingIfNeeded: mix(shingle ^ seed) >> 32)) }
            return least
        }
    }

    /// The estimated Jaccard similarity of the shingle sets behind two signatures.
    public static func similarity(_ a: [UInt32], _ b: [UInt32]) -> Double {
        guard a.count == size, b.count == size else { return 0 }
        return Double(zip(a, b).filter { $0 == $1 }.count) / Double(size)
    }

    /// One hash per band of the signature: texts that share a band hash are candidates.
    public static func bands(of signature: [UInt32]) -> [Int64] {
        guard signature.count == size else { return [] }
        return stride(from: 0, to: size, by: bandRows).map { start in
            var hash: UInt64 = UInt64(start)
            for value in signature[start..<(start + bandRows)] { hash = mix(hash &* 31 &+ UInt64(value)) }
            return Int64(bitPattern: hash)
        }
    }

    /// SplitMix64's finaliser.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    private static let seeds: [UInt64] = (0..<size).map { mix(UInt64($0) &* 0x1000_0000_01b3) }
}
