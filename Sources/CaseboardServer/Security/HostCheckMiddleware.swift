import HTTPTypes
import Hummingbird

/// Refuses requests whose `Host` is not this server's, while it listens on a loopback address.
///
/// A page on another site can reach a server bound to 127.0.0.1 through a DNS name that resolves
/// there (DNS rebinding); the browser then sends that name as `Host`. Only `localhost`,
/// `127.0.0.1`, `[::1]` (with any port) and the names given by `--allowed-host` are answered;
/// anything else gets 421. A request without a `Host` cannot come from a browser and passes.
struct HostCheckMiddleware<Context: RequestContext>: RouterMiddleware {
    let allowed: Set<String>
    /// HTTP/1 `Host`; HTTPTypes steers users to the authority, which is where servers put it.
    static var hostField: HTTPField.Name { HTTPField.Name("Host")! }

    /// - Parameter extraHosts: Further host names to accept (lowercased, without port).
    init(extraHosts: [String]) {
        allowed = Set(["localhost", "127.0.0.1", "[::1]", "::1"] + extraHosts.map { $0.lowercased() })
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // HTTP/1 servers move `Host` into the authority; a `Host` field still present wins.
        if let authority = request.headers[Self.hostField] ?? request.head.authority, !authority.isEmpty {
            guard allowed.contains(Self.hostName(authority)) else {
                throw APIError(
                    .misdirectedRequest,
                    "misdirected_request",
                    "this server answers only for localhost; start it with --allowed-host NAME to accept another host name"
                )
            }
        }
        return try await next(request, context)
    }

    /// The host of an authority, lowercased and without its port: `[::1]:8080` → `[::1]`.
    static func hostName(_ authority: String) -> String {
        let lowered = authority.lowercased()
        if lowered.hasPrefix("[") {
            guard let close = lowered.firstIndex(of: "]") else { return lowered }
            return String(lowered[...close])
        }
        if let colon = lowered.firstIndex(of: ":") { return String(lowered[..<colon]) }
        return lowered
    }

    /// True for the addresses a DNS-rebinding page could reach: loopback names and addresses.
    static func isLoopback(_ host: String) -> Bool {
        let lowered = host.lowercased()
        return lowered == "localhost" || lowered.hasPrefix("127.") || lowered == "::1" || lowered == "[::1]"
    }
}
