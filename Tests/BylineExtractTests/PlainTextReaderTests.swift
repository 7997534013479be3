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

/// With `--plain` a stamp stays in the text, verbatim, but as a `dateline` paragraph: not article
/// text, so no stage reads it as speech ("Published" is no speaker).
@Test(arguments: ["Published : Mar. 6, 2026 - 08:45", "Updated: 12 March 2026, 17:30 CET", "Lagos, Apr 8, 2026 21:05 WAT"])
func aStampParagraphIsADateline(stamp: String) throws {
    let input = "\(stamp)\n\nThe council approved the budget on Tuesday, the mayor said.\n"
    let document = try PlainTextReader().read(SourceDocument(uri: "a.txt", bytes: Array(input.utf8)))
    #expect(document.text == input)
    #expect(document.paragraphs.map(\.kind) == [.dateline, .body])
    #expect(document.articleParagraphs.count == 1)
}
