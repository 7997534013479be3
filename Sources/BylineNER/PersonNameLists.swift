import BylineCore
import Foundation

/// The personal-name lists of the tagger's gazetteer (the given names and surnames of the US
/// Census, `Resources/Gazetteers/`), for telling a word that may be a person's name ("Ana",
/// "Holt") from one that is not ("Burisma").
public struct PersonNameLists: Sendable {
    /// The bundled lists; empty lists when they are missing (the model's own check reports that).
    public static let shared = PersonNameLists()

    private let givenNames: Set<String>
    private let surnames: Set<String>

    private init() {
        func words(_ name: String) -> Set<String> {
            guard let url = ModuleResources.url(of: "\(name).txt", subdirectory: "Gazetteers"), let data = try? Data(contentsOf: url)
            else { return [] }
            return Set(DataFile([UInt8](data)).lines.map { $0.lowercased() })
        }
        givenNames = words("given-names")
        surnames = words("surnames")
    }

    /// Whether `word` is a listed given name, whatever its case.
    public func isGivenName(_ word: some StringProtocol) -> Bool {
        givenNames.contains(word.lowercased())
    }

    /// Whether `word` is a listed given name or surname, whatever its case.
    public func isPersonalName(_ word: some StringProtocol) -> Bool {
        let key = word.lowercased()
        return givenNames.contains(key) || surnames.contains(key)
    }
}
