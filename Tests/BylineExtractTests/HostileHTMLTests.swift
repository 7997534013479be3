import BylineCore
import BylineExtract
import BylineSource
import Testing

private func read(_ bytes: [UInt8]) throws -> Document {
    try Extractor(options: ReadOptions()).extract(SourceDocument(uri: "hostile.html", bytes: bytes))
}

@Test func unclosedTagsAreRecovered() throws {
    let html = "<html><body><div><p>First paragraph of the story, long enough to count as text here.<p>Second paragraph, also long enough to be kept by the reader.<div><span>"
    let document = try read(Array(html.utf8))
    #expect(document.text.contains("Second paragraph"))
}

@Test func tenThousandDeepNestingIsRead() throws {
    let html = "<html><body><p>A paragraph before the deep nesting that is long enough to count.</p>"
        + String(repeating: "<div>", count: 10_000) + "deep" + String(repeating: "</div>", count: 10_000) + "</body></html>"
    let document = try read(Array(html.utf8))
    #expect(document.text.contains("A paragraph before"))
}

@Test func aFiftyMegabytePageIsRead() throws {
    let words = String(repeating: "word ", count: 200)
    let count = 50_000_000 / (words.utf8.count + 20)
    var html = "<html><body><article>"
    for i in 0..<count { html += "<p>\(words)number \(i).</p>\n" }
    html += "</article></body></html>"
    let document = try read(Array(html.utf8))
    #expect(document.paragraphs.filter { $0.kind == .body }.count == count)
}

@Test func binaryJunkAfterATagIsReadWithoutACrash() throws {
    var generator = SystemRandomNumberGenerator()
    let junk = (0..<200_000).map { _ in UInt8.random(in: 1...255, using: &generator) }
    let document = try read(Array("<html><body>".utf8) + junk)
    #expect(document.source.format == .html)
}

@Test func aWrongDeclaredCharsetIsOverruled() throws {
    let html = "<html><head><meta charset=\"windows-1252\"></head><body><p>Das Treffen in München war ein Erfolg, sagte die Ministerin am Montag vor der Presse.</p></body></html>"
    let document = try read(Array(html.utf8))
    #expect(document.text.contains("München"))
}

@Test func anEmptyBodyGivesAnEmptyBodyAndSaysSo() throws {
    let document = try read(Array("<html><head><title>Nothing here</title></head><body></body></html>".utf8))
    #expect(document.paragraphs.filter { $0.kind == .body }.isEmpty)
    #expect(document.metadata.filledBy["body"]?.rule == "none")
    #expect(document.metadata.title == "Nothing here")
}

@Test func scriptsStylesAndNavigationAreLeftBehind() throws {
    let html = """
        <html><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
        <article><p>The council approved the budget on Thursday after a six-hour debate, members said.</p>
        <script>var tracking = "not text";</script><style>p { color: red }</style>
        <p>Opponents said the plan would raise taxes on small businesses, and vowed to fight it.</p>
        <figure><img src="a.jpg"><figcaption>Council members vote. (Photo: Jane Doe)</figcaption></figure></article>
        <aside><h3>Related</h3><ul><li><a href="/x">Another story entirely, with a long title</a></li></ul></aside>
        <footer>Copyright 2025</footer></body></html>
        """
    let document = try read(Array(html.utf8))
    let body = document.articleParagraphs.map { String(document.text[$0.span]) }
    #expect(body.count == 2)
    #expect(!document.text.contains("tracking"))
    #expect(!document.text.contains("Another story"))
    #expect(document.captions.first?.text == "Council members vote.")
    #expect(document.captions.first?.credit == "Photo: Jane Doe")
}
