@testable import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Testing

// Reported speech closed by its reporting clause, speakers named by a description ("the
// company"), and names the tagger ran into an opening gerund or cut short. Every name and
// sentence here is made up.

private func speakerName(of quote: Quote, in document: Document) -> String? {
    quote.speaker.flatMap { id in document.entities.first { $0.id == id }?.name }
}

/// One row: an article, the names the tagger knows, the reported words and their speaker.
private let trailingClauses: [(name: String, text: String, names: [String: String], said: String, speaker: String)] = [
    ("a speaker with an aside opens the sentence and the report follows the cue",
     "Vera Holm, a lawyer for the dock workers, said the harbour fees had doubled since March.",
     ["Vera Holm": "PER"], "the harbour fees had doubled since March", "Vera Holm"),
    ("a capitalised title of a place set off by commas is an aside",
     "Vera Holm, Democrat of Westmark, said the harbour fees had doubled since March.",
     ["Vera Holm": "PER", "Westmark": "LOC"], "the harbour fees had doubled since March", "Vera Holm"),
    ("a quoted title set off by commas is an aside",
     "Vera Holm, the author of the yearly survey, \"Harbours in Decline\", said the harbour fees had doubled since March.",
     ["Vera Holm": "PER"], "the harbour fees had doubled since March", "Vera Holm"),
    ("what was said ends before a second cue of the same speaker",
     "Vera Holm said the harbour fees had doubled since March, and called the new berth \"a waste of money\".",
     ["Vera Holm": "PER"], "the harbour fees had doubled since March", "Vera Holm"),
    ("a home town and its state set off by commas are asides",
     "Tomas Berg, of Dayton, Ohio, said the harbour fees had doubled since March.",
     ["Tomas Berg": "PER", "Dayton": "LOC", "Ohio": "LOC"], "the harbour fees had doubled since March", "Tomas Berg"),
    ("a speaker with an aside opens the sentence and words the verb lists lack follow the cue",
     "Vera Holm, an associate director at the Westmark Institute, said parents still want smaller schools.",
     ["Vera Holm": "PER", "Westmark Institute": "ORG"], "parents still want smaller schools", "Vera Holm"),
    ("what was said ends before a participle cue of the same speaker",
     "Vera Holm said the harbour fees had doubled since March, adding that the new berth would open in May.",
     ["Vera Holm": "PER"], "the harbour fees had doubled since March", "Vera Holm"),
    ("a participle cue after what was said reports for the same speaker",
     "Vera Holm said the harbour fees had doubled since March, adding that the new berth would open in May.",
     ["Vera Holm": "PER"], "the new berth would open in May", "Vera Holm"),
    ("a plural's possessive mark in an aside is no quotation mark",
     "Vera Holm, head of the Dock Workers' Union, said the harbour fees had doubled since March.",
     ["Vera Holm": "PER"], "the harbour fees had doubled since March", "Vera Holm"),
    ("a participle's phrase set off by commas is an aside",
     "Vera Holm, speaking to dock workers in the north, said the harbour fees had doubled since March.",
     ["Vera Holm": "PER"], "the harbour fees had doubled since March", "Vera Holm"),
    ("an inverted clause with an aside after the name closes the sentence",
     "The night ferry will stop running in winter, said Olek Brand, the port's head of operations.",
     ["Olek Brand": "PER"], "The night ferry will stop running in winter", "Olek Brand"),
    ("a reporting clause with words after it that have no verb",
     "The night ferry will stop running in winter, Olek Brand said, three days after the vote.",
     ["Olek Brand": "PER"], "The night ferry will stop running in winter", "Olek Brand"),
    ("an inverted clause ends an article that has no closing punctuation",
     "The night ferry will stop running in winter, said Olek Brand",
     ["Olek Brand": "PER"], "The night ferry will stop running in winter", "Olek Brand"),
    ("a participle cue after a comma reports for the subject of the clause before it",
     "Vera Holm defended the harbour fees on Monday, saying they would pay for the new berth.",
     ["Vera Holm": "PER"], "they would pay for the new berth", "Vera Holm"),
    ("a cue after \"and\" reports for the subject of the verb before it",
     "Vera Holm thanked the crowd on the north quay and said the harbour fees had doubled since March.",
     ["Vera Holm": "PER"], "the harbour fees had doubled since March", "Vera Holm"),
    ("a long source after an opening according to",
     "According to the yearly report of the Westmark Harbour Board and its outside auditors, traffic fell by a third last year.",
     ["Westmark Harbour Board": "ORG"], "traffic fell by a third last year", "Westmark Harbour Board"),
    ("a source after according to",
     "Traffic through the outer harbour fell by a third last year, according to Tallow Freight.",
     ["Tallow Freight": "ORG"], "Traffic through the outer harbour fell by a third last year", "Tallow Freight"),
]

@Test(arguments: trailingClauses.indices)
func reportedSpeechIsWhatItsReportingClauseReports(index: Int) throws {
    let row = trailingClauses[index]
    let document = try analyze(row.text, names: row.names)
    let quote = try #require(document.quotes.first { $0.kind == .indirect && document.text[$0.span] == row.said }, "\(row.name)")
    #expect(speakerName(of: quote, in: document) == row.speaker, "\(row.name)")
}

@Test func aReportingClauseInTheMiddleLeavesWhatFollowsItInTheReport() throws {
    let document = try analyze("The new berth on the north quay, Olek Brand said, would open in May.", names: ["Olek Brand": "PER"])
    let quote = try #require(document.quotes.first { $0.kind == .indirect })
    #expect(document.text[quote.span].contains("would open in May"))
}

/// One row: an article, the names the tagger knows, the quoted words and the entity the
/// description that reports them stands for.
private let descriptions: [(name: String, text: String, names: [String: String], quote: String, speaker: String)] = [
    ("\"the company\" is the company named last",
     "Tallow Freight denied the report on Monday.\n\n\"We have never moved cargo at night,\" the company said.",
     ["Tallow Freight": "ORG"], "We have never moved cargo at night,", "Tallow Freight"),
    ("a company's name before a noun describes the noun, not the company the story is about",
     "The Harbor Guild criticised a Tallow Freight documentary.\n\n\"The film leaves out the dockers,\" the group said.",
     ["Harbor Guild": "ORG", "Tallow Freight": "ORG"], "The film leaves out the dockers,", "Harbor Guild"),
    ("\"the ministry\" is the ministry named last",
     "The Ministry of Fisheries set new quotas. Tallow Freight welcomed them.\n\n\"Boats must report daily,\" the ministry said.",
     ["Ministry of Fisheries": "ORG", "Tallow Freight": "ORG"], "Boats must report daily,", "Ministry of Fisheries"),
    ("a company named before \"of\" is the company \"the company\" stands for",
     "The guild accused Tallow Freight of hiding losses.\n\n\"We hide nothing,\" the company said.",
     ["Tallow Freight": "ORG"], "We hide nothing,", "Tallow Freight"),
    ("\"it\" signing a quotation after a letter was named stands for the letter's sender",
     "The Harbor Guild sent a letter this week urging the Port Council to repair the piers.\n\n\"The piers are unsafe and the Port Council knows it,\" it read.",
     ["Harbor Guild": "ORG", "Port Council": "ORG"], "The piers are unsafe and the Port Council knows it,", "Harbor Guild"),
    ("a hyphenated adverb after \"the company\" is no part of the description",
     "Tallow Freight was accused of hiding losses.\n\nThe company all-out rejected the claim in a statement.\n\n\"Our books are open,\" the statement read.",
     ["Tallow Freight": "ORG"], "Our books are open,", "Tallow Freight"),
]

@Test(arguments: descriptions.indices)
func aDescriptionStandsForTheEntityNamedBefore(index: Int) throws {
    let row = descriptions[index]
    let document = try analyze(row.text, names: row.names)
    let quote = try #require(document.quotes.first { document.text[$0.span] == row.quote }, "\(row.name)")
    #expect(speakerName(of: quote, in: document) == row.speaker, "\(row.name)")
}

@Test func aDescriptionWithNoOneOfItsKindNamedBeforeHasNoEntity() throws {
    let document = try analyze(
        "Vera Holm spoke first.\n\n\"The fees will rise,\" the company said.", names: ["Vera Holm": "PER"])
    let quote = try #require(document.quotes.first)
    #expect(quote.speaker == nil)
}

/// One row: an article, the names the tagger reads (a gerund or a quantifier run into one), and
/// the name the person's entity must have.
private let openingWords: [(name: String, text: String, names: [String: String], person: String)] = [
    ("a gerund opening the sentence is no part of the name",
     "Hosting Ilka Thorsby at the fair was an honour, the organisers said.", ["Hosting Ilka Thorsby": "PER"], "Ilka Thorsby"),
    ("a given name ending in -ing stays",
     "Sterling Oduya opened the fair on Monday.", ["Sterling Oduya": "PER"], "Sterling Oduya"),
    ("a preposition opening the sentence is no part of a person's name",
     "To Ilka Thorsby, the fair was an honour.", ["To Ilka Thorsby": "PER"], "Ilka Thorsby"),
    ("a quantifier opening the sentence is no part of a person's name",
     "Both Oduya, a farmer, and the mayor opened the fair on Monday.", ["Both Oduya": "PER"], "Oduya"),
]

@Test(arguments: openingWords.indices)
func aNameDoesNotOpenWithAGerundOrAQuantifier(index: Int) throws {
    let row = openingWords[index]
    let document = try analyze(row.text, names: row.names)
    #expect(document.entities.contains { $0.type == .person && $0.name == row.person }, "\(row.name)")
}

/// Tags fixed words in fixed sentences: a tagger that reads a name in full in one sentence and
/// cuts it short in another.
private struct SentenceTagger: NameTagger {
    /// By sentence index: the words of each name and its type.
    let names: [Int: [(words: [String], type: NameType)]]

    func names(document sentences: [[String]]) -> [[TaggedName]] {
        sentences.enumerated().map { s, words in
            (names[s] ?? []).compactMap { name in
                let i = words.indices.first { i in i + name.words.count <= words.count && Array(words[i..<(i + name.words.count)]) == name.words }
                return i.map { TaggedName(tokens: $0..<($0 + name.words.count), type: name.type) }
            }
        }
    }
}

@Test func aNameCutShortOfItsFirstWordTakesTheFullNameNamedElsewhere() throws {
    var document = try PlainTextReader().read(SourceDocument(
        uri: "t.txt", bytes: Array("The label that owns her songs, Tallow Machine, says she may sing them. She left Tallow Machine in May.".utf8)))
    let tagger = SentenceTagger(names: [0: [(["Machine"], .person)], 1: [(["Tallow", "Machine"], .organisation)]])
    try Pipeline([TokenizeStage(), SentenceStage(), TimeStage(), EntityStage(tagger: tagger)]).run(on: &document)
    #expect(!document.entities.contains { $0.name == "Machine" })
    let label = try #require(document.entities.first { $0.name == "Tallow Machine" })
    #expect(label.type == EntityType.organisation)
    #expect(label.mentions.count == 2)
}
