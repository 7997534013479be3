import Byline
import BylineTestSupport
import Foundation
import Testing

/// The library reads and analyses the bundled example as the command line does: metadata from
/// its header lines, a quote with a named speaker, figures, and the JSON contract.
@Test func aFileIsReadAndAnalysed() throws {
    let path = packageRoot.appendingPathComponent("Examples/harbor-city-transit.txt").path
    let read = try Byline.read(file: path)
    #expect(read.metadata.title?.isEmpty == false)
    #expect(!read.metadata.authors.isEmpty)
    #expect(read.entities.isEmpty)

    let document = try Byline.analyze(file: path)
    let attributed = document.quotes.filter { $0.speaker != nil }
    #expect(!attributed.isEmpty)
    for quote in attributed {
        #expect(document.entities.contains { $0.id == quote.speaker && $0.type == .person })
    }
    #expect(!document.quantities.isEmpty)
    let json = try #require(JSONSerialization.jsonObject(with: Data(try Byline.json(document).utf8)) as? [String: Any])
    #expect((json["quotes"] as? [Any])?.count == document.quotes.count)
}

/// Text given as a string is body text by default: the document's text is the string itself,
/// and relative dates resolve against the publication date given.
@Test func textIsAnalysedVerbatimAgainstItsPublicationDate() throws {
    let text = "Mayor Lena Ortiz said on Tuesday that the city would hire 40 new teachers.\n"
    let document = try Byline.analyze(text: text, published: DateStamp(parsing: "2025-03-14"))
    #expect(document.text == text)
    #expect(document.entities.contains { $0.name == "Lena Ortiz" })
    #expect(document.times.contains { $0.value == "2025-03-11" })
}

/// An HTML page given as a string gives its headline and article.
@Test func anHTMLPageIsAnalysed() throws {
    let html = """
        <html><head><title>Harbor tunnel opens</title></head><body><article><h1>Harbor tunnel opens</h1>
        <p>The harbor tunnel opened to traffic on Monday after six years of work, the transport department said.</p>
        <p>"It will cut the trip across the bay to eight minutes," said Rosa Lind, the department's director.</p>
        </article></body></html>
        """
    let document = try Byline.analyze(html: html)
    #expect(document.metadata.title == "Harbor tunnel opens")
    #expect(document.quotes.contains { quote in document.entities.first { $0.id == quote.speaker }?.name == "Rosa Lind" })
}

/// A missing file is an error naming it, not a crash.
@Test func aMissingFileIsAnErrorNamingIt() {
    #expect(throws: BylineError.self) { try Byline.read(file: "/nonexistent/article.txt") }
}
