import BylineCore

/// An article as the store keeps it: its source, metadata, text and paragraphs, as plain
/// columns. Made from an analysed document when the article is stored (``ArticleFacts``), and
/// made back into one when the stored text is analysed again (``StoredText``).
public struct ArticleRecord: Sendable {
    /// The SHA-256 id of the article's source bytes.
    public var id: String
    public var uri: String
    /// The source format (`html`, `text`, `warc`, `jsonl`).
    public var format: String
    public var title: String?
    public var publisher: String?
    public var authors: [String]
    /// The publication date as the article stated it.
    public var published: String?
    public var language: String?
    public var url: String?
    public var text: String
    /// How `text` is cut into paragraphs and what each one is (``ParagraphLayout``): what a
    /// later Byline needs to analyse the stored text again; nil for body paragraphs between
    /// blank lines.
    public var layout: String?
}

extension ArticleRecord {
    /// The record of an analysed document.
    public init(document: Document) {
        id = document.id
        uri = document.source.uri
        format = document.source.format.rawValue
        title = document.metadata.title
        publisher = document.metadata.publisher
        authors = document.metadata.authors
        published = document.metadata.published?.iso
        language = document.metadata.language
        url = document.metadata.url
        text = document.text
        layout = ParagraphLayout.encode(document.paragraphs, of: document.text)
    }

    /// The stored row's `authors` column: the names joined by `; `.
    var authorsColumn: String {
        authors.joined(separator: "; ")
    }

    /// The names of a stored row's `authors` column.
    static func authors(fromColumn column: String) -> [String] {
        column.isEmpty ? [] : column.components(separatedBy: "; ")
    }

    /// The article as a reader would give it to the analysis: the stored text, its paragraphs
    /// and metadata, under the id of its source bytes.
    public var document: Document {
        var metadata = Metadata()
        metadata.title = title
        metadata.publisher = publisher
        metadata.authors = authors
        metadata.published = published.flatMap { DateStamp(parsing: $0) }
        metadata.language = language
        metadata.url = url
        return Document(
            id: id, source: Source(uri: uri, format: SourceFormat(rawValue: format) ?? .text), metadata: metadata, text: text,
            paragraphs: ParagraphLayout.paragraphs(layout, of: text))
    }
}
