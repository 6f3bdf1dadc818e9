import CaseboardKnowledge
import CaseboardStorePostgres
import CaseboardStoreSQLite
import Foundation
import Logging
import ServiceLifecycle

/// Where the knowledge store is: a SQLite file, or a PostgreSQL database named by a
/// `postgres://user@host:port/database` URL. The one place the CLI and the server decide.
public enum StoreLocation: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// A `postgres://` or `postgresql://` URL means PostgreSQL; anything else is a file path.
    public init(_ string: String) {
        self = PostgresLocation.isURL(string) ? .postgres(url: string) : .sqlite(path: string)
    }

    /// `--db` if given, else `$CASEBOARD_DB`, else the per-user default file.
    public static func resolve(db: String?, environment: [String: String], home: String) -> StoreLocation {
        if let db, !db.isEmpty { return StoreLocation(db) }
        // KnowledgeLocation reads $CASEBOARD_DB and falls back to the per-user data folder.
        return StoreLocation(KnowledgeLocation.databasePath(environment: environment, home: home))
    }

    /// The path, or the URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let url): (try? PostgresLocation(url).display) ?? url
        }
    }
}

/// A store and what must run while it is used.
public struct OpenedStore: Sendable {
    public let store: any KnowledgeStore
    /// PostgreSQL's connection pool and LISTEN connection; none for SQLite. Run them in the
    /// application's `ServiceGroup`, then call ``prepare()`` before serving.
    public let services: [any Service]
    private let reach: @Sendable () async throws -> Void
    private let prepareSchema: @Sendable () async throws -> Void

    init(
        store: any KnowledgeStore,
        services: [any Service],
        reach: @escaping @Sendable () async throws -> Void = {},
        prepare: @escaping @Sendable () async throws -> Void
    ) {
        self.store = store
        self.services = services
        self.reach = reach
        prepareSchema = prepare
    }

    /// Brings the schema up to date; with PostgreSQL, first waits (up to `timeout`) for the
    /// services to reach the database. The migration itself has no deadline: another server
    /// starting on the same database may hold the migration lock for longer on a loaded machine,
    /// and waiting for it is not failing to reach the database.
    ///
    /// - Throws: ``KnowledgeStoreError`` when the database cannot be reached or migrated.
    public func prepare(timeout: Duration = .seconds(15), location: StoreLocation) async throws {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await reach()
                return true
            }
            group.addTask {
                try await Task.sleep(for: timeout)
                return false
            }
            let finished = try await group.next() ?? false
            group.cancelAll()
            guard finished else {
                throw KnowledgeStoreError(
                    "cannot reach the database within \(timeout.components.seconds) s (is the PostgreSQL server running, and the URL right?)",
                    path: location.description
                )
            }
        }
        try await prepareSchema()
    }
}

/// Opens stores by location.
public enum StoreOpener {
    /// Opens the store without starting anything: the caller runs ``OpenedStore/services`` and
    /// then calls ``OpenedStore/prepare(timeout:location:)`` (the server does so in its ServiceGroup).
    ///
    /// - Throws: ``KnowledgeStoreError`` for a SQLite file that is not a Caseboard database, or a
    ///   malformed URL.
    /// - Parameter readOnly: Opens a SQLite file for reading only (also automatic when its file
    ///   or folder is read-only).
    public static func open(_ location: StoreLocation, logger: Logger, readOnly: Bool = false) throws -> OpenedStore {
        switch location {
        case .sqlite(let path):
            let store = try SQLiteKnowledgeStore.open(path: path, logger: logger, readOnly: readOnly)
            return OpenedStore(store: store, services: [], prepare: {})
        case .postgres(let url):
            let store = try PostgresKnowledgeStore(url: url, logger: logger)
            return OpenedStore(store: store, services: [store.service], reach: { try await store.reach() }, prepare: { try await store.prepare() })
        }
    }

    /// Opens and prepares the store for a command that runs once: PostgreSQL's services run in a
    /// background task until the process exits.
    public static func openRunning(_ location: StoreLocation, logger: Logger, readOnly: Bool = false) async throws -> any KnowledgeStore {
        let opened = try open(location, logger: logger, readOnly: readOnly)
        for service in opened.services {
            Task { try? await service.run() }
        }
        try await opened.prepare(location: location)
        return opened.store
    }
}

extension KnowledgeStore {
    /// Whether writes are refused because the database was opened for reading only; such a store
    /// is used as it is and never seeded.
    public var isReadOnlyStore: Bool { (self as? SQLiteKnowledgeStore)?.isReadOnly ?? false }
}
