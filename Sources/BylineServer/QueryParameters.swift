import BylineStore
import Foundation
import Hummingbird

/// A request's query string (or a form body), read strictly: `+` is a space, `%XX` escapes are
/// decoded, and each typed getter throws a 400 ``APIError`` naming the parameter when its value
/// is malformed, too long or out of range.
///
///     let parameters = try QueryParameters(request.uri.query)
///     let limit = try parameters.integer("limit", in: 1...200)
struct QueryParameters: Sendable {
    private var values: [String: [String]] = [:]

    /// Reads `query` (`a=1&b=two+words`); nil is an empty query.
    init(_ query: String?) throws(APIError) {
        guard let query, !query.isEmpty else { return }
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try Self.decode(parts[0])
            let value = parts.count > 1 ? try Self.decode(parts[1]) : ""
            values[key, default: []].append(value)
        }
    }

    private static func decode(_ piece: Substring) throws(APIError) -> String {
        guard let decoded = piece.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
            throw APIError(.badRequest, "the query holds a malformed %-escape: \(piece.prefix(40))")
        }
        return decoded
    }

    /// The parameter's value with surrounding spaces removed; nil when absent or blank.
    func string(_ name: String, maxLength: Int) throws(APIError) -> String? {
        guard let value = values[name]?.last?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        guard value.count <= maxLength else {
            throw APIError(.badRequest, "\(name) is longer than \(maxLength) characters")
        }
        guard !value.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" }) else {
            throw APIError(.badRequest, "\(name) holds control characters")
        }
        return value
    }

    /// A form field that holds a whole document (line breaks and all), as sent; nil when absent.
    func document(_ name: String, maxLength: Int) throws(APIError) -> String? {
        guard let value = values[name]?.last else { return nil }
        guard value.utf8.count <= maxLength else { throw APIError(.contentTooLarge, "\(name) is larger than \(maxLength) bytes") }
        return value
    }

    /// Every non-blank value of a repeated parameter (`name=a&name=b`).
    func strings(_ name: String, maxLength: Int) throws(APIError) -> [String] {
        var result: [String] = []
        for value in values[name] ?? [] {
            let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { continue }
            guard trimmed.count <= maxLength else { throw APIError(.badRequest, "\(name) is longer than \(maxLength) characters") }
            result.append(trimmed)
        }
        return result
    }

    /// A whole number within `range`; nil when absent.
    func integer(_ name: String, in range: ClosedRange<Int>) throws(APIError) -> Int? {
        guard let text = try string(name, maxLength: 20) else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError(.badRequest, "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }

    /// `true`/`1` or `false`/`0`; false when absent.
    func flag(_ name: String) throws(APIError) -> Bool {
        switch try string(name, maxLength: 5)?.lowercased() {
        case nil, "false", "0": false
        case "true", "1": true
        default: throw APIError(.badRequest, "\(name) must be true or false")
        }
    }

    /// A date `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month and day that exist; nil when absent.
    func date(_ name: String) throws(APIError) -> String? {
        guard let text = try string(name, maxLength: 10) else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let lengths = parts.map(\.count)
        let numbers = parts.compactMap { Int($0) }
        let valid = numbers.count == parts.count && [[4], [4, 2], [4, 2, 2]].contains(lengths)
            && (numbers.count < 2 || (1...12).contains(numbers[1])) && (numbers.count < 3 || (1...31).contains(numbers[2]))
        guard valid else { throw APIError(.badRequest, "\(name) must be a date YYYY-MM-DD (or YYYY-MM, or YYYY)") }
        return text
    }

    /// One of a type's raw values; nil when absent.
    func choice<Value: RawRepresentable & CaseIterable>(_ name: String, of type: Value.Type) throws(APIError) -> Value?
    where Value.RawValue == String {
        guard let text = try string(name, maxLength: 40) else { return nil }
        guard let value = Value(rawValue: text.lowercased()) else {
            throw APIError(.badRequest, "\(name) must be one of: " + Value.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return value
    }
}

/// How a list is answered: JSON or CSV.
enum ListFormat: String, CaseIterable, Sendable {
    case json, csv
}

/// Which rows of a list a request asks for: one page from a cursor, or every row (`all=true`,
/// the export links).
struct PageRequest: Sendable {
    var offset: Int
    /// nil for every row.
    var limit: Int?
    var format: ListFormat

    /// Reads `limit`, `cursor`, `all` and `format` within the server's limits.
    init(_ parameters: QueryParameters, configuration: ServerConfiguration) throws(APIError) {
        format = try parameters.choice("format", of: ListFormat.self) ?? .json
        let all = try parameters.flag("all")
        let pageSize = try parameters.integer("limit", in: 1...configuration.maximumPageSize) ?? configuration.defaultPageSize
        limit = all ? nil : pageSize
        offset = all ? 0 : try parameters.string("cursor", maxLength: 40).map(Cursor.offset) ?? 0
    }

    /// The rows to ask the store for: one more than a page, to know whether another follows.
    var fetchLimit: Int? { limit.map { $0 + 1 } }

    /// The rows to ask the store for: ``fetchLimit`` rows from the page's offset.
    var rows: ResultRange { ResultRange(limit: fetchLimit, offset: offset) }

    /// The page made of `rows` fetched with ``fetchLimit``.
    func page<Row: Encodable & Sendable>(_ rows: [Row]) -> Page<Row> {
        guard let limit, rows.count > limit else { return Page(items: rows, next: nil) }
        return Page(items: Array(rows.prefix(limit)), next: Cursor.make(offset: offset + limit))
    }
}

/// One page of a list and the cursor of the next page (nil on the last).
struct Page<Row: Encodable & Sendable>: Encodable, Sendable {
    var items: [Row]
    var next: String?

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(next, forKey: .next)  // null on the last page, never left out
    }

    private enum CodingKeys: String, CodingKey { case items, next }
}

/// Opaque page cursors: the position of a page's first row, base64url-encoded so that clients
/// pass them back rather than build them.
enum Cursor {
    private static let prefix = "o:"

    static func make(offset: Int) -> String {
        Data((prefix + String(offset)).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The offset a cursor made by ``make(offset:)`` stands for.
    static func offset(_ cursor: String) throws(APIError) -> Int {
        var base64 = cursor.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8), text.hasPrefix(prefix),
            let offset = Int(text.dropFirst(prefix.count)), offset >= 0, offset <= 10_000_000
        else { throw APIError(.badRequest, "cursor is not one this server gave out") }
        return offset
    }
}
