import BylineCore
import Testing

@Test func wordMapAnswersAsTheDictionaryItWasMadeFrom() {
    let words = ["said": 1, "told": 2, "pointed": 3, "a": 4, "": 5, "per cent": 6, "don't": 7]
    let map = WordMap(words)
    for probe in ["said", "told", "pointed", "a", "", "per cent", "don't", "sai", "saidx", "Said", "percent", "b"] {
        #expect(map[probe] == words[probe], "\(probe)")
    }
    let set: WordSet = ["from", "since"]
    #expect(set.contains("since") && !set.contains("sinc") && !set.contains("until"))
}

@Test func wordMapComparesWordsBeyondASCIIAsSwiftStringsDo() {
    // "é" written as one scalar in the map and as "e" with a combining acute in the text.
    let map = WordMap(["caf\u{E9}": "place", "stra\u{DF}e": "street"])
    #expect(map["cafe\u{301}"] == "place")
    #expect(map["stra\u{DF}e"] == "street")
    #expect(map["cafe"] == nil)
    // A KELVIN SIGN is canonically the letter K: an ASCII spelling still finds its word.
    let kelvin = WordMap(["\u{212A}m": 1])
    #expect(kelvin["Km"] == 1)
}
