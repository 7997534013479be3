import BylineCore

/// Finds the document's names and groups their mentions into entities: spellings of one name
/// ("Anne-Marie Dubois", "Anne Marie Dubois"), a surname after the full name ("Dubois") or before it
/// (a headline's "Dubois" when the story then names "Anne-Marie Dubois"), acronyms
/// and their expansions ("NATO", "North Atlantic Treaty Organization"), and the formal and
/// short names of a country ("United Kingdom of Great Britain and Northern Ireland", "Britain", "UK"). Each mention records
/// the rule that joined it to its entity.
public struct EntityStage: Stage {
    public let name = "entities"
    /// Times, because a name does not end in the words of a time expression.
    public let requires: Set<Layer> = [.text, .tokens, .sentences, .times]
    public let provides: Set<Layer> = [.entities]
    let finder: NamedMentionFinder

    public init(tagger: any NameTagger) {
        finder = NamedMentionFinder(tagger: tagger)
    }

    public func run(on document: inout Document) {
        var grouper = MentionGrouper(stage: name, publisher: document.metadata.publisher)
        for mention in finder.mentions(in: document) { grouper.add(mention) }
        document.setEntities(grouper.entities().map { Self.namedOutsideCaptions($0, in: document) })
        addRepeatedNames(to: &document)
    }

    /// A body or place named by the fullest form written outside captions: a form written only
    /// in captions and photo credits ("(© Harbor Ministry of Works)") stays an alias when the
    /// story names the body too ("the Works Ministry"). A person keeps the fullest name, which
    /// a caption often gives alone.
    private static func namedOutsideCaptions(_ entity: Entity, in document: Document) -> Entity {
        guard entity.type != .person else { return entity }
        let paragraphs = document.paragraphs
        func outsideCaptions(_ mention: Mention) -> Bool {
            let p = paragraphs.partitioningIndex { $0.span.end > mention.span.start }
            return p == paragraphs.endIndex || paragraphs[p].kind != .caption
        }
        let outside = entity.mentions.filter(outsideCaptions)
        let textForms = outside.map { String(document.text[$0.span]) }
        // Only a name the captions write is set aside (not a country's full name no one wrote).
        guard !textForms.isEmpty, !textForms.contains(entity.name),
            entity.mentions.contains(where: { !outsideCaptions($0) && document.text[$0.span] == entity.name })
        else { return entity }
        let forms = [entity.name] + entity.aliases
        // The form with the most words, the first of those.
        var name = ""
        for form in forms where textForms.contains(form) && form.splitAtSpaces().count > name.splitAtSpaces().count { name = form }
        guard !name.isEmpty else { return entity }
        var named = entity
        named.name = name
        named.aliases = forms.filter { $0 != name }
        return named
    }

    /// Occurrences of a name of several words that the tagger passed over elsewhere in the
    /// document ("the Harbor Council" tagged once, missed twice) become mentions of its entity
    /// (rule `name-repeat`). One-word names are left alone: "May" or "Park" may be words.
    private func addRepeatedNames(to document: inout Document) {
        let tokens = document.tokens
        guard !tokens.isEmpty else { return }
        let view = document.view
        let covered = tokens.indices.map { view.mention(at: $0) != nil }
        // The names' words by their first word, longest first.
        var names: [String: [(words: [String], entity: Int)]] = [:]
        for (e, entity) in document.entities.enumerated() {
            for form in [entity.name] + entity.aliases {
                let words = form.splitAtSpaces().map(String.init)
                guard words.count > 1, let first = words.first else { continue }
                names[first, default: []].append((words, e))
            }
        }
        for key in names.keys { names[key]!.sort { $0.words.count > $1.words.count } }
        guard !names.isEmpty else { return }
        let bytes = Array(document.text.utf8)
        var t = 0
        while t < tokens.count {
            // A name's first word starts with a capital, or with a letter outside ASCII.
            let lead = bytes[tokens[t].span.start]
            guard !covered[t], lead >= 0x80 || (lead >= 0x41 && lead <= 0x5A), let candidates = names[String(document.text[tokens[t].span])],
                let found = candidates.first(where: { name in
                    t + name.words.count <= tokens.count
                        && name.words.indices.allSatisfy { k in !covered[t + k] && document.text[tokens[t + k].span] == name.words[k] }
                })
            else {
                t += 1
                continue
            }
            let end = t + found.words.count
            document.addMention(
                Mention(span: Span(tokens[t].span.start, tokens[end - 1].span.end), provenance: Provenance(stage: name, rule: EntityRule.nameRepeat)),
                to: found.entity)
            t = end
        }
    }
}

/// Groups mentions, in text order, into entities.
struct MentionGrouper {
    let stage: String
    let vocabulary = NameVocabulary.shared

    /// An entity being built.
    private struct Group {
        var type: EntityType
        /// Written forms in order of first use.
        private(set) var forms: [String]
        var keys: Set<String>
        /// For a country, its ISO code.
        var country: String?
        var mentions: [Mention]
        /// The text offset of the latest mention: the most recently named wins a shared surname.
        var lastSeen: Int
        /// The last words of the titles and honorifics written before the person's name
        /// ("president", "mrs.").
        var titles: Set<String> = []
        /// The fullest form: the one with the most words, the first of those.
        private(set) var name: String
        /// The keys of the name's words, when it has several: the surnames it answers to.
        private(set) var nameWords: Set<String>
        /// The keys of the name's words, in order.
        private(set) var nameKeys: [String] = []
        /// Whether the name ends in a generational suffix ("Jr.").
        private(set) var hasSuffix = false
        /// Whether a family relation introduced the person ("his wife, NAME").
        var isRelative = false
        /// Whether a mention's words read as an organisation's (see ``NamedMention/bodyCue``).
        var bodyCue = false
        /// Whether every mention opens its sentence alone (see ``NamedMention/opensSentenceAlone``).
        var opensSentencesAlone = true
        /// Whether a mention's words read as a person's (see ``NamedMention/personCue``).
        var personCue = false

        init(type: EntityType, forms: [String], key: String, country: String?, mention: Mention, at offset: Int) {
            self.type = type
            self.forms = []
            keys = [key]
            self.country = country
            mentions = [mention]
            lastSeen = offset
            name = ""
            nameWords = []
            for form in forms { add(form) }
        }

        /// Adds `form`, unless the group has it; returns whether it was new.
        @discardableResult
        mutating func add(_ form: String) -> Bool {
            guard !forms.contains(form) else { return false }
            forms.append(form)
            if Self.wordCount(form) > Self.wordCount(name) {
                name = form
                nameKeys = form.splitAtSpaces().map { NameForms.key($0) }
                // A suffix is no surname: "Jr." alone names no one.
                let suffixes = NameVocabulary.shared.nameSuffixKeys
                hasSuffix = nameKeys.count > 1 && suffixes.contains(nameKeys[nameKeys.count - 1])
                let surnames = hasSuffix ? nameKeys.dropLast() : nameKeys[...]
                nameWords = surnames.count > 1 ? Set(surnames) : []
            }
            return true
        }

        /// Whether the name's first words are `words` (keys) and it has more words after them.
        func startsWith(_ words: [String]) -> Bool {
            nameKeys.count > words.count && nameKeys.prefix(words.count).elementsEqual(words)
        }

        /// Whether the name's last words are `words` (keys) and it has more words before them.
        func endsWith(_ words: [String]) -> Bool {
            nameKeys.count > words.count && nameKeys.suffix(words.count).elementsEqual(words)
        }

        /// Takes in `other`'s forms and mentions, each mention's provenance taking the step `rule`.
        mutating func absorb(_ other: Group, rule: EntityRule) {
            for form in other.forms { add(form) }
            titles.formUnion(other.titles)
            bodyCue = bodyCue || other.bodyCue
            personCue = personCue || other.personCue
            opensSentencesAlone = opensSentencesAlone && other.opensSentencesAlone
            keys.formUnion(other.keys)
            let joined = other.mentions.map { Mention(span: $0.span, provenance: $0.provenance.then(rule)) }
            mentions = (mentions + joined).sorted { $0.span.start < $1.span.start }
        }

        /// Gives the group `type`, each mention's provenance taking the step `rule`.
        mutating func retype(_ type: EntityType, rule: EntityRule) {
            self.type = type
            mentions = mentions.map { Mention(span: $0.span, provenance: $0.provenance.then(rule)) }
        }

        private static func wordCount(_ text: String) -> Int {
            text.isEmpty ? 0 : text.utf8.reduce(1) { $1 == 0x20 ? $0 + 1 : $0 }
        }
    }

    private var groups: [Group] = []
    /// The groups answering to each name key, in the order they were made.
    private var groupsByKey: [String: [Int]] = [:]
    /// The first group of each country, by ISO code.
    private var groupByCountry: [String: Int] = [:]
    /// The groups whose name has (or had) each word key: where a surname's owners are.
    private var groupsByNameWord: [String: Set<Int>] = [:]
    /// The groups whose name ends (or ended) in each word key: where a compound surname's are.
    private var groupsByLastNameWord: [String: Set<Int>] = [:]
    /// The groups whose name ends (or ended) in each word, by its ``NameForms/spellingKey(_:)``.
    private var groupsBySpelledLastWord: [String: Set<Int>] = [:]
    /// The groups with a form that may be an acronym, by its first letter (see ``NameForms/acronymInitial(_:)``).
    private var groupsByAcronymInitial: [String: Set<Int>] = [:]
    /// The groups with a form that may be an acronym's expansion, by its first letter (see
    /// ``NameForms/expansionInitial(_:)``).
    private var groupsByExpansionInitial: [String: Set<Int>] = [:]

    /// The document's publisher, whose name is an organisation's whatever the tagger said.
    let publisher: String?

    init(stage: String, publisher: String? = nil) {
        self.stage = stage
        self.publisher = publisher
    }

    mutating func add(_ mention: NamedMention) {
        let key = NameForms.key(mention.text)
        let country = mention.type == .geopolitical ? vocabulary.countryCode(mention.text) : nil
        var steps = mention.steps
        var target: Int?
        if let country {
            target = groupByCountry[country]
            steps.append(RuleStep(EntityRule.country))
        }
        // A one-word name of a person is a surname (or a given name): it goes to the person
        // named most recently with it, not to whoever it was given to before.
        var mention = mention
        let loneName = mention.type == .person && !mention.text.utf8.contains(0x20)
        if loneName {
            if let (owner, step) = surnameOwner(mention) {
                target = owner
                steps.append(step)
            } else if vocabulary.countryLastWords.contains(key) {
                // A lone word no one named is called by that ends a country's name ("Guinea") is a place.
                mention.type = .geopolitical
                steps.append(RuleStep(EntityRule.placeWord))
            }
        }
        if target == nil {
            target = groupsByKey[key]?.filter { Self.compatible(groups[$0].type, mention.type) }.min()
            if target != nil, !groups[target!].forms.contains(mention.text) { steps.append(RuleStep(EntityRule.spelling)) }
        }
        // Several words that end a person's fuller name are that person ("Vidal Serra" after
        // "Marta Vidal Serra"): a compound surname.
        if target == nil, mention.type == .person, !loneName {
            let words = mention.text.splitAtSpaces().map { NameForms.key($0) }
            if let owner = groupsByLastNameWord[words.last ?? ""]?.sorted().last(where: { groups[$0].type == .person && groups[$0].endsWith(words) }) {
                target = owner
                steps.append(RuleStep(EntityRule.surname))
            }
        }
        // Initials for the given names ("K.B. Adeyemi" after "Kola Bisi Adeyemi"), or the name
        // in full after its initials: one person when one person fits.
        if target == nil, mention.type == .person, !loneName, let last = mention.text.splitAtSpaces().last {
            let owners = (groupsByLastNameWord[NameForms.key(last)] ?? []).filter { index in
                groups[index].type == .person && (NameForms.abbreviates(mention.text, groups[index].name) || NameForms.abbreviates(groups[index].name, mention.text))
            }
            if owners.count == 1, let owner = owners.first {
                target = owner
                steps.append(RuleStep(EntityRule.initials))
            }
        }
        // Another romanisation of a person's name, perhaps without a middle name ("Yusuf
        // Hamidov" and "Yusuf Ali Khamidov", "Terenskyy" after "Oleh Terensky"): one
        // person when one fits.
        if target == nil, mention.type == .person {
            let words = mention.text.splitAtSpaces().map { NameForms.key($0) }
            let owners = (groupsBySpelledLastWord[NameForms.spellingKey(words.last ?? "")] ?? []).filter { index in
                groups[index].type == .person
                    && (NameForms.isSpellingVariant(words, of: groups[index].nameKeys) || NameForms.isSpellingVariant(groups[index].nameKeys, of: words))
            }
            if owners.count == 1, let owner = owners.first {
                target = owner
                steps.append(RuleStep(EntityRule.spelling))
            }
        }
        // A short form of an organisation's name ("Acme" of "Acme Records", "Budget Committee"
        // of "Senate Budget Committee", "Health Ministry" of "Ministry of Health"), or the full
        // name after its short form: one organisation when one fits.
        if target == nil, mention.type == .organisation {
            let words = mention.text.splitAtSpaces().map { NameForms.key($0) }
            // Only groups that share a word with the name (or its members' plural) can be its
            // short or full form.
            var sharing = Set<Int>()
            for word in words {
                sharing.formUnion(groupsByNameWord[word] ?? [])
                sharing.formUnion(groupsByKey[word] ?? [])
                sharing.formUnion(groupsByKey[word + "s"] ?? [])
                if word.hasSuffix("s") { sharing.formUnion(groupsByNameWord[String(word.dropLast())] ?? []) }
            }
            let owners = sharing.filter { index in
                let keys = groups[index].nameKeys
                guard groups[index].type == .organisation else { return false }
                if NameForms.isShortForm(words, of: keys, endings: Self.organisationEndingKeys, heads: Self.organisationHeadKeys) {
                    return !opensWithPlace(keys.prefix(keys.count - words.count))
                }
                return NameForms.isShortForm(keys, of: words, endings: Self.organisationEndingKeys, heads: Self.organisationHeadKeys)
                    && !opensWithPlace(words.prefix(words.count - keys.count))
            }
            if owners.count == 1, let owner = owners.first {
                target = owner
                steps.append(RuleStep(EntityRule.shortForm))
            }
        }
        if target == nil, mention.type != .person {
            // Only groups whose forms start with the letter the acronym or expansion needs.
            let candidates = NameForms.acronymInitial(mention.text).flatMap { groupsByExpansionInitial[$0] } ?? []
            target = candidates.union(NameForms.expansionInitial(mention.text).flatMap { groupsByAcronymInitial[$0] } ?? []).sorted().first { index in
                let group = groups[index]
                return Self.compatible(group.type, mention.type) && group.type != .person
                    && group.forms.contains { NameForms.isAcronym(mention.text, of: $0) || NameForms.isAcronym($0, of: mention.text) }
            }
            if target != nil { steps.append(RuleStep(EntityRule.acronym)) }
        }
        let evidence = Mention(span: mention.span, provenance: Provenance(stage: stage, steps: steps))
        guard let index = target else {
            groupsByKey[key, default: []].append(groups.count)
            groups.append(
                Group(
                    type: mention.type, forms: [country.flatMap(vocabulary.countryName(code:)) ?? mention.text, mention.text],
                    key: key, country: country, mention: evidence, at: mention.span.start))
            if let title = mention.title { groups[groups.count - 1].titles.insert(title) }
            groups[groups.count - 1].isRelative = mention.isRelative
            groups[groups.count - 1].bodyCue = mention.bodyCue
            groups[groups.count - 1].personCue = mention.personCue
            groups[groups.count - 1].opensSentencesAlone = mention.opensSentenceAlone
            if let country, groupByCountry[country] == nil { groupByCountry[country] = groups.count - 1 }
            indexName(of: groups.count - 1)
            for form in groups[groups.count - 1].forms { indexForm(form, of: groups.count - 1) }
            return
        }
        // A form the group had is in the indexes already, and so is its name.
        if groups[index].add(mention.text) {
            indexName(of: index)
            indexForm(mention.text, of: index)
        }
        if groups[index].keys.insert(key).inserted { groupsByKey[key, default: []].append(index) }
        if let title = mention.title { groups[index].titles.insert(title) }
        groups[index].bodyCue = groups[index].bodyCue || mention.bodyCue
        groups[index].personCue = groups[index].personCue || mention.personCue
        groups[index].opensSentencesAlone = groups[index].opensSentencesAlone && mention.opensSentenceAlone
        groups[index].mentions.append(evidence)
        groups[index].lastSeen = mention.span.start
        // A place the tagger called an organisation is still the country it names.
        if country != nil { groups[index].type = .geopolitical }
    }

    /// The person a one-word name refers to: the one whose full name holds it as a word
    /// (a surname first or last). Of several, the one named before with the same title ("Vice
    /// President Ruiz"), else the most recently named of those who are not relatives or sons
    /// (see ``mainBearers(of:)``).
    private func surnameOwner(_ mention: NamedMention) -> (Int, RuleStep)? {
        let key = NameForms.key(mention.text)
        let bearers = personsNamed(withWord: key)
        if bearers.count > 1, let title = mention.title {
            let titled = bearers.filter { groups[$0].titles.contains(title) }
            if titled.count == 1 { return (titled[0], RuleStep(EntityRule.surnameByTitle)) }
        }
        let owners = mainBearers(of: bearers)
        guard let owner = owners.max(by: { groups[$0].lastSeen < groups[$1].lastSeen }) else { return nil }
        if owners.count < bearers.count { return (owner, RuleStep(EntityRule.surnameMainBearer, detail: String(bearers.count))) }
        return (owner, owners.count == 1 ? RuleStep(EntityRule.surname) : RuleStep(EntityRule.surnameMostRecentOf, detail: String(owners.count)))
    }

    /// Of the people who share a surname, those a bare surname may name: news style names a
    /// relative ("his wife, Mara Holt") in full each time and a son by his suffix ("Holt Jr."),
    /// so they give way to the others. All of them when they are all relatives or sons.
    private func mainBearers(of bearers: [Int]) -> [Int] {
        let main = bearers.filter { !groups[$0].isRelative && !groups[$0].hasSuffix }
        return main.isEmpty ? bearers : main
    }

    /// Records the words of group `index`'s name in the indexes by name word.
    private mutating func indexName(of index: Int) {
        let keys = groups[index].nameKeys
        guard let last = keys.last else { return }
        groupsByLastNameWord[last, default: []].insert(index)
        groupsBySpelledLastWord[NameForms.spellingKey(last), default: []].insert(index)
        for key in groups[index].nameWords { groupsByNameWord[key, default: []].insert(index) }
    }

    /// Records `form` of group `index` in the indexes by acronym and expansion initial.
    private mutating func indexForm(_ form: String, of index: Int) {
        if let initial = NameForms.acronymInitial(form) { groupsByAcronymInitial[initial, default: []].insert(index) }
        if let initial = NameForms.expansionInitial(form) { groupsByExpansionInitial[initial, default: []].insert(index) }
    }

    /// The people whose full name has the word `key`, in the order they were first named.
    private func personsNamed(withWord key: String) -> [Int] {
        (groupsByNameWord[key] ?? []).sorted().filter { groups[$0].type == .person && groups[$0].nameWords.contains(key) }
    }

    /// Whether the words a short form leaves out open with a place the document names ("New
    /// York" of "New York Harbor Party" against "Harbor Party"): a branch in that place, not the
    /// body the short form names.
    private func opensWithPlace(_ words: ArraySlice<String>) -> Bool {
        (1...max(1, words.count)).contains { count in
            count <= words.count && (groupsByKey[words.prefix(count).joined()] ?? []).contains { [.geopolitical, .location].contains(groups[$0].type) }
        }
    }

    /// The keys of the closing words of organisations' names ("records" of "Acme Records",
    /// "party"): a name without one is the same body's short form.
    static let organisationEndingKeys = Set(NamedMentionFinder.organisationEndings.map { NameForms.key($0) })
    /// The keys of organisations' head nouns ("committee", "ministry").
    static let organisationHeadKeys = Set(NamedMentionFinder.organisationHeads.map { NameForms.key($0) })

    /// Whether mentions of these types may name one thing: the tagger may call one
    /// organisation ORG in one sentence and MISC in another.
    private static func compatible(_ a: EntityType, _ b: EntityType) -> Bool {
        a == b || (a != .person && b != .person)
    }

    /// The groups after a lone name that came before any full name holding it (a headline's
    /// surname) has joined the first person the text then names in full with it.
    private func groupsWithEarlySurnamesJoined() -> [Group] {
        var merged = groups
        var joined = Set<Int>()
        for (index, group) in groups.enumerated() where group.type == .person && group.nameWords.isEmpty {
            let key = NameForms.key(group.name)
            // A surname with its suffix ("Holt Jr.") joins the first fuller name ending in both.
            let owner =
                group.hasSuffix
                ? groupsByLastNameWord[group.nameKeys[group.nameKeys.count - 1]]?
                    .filter { groups[$0].type == .person && groups[$0].endsWith(group.nameKeys) }.min()
                : mainBearers(of: personsNamed(withWord: key)).first
            guard let owner else { continue }
            merged[owner].absorb(group, rule: .surnameNamedLater)
            joined.insert(index)
        }
        return merged.indices.filter { !joined.contains($0) }.map { merged[$0] }
            .sorted { ($0.mentions.first?.span.start ?? 0) < ($1.mentions.first?.span.start ?? 0) }
    }

    /// The groups with the people that are not people retyped or left out: a one-word name
    /// never given in full or with a title takes the type of the same name elsewhere ("Acme"
    /// read as ORG once), is an organisation where its words say so (``NamedMention/bodyCue``),
    /// is no name at all when it only ever opens a sentence alone ("Downstream, …") and nothing
    /// says it is a person's (``NamedMention/personCue``), and is a name of no known kind when
    /// nothing says so, it is no one's relative and no listed given name or surname.
    /// The publisher's name is an organisation.
    private func groupsRetyped(_ groups: [Group]) -> [Group] {
        var groups = groups
        var dropped = Set<Int>()
        let publisherKey = publisher.map { NameForms.key($0) }
        // The people by the first and by the last word of their name, so that a name is compared
        // with those that may match it rather than with every group. A group is indexed again
        // whenever it becomes a person or takes in another's forms: an index may hold a group
        // that no longer fits (each candidate is checked), never miss one that does.
        var peopleByFirstWord: [String: Set<Int>] = [:]
        var peopleByLastWord: [String: Set<Int>] = [:]
        var peopleWithoutWords = Set<Int>()
        func indexPerson(_ index: Int) {
            let keys = groups[index].nameKeys
            if let first = keys.first, let last = keys.last {
                peopleByFirstWord[first, default: []].insert(index)
                peopleByLastWord[last, default: []].insert(index)
            } else {
                peopleWithoutWords.insert(index)
            }
        }
        for index in groups.indices where groups[index].type == .person { indexPerson(index) }
        // A name the tagger read as an organisation's that is a person's: its words end a
        // person's full name ("Vidal Serra" after "Marta Vidal Serra"), or its last word is a
        // person's name the story uses alone and it opens with a given name or is used less
        // ("Marta Vidal" read as ORG, "Vidal" as PER).
        for index in groups.indices where groups[index].type != .person {
            let words = groups[index].name.splitAtSpaces()
            // A place is a person's only when it is one word and no country ("Jordan" stays).
            if groups[index].type == .geopolitical || groups[index].type == .location,
                words.count > 1 || groups[index].country != nil || vocabulary.countryCode(groups[index].name) != nil
            {
                continue
            }
            // Nor is a name that ends in a body's word or opens with one ("University of Texas").
            guard (1...3).contains(words.count), let last = words.last, !NamedMentionFinder.organisationEndings.contains(String(last)),
                !NamedMentionFinder.organisationHeads.contains(String(words[0]))
            else {
                continue
            }
            // One word: the surname of the one person named in full with it ("Vidal" read as MISC
            // or as a place that is no country).
            if words.count == 1 {
                let key = NameForms.key(last)
                let bearers = (peopleByLastWord[key] ?? []).filter {
                    groups[$0].type == .person && groups[$0].nameKeys.count > 1 && groups[$0].nameKeys.last == key
                }
                if bearers.count == 1, let bearer = bearers.first {
                    groups[bearer].absorb(groups[index], rule: .personNameElsewhere)
                    indexPerson(bearer)
                    dropped.insert(index)
                }
                continue
            }
            let keys = words.map { NameForms.key($0) }
            // The people whose name may end or start with these words (it ends in their last word
            // or starts with their first), and those whose name may be their last words or their
            // first word alone (it ends in one of the two).
            let fuller = (peopleByLastWord[keys[keys.count - 1]] ?? []).union(peopleByFirstWord[keys[0]] ?? [])
            let shorter = (peopleByLastWord[keys[keys.count - 1]] ?? []).union(peopleByLastWord[keys[0]] ?? []).union(peopleWithoutWords)
            if let person = fuller.filter({ groups[$0].type == .person && (groups[$0].endsWith(keys) || groups[$0].startsWith(keys)) }).min() {
                groups[person].absorb(groups[index], rule: .personNameElsewhere)
                indexPerson(person)
                dropped.insert(index)
            } else if let alone = shorter.filter({ other in
                groups[other].type == .person && !dropped.contains(other) && !groups[other].isRelative
                    && (groups[other].nameKeys == Array(keys.suffix(groups[other].nameKeys.count)) || groups[other].nameKeys == [keys[0]])
                    && groups[other].nameKeys.count < keys.count
            }).min(), PersonNames.isGivenName(words[0]) || groups[alone].mentions.count >= groups[index].mentions.count {
                groups[index].retype(.person, rule: .personNameElsewhere)
                groups[index].absorb(groups[alone], rule: .surname)
                indexPerson(index)
                dropped.insert(alone)
            }
        }
        // The groups that are no people by the keys they answer to, indexed again as they take
        // in others or stop being people.
        var othersByKey: [String: Set<Int>] = [:]
        func indexOther(_ index: Int) {
            for key in groups[index].keys { othersByKey[key, default: []].insert(index) }
        }
        for index in groups.indices where groups[index].type != .person { indexOther(index) }
        for index in groups.indices where groups[index].type == .person && !dropped.contains(index) {
            let group = groups[index]
            if let publisherKey, group.keys.contains(publisherKey) {
                groups[index].retype(.organisation, rule: .publisherName)
                indexOther(index)
                continue
            }
            guard group.nameWords.isEmpty, !group.hasSuffix, group.titles.isEmpty, !group.name.utf8.contains(0x20) else { continue }
            let key = NameForms.key(group.name)
            if let other = (othersByKey[key] ?? []).filter({
                $0 != index && groups[$0].type != .person && !dropped.contains($0) && groups[$0].keys.contains(key)
            }).min() {
                groups[other].absorb(group, rule: .sameNameElsewhere)
                indexOther(other)
                dropped.insert(index)
            } else if group.bodyCue {
                groups[index].retype(.organisation, rule: .bodyCue)
                indexOther(index)
            } else if group.opensSentencesAlone, !group.personCue {
                dropped.insert(index)
            } else if !group.personCue, !group.isRelative, !PersonNames.isPersonalName(Substring(group.name)) {
                groups[index].retype(.miscellaneous, rule: .loneName)
                indexOther(index)
            }
        }
        return groups.indices.filter { !dropped.contains($0) }.map { groups[$0] }
            .sorted { ($0.mentions.first?.span.start ?? 0) < ($1.mentions.first?.span.start ?? 0) }
    }

    /// The entities, numbered in order of first mention.
    func entities() -> [Entity] {
        groupsRetyped(groupsWithEarlySurnamesJoined()).enumerated().map { i, group in
            let name = group.name
            return Entity(
                id: "e\(i + 1)", type: group.type, name: name, aliases: group.forms.filter { $0 != name },
                mentions: group.mentions, provenance: group.mentions.first?.provenance ?? Provenance(stage: stage, rule: EntityRule.ner))
        }
    }
}

/// The rules of the entity stage, as its facts record them; the rule catalogue
/// (`Resources/rules.tsv`) says what each one means.
enum EntityRule: String, StageRule {
    case ner, countryName, ofPhrase, nameParticles, splitAtAnd, country, placeWord, spelling, surname, surnameByTitle
    case surnameMainBearer, surnameMostRecentOf, initials, shortForm, acronym, surnameNamedLater, nameRepeat
    case acronymInBrackets, longerForm, miscEnding, possessiveInName, placeNoun, organisationNoun, workTitle, sameNameElsewhere
    case bodyCue, loneName, personNameElsewhere, publisherName, gerundOpening
}
