import ArgumentParser
import BylineServer
import BylineStore
import Foundation
import Logging

/// `byline serve`: the knowledge base behind a JSON API and web pages, read-only.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the knowledge base read-only: a JSON API under /api/v1 and web pages with every fact shown in its sentence.")

    @Option(help: ArgumentHelp(
        "The knowledge base to serve (made by byline ingest): an SQLite file or a PostgreSQL server, postgres://user:password@host:port/database.",
        valueName: "path-or-url"))
    var db = "byline.db"
    @Option(help: "The address to listen on; the default answers this machine only.")
    var host = "127.0.0.1"
    @Option(help: "The port to listen on (0 for any free port).")
    var port = 8080
    @Option(help: ArgumentHelp("The largest request body accepted, in bytes (an article posted to analyze).", valueName: "bytes"))
    var maxBody = ServerConfiguration().maximumBodySize
    @Option(help: "Access log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be positive") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level must be one of: trace, debug, info, notice, warning, error, critical") }
    }

    func run() async throws {
        let store = try await StoreLocation.open(db, readOnly: true)
        let configuration = ServerConfiguration(host: host, port: port, maximumBodySize: maxBody)
        let server = try orExit { try BylineServer(store: store, configuration: configuration) }
        var logger = Logger(label: "byline.serve")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let application = server.application(logger: logger) { port in
            FileHandle.standardError.write(Data("byline: serving \(KnowledgeBase.displayName(db)) on http://\(host):\(port)/\n".utf8))
        }
        try await application.runService()
    }
}
