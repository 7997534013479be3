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

    /// An example line: a text the rule reads whole, its underspecified value, and its value
    /// resolved against a reference date.
    public struct Example: Sendable {
        public let text: String
        public let underspecified: String
        public let reference: DateStamp
        public let resolved: String
    }
}

/// One element of a pattern: words or a class, maybe optional.
struct TimePatternElement: Sendable {
    enum Test: Sendable {
        /// One of these keys (lower case).
        case words(Set<String>)
        /// A phrase of a class of `time-words.tsv`, or a number form read from digits.
        case wordClass(String)
    }

    let test: Test
    let optional: Bool

    init(_ text: Substring) {
        optional = text.count > 1 && text.hasSuffix("?")
        let body = optional ? text.dropLast() : text
        if body.hasPrefix("<"), body.hasSuffix(">") {
            test = .wordClass(String(body.dropFirst().dropLast()))
        } else {
            test = .words(Set(body.split(separator: "|").map { $0.lowercased() }))
        }
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
    let words: TimeWords
    /// Rule indices by an opening word.
    private let byWord: [String: [Int]]
    /// Rule indices by an opening class.
    private let byClass: [String: [Int]]

    /// The English patterns of `time-patterns.tsv` over the words of `time-words.tsv`.
    public static let english = TimePatterns(DataFile(PackageResources.time_patterns_tsv), words: .english)

    /// The type of a rule that finds what is not a time expression.
    static let exclusion = "NONE"

    /// The number of fields of a pattern line: name, type, pattern, value and four of example.
    private static let fieldCount = 8

    init(_ file: DataFile, words: TimeWords) {
        var rules: [TimeRule] = []
        var byWord: [String: [Int]] = [:]
        var byClass: [String: [Int]] = [:]
        for row in file.rows {
            let type = TimeExpression.Kind(rawValue: row[1])
            guard row.count == Self.fieldCount, type != nil || row[1] == Self.exclusion, let reference = DateStamp(parsing: row[6])
            else { preconditionFailure("time-patterns.tsv: malformed line for '\(row.first ?? "")'") }
            let elements = row[2].split(separator: " ").map(TimePatternElement.init)
            let example = TimeRule.Example(text: row[4], underspecified: row[5], reference: reference, resolved: row[7])
            let index = rules.count
            rules.append(TimeRule(name: row[0], type: type, template: row[3], example: example, elements: elements))
            // The elements up to the first required one can open a match.
            for element in elements {
                switch element.test {
                case .words(let keys): for key in keys { byWord[key, default: []].append(index) }
                case .wordClass(let name): byClass[name, default: []].append(index)
                }
                if !element.optional { break }
            }
        }
        self.rules = rules
        self.words = words
        self.byWord = byWord
        self.byClass = byClass
    }

    /// The matches in `tokens`, left to right, without overlap: at each token the longest match
    /// of any rule (the first rule of equal ones); after a match, the search goes on behind it.
    func matches(in tokens: ArraySlice<TimeToken>) -> [TimeMatch] {
        var out: [TimeMatch] = []
        var i = tokens.startIndex
        while i < tokens.endIndex {
            var best: TimeMatch?
            for index in candidates(at: i, in: tokens) {
                guard let (end, slots) = match(rules[index].elements[...], at: i, in: tokens, slots: [:]), end > i,
                    best.map({ end > $0.tokens.upperBound }) ?? true
                else { continue }
                best = TimeMatch(tokens: i..<end, rule: rules[index], slots: slots)
            }
            if let best {
                out.append(best)
                i = best.tokens.upperBound
            } else {
                i += 1
            }
        }
        return out
    }

    /// The rules that may open at token `i`, in file order.
    private func candidates(at i: Int, in tokens: ArraySlice<TimeToken>) -> [Int] {
        var found = byWord[tokens[i].key] ?? []
        for name in words.classes(startingWith: tokens[i]) { found += byClass[name] ?? [] }
        if tokens[i].key.utf8.first.map({ $0 >= 48 && $0 <= 57 }) == true {
            for name in NumberForms.classes { found += byClass[name] ?? [] }
        }
        return Array(Set(found)).sorted()
    }

    /// The longest way `elements` match from token `i`: where the match ends and the slots read.
    private func match(
        _ elements: ArraySlice<TimePatternElement>, at i: Int, in tokens: ArraySlice<TimeToken>, slots: [String: String]
    ) -> (Int, [String: String])? {
        guard let element = elements.first else { return (i, slots) }
        let rest = elements.dropFirst()
        var best = element.optional ? match(rest, at: i, in: tokens, slots: slots) : nil
        func consider(_ result: (Int, [String: String])?) {
            guard let result, result.0 > best?.0 ?? -1 else { return }
            best = result
        }
        guard i < tokens.endIndex else { return best }
        switch element.test {
        case .words(let keys):
            if keys.contains(tokens[i].key) { consider(match(rest, at: i + 1, in: tokens, slots: slots)) }
        case .wordClass(let name):
            for (length, value) in classMatches(name, at: i, in: tokens) {
                var filled = slots
                filled[name] = value
                consider(match(rest, at: i + length, in: tokens, slots: filled))
            }
        }
        return best
    }

    /// The phrases of a class at token `i`: from `time-words.tsv`, or read from digits.
    private func classMatches(_ name: String, at i: Int, in tokens: ArraySlice<TimeToken>) -> [(length: Int, value: String)] {
        let listed = words.matches(name, in: tokens, at: i)
        guard let read = NumberForms.read(name, at: i, in: tokens) else { return listed }
        return listed + [read]
    }
}

/// The classes read from digits: years, days, hours, clock times, decades, numbers, ordinals.
enum NumberForms {
    static let classes = ["year", "day", "hour", "clock", "decade", "number", "ordinal"]

    /// The years a bare four-digit number may name.
    static let years = 1000...2099
    /// The days of a month.
    static let days = 1...31
    /// The hours a clock before "a.m." or "p.m." shows.
    static let hours = 1...12
    /// English ordinal endings ("1st", "22nd", "3rd", "7th").
    static let ordinalEndings = ["st", "nd", "rd", "th"]

    /// The value of class `name` read from the digits of token `i` (and, for a decade written
    /// "1990's", the clitic after it), with the number of tokens read.
    static func read(_ name: String, at i: Int, in tokens: ArraySlice<TimeToken>) -> (length: Int, value: String)? {
        let token = tokens[i]
        switch name {
        case "year":
            guard token.key.utf8.count == 4, let n = token.integer, years.contains(n) else { return nil }
            return (1, token.key)
        case "day":
            guard let n = token.integer ?? ordinalNumber(token.key), days.contains(n) else { return nil }
            return (1, twoDigits(n))
        case "hour":
            guard let n = token.integer, hours.contains(n) else { return nil }
            return (1, String(n))
        case "clock":
            return clock(token.key).map { (1, twoDigits($0.hour) + ":" + twoDigits($0.minute)) }
        case "number":
            return token.integer.map { (1, String($0)) }
        case "ordinal":
            return ordinalNumber(token.key).map { (1, String($0)) }
        case "decade":
            if token.key.hasSuffix("s"), let n = Int(token.key.dropLast()), token.key.utf8.count == 5, n % 10 == 0, years.contains(n) {
                return (1, String(n / 10))
            }
            if let n = token.integer, token.key.utf8.count == 4, n % 10 == 0, years.contains(n), i + 1 < tokens.endIndex,
                tokens[i + 1].key == "'s"
            {
                return (2, String(n / 10))
            }
            return nil
        default:
            return nil
        }
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
