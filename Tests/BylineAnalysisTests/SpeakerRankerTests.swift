@testable import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Foundation
import Testing

// The learned ranking of candidate speakers, its training and the annotated articles it learns
// from. Every name and sentence here is made up.

/// An invented article annotated as PolNeAR is: each quoted stretch is an attribution's content
/// and `source` is its Source, written in brat standoff with Unicode scalar offsets.
private func annotated(_ name: String, _ text: String, quotes: [(content: String, source: String)]) throws -> AnnotatedArticle {
    var lines: [String] = []
    func offsets(_ piece: String) throws -> (Int, Int) {
        let range = try #require(text.range(of: piece))
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        return (start, start + piece.unicodeScalars.count)
    }
    for (i, quote) in quotes.enumerated() {
        let (cs, ce) = try offsets(quote.content), (ss, se) = try offsets(quote.source)
        lines += ["T\(2 * i + 1)\tContent \(cs) \(ce)\t\(quote.content)", "T\(2 * i + 2)\tSource \(ss) \(se)\t\(quote.source)",
                  "E\(i + 1)\tAttribution:T\(2 * i + 1) Content:T\(2 * i + 1) Source:T\(2 * i + 2)"]
    }
    return try AnnotatedArticle(name: name, text: text, annotations: lines.joined(separator: "\n"))
}

private let trainingArticles: [(text: String, names: [String: String], quotes: [(content: String, source: String)])] = [
    ("Mayor Ilse Varga spoke to Harbor Radio on Monday.\n\n\"The ferry will run all winter,\" she said.",
     ["Ilse Varga": "PER", "Harbor Radio": "ORG"], [("The ferry will run all winter,", "she")]),
    ("Tomas Reyl met the board of Kestrel Lines.\n\n\"We have no money for new ships,\" Reyl told reporters.",
     ["Tomas Reyl": "PER", "Kestrel Lines": "ORG"], [("We have no money for new ships,", "Reyl")]),
    ("The council heard from Dana Ostrow and Piet Lamm.\n\nOstrow said the fares were \"far too high\" for families.",
     ["Dana Ostrow": "PER", "Piet Lamm": "PER"], [("far too high", "Ostrow")]),
    ("Harbor Radio reached Nell Fosse on Friday.\n\n\"The pier is safe,\" Fosse said.",
     ["Harbor Radio": "ORG", "Nell Fosse": "PER"], [("The pier is safe,", "Fosse")]),
]

private func trainingSet() throws -> [(article: AnnotatedArticle, document: Document)] {
    try trainingArticles.enumerated().map { i, row in
        (try annotated("a\(i)", row.text, quotes: row.quotes), try analyze(row.text, names: row.names))
    }
}

@Test func trainingTwiceOnTheSameArticlesGivesTheSameModelFile() throws {
    let first = SpeakerRankerTrainer().train(try trainingSet()).fileText(header: ["test"])
    let second = SpeakerRankerTrainer().train(try trainingSet()).fileText(header: ["test"])
    #expect(first == second)
    #expect(first.contains("\nweight\t"), "the model learned no weights")
    #expect(first.contains("\ncalibration\t"), "the model has no calibration")
}

@Test func theModelFileReadsBackAsTheSameRanker() throws {
    let ranker = SpeakerRankerTrainer().train(try trainingSet())
    let text = ranker.fileText(header: ["test"])
    let again = SpeakerRanker(DataFile(Array(text.utf8)))
    #expect(again.fileText(header: ["test"]) == text)
}

@Test func theRankerPicksTheCandidateWithTheHigherScore() throws {
    let ranker = SpeakerRanker(weights: ["type=ORG": 2, "type=PERSON": -1], calibration: [(0, 0.4), (0.9, 0.96)])
    let candidates = [
        SpeakerCandidate(entity: 0, mention: nil, features: ["type=PERSON"]),
        SpeakerCandidate(entity: 1, mention: nil, features: ["type=ORG"]),
    ]
    let best = try #require(ranker.best(of: candidates))
    #expect(best.index == 1)
    // exp(2) / (exp(2) + exp(-1)) = 0.953: above the second step of the calibration.
    #expect(abs(best.share - 0.9526) < 0.001)
    #expect(best.probability == 0.96)
    #expect(ranker.probability(ofShare: 0.5) == 0.4)
}

@Test func theCalibrationNeverFallsAsTheShareRises() {
    let points: [(share: Double, right: Bool)] = [(0.3, true), (0.4, false), (0.5, false), (0.6, true), (0.7, false), (0.9, true), (0.95, true)]
    let steps = SpeakerRankerTrainer.isotonic(points)
    #expect(steps.count >= 2)
    #expect(zip(steps, steps.dropFirst()).allSatisfy { $0.probability <= $1.probability && $0.share < $1.share })
}

/// The document of `text` analysed with `ranker` deciding speakers the sieves are not sure of.
private func analyze(_ text: String, names: [String: String], ranker: SpeakerRanker) throws -> Document {
    var document = try PlainTextReader().read(SourceDocument(uri: "t.txt", bytes: Array(text.utf8)))
    let pipeline = try Pipeline([
        TokenizeStage(), SentenceStage(), TimeStage(), EntityStage(tagger: ListTagger(names)), RoleStage(), CoreferenceStage(),
        QuoteStage(ranker: ranker),
    ])
    pipeline.run(on: &document)
    return document
}

/// A ranker that always prefers organisations, and is sure of it.
private let organisationsFirst = SpeakerRanker(weights: ["type=ORG": 10], calibration: [(0, 0.999)])

/// One row: an article, the names the tagger knows, the quoted words, and the rule and speaker
/// they end with when a ranker sure to prefer organisations weighs their candidates.
private let rankedQuotes: [(name: String, text: String, names: [String: String], quote: String, rule: String, speaker: String)] = [
    ("a certain rule keeps its speaker whatever the ranker prefers",
     "Harbor Radio asked about the fares.\n\n\"Fares will not rise,\" said Mayor Ilse Varga.",
     ["Harbor Radio": "ORG", "Ilse Varga": "PER"], "Fares will not rise,", "cue-after-quote/said-name", "Ilse Varga"),
    ("a signature keeps its speaker whatever the ranker prefers",
     "Harbor Radio asked readers about the fares.\n\n\"Fares must not rise.\" ― Ilse Varga",
     ["Harbor Radio": "ORG", "Ilse Varga": "PER"], "Fares must not rise.", "dash-signature", "Ilse Varga"),
    // A cue before the quote names its subject, a rule measured right 91% of the time.
    ("the ranker overrules a rule it is surer than",
     "Ilse Varga told Kestrel Lines on Monday: \"The ships are old.\"",
     ["Kestrel Lines": "ORG", "Ilse Varga": "PER"], "The ships are old.", "speaker-ranker", "Kestrel Lines"),
]

@Test(arguments: rankedQuotes.indices)
func theRankerDecidesWhereNoRuleIsCertain(index: Int) throws {
    let row = rankedQuotes[index]
    let document = try analyze(row.text, names: row.names, ranker: organisationsFirst)
    let quote = try #require(document.quotes.first { document.text[$0.span] == row.quote }, "\(row.name)")
    #expect(quote.provenance.rule == row.rule, "\(row.name)")
    #expect(quote.speaker == document.entities.first { $0.name == row.speaker }?.id, "\(row.name)")
    if row.rule == "speaker-ranker" { #expect(quote.confidence > 0.99, "\(row.name)") }
}

@Test func anAnnotatedArticleKeepsFragmentsAndCountsOffsetsInCharacters() throws {
    // "é" is one character and two bytes: the brat offsets count it once, the spans twice.
    let text = "Renée Lund said \"the pier is closed\" and \"nobody knows why.\""
    let annotations = "T1\tSource 0 10\tRenée Lund\nT2\tContent 17 35;42 58\tthe pier is closed nobody knows why\nE1\tAttribution:T3 Content:T2 Source:T1"
    let article = try AnnotatedArticle(name: "x", text: text, annotations: annotations)
    let attribution = try #require(article.attributions.first)
    let utf8 = Array(text.utf8)
    func words(_ span: Span) -> String { String(decoding: utf8[span.start..<span.end], as: UTF8.self) }
    #expect(attribution.source.map(words) == ["Renée Lund"])
    #expect(attribution.content.map(words) == ["the pier is closed", "nobody knows why"])
    #expect(attribution.contentExtent.map(words) == "the pier is closed\" and \"nobody knows why")
}

@Test func anOffsetPastTheTextIsAClearError() {
    #expect(throws: BylineError.self) {
        try AnnotatedArticle(name: "x", text: "Short.", annotations: "T1\tContent 0 40\tShort.\nE1\tContent:T1")
    }
}
