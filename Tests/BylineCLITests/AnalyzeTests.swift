import BylineAnalysis
import BylineCLI
import BylineCore
import BylineExtract
import BylineSource
import BylineTestSupport
import Foundation
import Testing

private func analyze(_ text: String, plain: Bool = false) throws -> Document {
    let runner = Runner(extractor: Extractor(options: ReadOptions(plain: plain)), pipeline: try Analysis.pipeline(), format: .jsonl)
    let folder = try temporaryFolder()
    let file = folder.appendingPathComponent("doc.txt")
    try Data(text.utf8).write(to: file)
    return try runner.document(from: .file(uri: file.path))
}

/// Every non-space character of every paragraph lies inside exactly one sentence.
private func expectSentencesCoverParagraphs(_ document: Document, sourceLocation: SourceLocation = #_sourceLocation) {
    for paragraph in document.paragraphs {
        let inside = document.sentences.filter { paragraph.span.contains($0.span) }
        #expect(!inside.isEmpty, "no sentence in \(document.text[paragraph.span].prefix(40))", sourceLocation: sourceLocation)
        var covered = inside.map(\.span).sorted()
        covered = covered.filter { !$0.isEmpty }
        #expect(covered.first?.start == paragraph.span.start, sourceLocation: sourceLocation)
        #expect(covered.last?.end == paragraph.span.end, sourceLocation: sourceLocation)
        for (a, b) in zip(covered, covered.dropFirst()) {
            #expect(a.end <= b.start, "sentences overlap", sourceLocation: sourceLocation)
            let gap = String(document.text[Span(a.end, b.start)])
            let onlySpace = gap.allSatisfy { $0.isWhitespace }
            #expect(onlySpace, "text between sentences: \(gap)", sourceLocation: sourceLocation)
        }
    }
}

@Test func sentencesCoverTheSeedsParagraphs() throws {
    let seed = try SharedData.url("fixtures/seed/korea-herald-2024-11-10.txt")
    let document = try analyze(String(contentsOf: seed, encoding: .utf8))
    #expect(document.paragraphs.filter { $0.kind == .body }.count == 18)
    expectSentencesCoverParagraphs(document)
}

@Test func sentencesCoverTheExampleArticle() throws {
    let example = packageRoot.appendingPathComponent("Examples/harbor-city-transit.txt")
    let document = try analyze(String(contentsOf: example, encoding: .utf8))
    #expect(document.sentences.count >= 8)
    expectSentencesCoverParagraphs(document)
}

/// A title read from the last name of a headline on into the next paragraph's first word
/// ("… , Kari" then "Spokeswoman …") ends where its phrase ends instead of stopping the run.
@Test func aTitleRunningPastItsPhraseEndsWithIt() throws {
    let text = "Norway - Ola Berg ( captain ) , Per Lund , Kari\n\nSpokeswoman Ingrid Dahl said by phone that the club would appeal."
    let document = try analyze(text)
    let roles = document.entities.flatMap(\.roles)
    #expect(!roles.isEmpty)
    for role in roles {
        #expect(!role.title.isEmpty)
        #expect(role.span.start < role.span.end && role.span.end <= document.text.utf8.count)
    }
}

/// Hostile text: zero-width and bidirectional controls, combining marks, CJK quotation marks,
/// emoji sequences, lone marks, very long words.
@Test(arguments: [
    "Zero\u{200B}width\u{200D}joiners and \u{FEFF}marks. Next sentence.",
    "\u{202E}Reversed text\u{202C} and \u{2067}isolates\u{2069}. \"Quoted.\"",
    "Combining: e\u{0301}e\u{0301}e\u{0301}. Z\u{0335}\u{0336}a\u{0337}lgo.",
    "「引用」と彼は言った。『二重』。 “Mixed” ‘quotes’ «here».",
    "👩‍👩‍👧‍👦 family 🇰🇷 flag. Done!",
    "\" ' “ ” ‘ ’ « » . . . ? ! -- — – …",
    String(repeating: "a", count: 5_000) + ". " + String(repeating: "(", count: 300),
    "Mr. Dr. St. U.S. e.g. No. Dato' Nov.",
    "\u{0000}",
])
func hostileTextIsReadWithoutACrash(text: String) throws {
    guard text.utf8.contains(0) == false else {
        #expect(throws: BylineError.self) { try analyze(text, plain: true) }
        return
    }
    for plain in [true, false] {
        let document = try analyze(text, plain: plain)
        for sentence in document.sentences {
            #expect(sentence.span.end <= document.text.utf8.count)
        }
        let json = try DocumentWriter(fields: .analysis, pretty: false).encode(document)
        #expect(try JSONSerialization.jsonObject(with: json) is [String: Any])
    }
}
