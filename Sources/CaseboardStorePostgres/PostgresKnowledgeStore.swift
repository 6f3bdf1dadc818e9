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
/// one transaction that bumps the one-row `store_state` generation under its row lock (so
/// writers from every process commit one after another and the generation counts commits;
/// case writes take that lock only at their end), and every committing write sends the new
/// snapshot id with `NOTIFY caseboard_changes`, which ``changes()`` yields.
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
    /// How often the LISTEN session also reads the generation itself (see ``init(url:logger:maximumConnections:generationCheck:)``).
    let generationCheck: Duration

    /// The channel every committing write notifies with its snapshot id.
    static let channel = "caseboard_changes"

    /// Makes a store for `url` (`postgres://user[:password]@host[:port]/database`); nothing
    /// connects until ``service`` runs.
    ///
    /// - Parameter generationCheck: How often the LISTEN session reads the generation besides
    ///   taking notifications: it finds a session that died without a word, and bounds how far
    ///   ``knownSnapshot()`` could lag if a notification were ever lost.
    /// - Throws: ``KnowledgeStoreError`` when the URL is not a PostgreSQL URL.
    public init(url: String, logger: Logger, maximumConnections: Int = 20, generationCheck: Duration = .seconds(1)) throws {
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
        self.generationCheck = generationCheck
    }

    /// The pool and the LISTEN connection: run it for as long as the store is used.
    public var service: some Service { StoreService(client: client, hub: hub, logger: logger, generationCheck: generationCheck) }

    /// Returns once one query has run on the database: the server answers and the URL is right.
    /// Waits for ``service`` to run.
    public func reach() async throws {
        try await mapErrors { try await client.withConnection { _ = try await $0.query("SELECT 1", logger: logger) } }
    }

    /// Brings the schema up to date (see ``PostgresMigrations``); waits for ``service`` to run.
    public func prepare() async throws {
        try await mapErrors { try await PostgresMigrations.migrate(client: client, logger: logger) }
    }

    /// Snapshot ids as other writers (and this one) commit, told by PostgreSQL's NOTIFY.
    public func changes() -> AsyncStream<String> {
        hub.subscribe()
    }

    /// The newest snapshot id this store read, wrote or was told by NOTIFY, while the LISTEN
    /// session holds; nil while it is down (readers then ask ``snapshotID()``).
    public func knownSnapshot() -> String? {
        hub.known
    }

    /// True: while its LISTEN session holds, the store vouches for ``knownSnapshot()``.
    public var vouchesForSnapshots: Bool { true }

    // MARK: - Transactions

    /// Runs `body` in a write transaction that changes more than cases (evidence, metadata,
    /// review marks, a restore): it locks the case sources' table (so no case write is half
    /// done, see ``writeCases(mappingErrors:_:)``) and the store's generation row first, and bumps the
    /// generation, marking it as needing a full reread, and notifies listeners when `body` says
    /// it changed content. Such writes are rare; they wait for case writes in flight.
    ///
    /// - Returns: `body`'s value and the snapshot id after the transaction.
    func write<T: Sendable>(
        _ body: (PostgresConnection) async throws -> (value: T, changed: Bool)
    ) async throws -> (value: T, snapshot: String) {
        try await mapErrors {
            try await transaction { connection in
                // Case writers take row locks on `case_source` before the generation row; taking
                // the table first here keeps the two lock orders the same (no deadlock).
                try await connection.query("LOCK TABLE case_source IN EXCLUSIVE MODE", logger: logger)
                var current = try await Self.readState(connection, lock: true, logger: logger)
                let (value, changed) = try await body(connection)
                if changed {
                    current = try await commitGeneration(connection, full: true, stored: [], deleted: [])
                }
                return (value, current.description)
            }
        }
    }

    /// Runs `body`, a write that changes only cases, in a transaction that takes the
    /// generation lock only at its end: the rows are written first, then one statement bumps
    /// the generation (waiting there for other writers' commits), stamps the cases stored and
    /// deleted with it for ``caseChanges(after:)``, and notifies, sent with the COMMIT right
    /// behind it. So writers from every process still commit in generation order, but hold the
    /// lock for about one round trip instead of the whole write. Writers of the same case wait for each
    /// other on the case's `case_source` row, which `body` locks first.
    ///
    /// - Parameter mappingErrors: False leaves the driver's errors as thrown, so a caller can
    ///   tell a statement the database refused from a lost connection.
    /// - Returns: `body`'s value and the snapshot id after the transaction.
    func writeCases<T: Sendable>(
        mappingErrors: Bool = true,
        _ body: (PostgresConnection) async throws -> (value: T, stored: [String], deleted: [String])
    ) async throws -> (value: T, snapshot: String) {
        if mappingErrors { return try await mapErrors { try await casesTransaction(body) } }
        return try await casesTransaction(body)
    }

    private func casesTransaction<T: Sendable>(
        _ body: (PostgresConnection) async throws -> (value: T, stored: [String], deleted: [String])
    ) async throws -> (value: T, snapshot: String) {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            let snapshot: KnowledgeSnapshot
            let value: T
            do {
                let (result, stored, deleted) = try await body(connection)
                value = result
                if stored.isEmpty && deleted.isEmpty {
                    snapshot = try await Self.readState(connection, lock: false, logger: logger)
                    try await connection.query("COMMIT", logger: logger)
                } else {
                    snapshot = try await commitGenerationAndCommit(connection, stored: stored, deleted: deleted)
                }
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
            hub.observe(snapshot.description)
            return (value, snapshot.description)
        }
    }

    /// Bumps the generation, stamps the cases and notifies (``CommitGeneration``), and COMMITs,
    /// the two sent back to back: the generation lock is held from the bump to the COMMIT,
    /// and awaiting the bump's answer before sending COMMIT held it also over a task switch,
    /// which on a busy machine was most of the time writers of two servers waited for each
    /// other. When the bump fails, PostgreSQL ends the failed transaction at that COMMIT with a
    /// rollback, and the bump's error is thrown.
    private func commitGenerationAndCommit(
        _ connection: PostgresConnection,
        stored: [String],
        deleted: [String]
    ) async throws -> KnowledgeSnapshot {
        let statement = CommitGeneration(token: UUID().uuidString.lowercased(), full: false, stored: stored, deleted: deleted, channel: Self.channel)
        // Both are written to the connection now, in this order (the event loop runs its tasks in order).
        let bumped = connection.query(CommitGeneration.sql, try statement.values.map { PostgresData(string: $0) })
        let committed = connection.query("COMMIT")
        let rows: PostgresQueryResult
        do {
            rows = try await bumped.get()
        } catch {
            _ = try? await committed.get()
            throw error
        }
        _ = try await committed.get()
        for row in rows {
            let (generation, _) = try row.decode((Int, String?).self)
            return KnowledgeSnapshot(generation: generation, token: statement.token)
        }
        throw KnowledgeStoreError("the store's state row is missing", path: displayURL)
    }

    /// BEGIN, `body`, COMMIT (ROLLBACK when it throws); tells the hub the snapshot committed.
    /// Errors come out as the driver threw them (callers map them with ``storeError(_:)``).
    private func transaction<T: Sendable>(
        _ body: (PostgresConnection) async throws -> (value: T, snapshot: String)
    ) async throws -> (value: T, snapshot: String) {
        try await client.withConnection { connection in
            try await connection.query("BEGIN", logger: logger)
            do {
                let result = try await body(connection)
                try await connection.query("COMMIT", logger: logger)
                hub.observe(result.snapshot)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    static func readState(_ connection: PostgresConnection, lock: Bool, logger: Logger) async throws -> KnowledgeSnapshot {
        var current = KnowledgeSnapshot(generation: 0, token: "")
        let sql = "SELECT generation, token FROM store_state WHERE id = 1" + (lock ? " FOR UPDATE" : "")
        for try await (generation, token) in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger).decode((Int, String).self) {
            current = KnowledgeSnapshot(generation: generation, token: token)
        }
        return current
    }

    /// Bumps the generation (locking its row until COMMIT), stamps `stored` and `deleted` with
    /// it and notifies, in one statement: one round trip while the lock is held. The
    /// notification is delivered at commit, to every LISTENing session, in commit order.
    private func commitGeneration(
        _ connection: PostgresConnection,
        full: Bool,
        stored: [String],
        deleted: [String]
    ) async throws -> KnowledgeSnapshot {
        let token = UUID().uuidString.lowercased()
        let rows = try await connection.execute(
            CommitGeneration(token: token, full: full, stored: stored, deleted: deleted, channel: Self.channel),
            logger: logger
        )
        var next: KnowledgeSnapshot?
        for try await (generation, _) in rows {
            next = KnowledgeSnapshot(generation: generation, token: token)
        }
        guard let next else { throw KnowledgeStoreError("the store's state row is missing", path: displayURL) }
        return next
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

    /// The settings of one plain connection to this database, outside any pool (an administrative
    /// session that creates or drops a database).
    public var connectionConfiguration: PostgresConnection.Configuration {
        PostgresConnection.Configuration(host: host, port: port, username: user, password: password, database: database, tls: .disable)
    }
}

/// Hands each NOTIFY payload to every open ``PostgresKnowledgeStore/changes()`` stream, and
/// keeps the newest snapshot id seen (read, written or told) for
/// ``PostgresKnowledgeStore/knownSnapshot()``.
final class ChangeHub: Sendable {
    private struct State {
        var subscribers: [UUID: AsyncStream<String>.Continuation] = [:]
        var latest: KnowledgeSnapshot?
        /// Whether the LISTEN session has held since `latest` was last read from the database,
        /// so no commit's notification can have been missed.
        var listening = false
    }

    private let state = Mutex(State())

    func subscribe() -> AsyncStream<String> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(1))
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.subscribers.removeValue(forKey: id) }
        }
        state.withLock { $0.subscribers[id] = continuation }
        return stream
    }

    /// Tells every subscriber, and remembers the id.
    func publish(_ snapshot: String) {
        observe(snapshot)
        for continuation in state.withLock({ Array($0.subscribers.values) }) { continuation.yield(snapshot) }
    }

    /// Tells subscribers only an id newer than the one known.
    func publishIfNewer(_ snapshot: String) {
        guard observe(snapshot) else { return }
        for continuation in state.withLock({ Array($0.subscribers.values) }) { continuation.yield(snapshot) }
    }

    /// Remembers an id this store read or wrote, when it is newer than the one known.
    /// - Returns: Whether it was newer.
    @discardableResult
    func observe(_ snapshot: String) -> Bool {
        guard let parsed = KnowledgeSnapshot(snapshot) else { return false }
        return state.withLock { state in
            guard state.latest.map({ parsed.generation > $0.generation }) ?? true else { return false }
            state.latest = parsed
            return true
        }
    }

    /// Set once the LISTEN session is up and has read the generation; cleared when it drops.
    func setListening(_ listening: Bool) {
        state.withLock { $0.listening = listening }
    }

    /// The newest id seen, while the LISTEN session vouches for it.
    var known: String? {
        state.withLock { $0.listening ? $0.latest?.description : nil }
    }
}

/// Runs the pool, and keeps one connection LISTENing for changes, reconnecting when it drops.
struct StoreService: Service, CustomStringConvertible {
    let client: PostgresClient
    let hub: ChangeHub
    let logger: Logger
    let generationCheck: Duration

    var description: String { "PostgresKnowledgeStore" }

    func run() async throws {
        // Graceful shutdown (or cancellation) ends both.
        await cancelWhenGracefulShutdown { [self] in
            await withDiscardingTaskGroup { group in
                group.addTask { await client.run() }
                group.addTask { await listen() }
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
                        // told as the snapshot now; from here on every commit is notified.
                        defer { hub.setListening(false) }
                        try await publishGeneration(connection, always: true)
                        failures = 0
                        try await withThrowingTaskGroup(of: Void.self) { group in
                            group.addTask {
                                for try await notification in notifications {
                                    hub.publish(notification.payload)
                                }
                            }
                            // A look at the generation now and then finds a session that died
                            // without a word (the query fails, the loop reconnects), and bounds
                            // how far behind the known snapshot could ever be.
                            group.addTask {
                                while true {
                                    try await Task.sleep(for: generationCheck)
                                    try await publishGeneration(connection, always: false)
                                }
                            }
                            try await group.next()
                            group.cancelAll()
                        }
                    }
                }
            } catch {
                hub.setListening(false)
                if Task.isCancelled { return }
                failures += 1
                if failures >= 5 {
                    logger.warning("listening for store changes failed; retrying", metadata: ["error": "\(String(reflecting: error))"])
                }
            }
            try? await Task.sleep(for: .milliseconds(500))
        }
    }

    private func publishGeneration(_ connection: PostgresConnection, always: Bool) async throws {
        let rows = try await connection.query("SELECT generation, token FROM store_state WHERE id = 1", logger: logger)
        for try await (generation, token) in rows.decode((Int, String).self) {
            let snapshot = KnowledgeSnapshot(generation: generation, token: token).description
            if always {
                // The session vouches from this read on, and says so before subscribers hear
                // of it: one told of it finds `knownSnapshot()` set (it was nil for a moment).
                hub.observe(snapshot)
                hub.setListening(true)
                hub.publish(snapshot)
            } else {
                hub.publishIfNewer(snapshot)
            }
        }
    }
}
