extension String {
    /// Whether `needle` occurs in the string, compared byte for byte (no Unicode
    /// normalisation): the fast test that rules need for lower-cased vocabulary phrases.
    public func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first else { return true }
                guard n.count <= h.count else { return false }
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first && h[i..<(i + n.count)].elementsEqual(n) { return true }
                    i += 1
                }
                return false
            }
        }
    }
}

extension StringProtocol {
    /// The string with ASCII capitals lowered and every other character left as it is: enough
    /// for matching the ASCII vocabulary of rule files, and much cheaper than `lowercased()`.
    public func asciiLowercased() -> String {
        String(decoding: utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }
}
