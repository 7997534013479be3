import BylineCore
import BylineLanguage
import Testing

private func sentences(_ text: String) -> [String] {
    let tokens = Tokenizer.english.tokenize(text, in: Span(0, text.utf8.count))
    return SentenceSplitter.english.split(text, tokens: tokens, paragraph: 0..<tokens.count).map { range in
        String(text[Span(tokens[range.lowerBound].span.start, tokens[range.upperBound - 1].span.end)])
    }
}

@Test(arguments: [
    ("The talks ended. Both sides left.", ["The talks ended.", "Both sides left."]),
    ("Mr. Park met Dr. Lee on Nov. 10. They spoke.", ["Mr. Park met Dr. Lee on Nov. 10.", "They spoke."]),
    ("S. Korea and N. Korea met.", ["S. Korea and N. Korea met."]),
    ("It moved to the U.S. The plan failed.", ["It moved to the U.S.", "The plan failed."]),
    ("The U.S. Senate voted.", ["The U.S. Senate voted."]),
    ("\"We agree.\" The minister left.", ["\"We agree.\"", "The minister left."]),
    ("“Is it over?” he asked. Nobody knew.", ["“Is it over?” he asked.", "Nobody knew."]),
    ("Prices rose 4.5 percent. Rates held.", ["Prices rose 4.5 percent.", "Rates held."]),
    ("He left at 5 p.m. on Friday.", ["He left at 5 p.m. on Friday."]),
    ("Dato' Sri Ali spoke. He was brief.", ["Dato' Sri Ali spoke.", "He was brief."]),
    ("They waited... Then it rained.", ["They waited...", "Then it rained."]),
    ("The level -- the highest yet -- held. Trade grew.", ["The level -- the highest yet -- held.", "Trade grew."]),
    ("It works (mostly.) Next step.", ["It works (mostly.)", "Next step."]),
    ("No end mark here", ["No end mark here"]),
])
func sentenceSplitterHandlesHardCases(text: String, expected: [String]) {
    #expect(sentences(text) == expected)
}
