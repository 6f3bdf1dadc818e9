import Logging

/// How the server runs: address, write token and request limits.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Bearer token that write endpoints require.
    public var token: String
    /// Largest accepted request body.
    public var maxBodyBytes: Int
    /// How long a connection may stay idle, and a slow request may take, in seconds.
    public var requestTimeout: Int
    public var logLevel: Logger.Level
    /// Host names answered besides `localhost`, `127.0.0.1` and `[::1]` while bound to loopback.
    public var allowedHosts: [String]

    public init(
        host: String = "127.0.0.1",
        port: Int = 8080,
        token: String,
        maxBodyBytes: Int = 10 << 20,
        requestTimeout: Int = 30,
        logLevel: Logger.Level = .info,
        allowedHosts: [String] = []
    ) {
        self.host = host
        self.port = port
        self.token = token
        self.maxBodyBytes = maxBodyBytes
        self.requestTimeout = requestTimeout
        self.logLevel = logLevel
        self.allowedHosts = allowedHosts
    }
}
