import BylineCore
import BylineExtract
import BylineSource
import Testing

@Test func plainTextIsTakenVerbatim() throws {
    let input = "  First paragraph,\nwrapped.\r\n\r\n\n Second — paragraph. \n"
    let document = try PlainTextReader().read(SourceDocument(uri: "a.txt", bytes: Array(input.utf8)))
    #expect(document.text == input)
    #expect(document.paragraphs.map { String(document.text[$0.span]) } == ["First paragraph,\nwrapped.", "Second — paragraph."])
    #expect(document.removed.isEmpty)
}

@Test func publishedOptionOverridesTheDocumentsDate() throws {
    let options = ReadOptions(plain: true, published: DateStamp(parsing: "2025-01-02"))
    let document = try Extractor(options: options).extract(SourceDocument(uri: "a.txt", bytes: Array("Some text.".utf8)))
    #expect(document.metadata.published?.iso == "2025-01-02")
    #expect(document.metadata.filledBy["published"]?.rule == "--published")
}
