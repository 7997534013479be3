import BylineCore
import Foundation

/// A document as a summary for people to read on a terminal (`--format text`): the title, date
/// and authors; then, after analysis, the people and their roles, the quotes grouped by speaker
/// with their cue, the figures with their subject and speaker, and the timeline. After
/// extraction alone, the article's paragraphs, captions and what was removed.
///
/// Evidence words (a quote, a figure, a role, the date inside a timeline entry) are coloured
/// with ANSI escapes when `colour` is on; the text is otherwise the same.
///
///     let summary = TextSummary(colour: false).render(document)
struct TextSummary: Sendable {
    /// Whether evidence words are coloured with ANSI escapes.
    let colour: Bool

    /// The ANSI styles of the summary.
    enum Style: String {
        case heading = "1"
        case name = "1;34"
        case quote = "36"
        case figure = "33"
        case time = "32"
        case role = "35"
        case faint = "2"
    }

    /// Whether output to a stream should be coloured: only on a terminal, and never when the
    /// `NO_COLOR` environment variable is set to anything but the empty string (no-color.org).
    static func usesColour(isTerminal: Bool, environment: [String: String]) -> Bool {
        isTerminal && (environment["NO_COLOR"] ?? "").isEmpty
    }

    func render(_ document: Document, analysed: Bool) -> String {
        var out: [String] = header(document)
        if analysed {
            out += people(document) + quotes(document) + figures(document) + timeline(document)
        } else {
            out += article(document)
        }
        return out.joined(separator: "\n") + "\n"
    }

    // MARK: Parts

    private func header(_ document: Document) -> [String] {
        let metadata = document.metadata
        var lines = [styled(oneLine(metadata.title ?? "(no title)"), .heading)]
        var facts: [String] = []
        if let publisher = metadata.publisher { facts.append(oneLine(publisher)) }
        if let published = metadata.published { facts.append(published.iso) }
        if !metadata.authors.isEmpty { facts.append("by " + metadata.authors.map(oneLine).joined(separator: ", ")) }
        if !facts.isEmpty { lines.append(facts.joined(separator: " · ")) }
        lines.append(styled(document.source.uri, .faint))
        return lines
    }

    private func people(_ document: Document) -> [String] {
        let people = document.entities.filter { $0.type == .person }
        guard !people.isEmpty else { return [] }
        return section("People") + people.map { person in
            // A role stated twice (in a caption and in the body) is shown once.
            var seen: Set<String> = []
            let roles = person.roles.map { oneLine(document.text[$0.span]) }.filter { seen.insert($0).inserted }.map { styled($0, .role) }
            return "  " + styled(oneLine(person.name), .name) + (roles.isEmpty ? "" : " — " + roles.joined(separator: "; "))
        }
    }

    private func quotes(_ document: Document) -> [String] {
        guard !document.quotes.isEmpty else { return [] }
        // Speakers in the order they are first quoted; quotes with no speaker last.
        var order: [String?] = []
        var bySpeaker: [String?: [Quote]] = [:]
        for quote in document.quotes {
            if bySpeaker[quote.speaker] == nil { order.append(quote.speaker) }
            bySpeaker[quote.speaker, default: []].append(quote)
        }
        if let unattributed = order.firstIndex(where: { $0 == nil }) { order.append(order.remove(at: unattributed)) }
        let names = EntityNames(document)
        var lines = section("Quotes")
        for speaker in order {
            lines.append("  " + (speaker.map { styled(names[$0] ?? $0, .name) } ?? "(no speaker found)"))
            for quote in bySpeaker[speaker] ?? [] {
                let words = oneLine(document.text[quote.span])
                let shown = quote.kind == .indirect ? words : "“\(words)”"
                lines.append("    " + (quote.cue.map { "\(oneLine($0)): " } ?? "") + styled(shown, .quote))
            }
        }
        return lines
    }

    private func figures(_ document: Document) -> [String] {
        guard !document.quantities.isEmpty else { return [] }
        let names = EntityNames(document)
        return section("Figures") + document.quantities.map { figure in
            var facts: [String] = []
            if let subject = figure.subject { facts.append("subject: " + oneLine(subject)) }
            if let speaker = figure.speaker { facts.append("said by " + (names[speaker] ?? speaker)) }
            if let time = figure.time { facts.append("when: " + time) }
            let written = oneLine(document.text[figure.span])
            // The value is shown when the figure's words do not spell it ("$2.4 billion").
            let value = FactTable.number(figure.value)
            let spelled = written.replacingOccurrences(of: ",", with: "").contains(value)
            let measure = spelled ? "" : " (\(value)\(figure.unit.map { " " + $0 } ?? ""))"
            return "  " + styled(written, .figure) + measure + (facts.isEmpty ? "" : " — " + facts.joined(separator: " · "))
        }
    }

    private func timeline(_ document: Document) -> [String] {
        guard !document.timeline.isEmpty else { return [] }
        return section("Timeline") + document.timeline.map { entry in
            // The time expressions inside the entry's evidence are its date's own words.
            let dates = document.times.map(\.span).filter { entry.span.contains($0) }
            return "  " + entry.date + "  " + highlighting(dates, in: entry.span, of: document.text, as: .time)
        }
    }

    private func article(_ document: Document) -> [String] {
        var lines: [String] = []
        for paragraph in document.paragraphs where paragraph.kind.isArticleText {
            let text = oneLine(document.text[paragraph.span])
            lines += ["", paragraph.kind == .heading ? styled(text, .heading) : text]
        }
        if !document.captions.isEmpty {
            lines += section("Captions") + document.captions.map { "  " + oneLine($0.text) + ($0.credit.map { " (\(oneLine($0)))" } ?? "") }
        }
        if !document.removed.isEmpty {
            lines += section("Removed") + document.removed.map { "  " + styled($0.reason.rawValue + ":", .faint) + " " + oneLine($0.text) }
        }
        return lines
    }

    // MARK: Text

    private func section(_ title: String) -> [String] {
        ["", styled(title, .heading)]
    }

    private func styled(_ text: String, _ style: Style) -> String {
        colour ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// The text of `span` with the parts at `marked` (spans inside it) styled.
    private func highlighting(_ marked: [Span], in span: Span, of text: String, as style: Style) -> String {
        var out = ""
        var at = span.start
        for mark in marked.sorted() where mark.start >= at {
            out += oneLine(text[Span(at, mark.start)]) + styled(oneLine(text[mark]), style)
            at = mark.end
        }
        return out + oneLine(text[Span(at, span.end)])
    }
}

/// Text for one terminal line: line breaks, tabs and other control characters (which could
/// drive the terminal) become single spaces.
func oneLine(_ text: some StringProtocol) -> String {
    String(collapsingRuns: text.unicodeScalars) { scalar in
        scalar.properties.isWhitespace || scalar.properties.generalCategory == .control ? " " : nil
    }
}

/// The display names of a document's entities, by id.
struct EntityNames {
    private let names: [String: String]

    init(_ document: Document) {
        names = Dictionary(document.entities.map { ($0.id, oneLine($0.name)) }, uniquingKeysWith: { first, _ in first })
    }

    subscript(id: String) -> String? { names[id] }
}
