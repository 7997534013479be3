import BylineCore

/// The grammar words the fact stages read phrase and clause edges by (`phrase-words.tsv`).
final class PhraseWords: Sendable {
    static let english = PhraseWords(DataFile(PackageResources.phrase_words_tsv))

    /// The classes of the file's rows.
    enum Class: String, CaseIterable {
        case determiner, pronoun, relative, auxiliary, verb, preposition, conjunction, adverb

        /// The class's bit in a word's classes.
        var bit: UInt8 {
            switch self {
            case .determiner: 1 << 0
            case .pronoun: 1 << 1
            case .relative: 1 << 2
            case .auxiliary: 1 << 3
            case .verb: 1 << 4
            case .preposition: 1 << 5
            case .conjunction: 1 << 6
            case .adverb: 1 << 7
            }
        }
    }

    /// Each grammar word's classes, one ``Class/bit`` each.
    private let classes: WordMap<UInt8>

    init(_ file: DataFile) {
        var classes: [String: UInt8] = [:]
        for row in file.rows where row.count == 2 {
            guard let wordClass = Class(rawValue: row[0]) else { continue }
            for word in row[1].split(separator: " ") { classes[String(word), default: 0] |= wordClass.bit }
        }
        self.classes = WordMap(classes)
    }

    /// Whether `key` (lower case) belongs to `wordClass`.
    func isA(_ key: String, _ wordClass: Class) -> Bool {
        (classes[key] ?? 0) & wordClass.bit != 0
    }

    /// The first of ``Class/allCases`` `key` (lower case) belongs to, or nil.
    func firstClass(of key: String) -> Class? {
        let bits = classes[key] ?? 0
        return bits == 0 ? nil : Class.allCases.first { bits & $0.bit != 0 }
    }

    /// Whether `key` is any grammar word of the file.
    func isGrammarWord(_ key: String) -> Bool {
        classes[key] != nil
    }
}

/// The dashes of running text and what each does (`dashes.tsv`).
enum Dashes {
    private static let classes: [String: [String]] = DataFile(PackageResources.dashes_tsv).rows
        .filter { $0.count == 2 }
        .reduce(into: [:]) { classes, row in classes[row[0], default: []] += row[1].split(separator: " ").map(String.init) }

    /// Dashes that set off an aside or a clause ("Ana Ruiz — a lawyer — said"), never a name's.
    static let clause = Set(classes["clause"] ?? [])

    /// Dashes after a dateline or before a quote's signature: the clause dashes and more.
    static let signature = clause.union(classes["signature"] ?? [])

    /// The characters of the clause dashes: a token made only of them is a clause edge.
    static let clauseCharacters = Set(clause.flatMap(\.unicodeScalars))
}

/// A document's words, sentences and time expressions as the quote, quantity, event and
/// timeline stages read them: the document's ``DocumentView`` (each token's key, flags and
/// sentence), which time expression each token belongs to, and the clause and phrase edges
/// read from `phrase-words.tsv`. Making one costs a pass over the time expressions; the words
/// are the view's, shared, not copied.
///
///     let text = FactText(document)
///     if text.words[i].key == "said", let subject = text.subject(of: i) { … }
struct FactText {
    let text: String
    /// The document's tokens as read once by its view.
    let words: [Word]
    private let sentences: [Sentence]
    /// Each token's time expression (an index into `times`), or nil.
    let timeOfToken: [Int?]
    let times: [TimeExpression]
    let grammar = PhraseWords.english

    /// The shortest word read as a past participle by its "-ed" ending ("aimed").
    static let shortestEdWord = 4
    /// The shortest word read as a present participle by its "-ing" ending ("going").
    static let shortestIngWord = 5
    /// Marks that end a clause inside a sentence.
    private static let clauseMarks: Set<String> = [",", ";", ":", "(", ")", "[", "]"]

    init(_ document: Document) {
        text = document.text
        times = document.times
        words = document.view.words
        sentences = document.sentences
        // Tokens and times are both in text order: one pass pairs them.
        var timeOfToken = [Int?](repeating: nil, count: words.count)
        var t = 0
        let ordered = document.times.indices.sorted { document.times[$0].span.start < document.times[$1].span.start }
        for (i, word) in words.enumerated() {
            while t < ordered.count, document.times[ordered[t]].span.end <= word.span.start { t += 1 }
            if t < ordered.count, document.times[ordered[t]].span.overlaps(word.span) { timeOfToken[i] = ordered[t] }
        }
        self.timeOfToken = timeOfToken
    }

    /// The text of tokens `range`, from the first token's start to the last one's end.
    func string(_ range: Range<Int>) -> String {
        String(text[span(range)])
    }

    /// The span of tokens `range`.
    func span(_ range: Range<Int>) -> Span {
        Span(words[range.lowerBound].span.start, words[range.upperBound - 1].span.end)
    }

    /// The tokens of the sentence holding token `i` (none when no sentence holds it).
    func sentence(of i: Int) -> Range<Int> {
        words[i].sentence.map { sentences[$0].tokens } ?? 0..<0
    }

    /// Whether token `i` ends or opens a clause: a comma, semicolon, colon, bracket, dash or
    /// quotation mark.
    func isClauseEdge(_ i: Int) -> Bool {
        let word = words[i]
        if word.kind == .quote { return true }
        guard word.kind == .punctuation else { return false }
        return Self.clauseMarks.contains(word.key) || word.key.unicodeScalars.allSatisfy(Dashes.clauseCharacters.contains)
    }

    /// The clause segment holding token `i`: the tokens between the clause edges around it,
    /// inside its sentence.
    func segment(of i: Int) -> Range<Int> {
        let sentence = sentence(of: i)
        var lower = i
        while lower > sentence.lowerBound, !isClauseEdge(lower - 1) { lower -= 1 }
        var upper = i + 1
        while upper < sentence.upperBound, !isClauseEdge(upper) { upper += 1 }
        return lower..<upper
    }

    /// The segment before the one starting at `start` in the same sentence, or nil.
    func previousSegment(before start: Int) -> Range<Int>? {
        var i = start - 1
        let sentence = sentence(of: max(start, 0))
        while i >= sentence.lowerBound, isClauseEdge(i) { i -= 1 }
        return i >= sentence.lowerBound ? segment(of: i) : nil
    }

    /// Whether token `i` reads as a verb: an auxiliary, a listed verb, or a word ending in
    /// "-ed" or "-ing" (a participle).
    func isVerb(_ i: Int) -> Bool {
        let word = words[i]
        guard word.alphabetic, !word.capitalised || i == sentence(of: i).lowerBound else { return false }
        return grammar.isA(word.key, .auxiliary) || grammar.isA(word.key, .verb) || isParticiple(i)
            || (word.key.utf8.count >= Self.shortestEdWord && word.key.hasSuffix("ed") && !word.key.contains("-"))
    }

    /// Whether token `i` reads as the verb of its clause: a listed verb or an "-ed" word, not
    /// an auxiliary or an "-ing" word.
    func isFiniteVerbForm(_ i: Int) -> Bool {
        isVerb(i) && !isParticiple(i) && !grammar.isA(words[i].key, .auxiliary)
    }

    /// Whether token `i` is an "-ing" word.
    func isParticiple(_ i: Int) -> Bool {
        let word = words[i]
        return word.alphabetic && word.key.utf8.count >= Self.shortestIngWord && word.key.hasSuffix("ing") && !word.key.contains("-")
    }

    /// The noun phrase that ends just before token `end`, not reaching before `limit`: content
    /// words, "of", a possessive "'s", with the determiner or pronoun that opens it. Nil when
    /// the token before `end` cannot end a noun phrase.
    func nounPhrase(endingBefore end: Int, limit: Int) -> Range<Int>? {
        var start = end
        while start > limit {
            let i = start - 1
            let word = words[i]
            if word.key == "'s" || word.key == "'" {
                start = i
                continue
            }
            guard word.kind == .word || word.kind == .number || word.kind == .abbreviation else { break }
            // A relative pronoun right before the verb is its subject ("which was unveiled").
            if start == end, grammar.isA(word.key, .relative) {
                start = i
                break
            }
            if grammar.isA(word.key, .determiner) || grammar.isA(word.key, .pronoun) {
                if start < end || grammar.isA(word.key, .pronoun) { start = i }
                break
            }
            // "of" joins two nouns; a name's connectors join its words ("Conference on Trade").
            if start < end, i > limit,
                (word.key == "of" && words[i - 1].alphabetic && !grammar.isGrammarWord(words[i - 1].key))
                    || (Self.nameConnectors.contains(word.key) && words[i - 1].capitalised && words[i + 1].capitalised)
            {
                start = i
                continue
            }
            // An "-ing" word after a possessive is a noun ("the company's spending").
            let gerund = isParticiple(i) && i > limit && words[i - 1].key == "'s"
            if grammar.isGrammarWord(word.key) || isVerb(i) && !gerund { break }
            start = i
        }
        return start < end ? start..<end : nil
    }

    /// The subject of the clause around token `i`: the noun phrase before the first verb of
    /// its segment. A segment without one (a participle clause, a list item) takes the subject
    /// of the segment before it, as far as the sentence's start.
    func subject(of i: Int) -> Range<Int>? {
        var segment = segment(of: i)
        var end = i
        while true {
            if let found = subjectInSegment(segment, before: end) { return found }
            guard let previous = previousSegment(before: segment.lowerBound) else { return nil }
            // A segment opening with its verb after a relative clause set off by commas takes the
            // noun phrase before that clause, with a phrase of "for" or "in" before it ("the
            // lake, which lies high in the range, has tripled"; "the deficit for this year,
            // which ends in May, is").
            if segment.lowerBound < end, grammar.isA(words[segment.lowerBound].key, .auxiliary) || grammar.isA(words[segment.lowerBound].key, .verb),
                Self.asideRelatives.contains(words[previous.lowerBound].key), let before = previousSegment(before: previous.lowerBound),
                var phrase = nounPhrase(endingBefore: before.upperBound, limit: before.lowerBound)
            {
                if phrase.lowerBound - 1 > before.lowerBound, Self.ownerPrepositions.contains(words[phrase.lowerBound - 1].key),
                    let owner = nounPhrase(endingBefore: phrase.lowerBound - 1, limit: before.lowerBound)
                {
                    phrase = owner.lowerBound..<phrase.upperBound
                }
                return phrase
            }
            segment = previous
            end = previous.upperBound
        }
    }

    /// The prepositions of a phrase that a noun phrase before it owns ("the deficit for this
    /// year", "the rise in prices").
    private static let ownerPrepositions: Set<String> = ["for", "in"]

    /// The relative words that open an aside about the noun before it ("which", "who").
    private static let asideRelatives: Set<String> = ["which", "who"]

    /// The noun phrase before the first verb of `segment` that lies before `end`.
    private func subjectInSegment(_ segment: Range<Int>, before end: Int) -> Range<Int>? {
        var floor = segment.lowerBound
        // A participle opening the segment continues the clause before it, unless it reports a
        // clause of its own ("adding that trade had grown 12-fold").
        if floor < end, isParticiple(floor) {
            guard let that = (floor..<min(end, floor + Self.longestReportingObject + 2)).first(where: { words[$0].key == "that" })
            else { return nil }
            floor = that + 1
        }
        var i = floor
        while i < end {
            if isVerb(i), let phrase = subject(ofVerb: i, limit: floor) { return phrase }
            i += 1
        }
        return nil
    }

    /// The subject of the verb at `verb`: the noun phrase before it, past the auxiliaries and
    /// adverbs between ("trade has now increased"); for a relative pronoun, the noun phrase
    /// it refers to.
    func subject(ofVerb verb: Int, limit: Int) -> Range<Int>? {
        var end = verb
        while end > limit, grammar.isA(words[end - 1].key, .adverb) || grammar.isA(words[end - 1].key, .auxiliary) { end -= 1 }
        guard let phrase = nounPhrase(endingBefore: end, limit: limit) else { return nil }
        return relativeAntecedent(phrase) ?? phrase
    }

    /// For a relative pronoun standing as a subject ("which was unveiled"), the noun phrase
    /// it refers to, before it and an optional comma.
    func relativeAntecedent(_ phrase: Range<Int>) -> Range<Int>? {
        guard phrase.count == 1, grammar.isA(words[phrase.lowerBound].key, .relative) else { return nil }
        var end = phrase.lowerBound
        let sentence = sentence(of: end)
        if end > sentence.lowerBound, words[end - 1].key == "," { end -= 1 }
        return nounPhrase(endingBefore: end, limit: sentence.lowerBound)
    }

    /// A capitalised name starting at token `i`: capitalised words and numbers, joined by
    /// "of", "on", "for", "de" and "the" ("International Conference on Trade 2025"). Nil when
    /// token `i` is not capitalised or is part of a time expression.
    func name(at i: Int, limit: Int) -> Range<Int>? {
        guard i < limit, isNameWord(i) else { return nil }
        var end = i + 1
        var j = end
        while j < limit {
            if isNameWord(j) || (words[j].kind == .number && timeOfToken[j] != nil) || words[j].key == "'s" && j + 1 < limit && isNameWord(j + 1) {
                j += 1
                end = j
            } else if Self.nameConnectors.contains(words[j].key), j + 1 < limit {
                j += 1
            } else {
                break
            }
        }
        return i..<end
    }

    /// The most words between a reporting participle and its "that" ("telling reporters that").
    static let longestReportingObject = 3

    /// Lower-case words that may join the words of a name.
    static let nameConnectors: Set<String> = ["of", "on", "for", "de", "the", "&"]

    /// Whether token `i` is a capitalised word outside time expressions.
    private func isNameWord(_ i: Int) -> Bool {
        let word = words[i]
        return word.capitalised && word.alphabetic && timeOfToken[i] == nil && (word.kind == .word || word.kind == .abbreviation)
    }

    /// A dated time expression's value: a DATE whose value starts with a year.
    func dateValue(of time: Int) -> String? {
        let expression = times[time]
        guard expression.type == .date, let value = expression.value, value.utf8.count >= Self.yearDigits,
            value.utf8.prefix(Self.yearDigits).allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        else { return nil }
        return value
    }

    /// The digits of a year at the start of a date value.
    private static let yearDigits = 4
}

extension Array where Element: Hashable {
    /// The elements without repeats, in order of first appearance.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}

extension Array where Element == Int {
    /// In an ascending array, the index of the first element at or above `value` (the count
    /// when there is none): where a token starting at an offset is, by binary search.
    func firstIndex(atOrAfter value: Int) -> Int {
        partitioningIndex { $0 >= value }
    }
}
