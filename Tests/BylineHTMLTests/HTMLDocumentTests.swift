import BylineHTML
import Testing

private func parse(_ html: String) throws -> HTMLDocument {
    try HTMLDocument(bytes: Array(html.utf8), uri: "t.html")
}

@Test func elementsAttributesAndTextAreRead() throws {
    let page = try parse("<html lang=en><body><p class='lead' id=x>Hello <b>world</b></p><script>var a;</script></body></html>")
    try page.withRoot { root in
        let root = try #require(root)
        #expect(root.attribute("lang") == "en")
        let p = try #require(root.first(.p))
        #expect(p.attributes(["id", "class", "style"]) == ["x", "lead", nil])
        #expect(p.textContent == "Hello world")
        #expect(root.first(.body)?.textContent == "Hello world")
    }
}

@Test func deepNestingIsWalkedWithoutRecursion() throws {
    let html = "<p>before</p>" + String(repeating: "<div>", count: 10_000) + "deep" + String(repeating: "</div>", count: 10_000)
    let page = try parse(html)
    #expect(page.withRoot { $0?.textContent.hasPrefix("before") } == true)
}

@Test(arguments: [
    ("<meta charset=\"iso-8859-1\"><p>caf\u{E9}</p>", [0x63, 0x61, 0x66, 0xE9] as [UInt8], "windows-1252"),
    ("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">", [], "SHIFT_JIS"),
    ("<p>plain</p>", [], "UTF-8"),
])
func charsetIsDetected(head: String, extra: [UInt8], expected: String) {
    #expect(Charset.detect(Array(head.utf8) + extra) == expected)
}

@Test func aWrongDeclaredCharsetYieldsToValidUTF8() throws {
    let html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>서울 café</p></body></html>"
    #expect(Charset.detect(Array(html.utf8)) == "UTF-8")
    #expect(try parse(html).withRoot { $0?.first(.p)?.textContent } == "서울 café")
}

@Test func latin1BytesAreDecoded() throws {
    let bytes = Array("<html><body><p>caf".utf8) + [0xE9] + Array("</p></body></html>".utf8)
    let page = try HTMLDocument(bytes: bytes, uri: "t.html")
    #expect(page.withRoot { $0?.first(.p)?.textContent } == "café")
}

@Test func scriptAndStyleBodiesAreNotKeptButJSONLDIs() throws {
    let html = """
        <html><head><style>p { color: red }</style>
        <script type="application/ld+json">{"@type":"NewsArticle","headline":"Kept"}</script>
        <script>var notText = "<p>not a paragraph</p>";</script>
        <!-- <script> inside a comment --></head>
        <body><p>Visible text.</p><SCRIPT type="text/javascript">document.write("x")</SCRIPT><p>More text.</p></body></html>
        """
    let page = try parse(html)
    page.withRoot { root in
        #expect(root?.first(.body)?.textContent == "Visible text.More text.")
        let scripts = root?.descendants.filter { $0.tag == .script } ?? []
        #expect(scripts.count == 3)
        #expect(scripts.first?.firstChild?.text.contains("Kept") == true)
        #expect(scripts.dropFirst().allSatisfy { $0.firstChild == nil })
    }
}

@Test func attributesNoReaderReadsAreDroppedBeforeParsing() throws {
    let html = """
        <html><head><link rel="canonical" href="https://example.com/story"></head><body>
        <div data-config='{"a": "<b>not markup</b>"}' class="lead" onclick="go(1 > 0)">Kept text</div>
        <a href="/elsewhere" title='He said "hi"'>a link</a>
        <p class="a"b="c">a tag that does not read cleanly</p>
        </body></html>
        """
    let page = try parse(html)
    try page.withRoot { root in
        let root = try #require(root)
        #expect(root.first(.link)?.attributes(["rel", "href"]) == ["canonical", "https://example.com/story"])
        let div = try #require(root.first(.div))
        #expect(div.attribute("class") == "lead")
        #expect(div.textContent == "Kept text")
        let link = try #require(root.first(.a))
        #expect(link.attributes(["href", "title"]) == [nil, "He said \"hi\""])
        #expect(root.first(.p)?.textContent == "a tag that does not read cleanly")
    }
}

@Test(arguments: [
    ([0x63, 0x61, 0x66, 0xC3, 0xA9] as [UInt8], "UTF-8"),  // é
    ([0xF0, 0x9F, 0x93, 0xB0], "UTF-8"),  // a four-byte emoji
    ([0xC0, 0x80], "windows-1252"),  // an overlong NUL
    ([0xED, 0xA0, 0x80], "windows-1252"),  // a UTF-16 surrogate
    ([0x61, 0xE2, 0x82], "windows-1252"),  // cut off at the end
])
func utf8IsTold(bytes: [UInt8], expected: String) {
    #expect(Charset.detect(Array("<p>0123456789 ".utf8) + bytes) == expected)
}
