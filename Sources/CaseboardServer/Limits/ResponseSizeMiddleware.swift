import Hummingbird

/// Refuses to send an answer larger than the server's limit: a batch of many profiles, say,
/// whose results would otherwise be held in memory and sent whole. The client is told to split
/// its request. Streamed answers without a declared length are not held and pass through.
struct ResponseSizeMiddleware<Context: RequestContext>: RouterMiddleware {
    let maximum: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response = try await next(request, context)
        if let length = response.body.contentLength, length > maximum {
            throw APIError(
                .contentTooLarge,
                "response_too_large",
                "the answer would be \(length) bytes, over the server's limit of \(maximum); split the request into smaller ones"
            )
        }
        return response
    }
}
