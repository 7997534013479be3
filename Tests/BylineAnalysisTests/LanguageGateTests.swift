import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import Testing

/// Reads `text` as a plain-text article and runs the whole analysis on it.
private func analyzed(_ text: String) throws -> Document {
    var document = try PlainTextReader().read(SourceDocument(uri: "t.txt", bytes: Array(text.utf8)))
    try Analysis.pipeline().run(on: &document)
    return document
}

@Test func anArticleInAnotherLanguageGetsSentencesButNoEnglishFacts() throws {
    let document = try analyzed("""
        Die Ministerin Anna Keller sagte am Montag in Berlin, dass die Regierung mit der Opposition über den neuen \
        Haushalt sprechen wolle. „Wir sind für alle Gespräche offen“, sagte sie. Die Gespräche sollen im März beginnen, \
        und nach Angaben des Ministeriums wird es um mehr als zwei Milliarden Euro gehen.
        """)
    #expect(document.sentences.count == 3)
    #expect(document.entities.isEmpty && document.quotes.isEmpty && document.times.isEmpty && document.quantities.isEmpty)
    #expect(document.warnings.contains { $0.hasPrefix("written in 'de': times, entities,") })
}

@Test func anEnglishArticleIsAnalysed() throws {
    let document = try analyzed("""
        Minister Anna Keller said on Monday in Berlin that the government wanted to talk with the opposition about the \
        new budget. "We are open to all talks," she said. The talks are to begin in March.
        """)
    #expect(document.entities.contains { $0.name == "Anna Keller" })
    #expect(!document.quotes.isEmpty && !document.times.isEmpty)
    #expect(document.warnings.isEmpty)
}
