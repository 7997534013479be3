import BylineCore

/// How a stored article's text is cut into paragraphs, and what each paragraph is (body,
/// heading, caption, title, …): what `byline reindex` needs to analyse the stored text again as
/// the reader first gave it.
///
/// Kept small, since every article stores one: nil when the paragraphs are the stretches of text
/// between blank lines (``Span/blankLineBlocks(of:)``) and all of them body text (most plain
/// text); one letter per paragraph when they are those stretches (a text a reader composed,
/// paragraphs joined by a blank line); the letters, `|`, and each paragraph's UTF-8 start and end
/// otherwise.
///
///     ParagraphLayout.encode(document.paragraphs, of: document.text)  // "tbbcb"
enum ParagraphLayout {
    /// The letter of each paragraph kind.
    private static let letters: [ParagraphKind: Character] = [
        .body: "b", .heading: "h", .list: "l", .blockquote: "q", .table: "t", .caption: "c", .title: "T", .dateline: "d",
    ]
    private static let kinds = Dictionary(uniqueKeysWithValues: letters.map { ($0.value, $0.key) })

    /// The layout of `paragraphs` in `text`; nil for body paragraphs between blank lines.
    static func encode(_ paragraphs: [Paragraph], of text: String) -> String? {
        let kindLetters = String(paragraphs.map { letters[$0.kind] ?? "b" })
        guard paragraphs.map(\.span) == Span.blankLineBlocks(of: text) else {
            return kindLetters + "|" + paragraphs.map { "\($0.span.start),\($0.span.end)" }.joined(separator: ",")
        }
        return paragraphs.allSatisfy { $0.kind == .body } ? nil : kindLetters
    }

    /// The paragraphs `layout` describes in `text`, each recorded as read back from the store.
    /// A layout that does not fit the text (or none) gives the stretches between blank lines as
    /// body paragraphs.
    static func paragraphs(_ layout: String?, of text: String) -> [Paragraph] {
        let provenance = Provenance(stage: "store", rule: "stored-layout")
        let stretches = Span.blankLineBlocks(of: text)
        let parts = layout?.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false) ?? []
        let kindList = parts.first.map { $0.map { kinds[$0] ?? .body } } ?? []
        var spans = stretches
        if parts.count == 2 {
            let numbers = parts[1].split(separator: ",").compactMap { Int($0) }
            let length = text.utf8.count
            spans = stride(from: 0, to: numbers.count - 1, by: 2).map { Span(numbers[$0], numbers[$0 + 1]) }
            if spans.contains(where: { $0.start > $0.end || $0.end > length }) { spans = stretches }
        }
        guard kindList.count == spans.count else {
            return stretches.map { Paragraph(span: $0, kind: .body, provenance: provenance) }
        }
        return zip(spans, kindList).map { Paragraph(span: $0, kind: $1, provenance: provenance) }
    }
}
