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
    // The date stays in the name, as a reader says it ("the May 2 meeting").
    #expect(event.name == "May 2 meeting")
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

// MARK: - Events from the headline and lede, and the events the body reports

@Test func theLedeGivesTheMainEventItsDayAndTheDatelineItsCity() throws {
    let document = try analyze(
        "GRANADA — The Hawks edged the Pilots on Sunday afternoon.\n\nOrtega hit the last basket of the 88-86 victory against the Pilots at Vega Park.",
        names: ["Ortega": "PER", "Vega Park": "LOC"], published: published)
    let game = try #require(document.events.first { $0.type == "game" })
    #expect(game.name == "88-86 victory against the Pilots")
    #expect(game.date == "2023-05-14")
    #expect(game.place == ["Vega Park", "GRANADA"])
}

@Test func aWinWithoutScoreOrOpponentIsNoGame() throws {
    let document = try analyze("The new lease law is a win for tenants.", names: [:], published: published)
    #expect(document.events.isEmpty)
}

/// A sentence, the names of its people, and the event it reports: its type, name and the
/// people who took part.
private let reportedEvents: [(text: String, names: [String: String], type: String, name: String, participants: [String])] = [
    ("During a radio debate on Sunday, Nora Vidal and Ivan Petrov sparred over rents.",
     ["Nora Vidal": "PER", "Ivan Petrov": "PER"], "debate", "radio debate", ["Nora Vidal", "Ivan Petrov"]),
    ("Supporters waved flags outside a debate between Nora Vidal and Ivan Petrov on Thursday.",
     ["Nora Vidal": "PER", "Ivan Petrov": "PER"], "debate", "debate", ["Nora Vidal", "Ivan Petrov"]),
    ("Omar Haddad told an energy summit in Turin on Monday that fuel prices would ease.",
     ["Omar Haddad": "PER"], "summit", "energy summit", ["Omar Haddad"]),
    ("Crowds lined the road for Mayor Ines Duarte's visit to Lagos on Wednesday.",
     ["Ines Duarte": "PER"], "visit", "visit to Lagos", ["Ines Duarte"]),
    ("The coach left early after an interview with Lucia Benn on Friday.",
     ["Lucia Benn": "PER"], "interview", "interview", ["Lucia Benn"]),
    ("\"It was a long road,\" Ivan Petrov said at the opening ceremony on Saturday.",
     ["Ivan Petrov": "PER"], "ceremony", "opening ceremony", ["Ivan Petrov"]),
    ("Officers made an arrest near the bus depot on Sunday.", [:], "arrest", "arrest", []),
    ("Bus drivers began a strike on Monday.", [:], "strike", "strike", []),
    ("A jury reached a verdict on Thursday.", [:], "verdict", "verdict", []),
]

@Test(arguments: reportedEvents.indices)
func aReportedEventIsReadWithItsPeople(index: Int) throws {
    let row = reportedEvents[index]
    let document = try analyze(row.text, names: row.names, published: published)
    let event = try #require(document.events.first { $0.type == row.type }, "\(row.text): \(document.events.map(\.name))")
    #expect(event.name == row.name, "\(row.text)")
    #expect(entityNames(event.participants, in: document) == row.participants, "\(row.text)")
    #expect(event.date != nil, "\(row.text)")
}

@Test func anElectionKeepsItsDateInItsNameAndItsCountryAsPlace() throws {
    let document = try analyze("Parties are campaigning for Norland's May 28 election.", names: ["Norland": "LOC"], published: published)
    let election = try #require(document.events.first)
    #expect(election.type == "election")
    #expect(election.name == "May 28 election")
    #expect(election.date == "2023-05-28")
    #expect(election.place == ["Norland"])
}

@Test func aQuotedTitleNamesTheEvent() throws {
    let document = try analyze(
        "Tickets sold out on Sunday for a festival called \u{201C}Night Lights\u{201D} in the old harbour.",
        names: [:], published: published)
    let festival = try #require(document.events.first)
    #expect(festival.name == "Night Lights")
    #expect(festival.date == "2023-05-14")
}

@Test func quotedSpeechReportsNoEventByAPassingWord() throws {
    let document = try analyze("\u{201C}The meeting went well, and the visit was useful,\u{201D} she said.", names: [:], published: published)
    #expect(document.events.isEmpty)
}

@Test func anUndatedMentionTakesTheDayTheStoryToldOf() throws {
    let document = try analyze(
        "On Friday the board chose Rita Gomez as its new chair. She was chosen at a meeting in Valdez.",
        names: ["Rita Gomez": "PER", "Valdez": "LOC"], published: published)
    let meeting = try #require(document.events.first)
    #expect(meeting.date == "2023-05-19")
    #expect(meeting.provenance.steps.contains { $0.rule.name == "narrative-day" })
}

@Test func twoDescriptionsOfOneEventAreOne() throws {
    let document = try analyze(
        "Nurses described staff shortages to a regional health conference in Cork on Wednesday. The conference, hosted by the Nursing Council, drew delegates from nine hospitals.",
        names: ["Nursing Council": "ORG"], published: published)
    #expect(document.events.count == 1)
    #expect(entityNames(document.events.first?.organizers ?? [], in: document) == ["Nursing Council"])
}

/// A headline or lede sentence that tells the story's main event by its verb or its setting,
/// the names of its people and organisations, and the event read: its type, name, date, place,
/// and who took part or organised it.
private let ledeEvents: [(text: String, names: [String: String], type: String, name: String, date: String?, place: [String], people: [String])] = [
    // A launch told by its verb: the thing launched after it, named by its quoted title.
    ("The Transport Ministry on Monday launched a road safety campaign called \u{201C}Eyes Up\u{201D}.",
     ["Transport Ministry": "ORG"], "launch", "Eyes Up", "2023-05-15", [], ["Transport Ministry"]),
    // A passive launch: the thing launched opens the sentence; its owner is the place.
    ("Norland\u{2019}s \u{201C}Clean Rivers\u{201D} awareness campaign has drawn praise since introduced on Tuesday.",
     ["Norland": "LOC"], "launch", "Clean Rivers", "2023-05-16", ["Norland"], []),
    ("The city's new parking app, unveiled on Wednesday, crashed within hours.",
     [:], "launch", "new parking app", "2023-05-17", [], []),
    // The event another one is of leaves its date to it; the people of the next clause took part.
    ("In their second TV debate of the election on Thursday, Nora Vidal and Ivan Petrov clashed over taxes.",
     ["Nora Vidal": "PER", "Ivan Petrov": "PER"], "debate", "second TV debate", "2023-05-18", [], ["Nora Vidal", "Ivan Petrov"]),
    // A body that concluded its hearings organised them; a year that describes a later event
    // ("the 2024 election") dates that event, not the hearing.
    ("The Senate Ethics Committee concluded its fourth public hearing on Friday.",
     ["Senate Ethics Committee": "ORG"], "hearing", "fourth public hearing", "2023-05-19", [], ["Senate Ethics Committee"]),
    ("The council held its third hearing on the budget in the run-up to the 2024 election.",
     ["council": "ORG"], "hearing", "third hearing", nil, [], []),
    // A chat on stage is an interview with the people after "with".
    ("Ana Ruiz spoke at a fireside chat with Tomas Lind on Wednesday about sales.",
     ["Ana Ruiz": "PER", "Tomas Lind": "PER"], "interview", "fireside chat", "2023-05-17", [], ["Tomas Lind", "Ana Ruiz"]),
    // A venue's part names the venue as the place.
    ("On Friday an exhibition named \u{201C}Salt Roads\u{201D} opened in the City Museum's west wing.",
     ["City Museum": "ORG"], "exhibition", "Salt Roads", "2023-05-19", ["City Museum"], []),
]

@Test(arguments: ledeEvents.indices)
func aLedeTellsItsMainEvent(index: Int) throws {
    let row = ledeEvents[index]
    let document = try analyze(row.text, names: row.names, published: published)
    let event = try #require(document.events.first { $0.type == row.type }, "\(row.text): \(document.events.map(\.name))")
    #expect(event.name == row.name, "\(row.text)")
    #expect(event.date == row.date, "\(row.text)")
    #expect(event.place == row.place, "\(row.text)")
    #expect(Set(entityNames(event.participants + event.organizers, in: document)) == Set(row.people), "\(row.text)")
}

/// Sentences with a launch verb that tell no launch: no date, or nothing of a kind launched.
private let noLaunches = [
    "The agency launched a campaign against waste.",
    "Police introduced the suspect to reporters on Monday.",
    "\u{201C}We launched the app on Monday,\u{201D} she said.",
]

@Test(arguments: noLaunches.indices)
func aLaunchVerbAloneTellsNoLaunch(index: Int) throws {
    let document = try analyze(noLaunches[index], names: [:], published: published)
    #expect(!document.events.contains { $0.type == "launch" }, "\(noLaunches[index]): \(document.events.map(\.name))")
}

@Test func aKeynoteOnTheDayOfAConferenceTookPlaceThere() throws {
    let document = try analyze(
        "Ana Ruiz spoke to the Harbour Tech conference in Porto on Tuesday, hosted by the Port Authority.\n\nHours earlier, she gave a keynote on Tuesday.",
        names: ["Ana Ruiz": "PER", "Porto": "LOC", "Port Authority": "ORG"], published: published)
    let keynote = try #require(document.events.first { $0.type == "speech" })
    #expect(keynote.place == ["Porto"])
    #expect(entityNames(keynote.organizers, in: document) == ["Port Authority"])
}
