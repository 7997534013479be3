@testable import BylineAnalysis
import BylineCore
import Testing

// Speakers that agree with their pronouns, quoted titles of works that are no one's speech, and
// words that only look like reported speech. Every name and sentence here is made up.

/// One row: an article, the names the tagger knows, the quoted words and the name of the
/// speaker they must go to.
private let pronounAgreement: [(name: String, text: String, names: [String: String], quote: String, speaker: String)] = [
    ("\"she\" passes over the man named last for the woman before him",
     "Mrs. Ilka Thorsby chaired the meeting. Her deputy, Mr. Bram Oskarsen, took notes.\n\n\"We will meet again in May,\" she said.",
     ["Ilka Thorsby": "PER", "Bram Oskarsen": "PER"], "We will meet again in May,", "Ilka Thorsby"),
    ("\"he\" passes over the woman named last for the man before her",
     "Gunnar Pelt opened the hearing and handed over to Margit Sollie.\n\n\"The fund is empty,\" he said.",
     ["Gunnar Pelt": "PER", "Margit Sollie": "PER"], "The fund is empty,", "Gunnar Pelt"),
    ("a spokeswoman's \"she\" is not the union head named after her",
     "Tova Rinne, a spokeswoman for the ferry company, spoke after the vote. The union is led by Harald Voigt.\n\n\"The strike will not change our offer,\" she said.",
     ["Tova Rinne": "PER", "Harald Voigt": "PER"], "The strike will not change our offer,", "Tova Rinne"),
    ("an honorific tells the gender of a first name the table does not know",
     "Ms. Quinley Adeyo met Dorian Falk at the port.\n\n\"Nothing was decided,\" she said.",
     ["Quinley Adeyo": "PER", "Dorian Falk": "PER"], "Nothing was decided,", "Quinley Adeyo"),
    ("a common noun that opens the sentence is no name the pronoun must stand for",
     "Piers Halvorsen spoke last.\n\nAudience members laughed when he urged voters, \"Look at what I have delivered.\"",
     ["Piers Halvorsen": "PER"], "Look at what I have delivered.", "Piers Halvorsen"),
    ("a royal title tells the gender",
     "Queen Ysolde of Varnland received Prime Minister Osric Dunmore.\n\n\"Our harbours are open,\" she said.",
     ["Ysolde": "PER", "Varnland": "LOC", "Osric Dunmore": "PER"], "Our harbours are open,", "Ysolde"),
    ("a name inside an opening prepositional phrase is no subject the pronoun must stand for",
     "Mira Kolb's first two books were published by Tallow Press.\n\nIn a Harbor Radio interview she called the deal \"a trap\".",
     ["Mira Kolb": "PER", "Tallow Press": "ORG", "Harbor Radio": "ORG"], "a trap", "Mira Kolb"),
    ("\"they\" signing a quote goes to the organisation that was the subject before",
     "Corvel Shipping rejected the port's offer on Monday.\n\n\"We will not sign it,\" they said.",
     ["Corvel Shipping": "ORG"], "We will not sign it,", "Corvel Shipping"),
    ("an organisation in apposition to a description is the subject \"they\" goes to",
     "The firm that runs the ferries, Kestrel Lines, denies the report.\n\n\"Nothing has been agreed,\" they said.",
     ["Kestrel Lines": "ORG"], "Nothing has been agreed,", "Kestrel Lines"),
]

@Test(arguments: pronounAgreement.indices)
func aPronounGoesToAPersonOfItsGender(index: Int) throws {
    let row = pronounAgreement[index]
    let document = try analyze(row.text, names: row.names)
    let quote = try #require(document.quotes.first { document.text[$0.span] == row.quote }, "\(row.name)")
    let speaker = quote.speaker.flatMap { id in document.entities.first { $0.id == id }?.name }
    #expect(speaker == row.speaker, "\(row.name)")
}

@Test func aSurnameFirstNameWithAHyphenatedGivenNameTellsNoGenderByItsFirstWord() {
    // "Park" is a masculine first name in the table, but here it is the family name.
    #expect(PersonGenders.firstNameGender(of: "Park Min-ji") == nil)
    #expect(PersonGenders.firstNameGender(of: "Donald Orwell") == .masculine)
    #expect(PersonGenders.firstNameGender(of: "Orwell") == nil)
}

/// One row: an article, the names the tagger knows and the quoted words that are a title.
private let titlesOfWorks: [(name: String, text: String, names: [String: String], title: String)] = [
    ("after \"film\"", "Lior Matan stars in the film \"Nobody Leaves Early\" this spring.", ["Lior Matan": "PER"], "Nobody Leaves Early"),
    ("after \"show\" with a determiner", "The network renewed the show \"Kitchen at Midnight\" for a third year.", [:], "Kitchen at Midnight"),
    ("after \"album\" and a comma", "Her new album, \"Glass Harbour,\" went to the top of the chart.", [:], "Glass Harbour,"),
    ("after \"book\"", "Dana Ferro wrote the book \"How the river was lost\" in 2019.", ["Dana Ferro": "PER"], "How the river was lost"),
    ("a programme after \"on\"", "Senator Maren Falk said on \"Harbor Talk Tonight,\" that the vote was close.", ["Maren Falk": "PER"], "Harbor Talk Tonight,"),
    ("a programme after a broadcaster's possessive", "Ilse Brandvold told Kestrel Radio's \"Morning Tide.\"",
     ["Ilse Brandvold": "PER", "Kestrel Radio": "ORG"], "Morning Tide."),
    ("a programme after \"edition of\"", "On this week's edition of \"The Valley Hour,\" Bo Lindqvist spoke about fares.",
     ["Bo Lindqvist": "PER"], "The Valley Hour,"),
]

@Test(arguments: titlesOfWorks.indices)
func aQuotedTitleIsNoOnesSpeech(index: Int) throws {
    let row = titlesOfWorks[index]
    let document = try analyze(row.text, names: row.names)
    let quote = try #require(document.quotes.first { document.text[$0.span] == row.title }, "\(row.name)")
    #expect(quote.provenance.rule == "title", "\(row.name)")
    #expect(quote.kind == .title, "\(row.name)")
    #expect(quote.speaker == nil && quote.speakerMention == nil, "\(row.name)")
}

@Test func aTitleCaseStretchWithManyGrammarWordsGetsNoSpeaker() throws {
    let document = try analyze("Vera Holm, author of the survey \"Bridges and the Towns by the River\", spoke on Monday.", names: ["Vera Holm": "PER"])
    let quote = try #require(document.quotes.first { $0.kind != .indirect })
    #expect(quote.speaker == nil && quote.provenance.rule == "title")
}

@Test func wordsAfterOnThatAreNotInTitleCaseAreSpeech() throws {
    let document = try analyze("Corin Malle insisted on \"a fair deal for everyone\" at the hearing.", names: ["Corin Malle": "PER"])
    let quote = try #require(document.quotes.first { $0.kind != .indirect })
    #expect(quote.kind == .partial)
    #expect(quote.provenance.rule != "title")
}

@Test func aTitleCaseStretchGetsNoSpeaker() throws {
    let document = try analyze("Voters packed the hall for \"A Night With The Candidates\" on Friday.", names: [:])
    let quote = try #require(document.quotes.first { $0.kind != .indirect })
    #expect(quote.speaker == nil && quote.provenance.rule == "title")
}

@Test func showAsAVerbDoesNotMakeATitle() throws {
    let document = try analyze("Jorun Bekk said the figures show \"a town that is shrinking\".", names: ["Jorun Bekk": "PER"])
    let quote = try #require(document.quotes.first { $0.kind != .indirect })
    #expect(quote.provenance.rule != "title")
    #expect(quote.speaker.flatMap { id in document.entities.first { $0.id == id }?.name } == "Jorun Bekk")
}

/// One row: a sentence whose words only look like reported speech, and the names the tagger
/// knows. None of it is an indirect quote.
private let notSpeech: [(name: String, text: String, names: [String: String])] = [
    ("a fragment after a comma", "Odile Marsh said, describing the long night at the harbour office.", ["Odile Marsh": "PER"]),
    ("a cue word as a noun after a number", "The rule applies in 13 other states and in two territories next year.", [:]),
    ("\"per\" before a unit", "The toll rose to four dollars per crossing for every truck on the bridge.", [:]),
]

@Test func aQuestionPutToTheSpeakerIsReportedWithoutTheirName() throws {
    let document = try analyze(
        "Asked whether the ferry tickets were ever sold, Odile Marsh said the company had kept no record.", names: ["Odile Marsh": "PER"])
    let reports = document.quotes.filter { $0.kind == .indirect }
    #expect(reports.map { String(document.text[$0.span]) } == ["whether the ferry tickets were ever sold", "the company had kept no record"])
    #expect(reports.first?.speaker == nil && reports.first?.provenance.rule == "indirect-question")
    #expect(reports.last?.speaker.flatMap { id in document.entities.first { $0.id == id }?.name } == "Odile Marsh")
}

@Test func aGerundAfterTheReportingClauseOpensWhatWasSaid() throws {
    let document = try analyze("Odile Marsh said, delaying the vote again would cost the port dearly.", names: ["Odile Marsh": "PER"])
    let report = try #require(document.quotes.first { $0.kind == .indirect })
    #expect(document.text[report.span] == "delaying the vote again would cost the port dearly")
    #expect(report.speaker.flatMap { id in document.entities.first { $0.id == id }?.name } == "Odile Marsh")
}

@Test func aYearBeforeAVerbOfSayingStillReports() throws {
    let document = try analyze("Odile Marsh, who in 2019 said the port would close, now runs it.", names: ["Odile Marsh": "PER"])
    #expect(document.quotes.contains { $0.kind == .indirect && document.text[$0.span].hasPrefix("the port would close") })
}

@Test(arguments: notSpeech.indices)
func wordsThatOnlyLookLikeSpeechAreNoIndirectQuote(index: Int) throws {
    let row = notSpeech[index]
    let document = try analyze(row.text, names: row.names)
    #expect(!document.quotes.contains { $0.kind == .indirect }, "\(row.name)")
}
