import BylineCore
import BylineHTML
import BylineLanguage
import BylineSource

/// Reads an HTML news page: its metadata (JSON-LD, meta tags, `<time>`, the page itself, the
/// URL) and its article text, leaving navigation, related links, comments and other furniture
/// behind. A page whose article cannot be found gives an empty body, recorded as
/// `paragraphs` with no `body` and `filledBy["body"]` = `"html/none"`; that is not an error.
public struct HTMLReader: Reader {
    public let name = "html"

    public init() {}

    public func read(_ source: SourceDocument) throws(BylineError) -> Document {
        let page = try HTMLDocument(bytes: source.bytes, uri: source.uri, declaredCharset: source.declaredCharset)
        let read: Document? = page.withRoot { root in
            guard let root else { return nil }
            return document(root, source: source)
        }
        guard var read else {
            throw BylineError(.unsupportedFormat, input: source.uri, "the page has no HTML element")
        }
        if page.invalidBytesReplaced > 0 {
            let count = page.invalidBytesReplaced
            read.warnings.append("\(count) byte\(count == 1 ? "" : "s") that broke the page's UTF-8 replaced by U+FFFD")
        }
        return read
    }

    private func document(_ root: HTMLNode, source: SourceDocument) -> Document {
        let collector = BlockCollector.collect(root)
        let blocks = collector.blocks
        var reader = HTMLMetadataReader(stage: name)
        reader.read(collector.sightings)
        let headlines = blocks.lazy.filter { $0.owner.tag == .h1 }.prefix(HTMLMetadataReader.headlineCandidates).map(\.text)
        reader.readFallbacks(blocks: blocks, sightings: collector.sightings, headlines: Array(headlines), source: source.bytes)
        var metadata = reader.metadata
        let main = MainTextExtractor.extract(blocks, title: metadata.title)

        var builder = TextBuilder(stage: name)
        var captions: [Caption] = []
        if let title = metadata.title {
            builder.append(title, kind: .title, rule: metadata.filledBy["title"]?.rule ?? "title")
        }
        let rule = main.rule ?? "none"
        for paragraph in main.paragraphs {
            builder.append(paragraph.text, kind: paragraph.kind, rule: rule)
        }
        for caption in main.captions {
            let printed = caption.credit.map { "\(caption.text) (\($0))" } ?? caption.text
            let span = builder.append(printed, kind: .caption, rule: "figcaption")
            captions.append(Caption(text: caption.text, credit: caption.credit, span: span, provenance: Provenance(stage: name, rule: "figcaption")))
        }
        metadata.filledBy["body"] = Provenance(stage: name, rule: rule)
        let article = main.paragraphs.map(\.text).joined(separator: "\n")
        let text = builder.text
        if metadata.language == nil, let language = LanguageIdentifier.shared.identify(article.isEmpty ? text : article) {
            metadata.language = language
            metadata.filledBy["language"] = Provenance(stage: name, rule: "function-words")
        }
        let removed = main.removed.map { Removal(text: $0.text, reason: $0.reason, provenance: Provenance(stage: name, rule: $0.rule)) }
        return Document(
            id: source.sha256, source: Source(uri: source.uri, format: .html), metadata: metadata, text: text,
            paragraphs: builder.paragraphs, captions: captions, removed: removed)
    }
}
