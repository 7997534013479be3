@testable import BylineAnalysis
import BylineCore
import Foundation
import Testing

// The reader of attributions annotated in brat standoff, and the learned attribution cue
// detector trained on such articles. Every name and sentence here is made up.

/// An annotated article: `text` and one attribution per (cue, content) pair of words in it,
/// each found from where the words before it were, offsets in Unicode scalars as brat writes them.
private func annotated(_ name: String, _ text: String, _ attributions: [(cue: String, content: String)]) throws -> AnnotatedArticle {
    var from = text.startIndex
    func offsets(_ words: String) -> String {
        let range = text.range(of: words, range: from..<text.endIndex)!
        from = range.lowerBound
        let start = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: range.lowerBound)
        return "\(start) \(start + words.unicodeScalars.count)"
    }
    var lines: [String] = []
    for (i, attribution) in attributions.enumerated() {
        lines.append("T\(2 * i + 1)\tCue \(offsets(attribution.cue))\t\(attribution.cue)")
        lines.append("T\(2 * i + 2)\tContent \(offsets(attribution.content))\t\(attribution.content)")
        lines.append("E\(i + 1)\tCue:T\(2 * i + 1) Content:T\(2 * i + 2)")
    }
    return try AnnotatedArticle(name: name, text: text, annotations: lines.joined(separator: "\n"))
}

/// A small corpus in which "reckons", a word no rule lists as a cue, reports what people think.
private func reckoningCorpus() throws -> [AnnotatedArticle] {
    let sentences = [
        ("The harbour master reckons the pier needs new pilings.", "the pier needs new pilings"),
        ("Ana Ruiz reckons the ferry will run late all winter.", "the ferry will run late all winter"),
        ("The union reckons the new rota is unfair to night staff.", "the new rota is unfair to night staff"),
        ("Olek Brand reckons the bridge tolls will rise in spring.", "the bridge tolls will rise in spring"),
    ]
    return try sentences.indices.map { i in
        let (first, second) = (sentences[i], sentences[(i + 1) % sentences.count])
        return try annotated("article\(i)", first.0 + " " + second.0, [("reckons", first.1), ("reckons", second.1)])
    }
}

/// A model trained on `articles`, analysed with the names they hold known to the tagger.
private func trainedModel(on articles: [AnnotatedArticle]) throws -> [UInt8] {
    var options = AttributionCueTrainer.Options()
    (options.folds, options.binSize, options.rarestFeature) = (2, 2, 1)
    var trainer = AttributionCueTrainer(articles: articles, options: options)
    for article in articles {
        let document = try analyze(article.text, names: ["Ana Ruiz": "PER", "Olek Brand": "PER"])
        trainer.add(document, cues: article.attributions.flatMap(\.cue))
    }
    return trainer.model(about: "invented test articles")
}

@Test func trainingTwiceOnTheSameArticlesGivesTheSameModelBytes() throws {
    let articles = try reckoningCorpus()
    let first = try trainedModel(on: articles)
    #expect(try trainedModel(on: articles) == first)
    #expect(DataFile(first).rows.contains { $0.first == "w=reckons" })
}

@Test func aCueNoRuleListsIsFoundOnceTheModelHasLearnedIt() throws {
    #expect(SpeechText.cueWords["reckons"] == nil)
    let cues = AttributionCues(DataFile(try trainedModel(on: try reckoningCorpus())))
    let document = try analyze("Vera Holm reckons the storm will pass by noon.", names: ["Vera Holm": "PER"])
    let context = QuoteContext(document: document, facts: FactText(document))
    let reports = cues.reports(in: try #require(document.sentences.first).tokens, context: context, besides: [])
    let report = try #require(reports.first)
    #expect(document.text[report.span] == "the storm will pass by noon")
    #expect(report.attribution.cue == "reckons")
    #expect(report.attribution.rule == .indirectLearnedCue)
    #expect(report.attribution.entity.map { document.entities[$0].name } == "Vera Holm")
}

@Test func aLearnedCueWhoseSubjectNamesNoOneReportsWithTheSubjectAsItsSource() throws {
    let cues = AttributionCues(DataFile(try trainedModel(on: try reckoningCorpus())))
    let document = try analyze("The port's own survey reckons the storm will pass by noon.", names: [:])
    let context = QuoteContext(document: document, facts: FactText(document))
    let reports = cues.reports(in: try #require(document.sentences.first).tokens, context: context, besides: [])
    let report = try #require(reports.first)
    #expect(document.text[report.span] == "the storm will pass by noon")
    #expect(report.attribution.entity == nil)
    #expect(report.attribution.mention.map { document.text[$0] }?.hasSuffix("survey") == true)
}

@Test func annotationsReadFragmentsAsByteSpansPastCharactersThatAreNotASCII() throws {
    // "é" and "—" take two and three bytes but one offset each in brat.
    let text = "Café owners — the guild said — want longer hours."
    let annotations = """
        T1\tSource 0 11\tCafé owners
        T2\tCue 18 28\tguild said
        T3\tContent 0 4;31 48\tCafé want longer hours
        E1\tSource:T1 Cue:T2 Content:T3
        """
    let article = try AnnotatedArticle(name: "cafe", text: text, annotations: annotations)
    let attribution = try #require(article.attributions.first)
    let bytes = Array(text.utf8)
    #expect(attribution.content.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["Café", "want longer hours"])
    #expect(attribution.cue.map { String(decoding: bytes[$0.start..<$0.end], as: UTF8.self) } == ["guild said"])
    #expect(attribution.contentExtent == Span(0, bytes.count - 1))
}

@Test func anOffsetPastTheTextIsAnErrorNamingItsAnnotationLine() {
    #expect {
        try AnnotatedArticle(name: "short", text: "Ortiz said no.", annotations: "T1\tCue 6 40\tsaid")
    } throws: { error in
        "\(error)".contains("annotation line 1") && "\(error)".contains("not inside the text")
    }
}

@Test func aFeatureSpelledInPartsWeighsWhatItsWholeNameWeighs() {
    let weights = FeatureWeights([(FeatureScore.hash("l+n=worry about"), 250), (FeatureScore.hash("b"), -40)])
    var score = FeatureScore(weights: weights)
    score.add("l+n=", "worr", "y", " ", "about")
    score.add("b")
    score.add("p=", "unseen")
    #expect(score.total == 210)
}
