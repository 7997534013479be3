import BylineAnalysis
import BylineCore
import Testing

/// The first role of the entity named `name`.
private func role(of name: String, in document: Document) -> Role? {
    document.entities.first { $0.name == name }?.roles.first
}

/// Titles and occupations written after the name in lower case, with an article, a possessive,
/// an age, a relative clause or a copula ("is the …") before them.
@Test(arguments: [
    ("Tom Reyes, a coffee farmer near the river, said the rains were late.", "coffee farmer"),
    ("Lina Oduya, the former chief whip, said the vote would pass.", "former chief whip"),
    ("Lina Oduya, acting U.S. attorney for the district, declined to comment.", "acting U.S. attorney"),
    ("Dan Vesely, 71, a retired museum guard who found the papers, spoke first.", "retired museum guard"),
    ("Mira Tallis, a senior glaciologist at the institute, said the lake was rising.", "senior glaciologist"),
    ("Ivo Brandt, who was then serving as the city's chief counsel, resigned.", "chief counsel"),
    ("Ana Ruiz, the agency's regional manager for Asia, said the fund was ready.", "regional manager"),
    ("Tom Reyes, managing director of a river shipper, said the fees were too high.", "managing director"),
    ("Ivo Brandt is the chief counsel of Harbor Grid and a keen sailor.", "chief counsel"),
])
func aLowerCaseTitleAfterTheNameIsARole(text: String, title: String) throws {
    let document = try analyze(text, names: ["Tom Reyes": "PER", "Lina Oduya": "PER", "Dan Vesely": "PER", "Mira Tallis": "PER",
        "Ivo Brandt": "PER", "Ana Ruiz": "PER", "U.S.": "LOC", "Asia": "LOC", "Harbor Grid": "ORG"])
    let person = try #require(document.entities.first { $0.type == .person })
    #expect(person.roles.first?.title == title)
    #expect(person.roles.first?.provenance.rule == "appositive")
}

/// The organisation of a role is the name after its "of", "for" or "at", even where the tagger
/// read only part of it, or the owner of a possessive.
@Test(arguments: [
    ("Mia Sol, a spokeswoman for Harbor Grid ISO, said prices would rise.", ["Harbor Grid": "LOC"], "Harbor Grid ISO"),
    ("Mia Sol, a commodities analyst at Keel Markets Research in Tamsin, said prices would rise.",
     ["Keel Markets Research": "ORG", "Tamsin": "LOC"], "Keel Markets Research"),
    ("Mia Sol, the Alliance's deputy director, said prices would rise.", ["Alliance": "ORG"], "Alliance"),
])
func theOrganisationComesFromTheOfPhraseOrThePossessive(text: String, names: [String: String], org: String) throws {
    let document = try analyze(text, names: names.merging(["Mia Sol": "PER"]) { $1 })
    #expect(role(of: "Mia Sol", in: document)?.org == org)
}

/// After a copula, a noun phrase that names no body describes the person: no role.
@Test func aDescriptionAfterACopulaIsNoRole() throws {
    let document = try analyze("Ivo Brandt is a careful planner and a poor speaker.", names: ["Ivo Brandt": "PER"])
    #expect(role(of: "Ivo Brandt", in: document) == nil)
}

/// A relation is not a title: "the congressman's wife" holds no office.
@Test(arguments: [
    "Mara Holt, the congressman's wife, said she would vote.",
    "The congressman's wife, Mara Holt, said she would vote.",
    "The congressman's wife Mara Holt said she would vote.",
])
func aPossessiveRelationIsNoTitle(text: String) throws {
    let document = try analyze(text, names: ["Mara Holt": "PER"])
    #expect(role(of: "Mara Holt", in: document) == nil)
}

/// Titles before the name: an occupation after its team, a title set off by a comma after a
/// possessive, a title with the body it serves, titles joined by "and" (one held jointly,
/// "co-chair"), a noun phrase after a preposition.
@Test(arguments: [
    ("Harbor Kings defenseman Tom Reyes scored twice.", ["Harbor Kings": "ORG"], "defenseman", "Harbor Kings"),
    ("The agency's director general, Tom Reyes, said the plan was ready.", [:], "director general", nil),
    ("Ambassador to the Harbor League Tom Reyes arrived on Monday.", ["Harbor League": "ORG"], "Ambassador", "Harbor League"),
    ("Acme founder and longtime chief executive Tom Reyes retired.", ["Acme": "ORG"], "founder and longtime chief executive", "Acme"),
    ("Acme founder and co-chair Tom Reyes retired.", ["Acme": "ORG"], "founder and co-chair", "Acme"),
    ("The label was bought by talent manager Tom Reyes last year.", [:], "talent manager", nil),
    ("Fisheries and Environment Minister Tom Reyes flew to the lake.", [:], "Fisheries and Environment Minister", nil),
] as [(String, [String: String], String, String?)])
func aTitleBeforeTheNameIsReadWhole(text: String, names: [String: String], title: String, org: String?) throws {
    let document = try analyze(text, names: names.merging(["Tom Reyes": "PER"]) { $1 })
    let found = try #require(role(of: "Tom Reyes", in: document))
    #expect(found.title == title)
    #expect(found.org == org)
}

/// A title that names its own organisation before "and" keeps its own evidence.
@Test func aFirstTitleWithItsOwnOrganisationEndsBeforeAnd() throws {
    let document = try analyze(
        "Mira Tallis, a senior glaciologist at Keel Institute and lead author of its report, said the lake was rising.",
        names: ["Mira Tallis": "PER", "Keel Institute": "ORG"])
    let roles = try #require(document.entities.first { $0.name == "Mira Tallis" }?.roles)
    #expect(roles.first.map { String(document.text[$0.span]) } == "senior glaciologist at Keel Institute")
    #expect(roles.first?.org == "Keel Institute")
}
