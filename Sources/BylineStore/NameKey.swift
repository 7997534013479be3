import Foundation

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

    /// The key of a person's full name: at least two words; nil for a single name, which may be
    /// anyone's surname or given name and so never joins people across articles.
    public static func fullName(_ name: String) -> String? {
        let key = of(name)
        return key.contains(" ") ? key : nil
    }

    /// The key without its spaces: "Park Min-jun" and "Park Minjun" become one.
    public static func joined(_ key: String) -> String {
        key.replacingOccurrences(of: " ", with: "")
    }

    /// The keys under which an entity of this class is merged with those of other articles.
    ///
    /// A person is merged by full name only: the name itself, the name without a middle initial
    /// ("Ana J. Brandt" is "Ana Brandt"; a suffix such as "Jr." stays) and the aliases that spell
    /// the same full name another way (spacing, hyphens); never by a surname or by an alias that
    /// names someone else. Organisations and places are merged by their name and every alias
    /// (an acronym joins its full name, a country's short name its formal one).
    public static func mergeKeys(name: String, aliases: [String], kind: EntityClass) -> [String] {
        switch kind {
        case .person:
            guard let key = fullName(name) else { return [] }
            let spelled = aliases.compactMap(fullName).filter { joined($0) == joined(key) }
            var words = key.split(separator: " ")
            if words.count > 2 {
                words = [words[0]] + words.dropFirst().dropLast().filter { $0.count > 1 } + [words[words.count - 1]]
            }
            return unique([key, words.joined(separator: " ")] + spelled)
        default:
            return unique(([name] + aliases).map(of).filter { !$0.isEmpty })
        }
    }

    private static func unique(_ keys: [String]) -> [String] {
        var seen = Set<String>()
        return keys.filter { seen.insert($0).inserted }
    }
}
