import BylineAnalysis
import BylineCore
import Testing

private let published = "2023-05-20"

private func entityNames(_ ids: [String], in document: Document) -> [String] {
    ids.compactMap { id in document.entities.first { $0.id == id }?.name }
}

@Test func aProperNameIsTheEventsName() throws {
    let document = try analyze("The Global Forum on Water Security 2023 opened in Nairobi on Tuesday.", names: [:], published: published)
    let event = try #require(document.events.first)
    #expect(event.type == "forum")
    #expect(event.name == "Global Forum on Water Security 2023")
}

@Test func aDescribedEventJoinsTheNamedOne() throws {
    let document = try analyze(
        "Delegates met at an international symposium. The International Symposium on Soil Health was held Friday. The symposium ended early.",
        names: [:], published: published)
    #expect(document.events.count == 1)
    #expect(document.events.first?.name == "International Symposium on Soil Health")
}

@Test func theDateComesFromTheAttachedTimeExpression() throws {
    let document = try analyze("The Harbour Summit was held Thursday.", names: [:], published: published)
    #expect(document.events.first?.date == "2023-05-18")
    let described = try analyze("Leaders spoke during the March summit in Oslo.", names: [:], published: published)
    #expect(described.events.first?.date == "2023-03")
}

@Test func eventsWithDifferentDatesStayApart() throws {
    let document = try analyze(
        "The Pacific Summit last month set goals. The plan was first shown at the Pacific summit two years ago.",
        names: [:], published: published)
    #expect(document.events.map(\.date) == ["2023-04", "2021"])
}

@Test func thePlaceIsVenueThenCity() throws {
    let document = try analyze(
        "The Northern Trade Conference took place at the Grand Hotel in Lisbon.", names: [:], published: published)
    #expect(document.events.first?.place == ["Grand Hotel", "Lisbon"])
}

@Test func organisersAreTheNamesAfterTheCue() throws {
    let document = try analyze(
        "The Coastal Forum was held Monday, co-organized by the Ocean Institute and Blue Water Society.",
        names: ["Ocean Institute": "ORG", "Blue Water Society": "ORG"], published: published)
    let event = try #require(document.events.first)
    #expect(entityNames(event.organizers, in: document) == ["Ocean Institute", "Blue Water Society"])
}

@Test func participantsAreThePeopleWhoAttend() throws {
    let document = try analyze(
        "Anna Berg, the trade minister, and Tomas Lind attended the Baltic Energy Summit in Riga.",
        names: ["Anna Berg": "PER", "Tomas Lind": "PER", "Riga": "LOC"], published: published)
    let event = try #require(document.events.first)
    #expect(entityNames(event.participants, in: document) == ["Anna Berg", "Tomas Lind"])
    #expect(event.place == ["Riga"])
}

@Test func aCountedNounIsNoEvent() throws {
    let document = try analyze("The two sides have held 12 summit meetings.", names: [:], published: published)
    #expect(document.events.isEmpty)
}

@Test func aDateInsideADescriptionIsTheEventsDate() throws {
    let document = try analyze("She testified about a May 2 meeting at the Town Hall.", names: [:], published: published)
    let event = try #require(document.events.first)
    #expect(event.name == "meeting")
    #expect(event.date == "2023-05-02")
}

@Test func theOrganisationOfSomeonesRoleIsNoEvent() throws {
    let document = try analyze(
        "\"The rules are clear,\" said Ana Ruiz, a senior fellow at the Harbor Policy Forum.",
        names: ["Ana Ruiz": "PER", "Harbor Policy Forum": "ORG"], published: published)
    #expect(document.entities.first { $0.name == "Ana Ruiz" }?.roles.first?.org == "Harbor Policy Forum")
    #expect(document.events.isEmpty)
}

@Test func talksAfterTheirVerbNeedNoDeterminer() throws {
    let document = try analyze(
        "Ana Ruiz and Tom Reyes held talks in Oslo on Tuesday.", names: ["Ana Ruiz": "PER", "Tom Reyes": "PER"], published: published)
    let event = try #require(document.events.first)
    #expect(event.type == "talks")
    #expect(event.date == "2023-05-16")
    #expect(entityNames(event.participants, in: document) == ["Ana Ruiz", "Tom Reyes"])
}

@Test func aFairIsAnExhibition() throws {
    let document = try analyze("The Harbor Trade Fair opened on Monday.", names: [:], published: published)
    #expect(document.events.first?.type == "exhibition")
    #expect(document.events.first?.name == "Harbor Trade Fair")
}

@Test func meetingsInTwoPlacesAreTwoEventsAndTheFullerDescriptionNamesOne() throws {
    let document = try analyze(
        "Officials spoke at the meeting in Oslo. They will hold the second joint committee meeting in Lisbon in March.",
        names: [:], published: published)
    #expect(document.events.map(\.name) == ["meeting", "second joint committee meeting"])
    #expect(document.events.map(\.place) == [["Oslo"], ["Lisbon"]])
}

@Test func theSubjectOfAnotherClauseTookNoPart() throws {
    let document = try analyze(
        "Ana Ruiz spoke on Monday, adding that the two countries signed a trade agreement in 2011.",
        names: ["Ana Ruiz": "PER"], published: published)
    #expect(document.events.first?.participants == [])
}
