import BylineAnalysis
import BylineCore
import BylineExtract
import BylineSource
import BylineStore
import Foundation

/// Reads articles for the server: a posted page or text analysed as `byline analyze` would, and
/// a stored article read again from its stored text, so that every fact comes with its span.
///
///     let reader = try ArticleReader()
///     let document = try reader.analyze(Array("Officials said on Monday …".utf8), uri: "pasted")
struct ArticleReader: Sendable {
    let pipeline: Pipeline

    init() throws(BylineError) {
        pipeline = try Analysis.pipeline()
    }

    /// Analyses posted bytes: HTML or scraped text as the content tells, or body text verbatim
    /// when `plain`; `published` is the reference date for relative times.
    func analyze(_ bytes: [UInt8], uri: String, plain: Bool = false, published: DateStamp? = nil) throws(BylineError) -> Document {
        let extractor = Extractor(options: ReadOptions(plain: plain, published: published))
        var document = try extractor.extract(SourceDocument(uri: uri, bytes: bytes))
        pipeline.run(on: &document)
        return document
    }

    /// A stored article analysed again from its stored text (read verbatim), with its stored
    /// id, source and metadata.
    func reread(_ article: StoredArticle) throws(BylineError) -> Document {
        let published = article.citation.published.flatMap { DateStamp(parsing: $0) }
        let extractor = Extractor(options: ReadOptions(plain: true, published: published))
        var document = try extractor.extract(SourceDocument(uri: article.citation.uri, bytes: Array(article.text.utf8)))
        document.id = article.citation.article
        document.source.format = SourceFormat(rawValue: article.format) ?? .text
        document.metadata.title = article.citation.title
        document.metadata.authors = article.authors
        document.metadata.publisher = article.citation.outlet
        document.metadata.language = article.language ?? document.metadata.language
        document.metadata.url = article.url
        pipeline.run(on: &document)
        return document
    }

    /// The document as the contract's JSON.
    func contractJSON(_ document: Document) throws -> Data {
        try DocumentWriter(fields: .analysis, pretty: false).encode(document)
    }
}
