@testable import BylineStore
import Testing

@Test func nameKeysIgnoreCaseDiacriticsHyphensAndFullStops() {
    #expect(NameKey.of("Park Min-jun") == NameKey.of("PARK Min Jun"))
    #expect(NameKey.of("José Núñez") == "jose nunez")
    #expect(NameKey.of("U.S.") == "us")
    #expect(NameKey.of("The Harbor Council") == "harbor council")
    #expect(NameKey.fullName("Okafor") == nil)
    #expect(NameKey.fullName("Brandt Jr.") == nil)
    #expect(NameKey.fullName("Ana Brandt Jr.") == "ana brandt jr")
    #expect(NameKey.fullName("Sen. Ana Brandt Jr.") == "ana brandt jr")
    #expect(NameKey.fullName("Mrs. Holt") == nil)
    #expect(NameKey.person("Mrs. Holt") == "holt")
    #expect(NameKey.surname(ofFullName: "Marta Vidal-Serra") == "vidal serra")
}

@Test func aPersonMergesByFullNameOnlyAndAnOrganisationByItsAcronymToo() {
    #expect(NameKey.mergeKeys(name: "Ana Brandt", aliases: ["Brandt", "Nina Brandt", "Ana-Brandt"], kind: .person) == ["ana brandt"])
    #expect(NameKey.mergeKeys(name: "Ana J. Brandt", aliases: [], kind: .person) == ["ana j brandt", "ana brandt"])
    #expect(NameKey.mergeKeys(name: "Ana Brandt Jr.", aliases: [], kind: .person) == ["ana brandt jr"])
    #expect(NameKey.mergeKeys(name: "Okafor", aliases: [], kind: .person).isEmpty)
    #expect(NameKey.mergeKeys(name: "Ana Maria Brandt", aliases: [], kind: .person) == ["ana maria brandt", "ana brandt"])
    #expect(NameKey.mergeKeys(name: "Park Min-jun", aliases: [], kind: .person) == ["park min jun"])
    #expect(NameKey.mergeKeys(name: "Harbor Transit Authority", aliases: ["HTA"], kind: .organisation) == ["harbor transit authority", "hta"])
}

@Test func agreeingRolesWinAndDisagreeingOnesKeepNamesakesApart() {
    let senator = EntityResolution.Candidate(id: 1, roleTitles: ["senator"], roleOrgs: ["senate"], sharesCompany: false)
    let coach = EntityResolution.Candidate(id: 2, roleTitles: ["head coach"], roleOrgs: [], sharesCompany: false)
    #expect(EntityResolution.choose(for: [("head coach", nil)], hasCompany: true, among: [senator, coach]).entity == 2)
    #expect(EntityResolution.choose(for: [("mayor", "harbor city")], hasCompany: true, among: [senator]).entity == nil)
    #expect(EntityResolution.choose(for: [], hasCompany: true, among: [senator]).entity == 1)
    var colleague = senator
    colleague.sharesCompany = true
    #expect(EntityResolution.choose(for: [("mayor", nil)], hasCompany: true, among: [colleague]).entity == 1)
    #expect(EntityResolution.choose(for: [("mayor", nil)], hasCompany: false, among: [senator]).entity == 1)
}

@Test func nearDuplicateTextsHaveSimilarSignaturesAndOthersDoNot() {
    let story = """
        The council approved the new harbor budget after a long debate on Monday night, ending a dispute that had \
        divided the city for most of the year. Officials said the work would start in the spring and last two years, \
        and that the first ships could dock at the new quay before the end of the decade. Residents who had opposed \
        the plan said they would keep watching how the money was spent, and the mayor promised regular reports to \
        the council and to the public on the cost and the progress of the work.
        """
    let copy = story + " This story was first published by a wire service."
    let other = "A storm closed the mountain pass for three days, and the road crews worked through the night to clear it before the weekend."
    #expect(MinHash.similarity(MinHash.signature(of: story), MinHash.signature(of: copy)) >= MinHash.sameStory)
    #expect(MinHash.similarity(MinHash.signature(of: story), MinHash.signature(of: other)) < 0.2)
}

@Test func userTextBecomesAQueryThatCannotBeASyntaxError() {
    #expect(FullTextQuery.match("trade deal*", trigram: false) == "\"trade\" \"deal\"*")
    #expect(FullTextQuery.match("\"trade deal\" (AND", trigram: false) == "\"trade deal\" \"AND\"")
    #expect(FullTextQuery.match("--", trigram: false) == nil)
    #expect(FullTextQuery.tsquery("\"Trade deal\" port*") == "'trade' <-> 'deal' & 'port':*")
    #expect(FullTextQuery.tsquery("--") == nil)
}

@Test func relativesWithOneGivenNameAndOtherMiddleNamesAreTwoPeople() {
    #expect(NameKey.middleNamesDiffer("Ana Maria Brandt", "Ana Sofia Brandt"))
    #expect(NameKey.middleNamesDiffer("Kim Hong Sik", "Kim Jae Sik"))
    #expect(!NameKey.middleNamesDiffer("Ana Maria Brandt", "Ana M. Brandt"))
    #expect(!NameKey.middleNamesDiffer("Ana Maria Brandt", "Ana Brandt"))
    #expect(!NameKey.middleNamesDiffer("Ana Maria Brandt", "Carl Maria Brandt"))
    #expect(EntityResolution.middleNamesDiffer(["Ana Sofia Brandt", "Brandt"], ["Ana Maria Brandt", "Ana Brandt"]))
}

@Test func aSurnameSharedByTwoPeopleNamedInOneArticleStandsForNeither() {
    let known = EntityResolution.SurnameCandidate(id: 4, articles: 40, sharesCompany: true)
    #expect(EntityResolution.chooseBySurname(hasCompany: true, namedInFull: 1, among: [known]).entity == 4)
    #expect(EntityResolution.chooseBySurname(hasCompany: true, namedInFull: 2, among: [known]).entity == nil)
}

@Test func aSurnameIsJudgedAgainAtFiveArticlesAndAtEveryDoublingAfter() {
    #expect(!EntityResolution.passesSurnameCheckpoint(from: 3, to: 4))
    #expect(EntityResolution.passesSurnameCheckpoint(from: 4, to: 5))
    #expect(!EntityResolution.passesSurnameCheckpoint(from: 5, to: 6))
    #expect(EntityResolution.passesSurnameCheckpoint(from: 9, to: 10))
    #expect(EntityResolution.passesSurnameCheckpoint(from: 38, to: 41))
    #expect(!EntityResolution.passesSurnameCheckpoint(from: 41, to: 79))
}

@Test func aCourtesyTitleAndASurnameTaggedAsAnOrganisationIsTheArticlesPersonOfThatSurname() {
    func entity(_ local: String, _ type: String, _ name: String) -> ArticleFacts.EntityFacts {
        ArticleFacts.EntityFacts(local: local, type: type, name: name, aliases: [], mentions: 1, rank: 1, roles: [])
    }
    let short = EntityResolution.shortForms([
        entity("e1", "PERSON", "Ana Brandt"), entity("e2", "ORG", "Mrs. Brandt"), entity("e3", "ORG", "General Brandt"),
        entity("e4", "ORG", "Mr. Okafor"),
    ])
    #expect(short["e2"]?.local == "e1")
    #expect(short["e3"] == nil && short["e4"] == nil)
    let plan = EntityResolution.Plan([entity("e2", "ORG", "Mrs. Brandt"), entity("e1", "PERSON", "Ana Brandt")])
    #expect(plan.named.map(\.local) == ["e1"] && plan.rest.map(\.local) == ["e2"])
    let couple = EntityResolution.shortForms([
        entity("e1", "PERSON", "Ana Brandt"), entity("e2", "PERSON", "Carl Brandt"), entity("e3", "ORG", "Mrs. Brandt"),
    ])
    #expect(couple["e3"] == nil)
}
