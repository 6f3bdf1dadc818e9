import CaseboardKnowledge
import CaseboardVocabularies
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// The request context every route uses: Hummingbird's basic context with Caseboard's
/// streaming JSON encoder for responses.
public struct CaseboardRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) {
        coreContext = .init(source: source)
    }

    public var responseEncoder: CaseboardResponseEncoder { CaseboardResponseEncoder() }
}

/// Builds the server: the JSON API under `/api`, the OpenAPI document, and the web UI's
/// static files, all from this process with no external assets.
///
/// - Parameters:
///   - eventLoopGroup: The threads for socket I/O; the caller owns them and shuts them
///     down after the application stops. Request handlers run on Swift's cooperative pool.
///   - backgroundServices: Run in the application's ServiceGroup, such as the store's
///     connection pool; they start before, and stop after, the HTTP server.
///   - beforeServerStarts: Run (with the background services up) before the port opens, such as
///     store migrations and seeding.
///   - onServerRunning: Called once the port is bound, with the listening channel.
public func buildApplication(
    configuration: ServerConfiguration,
    services: ServerServices,
    version: String,
    logger: Logger,
    eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
    backgroundServices: [any Service] = [],
    beforeServerStarts: (@Sendable () async throws -> Void)? = nil,
    onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }
) throws -> some ApplicationProtocol {
    let router = try buildRouter(configuration: configuration, services: services, version: version)
    let connections = ConnectionCounter(maximum: configuration.maxConnections)
    let readTimeout = TimeAmount.nanoseconds(Int64(configuration.readTimeout / .nanoseconds(1)))
    var app = Application(
        router: router,
        server: .http1(
            configuration: .init(
                additionalChannelHandlers: [ConnectionLimitHandler(counter: connections), ReadTimeoutHandler(timeout: readTimeout)],
                idleTimeout: .seconds(Int64(configuration.requestTimeout))
            )
        ),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "caseboard"),
        services: backgroundServices,
        onServerRunning: onServerRunning,
        eventLoopGroupProvider: .shared(eventLoopGroup),
        logger: logger
    )
    if let beforeServerStarts { app.beforeServerStarts(perform: beforeServerStarts) }
    return app
}

/// The router alone, for tests that run requests in process.
public func buildRouter(configuration: ServerConfiguration, services: ServerServices, version: String) throws -> Router<CaseboardRequestContext> {
    let router = Router(context: CaseboardRequestContext.self)
    guard let root = Bundle.module.resourceURL else {
        throw KnowledgeStoreError("the CaseboardServer resource bundle is missing")
    }
    let publicDirectory =
        FileManager.default.fileExists(atPath: root.appendingPathComponent("Public").path)
        ? root.appendingPathComponent("Public") : root.appendingPathComponent("Resources/Public")
    // Outermost, so every answer gets the headers, refusals included.
    router.addMiddleware { SecurityHeadersMiddleware<CaseboardRequestContext>() }
    // Bound to loopback, the server answers only for its own names (DNS rebinding).
    if HostCheckMiddleware<CaseboardRequestContext>.isLoopback(configuration.host) {
        router.addMiddleware { HostCheckMiddleware<CaseboardRequestContext>(extraHosts: configuration.allowedHosts) }
    }
    router.addMiddleware {
        ErrorMiddleware<CaseboardRequestContext>()
        // Inside the error shaping, so their refusals get the API's JSON error.
        RequestDeadlineMiddleware<CaseboardRequestContext>(budget: configuration.requestDeadline)
        ResponseSizeMiddleware<CaseboardRequestContext>(maximum: configuration.maxResponseBytes)
        BodyLimitMiddleware<CaseboardRequestContext>(maximum: configuration.maxBodyBytes)
        FileMiddleware<CaseboardRequestContext, LocalFileSystem>(publicDirectory.path, searchForIndexHtml: true)
    }
    ExtractController<CaseboardRequestContext>(services: services, configuration: configuration).addRoutes(to: router)
    MatchController<CaseboardRequestContext>(services: services, configuration: configuration).addRoutes(to: router)
    KnowledgeController<CaseboardRequestContext>(services: services, configuration: configuration).addRoutes(to: router)
    AnnotateController<CaseboardRequestContext>(services: services, configuration: configuration).addRoutes(to: router)
    MetaController<CaseboardRequestContext>(services: services, version: version).addRoutes(to: router)
    let examples = publicDirectory.appendingPathComponent("examples")
    BrowseController<CaseboardRequestContext>(services: services, examplesDirectory: examples).addRoutes(to: router)
    return router
}

/// Refuses a body whose declared length is over the limit before reading it (413); handlers
/// also stop reading at the limit when no length is declared.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let maximum: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > maximum {
            throw APIError(.contentTooLarge, "payload_too_large", "the request body is larger than \(maximum) bytes")
        }
        return try await next(request, context)
    }
}
