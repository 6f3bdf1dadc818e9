import Hummingbird

/// Gives every request a time budget. When it runs out, the work behind the request is
/// cancelled (extraction and matching check for cancellation in their loops) and the client
/// gets `503 {"error": {"code": "deadline_exceeded", …}}`, so no request keeps a core busy
/// after its answer is gone.
///
/// The handler runs in a child task so that the budget can cancel it; structured concurrency
/// then waits for it to notice, which cooperative checks keep short.
struct RequestDeadlineMiddleware<Context: RequestContext>: RouterMiddleware {
    let budget: Duration

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var outcome: Response? = try await withoutActuallyEscaping(next) { next in
            // The group below awaits every child before it returns, so `next` never outlives this call.
            nonisolated(unsafe) let next = next
            return try await withThrowingTaskGroup(of: Response?.self) { group in
                group.addTask { try await next(request, context) }
                group.addTask {
                    try await Task.sleep(for: budget)
                    return nil
                }
                defer { group.cancelAll() }
                do {
                    return try await group.next() ?? nil
                } catch is CancellationError {
                    // The handler gave up because it was cancelled: the budget (or the client) ended it.
                    return nil
                }
            }
        }
        // On a saturated cooperative pool the budget's timer may not run before a handler that never
        // yields finishes; an answer that comes after the budget is still past it.
        if ContinuousClock.now - start > budget { outcome = nil }
        guard let outcome else {
            throw APIError(
                .serviceUnavailable,
                "deadline_exceeded",
                "the request took longer than the server's limit of \(Self.describe(budget)); send a smaller input or try again later"
            )
        }
        return outcome
    }

    static func describe(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }
}
