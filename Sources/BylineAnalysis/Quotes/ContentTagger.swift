import BylineCore

/// A learned tagger of what a sentence reports where no rule found a report: a greedy
/// left-to-right averaged perceptron that labels each token of a sentence as the beginning
/// (`B`), inside (`I`) or outside (`O`) of reported content (PolNeAR's attribution Content:
/// speech, belief, intention, evidence, `according to …`). Its features are where the token
/// stands against the nearest cue words to either side (a lexicon of words with the share of
/// their occurrences inside gold cues): which cue, how far, how likely a cue, whether a comma
/// or a colon lies between, whether a person, a body or a pronoun stands next to it; and
/// whether the token or its sentence is inside a report already found. Its model,
/// `attribution-content.tsv`, is trained on PolNeAR train by `byline train content`
/// (``ContentTaggerTrainer``) on the content the rules and the cue detector miss.
///
/// Each run of `B`/`I` of at least ``ReportedSpeech/shortestContent`` tokens with a verb that
/// no quote or report overlaps, and not a participle's phrase after a comma, is an `indirect` report (rule
/// `indirect-learned-content`) with no speaker; its cue is the nearest cue word before it,
/// or after it when none stands before. Content holding a cue the rules read is left to them.
struct ContentTagger: Sendable {
    static let shared = ContentTagger(DataFile(PackageResources.attribution_content_tsv))

    /// The labels, in the order of each row of weights.
    enum Label: Int, CaseIterable {
        case begin, inside, outside
        var name: String { ["B", "I", "O"][rawValue] }
    }

    /// The cue words: each one's number in ``ContentFeatureSpace/cues`` and its share of
    /// occurrences inside gold cues (thousandths).
    let lexicon: WordMap<ContentFeatures.CueWord>
    /// The feature rows of the model's lexicon and templates.
    let space: ContentFeatureSpace
    /// Per feature row, the weight of each label (thousandths), three by three.
    let weights: [Int]
    /// What is added to the `O` label's score at each token (thousandths): below 0, more
    /// content is tagged. Chosen by the trainer's cross-validation on its own training articles.
    let outsideBias: Int
    /// The share of the reports it adds that matched gold content in the trainer's
    /// cross-validation: their confidence.
    let precision: Double

    /// The first field of the model file's lines that are not weights.
    enum Line {
        static let cue = "cue", outsideBias = "outside-bias", precision = "precision"
    }

    /// A tagger of the cue words `cues` (word and share, in thousandths) and the weights of
    /// their feature space (three per row, thousandths).
    init(cues: [(word: String, share: Int)], weights: [Int], outsideBias: Int, precision: Double) {
        let sorted = cues.sorted { $0.word < $1.word }
        space = ContentFeatureSpace(cues: sorted.map(\.word))
        lexicon = WordMap(Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.word, ContentFeatures.CueWord(number: $0, share: $1.share)) }))
        self.weights = weights
        self.outsideBias = outsideBias
        self.precision = precision
    }

    /// Reads a model file: its `cue`, `outside-bias` and `precision` lines, then a weight line
    /// per feature (`name TAB B TAB I TAB O`).
    init(_ file: DataFile) {
        var lexicon: [String: Int] = [:]
        var bias = 0, precision = 0
        var rows: [(name: Substring, weights: [Int])] = []
        for line in file.lines {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch fields.first {
            case Line.cue[...] where fields.count == 3: lexicon[String(fields[1])] = Int(fields[2]) ?? 0
            case Line.outsideBias[...] where fields.count == 2: bias = Int(fields[1]) ?? 0
            case Line.precision[...] where fields.count == 2: precision = Int(fields[1]) ?? 0
            default:
                guard fields.count == 4 else { continue }
                rows.append((fields[0], fields[1...].map { Int($0) ?? 0 }))
            }
        }
        let named = ContentFeatureSpace(cues: lexicon.keys.sorted()).rowsByName()
        var weights = [Int](repeating: 0, count: 3 * named.count)
        for row in rows {
            guard let r = named[String(row.name)] else { continue }
            weights.replaceSubrange((3 * r)..<(3 * r + 3), with: row.weights)
        }
        self.init(cues: lexicon.map { (word: $0.key, share: $0.value) }, weights: weights, outsideBias: bias, precision: Double(precision) / 1000)
    }

    /// The labels of the tokens of one sentence, each the best after the label before it, with
    /// `outsideBias` added to `O`; `I` never follows `O`.
    func labels(of sentence: ContentFeatures.Sentence) -> [Label] {
        var labels: [Label] = []
        labels.reserveCapacity(sentence.count)
        var previous = Label.outside
        for k in 0..<sentence.count {
            var scores = Scores()
            for r in sentence.rows(k) { scores.add(weights, row: r) }
            let (a, b) = space.labelRows(previous: previous, inReport: sentence.inReport[k])
            scores.add(weights, row: a)
            scores.add(weights, row: b)
            scores.outside += outsideBias
            previous = scores.best(after: previous)
            labels.append(previous)
        }
        return labels
    }

    /// The three labels' scores at a token.
    struct Scores {
        var begin = 0, inside = 0, outside = 0

        /// Adds the weights of row `r` of `weights` (three per row).
        mutating func add(_ weights: [Int], row r: Int) {
            begin += weights[3 * r]
            inside += weights[3 * r + 1]
            outside += weights[3 * r + 2]
        }

        /// The label of the highest score (`O` on a tie); `I` never follows `O`.
        func best(after previous: Label) -> Label {
            var best = Label.outside, top = outside
            if begin > top { (best, top) = (.begin, begin) }
            if previous != .outside, inside > top { best = .inside }
            return best
        }
    }

    /// The reports of the content it tags in the article sentences `sentences` of `context`'s
    /// document that none of `quotes` overlaps.
    func reports(context: QuoteContext, quotes: [Quote], sentences: [Range<Int>]) -> [Quote] {
        let features = ContentFeatures(document: context.document, lexicon: lexicon, space: space, reports: quotes.map(\.span))
        return contents(features, text: context.text, sentences: sentences, besides: quotes.map(\.span)).map { found in
            Quote(
                kind: .indirect, span: found.span, speaker: nil, speakerMention: nil, cue: found.cue.map { context.text.word($0) },
                confidence: precision, provenance: Provenance(stage: QuoteStage.stageName, rule: QuoteRule.learnedContent.id))
        }
    }

    /// The content it tags in sentences `sentences` that none of `besides` overlaps, each with
    /// its cue token: the nearest cue word before it, else the nearest after it. Content is a
    /// clause, with a word that reads as a verb (``FactText/isVerb(_:)``).
    func contents(_ features: ContentFeatures, text: SpeechText, sentences: [Range<Int>], besides: [Span]) -> [(span: Span, cue: Int?)] {
        let facts = text.facts
        let taken = SpanIndex(besides)
        var found: [(span: Span, cue: Int?)] = []
        // A sentence whose every word a report holds has no room for more.
        for range in sentences where !features.isReported(range) {
            // A sentence without a cue word is left alone: on PolNeAR dev the model tags no
            // more content there that matches than it tags wrongly.
            let cues = features.cues(in: range)
            guard !cues.isEmpty else { continue }
            let sentence = features.sentence(range, cues: cues)
            let labels = labels(of: sentence)
            var k = 0
            while k < labels.count {
                guard labels[k] != .outside else {
                    k += 1
                    continue
                }
                var end = k + 1
                while end < labels.count, labels[end] == .inside { end += 1 }
                defer { k = end }
                guard let content = features.content((range.lowerBound + k)..<(range.lowerBound + end)),
                    content.count >= ReportedSpeech.shortestContent, content.contains(where: facts.isVerb)
                else { continue }
                // A cue the rules read inside the content was theirs to report, and they found no
                // report there; a participle's phrase set off by a comma is about the one it
                // follows, not what was said (`said, describing …`).
                let c = (sentence.cue(before: k) ?? sentence.cue(after: end - 1)).map { range.lowerBound + $0 }
                guard !content.contains(where: { text.cue(at: $0) != nil }),
                    !(c.map { $0 < content.lowerBound && $0 > range.lowerBound && facts.isParticiple($0) && facts.words[$0 - 1].key == "," } ?? false)
                else { continue }
                let span = features.span(content)
                guard !taken.overlapping(span).contains(where: { $0.overlaps(span) }) else { continue }
                found.append((span, c))
            }
        }
        return found
    }
}

/// The feature rows of the content tagger: one per value of each template, and one per cue
/// word of its lexicon for the nearest cue to either side. A row's name spells its template
/// and value (`left-distance=4-6`), as the model file lists it.
struct ContentFeatureSpace: Sendable {
    /// The templates whose value is one of a few, each with its values' names.
    enum Template: Int, CaseIterable {
        case bias, shape, inReport, entity, sentenceCues, sentenceReported, position, positionFromEnd, cueStrength
        case leftCue, leftDistance, leftStrength, leftPunctuation, leftSource, leftSourcePunctuation, noLeft
        case rightCue, rightDistance, rightStrength, rightPunctuation, rightSource, rightSourcePunctuation, noRight
        case strengths, previous, previousInReport

        var name: String {
            [
                "bias", "shape", "in-report", "entity", "sentence-cues", "sentence-reported", "position", "position-from-end", "cue-strength",
                "left-cue", "left-distance", "left-strength", "left-punctuation", "left-source", "left-source-punctuation", "no-left",
                "right-cue", "right-distance", "right-strength", "right-punctuation", "right-source", "right-source-punctuation", "no-right",
                "strengths", "previous", "previous-in-report",
            ][rawValue]
        }
    }

    /// Distances and positions in buckets: 0, 1, 2, 3, 4–6, 7–12, 13 and more.
    static let distances = ["0", "1", "2", "3", "4-6", "7-12", "13+"]
    /// A cue's share in buckets: below 35%, below 60%, from 60%.
    static let strengths = ["3", "6", "9"]
    /// A token's shape: all capitals, capitalised, digits, punctuation, other.
    static let shapes = ["AA", "Aa", "9", "p", "a"]
    /// What stands next to a cue: a person, a body or a pronoun within three tokens before
    /// (`b`), within two after (`a`), both, or neither.
    static let sources = ["-", "b", "a", "ba"]
    static let booleans = ["no", "yes"]
    /// The entity types, and none.
    static let entities = ["-"] + EntityType.allCases.map(\.rawValue)

    /// The cue words, sorted.
    let cues: [String]
    /// Each template's first row.
    private let offsets: [Int]
    /// The number of rows.
    let count: Int

    init(cues: [String]) {
        self.cues = cues
        var offsets: [Int] = []
        var next = 0
        for template in Template.allCases {
            offsets.append(next)
            next += Self.values(of: template, cues: cues).count
        }
        self.offsets = offsets
        count = next
    }

    /// The names of `template`'s values, in the order of their rows.
    private static func values(of template: Template, cues: [String]) -> [String] {
        func product(_ a: [String], _ b: [String]) -> [String] { a.flatMap { x in b.map { x + "|" + $0 } } }
        switch template {
        case .bias, .noLeft, .noRight: return [""]
        case .shape: return shapes
        case .inReport, .sentenceReported: return booleans
        case .entity: return entities
        case .sentenceCues: return ["0", "1", "2", "3"]
        case .position, .positionFromEnd, .leftDistance, .rightDistance: return distances
        case .cueStrength: return strengths
        case .leftCue, .rightCue: return cues
        case .leftStrength, .rightStrength: return product(strengths, distances)
        case .leftPunctuation, .rightPunctuation: return product(booleans, strengths)
        case .leftSource, .rightSource: return product(sources, distances)
        case .leftSourcePunctuation, .rightSourcePunctuation: return product(sources, booleans)
        case .strengths: return product(strengths, strengths)
        case .previous: return ContentTagger.Label.allCases.map(\.name)
        case .previousInReport: return product(ContentTagger.Label.allCases.map(\.name), booleans)
        }
    }

    /// The row of `template`'s value number `value`.
    func row(_ template: Template, _ value: Int) -> Int { offsets[template.rawValue] + value }

    /// The rows the label before a token gives, with whether the token is inside a report.
    func labelRows(previous: ContentTagger.Label, inReport: Bool) -> (Int, Int) {
        (row(.previous, previous.rawValue), row(.previousInReport, 2 * previous.rawValue + (inReport ? 1 : 0)))
    }

    /// Every row's name, in row order.
    var names: [String] {
        Template.allCases.flatMap { template in
            Self.values(of: template, cues: cues).map { $0.isEmpty ? template.name : template.name + "=" + $0 }
        }
    }

    /// The rows by name, for reading a model file.
    func rowsByName() -> [String: Int] { Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) }) }
}

/// The content tagger's features of a document's tokens, read once per document.
struct ContentFeatures {
    /// The features of one sentence: per token, its rows (those the label before it gives
    /// aside), whether it is inside a report, and where the cues are.
    struct Sentence {
        /// The rows of every token, one after another: token `k`'s are `rows[starts[k]..<starts[k + 1]]`.
        var rows: [Int]
        var starts: [Int]
        var inReport: [Bool]
        /// The sentence's tokens that are cue words, by position in the sentence.
        var cues: [Int]

        /// The number of tokens.
        var count: Int { inReport.count }

        /// The rows of the token at position `k`.
        func rows(_ k: Int) -> ArraySlice<Int> { rows[starts[k]..<starts[k + 1]] }

        /// The nearest cue before position `k`, as a position in the sentence.
        func cue(before k: Int) -> Int? { cues.last { $0 < k } }
        /// The nearest cue after position `k`.
        func cue(after k: Int) -> Int? { cues.first { $0 > k } }
    }

    /// A cue word of the lexicon: its number among the cue words and its share (thousandths).
    struct CueWord: Sendable {
        let number: Int
        let share: Int
    }

    private let words: [Word]
    private let view: DocumentView
    /// The text's bytes, for the shape of capitalised words.
    private let bytes: [UInt8]
    /// Each entity's type, as its number in ``ContentFeatureSpace/entities``.
    private let entityTypes: [Int]
    private let lexicon: WordMap<CueWord>
    private let space: ContentFeatureSpace
    /// Whether each token is inside one of the reports given.
    private let inReport: [Bool]

    init(document: Document, lexicon: WordMap<CueWord>, space: ContentFeatureSpace, reports: [Span]) {
        view = document.view
        words = view.words
        bytes = Array(document.text.utf8)
        entityTypes = document.entities.map { 1 + (EntityType.allCases.firstIndex(of: $0.type) ?? 0) }
        self.lexicon = lexicon
        self.space = space
        inReport = view.tokensOverlapping(reports)
    }

    /// A distance's bucket (``ContentFeatureSpace/distances``).
    static func distance(_ n: Int) -> Int { n <= 3 ? n : n <= 6 ? 4 : n <= 12 ? 5 : 6 }
    /// A cue share's bucket (``ContentFeatureSpace/strengths``).
    static func strength(_ share: Int) -> Int { share >= 600 ? 2 : share >= 350 ? 1 : 0 }

    /// Whether every token of `range` is inside a report given.
    func isReported(_ range: Range<Int>) -> Bool { !range.contains { !inReport[$0] } }

    /// The cue words among tokens `range`: their positions in the range, and each one's
    /// number and share (``CueWord``).
    func cues(in range: Range<Int>) -> [(position: Int, word: CueWord)] {
        var cues: [(position: Int, word: CueWord)] = []
        for t in range where words[t].alphabetic {
            if let cue = lexicon[words[t].key] { cues.append((t - range.lowerBound, cue)) }
        }
        return cues
    }

    /// The features of the tokens `range` of a sentence, whose cue words are `found` (``cues(in:)``).
    func sentence(_ range: Range<Int>, cues found: [(position: Int, word: CueWord)]) -> Sentence {
        let n = range.count
        var shares = [Int](repeating: 0, count: n)
        var cueNumber = [Int](repeating: -1, count: n)
        for cue in found { (shares[cue.position], cueNumber[cue.position]) = (cue.word.share, cue.word.number) }
        let cues = found.map(\.position)
        var marks = [Int](repeating: 0, count: n + 1)  // clause marks before each position
        var entities = [Int](repeating: 0, count: n)
        for k in 0..<n {
            let t = range.lowerBound + k
            let word = words[t]
            marks[k + 1] = marks[k] + (!word.alphabetic && Self.clauseMarks.contains(word.key) ? 1 : 0)
            if let mention = view.mention(at: t) { entities[k] = entityTypes[mention.entity] }
        }
        /// Whether position `k` names a person or a body, or is a pronoun.
        func isSourceLike(_ k: Int) -> Bool {
            entities[k] == 0 ? Pronoun.english[words[range.lowerBound + k].key] != nil : entities[k] == Self.person || entities[k] == Self.organisation
        }
        func source(_ c: Int) -> Int {
            let before = (max(0, c - 3)..<c).contains(where: isSourceLike)
            let after = ((c + 1)..<min(n, c + 3)).contains(where: isSourceLike)
            return (before ? 1 : 0) + (after ? 2 : 0)
        }
        let sources = cues.map(source)
        let reported = range.contains { inReport[$0] }
        var rows: [Int] = []
        rows.reserveCapacity(18 * n)
        var starts = [0]
        starts.reserveCapacity(n + 1)
        /// Appends the rows of the nearest cue `c` to one side, whose templates are those from
        /// `first` on: its word, distance, strength by distance, punctuation between by strength,
        /// source by distance, and source by punctuation between.
        func appendCue(first: ContentFeatureSpace.Template, cue c: Int, source: Int, distance: Int, punctuation: Bool) {
            func template(_ i: Int) -> ContentFeatureSpace.Template { ContentFeatureSpace.Template(rawValue: first.rawValue + i) ?? first }
            let d = Self.distance(distance), s = Self.strength(shares[c]), p = punctuation ? 1 : 0
            rows.append(space.row(first, cueNumber[c]))
            rows.append(space.row(template(1), d))
            rows.append(space.row(template(2), 7 * s + d))
            rows.append(space.row(template(3), 3 * p + s))
            rows.append(space.row(template(4), 7 * source + d))
            rows.append(space.row(template(5), 2 * source + p))
        }
        var left = -1  // index into cues of the nearest cue before k
        for k in 0..<n {
            let t = range.lowerBound + k
            while left + 1 < cues.count, cues[left + 1] < k { left += 1 }
            let right = left + 1 < cues.count && cues[left + 1] == k ? left + 2 : left + 1
            rows.append(space.row(.bias, 0))
            rows.append(space.row(.shape, shape(t)))
            rows.append(space.row(.inReport, inReport[t] ? 1 : 0))
            rows.append(space.row(.entity, entities[k]))
            rows.append(space.row(.sentenceCues, min(cues.count, 3)))
            rows.append(space.row(.sentenceReported, reported ? 1 : 0))
            rows.append(space.row(.position, Self.distance(k)))
            rows.append(space.row(.positionFromEnd, Self.distance(n - 1 - k)))
            if cueNumber[k] >= 0 { rows.append(space.row(.cueStrength, Self.strength(shares[k]))) }
            if left >= 0 {
                let c = cues[left]
                appendCue(first: .leftCue, cue: c, source: sources[left], distance: k - c, punctuation: marks[k] - marks[c + 1] > 0)
            } else {
                rows.append(space.row(.noLeft, 0))
            }
            if right < cues.count {
                let c = cues[right]
                appendCue(first: .rightCue, cue: c, source: sources[right], distance: c - k, punctuation: marks[c] - marks[k + 1] > 0)
                if left >= 0 { rows.append(space.row(.strengths, 3 * Self.strength(shares[cues[left]]) + Self.strength(shares[c]))) }
            } else {
                rows.append(space.row(.noRight, 0))
            }
            starts.append(rows.count)
        }
        return Sentence(rows: rows, starts: starts, inReport: Array(inReport[range]), cues: cues)
    }

    /// The marks that end a clause inside a sentence.
    static let clauseMarks: Set<String> = [",", ";", ":", "\u{2014}", "\u{2013}"]

    /// The numbers of the person and organisation types in ``ContentFeatureSpace/entities``.
    private static let person = 1 + (EntityType.allCases.firstIndex(of: .person) ?? 0)
    private static let organisation = 1 + (EntityType.allCases.firstIndex(of: .organisation) ?? 0)

    /// The shape of token `t` (``ContentFeatureSpace/shapes``): a capitalised word of more
    /// than one letter and no lower-case ASCII letter is all capitals.
    private func shape(_ t: Int) -> Int {
        let word = words[t]
        if word.capitalised {
            let letters = bytes[word.span.start..<word.span.end]
            return letters.count > 1 && !letters.contains(where: { $0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z") }) ? 0 : 1
        }
        if word.kind == .number { return 2 }
        let first = bytes[word.span.start]
        return word.alphabetic || (first >= UInt8(ascii: "0") && first <= UInt8(ascii: "9")) ? 4 : 3
    }

    /// Tokens `range` without the punctuation and quote marks at either end; nil when nothing
    /// is left.
    func content(_ range: Range<Int>) -> Range<Int>? {
        var (start, end) = (range.lowerBound, range.upperBound)
        while start < end, words[start].kind == .punctuation || words[start].kind == .quote { start += 1 }
        while end > start, words[end - 1].kind == .punctuation || words[end - 1].kind == .quote { end -= 1 }
        return start < end ? start..<end : nil
    }

    /// The span of tokens `range`.
    func span(_ range: Range<Int>) -> Span { Span(words[range.lowerBound].span.start, words[range.upperBound - 1].span.end) }
}
