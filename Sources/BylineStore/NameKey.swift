import BylineCore
import Foundation
import Synchronization

/// The keys names are compared by across articles: case, diacritics, hyphens and full stops do
/// not count, so "Park Min-jun", "Park Min Jun" and "PARK Min-Jun" share one key.
///
///     NameKey.of("Park Min-jun")         // "park min jun"
///     NameKey.fullName("Park")           // nil: a single name is never a person's full name
public enum NameKey {
    /// The key of a name: folded to lower case without diacritics, apostrophes and full stops
    /// dropped ("U.S." → "us", "O'Neil" → "oneil"), every other mark a space, spaces collapsed;
    /// a leading "the" is left out.
    public static func of(_ name: String) -> String {
        if let key = asciiKey(name) { return key }
        let folded = name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        var words: [String] = []
        var word = ""
        for character in folded.unicodeScalars {
            if character == "." || character == "'" || character == "\u{2019}" { continue }
            if CharacterSet.alphanumerics.contains(character) {
                word.unicodeScalars.append(character)
            } else if !word.isEmpty {
                words.append(word)
                word = ""
            }
        }
        if !word.isEmpty { words.append(word) }
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// ``of(_:)`` of a name written in ASCII only, without Foundation's folding (the common
    /// case, and the costly part of storing an article); nil for any other name.
    private static func asciiKey(_ name: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(name.utf8.count)
        var wordStarts: [Int] = []
        var inWord = false
        for byte in name.utf8 {
            guard byte < 0x80 else { return nil }
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "'"):
                continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if !inWord {
                    if !bytes.isEmpty { bytes.append(UInt8(ascii: " ")) }
                    wordStarts.append(bytes.count)
                    inWord = true
                }
                bytes.append(byte | (byte >= UInt8(ascii: "A") ? 0x20 : 0))
            default:
                inWord = false
            }
        }
        // A leading "the" is left out when more words follow.
        if wordStarts.count > 1, bytes.starts(with: Array("the ".utf8)) { bytes.removeFirst(4) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The key of a person's full name: at least two words (separated by spaces) besides the
    /// honorifics and titles before it ("Mrs.", "Sen.") and a generational suffix after it
    /// ("Jr.", "III"), which the key leaves out and keeps; nil for a single name ("Park",
    /// "Mrs. Holt", "Brandt Jr."), which may be anyone's surname or given name and so never joins
    /// people across articles by itself.
    ///
    ///     NameKey.fullName("Sen. Ana Brandt Jr.")   // "ana brandt jr"
    public static func fullName(_ name: String) -> String? {
        let parts = personParts(name)
        return parts.name.count >= 2 ? (parts.name + parts.suffixes).joined(separator: " ") : nil
    }

    /// The key of a person's name without its honorifics and titles: "Mrs. Holt" is "holt".
    public static func person(_ name: String) -> String {
        let parts = personParts(name)
        return (parts.name + parts.suffixes).joined(separator: " ")
    }

    /// A person's family name, from a full name: its last word before a generational suffix, as a
    /// key ("Ana Maria Brandt Jr." → "brandt", "Marta Vidal-Serra" → "vidal serra"); nil for a
    /// single name.
    public static func surname(ofFullName name: String) -> String? {
        let parts = personParts(name)
        return parts.name.count >= 2 ? parts.name.last : nil
    }

    /// The key a name form of an entity of this class is stored under: a person's full name
    /// without honorifics (``fullName(_:)``), or ``of(_:)``.
    public static func stored(_ name: String, kind: EntityClass) -> String {
        kind == .person ? fullName(name) ?? person(name) : of(name)
    }

    /// Whether two full names are two people by their middle names: the same given name and
    /// surname, both with middle names, and a middle name of one that is neither a middle name
    /// of the other nor its initial. Sisters "Ana Maria Brandt" and "Ana Sofia Brandt" are two;
    /// "Ana M. Brandt" may be either, and "Ana Brandt" says nothing.
    ///
    ///     NameKey.middleNamesDiffer("Ana Maria Brandt", "Ana Sofia Brandt")   // true
    ///     NameKey.middleNamesDiffer("Ana Maria Brandt", "Ana M. Brandt")      // false
    public static func middleNamesDiffer(_ first: String, _ second: String) -> Bool {
        let one = personParts(first).name
        let other = personParts(second).name
        guard one.count > 2, other.count > 2, one.first == other.first, one.last == other.last else { return false }
        let middles = (one.dropFirst().dropLast(), other.dropFirst().dropLast())
        let (fewer, more) = middles.0.count <= middles.1.count ? middles : (middles.1, middles.0)
        func same(_ word: String, _ another: String) -> Bool {
            word == another || (word.count == 1 && another.hasPrefix(word)) || (another.count == 1 && word.hasPrefix(another))
        }
        return !fewer.allSatisfy { word in more.contains { same(word, $0) } }
    }

    /// The key without its spaces: "Park Min-jun" and "Park Minjun" become one.
    public static func joined(_ key: String) -> String {
        key.filter { $0 != " " }
    }

    /// Generational suffixes, as keys write them ("jr", "iii"; BylineCore's ``NameSuffixes``).
    static let suffixes = Set(NameSuffixes.written.map(of))
    /// Honorifics and titles written before a name (`Resources/name-prefixes.txt`).
    static let prefixes = Set(DataFile(PackageResources.name_prefixes_txt).lines)
    /// Titles only a person's name carries (`Resources/courtesy-titles.txt`).
    static let courtesyTitles = Set(DataFile(PackageResources.courtesy_titles_txt).lines)

    /// A person's name as keys of its words (separated by spaces in the name; a hyphenated word
    /// is one word, "min jun"), without the honorifics before it and with its suffixes apart.
    ///
    /// Kept for the names asked lately (``recentParts``): storing an article asks for the parts
    /// of each of its names many times (its resolution order, short forms, merge keys, surnames),
    /// and for the same people's names article after article.
    private static func personParts(_ name: String) -> PersonParts {
        if let known = recentParts.withLock({ $0[name] }) { return known }
        let parts = splitPersonParts(name)
        recentParts.withLock { recent in
            if recent.count >= recentPartsLimit { recent.removeAll(keepingCapacity: true) }
            recent[name] = parts
        }
        return parts
    }

    /// A person's name as keys of its words, and its generational suffixes.
    private typealias PersonParts = (name: [String], suffixes: [String])

    /// The parts of the person names asked lately, by name (emptied when it reaches
    /// ``recentPartsLimit`` names).
    private static let recentParts = Mutex<[String: PersonParts]>([:])
    /// How many names' parts ``recentParts`` keeps at most.
    private static let recentPartsLimit = 100_000

    /// ``personParts(_:)`` worked out.
    private static func splitPersonParts(_ name: String) -> PersonParts {
        var words = name.unicodeScalars.split(whereSeparator: isSpace).map { of(String($0)) }.filter { !$0.isEmpty }
        while words.count > 1, prefixes.contains(words[0]) { words.removeFirst() }
        var suffixes: [String] = []
        while words.count > 1, let last = words.last, self.suffixes.contains(last) { suffixes.insert(words.removeLast(), at: 0) }
        return (words, suffixes)
    }

    /// Whether a character between a name's words is white space (ASCII answered at once, the
    /// rest by its Unicode property).
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    /// The keys under which an entity of this class is merged with those of other articles.
    ///
    /// A person is merged by full name only: the name itself, the name without a middle initial
    /// ("Ana J. Brandt" is "Ana Brandt"), the name without its middle names when it has three
    /// words or more ("Ana Maria Brandt" is "Ana Brandt"), and the aliases that spell the same
    /// full name another way (spacing, hyphens); never by a surname or by an alias that names
    /// someone else. A generational suffix stays in every key ("Ana Brandt Jr." is never "Ana
    /// Brandt"). Organisations and places are merged by their name and every alias (an acronym
    /// joins its full name, a country's short name its formal one).
    public static func mergeKeys(name: String, aliases: [String], kind: EntityClass) -> [String] {
        switch kind {
        case .person:
            guard let key = fullName(name) else { return [] }
            let spelled = aliases.compactMap(fullName).filter { joined($0) == joined(key) }
            let parts = personParts(name)
            var keys = [key]
            if parts.name.count > 2 {
                let first = parts.name[0]
                let last = parts.name[parts.name.count - 1]
                let middle = parts.name.dropFirst().dropLast().filter { $0.count > 1 }
                keys.append(([first] + middle + [last] + parts.suffixes).joined(separator: " "))
                keys.append(([first, last] + parts.suffixes).joined(separator: " "))
            }
            return unique(keys + spelled)
        default:
            return unique(([name] + aliases).map(of).filter { !$0.isEmpty })
        }
    }

    private static func unique(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}
