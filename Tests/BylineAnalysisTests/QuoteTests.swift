import BylineAnalysis
import Foundation
import BylineCore
import Testing

/// One row: an article (paragraphs separated by blank lines), the names the tagger knows, and
/// per quote its words, kind, speaker (the entity's name, or else the words the attribution
/// rests on; nil: none) and deciding rule.
private let cases: [(name: String, text: String, names: [String: String], quotes: [(String, Quote.Kind, String?, String)])] = [
    ("cue and name after the quote",
     "\u{201C}We will build the bridge,\u{201D} Mayor Ruth Okafor said on Monday.",
     ["Ruth Okafor": "PER"], [("We will build the bridge,", .direct, "Ruth Okafor", "cue-after-quote")]),
    ("inverted cue after the quote",
     "\"Prices will fall,\" said Tomas Berg, an analyst at the bank.",
     ["Tomas Berg": "PER"], [("Prices will fall,", .direct, "Tomas Berg", "cue-after-quote/said-name")]),
    ("a pronoun after the quote",
     "Lena Holm spoke first.\n\n\"The budget is balanced,\" she said.",
     ["Lena Holm": "PER"], [("The budget is balanced,", .direct, "Lena Holm", "cue-after-quote")]),
    ("a partial quote after the cue",
     "Omar Haddad said the agreement was a \"turning point\" for the region.",
     ["Omar Haddad": "PER"], [("turning point", .partial, "Omar Haddad", "cue-before-quote")]),
    ("a participle opening the sentence",
     "Saying that the talks had reached a \"critical stage\", Ines Duarte left the room.",
     ["Ines Duarte": "PER"], [("critical stage", .partial, "Ines Duarte", "participle-opener")]),
    ("a partial quote with no cue takes the sentence's subject",
     "Nora Vik openly admires the plan as a \"bold step\" for the city.",
     ["Nora Vik": "PER"], [("bold step", .partial, "Nora Vik", "sentence-subject")]),
    ("a name signed after a dash",
     "\u{201C}The new park changed our street.\u{201D} \u{2015} Lise Moreau",
     ["Lise Moreau": "PER"], [("The new park changed our street.", .direct, "Lise Moreau", "dash-signature")]),
    ("a quote paragraph continues the speaker before",
     "Paul Meyer said the plan was \"late but sound\".\n\n\"We will finish it next year.\"",
     ["Paul Meyer": "PER"],
     [("late but sound", .partial, "Paul Meyer", "cue-before-quote"), ("We will finish it next year.", .direct, "Paul Meyer", "paragraph-continuity")]),
    ("a quote left open runs on into the next quote paragraph: one quotation",
     "\u{201C}The first part is done, Ana Lopes said.\n\n\u{201C}The second part starts now.\u{201D}",
     ["Ana Lopes": "PER"],
     [("The first part is done, Ana Lopes said.\n\n\u{201C}The second part starts now.", .direct, nil, "unattributed")]),
    ("a quotation over two paragraphs keeps the speaker of its first",
     "\u{201C}We cleared the road,\u{201D} Rosa Kemp said. \u{201C}But the river is still rising.\n\n\u{201C}Nobody should drive there tonight.\u{201D}",
     ["Rosa Kemp": "PER"],
     [("We cleared the road,", .direct, "Rosa Kemp", "cue-after-quote"),
      ("But the river is still rising.\n\n\u{201C}Nobody should drive there tonight.", .direct, "Rosa Kemp", "quote-continuity")]),
    ("a theme in quotation marks is no one's speech",
     "Karl Voss said the fair, held under the theme \"Building a Greener Tomorrow\", drew crowds.",
     ["Karl Voss": "PER"], [("Building a Greener Tomorrow", .title, nil, "title")]),
    ("an unbalanced mark runs to the paragraph's end",
     "Eva Lind said: \"We are ready to sign",
     ["Eva Lind": "PER"], [("We are ready to sign", .direct, "Eva Lind", "cue-before-quote")]),
    ("a reporter set off by an opening clause does not take the quote",
     "When Ida Falk spoke, Jon Berg shot back, \"That is not true.\"",
     ["Ida Falk": "PER", "Jon Berg": "PER"], [("That is not true.", .direct, "Jon Berg", "cue-before-quote/lead-in")]),
    ("a title before the name signed after a dash",
     "\"The harbour will stay open.\" -Mayor Ada Moss, at the council meeting",
     ["Ada Moss": "PER"], [("The harbour will stay open.", .direct, "Ada Moss", "dash-signature")]),
    ("a name and a colon introduce the quote",
     "More from Ines Carvalho: \"The survey was small, but the trend is clear.\"",
     ["Ines Carvalho": "PER"], [("The survey was small, but the trend is clear.", .direct, "Ines Carvalho", "cue-before-quote/lead-in")]),
    ("a partial quote with nothing of its own continues the sentence before",
     "\"He is meant to lead,\" Teo Varga said. Instead, \"he just waits\".",
     ["Teo Varga": "PER"],
     [("He is meant to lead,", .direct, "Teo Varga", "cue-after-quote"), ("he just waits", .partial, "Teo Varga", "quote-continuity")]),
    ("a paragraph opening with a speaker's label",
     "HOST: Welcome back. Tonight the \"new budget\" is on the table.",
     [:], [("new budget", .partial, "HOST", "paragraph-label")]),
    ("asides in a row between the speaker and the cue",
     "\"The port will reopen,\" Dana Whitfield, the harbour master, one of three officials on the board, said on Tuesday.",
     ["Dana Whitfield": "PER"], [("The port will reopen,", .direct, "Dana Whitfield", "cue-after-quote")]),
    ("a bracketed party tag between the speaker and the cue",
     "Sen. Ray Molina (D-Ore.) said the bill was \"dead on arrival\".",
     ["Ray Molina": "PER"], [("dead on arrival", .partial, "Ray Molina", "cue-before-quote")]),
    ("a description and any verb after a quotation",
     "\"Never!\" the crowd shouted back at the stage.",
     [:], [("Never!", .direct, "the crowd", "cue-after-quote")]),
    ("a describing participle inside the speaker's description",
     "\"It was a fair deal,\" the retiring chairman told reporters.",
     [:], [("It was a fair deal,", .direct, "the retiring chairman", "cue-after-quote")]),
    ("a sentence of its own after a question is not the question's attribution",
     "Ana Ruiz asked the panel about the budget.\n\n\"Will it pass?\" The hall went quiet for a long minute after that.",
     ["Ana Ruiz": "PER"], [("Will it pass?", .direct, "Ana Ruiz", "paragraph-continuity")]),
    ("a speaker named only by a description",
     "\"The road is closed,\" a police spokeswoman said.",
     [:], [("The road is closed,", .direct, "a police spokeswoman", "cue-after-quote")]),
    ("as someone put it",
     "The plan is \"a patchwork of promises,\" as one economist put it.",
     [:], [("a patchwork of promises,", .partial, "one economist", "cue-after-quote")]),
    ("the next sentence's quote continues the speaker",
     "\"We are not done,\" said Ilse Brandt. \"The next vote is in the spring.\"",
     ["Ilse Brandt": "PER"],
     [("We are not done,", .direct, "Ilse Brandt", "cue-after-quote/said-name"), ("The next vote is in the spring.", .direct, "Ilse Brandt", "quote-continuity")]),
    ("a sentence ending in a colon introduces the quote paragraph after it",
     "Omar Reyes put it this way:\n\n\"Nobody plans to fail.\"",
     ["Omar Reyes": "PER"], [("Nobody plans to fail.", .direct, "Omar Reyes", "colon-lead-in")]),
    ("a quote after a sentence about a named person",
     "Lina Ortega voted against the budget on Monday. \"It leaves schools behind.\"",
     ["Lina Ortega": "PER"], [("It leaves schools behind.", .direct, "Lina Ortega", "previous-subject")]),
    ("the sentence's own reporting clause",
     "A driver who \"ignores the signs\" pays the fine, Petra Lind said.",
     ["Petra Lind": "PER"], [("ignores the signs", .partial, "Petra Lind", "reporting-clause")]),
    ("a reporting clause set off by commas inside the sentence",
     "The lesson, says Mira Holt, a historian at the library, is that \"nothing stays quiet for long\".",
     ["Mira Holt": "PER"], [("nothing stays quiet for long", .partial, "Mira Holt", "reporting-clause/said-name")]),
    ("a nested report goes to the outer reporter",
     "Hugo Stein said the mayor described the plan as \"a fantasy\".",
     ["Hugo Stein": "PER"], [("a fantasy", .partial, "Hugo Stein", "cue-before-quote")]),
    ("'according to' at the sentence's end reports all of it",
     "Hugo Stein called the plan \"a fantasy\", according to the city paper.",
     ["Hugo Stein": "PER"], [("a fantasy", .partial, "the city paper", "cue-before-quote/according-to")]),
    ("a clause of its own reports for itself",
     "Hugo Stein left early, and Mara Quist called the plan \"a fantasy\".",
     ["Hugo Stein": "PER", "Mara Quist": "PER"], [("a fantasy", .partial, "Mara Quist", "cue-before-quote")]),
    ("a participle right after a name is that name's",
     "The vote split the council, with Lena Brandt telling reporters the plan was \"dead in the water\".",
     ["Lena Brandt": "PER"], [("dead in the water", .partial, "Lena Brandt", "cue-before-quote/participle")]),
    ("a participle after a comma reports for the sentence's subject",
     "Tara Bloom spoke for an hour, arguing that the tax was \"unfair to renters\".",
     ["Tara Bloom": "PER"], [("unfair to renters", .partial, "Tara Bloom", "cue-before-quote/second-verb")]),
    ("'it' is the organisation that is the subject before",
     "The Harbor Authority met on Friday.\n\n\"Fees will rise,\" it said.",
     ["Harbor Authority": "ORG"], [("Fees will rise,", .direct, "Harbor Authority", "cue-after-quote")]),
    ("a question's attribution split off as a sentence of its own",
     "\"Is the bridge safe?\" Dana Whitfield testified. \"Nobody could say.\"",
     ["Dana Whitfield": "PER"], [("Is the bridge safe?", .direct, "Dana Whitfield", "cue-after-quote"),
                                  ("Nobody could say.", .direct, "Dana Whitfield", "quote-continuity")]),
    ("a quote after a dateline opens its sentence",
     "LISBON \u{2014} \"The port will reopen,\" Dana Whitfield said on Monday.",
     ["Dana Whitfield": "PER", "LISBON": "LOC"], [("The port will reopen,", .direct, "Dana Whitfield", "cue-after-quote")]),
    ("'according to' a statement leaves the quote to its own speaker",
     "\"The port will reopen,\" Dana Whitfield told workers, according to a statement.",
     ["Dana Whitfield": "PER"], [("The port will reopen,", .direct, "Dana Whitfield", "cue-after-quote")]),
    ("a time phrase between the subject and its cue",
     "Nina Brandt, who has in the past called the plan \"a fantasy\", spoke first. The harbour master on Monday said it was \"sound\".",
     ["Nina Brandt": "PER"], [("a fantasy", .partial, "Nina Brandt", "cue-before-quote"),
                              ("sound", .partial, "The harbour master", "cue-before-quote")]),
    ("an aside between dashes is no dateline and the name before it speaks",
     "Dana Whitfield \u{2014} the harbour master \u{2014} said the pier was \"unsafe\".",
     ["Dana Whitfield": "PER"], [("unsafe", .partial, "Dana Whitfield", "cue-before-quote")]),
    ("any verb inverted before a name after an exclamation",
     "\"We did it!\" beamed Sofia Lund after the count.",
     ["Sofia Lund": "PER"], [("We did it!", .direct, "Sofia Lund", "cue-after-quote/verb-name")]),
    ("a name and any verb after the quote",
     "\"Not again,\" Pia Holm groaned.",
     ["Pia Holm": "PER"], [("Not again,", .direct, "Pia Holm", "cue-after-quote/name-verb")]),
    ("words after a quote that introduce the next quote attribute both",
     "\"The hall is full,\" Mara Quist added, \"and the doors are shut.\"",
     ["Mara Quist": "PER"], [("The hall is full,", .direct, "Mara Quist", "cue-after-quote/introducing-next"),
                              ("and the doors are shut.", .partial, "Mara Quist", "cue-before-quote")]),
    ("an outer reporter after the cue takes the quote",
     "\"The bridge will close,\" Lena Moss said, according to the harbour bulletin.",
     ["Lena Moss": "PER"], [("The bridge will close,", .direct, "the harbour bulletin", "cue-after-quote/according-to")]),
    ("\"the statement\" speaks for whoever issued the statement named before",
     "The Harbor Authority denied the claims in a statement on Monday.\n\n\"We followed every rule,\" the statement read.",
     ["Harbor Authority": "ORG"], [("We followed every rule,", .direct, "Harbor Authority", "cue-after-quote")]),
    ("a name right after a quote that opens its sentence needs no comma",
     "\"Our fears came true\" Ilan Dorsey told the committee.",
     ["Ilan Dorsey": "PER"], [("Our fears came true", .direct, "Ilan Dorsey", "cue-after-quote")]),
    ("a pronoun goes to the subject of its sentence, not the name nearest it",
     "Nadia Kern praised Rosa Vidal but said she would vote against what she called \"a rushed bill\".",
     ["Nadia Kern": "PER", "Rosa Vidal": "PER"], [("a rushed bill", .partial, "Nadia Kern", "cue-before-quote")]),
    ("a clause opened by a subordinator after a quote reports nothing",
     "The clip ends with footage of Ana Berg saying during the debate, \u{201C}That makes me rich,\u{201D} when Ivo Lind blasted her.",
     ["Ana Berg": "PER", "Ivo Lind": "PER"], [("That makes me rich,", .direct, "Ana Berg", "cue-before-quote/participle")]),
    ("a quotation a nested quote closed early is signed at the end of its line",
     "\u{201C}I would rather live in what he calls \u{201C}a swamp\u{201D} than move away.\u{201D} \u{2015} Lise Moreau",
     ["Lise Moreau": "PER"], [("I would rather live in what he calls \u{201C}a swamp", .direct, "Lise Moreau", "dash-signature")]),
    ("what someone calls a person, in title case, is their speech",
     "Nadia Kern referred to Rosa Vidal as \"The Toll Queen\" and \"Lady Delay\" in her speech.",
     ["Nadia Kern": "PER", "Rosa Vidal": "PER"],
     [("The Toll Queen", .partial, "Nadia Kern", "sentence-subject"), ("Lady Delay", .partial, "Nadia Kern", "sentence-subject")]),
    ("a remark someone made speaks for them",
     "The vote prompted Nadia Kern to make a remark that openly described the dockers as \"idle hands\".",
     ["Nadia Kern": "PER"], [("idle hands", .partial, "Nadia Kern", "cue-before-quote")]),
]

@Test(arguments: cases.indices)
func quotesAndSpeakersAreRead(index: Int) throws {
    let row = cases[index]
    let document = try analyze(row.text, names: row.names)
    let got = document.quotes.filter { $0.kind != .indirect }.map { quote in
        (String(document.text[quote.span]), quote.kind,
         quote.speaker.flatMap { id in document.entities.first { $0.id == id }?.name } ?? quote.speakerMention.map { String(document.text[$0]) },
         quote.provenance.rule)
    }
    #expect(got.count == row.quotes.count, "\(row.name)")
    for (g, want) in zip(got, row.quotes) {
        #expect(g.0 == want.0, "\(row.name)")
        #expect(g.1 == want.1, "\(row.name)")
        #expect(g.2 == want.2, "\(row.name)")
        #expect(g.3 == want.3, "\(row.name)")
    }
}

/// One row: a sentence of reported speech, the names the tagger knows, the reported words, the
/// speaker's words and the rule.
private let reports: [(text: String, names: [String: String], content: String, source: String, rule: String)] = [
    ("Hana Sato said that the factory would reopen in May.", ["Hana Sato": "PER"],
     "the factory would reopen in May", "Hana Sato", "indirect-cue-before"),
    ("The plant will close by the end of the year, a company spokeswoman said.", [:],
     "The plant will close by the end of the year", "a company spokeswoman", "indirect-cue-after"),
    ("Turnout was higher than expected, said Victor Diaz.", ["Victor Diaz": "PER"],
     "Turnout was higher than expected", "Victor Diaz", "indirect-cue-after"),
    ("According to the report, exports fell for a third month.", [:],
     "exports fell for a third month", "the report", "indirect-according-to"),
    ("Former Harbor Authority official Nina Brandt told investigators that she saw the contract.",
     ["Harbor Authority": "ORG", "Nina Brandt": "PER"], "she saw the contract", "Nina Brandt", "indirect-cue-before"),
    ("Nina Brandt, who voted against the plan, warned that fares would have to rise.", ["Nina Brandt": "PER"],
     "fares would have to rise", "Nina Brandt", "indirect-cue-before"),
    ("LISBON: The port will reopen in May, the harbour master said.", ["LISBON": "LOC"],
     "The port will reopen in May", "the harbour master", "indirect-cue-after"),
    ("LISBON (AP) — The port will reopen in May, the harbour master said.", ["LISBON": "LOC"],
     "The port will reopen in May", "the harbour master", "indirect-cue-after"),
    ("The vote was close, but Tomas Berg said he would appeal the ruling.", ["Tomas Berg": "PER"],
     "he would appeal the ruling", "Tomas Berg", "indirect-cue-before"),
    ("Ilka Sand said the fund was empty, and when pressed, the treasurer replied, \"Nobody paid.\"", ["Ilka Sand": "PER"],
     "the fund was empty", "Ilka Sand", "indirect-cue-before"),
    ("LISBON — The Harbor Authority announced on Monday that it was hiring 40 pilots.",
     ["LISBON": "LOC", "Harbor Authority": "ORG"], "it was hiring 40 pilots", "Harbor Authority", "indirect-cue-before"),
]

@Test(arguments: reports.indices)
func reportedSpeechIsRead(index: Int) throws {
    let row = reports[index]
    let document = try analyze(row.text, names: row.names)
    let quote = try #require(document.quotes.first { $0.kind == .indirect })
    #expect(document.text[quote.span] == row.content)
    #expect(quote.speakerMention.map { String(document.text[$0]) } == row.source)
    #expect(quote.provenance.rule == row.rule)
}

@Test func aQuoteClosingInALaterSentenceKeepsItsOpeningSentencesSpeaker() throws {
    let document = try analyze("Saying \"we will go home. Now is the time,\" Mara Quist left the hall.", names: ["Mara Quist": "PER"])
    let quote = try #require(document.quotes.first { $0.kind != .indirect })
    #expect(document.text[quote.span] == "we will go home. Now is the time,")
}

@Test func aSpeakerPronounIsAMentionOfItsEntityFromCoreference() throws {
    let document = try analyze("Ada Novak spoke first.\n\n\"The budget is balanced,\" she said.", names: ["Ada Novak": "PER"])
    let ada = try #require(document.entities.first { $0.name == "Ada Novak" })
    #expect(ada.mentions.contains { document.text[$0.span] == "she" && $0.provenance.stage == "coreference" })
}

@Test func grammarWordsAfterACommaAreNoReporter() throws {
    let document = try analyze("Harbor courts, however, have declared most of the new piers legal.", names: [:])
    let report = try #require(document.quotes.first { $0.kind == .indirect })
    #expect(report.provenance.rule != "indirect-report")
    #expect(document.text[report.span] == "most of the new piers legal")
}

@Test func coreferenceGivesItToTheOrganisationThatIsTheSubjectBefore() throws {
    let document = try analyze("The Harbor Authority met on Friday. It said fees would rise.", names: ["Harbor Authority": "ORG"])
    let authority = try #require(document.entities.first { $0.name == "Harbor Authority" })
    let it = try #require(authority.mentions.first { document.text[$0.span] == "It" })
    #expect(it.provenance.stage == "coreference")
    #expect(it.provenance.rule == "pronoun-earlier-subject")
}

@Test func coreferenceLeavesAnItThatEndsItsClauseToTheThingItStandsFor() throws {
    let document = try analyze("The Harbor Authority wanted the pier and finally bought it.", names: ["Harbor Authority": "ORG"])
    let authority = try #require(document.entities.first { $0.name == "Harbor Authority" })
    #expect(!authority.mentions.contains { document.text[$0.span] == "it" })
}

@Test func coreferenceLeavesATheyThatSignsNoQuotationToThePeopleItStandsFor() throws {
    let document = try analyze("Corvel Shipping met the dock workers on Monday. They said the talks went well.", names: ["Corvel Shipping": "ORG"])
    let company = try #require(document.entities.first { $0.name == "Corvel Shipping" })
    #expect(!company.mentions.contains { document.text[$0.span] == "They" })
}

@Test func coreferenceLeavesPronounsInsideQuotesAlone() throws {
    let document = try analyze("Rosa Lind spoke first. \"He is late,\" she said.", names: ["Rosa Lind": "PER"])
    let rosa = try #require(document.entities.first { $0.name == "Rosa Lind" })
    #expect(rosa.mentions.map { String(document.text[$0.span]) } == ["Rosa Lind", "she"])
}

/// The rules and confidences of `speaker-calibration.tsv`, read from the source tree.
private func calibration() throws -> [String: Double] {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/BylineAnalysis/Resources/speaker-calibration.tsv")
    let rows = try String(contentsOf: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }.map { $0.split(separator: "\t") }
    return Dictionary(uniqueKeysWithValues: rows.map { (String($0[0]), Double($0[1]) ?? -1) })
}

@Test func aQuotesConfidenceIsItsRulesCalibratedPrecision() throws {
    let figures = try calibration()
    let document = try analyze("\"Prices will fall,\" said Tomas Berg, an analyst at the bank.", names: ["Tomas Berg": "PER"])
    let quote = try #require(document.quotes.first { $0.kind == .direct })
    let rule = quote.provenance.rule
    let sieve = String(rule.split(separator: "/")[0]) + "/*"
    #expect(quote.confidence == (figures[rule] ?? figures[sieve]))
    #expect(figures.values.allSatisfy { (0...1).contains($0) })
}

@Test func anInchSignAfterANumberOpensNoQuote() throws {
    let document = try analyze("The shop sells a 34\" screen and a 27\" one. Its 65\" set is \"a bargain,\" Ana Berg said.", names: ["Ana Berg": "PER"])
    let quoted = document.quotes.filter { $0.kind != .indirect }.map { String(document.text[$0.span]) }
    #expect(quoted == ["a bargain,"])
}

@Test func aReportMostlyQuotedInPartIsLeftToItsQuote() throws {
    let document = try analyze("Ana Berg said the plan was \"a gift to the few who never pay their share\".", names: ["Ana Berg": "PER"])
    #expect(document.quotes.map(\.kind) == [.partial])
    let mostlyOwnWords = try analyze("Ana Berg said the council had spent the whole budget on roads and \"nothing else\".", names: ["Ana Berg": "PER"])
    #expect(mostlyOwnWords.quotes.map(\.kind) == [.indirect, .partial])
}

@Test func aPhraseThatSetsTheSceneBeforeAReportingClauseIsNotWhatWasSaid() throws {
    let document = try analyze("In a statement on Monday, the harbour board said: \"We will reopen the pier.\"", names: [:])
    #expect(document.quotes.map(\.kind) == [.direct])
}

@Test func aCueWordMoreOftenAPluralNounReportsOnlyBeforeAComplement() throws {
    let noun = try analyze("Voters in several swing states could decide the race on their own.", names: [:])
    #expect(noun.quotes.isEmpty)
    let verb = try analyze("The harbour rulebook states that ferries must dock by midnight.", names: [:])
    #expect(verb.quotes.map { String(verb.text[$0.span]) } == ["ferries must dock by midnight"])
}
