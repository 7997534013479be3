import BylineCore

/// A list of class and id words: whole words, and words that count anywhere inside a token
/// (written "~word" in the data file).
struct ClassWordList: Sendable {
    let exact: Set<String>
    let inside: [[UInt8]]
    /// Bit `length × 256 + first byte` is set for every whole word: a token whose bit is clear
    /// is no word of the list, and needs no string made for it.
    private let shapes: [UInt64]
    /// Bit `b` is set when some inside word starts with byte `b`.
    private let insideStarts: [UInt64]

    init(_ resource: [UInt8]) {
        let lines = DataFile(resource).lines
        exact = Set(lines.filter { !$0.hasPrefix("~") })
        inside = lines.filter { $0.hasPrefix("~") }.map { Array($0.dropFirst().utf8) }
        var shapes = [UInt64](repeating: 0, count: 32 * 256 / 64)
        for word in exact {
            let bit = Self.shape(word.utf8.count, word.utf8.first ?? 0)
            shapes[bit / 64] |= 1 << UInt64(bit % 64)
        }
        self.shapes = shapes
        var starts = [UInt64](repeating: 0, count: 4)
        for word in inside { starts[Int(word[0]) / 64] |= 1 << UInt64(Int(word[0]) % 64) }
        insideStarts = starts
    }

    private static func shape(_ length: Int, _ first: UInt8) -> Int { min(length, 31) * 256 + Int(first) }

    /// The shortest token searched for inside words: the shortest of them (five letters, as in
    /// "share" and "promo") and two more.
    static let minimumCompoundLength = 7

    /// Whether a lower-cased token is on the list.
    func matches(_ token: [UInt8]) -> Bool {
        let bit = Self.shape(token.count, token[0])
        if shapes[bit / 64] & (1 << UInt64(bit % 64)) != 0, exact.contains(String(decoding: token, as: UTF8.self)) {
            return true
        }
        // A compound ("sharebar", "socialbox") is at least two letters longer than the
        // shortest word it can contain.
        guard token.count >= Self.minimumCompoundLength, !inside.isEmpty else { return false }
        for start in token.indices where insideStarts[Int(token[start]) / 64] & (1 << UInt64(Int(token[start]) % 64)) != 0 {
            for needle in inside where needle[0] == token[start] && start + needle.count <= token.count {
                if token[start..<(start + needle.count)].elementsEqual(needle) { return true }
            }
        }
        return false
    }
}

/// Class and id words, from the module's data files. A class, so that handing it around
/// costs one reference, not one for each of its lists.
final class ElementNames: Sendable {
    let furniture = ClassWordList(PackageResources.html_boilerplate_names_txt)
    let content = ClassWordList(PackageResources.html_content_names_txt)
    let date = ClassWordList(PackageResources.html_date_names_txt)
    let embed = ClassWordList(PackageResources.html_embed_names_txt)
    let comment = ClassWordList(PackageResources.html_comment_names_txt)

    static let shared = ElementNames()

    /// What the words of one class or id value say of their element.
    struct Reading {
        var content = 0
        var furniture = false
        var date = false
        var embed = false
        /// The element is (part of) a readers' comment section.
        var comment = false
    }

    func read(_ value: UnsafeBufferPointer<UInt8>, into reading: inout Reading) {
        var word: [UInt8] = []
        func finish() {
            guard !word.isEmpty else { return }
            if content.matches(word) { reading.content += 1 }
            if !reading.furniture && furniture.matches(word) { reading.furniture = true }
            if !reading.date && date.matches(word) { reading.date = true }
            if !reading.embed && embed.matches(word) { reading.embed = true }
            if !reading.comment && comment.matches(word) { reading.comment = true }
            word.removeAll(keepingCapacity: true)
        }
        for byte in value {
            switch byte {
            case 0x41...0x5A: word.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39, 0x80...: word.append(byte)
            default: finish()
            }
        }
        finish()
    }
}

/// The readings of class and id values seen on one page, keyed by a 64-bit FNV-1a hash of
/// their bytes.
struct ReadingCache {
    private var known: [UInt64: ElementNames.Reading] = [:]

    mutating func reading(of value: UnsafeBufferPointer<UInt8>, names: ElementNames) -> ElementNames.Reading {
        let hash = ByteSearch.fnv1a(value)
        if let reading = known[hash] { return reading }
        var reading = ElementNames.Reading()
        names.read(value, into: &reading)
        known[hash] = reading
        return reading
    }
}
