import ArgumentParser
import CaseboardServer
import CaseboardVocabularies
import Foundation
import Hummingbird
import Logging
import NIOPosix

/// `caseboard serve`: the HTTP API and web UI on the embedded database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API and web UI.",
        discussion: """
            Starts on the embedded database (created and seeded on first run) and prints the URL.
            Writes (storing and deleting cases) need the bearer token from --token or $CASEBOARD_TOKEN;
            without one, a random token is made and printed.

            Example:
              caseboard serve --port 8080
              curl -s localhost:8080/api/match -d '{"disease":"CML","alterations":["BCR-ABL1 T315I"]}'
            """
    )

    @Option(name: .long, help: "Address to listen on.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port = 8080

    @Option(name: .long, help: "Bearer token for write endpoints (default: $CASEBOARD_TOKEN, else a random one).")
    var token: String?

    @Option(name: .long, help: "Largest request body in bytes.")
    var maxBody = 10 << 20

    @Option(name: .long, help: "Seconds a request may run (its work is then cancelled and the answer is 503), and an idle connection may stay.")
    var timeout = 30

    @Option(name: .long, help: "Seconds to read one request's headers and body before the connection is closed.")
    var readTimeout = 30

    @Option(name: .long, help: "Open connections at most; more are answered 503.")
    var maxConnections = 512

    // Handlers run on Swift's cooperative pool, a thread per core; giving I/O half the cores
    // keeps the two from crowding each other. On 2 cores, in paired 30 s load runs, one I/O
    // thread gave 2-4% more requests/s and a 10-15% lower p99 than two.
    @Option(name: .long, help: "Threads for socket I/O (default: half the cores, at least one).")
    var ioThreads = max(1, ProcessInfo.processInfo.activeProcessorCount / 2)

    @Option(name: .long, help: "A further host name to answer while bound to loopback (repeatable); others get 421.")
    var allowedHost: [String] = []

    @Option(name: .long, help: "Log level: trace, debug, info, notice, warning, error or critical.")
    var logLevel = "info"

    @OptionGroup var knowledge: KnowledgeOptions

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard maxBody > 0 else { throw ValidationError("--max-body must be positive") }
        guard timeout > 0, readTimeout > 0 else { throw ValidationError("--timeout and --read-timeout must be positive") }
        guard maxConnections > 0 else { throw ValidationError("--max-connections must be positive") }
        guard (1...256).contains(ioThreads) else { throw ValidationError("--io-threads must be 1 to 256") }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("unknown --log-level '\(logLevel)'") }
    }

    func run() async throws {
        var logger = Logger(label: "caseboard.server")
        logger.logLevel = Logger.Level(rawValue: logLevel) ?? .info
        let vocabularies = try Vocabularies.loadBundled()
        let store = try await knowledge.open(vocabularies: vocabularies)
        let environmentToken = ProcessInfo.processInfo.environment["CASEBOARD_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let writeToken = token ?? environmentToken ?? Self.randomToken()
        let configuration = ServerConfiguration(
            host: host,
            port: port,
            token: writeToken,
            maxBodyBytes: maxBody,
            requestTimeout: timeout,
            readTimeout: .seconds(readTimeout),
            maxConnections: maxConnections,
            logLevel: logger.logLevel,
            allowedHosts: allowedHost
        )
        let services = ServerServices(vocabularies: vocabularies, store: store, logger: logger)
        // Build the match index while the server starts, so the first match does not wait for it.
        let warmUp = Task { [logger] in
            do {
                try await services.prepareMatching()
            } catch {
                logger.warning("match index not built at start; the first match will try again", metadata: ["error": "\(error)"])
            }
        }
        defer { warmUp.cancel() }
        let threads = MultiThreadedEventLoopGroup(numberOfThreads: ioThreads)
        let app = try buildApplication(
            configuration: configuration,
            services: services,
            version: CaseboardVersion.current,
            logger: logger,
            eventLoopGroup: threads
        )
        print("Caseboard \(CaseboardVersion.current) on http://\(host):\(port)/  (database: \(knowledge.path))")
        if token == nil && environmentToken == nil {
            print("write token (for storing and deleting cases): \(writeToken)")
        }
        do {
            try await app.runService()
        } catch {
            try? await threads.shutdownGracefully()
            throw error
        }
        try await threads.shutdownGracefully()
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
