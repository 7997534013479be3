import BylineCore
import BylineLanguage
import Testing

private func tokens(_ text: String) -> [String] {
    Tokenizer.english.tokenize(text, in: Span(0, text.utf8.count)).map { String(text[$0.span]) }
}

@Test(arguments: [
    ("Published Nov. 10, 2024.", ["Published", "Nov.", "10", ",", "2024", "."]),
    ("S. Korea and the U.S. agreed.", ["S.", "Korea", "and", "the", "U.S.", "agreed", "."]),
    ("Dr. Lee met Dato' Seri Anwar.", ["Dr.", "Lee", "met", "Dato'", "Seri", "Anwar", "."]),
    ("Trade rose to $214 billion (4.2%).", ["Trade", "rose", "to", "$", "214", "billion", "(", "4.2", "%", ")", "."]),
    ("It cost 1,000,000 won, or €3.50.", ["It", "cost", "1,000,000", "won", ",", "or", "€", "3.50", "."]),
    ("\u{201C}We won\u{2019}t,\u{201D} she said.", ["\u{201C}", "We", "wo", "n\u{2019}t", ",", "\u{201D}", "she", "said", "."]),
    ("\"Yes,\" he said.", ["\"", "Yes", ",", "\"", "he", "said", "."]),
    ("Chile's second-largest partner", ["Chile", "'s", "second-largest", "partner"]),
    ("the U.S.'s allies and the U.K.\u{2019}s vote", ["the", "U.S.", "'s", "allies", "and", "the", "U.K.", "\u{2019}s", "vote"]),
    ("the best year -- of all", ["the", "best", "year", "--", "of", "all"]),
    ("ties\u{2014}and trade\u{2014}grew", ["ties", "\u{2014}", "and", "trade", "\u{2014}", "grew"]),
    ("at 11:12 a.m. KST", ["at", "11:12", "a.m.", "KST"]),
    ("Wait... what?", ["Wait", "...", "what", "?"]),
    ("«Oui», dit-il.", ["«", "Oui", "»", ",", "dit-il", "."]),
    ("See https://example.com/a.html.", ["See", "https://example.com/a.html", "."]),
    ("Mail desk@example.org today", ["Mail", "desk@example.org", "today"]),
    ("J.R.R. Tolkien", ["J.R.R.", "Tolkien"]),
])
func tokenizerSplitsNewsText(text: String, expected: [String]) {
    #expect(tokens(text) == expected)
}

@Test func tokenSpansAreUTF8OffsetsIntoTheWholeText() {
    let text = "Prefix. 서울에서 “Hello.”"
    let start = text.utf8.count - "“Hello.”".utf8.count
    let found = Tokenizer.english.tokenize(text, in: Span(start, text.utf8.count))
    #expect(found.map { String(text[$0.span]) } == ["“", "Hello", ".", "”"])
    #expect(found.first?.span.start == start)
    #expect(found.first?.kind == .quote)
}

@Test func tokenKindsAreTold() {
    let text = "On Nov. 10, 3.5% rose"
    let kinds = Tokenizer.english.tokenize(text, in: Span(0, text.utf8.count)).map(\.kind)
    #expect(kinds == [.word, .abbreviation, .number, .punctuation, .number, .symbol, .word])
}
