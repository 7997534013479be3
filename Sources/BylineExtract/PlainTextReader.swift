import BylineCore
import BylineLanguage
import BylineSource

/// Reads body text verbatim (`--plain`): the text is the decoded input, paragraphs are the
/// stretches between blank lines, and no line is removed.
public struct PlainTextReader: Reader {
    public let name = "plain-text"

    public init() {}

    public func read(_ source: SourceDocument) throws(BylineError) -> Document {
        let text = try TextDecoding.decodeUTF8(source.bytes, uri: source.uri)
        let provenance = Provenance(stage: name, rule: "blank-line-paragraphs")
        let paragraphs = Self.blocks(of: text).map { Paragraph(span: $0, kind: .body, provenance: provenance) }
        var metadata = Metadata()
        metadata.language = LanguageIdentifier.shared.identify(text)
        if metadata.language != nil {
            metadata.filledBy["language"] = Provenance(stage: name, rule: "function-words")
        }
        return Document(
            id: source.sha256, source: Source(uri: source.uri, format: .text), metadata: metadata,
            text: text, paragraphs: paragraphs)
    }

    /// The spans of the stretches of `text` between blank lines, without their outer white space.
    static func blocks(of text: String) -> [Span] {
        var spans: [Span] = []
        var blockStart: Int?
        var blockEnd = 0
        var lineHasText = false
        var firstText = 0
        var offset = 0
        func endLine(at end: Int) {
            if lineHasText {
                if blockStart == nil { blockStart = firstText }
                blockEnd = end
            } else if let start = blockStart {
                spans.append(Span(start, blockEnd))
                blockStart = nil
            }
        }
        var lastText = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n") {
                endLine(at: lastText)
                lineHasText = false
            } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") {
                if !lineHasText { firstText = offset }
                lineHasText = true
                lastText = offset + 1
                // A multi-byte scalar's continuation bytes also land here, moving lastText
                // to the scalar's end.
            }
            offset += 1
        }
        endLine(at: lastText)
        if let start = blockStart { spans.append(Span(start, blockEnd)) }
        return spans
    }
}
