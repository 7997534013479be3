import Foundation
import Hummingbird
import Logging

/// Turns every error a route throws into a JSON (or HTML) error response: a known ``APIError``
/// keeps its status and message, Hummingbird's own errors (no such route, a body too large)
/// keep their status, anything else is a 500 whose details go to the log, not to the client.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as any HTTPResponseError {
            let message = switch error.status {
            case .notFound: "no such page: \(request.uri.path)"
            case .contentTooLarge: "the request body is larger than the server accepts"
            case .methodNotAllowed: "\(request.method) is not allowed on \(request.uri.path)"
            default: (error as? HTTPError)?.body ?? error.status.reasonPhrase
            }
            return try APIError(error.status, message).response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(error)"])
            return try APIError(.internalServerError, "the server could not answer this request").response(from: request, context: context)
        }
    }
}

/// Writes one structured log line per request: method, path, status, response size and time.
struct AccessLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": "\(request.method)",
            "path": "\(request.uri.path)",
            "status": "\(response.status.code)",
            "bytes": "\(response.body.contentLength.map(String.init) ?? "-")",
            "ms": "\(String(format: "%.2f", milliseconds))",
        ])
        return response
    }
}

/// Headers every response carries: no sniffing of content types, no framing, and for pages a
/// content security policy that runs only the server's own script file — so text from an
/// article could not run even if it slipped past the escaping.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    static var policy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.contentSecurityPolicy] = Self.policy
        return response
    }
}
