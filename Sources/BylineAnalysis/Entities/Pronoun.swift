import BylineCore

/// A personal pronoun and what it can refer to, read from `pronouns.tsv`.
struct Pronoun: Sendable {
    /// First person ("we") speaks for itself; third person ("she") stands for someone named.
    enum Person: String, Sendable {
        case first, third
    }

    let word: String
    let person: Person
    /// The entity types it picks up as its antecedent ("she": PERSON; "it": ORG, GPE); empty
    /// when it is resolved to no entity ("they").
    let refersTo: Set<EntityType>

    /// Whether it stands only for people ("he", "she").
    var refersOnlyToPeople: Bool { refersTo == [.person] }

    /// The pronouns of `pronouns.tsv`, by their lower-case word.
    static let english = WordMap(
        DataFile(PackageResources.pronouns_tsv).rows.reduce(into: [String: Pronoun]()) { table, row in
            guard row.count == 5, let person = Person(rawValue: row[1]) else { return }
            let types = row[4] == "-" ? [] : Set(row[4].split(separator: " ").compactMap { EntityType(rawValue: String($0)) })
            table[row[0]] = Pronoun(word: row[0], person: person, refersTo: types)
        })
}
