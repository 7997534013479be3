import BylineStore
import Foundation
import Hummingbird

/// Responses in the server's formats: JSON, CSV, HTML, with their content types.
enum Reply {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        json(data: try encoder.encode(value), status: status)
    }

    static func json(data: Data, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// Rows as RFC 4180 CSV, offered for download as `name.csv`.
    static func csv<Row: TabularRow>(_ rows: [Row], name: String) -> Response {
        Response(
            status: .ok,
            headers: [.contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name).csv\""],
            body: ResponseBody(byteBuffer: ByteBuffer(string: CSV.document(rows))))
    }

    /// A page of a list, or every row, as JSON or CSV.
    static func list<Row: TabularRow & Sendable>(_ rows: [Row], _ request: PageRequest, name: String) throws -> Response {
        switch request.format {
        case .json: try json(request.page(rows))
        case .csv: csv(request.limit == nil ? rows : Array(rows.prefix(request.limit!)), name: name)
        }
    }

    static func html(_ page: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }
}
