import BylineAnalysis
import BylineCore
import Testing

/// One row: an article (paragraphs separated by blank lines), the names the tagger knows, and
/// per quote its words, kind, speaker name (nil: none) and deciding rule.
private let cases: [(name: String, text: String, names: [String: String], quotes: [(String, Quote.Kind, String?, String)])] = [
    ("cue and name after the quote",
     "\u{201C}We will build the bridge,\u{201D} Mayor Ruth Okafor said on Monday.",
     ["Ruth Okafor": "PER"], [("We will build the bridge,", .direct, "Ruth Okafor", "cue-after-quote")]),
    ("inverted cue after the quote",
     "\"Prices will fall,\" said Tomas Berg, an analyst at the bank.",
     ["Tomas Berg": "PER"], [("Prices will fall,", .direct, "Tomas Berg", "cue-after-quote")]),
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
    ("a quote left open runs on into the next quote paragraph",
     "\u{201C}The first part is done, Ana Lopes said.\n\n\u{201C}The second part starts now.\u{201D}",
     ["Ana Lopes": "PER"],
     [("The first part is done, Ana Lopes said.", .direct, nil, "unattributed"), ("The second part starts now.", .direct, nil, "unattributed")]),
    ("a theme in quotation marks is no one's speech",
     "Karl Voss said the fair, held under the theme \"Building a Greener Tomorrow\", drew crowds.",
     ["Karl Voss": "PER"], [("Building a Greener Tomorrow", .partial, nil, "title")]),
    ("an unbalanced mark runs to the paragraph's end",
     "Eva Lind said: \"We are ready to sign",
     ["Eva Lind": "PER"], [("We are ready to sign", .partial, "Eva Lind", "cue-before-quote")]),
]

@Test(arguments: cases.indices)
func quotesAndSpeakersAreRead(index: Int) throws {
    let row = cases[index]
    let document = try analyze(row.text, names: row.names)
    let got = document.quotes.filter { $0.kind != .indirect }.map { quote in
        (String(document.text[quote.span]), quote.kind, quote.speaker.flatMap { id in document.entities.first { $0.id == id }?.name },
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
