import BylineCore
import BylineExtract
import BylineSource
import Foundation
import Testing

/// What trimming takes out of an HTML article's text is listed in `removed`, in page order,
/// each with its reason and rule, and none of it stays in the text.
@Test func trimmedParagraphsAreListedWithTheirReasons() throws {
    let prose = "The regional water board approved a new reservoir on Monday after a debate that ran late into the night."
    let html = """
        <html><head><title>Water board approves reservoir</title></head><body><article>
        <h1>Water board approves reservoir</h1>
        <p>Water board approves reservoir</p>
        <p>Share this article</p>
        <p>\(prose)</p>
        <p>Photo: Jane Example, Example Press</p>
        <p>The reservoir will hold enough water for the valley's farms through two dry summers, officials said.</p>
        <p>\(prose)</p>
        <p>Its cost, about 40 million euros, will be shared by the valley's towns over the next decade.</p>
        </article></body></html>
        """
    let document = try HTMLReader().read(SourceDocument(uri: "page.html", bytes: Array(html.utf8)))
    let removed = document.removed.map { "\($0.reason.rawValue) \($0.provenance.rule): \($0.text)" }
    // The headline is the document's title paragraph: its `<h1>` and the paragraph that
    // repeats it are both repeats.
    #expect(removed == [
        "duplicate repeated-title: Water board approves reservoir",
        "duplicate repeated-title: Water board approves reservoir",
        "chrome chrome-phrase: Share this article",
        "credit photo-credit: Photo: Jane Example, Example Press",
        "duplicate repeated-paragraph: \(prose)",
    ])
    #expect(document.removed.allSatisfy { $0.provenance.stage == "html" })
    #expect(!document.text.contains("Share this article"))
    #expect(document.text.components(separatedBy: prose).count == 2)
}

/// An HTML article made up around one line between two paragraphs of running text.
private func articleAround(_ line: String) throws -> Document {
    let html = """
        <html><head><title>Ferry pier to be rebuilt</title></head><body><article>
        <h1>Ferry pier to be rebuilt</h1>
        <p>The city council voted on Thursday to rebuild the old ferry pier, which has been closed since a storm last year.</p>
        <p>\(line)</p>
        <p>Work is due to start in March and to finish before the first storms of next winter, officials said.</p>
        </article></body></html>
        """
    return try HTMLReader().read(SourceDocument(uri: "page.html", bytes: Array(html.utf8)))
}

/// Author and stamp lines inside an HTML article's container go to `removed` with their rule.
@Test(arguments: [
    ("By Ana Lima - 03/04/21 10:00 AM EST", "author-line"),
    ("March 4, 2021 - Posted by: Ana Lima - Category: City - Tags: ferry pier council storm harbour", "leading-date-line"),
])
func authorAndStampLinesAreTrimmed(line: String, rule: String) throws {
    let document = try articleAround(line)
    #expect(document.removed.contains { $0.text == line && $0.provenance.rule == rule })
    #expect(!document.text.contains(line))
}

/// The headline repeated a few lines into the container: the lead photo's caption and its
/// label above it are no part of the story.
@Test func whatStandsAboveTheRepeatedHeadlineIsTrimmed() throws {
    let caption = "Workers inspect the old ferry pier after the storm in the harbour on Monday. less"
    let html = """
        <html><head><title>Ferry pier to be rebuilt</title></head><body><article>
        <ul><li>\(caption)</li></ul>
        <p>Caption</p>
        <p>Ferry pier to be rebuilt</p>
        <p>The city council voted on Thursday to rebuild the old ferry pier, which has been closed since a storm last year.</p>
        <p>Work is due to start in March and to finish before the first storms of next winter, officials said.</p>
        </article></body></html>
        """
    let document = try HTMLReader().read(SourceDocument(uri: "page.html", bytes: Array(html.utf8)))
    let removed = document.removed.map { "\($0.provenance.rule): \($0.text)" }
    #expect(removed == ["above-headline: \(caption)", "above-headline: Caption", "repeated-title: Ferry pier to be rebuilt"])
    #expect(paragraphs(document, .body).count == 2)
}

/// A note on how to reach the author closes the story: it and what follows go; a quoted post
/// signed with a handle is the story's.
@Test(arguments: [
    ("Write to Ana Lima at ana.lima@example.com", true),
    ("Have a tip? Ana Lima may be reached at ana.lima@example.com. Follow her on Twitter @analima.", true),
    ("— Ana Lima (@analima) March 4, 2021", false),
])
func aContactNoteAtTheEndIsTrimmed(line: String, trimmed: Bool) throws {
    let html = """
        <html><head><title>Ferry pier to be rebuilt</title></head><body><article>
        <h1>Ferry pier to be rebuilt</h1>
        <p>The city council voted on Thursday to rebuild the old ferry pier, which has been closed since a storm last year.</p>
        <p>Work is due to start in March and to finish before the first storms of next winter, officials said.</p>
        <p>\(line)</p>
        <p>Join our readers' forum to keep talking about the harbour, and tell us what you think.</p>
        </article></body></html>
        """
    let document = try HTMLReader().read(SourceDocument(uri: "page.html", bytes: Array(html.utf8)))
    #expect(document.removed.contains { $0.text == line && $0.provenance.rule == "contact-note" } == trimmed)
    #expect(document.text.contains("Join our readers' forum") != trimmed)
}
