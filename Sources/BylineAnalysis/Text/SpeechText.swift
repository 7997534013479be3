import BylineCore

/// A document's words as the readers of speech (coreference, quotes) read them: which tokens
/// lie inside quotation marks, and the cue phrase ("said", "pointed out") starting at each
/// token, on top of the document's shared view (each token's key, sentence and paragraph).
/// Read once, never changed.
struct SpeechText {
    let document: Document
    let facts: FactText
    /// The quotations between quote marks, in order.
    let quotes: [FoundQuote]
    /// Whether each token lies inside quotation marks: words quoted are never the speaker's name.
    let quoted: [Bool]
    /// Each sentence's paragraph index: the paragraph of its first token in the document's view.
    let paragraphOfSentence: [Int]
    private let view: DocumentView
    private let cueLengths: [UInt8]

    /// Cue phrases by their first word, longest first.
    static let cueWords = WordMap(
        Dictionary(
            grouping: DataFile(PackageResources.speech_cues_txt).lines.map { $0.split(separator: " ").map(String.init) }, by: { $0[0] }
        ).mapValues { $0.sorted { $0.count > $1.count } })

    init(document: Document, facts: FactText) {
        self.document = document
        self.facts = facts
        view = document.view
        quotes = QuoteMarks.quotes(in: document)
        var quoted = [Bool](repeating: false, count: view.words.count)
        for quote in quotes {
            var t = view.token(atOrAfter: quote.span.start)
            while t < quoted.count, view.words[t].span.start < quote.span.end {
                quoted[t] = true
                t += 1
            }
        }
        self.quoted = quoted
        paragraphOfSentence = document.sentences.map { [words = view.words] sentence in
            words.indices.contains(sentence.tokens.lowerBound) ? words[sentence.tokens.lowerBound].paragraph : 0
        }
        cueLengths = Self.cueLengths(facts, quoted: quoted, sentences: document.sentences)
    }

    /// A token's lower-cased text.
    func key(_ t: Int) -> String { facts.words[t].key }

    /// A token's text as written.
    func word(_ t: Int) -> String { String(document.text[document.tokens[t].span]) }

    /// The first token starting at or after the byte `offset`.
    func token(at offset: Int) -> Int { view.token(atOrAfter: offset) }

    /// The index of the sentence holding token `t`, if any.
    func sentenceIndex(ofToken t: Int) -> Int? { view.words[t].sentence }

    /// The index of the sentence holding the token starting at or after `offset`.
    func sentenceIndex(at offset: Int) -> Int? {
        let t = min(token(at: offset), view.words.count - 1)
        return t >= 0 ? sentenceIndex(ofToken: t) : nil
    }

    /// The token range of the sentence holding the byte `offset`.
    func sentence(at offset: Int) -> Range<Int>? {
        sentenceIndex(at: offset).map { document.sentences[$0].tokens }
    }

    /// How far, in tokens, a speaker or a subject is looked for from a quote or pronoun inside
    /// its sentence: further than any sentence of the PolNeAR and AEB news runs (157 words at
    /// most); a longer "sentence" is a list or a transcript run together, and reading all of it
    /// for each of its quotes would cost the square of its length.
    static let reach = 250

    /// The part of the sentence `sentence` within ``reach`` tokens of token `t`.
    func reach(of sentence: Range<Int>, around t: Int) -> Range<Int> {
        max(sentence.lowerBound, t - Self.reach)..<min(sentence.upperBound, max(sentence.lowerBound, t + Self.reach))
    }

    /// The cue phrase starting at token `t`, as written, with its length.
    func cue(at t: Int) -> (text: String, length: Int)? {
        let length = Int(cueLengths[t])
        guard length > 0 else { return nil }
        return (String(document.text[Span(document.tokens[t].span.start, document.tokens[t + length - 1].span.end)]), length)
    }

    /// Whether the cue word at token `t` reports speech where it stands: not after "other", nor
    /// in its "-s" form after a number, where it is a plural noun ("13 other states", "two
    /// claims"; a year before a verb still reports: "who in 2010 said"); a preposition ("per")
    /// only before a name or a determiner ("per the agency", not "$5 per gallon"); a word more
    /// often a plural noun only before a complement ("states that", not "swing states could").
    private static func isSpeechInContext(_ t: Int, _ facts: FactText) -> Bool {
        let key = facts.words[t].key
        if facts.grammar.isA(key, .preposition) {
            guard t + 1 < facts.words.count, t == 0 || facts.words[t - 1].kind != .number else { return false }
            let next = facts.words[t + 1]
            return next.capitalised || facts.grammar.isA(next.key, .determiner)
        }
        if SpeakerWords.complementCues.contains(key) {
            guard t + 1 < facts.words.count else { return true }
            let next = facts.words[t + 1]
            guard next.key == "that" || next.kind == .punctuation || next.kind == .quote else { return false }
        }
        guard t > 0 else { return true }
        let before = facts.words[t - 1]
        return !(before.kind == .number && key.hasSuffix("s")) && !SpeakerWords.nounMarkers.contains(before.key)
    }

    /// The length in tokens of the cue phrase starting at each token (0: none), read once.
    private static func cueLengths(_ facts: FactText, quoted: [Bool], sentences: [Sentence]) -> [UInt8] {
        facts.words.indices.map { t in
            guard !quoted[t], let candidates = cueWords[facts.words[t].key] else { return 0 }
            // After a determiner the word is a noun ("the states", "his calls"), not a cue; nor
            // is a capitalised word inside a sentence ("the United States").
            if t > 0, facts.grammar.isA(facts.words[t - 1].key, .determiner), !facts.grammar.isA(facts.words[t - 1].key, .pronoun) { return 0 }
            if facts.words[t].capitalised, facts.words[t].sentence.map({ sentences[$0].tokens.lowerBound }) != t { return 0 }
            if !isSpeechInContext(t, facts) { return 0 }
            let match = candidates.first { words in
                t + words.count <= facts.words.count && words.indices.allSatisfy { facts.words[t + $0].key == words[$0] }
            }
            return UInt8(match?.count ?? 0)
        }
    }
}

/// The word classes of `speaker-words.tsv` and the nouns of `speech-nouns.txt`: what the readers
/// of speech take clauses and speakers by.
enum SpeakerWords {
    /// The classes of `speaker-words.tsv`: subordinators, quantifiers, title words, conjunctions.
    private static let classes: [String: Set<String>] = DataFile(PackageResources.speaker_words_tsv).rows
        .filter { $0.count == 2 }
        .reduce(into: [:]) { classes, row in classes[row[0], default: []].formUnion(row[1].split(separator: " ").map(String.init)) }

    /// Words that introduce a title rather than speech: `the theme "…"`.
    static let titleWords = classes["title-word"] ?? []

    /// Title words that are also verbs ("show"): a title word only after a determiner, a
    /// possessive or a capitalised word.
    static let titleNouns = classes["title-noun"] ?? []

    /// Nouns for a showing of a programme (`an edition of "…"`): title-case quoted words after
    /// one and "of" name the programme.
    static let programmeNouns = classes["programme-noun"] ?? []

    /// Nouns for a document someone issues (`the statement read`): as a speaker, "the" and
    /// one of them stands for whoever issued it.
    static let documentNouns = classes["document-noun"] ?? []

    /// Quantifiers that stand for people on their own as a subject ("Some chanted …").
    static let standaloneQuantifiers = classes["quantifier"] ?? []

    /// Words that open a subordinate clause at the start of a sentence.
    static let subordinators = classes["subordinator"] ?? []

    /// Conjunctions after a comma that open a clause reporting on its own (", and Lee called it …").
    static let clauseOpeners = classes["clause-opener"] ?? []

    /// Conjunctions that join a second verb to the first, sharing its subject ("… and added").
    static let coordinators = classes["coordinator"] ?? []

    /// Conjunctions that open a phrase before its subject without being part of it ("But a source").
    static let sentenceConjunctions = classes["sentence-conjunction"] ?? []

    /// Words after which a cue word is a noun ("other states").
    static let nounMarkers = classes["noun-marker"] ?? []

    /// Words that open a clause which is no reported speech although a cue follows ("Asked
    /// where the money went, Ortiz said …").
    static let notSpeechOpeners = classes["not-speech-opener"] ?? []

    /// Cue words far more often plural nouns ("battleground states"): cues only right before
    /// "that", punctuation or a quote mark.
    static let complementCues = classes["complement-cue"] ?? []

    /// Verbs after which quoted words are what someone calls a person (`nicknamed "…"`).
    static let epithetVerbs = classes["epithet-verb"] ?? []

    /// Verbs whose object, a person, is called the quoted words after it (`branded him "…"`).
    static let namingVerbs = classes["naming-verb"] ?? []

    /// Pronouns for a person as an object (`called him "…"`, `hailed her as "…"`).
    static let objectPronouns = classes["object-pronoun"] ?? []

    /// Verbs whose object, a speech noun, is what their subject said (`Lee made a comment`).
    static let utteranceVerbs = classes["utterance-verb"] ?? []

    /// Nouns that carry words: `X's claim that …`.
    static let speechNouns: Set<String> = Set(DataFile(PackageResources.speech_nouns_txt).lines)
}
