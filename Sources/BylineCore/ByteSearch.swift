#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finding bytes in bytes: `memchr` jumps to each place the needle's first byte stands, and the
/// rest is compared there. And a hash for telling byte strings apart.
public enum ByteSearch {
    /// The first index at or after `start` where `needle` stands in `haystack`.
    public static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
        firstIndex(of: needle, in: haystack, from: start, ignoringASCIICase: false)
    }

    /// The first index at or after `start` where `byte` stands in `haystack`.
    public static func firstIndex(of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = haystack.baseAddress, start >= 0, start < haystack.count,
            let found = memchr(base + start, Int32(byte), haystack.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// `firstIndex(of:in:from:)`, with ASCII letters compared without case; `needle` must be lower case and
    /// start with a byte that has no case (`<`, `"`).
    public static func firstIndex(
        of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int = 0, ignoringASCIICase: Bool
    ) -> Int? {
        guard let base = haystack.baseAddress, let first = needle.first, start >= 0 else { return nil }
        var i = start
        let last = haystack.count - needle.count
        while i <= last {
            guard let found = memchr(base + i, Int32(first), last - i + 1) else { return nil }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var k = 1
            while k < needle.count {
                let byte = haystack[at + k]
                if byte != needle[k] && !(ignoringASCIICase && byte >= 0x41 && byte <= 0x5A && byte | 0x20 == needle[k]) { break }
                k += 1
            }
            if k == needle.count { return at }
            i = at + 1
        }
        return nil
    }

    /// The 64-bit FNV-1a hash of some bytes: a cheap key for telling byte strings apart.
    public static func fnv1a(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }
}

extension String {
    /// Whether `needle` occurs in the string, compared byte for byte (no Unicode
    /// normalisation): the fast test that rules need for lower-cased vocabulary phrases.
    public func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        let needle = Array(needle.utf8)
        guard !needle.isEmpty else { return true }
        return haystack.withUTF8 { ByteSearch.firstIndex(of: needle, in: $0) != nil }
    }
}

extension StringProtocol {
    /// The string with ASCII capitals lowered and every other character left as it is: enough
    /// for matching the ASCII vocabulary of rule files, and much cheaper than `lowercased()`.
    public func asciiLowercased() -> String {
        var copy = String(self)
        return copy.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count) { out in
                for (i, byte) in bytes.enumerated() { out[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                return bytes.count
            }
        }
    }
}
