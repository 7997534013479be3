/// Builds a document's text from paragraphs, separated by a blank line, keeping each
/// paragraph's span: what every reader that composes its own text does.
///
///     var builder = TextBuilder(stage: "html")
///     let span = builder.append("A headline", kind: .title, rule: "og:title")
public struct TextBuilder: Sendable {
    public private(set) var text = ""
    public private(set) var paragraphs: [Paragraph] = []
    /// The stage recorded in each paragraph's provenance.
    public let stage: String

    public init(stage: String) {
        self.stage = stage
    }

    /// Appends a paragraph and returns its span in the text.
    @discardableResult
    public mutating func append(_ content: String, kind: ParagraphKind, rule: String) -> Span {
        if !text.isEmpty { text += "\n\n" }
        let start = text.utf8.count
        text += content
        let span = Span(start, text.utf8.count)
        paragraphs.append(Paragraph(span: span, kind: kind, provenance: Provenance(stage: stage, rule: rule)))
        return span
    }
}
