import BylineNER
import Testing

// Sentences written for these tests (not from CoNLL-2003).

@Test func peopleAreTagged() throws {
    let found = try entities(["Maria Delgado , the new finance minister , said on Tuesday that taxes would rise ."])
    #expect(found.contains { $0 == ("Maria Delgado", "PER") })
}

@Test func organisationsAreTagged() throws {
    let found = try entities(["Shares of Volkswagen fell 3 percent after the International Monetary Fund cut its forecast ."])
    #expect(found.contains { $0 == ("Volkswagen", "ORG") })
    #expect(found.contains { $0 == ("International Monetary Fund", "ORG") })
}

@Test func placesAreTagged() throws {
    let found = try entities(["Several tourists were stranded in Lisbon after flights to Argentina were cancelled ."])
    #expect(found.contains { $0 == ("Lisbon", "LOC") })
    #expect(found.contains { $0 == ("Argentina", "LOC") })
}

@Test func otherNamesAreTagged() throws {
    let found = try entities(["The Canadian embassy said two Danish citizens were safe ."])
    #expect(found.contains { $0 == ("Canadian", "MISC") })
    #expect(found.contains { $0 == ("Danish", "MISC") })
}

@Test func tagsFollowTheShapeOfTheInput() throws {
    let document = [tokens("Tom Hollis joined Barclays in 1994 ."), [], tokens("He left .")]
    let tags = try NERModel.shared.tag(document: document)
    #expect(tags.map(\.count) == [7, 0, 3])
    #expect(tags[0] == ["B-PER", "I-PER", "O", "B-ORG", "O", "O", "O"])
    #expect(try NERModel.shared.tag(document: []).isEmpty)
}

@Test func namesComeAsTypedTokenRangesOfTheirSentence() throws {
    let document = [tokens("Tom Hollis joined Barclays in 1994 ."), [], tokens("He left for Lisbon .")]
    let names = try NERModel.shared.entities(document: document)
    #expect(names.map(\.count) == [2, 0, 1])
    #expect(names[0] == [EntitySpan(start: 0, end: 2, type: .person), EntitySpan(start: 3, end: 4, type: .organization)])
    #expect(names[2] == [EntitySpan(start: 3, end: 4, type: .location)])
}

@Test func aNameKeepsItsTypeAcrossTheDocument() throws {
    // Alone, "Kessler" before "to raise its dividend" reads as a person; the document's first
    // sentence shows it is a company, and the second pass carries that over.
    let alone = "Analysts expect Kessler to raise its dividend ."
    #expect(try entities([alone]).map(\.type) == ["PER"])
    let found = try entities(["Kessler Holdings said quarterly profits rose 12 percent .", alone])
    #expect(found.map(\.type) == ["ORG", "ORG"])
    #expect(found.first?.text == "Kessler Holdings")
}

@Test func unusualTokensDoNotDisturbTagging() throws {
    let document = [["\u{200B}", "Zoë", "Ünal", "visited", "東京", "\u{202E}abc", "—", ""]]
    let tags = try NERModel.shared.tag(document: document)
    #expect(tags[0].count == document[0].count)
    #expect(tags[0].allSatisfy { $0 == "O" || $0.hasPrefix("B-") || $0.hasPrefix("I-") })
}

@Test func aLowerCaseWordBetweenCapitalisedOnesIsStillReadByTheModel() throws {
    // Ordinary lower-case words are settled as outside any name without scoring; one next to a
    // capitalised word is not ordinary and may join the name.
    let found = try entities(["Flights left from Charles de Gaulle airport on time ."])
    #expect(found.contains { $0.text == "Charles de Gaulle" })
}

@Test func aDocumentIsTaggedAsIfNoOtherHadBeenTaggedBefore() throws {
    // A model keeps the sums of each word's own features across the documents it tags: words
    // met before, in other sentences and in capitals, must not change what a fresh model says.
    let document = [tokens("Ana Moreno of Harlow Bank met Lee Park in Dublin ."), tokens("Moreno said Harlow would grow .")]
    let fresh = try NERModel(bytes: NERModel.shared.fileBytes).tag(document: document)
    let model = try NERModel(bytes: NERModel.shared.fileBytes)
    _ = model.tag(document: [tokens("Harlow , Moreno and Dublin were named in the Park report .")])
    _ = model.tag(document: [tokens("DUBLIN BANK SAYS MORENO LEFT HARLOW")])
    #expect(model.tag(document: document) == fresh)
    #expect(fresh[0].contains("B-PER"))
}
