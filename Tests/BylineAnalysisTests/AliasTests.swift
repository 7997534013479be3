@testable import BylineAnalysis
import BylineCore
import Testing

// One entity per person or body, however a story writes its name. Every name and sentence here
// is made up.

/// One row: an article, the names the tagger knows, and two names that must be one entity.
private let sameEntity: [(name: String, text: String, names: [String: String], first: String, second: String)] = [
    ("a name with and without its accents",
     "Jørgen Ødegård opened the dock. Later Jorgen Odegard said the dock would stay open.",
     ["Jørgen Ødegård": "PER", "Jorgen Odegard": "PER"], "Jørgen Ødegård", "Jorgen Odegard"),
    ("initials for the given names",
     "Kola Bisi Adeyemi runs the ferry line. K.B. Adeyemi said fares would not rise.",
     ["Kola Bisi Adeyemi": "PER", "K.B. Adeyemi": "PER"], "Kola Bisi Adeyemi", "K.B. Adeyemi"),
    ("a company's name without its closing word",
     "Tallow Creek Records signed the band. Tallow Creek said the album comes out in May.",
     ["Tallow Creek Records": "ORG", "Tallow Creek": "ORG"], "Tallow Creek Records", "Tallow Creek"),
    ("a committee without the chamber before it",
     "The Assembly Harbour Committee met on Monday. The Harbour Committee will meet again in June.",
     ["Assembly Harbour Committee": "ORG", "Harbour Committee": "ORG"], "Assembly Harbour Committee", "Harbour Committee"),
    ("a ministry named by its topic first",
     "The Ministry of Fisheries issued quotas. The Fisheries Ministry said boats must report daily.",
     ["Ministry of Fisheries": "ORG", "Fisheries Ministry": "ORG"], "Ministry of Fisheries", "Fisheries Ministry"),
    ("a party and its members",
     "The Harbour Party won four seats. The Harbours said they would join no coalition.",
     ["Harbour Party": "ORG", "Harbours": "ORG"], "Harbour Party", "Harbours"),
    ("another romanisation of a name, without its middle name",
     "Yusuf Hamidov toured the port. Yusuf Ali Khamidov said the berths would open in May.",
     ["Yusuf Hamidov": "PER", "Yusuf Ali Khamidov": "PER"], "Yusuf Hamidov", "Yusuf Ali Khamidov"),
    ("a surname alone spelled with a doubled letter",
     "Oleh Terensky opened the dock. Terenskyy said fares would fall.",
     ["Oleh Terensky": "PER", "Terenskyy": "PER"], "Oleh Terensky", "Terenskyy"),
]

@Test(arguments: sameEntity.indices)
func variantsOfANameAreOneEntity(index: Int) throws {
    let row = sameEntity[index]
    let document = try analyze(row.text, names: row.names)
    let entity = try #require(document.entities.first { $0.name == row.first || $0.aliases.contains(row.first) }, "\(row.name)")
    #expect(entity.name == row.second || entity.aliases.contains(row.second), "\(row.name)")
}

/// One row: an article, the names the tagger knows, and two names that must stay apart.
private let apart: [(name: String, text: String, names: [String: String], first: String, second: String)] = [
    ("initials that do not fit the given names",
     "Kola Bisi Adeyemi runs the ferry line. J. Adeyemi, his cousin, runs the port.",
     ["Kola Bisi Adeyemi": "PER", "J. Adeyemi": "PER"], "Kola Bisi Adeyemi", "J. Adeyemi"),
    ("a committee's short name that two committees end in",
     "The Assembly Harbour Committee and the Senate Harbour Committee met. The Harbour Committee chair left.",
     ["Assembly Harbour Committee": "ORG", "Senate Harbour Committee": "ORG", "Harbour Committee": "ORG"], "Assembly Harbour Committee", "Harbour Committee"),
    ("another given name before a surname spelled another way",
     "Yusuf Hamidov toured the port. Karim Khamidov said the berths would open in May.",
     ["Yusuf Hamidov": "PER", "Karim Khamidov": "PER"], "Yusuf Hamidov", "Karim Khamidov"),
]

@Test(arguments: apart.indices)
func differentNamesStayApart(index: Int) throws {
    let row = apart[index]
    let document = try analyze(row.text, names: row.names)
    let entity = try #require(document.entities.first { $0.name == row.first || $0.aliases.contains(row.first) }, "\(row.name)")
    #expect(entity.name != row.second && !entity.aliases.contains(row.second), "\(row.name)")
}

@Test func accentsAndTheirBaseLettersShareAKey() {
    #expect(NameForms.key("Søren Kjær") == NameForms.key("Soren Kjaer"))
    #expect(NameForms.key("José Núñez") == NameForms.key("Jose Nunez"))
    // A decomposed accent (e + U+0301) is left out as well.
    #expect(NameForms.key("Jose\u{301}") == NameForms.key("José"))
}
