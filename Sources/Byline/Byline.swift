@_exported import BylineCore
import BylineAnalysis
import BylineExtract
import BylineSource

/// Byline as a library: read a news article (an HTML page, text scraped from a page, or plain
/// body text) into a ``Document``, and analyse it into cited facts — people and their roles,
/// quotes and their speakers, times, figures, events and the timeline. Every fact keeps the
/// span of its evidence in `document.text` and the rule that produced it.
///
///     import Byline
///
///     let document = try Byline.analyze(file: "article.html")
///     for quote in document.quotes {
///         let speaker = document.entities.first { $0.id == quote.speaker }?.name ?? "unknown"
///         print(speaker, document.text[quote.span])
///     }
///
/// Errors are ``BylineError``s naming the input (missing, empty, binary, not UTF-8, damaged
/// gzip, no HTML element). The `byline` command-line tool runs the same code.
public enum Byline {
    // MARK: Reading

    /// Reads a file (HTML, scraped text, or either gzip-compressed) into a document with its
    /// metadata, text, paragraphs, captions and what was removed, without analysis.
    ///
    /// - Parameters:
    ///   - path: the file's path; it becomes `document.source.uri`.
    ///   - plain: the file is body text taken verbatim (`text` equals the decoded file).
    ///   - published: the publication date, overriding the document's own.
    /// - Throws: a ``BylineError`` naming the file when it cannot be read.
    public static func read(file path: String, plain: Bool = false, published: DateStamp? = nil) throws(BylineError) -> Document {
        let source = try InputReader.read(.file(uri: path))
        return try Extractor(options: ReadOptions(plain: plain, published: published)).extract(source)
    }

    /// Reads an HTML page given as a string.
    ///
    /// - Parameters:
    ///   - html: the page's markup.
    ///   - uri: the name recorded as `document.source.uri` (the page's address, for example).
    public static func read(html: String, uri: String = "page.html") throws(BylineError) -> Document {
        try HTMLReader().read(SourceDocument(uri: uri, bytes: Array(html.utf8)))
    }

    /// Reads an article given as text. By default the text is taken verbatim as the article's
    /// body (`text` equals it, paragraphs are the stretches between blank lines); with
    /// `scraped: true` it is read as a whole page scraped to text, whose header lines
    /// (publisher, title, author line, stamp), widgets and footers are recognised.
    ///
    /// - Parameters:
    ///   - text: the article.
    ///   - published: the publication date, the reference for relative times ("Tuesday").
    ///   - scraped: read the text as a scraped page rather than as verbatim body text.
    ///   - uri: the name recorded as `document.source.uri`.
    public static func read(text: String, published: DateStamp? = nil, scraped: Bool = false, uri: String = "article.txt")
        throws(BylineError) -> Document
    {
        let source = SourceDocument(uri: uri, bytes: Array(text.utf8))
        return try Extractor(options: ReadOptions(plain: !scraped, published: published)).extract(source)
    }

    // MARK: Analysis

    /// Runs every analysis stage over a document that ``read(file:plain:published:)`` or
    /// another reader gave: sentences, times, entities and roles, quotes, figures, events and
    /// the timeline.
    ///
    /// - Throws: a ``BylineError`` when the analysis' resources (the entity model) cannot be
    ///   loaded.
    public static func analyze(_ document: Document) throws(BylineError) -> Document {
        var document = document
        try pipeline().run(on: &document)
        return document
    }

    /// Reads and analyses a file; see ``read(file:plain:published:)``.
    public static func analyze(file path: String, plain: Bool = false, published: DateStamp? = nil) throws(BylineError) -> Document {
        try analyze(read(file: path, plain: plain, published: published))
    }

    /// Reads and analyses an HTML page given as a string; see ``read(html:uri:)``.
    public static func analyze(html: String, uri: String = "page.html") throws(BylineError) -> Document {
        try analyze(read(html: html, uri: uri))
    }

    /// Reads and analyses an article given as text; see ``read(text:published:scraped:uri:)``.
    public static func analyze(text: String, published: DateStamp? = nil, scraped: Bool = false, uri: String = "article.txt")
        throws(BylineError) -> Document
    {
        try analyze(read(text: text, published: published, scraped: scraped, uri: uri))
    }

    // MARK: Output

    /// A document as the JSON contract (docs/CONTRACT.md) with code-point offsets: every field,
    /// as `byline analyze` writes it, or with `fields: .extraction` those of `byline extract`.
    public static func json(_ document: Document, fields: ContractFields = .analysis, pretty: Bool = true) throws -> String {
        String(decoding: try DocumentWriter(fields: fields, pretty: pretty).encode(document), as: UTF8.self)
    }

    /// The analysis pipeline, built once.
    private static func pipeline() throws(BylineError) -> Pipeline {
        try sharedPipeline.get()
    }

    private static let sharedPipeline = Result { () throws(BylineError) -> Pipeline in try Analysis.pipeline() }
}
