import BylineCore

/// A personal pronoun and what it can refer to, read from `pronouns.tsv`.
struct Pronoun: Sendable {
    /// First person ("we") speaks for itself; third person ("she") stands for someone named.
    enum Person: String, Sendable {
        case first, third
    }

    /// One ("it") or more ("they"): a plural pronoun stands for a body named as a whole subject,
    /// never for one entity named somewhere in a phrase about many ("Officials of the agency").
    enum Number: String, Sendable {
        case singular, plural
    }

    let word: String
    let person: Person
    let number: Number
    /// The entity types it picks up as its antecedent ("she": PERSON; "it": ORG, GPE; "they":
    /// ORG); empty when it is resolved to no entity ("we").
    let refersTo: Set<EntityType>
    /// The gender of the person it stands for ("she": feminine); nil when it stands for anyone.
    let gender: Gender?

    /// Whether it stands only for people ("he", "she").
    var refersOnlyToPeople: Bool { refersTo == [.person] }

    /// The pronouns of `pronouns.tsv`, by their lower-case word.
    static let english = WordMap(
        DataFile(PackageResources.pronouns_tsv).rows.reduce(into: [String: Pronoun]()) { table, row in
            guard row.count == 5, let person = Person(rawValue: row[1]), let number = Number(rawValue: row[2]) else { return }
            let types = row[4] == "-" ? [] : Set(row[4].split(separator: " ").compactMap { EntityType(rawValue: String($0)) })
            table[row[0]] = Pronoun(word: row[0], person: person, number: number, refersTo: types, gender: Gender(rawValue: row[3]))
        })
}
