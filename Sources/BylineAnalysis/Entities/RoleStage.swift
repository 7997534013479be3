import BylineCore

/// Reads the offices and occupations people hold from the words around their names:
/// - an appositive: "NAME, deputy director-general of the WHO, …", "NAME, a coffee farmer near
///   the town", "NAME, the agency's head of research", "NAME, who is the council's counsel"
///   (rule `appositive`);
/// - a title before the name: "President NAME", "defenseman NAME", "his longtime physician NAME"
///   (rule `title-before-name`);
/// - a possessive before that title: "ORG's foreign minister NAME" (rule `possessive-title`);
/// - a body named before that title: "Port Authority Director NAME" (rule `body-title`);
/// - a nationality before that title: "Chilean Ambassador NAME" (rule `nationality-title`);
/// - a title and the body it serves before the name: "Ambassador to the Harbor League NAME"
///   (rule `title-to-body`);
/// - a title before the name's comma: "the agency's director general, NAME" (rule
///   `title-before-comma`).
/// Roles joined by "and" ("deputy prime minister and minister of finance of Chile") are
/// each recorded, with the whole phrase as their evidence, unless the first names its own
/// organisation ("analyst at Acme and lead author of …"). The organisation is the owner of a
/// possessive ("the agency's"), else the name after the phrase's "of", "for" or "at", else the
/// last organisation the phrase names, else its last place. A relation is not a title: "the
/// senator's wife" gives her no role.
public struct RoleStage: Stage {
    public let name = "roles"
    /// Times, because a weekday before "and" is no portfolio ("Tuesday and Prime Minister NAME").
    public let requires: Set<Layer> = [.text, .tokens, .sentences, .times, .entities]
    public let provides: Set<Layer> = [.roles]
    let vocabulary = NameVocabulary.shared

    public init() {}

    /// The most tokens an appositive role phrase runs to.
    static let longestPhrase = 24

    public func run(on document: inout Document) {
        let reader = PhraseReader(document: document, vocabulary: vocabulary)
        for e in document.entities.indices where document.entities[e].type == .person {
            var roles: [Role] = []
            for mention in document.entities[e].mentions {
                guard let range = reader.tokenRange(of: mention.span) else { continue }
                roles += appositive(after: range, reader: reader) + titleBefore(range, reader: reader)
                    + titleBeforeComma(range, reader: reader)
            }
            var seen: Set<String> = []
            document.setRoles(roles.filter { seen.insert("\($0.title.lowercased())|\($0.org ?? "")").inserted }, of: e)
        }
    }

    /// "NAME, [who is] [the|a] [OWNER's] TITLE [of ORG] [and TITLE …]," — the phrase after a
    /// comma that holds a title; an age between commas ("NAME, 45, a farmer") is passed over.
    /// "NAME is the TITLE of ORG", a copula with no comma, leads into one the same way when the
    /// phrase names the body.
    private func appositive(after person: Range<Int>, reader: PhraseReader) -> [Role] {
        var i = person.upperBound
        let copula = reader.word(i) != ","
        if !copula {
            i += 1
            if reader.document.tokens.indices.contains(i), reader.document.tokens[i].kind == .number, reader.word(i + 1) == "," { i += 2 }
            i += reader.phraseLength(at: i, of: .opener)
        } else {
            // "NAME is the chief engineer of …": a copula and a noun phrase, no comma.
            let length = reader.phraseLength(at: i, of: .copula)
            guard length > 0, reader.isA(i + length, .determiner) else { return [] }
            i += length
        }
        // After an article or a possessive the words before the office are a noun phrase
        // ("a coffee farmer", "the agency's regional manager").
        var loose = false
        if reader.isA(i, .determiner) {
            i += 1
            loose = true
        }
        let owner = reader.possessiveOwner(at: i)
        if let owner {
            i = owner.end
            loose = true
        }
        let start = i
        let firstTitle = reader.titleLength(at: start, loose: loose || reader.startsName(start))
        guard firstTitle > 0 else { return [] }
        // The phrase runs to a comma, a bracket, a relative word or the sentence's end; "and"
        // goes on only into another title or a lower-case phrase ("drug use and mental health"),
        // not into the next person's name.
        var end = start
        while end < reader.sentenceEnd(of: start), end - start < Self.longestPhrase {
            let word = reader.word(end) ?? ""
            if [",", ")", "(", ";", ":", "\"", "“", "”"].contains(word) || Dashes.clause.contains(word) { break }
            if end > start, PhraseWords.english.isA(reader.key(end), .relative) { break }
            // A person the office serves ends it before a preposition: "adviser to Governor
            // NAME on the call".
            if end > start, reader.mention(at: end - 1)?.type == .person, reader.mentionRange(at: end - 1)?.upperBound == end,
                PhraseWords.english.isA(reader.key(end), .preposition)
            {
                break
            }
            if word == "and", reader.titleLength(at: end + 1) == 0, !reader.continuesPhrase(at: end + 1) { break }
            end += 1
        }
        guard end > start else { return [] }
        // "NAME, Director, Acme Securities.": the organisation after a comma closes the phrase.
        if reader.word(end) == ",", reader.organisation(in: start..<end) == nil, let body = reader.mention(at: end + 1),
            body.type == .organisation, let range = reader.mentionRange(at: end + 1), range.lowerBound == end + 1,
            range.upperBound >= reader.sentenceEnd(of: end) || [",", ".", ";"].contains(reader.word(range.upperBound) ?? "")
        {
            end = range.upperBound
        }
        let found = roles(in: start..<end, firstTitle: firstTitle, owner: owner?.name, rule: .appositive, reader: reader)
        // After a copula only an office in a body is a role: "NAME is a bold planner" describes.
        return copula ? found.filter { $0.org != nil } : found
    }

    /// "[ORG's] TITLE NAME" — a title just before the name.
    private func titleBefore(_ person: Range<Int>, reader: PhraseReader) -> [Role] {
        var start = person.lowerBound
        // An honorific between the title and the name stays out of both.
        while start > 0, reader.isHonorific(start - 1) { start -= 1 }
        if let role = titleToBody(before: start, reader: reader) { return [role] }
        let first = reader.titleStart(before: start)
        guard first < start, reader.holdsOffice(first..<start) else { return [] }
        let title = reader.text(first..<start)
        var org: String?
        var rule = RoleRule.titleBeforeName
        var evidence = first..<start
        if first >= 2, reader.isPossessiveMark(first - 1), let owner = reader.mention(at: first - 2), owner.type != .person {
            org = owner.name
            rule = .possessiveTitle
            evidence = reader.mentionRange(at: first - 2)!.lowerBound..<start
        } else if first >= 1, let body = reader.mention(at: first - 1), body.type == .organisation || body.type == .geopolitical {
            // "Harbor Council Speaker NAME", "Port Authority Director NAME": the body named before the title.
            org = body.name
            rule = .bodyTitle
            evidence = reader.mentionRange(at: first - 1)!.lowerBound..<start
        } else if let (length, country) = (1...vocabulary.longestDemonym).reversed().lazy.compactMap({ n in
            first >= n ? vocabulary.country(ofDemonym: reader.text((first - n)..<first)).map { (n, $0) } : nil
        }).first {
            // "Chilean Ambassador NAME": the country of the nationality before the title.
            org = country
            rule = .nationalityTitle
            evidence = (first - length)..<start
        }
        return [Role(title: title, org: org, span: reader.span(evidence), provenance: Provenance(stage: name, rule: rule))]
    }

    /// "TITLE to|of|for [the] BODY NAME" ("Ambassador to the Harbor League NAME"): a title, and
    /// the organisation or place it serves, just before the name.
    private func titleToBody(before start: Int, reader: PhraseReader) -> Role? {
        guard start >= 1, let body = reader.mention(at: start - 1), body.type != .person, let bodyRange = reader.mentionRange(at: start - 1),
            bodyRange.upperBound == start
        else { return nil }
        var link = bodyRange.lowerBound - 1
        if link >= 0, reader.key(link) == "the" { link -= 1 }
        guard link >= 1, ["to", "of", "for"].contains(reader.key(link)) else { return nil }
        let first = reader.titleStart(before: link)
        guard first < link, reader.holdsOffice(first..<link) else { return nil }
        return Role(
            title: reader.text(first..<link), org: body.name, span: reader.span(first..<start),
            provenance: Provenance(stage: name, rule: RoleRule.titleToBody))
    }

    /// "[ORG's|his|the] TITLE, NAME" — a title set off by a comma before the name, after an
    /// article or a possessive ("the agency's director general, NAME", "his predecessor, NAME").
    private func titleBeforeComma(_ person: Range<Int>, reader: PhraseReader) -> [Role] {
        let comma = person.lowerBound - 1
        guard comma >= 1, reader.word(comma) == "," else { return [] }
        let first = reader.titleStart(before: comma, loose: true)
        guard first < comma, first >= 1, reader.holdsOffice(first..<comma),
            reader.isA(first - 1, .determiner) || reader.isPossessiveMark(first - 1) || reader.isA(first - 1, .possessive)
        else { return [] }
        var org: String?
        var evidence = first..<comma
        if first >= 2, reader.isPossessiveMark(first - 1), let owner = reader.mention(at: first - 2), owner.type != .person {
            org = owner.name
            evidence = reader.mentionRange(at: first - 2)!.lowerBound..<comma
        }
        return [Role(title: reader.text(first..<comma), org: org, span: reader.span(evidence), provenance: Provenance(stage: name, rule: RoleRule.titleBeforeComma))]
    }

    /// The roles of one phrase whose first title is `firstTitle` tokens long: each title it
    /// joins with "and", with the organisation it names (`owner`, the possessive's, first).
    private func roles(in phrase: Range<Int>, firstTitle: Int, owner: String?, rule: RoleRule, reader: PhraseReader) -> [Role] {
        var roles: [Role] = []
        var i = phrase.lowerBound
        var length = firstTitle
        while i < phrase.upperBound, length > 0 {
            // A title read across the phrase's end (into the next sentence) stops at it.
            var end = min(i + length, phrase.upperBound)
            // "minister of foreign affairs": a lower-case "of …" belongs to the title, but not
            // one that opens a noun phrase ("director of a shipper", "head of the union").
            while end + 1 < phrase.upperBound, reader.word(end) == "of", let next = reader.word(end + 1), next.first?.isLowercase == true,
                !PhraseWords.english.isA(next, .determiner)
            {
                end += 2
                // It ends before a preposition: "… programs at Acme" names where the office is.
                while end < phrase.upperBound, let word = reader.word(end), word.first?.isLowercase == true, word != "of", word != "and",
                    !PhraseWords.english.isA(word, .preposition)
                {
                    end += 1
                }
            }
            let and = (end..<phrase.upperBound).first { reader.word($0) == "and" && reader.titleLength(at: $0 + 1) > 0 }
            // A title that names its own organisation before the next one ("analyst at Acme and
            // lead author of …") has the words up to "and" as its evidence; joined titles that
            // share one ("deputy minister and minister of finance of Chile") the whole phrase.
            let own = and.flatMap { and in reader.organisation(in: end..<and).map { _ in i..<and } }
            let evidence = own ?? phrase
            roles.append(
                Role(
                    title: reader.text(i..<end), org: owner ?? reader.organisation(in: evidence), span: reader.span(evidence),
                    provenance: Provenance(stage: name, rule: rule)))
            // The next title after "and", if any.
            guard let and else { break }
            i = and + 1
            length = reader.titleLength(at: i)
        }
        return roles
    }
}

/// Token-level reading of a document for the role patterns, over its ``DocumentView``.
struct PhraseReader {
    let document: Document
    let vocabulary: NameVocabulary
    private let view: DocumentView

    init(document: Document, vocabulary: NameVocabulary) {
        self.document = document
        self.vocabulary = vocabulary
        view = document.view
    }

    func word(_ i: Int) -> String? {
        i >= 0 && i < document.tokens.count ? String(document.text[document.tokens[i].span]) : nil
    }

    /// The key of token `i` (see ``Word/key``); `i` must be a token's index.
    func key(_ i: Int) -> String { view.words[i].key }

    func text(_ range: Range<Int>) -> String { String(document.text[span(range)]) }

    func span(_ range: Range<Int>) -> Span {
        Span(document.tokens[range.lowerBound].span.start, document.tokens[range.upperBound - 1].span.end)
    }

    /// The token after the sentence holding token `i` (the token count outside sentences).
    func sentenceEnd(of i: Int) -> Int {
        guard i >= 0, i < view.words.count, let sentence = view.words[i].sentence else { return document.tokens.count }
        return document.sentences[sentence].tokens.upperBound
    }

    func tokenRange(of span: Span) -> Range<Int>? { view.tokens(covering: span) }

    func mention(at i: Int) -> Entity? {
        i >= 0 && i < view.words.count ? view.mention(at: i).map { document.entities[$0.entity] } : nil
    }

    func mentionRange(at i: Int) -> Range<Int>? { view.mention(at: i)?.tokens }

    func isHonorific(_ i: Int) -> Bool {
        guard let word = word(i) else { return false }
        return vocabulary.honorificLastWords.contains(word)
    }

    /// Whether token `i` is a word of `wordClass` in `role-phrases.tsv`.
    func isA(_ i: Int, _ wordClass: RolePhraseWords.Class) -> Bool {
        i >= 0 && i < view.words.count && RolePhraseWords.english.isA(view.words[i].key, wordClass)
    }

    /// Whether token `i` is the possessive "'s".
    func isPossessiveMark(_ i: Int) -> Bool {
        i >= 0 && i < view.words.count && view.words[i].key == "'s"
    }

    /// How many tokens from `i` are the longest phrase of `kind` there: one that leads into a
    /// role after a name's comma ("who is", "who served as"), or a copula right after a name
    /// ("is", "has been"); 0 when none is.
    func phraseLength(at i: Int, of kind: RolePhraseWords.Phrase) -> Int {
        RolePhraseWords.english.phrases(kind).first { phrase in
            i + phrase.count <= view.words.count && phrase.indices.allSatisfy { view.words[i + $0].key == phrase[$0] }
        }?.count ?? 0
    }

    /// A possessive owner that opens a role phrase at `i` ("the agency's", "Acme's"): the token
    /// after its "'s", and the organisation or place it names, if it names one.
    func possessiveOwner(at i: Int) -> (end: Int, name: String?)? {
        guard i >= 0, i < view.words.count else { return nil }
        if let range = mentionRange(at: i), range.lowerBound == i, let owner = mention(at: i), owner.type != .person, isPossessiveMark(range.upperBound) {
            return (range.upperBound + 1, owner.name)
        }
        // A common noun or two: "the bank's", "the city council's", "the President's".
        for k in i..<min(i + 2, view.words.count) {
            guard view.words[k].kind == .word, mention(at: k) == nil, !PhraseWords.english.isGrammarWord(view.words[k].key) else { return nil }
            if isPossessiveMark(k + 1) { return (k + 2, nil) }
        }
        return nil
    }

    /// Whether token `i` starts the name of an organisation or place: a role phrase may open
    /// with the body before the office ("NAME, Harbor Council public information officer").
    func startsName(_ i: Int) -> Bool {
        guard let range = mentionRange(at: i), range.lowerBound == i, let body = mention(at: i) else { return false }
        return body.type != .person
    }

    /// Whether the phrase may go on past an "and" into token `i`: a lower-case word that is no
    /// grammar word ("drug use and mental health").
    func continuesPhrase(at i: Int) -> Bool {
        i < view.words.count && view.words[i].kind == .word && !view.words[i].capitalised
            && !PhraseWords.english.isGrammarWord(view.words[i].key) && !vocabulary.kinship.contains(view.words[i].key)
    }

    /// Whether token `i` is a lower-case word that may stand in a noun phrase before an office:
    /// not a grammar word, a number or a relation ("coffee" of "a coffee farmer").
    private func isNounModifier(_ i: Int) -> Bool {
        let word = view.words[i]
        return word.kind == .word && word.alphabetic && !word.capitalised && !PhraseWords.english.isGrammarWord(word.key)
            && !vocabulary.kinship.contains(word.key) && !RolePhraseWords.english.isA(word.key, RolePhraseWords.Class.determiner)
    }

    /// The number of tokens of the office or occupation that starts at token `i`, or nil.
    func headLength(at i: Int) -> Int? {
        vocabulary.titleHeadLength(at: i, keys: view.words) ?? vocabulary.occupationLength(at: i, keys: view.words)
    }

    /// How many tokens from `i` form a title: modifiers ("deputy", "first vice") then an
    /// office ("secretary-general", "prime minister") or an occupation ("winger"); 0 when none
    /// starts there. The names of organisations and places may stand before the office ("acting
    /// U.S. attorney", "former Harbor Council official"); with `loose` (inside a noun phrase: "a
    /// coffee farmer", "the Harbor State Department of Health information officer") up to two
    /// other lower-case words, and capitalised words and their "of" (a body's name the tagger cut
    /// short), too. A title never ends in a possessive: "the senator's wife" holds no office.
    func titleLength(at i: Int, loose: Bool = false) -> Int {
        guard i >= 0 else { return 0 }
        let words = view.words
        var j = i
        var lastHead = 0
        var freeWords = 0
        while j < words.count, j - i < Self.longestTitle {
            // The longest office name that starts here.
            if let head = headLength(at: j) {
                j += head
                lastHead = j - i
                freeWords = 0
            } else if let range = mentionRange(at: j), range.lowerBound == j, mention(at: j)?.type != .person {
                j = range.upperBound
            } else if vocabulary.titleModifiers.contains(words[j].key) {
                j += 1
            } else if loose, words[j].capitalised, words[j].kind == .word, mention(at: j) == nil {
                // The rest of a body's name the tagger cut short ("Harbor Safety Council").
                j += 1
            } else if loose, j > i, words[j].key == "of", j + 1 < words.count, words[j + 1].capitalised {
                j += 1
            } else if loose, freeWords < Self.mostNounModifiers, isNounModifier(j) {
                j += 1
                freeWords += 1
            } else {
                break
            }
        }
        return isPossessiveMark(i + lastHead) ? 0 : lastHead
    }

    /// The most tokens a title runs to, modifiers and the names of bodies included.
    static let longestTitle = 10

    /// The most lower-case words a noun phrase may have before its office.
    static let mostNounModifiers = 2

    /// Where a title that ends before token `end` starts, read backwards: office and modifier
    /// words, pairs of portfolios joined by "and" ("Fisheries and Environment Minister"), titles
    /// joined by "and" ("founder and chief executive"), and one lower-case word opening the noun
    /// phrase after an article, a preposition or a possessive ("by talent manager NAME"); with
    /// `loose`, up to two. `end` when no title ends there.
    func titleStart(before end: Int, loose: Bool = false) -> Int {
        var first = end
        while first > 0, let word = word(first - 1), word.first?.isLetter == true, mention(at: first - 1) == nil,
            vocabulary.isTitleWord(key(first - 1)) || headLength(at: first - 1) != nil
        {
            first -= 1
            // "Fisheries and Environment Minister", "founder and longtime chief executive".
            // The pair opens the phrase: "Dana Holt and Energy Secretary" is no portfolio.
            if first >= 2, key(first - 1) == "and", mention(at: first - 2) == nil, !isTime(first - 2),
                (view.words[first].capitalised && view.words[first - 2].capitalised && view.words[first - 2].alphabetic
                    && (first == 2 || !view.words[first - 3].capitalised || view.words[first - 3].sentence != view.words[first - 2].sentence))
                    || headLength(at: first - 2) != nil
            {
                first -= 2
            }
        }
        guard first < end else { return end }
        var free = 0
        // "to" may open a verb ("to meet lawyer NAME"), not a noun phrase.
        while free < (loose ? Self.mostNounModifiers : 1), first >= 2, isNounModifier(first - 1), key(first - 2) != "to",
            PhraseWords.english.isA(key(first - 2), .preposition) || PhraseWords.english.isA(key(first - 2), .determiner)
                || isA(first - 2, .possessive) || isPossessiveMark(first - 2) || (loose && isNounModifier(first - 2))
        {
            first -= 1
            free += 1
        }
        return first
    }

    /// Whether token `i` lies in a time expression ("Tuesday and Prime Minister NAME").
    private func isTime(_ i: Int) -> Bool {
        let span = view.words[i].span
        return document.times.contains { $0.span.overlaps(span) }
    }

    /// Whether the words `range` name an office or occupation.
    func holdsOffice(_ range: Range<Int>) -> Bool {
        range.contains { headLength(at: $0) != nil || vocabulary.titleHeads.contains(key($0)) }
    }

    /// The name of the organisation a role phrase names: the name after its "of", "for", "at"
    /// or "with" ("spokeswoman for Harbor Grid ISO", even where the tagger read only "Harbor
    /// Grid"), holding its last organisation, else its last place.
    func organisation(in phrase: Range<Int>) -> String? {
        guard !phrase.isEmpty else { return nil }
        let named = phrase.filter { mention(at: $0) != nil && (mentionRange(at: $0)?.lowerBound == $0 || $0 == phrase.lowerBound) }
        guard let at = named.last(where: { mention(at: $0)?.type == .organisation })
            ?? named.last(where: { [.geopolitical, .location].contains(mention(at: $0)?.type) }),
            let entity = mention(at: at)
        else { return nil }
        return nameAfterPreposition(holding: at, within: phrase) ?? entity.name
    }

    /// The capitalised words after a preposition ("for", "of", "at", "with", an article passed
    /// over) that hold the name starting at token `at`, when they run beyond it: the whole
    /// name of a body the tagger cut short.
    private func nameAfterPreposition(holding at: Int, within phrase: Range<Int>) -> String? {
        var start = at
        while start > phrase.lowerBound, view.words[start - 1].capitalised, mention(at: start - 1)?.type != .person { start -= 1 }
        var link = start - 1
        if link >= phrase.lowerBound, key(link) == "the" { link -= 1 }
        guard link >= phrase.lowerBound, ["for", "of", "at", "with"].contains(key(link)) else { return nil }
        var end = mentionRange(at: at)?.upperBound ?? at + 1
        while end < phrase.upperBound, view.words[end].capitalised, view.words[end].kind != .quote, mention(at: end)?.type != .person { end += 1 }
        guard start < at || end > (mentionRange(at: at)?.upperBound ?? at + 1) else { return nil }
        return text(start..<end)
    }
}

/// The grammar words of role phrases (`role-phrases.tsv`).
final class RolePhraseWords: Sendable {
    static let english = RolePhraseWords(DataFile(PackageResources.role_phrases_tsv))

    /// The word classes of the file (its phrases are kept apart).
    enum Class: String {
        case determiner, possessive
    }

    /// The phrase classes of the file: words that lead into a role.
    enum Phrase: String {
        /// After a name's comma ("who is", "who served as").
        case opener
        /// Right after a name, before a determiner ("is", "has been").
        case copula
    }

    private let classes: [String: Set<Class>]
    /// The phrases of each phrase class, as word keys, longest first.
    private let phrases: [Phrase: [[String]]]

    init(_ file: DataFile) {
        var classes: [String: Set<Class>] = [:]
        var phrases: [Phrase: [[String]]] = [:]
        for row in file.rows where row.count == 2 {
            if let phrase = Phrase(rawValue: row[0]) {
                phrases[phrase, default: []].append(row[1].split(separator: " ").map(String.init))
            } else if let wordClass = Class(rawValue: row[0]) {
                classes[row[1], default: []].insert(wordClass)
            }
        }
        self.classes = classes
        self.phrases = phrases.mapValues { $0.sorted { $0.count > $1.count } }
    }

    /// The phrases of class `kind`, as word keys, longest first.
    func phrases(_ kind: Phrase) -> [[String]] {
        phrases[kind] ?? []
    }

    /// Whether `key` (lower case) belongs to `wordClass`.
    func isA(_ key: String, _ wordClass: Class) -> Bool {
        classes[key]?.contains(wordClass) == true
    }
}

/// The rules of the role stage, as its facts record them; the rule catalogue
/// (`Resources/rules.tsv`) says what each one means.
enum RoleRule: String, StageRule {
    case appositive, titleBeforeName, possessiveTitle, bodyTitle, nationalityTitle, titleToBody, titleBeforeComma
}
