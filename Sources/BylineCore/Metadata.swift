/// Where a document came from.
public struct Source: Hashable, Sendable {
    /// The input as the user named it (a path, a path inside a named directory, or `-`).
    public var uri: String
    /// The reader that made the document.
    public var format: SourceFormat

    public init(uri: String, format: SourceFormat) {
        self.uri = uri
        self.format = format
    }
}

/// The kinds of source the contract names.
public enum SourceFormat: String, Sendable, Codable {
    case html, text, warc, jsonl
}

/// Bibliographic facts about an article.
public struct Metadata: Hashable, Sendable {
    public var title: String?
    public var authors: [String]
    public var publisher: String?
    /// When the article was first published, with the precision the source gave.
    public var published: DateStamp?
    public var modified: DateStamp?
    /// A BCP 47 language code of the body text (`"en"`), or nil when it could not be told.
    public var language: String?
    public var url: String?
    /// Which rule filled each field, keyed by field name (`"published"` → its provenance).
    public var filledBy: [String: Provenance]

    public init(
        title: String? = nil, authors: [String] = [], publisher: String? = nil,
        published: DateStamp? = nil, modified: DateStamp? = nil, language: String? = nil,
        url: String? = nil, filledBy: [String: Provenance] = [:]
    ) {
        self.title = title
        self.authors = authors
        self.publisher = publisher
        self.published = published
        self.modified = modified
        self.language = language
        self.url = url
        self.filledBy = filledBy
    }
}
