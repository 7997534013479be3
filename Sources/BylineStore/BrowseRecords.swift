/// A stored article: its metadata, text, and the store entity each of its entities became.
public struct StoredArticle: Sendable, Hashable, Codable {
    public var citation: ArticleCitation
    /// The source format (`html`, `text`, `warc`, `jsonl`).
    public var format: String
    public var authors: [String]
    public var language: String?
    public var url: String?
    public var text: String
    /// The Byline version that produced the stored facts.
    public var bylineVersion: String
    /// The story (syndicated copies of one text) the article belongs to, when it has copies.
    public var story: Int64?
    /// The article's entities, most mentioned first.
    public var entities: [ArticleEntity]
}

/// One of an article's entities and the store entity it became.
public struct ArticleEntity: Sendable, Hashable, Codable {
    /// The entity's id inside the article (`e4`): the contract's `entities[].id`.
    public var local: String
    /// The store's id of the entity.
    public var id: Int64
    public var type: String
    /// The name as the article wrote it.
    public var name: String
    public var mentions: Int
}

/// Which entities ``KnowledgeStore/entityList(_:)`` lists.
public struct EntityListQuery: Sendable {
    public var kind: EntityClass
    /// Only entities known by this name (as ``KnowledgeStore/entities(named:kind:)`` finds them).
    public var name: String?
    /// The entities returned, those in most articles first.
    public var rows: ResultRange

    public init(kind: EntityClass = .person, name: String? = nil, limit: Int? = 50, offset: Int = 0) {
        self.kind = kind
        self.name = name
        rows = ResultRange(limit: limit, offset: offset)
    }
}

/// An entity with its counts, as a list shows it.
public struct EntitySummary: Sendable, Hashable, Codable {
    public var id: Int64
    public var type: String
    public var name: String
    /// How many articles mention it.
    public var articles: Int
    /// How many quotes are attributed to it.
    public var quotes: Int
}

/// The length of the periods ``KnowledgeStore/attention(_:per:)`` counts articles in.
public enum AttentionPeriod: String, Sendable, Codable, CaseIterable {
    /// Calendar days.
    case day
    /// ISO weeks, named by their Monday.
    case week
}

/// The number of matching articles published in one period.
public struct AttentionCount: Sendable, Hashable, Codable {
    /// The period's first day, `YYYY-MM-DD`.
    public var period: String
    public var articles: Int
}

/// The number of matching articles of one outlet.
public struct OutletCount: Sendable, Hashable, Codable {
    public var outlet: String
    public var articles: Int
}
