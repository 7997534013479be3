/// 64-bit FNV-1a hashing and the mixing that turns (template, value) pairs into feature keys.
///
/// Features are never spelled out as strings: each is the hash of a template number and the
/// hashes of the token forms it looks at.
enum FeatureHash {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// One FNV-1a step over a unit (a byte or a Unicode scalar value).
    @inline(__always)
    static func step(_ hash: UInt64, _ unit: UInt32) -> UInt64 {
        (hash ^ UInt64(unit)) &* prime
    }

    /// The FNV-1a hash of a string's Unicode scalar values.
    static func hash(_ text: some StringProtocol) -> UInt64 {
        var hash = offsetBasis
        for scalar in text.unicodeScalars { hash = step(hash, scalar.value) }
        return hash
    }

    /// Combines two hashes, order-sensitively.
    @inline(__always)
    static func combine(_ a: UInt64, _ b: UInt64) -> UInt64 {
        mix(a &+ 0x9e37_79b9_7f4a_7c15 &* (b | 1) ^ (b &+ (a << 7) &+ (a >> 3)))
    }

    /// A finaliser that spreads every input bit over the whole word (SplitMix64's).
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
