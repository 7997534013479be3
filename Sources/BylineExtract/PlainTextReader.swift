import BylineCore
import BylineLanguage
import BylineSource

/// Reads body text verbatim (`--plain`): the text is the decoded input, paragraphs are the
/// stretches between blank lines, and no line is removed. A paragraph that is only a
/// publication stamp ("Published : March 4, 2025 - 09:30") is a `dateline` paragraph, not
/// article text, and dates the document.
public struct PlainTextReader: Reader {
    public let name = "plain-text"

    public init() {}

    public func read(_ source: SourceDocument) throws(BylineError) -> Document {
        let text = try TextDecoding.decodeUTF8(source.bytes, uri: source.uri)
        let provenance = Provenance(stage: name, rule: "blank-line-paragraphs")
        var metadata = Metadata()
        let utf8 = Array(text.utf8)
        let paragraphs = Span.blankLineBlocks(of: text).map { span in
            guard span.end - span.start <= Self.longestStamp,
                let stamps = PublicationStamp.parse(String(decoding: utf8[span.start..<span.end], as: UTF8.self))
            else { return Paragraph(span: span, kind: .body, provenance: provenance) }
            for stamp in stamps where stamp.field == .published && metadata.published == nil {
                metadata.published = stamp.date
                metadata.filledBy["published"] = Provenance(stage: name, rule: "stamp-paragraph")
            }
            return Paragraph(span: span, kind: .dateline, provenance: Provenance(stage: name, rule: "stamp-paragraph"))
        }
        metadata.language = LanguageIdentifier.shared.identify(text)
        if metadata.language != nil {
            metadata.filledBy["language"] = Provenance(stage: name, rule: "function-words")
        }
        return Document(
            id: source.sha256, source: Source(uri: source.uri, format: .text), metadata: metadata,
            text: text, paragraphs: paragraphs)
    }

    /// A paragraph longer than this many bytes is never only a stamp.
    static let longestStamp = 160
}
