@testable import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Testing

// The learned tagger of reported content no rule finds, trained on invented articles. Every
// name and sentence here is made up.

/// The document of `text` analysed with the list tagger and `content` as the quote stage's
/// content tagger (nil: none, as the tagger's own training reads articles).
private func analyze(_ text: String, content: ContentTagger?) throws -> Document {
    var document = try PlainTextReader().read(SourceDocument(uri: "t.txt", bytes: Array(text.utf8)))
    let pipeline = try Pipeline([
        TokenizeStage(), SentenceStage(), TimeStage(), EntityStage(tagger: ListTagger([:])), RoleStage(), CoreferenceStage(),
        QuoteStage(ranker: nil, content: content),
    ])
    pipeline.run(on: &document)
    return document
}

/// Articles in which "reckon", a word no rule lists and whose subjects name no one, reports
/// what old records hold; each attribution is the cue and the content after it.
private func reckoningCorpus() throws -> [(text: String, attributions: [AnnotatedArticle.Attribution])] {
    let sentences = [
        ("Harbour logs reckon the pier needs new pilings every decade.", "the pier needs new pilings every decade"),
        ("Parish ledgers reckon the ferry ran late all through that winter.", "the ferry ran late all through that winter"),
        ("Tide tables reckon the channel silts up before the spring floods.", "the channel silts up before the spring floods"),
        ("Old charts reckon the bridge tolls paid for the new lighthouse.", "the bridge tolls paid for the new lighthouse"),
    ]
    let filler = "The morning was grey and the boats stayed in."
    return sentences.indices.map { i in
        let (first, second) = (sentences[i], sentences[(i + 1) % sentences.count])
        let text = [first.0, filler, second.0].joined(separator: " ")
        let bytes = Array(text.utf8)
        func span(_ words: String, after start: Int) -> Span {
            let needle = Array(words.utf8)
            let at = (start...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle }!
            return Span(at, at + needle.count)
        }
        let firstCue = span("reckon", after: 0), secondCue = span("reckon", after: firstCue.end)
        return (text, [
            AnnotatedArticle.Attribution(source: [], cue: [firstCue], content: [span(first.1, after: firstCue.end)]),
            AnnotatedArticle.Attribution(source: [], cue: [secondCue], content: [span(second.1, after: secondCue.end)]),
        ])
    }
}

/// A model trained on the reckoning corpus, every word inside a gold cue once a cue word.
private func trainedModel() throws -> [UInt8] {
    var options = ContentTaggerTrainer.Options()
    options.rarestCue = 1
    var trainer = ContentTaggerTrainer(options: options)
    for article in try reckoningCorpus() {
        trainer.add(try analyze(article.text, content: nil), attributions: article.attributions)
    }
    return trainer.model(about: "invented test articles")
}

private func learnedContent(in document: Document) -> [String] {
    document.quotes.filter { $0.provenance.rule == QuoteRule.learnedContent.rawValue }.map { String(document.text[$0.span]) }
}

@Test func trainingTheContentTaggerTwiceGivesTheSameModelBytes() throws {
    let first = try trainedModel()
    #expect(try trainedModel() == first)
    #expect(DataFile(first).rows.contains { $0 == ["cue", "reckon", "1000"] })
}

@Test func theContentTaggerReportsWhatALearnedCueIntroducesInAnUnseenSentence() throws {
    #expect(SpeechText.cueWords["reckon"] == nil)
    let tagger = ContentTagger(DataFile(try trainedModel()))
    let text = "Ship manifests reckon the old quay flooded twice in one autumn."
    #expect(learnedContent(in: try analyze(text, content: nil)).isEmpty)
    let document = try analyze(text, content: tagger)
    #expect(learnedContent(in: document) == ["the old quay flooded twice in one autumn"])
    let quote = try #require(document.quotes.first { $0.provenance.rule == QuoteRule.learnedContent.rawValue })
    #expect(quote.kind == Quote.Kind.indirect)
    #expect(quote.speaker == nil)
    #expect(quote.cue == "reckon")
}

@Test func theContentTaggerAddsNothingWhereAReportIsAlreadyFound() throws {
    let tagger = ContentTagger(DataFile(try trainedModel()))
    let document = try analyze("Ship manifests said the old quay flooded twice in one autumn.", content: tagger)
    #expect(document.quotes.count == 1)
    #expect(learnedContent(in: document).isEmpty)
}

@Test func aSentenceWithoutACueWordIsNotTagged() throws {
    let tagger = ContentTagger(DataFile(try trainedModel()))
    #expect(learnedContent(in: try analyze("The old quay flooded twice in one autumn.", content: tagger)).isEmpty)
}
