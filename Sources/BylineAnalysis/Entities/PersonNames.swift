import BylineNER

/// The personal-name lists the tagger's gazetteer holds (``PersonNameLists``), as the entity
/// stage asks them: may this word be someone's given name, or any part of a name?
enum PersonNames {
    /// Whether `word` is a listed given name ("Ana").
    static func isGivenName(_ word: Substring) -> Bool {
        PersonNameLists.shared.isGivenName(word)
    }

    /// Whether `word` is a listed given name or surname ("Ana", "Holt").
    static func isPersonalName(_ word: Substring) -> Bool {
        PersonNameLists.shared.isPersonalName(word)
    }
}
