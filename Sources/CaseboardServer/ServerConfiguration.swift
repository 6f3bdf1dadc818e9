import Logging

/// How the server runs: address, write token and request limits.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Bearer token that write endpoints require.
    public var token: String
    /// Largest accepted request body.
    public var maxBodyBytes: Int
    /// How long a connection may stay idle, and a request may run, in seconds.
    public var requestTimeout: Int
    /// The time budget of one request: past it, its work is cancelled and the answer is 503.
    /// Defaults to ``requestTimeout``.
    public var requestDeadline: Duration
    /// How long reading one request's headers and body may take before the connection is closed.
    public var readTimeout: Duration
    /// Open connections at most; further ones are answered 503 and closed.
    public var maxConnections: Int
    /// Largest answer the server builds in memory (a match batch, say); larger ones are refused with 413.
    public var maxResponseBytes: Int
    /// Profiles in one match batch at most.
    public var maxBatchProfiles: Int
    public var logLevel: Logger.Level
    /// Host names answered besides `localhost`, `127.0.0.1` and `[::1]` while bound to loopback.
    public var allowedHosts: [String]

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        token: String,
        maxBodyBytes: Int = 10 << 20,
        requestTimeout: Int = 30,
        requestDeadline: Duration? = nil,
        readTimeout: Duration = .seconds(30),
        maxConnections: Int = 512,
        maxResponseBytes: Int = 64 << 20,
        maxBatchProfiles: Int = 10_000,
        logLevel: Logger.Level = .info,
        allowedHosts: [String] = []
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.maxBodyBytes = maxBodyBytes
        self.requestTimeout = requestTimeout
        self.requestDeadline = requestDeadline ?? .seconds(requestTimeout)
        self.readTimeout = readTimeout
        self.maxConnections = maxConnections
        self.maxResponseBytes = maxResponseBytes
        self.maxBatchProfiles = maxBatchProfiles
        self.logLevel = logLevel
        self.allowedHosts = allowedHosts
    }
}
