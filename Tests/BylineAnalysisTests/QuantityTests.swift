import BylineAnalysis
import BylineCore
import Testing

/// The figures of `text` as (words, value, unit).
private func figures(_ text: String, names: [String: String] = [:]) throws -> [(String, Double, String?)] {
    let document = try analyze(text, names: names)
    return document.quantities.map { (String(document.text[$0.span]), $0.value, $0.unit) }
}

private func figure(_ text: String, _ words: String) throws -> Quantity {
    let document = try analyze(text, names: [:])
    return try #require(document.quantities.first { document.text[$0.span] == words })
}

@Test func moneyTakesItsScaleAndCurrency() throws {
    let got = try figures("The fund raised $4.2 billion, and the city spent 350 million won and RM2bn on roads.")
    #expect(got.map(\.0) == ["$4.2 billion", "350 million won", "RM2bn"])
    #expect(got.map(\.1) == [4_200_000_000, 350_000_000, 2_000_000_000])
    #expect(got.map(\.2) == ["USD", "KRW", "MYR"])
    #expect(try figure("Prices fell by 1,250 yen.", "1,250 yen").unit == "JPY")
}

@Test func percentagesAreInPercent() throws {
    let got = try figures("Exports grew 20% while imports fell 3.5 per cent.")
    #expect(got.map(\.1) == [20, 3.5])
    #expect(got.map(\.2) == ["percent", "percent"])
}

@Test func countsTakeTheirUnitNoun() throws {
    let got = try figures("The ministers held 40 ministerial meetings and signed 12 trade agreements.")
    #expect(got.map(\.0) == ["40 ministerial meetings", "12 trade agreements"])
    #expect(got.map(\.2) == ["ministerial meetings", "trade agreements"])
}

@Test func aPeopleIsCountedByItsCapitalisedPlural() throws {
    let got = try figures("More than 12,000 Icelanders and 40 Senators signed.")
    #expect(got.map(\.2) == ["Icelanders", "Senators"])
}

@Test func capitalisedWordsMayDescribeTheCountedNoun() throws {
    let got = try figures("Some 2 million Sudanese farmers and 300 U.N. staff stayed.")
    #expect(got.map(\.2) == ["Sudanese farmers", "U.N. staff"])
}

@Test func anExistentialThereIsNoSubject() throws {
    #expect(try figure("There are three reasons for the delay.", "three reasons").subject == nil)
}

@Test func aFigureTakesTheDateOfItsClauseButNotItsBaseline() throws {
    let document = try analyze(
        "Exports rose 12 percent last year. In March, prices fell 3%. Sales were up 8 percent from a year earlier.",
        names: [:], published: "2024-05-01")
    #expect(document.quantities.map(\.time) == ["2023", "2024-03", nil])
}

@Test func aReportingParticipleWithThatOpensAClauseOfItsOwn() throws {
    #expect(try figure("The minister spoke on Monday, adding that ferry traffic had grown 12-fold.", "12-fold").subject == "ferry traffic")
}

@Test func oneOfAGroupCountsNothing() throws {
    #expect(try figures("Housing is one of the hardest issues.").isEmpty)
}

@Test func numberWordsAreCounted() throws {
    let got = try figures("The forum featured four sessions and drew a dozen delegations.")
    #expect(got.map(\.1) == [4, 12])
    #expect(got.map(\.2) == ["sessions", "delegations"])
    // A number word without a unit is no figure.
    #expect(try figures("The two agreed to meet.").isEmpty)
}

@Test func multipliersAreFolds() throws {
    let got = try figures("Exports have grown 15-fold, while investment doubled and tourism rose twofold.")
    #expect(got.map(\.1) == [15, 2, 2])
    #expect(got.allSatisfy { $0.2 == "fold" })
}

@Test func ranksAreRead() throws {
    let rank = try figure("Brazil is now the region's third-largest export market.", "third-largest export market")
    #expect(rank.value == 3)
    #expect(rank.unit == "rank")
    #expect(rank.subject == "Brazil")
}

@Test func anniversariesCountTheirOrdinal() throws {
    let got = try figures("The festival celebrates its 50th anniversary, and the first guests arrived.")
    #expect(got.map(\.0) == ["50th anniversary"])
    #expect(got.map(\.1) == [50])
}

@Test func yearsAreNoFiguresButMeasuredLengthsOfTimeAre() throws {
    let got = try figures("The bridge opened in 1998 and took three years to build. The crew sailed for weeks on a 40-day voyage, a five year plan to finish within 20 years.")
    #expect(got.map(\.0) == ["40-day", "five year", "20 years"])
    #expect(got.map(\.1) == [40, 5, 20])
    #expect(got.map(\.2) == ["day", "year", "years"])
}

@Test func theSubjectIsTheClausesNounPhrase() throws {
    let document = try analyze(
        "Since the treaty, bilateral trade has increased 12-fold, reaching $90 billion. Student exchanges have grown, rising 8-fold.",
        names: [:])
    #expect(document.quantities.map(\.subject) == ["bilateral trade", "bilateral trade", "Student exchanges"])
}

@Test func aFigureInAQuoteIsItsSpeakers() throws {
    let document = try analyze(
        "\u{201C}Our exports rose 30 percent last year,\u{201D} said Maria Lopez. Imports rose 5 percent.",
        names: ["Maria Lopez": "PER"])
    let speaker = try #require(document.entities.first { $0.name == "Maria Lopez" }?.id)
    #expect(document.quantities.map(\.speaker) == [speaker, nil])
}

/// A sentence, a figure in it and what the figure measures.
private let subjectCases: [(text: String, figure: String, subject: String?)] = [
    // A share of something, past its owner.
    ("About 40 percent of the region's wheat harvest is sold abroad.", "40 percent", "wheat harvest"),
    ("Fewer than 20 percent of permits issued under the law were renewed.", "20 percent", "permits issued under the law"),
    // A measure of something, when its clause has no subject of its own.
    ("It will pave 6 miles of cycle track.", "6 miles", "cycle track"),
    // Money for something, or that modifies a noun past a bracketed conversion.
    ("The board backed a 50 million rand ($2.7 million) scheme to repair schools.", "50 million rand", "scheme"),
    ("The board backed a 50 million rand ($2.7 million) scheme to repair schools.", "$2.7 million", "scheme"),
    ("The town spent $4 million on flood barriers.", "$4 million", "flood barriers"),
    // The noun a figure belongs to, and a figure in apposition to it.
    ("The orchestra won a grant of €1.5 million, roughly $1.6 million, for the tour.", "€1.5 million", "grant"),
    ("The orchestra won a grant of €1.5 million, roughly $1.6 million, for the tour.", "$1.6 million", "grant"),
    // A level reached belongs to the clause's subject.
    ("Ticket sales hit a peak of 1,204 on Friday.", "1,204", "Ticket sales"),
    // A change by an amount measures the verb's object, else the clause's subject.
    ("Engineers raised the limit by about 15 kilograms a year.", "15 kilograms", "limit"),
    ("The river has risen by about 2 metres.", "2 metres", "The river"),
    // A count measures what it counts, or its owner.
    ("The ministry has built more than 2,300 rural clinics.", "2,300 rural clinics", "rural clinics"),
    ("The strike affects the league's 5,400 referees.", "5,400 referees", "league"),
    // A cost is its subject's.
    ("The new stadium cost $45 million.", "$45 million", "The new stadium"),
    // The ends of a change's range measure what the change measures.
    ("Bus fares rose by 20 percent, from 1.5 percent to 1.8 percent of wages.", "1.5 percent", "Bus fares"),
    ("Bus fares rose by 20 percent, from 1.5 percent to 1.8 percent of wages.", "1.8 percent", "Bus fares"),
    // A counted group is the group its relative clause defines, past an age.
    ("The number of pupils aged 11 to 14 who owned a phone rose by 30 percent.", "30 percent", "pupils who owned a phone"),
    ("The share of drivers who carry a spare fell to 12 percent.", "12 percent", "drivers who carry a spare"),
    // A participle phrase after the subject goes with it; a reported clause's "that" does not.
    ("She said that complaints filed by tenants had doubled.", "doubled", "complaints filed by tenants"),
    // A change's object is not that of a participle describing a noun.
    ("The port cut the depth limit for barges entering the canal to 3.2 metres.", "3.2 metres", "depth limit"),
    ("The shop is currently selling the kettle for $30.", "$30", "kettle"),
    // A relative clause set off by commas stands between the subject and its verb.
    ("The reservoir, which lies north of the town, has tripled in size.", "tripled", "The reservoir"),
    // "a second" before a noun is an ordinal, not a length of time.
    ("The bank will lend €80 million for a second phase of the works.", "€80 million", "second phase of the works"),
]

/// A sentence, a figure in it, its value and unit: ages, ranks in a series and rough counts.
private let readingCases: [(text: String, names: [String: String], figure: String, value: Double, unit: String)] = [
    ("Pablo Reyes, 45, a baker, opened the shop.", ["Pablo Reyes": "PER"], "45", 45, "years"),
    ("The driver, aged 61, was unhurt.", [:], "aged 61", 61, "years"),
    ("A 27-year-old cyclist was hurt.", [:], "27-year-old", 27, "years"),
    ("The mayor is 58 years old.", [:], "58 years old", 58, "years"),
    ("She was the fourth witness to speak.", [:], "fourth witness", 4, "rank"),
    ("It was her 12th title in a row.", [:], "12th title", 12, "rank"),
    ("Dozens of volunteers cleared the beach.", [:], "Dozens of volunteers", 12, "volunteers"),
    ("The storm cut power to hundreds of thousands of homes.", [:], "hundreds of thousands of homes", 100_000, "homes"),
    // A count as one hyphenated modifier; a proportion keeps its base in the unit.
    ("The hosts held a three-goal lead at the break.", [:], "three-goal", 3, "goal"),
    ("The council passed a 12-point plan.", [:], "12-point", 12, "point"),
    ("Twenty-one new buses arrived.", [:], "Twenty-one new buses", 21, "new buses"),
    ("Seven out of ten farmers use the app.", [:], "Seven out of ten farmers", 7, "out of ten farmers"),
    ("One in five adults smokes.", [:], "One in five adults", 1, "in five adults"),
]

/// Hyphenated words after a number that count no noun.
@Test func aHyphenatedWordThatCountsNothingIsNoFigure() throws {
    let got = try figures("Two-thirds voted in a two-way race. It was a one-sided game before a 50-plus crowd.")
    #expect(got.isEmpty, "\(got)")
}

/// A sentence with a figure no quote holds, the figure, and the person its sentence reports it from.
private let reportedSpeakerCases: [(text: String, figure: String, speaker: String?)] = [
    ("Lena Farrow said the harvest had fallen 12 percent.", "12 percent", "Lena Farrow"),
    ("Lena Farrow, chief economist at a farm bank, said the harvest had fallen 12 percent.", "12 percent", "Lena Farrow"),
    ("Lena Farrow also said exports rose 4 percent.", "4 percent", "Lena Farrow"),
    ("The harvest had fallen 12 percent, said Lena Farrow, a farm economist.", "12 percent", "Lena Farrow"),
    ("The harvest had fallen 12 percent, Lena Farrow said.", "12 percent", "Lena Farrow"),
    ("The harvest fell 12 percent, according to Lena Farrow.", "12 percent", "Lena Farrow"),
    // No verb of saying, or an age: no speaker.
    ("Lena Farrow sold 40 tractors.", "40 tractors", nil),
    ("Lena Farrow, 52, said prices would rise.", "52", nil),
]

@Test(arguments: reportedSpeakerCases.indices)
func aFigureInReportedSpeechIsItsSpeakers(index: Int) throws {
    let row = reportedSpeakerCases[index]
    let document = try analyze(row.text, names: ["Lena Farrow": "PER"])
    let speaker = row.speaker.flatMap { name in document.entities.first { $0.name == name }?.id }
    #expect(row.speaker == nil || speaker != nil, "\(row.text): \(document.entities.map(\.name))")
    let got = try #require(document.quantities.first { document.text[$0.span] == row.figure }, "\(row.text)")
    #expect(got.speaker == speaker, "\(row.text)")
}

@Test(arguments: readingCases.indices)
func aFigureIsReadWithItsUnit(index: Int) throws {
    let row = readingCases[index]
    let document = try analyze(row.text, names: row.names)
    let got = try #require(document.quantities.first { document.text[$0.span] == row.figure }, "\(row.text): \(document.quantities.map { document.text[$0.span] })")
    #expect(got.value == row.value, "\(row.text)")
    #expect(got.unit == row.unit, "\(row.text)")
}

@Test func anOrdinalThatRanksNoSeriesIsNoFigure() throws {
    let got = try figures("It was the first time third parties joined. A third said no. The second half began.")
    #expect(got.isEmpty, "\(got)")
}

@Test(arguments: subjectCases.indices)
func aFigureMeasuresItsSubject(index: Int) throws {
    let row = subjectCases[index]
    #expect(try figure(row.text, row.figure).subject == row.subject, "\(row.text)")
}
