import BylineCore
import Foundation

/// One table of facts as CSV (RFC 4180: comma-separated, CRLF line ends, fields holding a
/// comma, a quotation mark or a line break quoted, quotation marks doubled) for a spreadsheet:
/// one row per quote (`--format csv-quotes`) or per figure (`--format csv-figures`), with the
/// speaker's name written out rather than its entity id. Offsets are code-point offsets into
/// the document's `text`, as in the JSON contract.
///
///     let table = FactTable.quotes
///     print(table.header + table.rows(document).joined())
enum FactTable: Sendable {
    case quotes
    case figures

    /// The header line.
    var header: String {
        switch self {
        case .quotes: Self.line(["source", "speaker", "kind", "cue", "quote", "speaker_mention", "start", "end", "rule"])
        case .figures: Self.line(["source", "figure", "value", "unit", "subject", "speaker", "time", "start", "end", "rule"])
        }
    }

    /// One line per fact of `document`, in the document's order.
    func rows(_ document: Document) -> [String] {
        let names = EntityNames(document)
        let offsets = OffsetMap(document.text)
        let source = document.source.uri
        func position(_ span: Span) -> [String] {
            [String(offsets.scalarOffset(span.start)), String(offsets.scalarOffset(span.end))]
        }
        switch self {
        case .quotes:
            return document.quotes.map { quote in
                Self.line(
                    [
                        source, quote.speaker.flatMap { names[$0] } ?? "", quote.kind.rawValue, quote.cue ?? "",
                        String(document.text[quote.span]), quote.speakerMention.map { String(document.text[$0]) } ?? "",
                    ] + position(quote.span) + [quote.provenance.rule])
            }
        case .figures:
            return document.quantities.map { figure in
                Self.line(
                    [
                        source, String(document.text[figure.span]), Self.number(figure.value), figure.unit ?? "",
                        figure.subject ?? "", figure.speaker.flatMap { names[$0] } ?? "", figure.time ?? "",
                    ] + position(figure.span) + [figure.provenance.rule])
            }
        }
    }

    /// A CSV record of `fields`, with its CRLF line end.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    /// One field, quoted when it holds a comma, a quotation mark or a line break.
    static func field(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A number as the JSON contract writes it: whole numbers without a fraction.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
