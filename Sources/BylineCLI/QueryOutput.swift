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
            output.write(Data(CSV.document(rows).utf8))
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
            line(row).replacing("<b>", with: bold).replacing("</b>", with: plain)
        }
        return ([line(headers), line(widths.map { String(repeating: "-", count: $0) })] + body).joined(separator: "\n") + "\n"
    }

    /// The text on one line, cut to `width` characters with an ellipsis.
    private static func oneLine(_ text: String, width: Int) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        let visible = visibleWidth(flat)
        guard visible > width else { return flat }
        // Cut without the markers, so none is left open.
        let bare = withoutMarkers(flat)
        return String(bare.prefix(width - 1)) + "…"
    }

    private static func visibleWidth(_ text: String) -> Int {
        withoutMarkers(text).count
    }

    /// The text without its highlight markers, `<b>` and `</b>`.
    private static func withoutMarkers(_ text: String) -> String {
        text.replacing("<b>", with: "").replacing("</b>", with: "")
    }
}
