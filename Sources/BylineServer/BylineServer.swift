import BylineCore
import BylineStore
import Foundation
import Hummingbird
import Logging

/// `byline serve`: the knowledge base behind a JSON API (`/api/v1`) and server-rendered pages,
/// read-only, on loopback unless asked otherwise.
///
///     let server = try BylineServer(store: SQLiteStore(path: "byline.db", readOnly: true))
///     try await server.application(logger: Logger(label: "byline.serve")).runService()
public struct BylineServer: Sendable {
    let api: API
    let pages: Pages

    /// A server over `store`.
    ///
    /// - Throws: ``BylineError`` when the analysis pipeline cannot be made (its model is missing).
    public init(store: any KnowledgeStore, configuration: ServerConfiguration = ServerConfiguration()) throws(BylineError) {
        api = API(store: store, reader: try ArticleReader(), configuration: configuration)
        pages = Pages(api: api)
    }

    public var configuration: ServerConfiguration { api.configuration }

    /// Every route, behind the access log, the security headers and the JSON errors.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: AccessLogMiddleware())
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: ErrorMiddleware())
        api.add(to: router)
        pages.add(to: router)
        return router
    }

    /// The application: binds `configuration.host` and `port`; `onServerRunning` receives the
    /// port bound (useful with port 0). `runService()` on it serves until SIGINT or SIGTERM,
    /// then finishes the requests in flight and returns.
    public func application(logger: Logger, onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: "byline"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? 0) },
            logger: logger)
    }
}
