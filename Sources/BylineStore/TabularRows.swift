/// A result row that can be shown as a table or a CSV line as well as JSON.
public protocol TabularRow: Encodable {
    /// The column names.
    static var headers: [String] { get }
    /// The row's values, one per column.
    var cells: [String] { get }
}

/// Comma-separated values as RFC 4180 writes them: fields with commas, quotation marks or line
/// breaks quoted, quotation marks doubled, records ending with CRLF.
public enum CSV {
    /// The rows, after a header line when `header`.
    public static func document<Row: TabularRow>(_ rows: [Row], header: Bool = true) -> String {
        var lines = header ? [Row.headers.map(field).joined(separator: ",")] : []
        lines += rows.map { $0.cells.map(field).joined(separator: ",") }
        return lines.isEmpty ? "" : lines.joined(separator: "\r\n") + "\r\n"
    }

    /// One field, quoted when it must be.
    public static func field(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The publication day of a cited article, or nothing.
private func date(_ citation: ArticleCitation) -> String { citation.published.map { String($0.prefix(10)) } ?? "" }

extension SearchHit: TabularRow {
    public static let headers = ["date", "outlet", "title", "snippet", "article"]
    public var cells: [String] { [date(citation), citation.outlet ?? "", citation.title ?? citation.uri, snippet, citation.article] }
}

extension QuoteRow: TabularRow {
    public static let headers = ["date", "speaker", "role", "quote", "outlet", "article"]
    public var cells: [String] { [date(citation), speaker ?? "", role ?? "", text, citation.outlet ?? "", citation.article] }
}

extension ClaimRow: TabularRow {
    public static let headers = ["date", "figure", "value", "unit", "subject", "speaker", "sentence", "article"]
    public var cells: [String] {
        [date(citation), text, String(value), unit ?? "", subject ?? "", speaker ?? "", sentence, citation.article]
    }
}

extension Timeline.Milestone: TabularRow {
    public static let headers = ["date", "milestone", "articles"]
    public var cells: [String] { [date, text, articles.map { $0.title ?? $0.uri }.joined(separator: "; ")] }
}

extension EntityLink: TabularRow {
    public static let headers = ["entity", "name", "local", "reason", "article"]
    public var cells: [String] { [String(entity), name, local, reason, citation.uri] }
}

extension EntityProfile: TabularRow {
    public static let headers = ["id", "name", "aliases", "roles", "quotes", "articles"]
    public var cells: [String] {
        let roleNames = roles.map { [$0.title, $0.org].compactMap { $0 }.joined(separator: ", ") }
        var seen = Set<String>()
        return [
            String(id), name, aliases.joined(separator: "; "), roleNames.filter { seen.insert($0).inserted }.joined(separator: "; "),
            String(quoteCount), String(articleCount),
        ]
    }
}

extension EntitySummary: TabularRow {
    public static let headers = ["id", "type", "name", "articles", "quotes"]
    public var cells: [String] { [String(id), type, name, String(articles), String(quotes)] }
}

extension AttentionCount: TabularRow {
    public static let headers = ["period", "articles"]
    public var cells: [String] { [period, String(articles)] }
}

extension OutletCount: TabularRow {
    public static let headers = ["outlet", "articles"]
    public var cells: [String] { [outlet, String(articles)] }
}
