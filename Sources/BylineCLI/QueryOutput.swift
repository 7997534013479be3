import BylineStore
import Foundation

/// How the store commands write their results.
public enum QueryFormat: String, Sendable, CaseIterable {
    /// Aligned columns for reading on a terminal.
    case table
    /// One pretty-printed JSON value.
    case json
    /// One compact JSON object per line.
    case jsonl
    /// Comma-separated values with a header line (RFC 4180 quoting).
    case csv
}

/// A result row that can be shown as a table or CSV line as well as JSON.
protocol TabularRow: Encodable {
    static var headers: [String] { get }
    var cells: [String] { get }
}

/// Writes results to standard output in the chosen format, in blocks.
struct QueryWriter {
    let format: QueryFormat
    private let output = FileHandle.standardOutput
    private let onTerminal = isatty(STDOUT_FILENO) != 0

    init(format: QueryFormat) {
        self.format = format
    }

    /// Writes `rows`; with json, `single` writes one object rather than a list when there is one row.
    func write<Row: TabularRow>(_ rows: [Row], single: Bool = false) throws {
        switch format {
        case .json:
            if single, rows.count == 1 { try writeJSON(rows[0]) } else { try writeJSON(rows) }
        case .jsonl:
            var block = Data()
            for row in rows {
                block.append(try Self.compact.encode(row))
                block.append(0x0A)
            }
            output.write(block)
        case .csv:
            output.write(Data(Self.csvDocument(rows).utf8))
        case .table:
            output.write(Data(table(rows).utf8))
        }
    }

    /// Writes one value as JSON (pretty for json, compact otherwise).
    func writeJSON<Value: Encodable>(_ value: Value) throws {
        var data = try (format == .json ? Self.pretty : Self.compact).encode(value)
        data.append(0x0A)
        output.write(data)
    }

    static let pretty: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let compact: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func csvDocument<Row: TabularRow>(_ rows: [Row], header: Bool = true) -> String {
        var lines = header ? [Row.headers.map(csvField).joined(separator: ",")] : []
        lines += rows.map { $0.cells.map(csvField).joined(separator: ",") }
        return lines.isEmpty ? "" : lines.joined(separator: "\r\n") + "\r\n"
    }

    static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Columns padded to their widest cell (at most ``widest`` characters), highlighted words in
    /// bold on a terminal.
    private func table<Row: TabularRow>(_ rows: [Row]) -> String {
        guard !rows.isEmpty else { return "(nothing found)\n" }
        let widest = 70
        let cells = rows.map { $0.cells.map { Self.oneLine($0, width: widest) } }
        let headers = Row.headers
        var widths = headers.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], Self.visibleWidth(cell)) }
        }
        func line(_ row: [String]) -> String {
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - Self.visibleWidth(cell))
            }.joined(separator: "  ")
        }
        let bold = onTerminal ? "\u{1B}[1m" : ""
        let plain = onTerminal ? "\u{1B}[0m" : ""
        let body = cells.map { row in
            line(row).replacingOccurrences(of: "<b>", with: bold).replacingOccurrences(of: "</b>", with: plain)
        }
        return ([line(headers), line(widths.map { String(repeating: "-", count: $0) })] + body).joined(separator: "\n") + "\n"
    }

    /// The text on one line, cut to `width` characters with an ellipsis.
    private static func oneLine(_ text: String, width: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let visible = visibleWidth(flat)
        guard visible > width else { return flat }
        // Cut without the markers, so none is left open.
        let bare = flat.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "")
        return String(bare.prefix(width - 1)) + "…"
    }

    private static func visibleWidth(_ text: String) -> Int {
        text.replacingOccurrences(of: "<b>", with: "").replacingOccurrences(of: "</b>", with: "").count
    }
}

private func date(_ citation: ArticleCitation) -> String { citation.published.map { String($0.prefix(10)) } ?? "" }

extension SearchHit: TabularRow {
    static let headers = ["date", "outlet", "title", "snippet", "article"]
    var cells: [String] { [date(citation), citation.outlet ?? "", citation.title ?? citation.uri, snippet, citation.article] }
}

extension QuoteRow: TabularRow {
    static let headers = ["date", "speaker", "role", "quote", "outlet", "article"]
    var cells: [String] { [date(citation), speaker ?? "", role ?? "", text, citation.outlet ?? "", citation.article] }
}

extension ClaimRow: TabularRow {
    static let headers = ["date", "figure", "value", "unit", "subject", "speaker", "sentence", "article"]
    var cells: [String] {
        [date(citation), text, String(value), unit ?? "", subject ?? "", speaker ?? "", sentence, citation.article]
    }
}

extension Timeline.Milestone: TabularRow {
    static let headers = ["date", "milestone", "articles"]
    var cells: [String] { [date, text, articles.map { $0.title ?? $0.uri }.joined(separator: "; ")] }
}

extension EntityLink: TabularRow {
    static let headers = ["entity", "name", "local", "reason", "article"]
    var cells: [String] { [String(entity), name, local, reason, citation.uri] }
}

extension EntityProfile: TabularRow {
    static let headers = ["id", "name", "aliases", "roles", "quotes", "articles"]
    var cells: [String] {
        let roleNames = roles.map { [$0.title, $0.org].compactMap { $0 }.joined(separator: ", ") }
        var seen = Set<String>()
        return [
            String(id), name, aliases.joined(separator: "; "), roleNames.filter { seen.insert($0).inserted }.joined(separator: "; "),
            String(quoteCount), String(articleCount),
        ]
    }
}
