import ArgumentParser
import CaseboardKnowledge
import CaseboardServer
import CaseboardStoreOpening
import CaseboardVocabularies
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle

/// `caseboard serve`: the HTTP API and web UI on the embedded database.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the HTTP API and web UI.",
        discussion: """
            Starts on the embedded database (created and seeded on first run), or on PostgreSQL with
            --db postgres://user@host:port/database, and prints the URL once it listens. Several
            servers may share one PostgreSQL database; each sees the others' writes within a second.
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
        let location = knowledge.location
        let opened = try StoreOpener.open(location, logger: KnowledgeOptions.storeLogger(), readOnly: knowledge.readOnly)
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
        let services = ServerServices(vocabularies: vocabularies, store: opened.store, logger: logger)
        let threads = MultiThreadedEventLoopGroup(numberOfThreads: ioThreads)
        let printsToken = token == nil && environmentToken == nil
        let host = host
        // A busy port is reported at once, not after seeding a new database first (a minute on a
        // loaded machine); the server's own bind below still reports one taken in between.
        if port != 0 {
            do {
                let probe = try await ServerBootstrap(group: threads).bind(host: host, port: port).get()
                try await probe.close()
            } catch  where Self.isAddressInUse(error) {
                try? await threads.shutdownGracefully()
                FileHandle.standardError.write(Data("error: cannot listen on \(host):\(port): address already in use\n".utf8))
                throw ExitCode(1)
            } catch {
                // Other bind problems are left to the server's own bind, which reports them.
            }
        }
        let app = try buildApplication(
            configuration: configuration,
            services: services,
            version: CaseboardVersion.current,
            logger: logger,
            eventLoopGroup: threads,
            // The store's pool (PostgreSQL) and the follower of other writers' changes run in
            // the application's ServiceGroup.
            backgroundServices: opened.services + [StoreChangeFollower(services: services)],
            beforeServerStarts: { [logger] in
                try await opened.prepare(location: location)
                if !opened.store.isReadOnlyStore { try await KnowledgeSeeding.seedIfNeeded(opened.store, vocabularies: vocabularies) }
                // Build the match index while the port opens, so the first match does not wait for it.
                Task {
                    do {
                        try await services.prepareMatching()
                    } catch {
                        logger.warning("match index not built at start; the first match will try again", metadata: ["error": "\(error)"])
                    }
                }
            },
            onServerRunning: { channel in
                // Printed once bound (the real port when --port 0), and flushed: under nohup or
                // into a pipe, stdout is block-buffered and would hold these lines until exit.
                let bound = channel.localAddress?.port ?? configuration.port
                var lines = "Caseboard \(CaseboardVersion.current) on http://\(host):\(bound)/  (database: \(location))\n"
                if printsToken { lines += "write token (for storing and deleting cases): \(writeToken)\n" }
                FileHandle.standardOutput.write(Data(lines.utf8))
            }
        )
        do {
            try await app.runService()
        } catch {
            try? await threads.shutdownGracefully()
            if Self.isAddressInUse(error) {
                FileHandle.standardError.write(Data("error: cannot listen on \(host):\(port): address already in use\n".utf8))
                throw ExitCode(1)
            }
            throw error
        }
        try await threads.shutdownGracefully()
    }

    /// Whether binding failed because another program has the port.
    static func isAddressInUse(_ error: any Error) -> Bool {
        if let error = error as? IOError, error.errnoCode == EADDRINUSE { return true }
        return String(describing: error).localizedCaseInsensitiveContains("address already in use")
            || String(reflecting: error).localizedCaseInsensitiveContains("address already in use")
    }

    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<24).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    }
}
