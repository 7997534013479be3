import Foundation
import Hummingbird

/// A request the server cannot answer, answered with a status and a JSON body
/// `{"status": 400, "message": "…"}` (an HTML page for the browser's routes).
///
///     throw APIError(.badRequest, "limit must be a number from 1 to 200")
public struct APIError: HTTPResponseError, Equatable {
    public let status: HTTPResponse.Status
    /// One sentence naming what was wrong.
    public let message: String

    public init(_ status: HTTPResponse.Status, _ message: String) {
        self.status = status
        self.message = message
    }

    /// The body every error is written with.
    struct Body: Codable {
        var status: Int
        var message: String
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return try Reply.json(Body(status: status.code, message: message), status: status)
        }
        return Reply.html(Pages.error(self), status: status)
    }
}
