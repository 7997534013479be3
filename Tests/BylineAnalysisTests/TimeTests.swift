import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Testing

/// A plain-text document, tokenized and split into sentences, published on `published`.
private func timeDocument(_ text: String, published: String?) throws -> Document {
    var document = try PlainTextReader().read(SourceDocument(uri: "t.txt", bytes: Array(text.utf8)))
    document.metadata.published = published.flatMap { DateStamp(parsing: $0) }
    try Pipeline([TokenizeStage(), SentenceStage()]).run(on: &document)
    return document
}

// MARK: - The examples of time-patterns.tsv

@Test(arguments: TimePatterns.english.rules.indices)
func patternExampleReadsInBothPhases(index: Int) throws {
    let rule = TimePatterns.english.rules[index]
    let example = rule.example
    let document = try timeDocument(example.text, published: nil)
    let candidates = TimeTagger.english.candidates(in: document)
    guard rule.type != nil else {
        #expect(candidates.isEmpty, "\(rule.name): '\(example.text)' is not a time expression")
        return
    }
    let candidate = try #require(candidates.count == 1 ? candidates.first : nil, "\(rule.name): \(candidates)")
    // The words a rule reads around the expression ("for" in "for years") are not in its span.
    let expression = example.text.split(separator: " ").dropFirst(rule.leadingContext).dropLast(rule.trailingContext).joined(separator: " ")
    #expect(String(document.text[candidate.span]) == expression, "\(rule.name)")
    #expect(candidate.rule == rule.name)
    #expect(candidate.type == rule.type, "\(rule.name)")
    #expect(candidate.underspecified == example.underspecified, "\(rule.name)")
    // "-": the value names nothing without what the text said before ("that year" alone).
    #expect(candidate.value(against: example.reference) == (example.resolved == "-" ? nil : example.resolved), "\(rule.name)")
}

// MARK: - Resolution in context, without and with a publication date

/// One sentence, the expression it holds, its value without a reference date (nil: none can
/// be given) and its value against Sunday 10 November 2024.
private let contextCases: [(text: String, expression: String, unresolved: String?, resolved: String)] = [
    ("The minister will visit Lisbon on Thursday.", "Thursday", "XXXX-WXX-4", "2024-11-14"),
    ("The minister visited Lisbon on Thursday.", "Thursday", "XXXX-WXX-4", "2024-11-07"),
    // A possessive weekday names an event already known; a quote's tense is its own.
    ("Lawyers will challenge Wednesday's ruling.", "Wednesday", "XXXX-WXX-3", "2024-11-06"),
    ("``He will leave on Thursday,'' Castro said.", "Thursday", "XXXX-WXX-4", "2024-11-14"),
    ("The minister flew home last Sunday.", "last Sunday", "XXXX-WXX-7", "2024-11-03"),
    ("Exports rose last month.", "last month", nil, "2024-10"),
    ("The talks began two years ago.", "two years ago", nil, "2022"),
    ("The March summit was cancelled.", "March", "XXXX-03", "2024-03"),
    ("Growth will pick up early next year.", "early next year", nil, "2025"),
    ("Prices have risen since 1995.", "1995", "1995", "1995"),
    ("The fair opens at Christmas.", "Christmas", "XXXX-12-25", "2024-12-25"),
    ("Turnout will be low on Thanksgiving.", "Thanksgiving", nil, "2024-11-28"),
    ("Sales rose in the third quarter.", "the third quarter", "XXXX-Q3", "2024-Q3"),
    // A quarter is the latest begun, whatever the tense; plans speak of the future.
    ("The company expects to report a third-quarter loss.", "third-quarter", "XXXX-Q3", "2024-Q3"),
    ("Protesters were planning a march on Saturday.", "Saturday", "XXXX-WXX-6", "2024-11-16"),
    // "A year earlier" counts from the last date named before, at its precision.
    ("Profit rose in the third quarter. A year earlier it fell.", "A year earlier", nil, "2023-Q3"),
    ("The plant opened on Aug. 7, 1998. A year earlier, the site was empty.", "A year earlier", "1997-08-07", "1997-08-07"),
    // A capitalised "-ed" word is a name, not a past tense; "plan to" speaks of the future.
    ("The father would be traveling to the United States on Thursday.", "Thursday", "XXXX-WXX-4", "2024-11-14"),
    ("Officials did not plan to act on Thursday.", "Thursday", "XXXX-WXX-4", "2024-11-14"),
    // A past auxiliary before a future cue speaks of the future ("were planning").
    ("Crowds gathered. A rally on Saturday and the leaders were planning a march.", "Saturday", "XXXX-WXX-6", "2024-11-16"),
    // A present auxiliary is nearer than the reporting verb: the nearest January.
    ("The hearing is in January, lawyers said.", "January", "XXXX-01", "2025-01"),
    // "until" names a deadline ahead.
    ("Officials gave the family until Tuesday to sign.", "Tuesday", "XXXX-WXX-2", "2024-11-12"),
    ("Exports grew this year.", "this year", nil, "2024"),
    ("He is currently abroad.", "currently", "PRESENT_REF", "PRESENT_REF"),
    ("In recent days the ministry said little.", "recent days", "PXD", "PXD"),
    ("The committee meets every Thursday.", "every Thursday", "XXXX-WXX-4", "XXXX-WXX-4"),
    ("The bulletin appears weekly.", "weekly", "P1W", "P1W"),
    ("The talks lasted less than two years.", "less than two years", "P2Y", "P2Y"),
    ("The meeting ended at 10:35 p.m.", "10:35 p.m.", nil, "2024-11-10T22:35"),
    // A clock time alone is on the day its sentence speaks of, else on the last day named before.
    ("The blast on Friday came at 10:35 a.m., police said.", "10:35 a.m.", nil, "2024-11-08T10:35"),
    ("The bomb exploded on Aug. 7, 1998. It went off at 10:35 a.m.", "10:35 a.m.", "1998-08-07T10:35", "1998-08-07T10:35"),
    ("Trade grew in the 1990s.", "1990s", "199X", "199X"),
    // "A year earlier" counts from the last date of its own sentence, relative or not.
    ("The plant opened in 2011. Output rose last year, up 8% from a year earlier.", "a year earlier", nil, "2022"),
    // The newswire opening quote the tokenizer leaves on a word.
    ("``Today, I'm here to tell you,'' he said.", "Today", nil, "2024-11-10"),
    // Tense: a future cue leads to a possessive weekday; a passive participle tells nothing;
    // the cue of the expression's own clause comes first; schedules are told in the present.
    ("Candidates rehearsed ahead of Tuesday's debate.", "Tuesday", "XXXX-WXX-2", "2024-11-12"),
    ("The final round will be held on Friday.", "Friday", "XXXX-WXX-5", "2024-11-15"),
    ("The mayor expects the bridge to reopen in April, an aide said.", "April", "XXXX-04", "2025-04"),
    ("The festival opens on Saturday in the old town.", "Saturday", "XXXX-WXX-6", "2024-11-16"),
    ("The company – which will mark its fifth anniversary in June – hired 12 engineers, the report said.", "June", "XXXX-06", "2025-06"),
    // A verb of intention with "to" points forward; without it, its past form is past.
    ("The council has decided to close the pier in March, an official said.", "March", "XXXX-03", "2025-03"),
    ("The council decided the matter in March.", "March", "XXXX-03", "2024-03"),
    ("Both sides agreed to meet again on Thursday.", "Thursday", "XXXX-WXX-4", "2024-11-14"),
    // Narrative time: a paragraph about another year keeps its dates in that year.
    ("The factory shut in 2006. In mid-July, its workers marched on the capital.", "mid-July", "2006-07", "2006-07"),
    ("The dam was finished in 1998. On Sept. 3 the gates were opened.", "Sept. 3", "1998-09-03", "1998-09-03"),
    // A weekday in apposition confirms the date; "a year later" counts from the last date.
    ("The vote is set for Dec. 18, a Wednesday.", "Dec. 18, a Wednesday", "XXXX-12-18", "2024-12-18"),
    ("The plant opened in 2011. A year later it doubled its output.", "A year later", "2012", "2012"),
    // A part of "the day" is the day the story tells of, not an older date named since;
    // "that year" is the year last named.
    ("The jury met on Thursday. Early in the day, lawyers filed a motion.", "Early in the day", nil, "2024-11-07"),
    ("The jury met on Thursday over the March 3 fraud. Late in the day, lawyers filed a motion.", "Late in the day", nil, "2024-11-07"),
    ("The mill closed in 2003. Later that year, the town sold the site.", "Later that year", "2003", "2003"),
    // A plural unit after "for" or "in" is a length of time; the preposition is not in its span.
    ("The two families have not spoken for years.", "years", "PXY", "PXY"),
    ("It was the first sale in decades.", "decades", "PXDE", "PXDE"),
    ("The roof leaked on multiple days.", "multiple days", "PXD", "PXD"),
    // A quotation speaks on the day its story tells of; outside quotation marks, "today" is the
    // publication date.
    ("The bridge reopened on Tuesday. \u{201C}Today we can breathe again,\u{201D} the mayor said.", "Today", nil, "2024-11-05"),
    ("The bridge reopened on Tuesday. Today it carries buses too.", "Today", nil, "2024-11-10"),
    ("The September quarter was weak, the bank said.", "The September quarter", "XXXX-Q3", "2024-Q3"),
    // Hours counted from a day with no clock stay within that day.
    ("The bridge reopened on Tuesday. Three hours earlier, crews had cleared the ramps.", "Three hours earlier", nil, "2024-11-05"),
    // A month with "this", "last" or "next year" after it is one expression, in that year.
    ("Output fell in February this year.", "February this year", nil, "2024-02"),
    ("The bridge opened in June last year.", "June last year", nil, "2023-06"),
    // "The next morning" is the day after the last day named.
    ("The jury met on Thursday. The judge ruled the next morning.", "the next morning", nil, "2024-11-08"),
    // A time whose day is known is a day to count from as well.
    ("Guards checked the cells from 10:30 p.m. Aug. 9 to 6:30 a.m. the following morning.", "the following morning", nil, "2024-08-10"),
    // A year before a quarter's ordinal names the quarter, not a length of time; "each July" recurs.
    ("Profit fell in the 2019 second quarter.", "the 2019 second quarter", "2019-Q2", "2019-Q2"),
    ("The fair returns each July.", "each July", "XXXX-07", "XXXX-07"),
    // An hour "in the morning" is a clock time.
    ("The first ferry leaves at 6 in the morning.", "6 in the morning", nil, "2024-11-10T06:00"),
    // "Set to" and "slated" point forward; "the coming Saturday" is the next one.
    ("The talks are set to resume on Monday.", "Monday", "XXXX-WXX-1", "2024-11-11"),
    ("Crowds lined the route of the slated parade on Friday.", "Friday", "XXXX-WXX-5", "2024-11-15"),
    ("Crowds massed in the square before the coming Saturday.", "coming Saturday", "XXXX-WXX-6", "2024-11-16"),
    // "Plans" as a noun is no cue; a verb of intention after the expression tells its own tense.
    ("On Friday, holiday plans were dropped.", "Friday", "XXXX-WXX-5", "2024-11-08"),
    ("On Friday, the council decided to close the pier.", "Friday", "XXXX-WXX-5", "2024-11-08"),
    // A verb of saying in a later clause gives way to a cue before the expression.
    ("The board has decided to sell the ferry, the pier and the depot in March, a spokesman said.", "March", "XXXX-03", "2025-03"),
    // A deadline that opens the sentence leaves the tense to its main clause.
    ("Until Thursday, the police had not named a suspect.", "Thursday", "XXXX-WXX-4", "2024-11-07"),
    // A day of the year is the nearest, unless the verb right before it tells the side.
    ("The season began on Feb. 2.", "Feb. 2", "XXXX-02-02", "2024-02-02"),
    ("The season opens on Feb. 2, the league said.", "Feb. 2", "XXXX-02-02", "2025-02-02"),
    // The first end of a range of days lies before the second.
    ("Police counted 300 incidents between January 1 and September 18.", "January 1", "XXXX-01-01", "2024-01-01"),
    ("The talks between Monday and March 14 will settle it.", "March 14", "XXXX-03-14", "2025-03-14"),
    // A later day joined to a date is a date of the same month.
    ("The summit was held on April 24 and 25.", "25", "XXXX-04-25", "2024-04-25"),
    // An expression that opens the sentence takes the tense of the main clause, past a subordinate clause.
    ("On Friday, when the trip was planned, the ministry lifted the order.", "Friday", "XXXX-WXX-5", "2024-11-08"),
    // A future cue after "had been" is a plan of a past now over.
    ("The vote had been due to take place on Friday.", "Friday", "XXXX-WXX-5", "2024-11-08"),
    // "That same day" after a month is a day of that month; "a year ago" after a quarter is that quarter.
    ("The plant closed last October. Its sign came down that same day.", "that same day", nil, "2024-10-XX"),
    ("Sales rose in the third quarter from a year ago.", "a year ago", nil, "2023-Q3"),
]

/// Sentences whose names of events, papers, films and shows, ages, fractions and generic uses
/// ("today's youth", "the future of …") hold no time expression.
private let namesThatAreNoTimes = [
    "Voters in 12 states went to the polls on Super Tuesday.",
    "The story was first reported by the New York Daily News.",
    "She won an award for the film 1917.",
    "He appeared on NBC's “Today” show.",
    "The band's album 1999 went gold.",
    "The senator told 48 Hours the plan had failed.",
    "Thousands joined the March for Clean Rivers downtown.",
    "Thousands walked in the “March of the Silent Mothers” downtown.",
    "The minister spoke on the “This Week” programme.",
    "For the small party it was high noon.",
    "The mayor, 52 years old, resigned.",
    "The union won about three-quarters of the seats.",
    "Schools must prepare today's youth for work.",
    "Leaders met to discuss the future of the alliance.",
    "Voters want a better future for their children.",
]

@Test(arguments: namesThatAreNoTimes.indices)
func aNameIsNoTimeExpression(index: Int) throws {
    var document = try timeDocument(namesThatAreNoTimes[index], published: reference)
    TimeStage().run(on: &document)
    #expect(document.times.isEmpty, "\(namesThatAreNoTimes[index]): \(document.times.map { String(document.text[$0.span]) })")
}

/// The reference date of ``contextCases``.
private let reference = "2024-11-10"

/// The time expression `expression` that the time stage finds in `text`, published on `published`.
private func time(_ expression: String, in text: String, published: String?) throws -> TimeExpression {
    var document = try timeDocument(text, published: published)
    TimeStage().run(on: &document)
    return try #require(document.times.first { String(document.text[$0.span]) == expression }, "\(text)")
}

@Test(arguments: contextCases.indices)
func timeValueWithoutAReferenceStaysUnderspecified(index: Int) throws {
    let row = contextCases[index]
    #expect(try time(row.expression, in: row.text, published: nil).value == row.unresolved, "\(row.text)")
}

@Test(arguments: contextCases.indices)
func timeValueResolvesAgainstThePublicationDate(index: Int) throws {
    let row = contextCases[index]
    let found = try time(row.expression, in: row.text, published: reference)
    #expect(found.value == row.resolved, "\(row.text)")
    #expect(found.provenance.stage == "times")
}

@Test func ageIsNoDuration() throws {
    var document = try timeDocument("The six-year-old boy stayed for two days.", published: reference)
    TimeStage().run(on: &document)
    #expect(document.times.map { String(document.text[$0.span]) } == ["two days"])
    #expect(document.times.first?.type == .duration)
}

@Test func aCapitalisedDurationInANameIsNoDuration() throws {
    var document = try timeDocument("Veterans of the Three-Day Revolt met for a three-day reunion.", published: reference)
    TimeStage().run(on: &document)
    #expect(document.times.map { String(document.text[$0.span]) } == ["three-day"])
}

/// Sentences with a unit that is also an ordinal ("second"), and the lengths of time in them:
/// before a noun it is the ordinal.
private let ordinalUnitCases: [(text: String, durations: [String])] = [
    ("Voters may face a second round of voting in May.", []),
    ("The club opened a second branch downtown.", []),
    ("The lights went out for a second before the show.", ["a second"]),
    ("She paused for a second, then went on.", ["a second"]),
]

@Test(arguments: ordinalUnitCases.indices)
func aUnitBeforeANounIsAnOrdinal(index: Int) throws {
    let row = ordinalUnitCases[index]
    var document = try timeDocument(row.text, published: reference)
    TimeStage().run(on: &document)
    let durations = document.times.filter { $0.type == .duration }.map { String(document.text[$0.span]) }
    #expect(durations == row.durations, "\(row.text)")
}

/// Sentences with one unit after a count, a rate (a set), and with one unit as a length of
/// time; the value is the unit's either way.
private let rateCases: [(text: String, expression: String, type: TimeExpression.Kind, value: String)] = [
    ("The glacier retreats 30 centimetres a week.", "a week", .set, "P1W"),
    ("Running the course costs $100,000 a month.", "a month", .set, "P1M"),
    ("The ferry sails three times a day.", "a day", .set, "P1D"),
    ("The strike lasted a week.", "a week", .duration, "P1W"),
    ("On Oct. 5 a week of talks began.", "a week", .duration, "P1W"),
]

@Test(arguments: rateCases.indices)
func aUnitAfterACountIsARate(index: Int) throws {
    let row = rateCases[index]
    let found = try time(row.expression, in: row.text, published: reference)
    #expect(found.type == row.type, "\(row.text)")
    #expect(found.value == row.value, "\(row.text)")
}
