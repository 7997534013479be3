import BylineCore
import BylineExtract
import Testing

/// A made-up page in the shape scrapers produce.
private let page = """
    The Daily Courier

    Port authority approves harbor expansion after long review

    By Jane Doe and Omar Haddad, Staff Reporters

    Updated : March 4, 2025 - 16:40 EST

    Share this article

    Facebook  Twitter  Email

    Cranes stand idle at the north pier on Monday. (AP Photo/John Roe)

    The port authority voted 7-2 on Monday to approve a harbor expansion that had been under review for six years.

    Supporters said the project would bring hundreds of jobs to the waterfront.

    What comes next

    Construction is expected to begin next spring, pending a final environmental permit.

    Copyright 2025 The Daily Courier. All rights reserved.
    """

@Test func headerLinesBecomeMetadata() throws {
    let document = try readPage(page)
    #expect(document.metadata.publisher == "The Daily Courier")
    #expect(document.metadata.title == "Port authority approves harbor expansion after long review")
    #expect(document.metadata.authors == ["Jane Doe", "Omar Haddad"])
    #expect(document.metadata.modified?.iso == "2025-03-04T16:40-05:00")
    #expect(document.metadata.language == "en")
    #expect(paragraphs(document, .title) == ["Port authority approves harbor expansion after long review"])
}

@Test func chromeAndFootersAreRemovedWithReasons() throws {
    let document = try readPage(page)
    let removed = Dictionary(document.removed.map { ($0.text, $0.reason) }, uniquingKeysWith: { a, _ in a })
    #expect(removed["Share this article"] == .chrome)
    #expect(removed["Facebook  Twitter  Email"] == .chrome)
    #expect(removed["Copyright 2025 The Daily Courier. All rights reserved."] == .footer)
    #expect(removed["By Jane Doe and Omar Haddad, Staff Reporters"] == .byline)
    #expect(removed["The Daily Courier"] == .publisher)
    #expect(!document.text.contains("Share this article"))
}

@Test func bodyParagraphsKeepTheirOrderAndSubheadings() throws {
    let document = try readPage(page)
    let body = paragraphs(document, .body)
    #expect(body.count == 3)
    #expect(body.first?.hasPrefix("The port authority voted") == true)
    #expect(body.last?.hasPrefix("Construction is expected") == true)
    #expect(paragraphs(document, .heading) == ["What comes next"])
}

@Test func aCaptionWithAPhotoCreditIsKeptApart() throws {
    let document = try readPage(page)
    #expect(document.captions.count == 1)
    #expect(document.captions.first?.text == "Cranes stand idle at the north pier on Monday.")
    #expect(document.captions.first?.credit == "AP Photo/John Roe")
    #expect(paragraphs(document, .caption).count == 1)
    #expect(!paragraphs(document, .body).contains { $0.contains("Cranes stand idle") })
}

@Test func aCaptionPrintedTwiceInARowIsOneCaption() throws {
    let caption = "Delegates pose for a photo before the opening session in the capital. (Ministry of Culture)"
    let document = try readPage("""
        Leaders open regional forum on climate finance

        \(caption) \(caption)

        Delegates from twelve countries opened a two-day forum on climate finance on Tuesday, officials said.
        """)
    #expect(document.captions.count == 1)
    #expect(document.captions.first?.credit == "Ministry of Culture")
    #expect(document.removed.contains { $0.reason == .duplicate })
    #expect(document.text.components(separatedBy: "Delegates pose").count == 2)
}

@Test func aShortLineInAnotherScriptIsStray() throws {
    let document = try readPage("""
        Leaders open regional forum on climate finance

        東京新聞

        By Ana Lima

        Delegates from twelve countries opened a two-day forum on climate finance on Tuesday, officials said.
        """)
    #expect(document.removed.contains { $0.text == "東京新聞" && $0.reason == .stray })
    #expect(document.metadata.title == "Leaders open regional forum on climate finance")
    #expect(document.metadata.authors == ["Ana Lima"])
}

@Test func aRepeatedParagraphIsRemovedAsDuplicate() throws {
    let line = "The council approved the budget on Thursday after a six-hour debate, members said."
    let document = try readPage("Council passes budget\n\n\(line)\n\n\(line)\n")
    #expect(paragraphs(document, .body) == [line])
    #expect(document.removed.map(\.reason) == [.duplicate])
}

@Test func hardWrappedLinesAreJoined() throws {
    let document = try readPage("""
        Council passes budget

        The council approved the budget on Thursday after a
        six-hour debate, members said.
        """)
    #expect(paragraphs(document, .body) == ["The council approved the budget on Thursday after a six-hour debate, members said."])
}

@Test func everyParagraphSpanIndexesTheText() throws {
    let document = try readPage(page)
    var last = -1
    for paragraph in document.paragraphs {
        #expect(paragraph.span.start > last)
        #expect(paragraph.span.end <= document.text.utf8.count)
        last = paragraph.span.end
    }
    #expect(document.text.hasPrefix("Port authority approves"))
}
