import BylineCore

/// Reads the offices people hold from the words around their names:
/// - an appositive: "NAME, deputy director-general of the WHO, …" (rule `appositive`);
/// - a title before the name: "President NAME", "Foreign Minister NAME" (rule `title-before-name`);
/// - a possessive before that title: "ORG's foreign minister NAME" (rule `possessive-title`);
/// - a body named before that title: "Port Authority Director NAME" (rule `body-title`);
/// - a nationality before that title: "Chilean Ambassador NAME" (rule `nationality-title`).
/// Roles joined by "and" ("deputy prime minister and minister of finance of Chile") are
/// each recorded, with the whole phrase as their evidence. The organisation is the one the
/// phrase names (an organisation before a country).
public struct RoleStage: Stage {
    public let name = "roles"
    public let requires: Set<Layer> = [.text, .tokens, .sentences, .entities]
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
            }
            var seen: Set<String> = []
            document.setRoles(roles.filter { seen.insert("\($0.title.lowercased())|\($0.org ?? "")").inserted }, of: e)
        }
    }

    /// "NAME, TITLE [of ORG] [and TITLE …]," — the phrase after a comma that opens with a title.
    private func appositive(after person: Range<Int>, reader: PhraseReader) -> [Role] {
        var i = person.upperBound
        guard reader.word(i) == "," else { return [] }
        i += 1
        if ["the", "a", "an"].contains(reader.word(i)?.lowercased() ?? "") { i += 1 }
        let start = i
        guard reader.titleLength(at: start) > 0 else { return [] }
        // The phrase runs to a comma, a bracket or the sentence's end; "and" goes on only into
        // another title, not into the next person's name.
        var end = start
        while end < reader.sentenceEnd(of: start), end - start < Self.longestPhrase {
            let word = reader.word(end) ?? ""
            if [",", ")", "(", ";", ":", "\"", "“", "”"].contains(word) || Dashes.clause.contains(word) { break }
            if word == "and", reader.titleLength(at: end + 1) == 0 { break }
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
        return roles(in: start..<end, rule: .appositive, reader: reader)
    }

    /// "[ORG's] TITLE NAME" — a title just before the name.
    private func titleBefore(_ person: Range<Int>, reader: PhraseReader) -> [Role] {
        var start = person.lowerBound
        // An honorific between the title and the name stays out of both.
        while start > 0, reader.isHonorific(start - 1) { start -= 1 }
        var first = start
        while first > 0, let word = reader.word(first - 1), word.first?.isLetter == true,
            vocabulary.isTitleWord(reader.key(first - 1)), reader.mention(at: first - 1) == nil
        {
            first -= 1
        }
        guard first < start, (first..<start).contains(where: { reader.titleLength(at: $0) > 0 || vocabulary.titleHeads.contains(reader.key($0)) }) else {
            return []
        }
        let title = reader.text(first..<start)
        var org: String?
        var rule = RuleID.titleBeforeName
        var evidence = first..<start
        if first >= 2, ["'s", "’s"].contains(reader.word(first - 1) ?? ""), let owner = reader.mention(at: first - 2),
            owner.type != .person
        {
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

    /// The roles of one phrase: each title it joins with "and", with the organisation it names.
    private func roles(in phrase: Range<Int>, rule: RuleID, reader: PhraseReader) -> [Role] {
        let org = reader.organisation(in: phrase)
        var roles: [Role] = []
        var i = phrase.lowerBound
        while i < phrase.upperBound {
            let length = reader.titleLength(at: i)
            guard length > 0 else { break }
            var end = i + length
            // "minister of foreign affairs": a lower-case "of …" belongs to the title.
            while end + 1 < phrase.upperBound, reader.word(end) == "of", reader.word(end + 1)?.first?.isLowercase == true,
                reader.word(end + 1) != "the"
            {
                end += 2
                // It ends before a preposition: "… programs at Acme" names where the office is.
                while end < phrase.upperBound, let word = reader.word(end), word.first?.isLowercase == true, word != "of", word != "and",
                    !PhraseWords.english.isA(word, .preposition)
                {
                    end += 1
                }
            }
            roles.append(Role(title: reader.text(i..<end), org: org, span: reader.span(phrase), provenance: Provenance(stage: name, rule: rule)))
            // The next title after "and", if any.
            guard let and = (end..<phrase.upperBound).first(where: { reader.word($0) == "and" }) else { break }
            i = and + 1
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

    func mention(at i: Int) -> Entity? { view.mention(at: i).map { document.entities[$0.entity] } }

    func mentionRange(at i: Int) -> Range<Int>? { view.mention(at: i)?.tokens }

    func isHonorific(_ i: Int) -> Bool {
        guard let word = word(i) else { return false }
        return vocabulary.honorifics.contains { $0.last == word }
    }

    /// How many tokens from `i` form a title: modifiers ("deputy", "first vice") then an
    /// office ("secretary-general", "prime minister"); 0 when none starts there.
    func titleLength(at i: Int) -> Int {
        guard i >= 0 else { return 0 }
        let words = view.words
        var j = i
        var lastHead = 0
        while j < words.count, j - i < Self.longestTitle {
            // The longest office name that starts here.
            if let head = vocabulary.titleHeadLength(at: j, keys: words) {
                j += head
                lastHead = j - i
            } else if vocabulary.titleModifiers.contains(words[j].key) {
                j += 1
            } else {
                break
            }
        }
        return lastHead
    }

    /// The most tokens a title runs to, modifiers included.
    static let longestTitle = 8

    /// The name of the organisation a role phrase names: its last organisation, else its last
    /// place.
    func organisation(in phrase: Range<Int>) -> String? {
        let named = phrase.compactMap { mention(at: $0) }
        return (named.last { $0.type == .organisation } ?? named.last { $0.type == .geopolitical || $0.type == .location })?.name
    }
}

extension RuleID {
    /// "NAME, TITLE of ORG": a role phrase after the name's comma.
    static let appositive = RuleID("appositive")
    /// "TITLE NAME": a title just before the name.
    static let titleBeforeName = RuleID("title-before-name")
    /// "ORG's TITLE NAME": the organisation before the title, with a possessive.
    static let possessiveTitle = RuleID("possessive-title")
    /// "ORG TITLE NAME": a body named just before the title.
    static let bodyTitle = RuleID("body-title")
    /// "NATIONALITY TITLE NAME": the country of the nationality before the title.
    static let nationalityTitle = RuleID("nationality-title")
}
