import CaseboardCore
import CaseboardKnowledge
import Foundation
import GRDB
import Logging

/// The embedded knowledge store: one SQLite file (WAL mode) read and written through GRDB.
///
/// Open one store per file per process and share it; the value is `Sendable` and cheap to copy.
/// Every write method runs in exactly one transaction, so a failure leaves the file as it was.
///
/// ```swift
/// let store = try SQLiteKnowledgeStore.open(path: "caseboard.sqlite", logger: logger)
/// try await store.upsert(items)
/// let page = try await store.evidence(matching: EvidenceFilter(gene: "FLT3", level: .a))
/// ```
public struct SQLiteKnowledgeStore: KnowledgeStore {
    /// A `DatabasePool` for files, a `DatabaseQueue` for in-memory stores.
    let writer: any DatabaseWriter
    /// The file path, named in errors; nil in memory.
    let path: String?
    let logger: Logger
    /// How long a write waits for another connection's lock before failing.
    let busyTimeout: TimeInterval

    /// True when the store was opened for reading only (see ``open(path:logger:busyTimeout:readOnly:)``).
    public let isReadOnly: Bool

    /// How long a writer waits, by default, for another process's write lock before giving up.
    public static let defaultBusyTimeout: TimeInterval = 10

    /// Opens (or creates) the store at `path` and brings its schema up to date.
    ///
    /// Parent directories are created. The file is checked before SQLite touches it, so a file
    /// that is not a SQLite database is never modified.
    ///
    /// - Parameters:
    ///   - path: The database file.
    ///   - logger: Receives SQL statements at `trace` level, and open and migration notes.
    ///   - busyTimeout: How long a write waits while another process writes the same file.
    /// - Returns: The open store.
    /// - Throws: ``KnowledgeStoreError`` naming `path` when the file is not a Caseboard database,
    ///   was written by a newer Caseboard, cannot be created or written, or stays locked longer
    ///   than `busyTimeout`.
    ///
    /// A database whose file or directory is read-only (by its permissions, even for root), or
    /// any database when `readOnly` is true, is opened for reading only: no migration runs, reads
    /// and matching work, and writes fail with an error that says the file is read-only. A
    /// read-only database whose schema needs an upgrade is refused with a clear error.
    public static func open(
        path: String,
        logger: Logger,
        busyTimeout: TimeInterval = defaultBusyTimeout,
        readOnly: Bool = false
    ) throws -> SQLiteKnowledgeStore {
        let url = URL(fileURLWithPath: path)
        let readOnly = readOnly || hasReadOnlyPermissions(url)
        if readOnly {
            return try openReadOnly(path: path, logger: logger, busyTimeout: busyTimeout)
        }
        try createParentDirectory(of: url, path: path)
        if try hasContent(url, path: path) {
            try inspectExistingDatabase(path: path, busyTimeout: busyTimeout)
        }
        var config = makeConfiguration(logger: logger, busyTimeout: busyTimeout)
        config.label = "caseboard-store"
        config.prepareDatabase { db in
            // In WAL mode NORMAL is still crash-safe for the application; it skips an fsync per commit.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        let pool: DatabasePool
        do {
            pool = try openPool(path: path, configuration: config, busyTimeout: busyTimeout)
        } catch {
            throw storeError(error, path: path, busyTimeout: busyTimeout)
        }
        let store = SQLiteKnowledgeStore(writer: pool, path: path, logger: logger, busyTimeout: busyTimeout)
        try store.prepareSchema()
        logger.debug("opened knowledge store", metadata: ["path": "\(path)"])
        return store
    }

    /// Opens the pool, waiting while another process is creating the same file.
    ///
    /// Switching a new file to WAL takes a lock SQLite does not wait for (no busy handler runs),
    /// so a second process opening the file at that moment gets SQLITE_BUSY at once. It waits
    /// and tries again, up to `busyTimeout`, as a write would.
    private static func openPool(path: String, configuration: Configuration, busyTimeout: TimeInterval) throws -> DatabasePool {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY || error.resultCode == .SQLITE_LOCKED {
                guard Date() < deadline else { throw error }
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }

    /// A fresh, empty store held in memory, for tests and previews.
    ///
    /// - Throws: ``KnowledgeStoreError`` if the schema cannot be created.
    public static func inMemory(logger: Logger = Logger(label: "caseboard.store")) throws -> SQLiteKnowledgeStore {
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(configuration: makeConfiguration(logger: logger, busyTimeout: defaultBusyTimeout))
        } catch {
            throw storeError(error, path: nil)
        }
        let store = SQLiteKnowledgeStore(writer: queue, path: nil, logger: logger, busyTimeout: defaultBusyTimeout)
        try store.prepareSchema()
        return store
    }

    init(writer: any DatabaseWriter, path: String?, logger: Logger, busyTimeout: TimeInterval, isReadOnly: Bool = false) {
        self.writer = writer
        self.path = path
        self.logger = logger
        self.busyTimeout = busyTimeout
        self.isReadOnly = isReadOnly
    }

    static func makeConfiguration(logger: Logger, busyTimeout: TimeInterval) -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        // The CLI and the server may write the same file from two processes: wait, don't fail.
        config.busyMode = .timeout(busyTimeout)
        // Tracing every statement costs even when the handler drops it, so only install it
        // when someone listens.
        if logger.logLevel <= .trace {
            config.prepareDatabase { db in
                db.trace(options: .profile) { event in logger.trace("\(event)") }
            }
        }
        return config
    }

    private static func createParentDirectory(of url: URL, path: String) throws {
        let directory = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw KnowledgeStoreError("cannot create the database: \(directory.path) is not a directory", path: path)
            }
            return
        }
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw KnowledgeStoreError(
                "cannot create the directory \(directory.path) (check permissions and that no part of the path is a file)",
                path: path
            )
        }
    }

    /// The 16 bytes every SQLite 3 database file starts with.
    private static let sqliteHeader = Array("SQLite format 3\0".utf8)

    /// Whether the file exists with some bytes. Refuses non-SQLite files before SQLite opens
    /// them, because opening in WAL mode would rewrite the header and create side files.
    static func hasContent(_ url: URL, path: String) throws -> Bool {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return false }
        if isDirectory.boolValue {
            throw KnowledgeStoreError("the path is a directory, not a Caseboard database file", path: path)
        }
        let handle: FileHandle
        do {
            handle = try FileHandle(forReadingFrom: url)
        } catch {
            throw KnowledgeStoreError("cannot read the database file (permission denied?)", path: path)
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: sqliteHeader.count)) ?? Data()
        // An empty file is a valid empty database (SQLite treats it so).
        if head.isEmpty { return false }
        guard Array(head) == sqliteHeader else {
            throw KnowledgeStoreError.notADatabase(path: path)
        }
        return true
    }

    /// Refuses corrupt databases, databases from newer Caseboards and other programs' SQLite
    /// files through a read-only connection, so that a refused file keeps every byte.
    private static func inspectExistingDatabase(path: String, busyTimeout: TimeInterval) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(busyTimeout)
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            try queue.read { db in
                // Start the read snapshot before naming any table. A statement prepared first would
                // read the schema outside the snapshot: while another process creates the file, the
                // migrations table could be missing at prepare and present a moment later, and the
                // inspection failed with "no such table" (CI, session 24).
                let tableCount = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                let applied = try migrator.appliedIdentifiers(db)
                // Another GRDB app's history shares none of our steps.
                if !applied.isEmpty && !applied.contains("v1") {
                    throw KnowledgeStoreError(
                        "file is not a Caseboard database (a SQLite database of another program)",
                        path: path
                    )
                }
                if try migrator.hasBeenSuperseded(db) {
                    throw KnowledgeStoreError(
                        "the database was written by a newer version of Caseboard; upgrade Caseboard to open it",
                        path: path
                    )
                }
                // A SQLite file with tables but no migration history belongs to another program.
                let hasHistory = try db.tableExists("grdb_migrations")
                if !hasHistory && tableCount > 0 {
                    throw KnowledgeStoreError(
                        "file is not a Caseboard database (a SQLite database of another program)",
                        path: path
                    )
                }
                // Never write to a damaged file: a write can spread the damage.
                if let problem = try quickCheckProblem(db) {
                    throw KnowledgeStoreError.corrupt(path: path, problem: problem)
                }
            }
            try queue.close()
        } catch {
            throw storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Brings the schema up to date.
    ///
    /// GRDB reads which migrations are applied before it takes the write lock, so two processes
    /// opening a new file at once can both start the same migration; the second fails on a table
    /// the first has just created. Each migration commits whole, so when the applied set has
    /// grown meanwhile the migration is tried again from where the other process left it.
    private func prepareSchema() throws {
        var attempts = 0
        while true {
            let before = try? writer.read { try Self.migrator.appliedIdentifiers($0) }
            do {
                try Self.migrator.migrate(writer)
                return
            } catch {
                attempts += 1
                let after = try? writer.read { try Self.migrator.appliedIdentifiers($0) }
                guard attempts < 8, let after, after != (before ?? []) else {
                    throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
                }
                logger.debug("another process migrated the database meanwhile; trying again", metadata: ["path": "\(path ?? "")"])
            }
        }
    }

    // MARK: - Transactions

    /// Runs `body` in one write transaction and maps failures to ``KnowledgeStoreError``.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        guard !isReadOnly else {
            throw KnowledgeStoreError(
                "the database is open read-only (its file or folder is read-only, or --read-only was given); nothing was written. "
                    + "Writing needs write permission on the file and its folder",
                path: path
            )
        }
        do {
            return try await writer.write(body)
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    /// Runs `body` in one read transaction (a consistent snapshot) and maps failures.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await writer.read(body)
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }
}
