import BylineCore
import BylineExtract
import Testing

/// A scraped page made up around one furniture line: the line sits between two paragraphs of
/// running text, and must go to `removed` with `reason`, never into the text.
private func pageAround(_ line: String) -> String {
    """
    The Harbour Ledger

    Council votes to rebuild the old ferry pier before winter storms

    By Tomasz Wielgo

    Published : Jan. 9, 2026 - 10:15

    The city council voted on Thursday to rebuild the old ferry pier, which has been closed since a storm last year.

    \(line)

    Work is due to start in March and to finish before the first storms of next winter, officials said.
    """
}

@Test(arguments: [
    ("Media playback is unsupported on your device", Removal.Reason.chrome),
    ("Advertisement · Scroll to continue", .chrome),
    ("Listen to this article · 4 min read", .chrome),
    ("Listen to this article ▶ 03:12", .chrome),
    ("Show all 50", .chrome),
    ("Comments (12)", .chrome),
    ("Share: Facebook · X · Email", .chrome),
    ("Share via WhatsApp", .chrome),
    ("Save · Share · Print", .chrome),
    ("Print | Email | Syndicate this story", .chrome),
    ("css-8kq2m1 story-body__inner e1x9v0", .chrome),
    ("Also read: Dock workers end strike after pay deal", .chrome),
    ("Read more: Why the harbour keeps silting up", .chrome),
    ("The Coast Letter: port news in your inbox every Monday. Sign up", .chrome),
    ("Subscribe to The Harbour Ledger on Telegram", .chrome),
    ("PUBLISHED: 10:15 GMT, 9 January 2026 | UPDATED: 12:40 GMT, 9 January 2026", .dateline),
    ("2 hours ago", .dateline),
    ("© 2026 The Harbour Ledger. All rights reserved.", .footer),
    ("Copyright 2026 Ledger Media Group", .footer),
    ("Nadia Brennan in Gdansk contributed to this report.", .footer),
    ("A version of this article appears in the print edition of Jan. 10, 2026, on Page 3.", .footer),
])
func furnitureLinesAreRemovedWithAReason(line: String, reason: Removal.Reason) throws {
    let document = try readPage(pageAround(line))
    #expect(document.removed.contains { $0.text == line && $0.reason == reason })
    #expect(!document.text.contains(line))
    #expect(paragraphs(document, .body).count == 2)
}

/// Lines of running text that share words with furniture stay in the article.
@Test(arguments: [
    "Residents said they would share the cost of the new lights with the port authority.",
    "Read the council's full report, she said, and you will see the pier was never safe.",
    "Subscribers to the ferry pass will get a refund for the months the pier was closed.",
    "The copyright on the pier's original drawings belongs to the city archive, the clerk said.",
])
func proseThatSharesWordsWithFurnitureStays(line: String) throws {
    let document = try readPage(pageAround(line))
    #expect(paragraphs(document, .body).contains(line))
}

@Test func aRelatedHeadingTakesTheHeadlinesUnderIt() throws {
    let document = try readPage(pageAround("Related coverage\n\nDock workers end strike after pay deal\n\nNew tugboats arrive for the winter season"))
    let rules = document.removed.map(\.provenance.rule)
    #expect(rules.filter { $0 == "related-heading" }.count == 1)
    #expect(rules.filter { $0 == "related-link" }.count == 2)
    #expect(paragraphs(document, .body).count == 2)
}

@Test func aNoteAboutTheAuthorAfterTheArticleIsNoParagraph() throws {
    let document = try readPage(pageAround("Harbour work begins in March.") + "\n\nTomasz Wielgo covers transport and city hall for The Harbour Ledger.")
    #expect(document.removed.contains { $0.provenance.rule == "author-note" })
    #expect(paragraphs(document, .body).last?.hasPrefix("Work is due to start") == true)
}

@Test func aLineInAnotherScriptUnderTheHeadlineIsStray() throws {
    let page = pageAround("Harbour work begins in March.").replacingOccurrences(
        of: "By Tomasz Wielgo", with: "Ποσειδώνας λιμάνι νέα 9 Ιανουαρίου 2026 ώρα.\n\nBy Tomasz Wielgo")
    let document = try readPage(page)
    #expect(document.removed.contains { $0.reason == .stray && $0.text.hasPrefix("Ποσειδώνας") })
}

@Test func aCaptionWhoseCreditCarriesACopyrightMarkIsACaption() throws {
    let caption = "Workers inspect the damaged pier after the storm on Thursday. (© Harbour Ledger Archive)"
    let document = try readPage(pageAround("Harbour work begins in March.").replacingOccurrences(
        of: "By Tomasz Wielgo", with: "\(caption) \(caption)\n\nBy Tomasz Wielgo"))
    #expect(document.captions.count == 1)
    #expect(document.captions.first?.credit == "Harbour Ledger Archive")
    #expect(document.metadata.title == "Council votes to rebuild the old ferry pier before winter storms")
}
