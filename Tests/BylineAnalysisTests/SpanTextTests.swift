import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import BylineTestSupport
import Foundation
import Testing

/// Every span of a real document's analysis, as written in the JSON contract, holds exactly the
/// text it reports: for each object with `start`, `end` and `text` (mentions, roles, quotes,
/// speaker mentions, times, figures, the timeline), the document's `text` at those Unicode
/// code-point offsets equals `text` (a caption's offsets cover its paragraph, which adds the
/// printed credit after its text); paragraphs and sentences lie inside the text.
private func expectSpansHoldTheirText(_ input: URL, plain: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let source = try InputReader.read(.file(uri: input.path))
    var document = try Extractor(options: ReadOptions(plain: plain)).extract(source)
    try Analysis.pipeline().run(on: &document)
    let json = try DocumentWriter(fields: .analysis, pretty: false).encode(document)
    let object = try #require(JSONSerialization.jsonObject(with: json) as? [String: Any])
    let text = Array(try #require(object["text"] as? String).unicodeScalars)
    var checked = 0
    func visit(_ value: Any, at path: String) {
        if let array = value as? [Any] {
            for (i, element) in array.enumerated() { visit(element, at: "\(path)[\(i)]") }
            return
        }
        guard let fields = value as? [String: Any] else { return }
        if let start = fields["start"] as? Int, let end = fields["end"] as? Int {
            guard 0 <= start, start <= end, end <= text.count else {
                Issue.record("\(input.lastPathComponent) \(path): \(start)..<\(end) outside the text", sourceLocation: sourceLocation)
                return
            }
            if let reported = fields["text"] as? String {
                let actual = String(String.UnicodeScalarView(text[start..<end]))
                // A caption's offsets locate its paragraph: the caption, then its printed credit.
                let holds = path.hasPrefix("captions[") ? actual.hasPrefix(reported) : actual == reported
                #expect(holds, "\(input.lastPathComponent) \(path): \(actual) is not \(reported)", sourceLocation: sourceLocation)
                #expect(start < end, "\(input.lastPathComponent) \(path): an empty span", sourceLocation: sourceLocation)
                checked += 1
            }
        }
        for (key, field) in fields where key != "text" { visit(field, at: "\(path).\(key)") }
    }
    for (key, layer) in object where key != "text" { visit(layer, at: key) }
    #expect(checked > 0, "\(input.lastPathComponent): no span with its text", sourceLocation: sourceLocation)
    #expect(!document.entities.isEmpty, "\(input.lastPathComponent): no entity", sourceLocation: sourceLocation)
}

@Test func seedSpansHoldTheirText() throws {
    try expectSpansHoldTheirText(SharedData.url("fixtures/seed/korea-herald-2024-11-10.txt"))
}

/// News pages of the article-extraction benchmark, read as HTML (their text holds accents,
/// curly quotes and dashes, so code-point and byte offsets differ).
@Test(arguments: ["8b19453030820413", "eecd2575093b8593", "5a822960e9a2cb1e", "e593d7fe88f9f5cd"])
func benchmarkPageSpansHoldTheirText(page: String) throws {
    let pages = try SharedData.files(in: "bench/aeb/html", endingWith: ".html.gz")
    try expectSpansHoldTheirText(try #require(pages.first { $0.lastPathComponent.hasPrefix(page) }))
}

/// PolNeAR's development news texts, read verbatim as `score_quotes.py` reads them.
@Test func polnearSpansHoldTheirText() throws {
    let articles = try SharedData.files(in: "bench/polnear/dev/text", endingWith: ".txt")
    #expect(articles.count >= 80)
    for article in articles { try expectSpansHoldTheirText(article, plain: true) }
}
