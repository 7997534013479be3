import BylineAnalysis
import BylineCore
import Testing

@Test func theViewReadsEachTokenOnceWithItsParagraphAndSentence() throws {
    let document = try analyze("Mayor Ana Ruiz spoke. Rain FELL.\n\nShe left.", names: ["Ana Ruiz": "PER"])
    let words = document.view.words
    #expect(words.map(\.key) == ["mayor", "ana", "ruiz", "spoke", ".", "rain", "fell", ".", "she", "left", "."])
    #expect(words.map(\.paragraph) == [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1])
    #expect(words.map(\.sentence) == [0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2])
    #expect(words[0].capitalised && words[0].alphabetic && !words[4].alphabetic)
}

@Test func theViewKnowsWhichMentionEachTokenBelongsTo() throws {
    let document = try analyze("Mayor Ana Ruiz spoke. Ruiz left.", names: ["Ana Ruiz": "PER", "Ruiz": "PER"])
    let ruiz = try #require(document.entities.firstIndex { $0.name == "Ana Ruiz" })
    #expect(document.view.mention(at: 0) == nil)
    #expect(document.view.mention(at: 1) == MentionReference(entity: ruiz, tokens: 1..<3))
    #expect(document.view.mention(at: 5)?.tokens == 5..<6)
}

@Test func aMentionAddedToAnEntityJoinsTheViewInTextOrder() throws {
    var document = try analyze("Ana Ruiz spoke. She left. Ruiz won.", names: ["Ana Ruiz": "PER", "Ruiz": "PER"])
    let she = try #require(document.view.words.firstIndex { $0.key == "she" })
    let span = document.view.words[she].span
    let pronoun = Mention(span: span, provenance: Provenance(stage: "test", rule: "pronoun"))
    let added = document.addMention(pronoun, to: 0)
    let addedAgain = document.addMention(pronoun, to: 0)
    #expect(added && !addedAgain)
    #expect(document.entities[0].mentions.map { String(document.text[$0.span]) } == ["Ana Ruiz", "She", "Ruiz"])
    #expect(document.view.mention(at: she) == MentionReference(entity: 0, tokens: she..<(she + 1)))
}
