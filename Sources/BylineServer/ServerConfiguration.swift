/// Where `byline serve` listens and the limits it holds every request to.
public struct ServerConfiguration: Sendable {
    /// The address to bind: loopback unless asked otherwise.
    public var host: String
    /// The port to bind; 0 for any free one.
    public var port: Int
    /// The largest request body read, in bytes (an article posted to analyze).
    public var maximumBodySize: Int
    /// The longest search words or name a query parameter may hold, in characters.
    public var maximumQueryLength: Int
    /// The most rows one page of a list holds.
    public var maximumPageSize: Int
    /// The rows one page holds when the request does not say.
    public var defaultPageSize: Int

    public init(
        host: String = "127.0.0.1", port: Int = 8080, maximumBodySize: Int = 2 << 20, maximumQueryLength: Int = 500,
        maximumPageSize: Int = 200, defaultPageSize: Int = 20
    ) {
        self.host = host
        self.port = port
        self.maximumBodySize = maximumBodySize
        self.maximumQueryLength = maximumQueryLength
        self.maximumPageSize = maximumPageSize
        self.defaultPageSize = defaultPageSize
    }
}
