import BylineCore
import BylineStore
import Foundation

/// An analysed document as a page: its text with every fact highlighted where it stands —
/// quotes coloured by speaker, and inside them entity mentions, times and figures — each
/// carrying its details (kind, value, speaker, rule, confidence) for the fact panel; beside it
/// the people with their roles.
struct ArticleView {
    let document: Document
    /// The store id of each of the document's entities (by local id), when it is stored.
    let storeIDs: [String: Int64]

    /// Speaker colours: the page has this many, used in turn.
    static let colours = 8

    private let bytes: [UInt8]
    private let offsets: OffsetMap
    private let entityByID: [String: Entity]
    /// Each speaker's colour, in the order they first speak.
    private let colourOf: [String: Int]

    init(document: Document, storeIDs: [String: Int64] = [:]) {
        self.document = document
        self.storeIDs = storeIDs
        bytes = Array(document.text.utf8)
        offsets = OffsetMap(document.text)
        entityByID = Dictionary(document.entities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var colours: [String: Int] = [:]
        for quote in document.quotes {
            if let speaker = quote.speaker, colours[speaker] == nil { colours[speaker] = colours.count % Self.colours }
        }
        colourOf = colours
    }

    /// A highlighted stretch of text and what the fact panel shows for it.
    private struct Fact {
        var span: Span
        var kind: String
        var cssClass: String
        var details: [(String, String)]
        var anchor: String?
    }

    var markup: Markup {
        let metadata = document.metadata
        let authors = metadata.authors.joined(separator: ", ")
        let source: Markup = Link.external(metadata.url).map { "<a href=\"\($0)\" rel=\"noopener noreferrer nofollow\">source</a>" }
            ?? "\(document.source.uri)"
        return """
            <article class="article-view">
            <div class="article-text">
            <h1 class="article-title">\(metadata.title ?? document.source.uri)</h1>
            <p class="article-meta"><span class="authors">\(authors.isEmpty ? "" : "By " + authors)</span> <span class="outlet">\(metadata.publisher)</span> <time>\(metadata.published?.iso)</time> · \(source)</p>
            <p class="legend"><span class="q">quote</span> <span class="f ent">entity</span> <span class="f time">time</span> <span class="f fig">figure</span> — click a highlight for its details.</p>
            \(paragraphs)
            </div>
            <aside class="side">
            <div id="fact-panel" class="fact-panel"><h2>Fact</h2><dl id="fact-details"><dt>—</dt><dd>Click a highlighted passage.</dd></dl></div>
            <h2>People</h2>
            <ul class="people">\(people)</ul>
            </aside>
            </article>
            """
    }

    // MARK: - Text

    private var paragraphs: Markup {
        let quotes = document.quotes.map(quoteFact)
        let inner = Self.disjoint(
            document.entities.flatMap { entity in entity.mentions.map { entityFact(entity, $0) } }
                + document.times.map(timeFact) + document.quantities.map(figureFact))
        let anchors = document.timeline.map { Fact(span: $0.span, kind: "milestone", cssClass: "", details: [], anchor: "t\(offsets.scalarOffset($0.span.start))") }
        let kept = document.paragraphs.filter { $0.kind != .title }
        return "\(kept.map { paragraph($0, quotes: quotes, inner: inner, anchors: anchors) })"
    }

    /// One paragraph, cut at every fact boundary; a quote's element stays open across the
    /// pieces it covers, an inner fact's element across its own.
    private func paragraph(_ paragraph: Paragraph, quotes: [Fact], inner: [Fact], anchors: [Fact]) -> Markup {
        let range = paragraph.span.start..<paragraph.span.end
        let here = { (facts: [Fact]) in facts.filter { $0.span.start < range.upperBound && $0.span.end > range.lowerBound } }
        let localQuotes = here(quotes)
        let localInner = here(inner)
        var cuts = Set([range.lowerBound, range.upperBound])
        for fact in localQuotes + localInner {
            cuts.insert(max(fact.span.start, range.lowerBound))
            cuts.insert(min(fact.span.end, range.upperBound))
        }
        let points = cuts.sorted()
        var html: Markup = ""
        for anchor in anchors where range.contains(anchor.span.start) {
            html = "\(html)<span class=\"anchor\" id=\"\(anchor.anchor)\"></span>"
        }
        var openQuote: Int?
        var openInner: Int?
        for (from, to) in zip(points, points.dropFirst()) where from < to {
            let quote = localQuotes.firstIndex { $0.span.start <= from && to <= $0.span.end }
            let fact = localInner.firstIndex { $0.span.start <= from && to <= $0.span.end }
            if quote != openQuote || fact != openInner, openInner != nil {
                html = "\(html)</span>"
                openInner = nil
            }
            if quote != openQuote {
                if openQuote != nil { html = "\(html)</span>" }
                if let quote { html = "\(html)\(open(localQuotes[quote]))" }
                openQuote = quote
            }
            if fact != openInner, let fact {
                html = "\(html)\(open(localInner[fact]))"
                openInner = fact
            }
            html = "\(html)\(String(decoding: bytes[from..<to], as: UTF8.self))"
        }
        if openInner != nil { html = "\(html)</span>" }
        if openQuote != nil { html = "\(html)</span>" }
        let id = "c\(offsets.scalarOffset(range.lowerBound))"
        switch paragraph.kind {
        case .heading: return "<h2 class=\"para heading\" id=\"\(id)\">\(html)</h2>"
        case .caption: return "<p class=\"para caption\" id=\"\(id)\">\(html)</p>"
        case .blockquote: return "<blockquote class=\"para\" id=\"\(id)\">\(html)</blockquote>"
        default: return "<p class=\"para \(paragraph.kind.rawValue)\" id=\"\(id)\">\(html)</p>"
        }
    }

    /// The element that opens a fact: its class, its details for the panel and as a tooltip.
    private func open(_ fact: Fact) -> Markup {
        let details = fact.details.filter { !$0.1.isEmpty }
        let text = details.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
        let speaker = fact.kind == "quote" ? fact.details.first { $0.0 == "speaker" }?.1 : nil
        let speakerAttribute: Markup = speaker.map { " data-speaker=\"\($0)\"" } ?? ""
        return "<span class=\"\(fact.cssClass)\" data-kind=\"\(fact.kind)\" data-details=\"\(text)\" title=\"\(text)\" tabindex=\"0\"\(speakerAttribute)>"
    }

    /// Inner facts that do not overlap: the earliest first, the longer of two that start together.
    private static func disjoint(_ facts: [Fact]) -> [Fact] {
        var kept: [Fact] = []
        for fact in facts.sorted(by: { ($0.span.start, -$0.span.end) < ($1.span.start, -$1.span.end) }) {
            if let last = kept.last, fact.span.start < last.span.end { continue }
            kept.append(fact)
        }
        return kept
    }

    private func rule(_ provenance: Provenance) -> String { "\(provenance.stage)/\(provenance.rule)" }

    private func name(_ local: String?) -> String {
        local.flatMap { entityByID[$0]?.name } ?? ""
    }

    private func quoteFact(_ quote: Quote) -> Fact {
        let colour = quote.speaker.flatMap { colourOf[$0] }.map { "sp\($0)" } ?? "nosp"
        return Fact(
            span: quote.span, kind: "quote", cssClass: "q \(colour)",
            details: [
                ("kind", "\(quote.kind.rawValue) quote"), ("speaker", quote.speaker == nil ? "unattributed" : name(quote.speaker)),
                ("cue", quote.cue ?? ""), ("rule", rule(quote.provenance)), ("confidence", String(format: "%.2f", quote.confidence)),
            ])
    }

    private func entityFact(_ entity: Entity, _ mention: Mention) -> Fact {
        Fact(
            span: mention.span, kind: "entity", cssClass: "f ent \(entity.type.rawValue.lowercased())",
            details: [("kind", "entity (\(entity.type.rawValue))"), ("value", entity.name), ("rule", rule(mention.provenance))])
    }

    private func timeFact(_ time: TimeExpression) -> Fact {
        Fact(
            span: time.span, kind: "time", cssClass: "f time",
            details: [("kind", "time (\(time.type.rawValue))"), ("value", time.value ?? "unresolved"), ("rule", rule(time.provenance))])
    }

    private func figureFact(_ quantity: Quantity) -> Fact {
        let value = quantity.value.rounded() == quantity.value && abs(quantity.value) < 1e15
            ? String(Int64(quantity.value)) : String(quantity.value)
        return Fact(
            span: quantity.span, kind: "figure", cssClass: "f fig",
            details: [
                ("kind", "figure"), ("value", [value, quantity.unit ?? ""].joined(separator: " ").trimmingCharacters(in: .whitespaces)),
                ("subject", quantity.subject ?? ""), ("speaker", quantity.speaker.map { name($0) } ?? ""), ("time", quantity.time ?? ""),
                ("rule", rule(quantity.provenance)),
            ])
    }

    // MARK: - People

    private var people: Markup {
        let persons = document.entities.filter { $0.type == .person }.sorted { $0.mentions.count > $1.mentions.count }
        guard !persons.isEmpty else { return "<li>No people named.</li>" }
        return "\(persons.map(person))"
    }

    private func person(_ entity: Entity) -> Markup {
        let swatch: Markup = colourOf[entity.id].map { "<span class=\"swatch sp\($0)\"></span>" } ?? "<span class=\"swatch\"></span>"
        let name: Markup = storeIDs[entity.id].map { "<a href=\"/people/\(Int($0))\">\(entity.name)</a>" } ?? "\(entity.name)"
        var seen = Set<String>()
        let roles = entity.roles.map { [$0.title, $0.org].compactMap { $0 }.joined(separator: ", ") }.filter { seen.insert($0).inserted }
        let roleList: Markup = roles.isEmpty ? "" : "<ul class=\"roles\">\(roles.map { "<li>\($0)</li>" as Markup })</ul>"
        let quoteCount = document.quotes.filter { $0.speaker == entity.id }.count
        return "<li class=\"person\" data-entity=\"\(entity.id)\">\(swatch)\(name) <span class=\"count\">\(entity.mentions.count) mentions, \(quoteCount) quotes</span>\(roleList)</li>"
    }
}
