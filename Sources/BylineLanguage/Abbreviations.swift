import BylineCore

/// Words that keep their final period (or apostrophe), and how each behaves at a sentence end.
public final class Abbreviations: Sendable {
    /// How an abbreviation behaves before the next word.
    public enum Kind: String, Sendable {
        /// Before a name; never ends a sentence ("Dr.").
        case title
        /// Before a number or noun; never ends a sentence ("No.").
        case inner
        /// May end a sentence ("Inc.", "U.S.").
        case general
        /// A month or weekday abbreviation; behaves like `general`.
        case month
    }

    private let kinds: [String: Kind]
    /// Lower-case words that usually open a sentence.
    let sentenceOpeners: Set<String>

    public init(entries: [String: Kind], sentenceOpeners: Set<String>) {
        self.kinds = entries
        self.sentenceOpeners = sentenceOpeners
    }

    /// English abbreviations and sentence openers, from the module's data files.
    public static let english: Abbreviations = {
        var entries: [String: Kind] = [:]
        for row in DataFile(PackageResources.abbreviations_en_tsv).rows where row.count >= 2 {
            entries[row[0]] = Kind(rawValue: row[1]) ?? .general
        }
        let openers = Set(DataFile(PackageResources.sentence_openers_en_txt).lines)
        return Abbreviations(entries: entries, sentenceOpeners: openers)
    }()

    /// The kind of `word` when it is an abbreviation: a listed entry, a capital initial
    /// ("S."), or a letter-dot acronym ("U.N.", "e.g.").
    public func kind(of word: some StringProtocol) -> Kind? {
        if let kind = kinds[String(word)] { return kind }
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 2, scalars.last == "." else { return nil }
        if scalars.count == 2 && CharacterClass.isUpper(scalars[0]) { return .title }
        // Letter-dot acronyms: every other scalar a letter, every other a period.
        guard scalars.count % 2 == 0 else { return nil }
        for (i, s) in scalars.enumerated() {
            if i % 2 == 0 ? !CharacterClass.isLetter(s) : s != "." { return nil }
        }
        return .general
    }
}
