import BylineCore

/// Reads an author line: "By Jane Doe", "By Jane Doe and John Roe, Staff Reporters",
/// "Written by Jane Doe | Reuters".
public enum AuthorLine {
    /// Words of author lines, from `byline-words.tsv`.
    final class Vocabulary: Sendable {
        let prefixes: [[String]]
        let roles: Set<String>
        /// Last words of job titles ("correspondent" in "Health Correspondent").
        let roleHeads: Set<String>
        /// Verbs that open a note about an author after the name ("covers", "is a").
        let noteOpeners: [[String]]
        let joiners: Set<String>
        let particles: Set<String>
        /// The first letters of the prefixes, for a cheap first test.
        let initials: Set<String>

        init(
            prefixes: [[String]], roles: Set<String>, roleHeads: Set<String>, noteOpeners: [[String]], joiners: Set<String>,
            particles: Set<String>
        ) {
            self.prefixes = prefixes.sorted { $0.count > $1.count }
            self.roles = roles
            self.roleHeads = roleHeads
            self.noteOpeners = noteOpeners
            self.joiners = joiners
            self.particles = particles
            self.initials = Set(prefixes.compactMap { $0.first?.first.map(String.init) })
        }

        /// Whether `phrase` is a job title, singular or plural ("Staff Reporters"), or ends with
        /// the head word of one ("Health Correspondent", "Europe Editor").
        func isRole(_ phrase: String) -> Bool {
            let lowered = phrase.lowercased()
            if roles.contains(lowered) || (lowered.hasSuffix("s") && roles.contains(String(lowered.dropLast()))) { return true }
            guard let last = lowered.split(separator: " ").last.map(String.init) else { return false }
            return roleHeads.contains(last) || (last.hasSuffix("s") && roleHeads.contains(String(last.dropLast())))
        }

        static let shared: Vocabulary = {
            var prefixes: [[String]] = []
            var roles: Set<String> = []
            var roleHeads: Set<String> = []
            var noteOpeners: [[String]] = []
            var joiners: Set<String> = []
            var particles: Set<String> = []
            for row in DataFile(PackageResources.byline_words_tsv).rows where row.count >= 2 {
                switch row[0] {
                case "prefix": prefixes.append(row[1].split(separator: " ").map(String.init))
                case "role": roles.insert(row[1])
                case "role-head": roleHeads.insert(row[1])
                case "note": noteOpeners.append(row[1].split(separator: " ").map(String.init))
                case "joiner": joiners.insert(row[1])
                case "particle": particles.insert(row[1])
                default: break
                }
            }
            return Vocabulary(
                prefixes: prefixes, roles: roles, roleHeads: roleHeads, noteOpeners: noteOpeners, joiners: joiners,
                particles: particles)
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
        // Only the first segment of "By Jane Doe | Reuters" or "By Jane Doe - 03/04/21 10:00 AM"
        // names people.
        let segments = line.split(whereSeparator: { $0 == "|" || $0 == "\u{2022}" || $0 == "\u{00B7}" })
        guard let head = segments.first.map(beforeSpacedDash) else { return nil }
        var words = head.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty, words.count <= maximumWords else { return nil }
        guard let prefix = vocabulary.prefixes.first(where: { prefix in
            words.count > prefix.count && zip(words, prefix).allSatisfy { $0.lowercased() == $1 }
        }) else { return nil }
        words.removeFirst(prefix.count)
        if let first = words.first, first == ":" { words.removeFirst() }
        return names(in: words)?.names
    }

    /// The text before the first dash set off by spaces (" - ", " – ", " — "), which parts an
    /// author line from a stamp or an outlet; a hyphen inside a name ("Anne-Marie Dolan") stays.
    static func beforeSpacedDash(_ text: Substring) -> Substring {
        var previous: Character?
        for index in text.indices {
            let character = text[index]
            if previous == " ", character == "-" || character == "\u{2013}" || character == "\u{2014}" {
                let next = text.index(after: index)
                if next == text.endIndex || text[next] == " " { return text[..<index] }
            }
            previous = character
        }
        return text
    }

    /// The people a name list without a prefix names when it also gives a job title ("Jane
    /// Doe, Health Correspondent" → ["Jane Doe"]), or nil when it gives none or is no list of
    /// names.
    public static func namesWithoutRoles(in line: String) -> [String]? {
        guard let head = line.split(whereSeparator: { $0 == "|" || $0 == "\u{2022}" || $0 == "\u{00B7}" }).first else { return nil }
        let words = head.split(whereSeparator: \.isWhitespace).map(String.init)
        guard !words.isEmpty, words.count <= maximumWords, let found = names(in: words), found.droppedRole else { return nil }
        return found.names
    }

    /// The names in an author line's words after its prefix, and whether a job title was left
    /// out; nil when a part is neither a name nor a job title.
    private static func names(in words: [String]) -> (names: [String], droppedRole: Bool)? {
        let vocabulary = Vocabulary.shared
        var droppedRole = false
        var authors: [String] = []
        var current: [String] = []
        func finish() -> Bool {
            defer { current = [] }
            guard !current.isEmpty else { return true }
            let name = current.joined(separator: " ")
            if vocabulary.isRole(name) || name.contains("@") {
                droppedRole = true
                return true
            }
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
        return (authors, droppedRole)
    }

    /// Whether `rest`, the words after an author's name, opens a note about the author:
    /// "covers energy for The Courier.", "is a reporter based in Lagos."
    static func opensAuthorNote(_ rest: some StringProtocol) -> Bool {
        let words = rest.split(separator: " ", maxSplits: 3).map { $0.lowercased() }
        return Vocabulary.shared.noteOpeners.contains { opener in
            words.count > opener.count && zip(words, opener).allSatisfy { $0 == $1 }
        }
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
