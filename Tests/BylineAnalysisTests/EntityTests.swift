import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Testing

/// A tagger that knows a fixed list of names: each occurrence of a name's words is tagged with
/// its type. It stands in for the trained model, so that these tests check how mentions are
/// grouped and roles read, whatever the model's errors.
struct ListTagger: NameTagger {
    let names: [(words: [String], type: NameType)]

    /// `names` maps a name to its CoNLL type: PER, ORG, LOC or MISC.
    init(_ names: [String: String]) {
        let types: [String: NameType] = ["PER": .person, "ORG": .organisation, "LOC": .location, "MISC": .miscellaneous]
        self.names = names.map { ($0.key.split(separator: " ").map(String.init), types[$0.value] ?? .miscellaneous) }
            .sorted { $0.words.count > $1.words.count }
    }

    func names(document sentences: [[String]]) -> [[TaggedName]] {
        sentences.map { words in
            var found: [TaggedName] = []
            var i = 0
            while i < words.count {
                if let name = names.first(where: { i + $0.words.count <= words.count && Array(words[i..<(i + $0.words.count)]) == $0.words }) {
                    found.append(TaggedName(tokens: i..<(i + name.words.count), type: name.type))
                    i += name.words.count
                } else {
                    i += 1
                }
            }
            return found
        }
    }
}

/// Runs the whole analysis with the list tagger; `published` is the reference for relative dates.
func analyze(_ text: String, names: [String: String], published: String? = nil) throws -> Document {
    var document = try PlainTextReader().read(SourceDocument(uri: "t.txt", bytes: Array(text.utf8)))
    document.metadata.published = published.flatMap { DateStamp(parsing: $0) }
    let pipeline = try Pipeline([
        TokenizeStage(), SentenceStage(), TimeStage(), EntityStage(tagger: ListTagger(names)), RoleStage(), CoreferenceStage(), QuoteStage(),
        QuantityStage(), EventStage(), TimelineStage(),
    ])
    pipeline.run(on: &document)
    return document
}

private func entity(_ name: String, in document: Document) -> Entity? {
    document.entities.first { $0.name == name }
}

@Test func spellingsOfOneNameAreOneEntity() throws {
    let document = try analyze(
        "Park Min Jun met reporters on Monday. Park Min-jun said talks would go on.",
        names: ["Park Min Jun": "PER", "Park Min-jun": "PER"])
    #expect(document.entities.count == 1)
    let park = try #require(document.entities.first)
    #expect(park.mentions.count == 2)
    #expect(Set([park.name] + park.aliases) == ["Park Min Jun", "Park Min-jun"])
}

@Test func aSurnameGoesToTheMostRecentlyNamedOfTwo() throws {
    let document = try analyze(
        "Lee Ji-ho and Lee Sang-woo met in the capital. Lee Sang-woo spoke first. Lee said the plan was ready.",
        names: ["Lee Ji-ho": "PER", "Lee Sang-woo": "PER", "Lee": "PER"])
    #expect(document.entities.filter { $0.type == .person }.map(\.name) == ["Lee Ji-ho", "Lee Sang-woo"])
    let sangwoo = try #require(entity("Lee Sang-woo", in: document))
    let last = try #require(sangwoo.mentions.last)
    #expect(document.text[last.span] == "Lee")
    #expect(last.provenance.rule == "ner+surname-most-recent-of-2")
}

@Test func aLoneSurnameJoinsItsFullName() throws {
    let document = try analyze(
        "Maria Kowalska opened the meeting. Kowalska said the budget was sound.",
        names: ["Maria Kowalska": "PER", "Kowalska": "PER"])
    let person = try #require(entity("Maria Kowalska", in: document))
    #expect(person.aliases == ["Kowalska"])
    #expect(document.entities.count == 1)
}

@Test func aSurnameNamedBeforeTheFullNameJoinsIt() throws {
    let document = try analyze(
        "Kowalska wins budget vote\n\nMaria Kowalska opened the meeting on Monday. Kowalska said the budget was sound.",
        names: ["Maria Kowalska": "PER", "Kowalska": "PER"])
    #expect(document.entities.map(\.name) == ["Maria Kowalska"])
    let person = try #require(entity("Maria Kowalska", in: document))
    #expect(person.mentions.count == 3)
    #expect(person.mentions.first?.provenance.rule == "ner+surname-named-later")
}

@Test func anHonorificStaysOutOfTheNameAndTheRole() throws {
    let document = try analyze(
        "Dr. Maria Santos, chief economist of the Central Bank, said rates would hold.",
        names: ["Dr. Maria Santos": "PER", "Central Bank": "ORG"])
    let person = try #require(entity("Maria Santos", in: document))
    let role = try #require(person.roles.first)
    #expect(role.title == "chief economist")
    #expect(role.org == "Central Bank")
    #expect(role.provenance.rule == "appositive")
}

@Test func aTitleBeforeTheNameIsARole() throws {
    let document = try analyze("Prime Minister Anna Berg arrived on Tuesday.", names: ["Anna Berg": "PER"])
    let role = try #require(entity("Anna Berg", in: document)?.roles.first)
    #expect(role.title == "Prime Minister")
    #expect(role.provenance.rule == "title-before-name")
}

@Test func aPossessiveNamesTheRolesOrganisation() throws {
    let document = try analyze(
        "The Alliance's foreign minister Jonas Lind said the talks had ended.",
        names: ["Alliance": "ORG", "Jonas Lind": "PER"])
    let role = try #require(entity("Jonas Lind", in: document)?.roles.first)
    #expect(role.title == "foreign minister")
    #expect(role.org == "Alliance")
    #expect(role.provenance.rule == "possessive-title")
}

@Test func rolesJoinedByAndAreEachRead() throws {
    let document = try analyze(
        "Ana Reyes, deputy prime minister and minister of finance of Chile, said growth would return.",
        names: ["Ana Reyes": "PER", "Chile": "LOC"])
    let roles = try #require(entity("Ana Reyes", in: document)?.roles)
    #expect(roles.map(\.title) == ["deputy prime minister", "minister of finance"])
    #expect(roles.allSatisfy { $0.org == "Chile" })
    #expect(roles.allSatisfy { document.text[$0.span] == "deputy prime minister and minister of finance of Chile" })
}

@Test func anAcronymJoinsItsExpansion() throws {
    let document = try analyze(
        "The World Health Organization issued new advice. WHO officials said cases were falling.",
        names: ["World Health Organization": "ORG", "WHO": "ORG"])
    #expect(document.entities.count == 1)
    #expect(document.entities.first?.aliases == ["WHO"])
}

@Test func aCountrysNamesAreOneEntity() throws {
    let document = try analyze(
        "The United Kingdom signed the deal. Britain had long sought it, and the UK will ratify it.",
        names: ["United Kingdom": "LOC", "Britain": "LOC"])
    let countries = document.entities.filter { $0.type == .geopolitical }
    #expect(countries.count == 1)
    #expect(Set(countries.first?.mentions.map { String(document.text[$0.span]) } ?? []) == ["United Kingdom", "Britain", "UK"])
}

@Test func anHonorificMakesAPersonWhateverTheTagger() throws {
    let document = try analyze("Tan Sri Ahmad Rahman opened the port on Monday.", names: ["Tan Sri Ahmad Rahman": "ORG"])
    let person = try #require(document.entities.first)
    #expect(person.type == .person)
    #expect(person.name == "Ahmad Rahman")
}

@Test func aLoneWordThatEndsACountrysNameIsAPlace() throws {
    let document = try analyze("Trade with Guinea rose, officials said.", names: ["Guinea": "PER"])
    #expect(document.entities.first?.type == .geopolitical)
}

@Test func aTitleTheTaggerTookIntoANameIsARole() throws {
    let document = try analyze("Governor Lena Park signed the bill on Friday.", names: ["Governor Lena Park": "PER"])
    let person = try #require(document.entities.first)
    #expect(person.name == "Lena Park")
    #expect(person.roles.map(\.title) == ["Governor"])
}

@Test func anAbbreviatedTitleMakesAPersonWhateverTheTagger() throws {
    let document = try analyze("Sen. Ray Molina voted against the bill.", names: ["Sen. Ray Molina": "LOC"])
    let person = try #require(document.entities.first)
    #expect(person.type == .person)
    #expect(person.name == "Ray Molina")
    #expect(person.roles.map(\.title) == ["Sen."])
}

@Test func titlesAloneNameNoOne() throws {
    let document = try analyze("Maj. Gen. Ana Brandt spoke on Tuesday.", names: ["Maj. Gen.": "ORG", "Ana Brandt": "PER"])
    #expect(document.entities.map(\.name) == ["Ana Brandt"])
}

@Test func aPersonsNameEndsBeforeOrdinaryWordsAndQuotationMarks() throws {
    let document = try analyze(
        "The senator called Kowalski part of the \u{201C}old guard\u{201D} and Ursula von Hagen agreed.",
        names: ["Kowalski part of the \u{201C} old": "PER", "Ursula von Hagen": "PER"])
    #expect(document.entities.map(\.name) == ["Kowalski", "Ursula von Hagen"])
}

@Test func aNameEndingInACompanysWordIsAnOrganisation() throws {
    let document = try analyze("Orbital Lift Systems won the contract.", names: ["Orbital Lift Systems": "PER"])
    #expect(document.entities.first?.type == .organisation)
}

@Test func anOrganisationsNameEndsBeforeAVerbOrAPossessiveAndLosesAnOpeningConjunction() throws {
    let document = try analyze(
        "Although Harbor Board staff objected, the Harbor Board is the owner. The Transit Agency's plans changed.",
        names: ["Although Harbor Board": "ORG", "Harbor Board is the": "ORG", "Transit Agency 's plans": "ORG"])
    #expect(document.entities.map(\.name) == ["Harbor Board", "Transit Agency"])
    #expect(document.entities.first?.mentions.count == 2)
}

@Test func aLonePronounNamesNoOne() throws {
    let document = try analyze("I asked the WHO about it.", names: ["I": "ORG", "WHO": "ORG"])
    #expect(document.entities.map(\.name) == ["WHO"])
}

@Test func aNameWithConnectorsKeepsThem() throws {
    let document = try analyze("The Bureau of Alcohol, Tobacco and Firearms met.", names: ["Bureau of Alcohol , Tobacco and Firearms": "ORG"])
    #expect(document.entities.map(\.name) == ["Bureau of Alcohol, Tobacco and Firearms"])
}

@Test func aTitleInsideABodysNameSplitsTheBodyFromThePerson() throws {
    let document = try analyze(
        "Harbor Council Speaker Nina Brandt opened the session. The Dock Workers Union President spoke next.",
        names: ["Harbor Council Speaker Nina Brandt": "ORG", "Dock Workers Union President": "ORG"])
    #expect(document.entities.map(\.name) == ["Harbor Council", "Nina Brandt", "Dock Workers Union"])
    #expect(document.entities.first { $0.name == "Nina Brandt" }?.type == .person)
    let role = try #require(document.entities.first { $0.name == "Nina Brandt" }?.roles.first)
    #expect(role.title == "Speaker")
    #expect(role.org == "Harbor Council")
    #expect(role.provenance.rule == "body-title")
}

@Test func aRolesTitleEndsBeforeAPreposition() throws {
    let document = try analyze(
        "Nina Brandt, vice president of flight programs at Orbital Lift, said the tests went well.",
        names: ["Nina Brandt": "PER", "Orbital Lift": "ORG"])
    let role = try #require(document.entities.first { $0.name == "Nina Brandt" }?.roles.first)
    #expect(role.title == "vice president of flight programs")
    #expect(role.org == "Orbital Lift")
}

@Test func aCompoundSurnameJoinsTheFullName() throws {
    let document = try analyze(
        "Maria Lopez Obrador took office. Lopez Obrador said the budget was sound.",
        names: ["Maria Lopez Obrador": "PER", "Lopez Obrador": "PER"])
    #expect(document.entities.map(\.name) == ["Maria Lopez Obrador"])
    #expect(document.entities.first?.mentions.last?.provenance.rule == "ner+surname")
}

@Test func aTitleOfSeveralWordsIsReadWhole() throws {
    let document = try analyze("Attorney General Dana Whitfield spoke.", names: ["Dana Whitfield": "PER"])
    #expect(document.entities.first?.roles.map(\.title) == ["Attorney General"])
}

/// Tags names in the first sentence only, as a tagger that misses later occurrences would.
private struct FirstSentenceTagger: NameTagger {
    let inner: ListTagger

    func names(document sentences: [[String]]) -> [[TaggedName]] {
        let names = inner.names(document: sentences)
        return names.enumerated().map { i, sentence in i == 0 ? sentence : [] }
    }
}

@Test func aNameTheTaggerMissedLaterIsStillAMention() throws {
    var document = try PlainTextReader().read(
        SourceDocument(uri: "t.txt", bytes: Array("The Harbor Council met on Monday. Later the Harbor Council voted.".utf8)))
    let pipeline = try Pipeline([TokenizeStage(), SentenceStage(), TimeStage(), EntityStage(tagger: FirstSentenceTagger(inner: ListTagger(["Harbor Council": "ORG"])))])
    pipeline.run(on: &document)
    let council = try #require(document.entities.first)
    #expect(council.mentions.count == 2)
    #expect(council.mentions.last?.provenance.rule == "name-repeat")
}

@Test func aMiscellaneousNameEndingInAnInstitutionsWordIsAnOrganisation() throws {
    let document = try analyze("The Harbor League met.", names: ["Harbor League": "MISC"])
    #expect(document.entities.first?.type == .organisation)
}

@Test func aTitleOfSeveralWordsInsideABodysNameGoesWhole() throws {
    let document = try analyze(
        "She met former Press Secretary Ana Brandt \u{2014} his superior \u{2014} on Friday. The Office of the Prime Minister agreed.",
        names: ["Press Secretary Ana Brandt \u{2014} his superior": "ORG", "Office of the Prime Minister": "ORG"])
    #expect(document.entities.map(\.name) == ["Ana Brandt", "Office of the Prime Minister"])
    #expect(document.entities.first?.roles.map(\.title) == ["former Press Secretary"])
}

@Test func aNameEndsBeforeATrailingWeekdayOrLowerCaseWord() throws {
    let document = try analyze(
        "He spoke to the Harbor Committee Tuesday. The Harbor Channel and other networks grew.",
        names: ["Harbor Committee Tuesday": "ORG", "Harbor Channel and other": "ORG"], published: "2024-05-01")
    #expect(document.entities.map(\.name) == ["Harbor Committee", "Harbor Channel"])
}

@Test func anOrganisationAfterTheTitlesCommaIsTheRolesOrganisation() throws {
    let document = try analyze(
        "\"Prices will rise,\" said Ana Ruiz, Director, Harbor Securities.", names: ["Ana Ruiz": "PER", "Harbor Securities": "ORG"])
    let role = try #require(document.entities.first { $0.name == "Ana Ruiz" }?.roles.first)
    #expect(role.title == "Director")
    #expect(role.org == "Harbor Securities")
}

@Test func anOccupationIsARoleButNeverSplitsABodysName() throws {
    let document = try analyze(
        "The Harbor Pastor Union met. Tom Reyes, a lawyer for the city, disagreed.",
        names: ["Harbor Pastor Union": "ORG", "Tom Reyes": "PER"])
    #expect(document.entities.map(\.name) == ["Harbor Pastor Union", "Tom Reyes"])
    #expect(document.entities.last?.roles.map(\.title) == ["lawyer"])
}

@Test func aTitleBeforeASharedSurnamePicksThePersonNamedWithIt() throws {
    let document = try analyze(
        "Former Governor Ana Brandt spoke on Monday. Her son Tom Brandt sat on the board. Governor Brandt denied wrongdoing.",
        names: ["Ana Brandt": "PER", "Tom Brandt": "PER", "Brandt": "PER"])
    let ana = try #require(document.entities.first { $0.name == "Ana Brandt" })
    #expect(ana.mentions.last?.provenance.rule == "ner+surname-by-title")
    #expect(document.text[try #require(ana.mentions.last).span] == "Brandt")
}

@Test func aNationalityBeforeATitleGivesTheRoleItsCountry() throws {
    let document = try analyze(
        "Chilean Ambassador Carla Rojas met South Korean Trade Minister Min Park.",
        names: ["Carla Rojas": "PER", "Min Park": "PER"])
    let roles = document.entities.compactMap(\.roles.first)
    #expect(roles.map(\.org) == ["Chile", "South Korea"])
    #expect(roles.map(\.provenance.rule) == ["nationality-title", "nationality-title"])
}

/// Name suffixes: a son named with "Jr." (or a numeral) is not his father, whatever the tagger
/// left out, and a bare surname stays with the father.
@Test(arguments: [
    ("Carl Vento Jr. spoke after his father, Carl Vento, left. Vento said nothing.", "Carl Vento Jr.", "Carl Vento"),
    ("Carl Vento, Jr., spoke after his father, Carl Vento, left. Vento said nothing.", "Carl Vento Jr.", "Carl Vento"),
    ("Mona Ilse III met Mona Ilse on Monday. Ilse said the deal was done.", "Mona Ilse III", "Mona Ilse"),
])
func aNameSuffixKeepsASonApartFromHisFather(text: String, son: String, father: String) throws {
    let document = try analyze(text, names: [father: "PER", father.split(separator: " ").last.map(String.init)!: "PER"])
    let people = document.entities.filter { $0.type == .person }
    #expect(people.map(\.name) == [son, father])
    let elder = try #require(people.last)
    #expect(elder.mentions.map { String(document.text[$0.span]) }.filter { $0.first?.isUppercase == true } == [father, String(father.split(separator: " ")[1])])
}

@Test func aSurnameWithItsSuffixJoinsTheSon() throws {
    let document = try analyze(
        "Carl Vento Jr. testified on Monday. His father, Carl Vento, watched. Vento Jr. said he was proud.",
        names: ["Carl Vento": "PER", "Vento": "PER"])
    let son = try #require(document.entities.first { $0.name == "Carl Vento Jr." })
    #expect(son.aliases == ["Vento Jr."])
}

/// Relatives sharing a surname: news style names a relative in full, so a bare surname is the
/// other bearer's, not the one named last.
@Test(arguments: [
    "Rep. Dana Holt spoke first. His wife, Mara Holt, joined her. Holt said the vote would pass.",
    "Rep. Dana Holt spoke first. Mara Holt, his wife, joined him. Holt said the vote would pass.",
    "Rep. Dana Holt spoke first. Her brother Ken Holt and Mara Holt, the congressman's wife, watched. Holt said the vote would pass.",
    "Rep. Dana Holt spoke first. Ken Holt, son of a miner, watched. Holt said the vote would pass.",
])
func aBareSurnameGoesToTheMainBearerNotARelative(text: String) throws {
    let document = try analyze(text, names: ["Dana Holt": "PER", "Mara Holt": "PER", "Ken Holt": "PER", "Holt": "PER"])
    let dana = try #require(document.entities.first { $0.name == "Dana Holt" })
    let last = try #require(dana.mentions.last)
    #expect(document.text[last.span] == "Holt")
    #expect(last.provenance.rule.hasPrefix("ner+surname-main-bearer"))
    #expect(document.entities.filter { $0.type == .person }.count == text.components(separatedBy: " Holt").count - 2)
}

/// Credits and page words are never people: a photographer's or contributor's credit, a name
/// written with a slash to its agency, a lone word that only ever opens a sentence before a
/// comma or colon.
@Test(arguments: [
    ("The bridge reopened on Monday. (Photo by Ana Velde)", ["Ana Velde": "PER"]),
    ("The bridge reopened on Monday.\n\nAna Velde/Harbor Times", ["Ana Velde": "PER"]),
    ("The bridge reopened on Monday.\n\nTom Aske in Harbor City contributed to this report.", ["Tom Aske": "PER", "Harbor City": "LOC"]),
    ("Downstream, relief is cautious. Also Read: bridges of the north", ["Downstream": "PER", "Read": "PER"]),
])
func creditsAndPageWordsAreNoPeople(text: String, names: [String: String]) throws {
    let document = try analyze(text, names: names)
    #expect(document.entities.filter { $0.type == .person }.isEmpty)
}

/// Names the tagger read as people's that the words around them type otherwise: a work after
/// its noun, a company after its noun, a place before its noun, a law or prize by its last word,
/// a one-word name read as a body's.
@Test(arguments: [
    ("Her seventh album, Lumen, is the only one she owns.", "Lumen", EntityType.miscellaneous),
    ("In films such as Vesper, astronauts sleep for years.", "Vesper", .miscellaneous),
    ("The energy company Borvisk paid him.", "Borvisk", .organisation),
    ("Global financial firm KD Tallow had called the decision right.", "KD Tallow", .organisation),
    ("Critics praised the Blue Coast Strategy on Monday.", "Blue Coast Strategy", .miscellaneous),
    ("Keelbyte said profits rose. Keelbyte's chief executive resigned.", "Keelbyte", .organisation),
    ("Sirens were put up along the Mara Tesso river.", "Mara Tesso", .location),
    ("She was treated at Oren Vale hospital on Monday.", "Oren Vale", .organisation),
] as [(String, String, EntityType)])
func theWordsAroundANameTypeIt(text: String, name: String, type: EntityType) throws {
    let names: [String: String] = [
        "Lumen": "PER", "Vesper": "PER", "Borvisk": "PER", "KD Tallow": "PER", "Blue Coast Strategy": "PER", "Keelbyte": "PER",
        "Mara Tesso": "PER", "Oren Vale": "PER",
    ]
    let document = try analyze(text, names: names)
    #expect(document.entities.first { $0.name == name }?.type == type)
}

/// A one-word name the tagger read as a person's, never given in full or with a title, is a
/// person's only when something says so: a reporting verb after it, "according to" before it,
/// an age or a role after its comma, a family relation; else it is a name of no known kind.
@Test(arguments: [
    ("Prices of Zorvex rose sharply in May.", EntityType.miscellaneous),
    ("Zorvex said the talks had failed.", .person),
    ("According to Zorvex, the talks had failed.", .person),
    ("Zorvex, 45, was arrested on Monday.", .person),
    ("The union chose Zorvex, a lawyer, to speak first.", .person),
    ("The mayor's daughter, Zorvex, spoke first.", .person),
] as [(String, EntityType)])
func aLoneNameIsAPersonsOnlyWhenTheWordsSaySo(text: String, type: EntityType) throws {
    let document = try analyze(text, names: ["Zorvex": "PER"])
    #expect(document.entities.first { $0.name == "Zorvex" }?.type == type)
}

/// One entity per person across the tagger's types: a full name read as an organisation joins
/// the surname the story uses for a person, and a person's trailing names read as an
/// organisation join the full name.
@Test func aPersonsNameReadAsAnOrganisationJoinsThePerson() throws {
    let document = try analyze(
        "Zeb Marlow scored twice. Marlow said the team was ready. Later Marlow and Ola Brandt Ek spoke. Brandt Ek said little.",
        names: ["Zeb Marlow": "ORG", "Marlow": "PER", "Ola Brandt Ek": "PER", "Brandt Ek": "ORG"])
    let people = document.entities.filter { $0.type == .person }
    #expect(people.map(\.name) == ["Zeb Marlow", "Ola Brandt Ek"])
    #expect(people.first?.aliases == ["Marlow"])
    #expect(people.last?.aliases == ["Brandt Ek"])
}

/// Page furniture is never an entity: a copyright line, a page label, a navigation prompt.
@Test(arguments: [
    ("Copyright 2024 Harbor Media. All Rights Reserved.", "All Rights Reserved"),
    ("Show all 50\n\nThe bridge reopened on Monday.", "Show all"),
])
func pageFurnitureIsNoEntity(text: String, tagged: String) throws {
    let document = try analyze(text, names: [tagged: "ORG"])
    #expect(!document.entities.contains { $0.name.contains(tagged) })
}

/// An acronym in brackets beside its expansion makes one entity of the two, though the tagger
/// read only the acronym.
@Test(arguments: [
    "Tom Aske heads the Harbor Salt and Fish Authority (HSFA). HSFA data show a rise.",
    "Tom Aske backs DRAP (Deferred Relief for Arctic Ports). DRAP ends in May.",
])
func anAcronymInBracketsJoinsItsExpansion(text: String) throws {
    let acronym = text.contains("HSFA") ? "HSFA" : "DRAP"
    let document = try analyze(text, names: ["Tom Aske": "PER", acronym: "ORG"])
    let body = try #require(document.entities.first { $0.aliases.contains(acronym) })
    #expect(body.name == (acronym == "HSFA" ? "Harbor Salt and Fish Authority" : "Deferred Relief for Arctic Ports"))
    #expect(body.mentions.count == 3)
}

/// A body's name the tagger ran into the given name of the person after it is split: the body,
/// and the person.
@Test func aBodysNameRunIntoAGivenNameIsSplit() throws {
    let document = try analyze(
        "He met Ambassador to the Harbor League David Ostrander on Monday.", names: ["Harbor League David": "ORG"])
    #expect(document.entities.map(\.name) == ["Harbor League", "David Ostrander"])
    let role = try #require(document.entities.last?.roles.first)
    #expect(role.title == "Ambassador")
    #expect(role.org == "Harbor League")
}

/// A body's name goes on past its head noun and "of", "on" or "for" over the capitalised words
/// the tagger left out; a time or a lower-case word ends it.
@Test(arguments: [
    ("The Harbor Standing Committee on Port Safety met on Monday.", ["Harbor Standing Committee"], "Harbor Standing Committee on Port Safety"),
    ("The Valley Commission for Water and Soil issued a report.", ["Valley Commission"], "Valley Commission for Water and Soil"),
    ("The Harbor Board of Trade said prices rose.", ["Harbor Board", "Trade"], "Harbor Board of Trade"),
    ("Members of the Harbor Committee on Tuesday voted to adjourn.", ["Harbor Committee"], "Harbor Committee"),
    ("The Harbor Committee on drainage met.", ["Harbor Committee"], "Harbor Committee"),
] as [(String, [String], String)])
func aBodysNameGoesOnPastItsHeadNoun(text: String, tagged: [String], name: String) throws {
    let document = try analyze(text, names: Dictionary(uniqueKeysWithValues: tagged.map { ($0, "ORG") }))
    #expect(document.entities.first?.name == name, "\(text): \(document.entities.map(\.name))")
}

@Test func namesOfAPersonAcrossNameParticlesAreOnePerson() throws {
    let document = try analyze(
        "Karin von Albers-Brandt met Omar bin Tariq in Lisbon.", names: ["Karin": "PER", "Albers-Brandt": "PER", "Omar": "PER", "Tariq": "PER"])
    #expect(document.entities.map(\.name) == ["Karin von Albers-Brandt", "Omar bin Tariq"])
    #expect(document.entities.first?.mentions.first?.provenance.rule == "ner+name-particles")
}
