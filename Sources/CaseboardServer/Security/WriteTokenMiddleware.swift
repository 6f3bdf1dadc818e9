import Hummingbird

/// Guards the write routes (storing and deleting cases): they need `Authorization: Bearer <token>`.
///
/// It is attached to the write routes themselves through a router group, not matched on a path
/// prefix, so no spelling of a path (`//api/cases`, `%2Fapi`, `;` parameters) reaches a write
/// handler without it. Reads, extraction and matching store nothing and stay open.
struct WriteTokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let presented = Self.bearerCredentials(request.headers[.authorization]),
            Self.constantTimeEquals(Array(presented.utf8), Array(token.utf8))
        else {
            throw APIError(.unauthorized, "unauthorized", "this endpoint needs 'Authorization: Bearer <token>' with the server's write token")
        }
        return try await next(request, context)
    }

    /// The credentials of a `Bearer` authorization; the scheme name is case-insensitive (RFC 9110 §11.1).
    static func bearerCredentials(_ header: String?) -> String? {
        guard let header else { return nil }
        let trimmed = header.drop { $0 == " " }
        guard let space = trimmed.firstIndex(of: " ") else { return nil }
        guard trimmed[..<space].lowercased() == "bearer" else { return nil }
        let credentials = trimmed[space...].drop { $0 == " " }
        return credentials.isEmpty ? nil : String(credentials)
    }

    /// Compares without an early exit, so response time does not reveal the token.
    /// The length difference is kept whole: folded into one byte, a token padded with 256 NUL
    /// bytes compared equal to the real one.
    static func constantTimeEquals(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = UInt(bitPattern: a.count ^ b.count)
        for index in 0..<max(a.count, b.count) {
            difference |= UInt((index < a.count ? a[index] : 0) ^ (index < b.count ? b[index] : 0))
        }
        return difference == 0
    }
}
