import BylineCore
import Foundation

/// The knowledge base: articles and their facts, kept across documents.
///
/// One protocol, several back ends (SQLite through GRDB today; a PostgreSQL server later), so the
/// commands and the tests are written once. Every call is `async` because a server back end
/// answers over the network; the SQLite back end runs its work on GRDB's own queues.
///
///     let store = try SQLiteStore(path: "byline.db")
///     let receipt = try await store.store([ArticleFacts(document: document, bylineVersion: "0.1.0")])
///     let hits = try await store.search(ArticleSearch(text: "harbor expansion"))
public protocol KnowledgeStore: Sendable {
    /// The ids (SHA-256 of the source bytes) among `ids` that are already stored.
    func storedArticleIDs(among ids: [String]) async throws -> Set<String>

    /// Stores the articles in one transaction: all of them or none. Articles already stored
    /// are left as they are and counted as present.
    func store(_ articles: [ArticleFacts]) async throws -> StoreReceipt

    /// Stores the articles that `next` hands over, in its order, until it gives nil, in
    /// transactions of at most `batch` articles (each all of its articles or none), as
    /// ``store(_:)`` stores them. `next` may wait until the next article is ready: the SQLite
    /// store calls it inside the open transaction, so that each article is written as soon as it
    /// is handed over rather than once a whole batch is ready.
    func store(handedOver next: @escaping @Sendable () -> ArticleFacts?, batch: Int) async throws -> StoreReceipt

    /// How many stored articles' facts a Byline version other than `version` produced (every
    /// article when `version` is nil).
    func articleCount(notProducedBy version: String?) async throws -> Int

    /// Up to `limit` stored articles, in storage order after the article numbered `number`, whose
    /// facts a Byline version other than `version` produced (every article when `version` is nil),
    /// with the text to analyse again: what `byline reindex` reads.
    func articlesToReindex(notProducedBy version: String?, after number: Int64, limit: Int) async throws -> [StoredText]

    /// Replaces the facts of stored articles (found by id) with `articles`' own, and records the
    /// version that produced them, in one transaction: all of them or none. Entities are resolved
    /// again as when an article is stored; an article not stored is left out.
    func replaceFacts(_ articles: [ArticleFacts]) async throws -> StoreReceipt

    /// Gives the space that deleted and moved rows left free back to the file system (SQLite's
    /// incremental vacuum); a server that reclaims space itself (PostgreSQL) does nothing.
    func releaseFreeSpace() async throws

    /// Articles ranked by full-text relevance, with highlighted snippets (for a common word, the
    /// most relevant of the last ``ArticleSearch/rankedMatches`` articles that match).
    func search(_ query: ArticleSearch) async throws -> [SearchHit]

    /// The entities (people, organisations, places) known by `name`, best match first.
    func entities(named name: String, kind: EntityClass) async throws -> [EntityProfile]

    /// Quotes, newest first.
    func quotes(_ query: FactQuery) async throws -> [QuoteRow]

    /// Figures claimed, newest first.
    func claims(_ query: FactQuery) async throws -> [ClaimRow]

    /// The timeline entries of articles in which every one of `names` is mentioned, each with
    /// what is needed to decide whether it belongs to them (see ``Timeline``).
    func timelineEntries(of names: [String]) async throws -> [TimelineCandidate]

    /// Counts over the whole store.
    func statistics() async throws -> StoreStatistics

    /// Every stored article with its facts, in storage order, handed to `receive` one at a time
    /// (nothing is held in memory beyond one article).
    func exportArticles(_ receive: @escaping @Sendable (ExportedArticle) throws -> Void) async throws

    /// The merges that made entity `id`: one per article mention, with its reason.
    func links(of id: Int64) async throws -> [EntityLink]

    /// Undoes the merge of the name form `name` into entity `id`: the article mentions written
    /// exactly that way move to a new entity, whose id is returned. The old id keeps the rest.
    func split(entity id: Int64, nameForm name: String) async throws -> Int64

    /// The stored article whose id is `id`, with the store entity each of its entities became;
    /// nil when no article has that id.
    func article(id: String) async throws -> StoredArticle?

    /// The entity whose store id is `id`; nil when there is none.
    func entity(id: Int64) async throws -> EntityProfile?

    /// Entities of one class, those mentioned in most articles first.
    func entityList(_ query: EntityListQuery) async throws -> [EntitySummary]

    /// How many articles match `query` in each day or week that has any, oldest first
    /// (`query.rows` is ignored).
    func attention(_ query: ArticleSearch, per period: AttentionPeriod) async throws -> [AttentionCount]

    /// The outlets of the articles that match `query`, most articles first (`query.outlet`
    /// and `query.rows` are ignored): a search's outlet facet.
    func outletCounts(_ query: ArticleSearch) async throws -> [OutletCount]
}

extension KnowledgeStore {
    /// ``store(handedOver:batch:)`` through ``store(_:)``: up to `batch` articles at a time are
    /// taken on a thread outside the concurrency pool (taking one may wait), then stored.
    public func store(handedOver next: @escaping @Sendable () -> ArticleFacts?, batch: Int) async throws -> StoreReceipt {
        var receipt = StoreReceipt()
        while true {
            let articles = await withCheckedContinuation { continuation in
                DispatchQueue.global().async {
                    var articles: [ArticleFacts] = []
                    while articles.count < batch, let article = next() { articles.append(article) }
                    continuation.resume(returning: articles)
                }
            }
            if !articles.isEmpty { receipt = receipt + (try await store(articles)) }
            if articles.count < batch { return receipt }
        }
    }
}

/// What a call to ``KnowledgeStore/store(_:)`` did.
public struct StoreReceipt: Sendable, Hashable, Codable {
    /// Articles stored by this call.
    public var added = 0
    /// Articles that were already stored.
    public var present = 0
    /// Fact rows written: entity mentions, roles, quotes, claims, milestones.
    public var facts = 0
    /// Stored articles whose facts were replaced (``KnowledgeStore/replaceFacts(_:)``).
    public var replaced = 0

    public init(added: Int = 0, present: Int = 0, facts: Int = 0, replaced: Int = 0) {
        self.added = added
        self.present = present
        self.facts = facts
        self.replaced = replaced
    }

    public static func + (lhs: StoreReceipt, rhs: StoreReceipt) -> StoreReceipt {
        StoreReceipt(
            added: lhs.added + rhs.added, present: lhs.present + rhs.present, facts: lhs.facts + rhs.facts,
            replaced: lhs.replaced + rhs.replaced)
    }
}

/// A stored article's text and metadata, to be analysed again (`byline reindex`).
public struct StoredText: Sendable {
    /// The article's number in the store (its storage order).
    public var number: Int64
    public var record: ArticleRecord
}

/// Which kind of entity a lookup is after.
public enum EntityClass: String, Sendable, Codable, CaseIterable {
    case person, organisation, place, any

    /// Whether an entity of the contract's `type` belongs to the class.
    public func admits(_ type: String) -> Bool {
        switch self {
        case .person: type == "PERSON"
        case .organisation: type == "ORG"
        case .place: type == "GPE" || type == "LOC" || type == "FAC"
        case .any: true
        }
    }

    /// The class an entity of the contract's `type` resolves within: people only merge with
    /// people, places with places.
    public static func of(_ type: String) -> EntityClass {
        for kind in [EntityClass.person, .organisation, .place] where kind.admits(type) { return kind }
        return .any
    }
}

/// A full-text query over articles.
public struct ArticleSearch: Sendable {
    /// Words to find (every word must occur; `"a phrase"` in quotes and `word*` prefixes work).
    public var text: String
    /// Only articles published on or after this day (`YYYY-MM-DD`, or a prefix of one).
    public var since: String?
    /// Only articles published on or before this day.
    public var until: String?
    /// Only articles of this outlet (publisher), compared without case.
    public var outlet: String?
    /// Only articles that mention this person (full name or a known form of it).
    public var person: String?
    /// The hits returned, best first.
    public var rows: ResultRange

    /// The most matches ranked by relevance for a query with a limit and no filter: when more
    /// articles match (a common word), the hits are the most relevant of the articles stored
    /// last among them, so that a search answers in milliseconds however large the store.
    public static let rankedMatches = 1_000

    public init(
        text: String, since: String? = nil, until: String? = nil, outlet: String? = nil, person: String? = nil, limit: Int? = 20,
        offset: Int = 0
    ) {
        self.text = text
        self.since = since
        self.until = until
        self.outlet = outlet
        self.person = person
        rows = ResultRange(limit: limit, offset: offset)
    }
}

/// A query over quotes or claims.
public struct FactQuery: Sendable {
    /// Only facts attributed to this person or organisation.
    public var by: String?
    /// Only facts whose words include these.
    public var about: String?
    /// The facts returned, newest first.
    public var rows: ResultRange

    public init(by: String? = nil, about: String? = nil, limit: Int? = 50, offset: Int = 0) {
        self.by = by
        self.about = about
        rows = ResultRange(limit: limit, offset: offset)
    }
}

/// Which rows of an ordered result a query returns: at most ``limit`` (nil for all of them),
/// after skipping the first ``offset`` (for paging).
public struct ResultRange: Sendable, Hashable {
    public var limit: Int?
    public var offset: Int

    public init(limit: Int?, offset: Int = 0) {
        self.limit = limit
        self.offset = offset
    }

    /// Every row.
    public static let all = ResultRange(limit: nil)
}

/// The article a fact comes from, as every result row cites it.
public struct ArticleCitation: Sendable, Hashable, Codable {
    /// The SHA-256 id of the article's source bytes.
    public var article: String
    public var uri: String
    public var title: String?
    /// The publisher.
    public var outlet: String?
    /// The publication date as the article stated it.
    public var published: String?
}

/// One article found by ``KnowledgeStore/search(_:)``.
public struct SearchHit: Sendable, Hashable, Codable {
    public var citation: ArticleCitation
    /// The passage that matched, with matched words between `<b>` and `</b>`.
    public var snippet: String
    /// FTS5's bm25 rank: lower is more relevant.
    public var rank: Double
}

/// A role an entity held, as one article states it.
public struct RoleRow: Sendable, Hashable, Codable {
    public var title: String
    public var org: String?
    /// The phrase that states the role.
    public var text: String
    public var citation: ArticleCitation
}

/// A quote with its speaker and source.
public struct QuoteRow: Sendable, Hashable, Codable {
    public var text: String
    public var kind: String
    /// The speaker's entity id in the store, or nil when the quote has no speaker.
    public var speakerID: Int64?
    public var speaker: String?
    /// The speaker's role as the same article states it.
    public var role: String?
    public var cue: String?
    /// Unicode code-point offsets of the quote in the article's text.
    public var start: Int
    public var end: Int
    /// The sieve that decided the speaker.
    public var rule: String
    /// The Byline version that produced the row.
    public var bylineVersion: String
    public var citation: ArticleCitation
}

/// A figure claimed in an article.
public struct ClaimRow: Sendable, Hashable, Codable {
    public var text: String
    public var value: Double
    public var unit: String?
    public var subject: String?
    public var speakerID: Int64?
    public var speaker: String?
    /// The date (a TIMEX3 value) the figure refers to.
    public var time: String?
    /// The sentence that states the figure.
    public var sentence: String
    public var start: Int
    public var end: Int
    public var rule: String
    public var bylineVersion: String
    public var citation: ArticleCitation
}

/// A person, organisation or place across every article that mentions it.
public struct EntityProfile: Sendable, Hashable, Codable {
    /// The store's id: stable across ingests.
    public var id: Int64
    public var type: String
    public var name: String
    /// Every other form of the name seen in an article.
    public var aliases: [String]
    /// The roles the articles state, in date order (the newest ``SQLiteStore/profileLimit``).
    public var roles: [RoleRow]
    /// The entity's quotes, newest first (at most ``SQLiteStore/profileLimit``).
    public var quotes: [QuoteRow]
    /// The people quoted in the same articles (the newest ``SQLiteStore/companyArticles``),
    /// most often first.
    public var quotedBeside: [String]
    /// The articles that mention the entity, newest first (at most ``SQLiteStore/profileLimit``).
    public var articles: [ArticleCitation]
    /// How many articles mention the entity, and how many quotes it has: `articles` and
    /// `quotes` list the newest of them.
    public var articleCount: Int
    public var quoteCount: Int
}

/// One merge of an article's entity into a store entity, with its reason.
public struct EntityLink: Sendable, Hashable, Codable {
    public var entity: Int64
    /// The name as the article wrote it.
    public var name: String
    /// The entity's id inside the article (`e4`).
    public var local: String
    public var reason: String
    public var citation: ArticleCitation
}

/// A timeline entry with what decides whether it is a milestone of the names asked for.
public struct TimelineCandidate: Sendable, Hashable {
    /// The date, a TIMEX3 value (`1995`, `2024-10`, `2024-11-07`).
    public var date: String
    /// The clause or sentence that states it.
    public var text: String
    public var start: Int
    public var end: Int
    /// For each name asked for: whether the entry's sentence mentions it.
    public var mentioned: [Bool]
    /// For each name asked for: its rank among the article's entities by mentions (1 = most).
    public var rank: [Int]
    public var citation: ArticleCitation
}

/// Counts over the store.
public struct StoreStatistics: Sendable, Hashable, Codable {
    public var articles: Int
    public var outlets: Int
    public var people: Int
    public var organisations: Int
    public var places: Int
    public var quotes: Int
    public var claims: Int
    public var milestones: Int
    /// Stories: articles with their syndicated copies counted once.
    public var stories: Int
    /// The earliest and latest publication dates.
    public var firstPublished: String?
    public var lastPublished: String?
    /// The Byline versions that produced the stored facts.
    public var bylineVersions: [String]
}

/// One stored article with its facts, as `byline export` writes it.
public struct ExportedArticle: Sendable, Hashable, Codable {
    public var citation: ArticleCitation
    public var story: Int64?
    public var language: String?
    public var text: String
    public var bylineVersion: String
    public var entities: [ExportedEntity]
    public var quotes: [QuoteRow]
    public var claims: [ClaimRow]
}

/// An entity as one exported article mentions it.
public struct ExportedEntity: Sendable, Hashable, Codable {
    public var id: Int64
    public var type: String
    public var name: String
    public var mentions: Int
}

/// Opening a knowledge base by its location: an SQLite file path, or a PostgreSQL server's URL.
public enum KnowledgeBase {
    /// Opens the store at `location`: `postgres://user:password@host:port/database` (or
    /// `postgresql://…`, with an optional `?schema=NAME`) is a PostgreSQL server; anything else
    /// is the path of an SQLite file, made when missing. With `readOnly`, the store must exist
    /// and be up to date, and no call can change it.
    ///
    ///     let store = try await KnowledgeBase.open("byline.db")
    ///
    /// - Throws: ``BylineError`` when the store cannot be opened or brought up to date.
    public static func open(_ location: String, readOnly: Bool = false) async throws(BylineError) -> any KnowledgeStore {
        guard isPostgres(location) else { return try SQLiteStore(path: location, readOnly: readOnly) }
        #if PostgreSQL
        return try await PostgresStore(url: location, readOnly: readOnly)
        #else
        throw BylineError.cannotOpenStore(location, "this byline was built without PostgreSQL (swift build --traits PostgreSQL)")
        #endif
    }

    /// Whether `location` names a PostgreSQL server rather than an SQLite file.
    public static func isPostgres(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// `location` as it may be shown: a PostgreSQL URL without its password.
    public static func displayName(_ location: String) -> String {
        guard isPostgres(location), var components = URLComponents(string: location) else { return location }
        components.password = nil
        return components.string ?? "postgres://…"
    }
}
