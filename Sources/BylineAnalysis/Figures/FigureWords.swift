import BylineCore
import BylineLanguage

/// The words of figures (`number-words.tsv`) and of money (`currencies.tsv`), with the
/// reading of a number token's digits and what is glued to them ("US$4.2bn", "35th", "23-fold").
final class FigureWords: Sendable {
    static let english = FigureWords(
        numbers: DataFile(PackageResources.number_words_tsv), currencies: DataFile(PackageResources.currencies_tsv), tokenizer: .english)

    /// A phrase of several tokens ("per cent", "US dollars") and what it stands for.
    struct Phrase: Sendable {
        let keys: [String]
        let value: String
    }

    let cardinals: WordMap<Double>
    let ordinals: WordMap<Double>
    let scales: WordMap<Double>
    let multipliers: WordMap<Double>
    let superlatives: WordSet
    /// Nouns an ordinal counts, with their unit.
    let ordinalNouns: WordMap<String>
    let plurals: WordSet
    /// Words before a time expression that make it a figure's baseline ("from", "since").
    let baselineWords: WordSet
    /// First words of units of measure ("metres", "cubic").
    let measures: Set<String>
    /// Nouns of a level a figure reaches ("high", "record").
    let levels: Set<String>
    /// Words that may stand between a figure and what leads to it ("about", "up", "to").
    let approximations: Set<String>
    /// Nouns of a count or share of a group before "of" ("number", "share").
    let countHeads: Set<String>
    /// Plural scale words of a rough count ("hundreds" 100), by key.
    let approximates: WordMap<Double>
    /// Words before a number that make it an age ("aged").
    let ageLeads: WordSet
    /// Words of an age's unit ("years").
    let ageUnits: WordSet
    /// Words that end an age after its unit ("old").
    let ageEnds: WordSet
    /// Nouns after an ordinal that are no ranked one of a series ("half", "century").
    let unranked: WordSet
    /// Words after a number and a hyphen that make no count ("two-thirds", "two-way").
    let uncounted: WordSet
    /// The phrases between the two numbers of a proportion ("out of", "in"), as keys.
    let proportionPhrases: [[String]]
    /// Words before a length of time that make it a limit, a figure ("within").
    let durationLimits: Set<String>
    /// Percentage phrases by their first key; the value is the unit.
    private let percentPhrases: WordMap<[Phrase]>
    /// Currency forms by their first key; the value is the ISO 4217 code.
    private let currencyPhrases: WordMap<[Phrase]>
    /// One-token currency forms that may be glued to the digits after them ("us$", "rm").
    private let gluedCurrencies: WordMap<String>
    /// The words that open a figure by themselves (see ``mayOpenFigure(_:)``).
    private let openers: WordSet

    /// The articles that stand for one before a scale word ("a dozen", "a million").
    static let articles: Set<String> = ["a", "an"]

    init(numbers: DataFile, currencies: DataFile, tokenizer: Tokenizer) {
        let keys = { (phrase: String) -> [String] in
            tokenizer.tokenize(phrase, in: Span(0, phrase.utf8.count)).map { String(phrase[$0.span]).lowercased() }
        }
        var table: [String: [String: String]] = [:]
        var percent: [String: [Phrase]] = [:]
        for row in numbers.rows where row.count == 3 {
            if row[0] == "percent" {
                let phrase = Phrase(keys: keys(row[1]), value: row[2])
                if let first = phrase.keys.first { percent[first, default: []].append(phrase) }
            } else {
                table[row[0], default: [:]][row[1]] = row[2]
            }
        }
        let numeric = { (wordClass: String) in WordMap((table[wordClass] ?? [:]).compactMapValues(Double.init)) }
        cardinals = numeric("cardinal")
        ordinals = numeric("ordinal")
        scales = numeric("scale")
        multipliers = numeric("multiplier")
        superlatives = WordSet((table["superlative"] ?? [:]).keys)
        ordinalNouns = WordMap(table["ordinal-noun"] ?? [:])
        plurals = WordSet((table["plural"] ?? [:]).keys)
        baselineWords = WordSet((table["baseline"] ?? [:]).keys)
        measures = Set((table["measure"] ?? [:]).keys)
        levels = Set((table["level"] ?? [:]).keys)
        approximations = Set((table["approximation"] ?? [:]).keys)
        countHeads = Set((table["count-head"] ?? [:]).keys)
        approximates = numeric("approximate")
        ageLeads = WordSet((table["age-lead"] ?? [:]).keys)
        ageUnits = WordSet((table["age-unit"] ?? [:]).keys)
        ageEnds = WordSet((table["age-end"] ?? [:]).keys)
        unranked = WordSet((table["unranked"] ?? [:]).keys)
        uncounted = WordSet((table["uncounted"] ?? [:]).keys)
        proportionPhrases = (table["proportion"] ?? [:]).keys.map(keys).sorted { $0.count > $1.count }
        durationLimits = Set((table["duration-limit"] ?? [:]).keys)
        percentPhrases = WordMap(percent)
        var phrases: [String: [Phrase]] = [:]
        var glued: [String: String] = [:]
        for row in currencies.rows where row.count >= 2 {
            for form in row.dropFirst() {
                let phrase = Phrase(keys: keys(form), value: row[0])
                guard let first = phrase.keys.first else { continue }
                phrases[first, default: []].append(phrase)
                if phrase.keys.count == 1 { glued[first] = row[0] }
            }
        }
        currencyPhrases = WordMap(phrases.mapValues { $0.sorted { $0.keys.count > $1.keys.count } })
        gluedCurrencies = WordMap(glued)
        let wordLists = [cardinals, ordinals, multipliers, approximates].flatMap(\.dictionary.keys)
        openers = WordSet(wordLists + ageLeads.words + phrases.keys + Self.articles)
    }

    /// Whether a figure may open at a token of `key`: one that holds a digit or a hyphen, ends
    /// in "fold", or is a number, ordinal, multiplier, rough-count, age-lead or currency word
    /// or an article ("a dozen"). Every reading of a figure starts with such a token, so the
    /// other tokens are passed over with this one test.
    func mayOpenFigure(_ key: String) -> Bool {
        key.utf8.contains { Self.isDigit($0) || $0 == UInt8(ascii: "-") } || key.hasSuffix(Self.foldSuffix) || openers.contains(key)
    }

    /// The currency phrase starting at `i`: its length in tokens and ISO code.
    func currency(at i: Int, in words: [Word], limit: Int) -> (length: Int, code: String)? {
        match(currencyPhrases, at: i, in: words, limit: limit)
    }

    /// The percentage phrase starting at `i`: its length in tokens and unit.
    func percent(at i: Int, in words: [Word], limit: Int) -> (length: Int, code: String)? {
        match(percentPhrases, at: i, in: words, limit: limit)
    }

    /// The unit of a percentage sign glued to digits ("20%").
    func percentSuffix(_ suffix: String) -> String? {
        percentPhrases[suffix]?.first { $0.keys.count == 1 }?.value
    }

    private func match(_ table: WordMap<[Phrase]>, at i: Int, in words: [Word], limit: Int) -> (length: Int, code: String)? {
        guard i < limit, let candidates = table[words[i].key] else { return nil }
        for phrase in candidates where i + phrase.keys.count <= limit {
            if phrase.keys.indices.allSatisfy({ words[i + $0].key == phrase.keys[$0] }) { return (phrase.keys.count, phrase.value) }
        }
        return nil
    }

    /// A number token's parts: a currency glued before the digits, the number, and what
    /// follows the digits.
    struct Digits {
        let currency: String?
        let value: Double
        /// The lower-case rest after the digits: "", "bn", "th", "%", "-fold", …
        let suffix: String
    }

    /// Reads `key` as digits (with thousands separators and a decimal point) between an
    /// optional glued currency and a suffix. Nil when it holds no digits or something else
    /// stands before them ("g20").
    func digits(_ key: String) -> Digits? {
        guard key.utf8.contains(where: Self.isDigit) else { return nil }
        let bytes = Array(key.utf8)
        guard let first = bytes.firstIndex(where: Self.isDigit) else { return nil }
        var end = first
        var number: [UInt8] = []
        while end < bytes.count {
            let byte = bytes[end]
            let nextIsDigit = end + 1 < bytes.count && Self.isDigit(bytes[end + 1])
            if Self.isDigit(byte) {
                number.append(byte)
            } else if byte == UInt8(ascii: ","), nextIsDigit, !number.contains(UInt8(ascii: ".")) {
                // A thousands separator: left out of the number.
            } else if byte == UInt8(ascii: "."), nextIsDigit, !number.contains(byte) {
                number.append(byte)
            } else {
                break
            }
            end += 1
        }
        let prefix = String(decoding: bytes[..<first], as: UTF8.self)
        guard let value = Double(String(decoding: number, as: UTF8.self)) else { return nil }
        let currency = prefix.isEmpty ? nil : gluedCurrencies[prefix]
        if !prefix.isEmpty, currency == nil { return nil }
        return Digits(currency: currency, value: value, suffix: String(decoding: bytes[end...], as: UTF8.self))
    }

    /// A number word's value: a cardinal or a hyphenated pair of them ("twenty-five").
    func cardinal(_ key: String) -> Double? {
        if let value = cardinals[key] { return value }
        guard key.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = key.split(separator: "-")
        guard parts.count == 2, let tens = cardinals[String(parts[0])], let ones = cardinals[String(parts[1])], ones < tens else { return nil }
        return tens + ones
    }

    /// The value of an ordinal word or digit ordinal ("third", "35th").
    func ordinal(_ key: String) -> Double? {
        if let value = ordinals[key] { return value }
        guard let digits = digits(key), digits.currency == nil, Self.ordinalSuffixes.contains(digits.suffix) else { return nil }
        return digits.value
    }

    /// The value of a multiplier word: "doubled", "23-fold", "twofold".
    func multiplier(_ key: String) -> Double? {
        if let value = multipliers[key] { return value }
        guard key.hasSuffix(Self.foldSuffix) else { return nil }
        var stem = key.dropLast(Self.foldSuffix.count)
        if stem.hasSuffix("-") { stem = stem.dropLast() }
        if let digits = digits(String(stem)), digits.currency == nil, digits.suffix.isEmpty { return digits.value }
        return cardinal(String(stem))
    }

    /// The suffixes of digit ordinals.
    private static let ordinalSuffixes = Set(DateVocabulary.ordinalEndings)
    /// The ending of multipliers.
    static let foldSuffix = "fold"

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
