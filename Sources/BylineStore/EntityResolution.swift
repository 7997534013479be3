/// How an article's entity is joined to the entities already stored: the rules, apart from any
/// back end. A back end finds the candidates (stored entities of the same class sharing a merge
/// key, see ``NameKey/mergeKeys(name:aliases:kind:)``) and asks ``choose(for:hasCompany:among:)``.
public enum EntityResolution {
    /// What is known of a stored entity that shares a merge key with the new one.
    public struct Candidate: Sendable {
        public var id: Int64
        /// Role titles and organisations, as name keys.
        public var roleTitles: Set<String>
        public var roleOrgs: Set<String>
        /// Whether an article of the candidate names an organisation or person this article
        /// names too.
        public var sharesCompany: Bool
    }

    /// What is known of a stored person whose full name ends in the surname a new entity is
    /// known by alone.
    public struct SurnameCandidate: Sendable {
        public var id: Int64
        /// Articles that mention the person (counted up to ``surnameCountCap``).
        public var articles: Int
        /// Whether an article of the person names an organisation or person this article names.
        public var sharesCompany: Bool
    }

    /// A surname alone stands for a stored person only when that person is mentioned in at
    /// least this many articles...
    public static let surnameMinimumArticles = 5
    /// ...and in this many times the articles of any other person of that surname named beside
    /// the same company (so a surname shared by two well-known people stays alone).
    public static let surnameDominance = 3
    /// Articles are counted up to this many: past it, a person is well known enough.
    public static let surnameCountCap = 1_000

    /// The decision: the stored entity to join, or none (a new entity), and why. Reasons are
    /// short, since every article mention keeps one: the name itself is beside it.
    public struct Decision: Sendable, Hashable {
        public var entity: Int64?
        public var reason: String
        /// The stored person a new entity was kept apart from as a namesake, if it was.
        public var namesakeOf: Int64?

        public init(entity: Int64?, reason: String, namesakeOf: Int64? = nil) {
            self.entity = entity
            self.reason = reason
            self.namesakeOf = namesakeOf
        }
    }

    /// Picks the candidate the new entity is the same as.
    ///
    /// A candidate whose roles agree with the new entity's (a title or an organisation in
    /// common) wins. Otherwise the first candidate is taken unless both have roles that share
    /// nothing and the new article names other organisations or people, none of them named
    /// beside the candidate: then they are namesakes (a senator and a football coach of one
    /// name) and the new entity stays apart. An article that names no one else gives no
    /// evidence either way, and the name decides.
    ///
    /// - Parameters:
    ///   - roles: the new entity's roles as (title key, organisation key).
    ///   - hasCompany: whether the new article names other organisations or people.
    public static func choose(for roles: [(title: String, org: String?)], hasCompany: Bool, among candidates: [Candidate]) -> Decision {
        guard let first = candidates.first else { return Decision(entity: nil, reason: "new name") }
        let titles = Set(roles.map(\.title))
        let orgs = Set(roles.compactMap(\.org))
        for candidate in candidates {
            if let title = titles.intersection(candidate.roleTitles).sorted().first {
                return Decision(entity: candidate.id, reason: "same name, same role '\(title)'")
            }
            if let org = orgs.intersection(candidate.roleOrgs).sorted().first {
                return Decision(entity: candidate.id, reason: "same name, same organisation '\(org)'")
            }
        }
        for candidate in candidates {
            let rolesDisagree = !roles.isEmpty && !(candidate.roleTitles.isEmpty && candidate.roleOrgs.isEmpty)
            if !rolesDisagree || !hasCompany {
                return Decision(entity: candidate.id, reason: "same name")
            }
            if candidate.sharesCompany {
                return Decision(entity: candidate.id, reason: "same name, other roles, same company")
            }
        }
        return Decision(entity: nil, reason: "namesake of \(first.id) kept apart: other roles, no one named beside both", namesakeOf: first.id)
    }

    /// What a store must look up to decide which stored entity an article's entity is
    /// (``question(for:keys:company:namedInFull:shortFormOf:)``).
    enum Question {
        /// Nothing: the decision is made.
        case answered(Decision)
        /// The stored entities sharing one of `keys` (``choose(for:hasCompany:among:)``).
        case sharingKeys(_ keys: [String], roles: [(title: String, org: String?)])
        /// The stored people of a surname (``chooseBySurname(hasCompany:namedInFull:among:)``).
        case surname(String, namedInFull: Int)
    }

    /// What deciding on `entity` needs: a short form of a longer name of the article
    /// (`shortFormOf`, its stored entity) is that person; a name with merge keys is compared with
    /// the stored entities that share one; a person known by one name, in an article that names
    /// others, with the people of that surname; anything else is new.
    /// `keys` are the entity's merge keys (``NameKey/mergeKeys(name:aliases:kind:)``).
    static func question(
        for entity: ArticleFacts.EntityFacts, keys: [String], company: [Int64], namedInFull: [String: Int],
        shortFormOf longer: (name: String, id: Int64)?
    ) -> Question {
        if let longer {
            return .answered(Decision(entity: longer.id, reason: "short form of '\(longer.name)' in this article"))
        }
        let kind = EntityClass.of(entity.type)
        if !keys.isEmpty {
            return .sharingKeys(keys, roles: entity.roles.map { (title: NameKey.of($0.title), org: $0.org.map(NameKey.of)) })
        }
        if kind == .person, !company.isEmpty {
            let surname = NameKey.person(entity.name)
            return .surname(surname, namedInFull: namedInFull[surname] ?? 0)
        }
        return .answered(Decision(entity: nil, reason: "single name: never merged"))
    }

    /// What every store needs before resolving one article's entities: their order
    /// (``ArticleFacts/EntityFacts/resolutionOrder(_:shortForms:)``), the short forms of full
    /// names (``shortForms(_:)``) and the surnames named in full (``surnamesNamedInFull(_:shortForms:)``).
    ///
    /// An article is resolved in two phases: first its organisations, places and people named
    /// in full (``named``), then the short forms and single names (``rest``), which are judged by
    /// the first. A person of the first phase kept apart as a namesake is judged again once the
    /// rest of that phase is resolved (see ``choose(for:hasCompany:among:)``): whether a
    /// stored namesake was named beside the same company is then asked of all of the article's
    /// people and organisations, not only of those that came before it.
    public struct Plan: Sendable {
        public let ordered: [ArticleFacts.EntityFacts]
        public let shortForms: [String: ArticleFacts.EntityFacts]
        public let namedInFull: [String: Int]
        /// The first phase: organisations, places, the rest, and people named in full.
        public let named: ArraySlice<ArticleFacts.EntityFacts>
        /// The second phase: short forms of full names and people known by one name.
        public let rest: ArraySlice<ArticleFacts.EntityFacts>

        public init(_ entities: [ArticleFacts.EntityFacts]) {
            shortForms = EntityResolution.shortForms(entities)
            ordered = ArticleFacts.EntityFacts.resolutionOrder(entities, shortForms: shortForms)
            namedInFull = EntityResolution.surnamesNamedInFull(entities, shortForms: shortForms)
            let short = shortForms
            let split = ordered.firstIndex { short[$0.local] != nil || ($0.type == "PERSON" && NameKey.fullName($0.name) == nil) }
                ?? ordered.endIndex
            named = ordered[..<split]
            rest = ordered[split...]
        }
    }

    /// Whether an entity, once resolved, is company the article's later entities are judged by:
    /// organisations and people named in full.
    public static func keepsCompany(_ entity: ArticleFacts.EntityFacts) -> Bool {
        entity.type == "ORG" || (entity.type == "PERSON" && NameKey.fullName(entity.name) != nil)
    }

    /// How many people of each surname (a name key, ``NameKey/surname(ofFullName:)``) an
    /// article names in full (a short form of another's name, `shortForms`, is not one more).
    public static func surnamesNamedInFull(
        _ entities: [ArticleFacts.EntityFacts], shortForms short: [String: ArticleFacts.EntityFacts]
    ) -> [String: Int] {
        var people: [String: Set<String>] = [:]
        for entity in entities where entity.type == "PERSON" && short[entity.local] == nil {
            guard let key = NameKey.fullName(entity.name), let surname = NameKey.surname(ofFullName: entity.name) else { continue }
            people[surname, default: []].insert(key)
        }
        return people.mapValues(\.count)
    }

    /// The people an article names by a shorter form of another of its people's full names,
    /// which the article's analysis left apart ("Ana Brandt" beside "Ana Maria Brandt", or "Mrs.
    /// Brandt" tagged as something other than a person beside "Ana Brandt"): each
    /// one's local id, with the longer name's entity. Within one article the short form is that
    /// person (when only one of its people has a longer name that shortens to it), and is stored
    /// as one of their name forms, so that it never joins a relative elsewhere.
    public static func shortForms(_ entities: [ArticleFacts.EntityFacts]) -> [String: ArticleFacts.EntityFacts] {
        // The longer names each two-word key shortens, found once per person.
        var people: [(person: ArticleFacts.EntityFacts, key: String)] = []
        var longer: [String: [ArticleFacts.EntityFacts]] = [:]
        for person in entities where person.type == "PERSON" {
            guard let key = NameKey.fullName(person.name) else { continue }
            people.append((person, key))
            for shorter in NameKey.mergeKeys(name: person.name, aliases: [], kind: .person) where shorter != key {
                longer[shorter, default: []].append(person)
            }
        }
        var found: [String: ArticleFacts.EntityFacts] = [:]
        for (person, key) in people where key.split(separator: " ").count == 2 {
            if let names = longer[key], names.count == 1 { found[person.local] = names[0] }
        }
        // A courtesy title and a surname the tagger did not call a person ("Mrs. Holt" as an
        // organisation) is the one person of that surname the article names in full.
        var bySurname: [String: [String: ArticleFacts.EntityFacts]] = [:]
        for (person, key) in people where found[person.local] == nil {
            if let surname = NameKey.surname(ofFullName: person.name) { bySurname[surname, default: [:]][key] = person }
        }
        for entity in entities where entity.type != "PERSON" {
            let words = entity.name.split(separator: " ")
            guard words.count == 2, NameKey.courtesyTitles.contains(NameKey.of(String(words[0]))),
                let namesakes = bySurname[NameKey.of(String(words[1]))], namesakes.count == 1
            else {
                continue
            }
            found[entity.local] = namesakes.values.first
        }
        return found
    }

    /// Whether a stored person whose full names are `stored` is someone else than a new person
    /// whose full names are `names`, by their middle names (``NameKey/middleNamesDiffer(_:_:)``):
    /// then a shared shorter form ("Ana Brandt") does not make them one.
    public static func middleNamesDiffer(_ names: [String], _ stored: [String]) -> Bool {
        names.contains { name in stored.contains { NameKey.middleNamesDiffer(name, $0) } }
    }

    /// Whether a person's article count, going from `old` to `new`, has passed a point at which
    /// the surname rule may decide otherwise than before: ``surnameMinimumArticles``, then every
    /// doubling of it. The people stored by that surname alone are then judged again (a surname
    /// seen before its best-known bearer was well known joins them as it would have later), so
    /// the result does not hang on the order the articles came in, at a cost that grows with the
    /// logarithm of the articles.
    public static func passesSurnameCheckpoint(from old: Int, to new: Int) -> Bool {
        var checkpoint = surnameMinimumArticles
        while checkpoint <= old { checkpoint *= 2 }
        return checkpoint <= new
    }

    /// One entity link of a stored article, as a surname's second judgement reads it.
    struct StoredLink {
        var entity: Int64
        var type: String
        /// The name as the article wrote it.
        var name: String
    }

    /// Who keeps company in a stored article (its organisations and the people it names in full,
    /// ``keepsCompany(_:)``) and how many people it names in full with `surname`.
    static func storedCompany(_ links: [StoredLink], surname: String) -> (company: [Int64], namedInFull: Int) {
        var company: [Int64] = []
        var namesakes = Set<Int64>()
        for link in links {
            if link.type == "ORG" {
                company.append(link.entity)
            } else if link.type == "PERSON", let fullName = NameKey.fullName(link.name), !fullName.isEmpty {
                company.append(link.entity)
                if NameKey.surname(ofFullName: link.name) == surname { namesakes.insert(link.entity) }
            }
        }
        return (company, namesakes.count)
    }

    /// Picks the stored person a single name (a surname: "Okafor") stands for, if any.
    ///
    /// A surname alone never joins two single names, nor a full name by itself: only a stored
    /// person with a full name ending in it, named beside the same company as this article (an
    /// organisation or person of this article appears in one of theirs), well known (at least
    /// ``surnameMinimumArticles`` articles) and far better known than any other such person
    /// (``surnameDominance`` times the articles). In a campaign's news "Clinton" alone is then the
    /// candidate the other articles name in full, and the link can be undone like any merge.
    ///
    /// When the article itself names two or more people of that surname in full (a couple, a
    /// father and his son), the surname alone could be any of them and stays alone.
    ///
    /// - Parameters:
    ///   - hasCompany: whether the new article names other organisations or people.
    ///   - namedInFull: how many people of that surname the article names in full
    ///     (``surnamesNamedInFull(_:shortForms:)``).
    public static func chooseBySurname(hasCompany: Bool, namedInFull: Int = 0, among candidates: [SurnameCandidate]) -> Decision {
        let single = Decision(entity: nil, reason: "single name: never merged")
        guard hasCompany else { return single }
        if namedInFull > 1 { return Decision(entity: nil, reason: "surname of \(namedInFull) people of this article: never merged") }
        let known = candidates.filter(\.sharesCompany).sorted { ($0.articles, -$0.id) > ($1.articles, -$1.id) }
        guard let best = known.first, best.articles >= surnameMinimumArticles else { return single }
        if known.count > 1, best.articles < surnameDominance * known[1].articles { return single }
        return Decision(entity: best.id, reason: "surname of the best-known namesake, named beside the same company")
    }
}
