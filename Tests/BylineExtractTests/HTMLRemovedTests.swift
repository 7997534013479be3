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
