import BylineCore
import BylineLanguage

/// A named pattern of `time-patterns.tsv`: the tokens of a time expression, its TIMEX3 type and
/// the underspecified value it gives.
public struct TimeRule: Sendable {
    /// The rule's name, recorded in the provenance of what it finds.
    public let name: String
    /// The TIMEX3 type; nil for a rule that finds what is not a time expression ("six-year-old"),
    /// so that no shorter rule takes part of it.
    public let type: TimeExpression.Kind?
    /// The value with `{slot}`s, as the file writes it.
    public let template: String
    /// The example the file gives for the rule.
    public let example: Example
    let elements: [TimePatternElement]
    /// How many words the rule reads before its expression without taking them into it ("for"
    /// in "for years": a preposition is never part of a TIMEX3 span).
    public let leadingContext: Int
    /// How many words the rule reads after its expression without taking them into it ("that
    /// followed" in "in the years that followed").
    public let trailingContext: Int

    /// An example line: a text the rule reads whole, its underspecified value, and its value
    /// resolved against a reference date.
    public struct Example: Sendable {
        public let text: String
        public let underspecified: String
        public let reference: DateStamp
        public let resolved: String
    }
}

/// One element of a pattern: words or a class, maybe optional. Words and classes are held as
/// their numbers in the patterns' ``TimeNumbering``.
struct TimePatternElement: Sendable {
    enum Test: Sendable {
        /// One of the keys (lower case) at these positions of the patterns' word lists
        /// (``TimePatterns``), by number.
        case words(Range<Int>)
        /// A phrase of a class of `time-words.tsv`, or a number form read from digits, by number.
        case wordClass(Int)
        /// The start of the sentence (written `^`): only marks stand before; reads no token.
        case sentenceStart
    }

    let test: Test
    let optional: Bool
    /// Whether the element is read but left out of the expression (written in brackets:
    /// `[for|in]`); only the first or the last elements of a pattern may be.
    let context: Bool

    /// The element `text` of a pattern line; the numbers of its words go to the end of `wordLists`.
    init(_ text: Substring, keys: inout TimeNumbering, classes: inout TimeNumbering, wordLists: inout [Int]) {
        optional = text.count > 1 && text.hasSuffix("?")
        var body = optional ? text.dropLast() : text
        context = body.count > 2 && body.hasPrefix("[") && body.hasSuffix("]")
        if context { body = body.dropFirst().dropLast() }
        if body == "^" {
            test = .sentenceStart
        } else if body.hasPrefix("<"), body.hasSuffix(">") {
            test = .wordClass(classes.number(of: String(body.dropFirst().dropLast())))
        } else {
            let start = wordLists.count
            wordLists += body.split(separator: "|").map { keys.number(of: $0.lowercased()) }
            test = .words(start..<wordLists.count)
        }
    }
}

/// Names numbered in the order they are first met, so that matching compares numbers, not
/// strings: the keys and the classes the time patterns and words name.
struct TimeNumbering: Sendable {
    private(set) var names: [String] = []
    private var numbers: [String: Int] = [:]

    /// The number of `name`, given it now if it has none.
    mutating func number(of name: String) -> Int {
        if let number = numbers[name] { return number }
        numbers[name] = names.count
        names.append(name)
        return names.count - 1
    }
}

/// A rule's match: the time tokens it covers and the values of the classes it read.
struct TimeMatch {
    let tokens: Range<Int>
    let rule: TimeRule
    let slots: [String: String]
}

/// The time patterns, indexed by what can open them, and the matching of them on tokens.
public struct TimePatterns: Sendable {
    public let rules: [TimeRule]
    /// The keys the patterns and the phrases of `time-words.tsv` name.
    private let keys: TimeNumbering
    /// The keys' numbers, looked up at every token.
    private let keyNumbers: WordMap<Int>
    /// The classes the patterns and the phrases name; a class's name is its slot's.
    private let classes: TimeNumbering
    /// Per class number: the number form its values are read from digits by, if any.
    private let numberForms: [NumberForm?]
    /// The phrases of `time-words.tsv`, in file order.
    private let phrases: [Phrase]
    /// Per key number: the classes and indexes in `phrases` of the phrases that open with it,
    /// in file order (a class is compared without touching the phrase).
    private let phrasesByFirstKey: [[(wordClass: Int, phrase: Int)]]
    /// The keys of the elements that name words, element after element (see
    /// ``TimePatternElement/Test/words(_:)``).
    private let wordLists: [Int]
    /// Per key number: the rules a token with that key may open, in file order.
    private let openers: [[Int]]
    /// Per key number: the rules a token with that key may open when it starts with a digit,
    /// number forms' rules included, in file order.
    private let openersWithDigits: [[Int]]
    /// The rules a number form may open, in file order.
    private let digitOpeners: [Int]
    /// Per rule: the positions in `wordLists` of each word element it cannot do without. A rule
    /// is tried only where every such element has one of its words ahead in the sentence.
    private let requiredWords: [[Range<Int>]]
    /// The keys of the one-word phrases written capitalised (month, weekday and holiday names):
    /// a time word outside them is written in lower case unless it opens a sentence or a name.
    let properKeys: Set<String>

    /// A phrase of `time-words.tsv`, its class and keys by number.
    private struct Phrase: Sendable {
        let wordClass: Int
        let keys: [Int]
        /// Whether the first word must be capitalised ("May" the month, not "may" the verb).
        let capitalised: Bool
        let value: String
    }

    /// A value read for a class.
    private struct Slot {
        let wordClass: Int
        let value: String
    }

    /// The English patterns of `time-patterns.tsv` over the words of `time-words.tsv`.
    public static let english = TimePatterns(DataFile(PackageResources.time_patterns_tsv), words: .english)

    /// The type of a rule that finds what is not a time expression.
    static let exclusion = "NONE"

    /// The number of fields of a pattern line: name, type, pattern, value and four of example.
    private static let fieldCount = 8

    init(_ file: DataFile, words: TimeWords) {
        var keys = TimeNumbering()
        var classes = TimeNumbering()
        var wordLists: [Int] = []
        var rules: [TimeRule] = []
        for row in file.rows {
            let type = TimeExpression.Kind(rawValue: row[1])
            guard row.count == Self.fieldCount, type != nil || row[1] == Self.exclusion, let reference = DateStamp(parsing: row[6])
            else { preconditionFailure("time-patterns.tsv: malformed line for '\(row.first ?? "")'") }
            let elements = row[2].split(separator: " ").map {
                TimePatternElement($0, keys: &keys, classes: &classes, wordLists: &wordLists)
            }
            let context = elements.prefix { $0.context }.count
            let trailing = elements.dropFirst(context).reversed().prefix { $0.context }.count
            let brackets = elements.prefix(context) + elements.suffix(trailing)
            guard !elements.dropFirst(context).dropLast(trailing).contains(where: \.context), !brackets.contains(where: \.optional),
                context + trailing < elements.count
            else { preconditionFailure("time-patterns.tsv: a bracketed word of '\(row[0])' stands inside the expression") }
            let example = TimeRule.Example(text: row[4], underspecified: row[5], reference: reference, resolved: row[7])
            rules.append(
                TimeRule(
                    name: row[0], type: type, template: row[3], example: example, elements: elements, leadingContext: context,
                    trailingContext: trailing))
        }
        let phrases = words.entries.map { entry in
            Phrase(
                wordClass: classes.number(of: entry.wordClass), keys: entry.keys.map { keys.number(of: $0) },
                capitalised: entry.capitalised, value: entry.value)
        }
        let formClasses = NumberForm.allCases.map { classes.number(of: $0.rawValue) }

        // The elements up to the first required one can open a match.
        var byWord = [[Int]](repeating: [], count: keys.names.count)
        var byClass = [[Int]](repeating: [], count: classes.names.count)
        for (index, rule) in rules.enumerated() {
            for element in rule.elements {
                switch element.test {
                case .words(let positions): for key in wordLists[positions] { byWord[key].append(index) }
                case .wordClass(let number): byClass[number].append(index)
                case .sentenceStart: continue
                }
                if !element.optional { break }
            }
        }
        var openers = byWord
        var phrasesByFirstKey = [[(wordClass: Int, phrase: Int)]](repeating: [], count: keys.names.count)
        for (index, phrase) in phrases.enumerated() {
            phrasesByFirstKey[phrase.keys[0]].append((phrase.wordClass, index))
            openers[phrase.keys[0]] += byClass[phrase.wordClass]
        }
        properKeys = Set(words.entries.filter { $0.capitalised && $0.keys.count == 1 }.map { $0.keys[0] })
        self.rules = rules
        self.keys = keys
        keyNumbers = WordMap(Dictionary(uniqueKeysWithValues: keys.names.enumerated().map { ($1, $0) }))
        self.classes = classes
        numberForms = classes.names.map(NumberForm.init(rawValue:))
        self.phrases = phrases
        self.phrasesByFirstKey = phrasesByFirstKey
        self.wordLists = wordLists
        self.openers = openers.map { Array(Set($0)).sorted() }
        let digitOpeners = Array(Set(formClasses.flatMap { byClass[$0] })).sorted()
        self.digitOpeners = digitOpeners
        openersWithDigits = openers.map { Array(Set($0 + digitOpeners)).sorted() }
        requiredWords = rules.map { rule in
            rule.elements.compactMap { element in
                guard !element.optional, case .words(let positions) = element.test else { return nil }
                return positions
            }
        }
    }

    /// The matches in `tokens`, left to right, without overlap: at each token the longest match
    /// of any rule (the first rule of equal ones); after a match, the search goes on behind it.
    func matches(in tokens: [TimeToken]) -> [TimeMatch] {
        let numbers = tokens.map { keyNumbers[$0.key] }
        var out: [TimeMatch] = []
        var search = Search(tokens: tokens, numbers: numbers, readsAsNumber: tokens.map { NumberForm.opensNumber($0.key) })
        // Per key number: the last token with that key.
        var lastToken = [Int](repeating: -1, count: keys.names.count)
        for (t, number) in numbers.enumerated() { if let number { lastToken[number] = t } }
        var i = 0
        while i < tokens.count {
            var best: (end: Int, rule: Int, slots: [Slot])?
            for index in candidates(at: i, in: tokens, numbers: numbers)
            where requiredWords[index].allSatisfy({ wordLists[$0].contains { lastToken[$0] >= i } }) {
                search.longest = nil
                longestMatch(rules[index].elements, from: 0, at: i, search: &search)
                guard let (end, slots) = search.longest, end > i, best.map({ end > $0.end }) ?? true else { continue }
                best = (end, index, slots)
            }
            if let best {
                let rule = rules[best.rule]
                let expression = (i + rule.leadingContext)..<(best.end - rule.trailingContext)
                out.append(TimeMatch(tokens: expression, rule: rule, slots: slotValues(best.slots)))
                i = best.end
            } else {
                i += 1
            }
        }
        return out
    }

    /// The rules that may open at token `i`, in file order.
    private func candidates(at i: Int, in tokens: [TimeToken], numbers: [Int?]) -> [Int] {
        let startsWithDigit = tokens[i].key.utf8.first.map { $0 >= 48 && $0 <= 57 } == true
        guard let number = numbers[i] else { return startsWithDigit ? digitOpeners : [] }
        return startsWithDigit ? openersWithDigits[number] : openers[number]
    }

    /// The state of matching one rule at one token: the sentence, the slots read on the way
    /// being tried, and the longest way found so far.
    private struct Search {
        let tokens: [TimeToken]
        let numbers: [Int?]
        /// Whether each token may be read by a ``NumberForm`` (``NumberForm/opensNumber(_:)``).
        let readsAsNumber: [Bool]
        var slots: [Slot] = []
        /// Where the longest match found ends, and its slots; the first found of equal ones.
        var longest: (end: Int, slots: [Slot])?
    }

    /// Tries every way `elements[e...]` match from token `i`, depth first (an optional element
    /// left out before taken, a class's phrases in file order before its number form), and keeps
    /// the longest in `search.longest`.
    private func longestMatch(_ elements: [TimePatternElement], from e: Int, at i: Int, search: inout Search) {
        guard e < elements.count else {
            if i > search.longest?.end ?? -1 { search.longest = (i, search.slots) }
            return
        }
        let element = elements[e]
        if element.optional { longestMatch(elements, from: e + 1, at: i, search: &search) }
        guard i < search.tokens.count else { return }
        switch element.test {
        case .words(let positions):
            if let number = search.numbers[i], positions.contains(where: { wordLists[$0] == number }) {
                longestMatch(elements, from: e + 1, at: i + 1, search: &search)
            }
        case .sentenceStart:
            if Self.opensSentence(i, in: search.tokens) { longestMatch(elements, from: e + 1, at: i, search: &search) }
        case .wordClass(let wordClass):
            if let first = search.numbers[i] {
                for reference in phrasesByFirstKey[first] where reference.wordClass == wordClass {
                    let phrase = phrases[reference.phrase]
                    guard matches(phrase, at: i, in: search) else { continue }
                    search.slots.append(Slot(wordClass: wordClass, value: phrase.value))
                    longestMatch(elements, from: e + 1, at: i + phrase.keys.count, search: &search)
                    search.slots.removeLast()
                }
            }
            if search.readsAsNumber[i], let form = numberForms[wordClass], let (length, value) = form.read(at: i, in: search.tokens) {
                search.slots.append(Slot(wordClass: wordClass, value: value))
                longestMatch(elements, from: e + 1, at: i + length, search: &search)
                search.slots.removeLast()
            }
        }
    }

    /// Whether token `i` is the first word of its sentence: only marks come before it.
    static func opensSentence(_ i: Int, in tokens: [TimeToken]) -> Bool {
        tokens[..<i].allSatisfy { $0.key.first?.isLetter != true && $0.key.first?.isNumber != true }
    }

    /// Whether the words of `phrase` stand at token `i` (capitalised, when the phrase asks).
    private func matches(_ phrase: Phrase, at i: Int, in search: Search) -> Bool {
        i + phrase.keys.count <= search.tokens.count && (!phrase.capitalised || search.tokens[i].capitalised)
            && phrase.keys.indices.allSatisfy { search.numbers[i + $0] == phrase.keys[$0] }
    }

    /// The slots by class name; a class read twice keeps its last value.
    private func slotValues(_ slots: [Slot]) -> [String: String] {
        var values: [String: String] = [:]
        for slot in slots { values[classes.names[slot.wordClass]] = slot.value }
        return values
    }
}

/// The classes read from digits: years, days, hours, clock times, decades, numbers, ordinals.
enum NumberForm: String, CaseIterable {
    case year, day, hour, clock, decade, number, ordinal

    /// The years a bare four-digit number may name.
    static let years = 1000...2099
    /// The days of a month.
    static let days = 1...31
    /// The hours a clock before "a.m." or "p.m." shows.
    static let hours = 1...12
    /// English ordinal endings ("1st", "22nd", "3rd", "7th").
    static let ordinalEndings = DateVocabulary.ordinalEndings

    /// The value of this class read from the digits of token `i` (and, for a decade written
    /// "1990's", the clitic after it), with the number of tokens read.
    func read(at i: Int, in tokens: [TimeToken]) -> (length: Int, value: String)? {
        let token = tokens[i]
        guard Self.opensNumber(token.key) else { return nil }
        switch self {
        case .year:
            guard token.key.utf8.count == 4, let n = token.integer, Self.years.contains(n) else { return nil }
            return (1, token.key)
        case .day:
            guard let n = token.integer ?? Self.ordinalNumber(token.key), Self.days.contains(n) else { return nil }
            return (1, twoDigits(n))
        case .hour:
            guard let n = token.integer, Self.hours.contains(n) else { return nil }
            return (1, String(n))
        case .clock:
            return Self.clock(token.key).map { (1, twoDigits($0.hour) + ":" + twoDigits($0.minute)) }
        case .number:
            return token.integer.map { (1, String($0)) }
        case .ordinal:
            return Self.ordinalNumber(token.key).map { (1, String($0)) }
        case .decade:
            if token.key.hasSuffix("s"), let n = Int(token.key.dropLast()), token.key.utf8.count == 5, n % 10 == 0, Self.years.contains(n) {
                return (1, String(n / 10))
            }
            if let n = token.integer, token.key.utf8.count == 4, n % 10 == 0, Self.years.contains(n), i + 1 < tokens.count,
                tokens[i + 1].key == "'s"
            {
                return (2, String(n / 10))
            }
            return nil
        }
    }

    /// Whether a form may read the token `key`: every form opens with a digit, or a clock with
    /// a sign that `Int` reads ("+9:30", "-0:30"), so a word is passed over at once.
    static func opensNumber(_ key: String) -> Bool {
        guard let first = key.utf8.first else { return false }
        return (first >= 48 && first <= 57) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-")
    }

    /// "7th" → 7.
    private static func ordinalNumber(_ key: String) -> Int? {
        guard let ending = ordinalEndings.first(where: { key.hasSuffix($0) }) else { return nil }
        let digits = key.dropLast(ending.count)
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        return Int(digits)
    }

    /// "10:35" → (10, 35).
    private static func clock(_ key: String) -> (hour: Int, minute: Int)? {
        let parts = key.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let hour = Int(parts[0]), let minute = Int(parts[1]), (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        return (hour, minute)
    }
}

/// A number written with at least two digits.
func twoDigits(_ n: Int) -> String {
    n < 10 ? "0\(n)" : String(n)
}
