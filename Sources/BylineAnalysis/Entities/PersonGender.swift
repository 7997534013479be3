import BylineCore

/// The grammatical gender in which a third-person pronoun and a person agree: "she" stands for
/// a woman, "he" for a man.
enum Gender: String, Sendable {
    case feminine, masculine
}

/// The gender of each person of a document, as far as its text tells it, for pronoun
/// agreement: a word just before a name ("Mrs.", "Queen", "spokeswoman"), in an appositive
/// after it ("Dana Holt, his wife,") or in a role's title (`gendered-words.tsv`); failing
/// those, the person's first name (`first-names.tsv`). A person neither tells is of no known
/// gender and agrees with any pronoun.
struct PersonGenders {
    /// Words that tell a person's sex, by their lower-case form without a final full stop.
    static let words: [String: Gender] = DataFile(PackageResources.gendered_words_tsv).rows.reduce(into: [:]) { table, row in
        guard row.count == 2, let gender = Gender(rawValue: row[0]) else { return }
        for word in row[1].split(separator: " ") { table[String(word)] = gender }
    }

    /// First names that nearly always belong to one sex, in lower case ("dana" is not listed).
    static let firstNames: [String: Gender] = DataFile(PackageResources.first_names_tsv).rows.reduce(into: [:]) { table, row in
        if row.count == 2, let gender = Gender(rawValue: row[1]) { table[row[0]] = gender }
    }

    /// The most tokens of an appositive after a name read for a gendered word ("Dana Holt, the
    /// union's chief spokeswoman,").
    static let longestAppositive = 6

    private let genders: [Gender?]

    /// Reads the gender of every person entity of `document` from the mentions the entity stage
    /// found (pronouns resolved later are not read).
    init(document: Document) {
        let view = document.view
        let words = view.words
        genders = document.entities.map { entity in
            guard entity.type == .person else { return nil }
            var feminine = 0
            var masculine = 0
            func count(_ key: String) {
                switch Self.words[key.hasSuffix(".") ? String(key.dropLast()) : key] {
                case .feminine: feminine += 1
                case .masculine: masculine += 1
                case nil: break
                }
            }
            for mention in entity.mentions where mention.provenance.stage != CoreferenceStage.stageName {
                guard let tokens = view.tokens(covering: mention.span) else { continue }
                // The word just before the name, past the full stop of an abbreviation.
                var t = tokens.lowerBound - 1
                if t >= 0, words[t].key == "." { t -= 1 }
                if t >= 0 { count(words[t].key) }
                // The appositive that follows: its nouns, not a possessor's ("the senator's wife").
                guard tokens.upperBound < words.count, words[tokens.upperBound].key == "," else { continue }
                var a = tokens.upperBound + 1
                while a < min(words.count, tokens.upperBound + 1 + Self.longestAppositive), words[a].kind != .punctuation,
                    !PhraseWords.english.isA(words[a].key, .relative)
                {
                    let possessor = a + 1 < words.count && (words[a + 1].key == "'s" || words[a + 1].key == "'")
                    if !possessor { count(words[a].key) }
                    a += 1
                }
            }
            for role in entity.roles {
                for word in role.title.split(separator: " ") { count(Word.key(word)) }
            }
            if feminine != masculine { return feminine > masculine ? .feminine : .masculine }
            return Self.firstNameGender(of: entity.name)
        }
    }

    /// The gender the first name of the full name `name` tells: not for a name of one word (a
    /// surname alone, or a mononym), nor for one written surname first with a hyphenated given
    /// name last ("Park Geun-hye").
    static func firstNameGender(of name: String) -> Gender? {
        let parts = name.splitAtSpaces()
        guard parts.count >= 2, let first = parts.first, let last = parts.last else { return nil }
        if let hyphen = last.firstIndex(of: "-"), last[last.index(after: hyphen)...].first?.isLowercase == true { return nil }
        return firstNames[first.lowercased()]
    }

    /// The gender of entity `e`, if its text tells one.
    subscript(e: Int) -> Gender? { genders[e] }

    /// Whether a pronoun of gender `gender` (nil: any) can stand for entity `e`.
    func agree(_ e: Int, with gender: Gender?) -> Bool {
        guard let gender, let own = genders[e] else { return true }
        return own == gender
    }
}
