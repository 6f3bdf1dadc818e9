import CaseboardCore
import CaseboardKnowledge
import Foundation
import Logging
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The knowledge store on PostgreSQL, for several servers and workers sharing one database.
///
/// It keeps the store contract of ``KnowledgeStore`` as the SQLite store does: every write is
/// one transaction that takes the one-row `store_state` lock first (so writers from every
/// process commit one after another and the generation counts commits), and every committing
/// write sends the new snapshot id with `NOTIFY caseboard_changes`, which ``changes()`` yields.
///
/// The connection pool (`PostgresClient`) and the LISTEN connection run in ``service``: run it
/// in the application's `ServiceGroup` (the server) or in a background task (the CLI).
///
/// ```swift
/// let store = try PostgresKnowledgeStore(url: "postgres://caseboard@127.0.0.1:5432/caseboard", logger: logger)
/// try await withThrowingDiscardingTaskGroup { group in
///     group.addTask { try await store.service.run() }
///     try await store.prepare()
///     print(try await store.stats())
///     group.cancelAll()
/// }
/// ```
public struct PostgresKnowledgeStore: KnowledgeStore {
    /// The pool every query goes through.
    public let client: PostgresClient
    let logger: Logger
    let hub: ChangeHub
    /// The URL without its password, for messages.
    public let displayURL: String

    /// The channel every committing write notifies with its snapshot id.
    static let channel = "caseboard_changes"

    /// Makes a store for `url` (`postgres://user[:password]@host[:port]/database`); nothing
    /// connects until ``service`` runs.
    ///
    /// - Throws: ``KnowledgeStoreError`` when the URL is not a PostgreSQL URL.
    public init(url: String, logger: Logger, maximumConnections: Int = 20) throws {
        let location = try PostgresLocation(url)
        var configuration = PostgresClient.Configuration(
            host: location.host,
            port: location.port,
            username: location.user,
            password: location.password,
            database: location.database,
            tls: .disable
        )
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(5)
        // The pool's own notes (such as a lease asked for a moment before the pool runs) are
        // not the user's business; errors still are.
        var poolLogger = logger
        poolLogger.logLevel = max(logger.logLevel, .error)
        client = PostgresClient(configuration: configuration, backgroundLogger: poolLogger)
        self.logger = logger
        hub = ChangeHub()
        displayURL = location.display
    }

    /// The pool and the LISTEN connection: run it for as long as the store is used.
    public var service: some Service { StoreService(client: client, hub: hub, logger: logger) }

    /// Brings the schema up to date (see ``PostgresMigrations``); waits for ``service`` to run.
    public func prepare() async throws {
        try await mapErrors { try await PostgresMigrations.migrate(client: client, logger: logger) }
    }

    /// Snapshot ids as other writers (and this one) commit, told by PostgreSQL's NOTIFY.
    public func changes() -> AsyncStream<String> {
        hub.subscribe()
    }

    // MARK: - Transactions

    /// Runs `body` in a write transaction that first locks the store's generation row, and
    /// bumps the generation and notifies listeners when `body` says it changed content.
    ///
    /// - Returns: `body`'s value and the snapshot id after the transaction.
    func write<T: Sendable>(
        _ body: (PostgresConnection) async throws -> (value: T, changed: Bool)
    ) async throws -> (value: T, snapshot: String) {
        try await write(onlyCases: false) { connection, _ in try await body(connection) }
    }

    /// The same, for writes that change only cases (`onlyCases`): `body` gets the generation
    /// its commit will have, to stamp the rows it writes, so ``caseChanges(after:)`` can tell a
    /// reader what changed. Any other write marks the generation as needing a full reread.
    func write<T: Sendable>(
        onlyCases: Bool,
        _ body: (PostgresConnection, _ generation: Int) async throws -> (value: T, changed: Bool)
    ) async throws -> (value: T, snapshot: String) {
        try await mapErrors {
            try await client.withConnection { connection in
                try await connection.query("BEGIN", logger: logger)
                do {
                    var current = KnowledgeSnapshot(generation: 0, token: "")
                    for try await (generation, token) in try await connection.query(
                        "SELECT generation, token FROM store_state WHERE id = 1 FOR UPDATE",
                        logger: logger
                    ).decode((Int, String).self) {
                        current = KnowledgeSnapshot(generation: generation, token: token)
                    }
                    let next = KnowledgeSnapshot.make(generation: current.generation + 1)
                    let (value, changed) = try await body(connection, next.generation)
                    if changed {
                        let full = onlyCases ? "full_generation" : "\(next.generation)"
                        try await connection.query(
                            PostgresQuery(
                                unsafeSQL: "UPDATE store_state SET generation = $1, token = $2, full_generation = \(full) WHERE id = 1",
                                binds: Self.bindings(next.generation, next.token)
                            ),
                            logger: logger
                        )
                        // Delivered at commit, to every LISTENing session, in commit order.
                        try await connection.query("SELECT pg_notify(\(Self.channel), \(next.description))", logger: logger)
                        current = next
                    }
                    try await connection.query("COMMIT", logger: logger)
                    return (value, current.description)
                } catch {
                    try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
    }

    private static func bindings(_ generation: Int, _ token: String) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(generation)
        binds.append(token)
        return binds
    }

    /// Runs `body` in one read-only REPEATABLE READ transaction: one consistent snapshot.
    func read<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await mapErrors {
            try await client.withConnection { connection in
                try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
                do {
                    let value = try await body(connection)
                    try await connection.query("COMMIT", logger: logger)
                    return value
                } catch {
                    try? await connection.query("ROLLBACK", logger: logger)
                    throw error
                }
            }
        }
    }

    /// A single statement needs no transaction of its own.
    func single<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await mapErrors { try await client.withConnection { try await body($0) } }
    }

    func mapErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch {
            throw storeError(error)
        }
    }

    /// Turns driver errors into messages that say what the user can do.
    func storeError(_ error: any Error) -> KnowledgeStoreError {
        switch error {
        case let error as KnowledgeStoreError:
            return error
        case let error as PSQLError:
            if let code = error.serverInfo?[.sqlState] {
                let message = error.serverInfo?[.message] ?? code
                if code == "23503" {
                    return KnowledgeStoreError(
                        "an evidence item names a case that is not stored (foreign key); nothing was written",
                        path: displayURL
                    )
                }
                if code == "3D000" { return KnowledgeStoreError("no such database (create it first): \(message)", path: displayURL) }
                if code == "28000" || code == "28P01" { return KnowledgeStoreError("access refused: \(message)", path: displayURL) }
                return KnowledgeStoreError("database error \(code): \(message)", path: displayURL)
            }
            if error.code == .connectionError || error.code == .serverClosedConnection || error.code == .clientClosedConnection {
                return KnowledgeStoreError("cannot reach the PostgreSQL server (is it running?)", path: displayURL)
            }
            return KnowledgeStoreError("database error: \(String(reflecting: error))", path: displayURL)
        case let error as PostgresTransactionError:
            return storeError(error.closureError ?? error.commitError ?? error.beginError ?? error)
        case is EncodingError:
            return KnowledgeStoreError("could not encode a value for the store: \(error)", path: displayURL)
        case is DecodingError:
            return KnowledgeStoreError(
                "stored data could not be read back (written by another Caseboard version?): \(error)",
                path: displayURL
            )
        default:
            return KnowledgeStoreError("\(error)", path: displayURL)
        }
    }
}

/// The parts of a `postgres://` URL.
public struct PostgresLocation: Sendable, Hashable {
    public var user: String
    public var password: String?
    public var host: String
    public var port: Int
    public var database: String

    /// Whether `string` names a PostgreSQL database rather than a file.
    public static func isURL(_ string: String) -> Bool {
        string.hasPrefix("postgres://") || string.hasPrefix("postgresql://")
    }

    /// Parses `postgres://user[:password]@host[:port]/database`.
    ///
    /// - Throws: ``KnowledgeStoreError`` naming what is missing.
    public init(_ string: String) throws {
        guard Self.isURL(string), let components = URLComponents(string: string), let host = components.host, !host.isEmpty else {
            throw KnowledgeStoreError("not a PostgreSQL URL (expected postgres://user@host:port/database): \(string)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw KnowledgeStoreError("the PostgreSQL URL names no database: \(string)") }
        self.host = host
        port = components.port ?? 5432
        user = components.user.flatMap { $0.removingPercentEncoding } ?? "postgres"
        password = components.password.flatMap { $0.removingPercentEncoding }
        self.database = database.removingPercentEncoding ?? database
    }

    /// The URL without the password.
    public var display: String { "postgres://\(user)@\(host):\(port)/\(database)" }
}

/// Hands each NOTIFY payload to every open ``PostgresKnowledgeStore/changes()`` stream.
final class ChangeHub: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<String>.Continuation]>([:])

    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            _ = self?.subscribers.withLock { $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    func publish(_ snapshot: String) {
        for continuation in subscribers.withLock({ Array($0.values) }) { continuation.yield(snapshot) }
    }
}

/// Runs the pool, and keeps one connection LISTENing for changes, reconnecting when it drops.
struct StoreService: Service, CustomStringConvertible {
    let client: PostgresClient
    let hub: ChangeHub
    let logger: Logger

    var description: String { "PostgresKnowledgeStore" }

    func run() async throws {
        // Graceful shutdown (or cancellation) ends both.
        await cancelWhenGracefulShutdown { [client, hub, logger] in
            await withDiscardingTaskGroup { group in
                group.addTask { await client.run() }
                group.addTask { await StoreService(client: client, hub: hub, logger: logger).listen() }
            }
        }
    }

    private func listen() async {
        // Until the schema is migrated the first tries fail; only repeated failures are news.
        var failures = 0
        while !Task.isCancelled {
            do {
                try await client.withConnection { connection in
                    try await connection.listen(on: PostgresKnowledgeStore.channel) { notifications in
                        // Commits made while no one listened (at start, after a reconnect) are
                        // told as the snapshot now.
                        let rows = try await connection.query("SELECT generation, token FROM store_state WHERE id = 1", logger: logger)
                        for try await (generation, token) in rows.decode((Int, String).self) {
                            hub.publish(KnowledgeSnapshot(generation: generation, token: token).description)
                        }
                        failures = 0
                        for try await notification in notifications {
                            hub.publish(notification.payload)
                        }
                    }
                }
            } catch {
                if Task.isCancelled { return }
                failures += 1
                if failures >= 5 {
                    logger.warning("listening for store changes failed; retrying", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
    }
}
