import BylineCore

/// Reads an author line: "By Jane Doe", "By Jane Doe and John Roe, Staff Reporters",
/// "Written by Jane Doe | Reuters".
public enum AuthorLine {
    /// Words of author lines, from `byline-words.tsv`.
    final class Vocabulary: Sendable {
        let prefixes: [[String]]
        let roles: Set<String>
        let joiners: Set<String>
        let particles: Set<String>
        /// The first letters of the prefixes, for a cheap first test.
        let initials: Set<String>

        init(prefixes: [[String]], roles: Set<String>, joiners: Set<String>, particles: Set<String>) {
            self.prefixes = prefixes.sorted { $0.count > $1.count }
            self.roles = roles
            self.joiners = joiners
            self.particles = particles
            self.initials = Set(prefixes.compactMap { $0.first?.first.map(String.init) })
        }

        /// Whether `phrase` is a job title, singular or plural ("Staff Reporters").
        func isRole(_ phrase: String) -> Bool {
            let lowered = phrase.lowercased()
            return roles.contains(lowered) || (lowered.hasSuffix("s") && roles.contains(String(lowered.dropLast())))
        }

        static let shared: Vocabulary = {
            var prefixes: [[String]] = []
            var roles: Set<String> = []
            var joiners: Set<String> = []
            var particles: Set<String> = []
            for row in DataFile(PackageResources.byline_words_tsv).rows where row.count >= 2 {
                switch row[0] {
                case "prefix": prefixes.append(row[1].split(separator: " ").map(String.init))
                case "role": roles.insert(row[1])
                case "joiner": joiners.insert(row[1])
                case "particle": particles.insert(row[1])
                default: break
                }
            }
            return Vocabulary(prefixes: prefixes, roles: roles, joiners: joiners, particles: particles)
        }()
    }

    /// The most words an author line may have.
    static let maximumWords = 16

    /// The authors named by `line`, or nil when the line is not an author line.
    public static func authors(in line: String) -> [String]? {
        let vocabulary = Vocabulary.shared
        guard let first = line.unicodeScalars.first, vocabulary.initials.contains(first.properties.lowercaseMapping) else {
            return nil
        }
        let opening = line.prefix(24).lowercased()
        guard vocabulary.prefixes.contains(where: { opening.hasPrefix($0.joined(separator: " ") + " ") }) else { return nil }
        // Only the first segment of "By Jane Doe | Reuters" names people.
        let segments = line.split(whereSeparator: { $0 == "|" || $0 == "\u{2022}" || $0 == "\u{00B7}" })
        guard let head = segments.first else { return nil }
        var words = head.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty, words.count <= maximumWords else { return nil }
        guard let prefix = vocabulary.prefixes.first(where: { prefix in
            words.count > prefix.count && zip(words, prefix).allSatisfy { $0.lowercased() == $1 }
        }) else { return nil }
        words.removeFirst(prefix.count)
        if let first = words.first, first == ":" { words.removeFirst() }

        var authors: [String] = []
        var current: [String] = []
        func finish() -> Bool {
            defer { current = [] }
            guard !current.isEmpty else { return true }
            let name = current.joined(separator: " ")
            if vocabulary.isRole(name) || name.contains("@") { return true }
            guard isName(current) else { return false }
            authors.append(name)
            return true
        }
        for raw in words {
            var word = raw
            let endsClause = word.hasSuffix(",") || word.hasSuffix(";")
            if endsClause { word.removeLast() }
            if vocabulary.joiners.contains(word.lowercased()) {
                guard finish() else { return nil }
                continue
            }
            if !word.isEmpty { current.append(word) }
            if endsClause { guard finish() else { return nil } }
        }
        guard finish(), !authors.isEmpty else { return nil }
        return authors
    }

    /// Whether words look like a person's name: one to five words, each opening with a capital
    /// or a name particle ("van", "bin").
    static func isName(_ words: [String]) -> Bool {
        guard (1...5).contains(words.count), let first = words.first?.first, first.isUppercase else { return false }
        let particles = Vocabulary.shared.particles
        return words.allSatisfy { word in
            guard let initial = word.first else { return false }
            return initial.isUppercase || particles.contains(word)
        }
    }
}
