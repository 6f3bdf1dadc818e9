import CaseboardKnowledge
import Foundation
import GRDB

/// The ingest job table on SQLite: table `ingestJob`, times as seconds since 1970 (REAL).
/// SQLite has one writer at a time, so a claim is a select and an update in one immediate
/// transaction; other processes wait on the busy timeout.
extension SQLiteKnowledgeStore: IngestJobStore {
    /// The `v5-ingest-jobs` migration step.
    static func createIngestJobTable(_ db: Database) throws {
        try db.create(table: "ingestJob", options: [.ifNotExists]) { t in
            t.primaryKey("path", .text)
            t.column("size", .integer).notNull()
            t.column("modifiedAt", .double).notNull()
            t.column("state", .text).notNull()
            t.column("claimedBy", .text)
            t.column("claimedAt", .double)
            t.column("heartbeatAt", .double)
            t.column("finishedAt", .double)
            t.column("attempts", .integer).notNull().defaults(to: 0)
            t.column("checkpoint", .integer).notNull().defaults(to: 0)
            t.column("recordsSeen", .integer).notNull().defaults(to: 0)
            t.column("caseReports", .integer).notNull().defaults(to: 0)
            t.column("stored", .integer).notNull().defaults(to: 0)
            t.column("deleted", .integer).notNull().defaults(to: 0)
            t.column("failed", .integer).notNull().defaults(to: 0)
            t.column("error", .text)
        }
        try db.create(index: "ingestJob_on_state", on: "ingestJob", columns: ["state"], options: [.ifNotExists])
    }

    private static let jobColumns = """
        path, size, modifiedAt, state, claimedBy, claimedAt, heartbeatAt, finishedAt, attempts, checkpoint, \
        recordsSeen, caseReports, stored, deleted, failed, error
        """

    public func registerIngestFiles(_ files: [IngestFileIdentity], now: Date) async throws -> [IngestJob] {
        try await immediateWrite { db in
            let upsert = try db.cachedStatement(
                sql: """
                    INSERT INTO ingestJob (path, size, modifiedAt, state) VALUES (?, ?, ?, 'pending')
                    ON CONFLICT (path) DO UPDATE SET
                        size = excluded.size, modifiedAt = excluded.modifiedAt, state = 'pending',
                        claimedBy = NULL, claimedAt = NULL, heartbeatAt = NULL, finishedAt = NULL,
                        checkpoint = CASE WHEN state = 'failed' AND size = excluded.size AND modifiedAt = excluded.modifiedAt
                            THEN checkpoint ELSE 0 END,
                        recordsSeen = CASE WHEN state = 'failed' AND size = excluded.size AND modifiedAt = excluded.modifiedAt
                            THEN recordsSeen ELSE 0 END,
                        caseReports = CASE WHEN state = 'failed' AND size = excluded.size AND modifiedAt = excluded.modifiedAt
                            THEN caseReports ELSE 0 END,
                        stored = CASE WHEN state = 'failed' AND size = excluded.size AND modifiedAt = excluded.modifiedAt
                            THEN stored ELSE 0 END,
                        deleted = CASE WHEN state = 'failed' AND size = excluded.size AND modifiedAt = excluded.modifiedAt
                            THEN deleted ELSE 0 END,
                        failed = CASE WHEN state = 'failed' AND size = excluded.size AND modifiedAt = excluded.modifiedAt
                            THEN failed ELSE 0 END,
                        error = NULL
                    WHERE size <> excluded.size OR modifiedAt <> excluded.modifiedAt OR state = 'failed'
                    """
            )
            for file in files {
                try upsert.execute(arguments: [file.path, file.size, file.modifiedAt])
            }
            return try files.map { file in
                guard let job = try Self.fetchJob(db, path: file.path) else {
                    throw KnowledgeStoreError("the ingest job of \(file.path) vanished while it was registered", path: nil)
                }
                return job
            }
        }
    }

    public func claimNextIngestFile(worker: String, among paths: [String], staleAfter: TimeInterval, now: Date) async throws -> IngestJob? {
        let nowSeconds = now.timeIntervalSince1970
        return try await immediateWrite { db in
            // The candidate paths go through a temporary table: a long IN list would hit
            // SQLite's limit on bound parameters.
            try db.execute(sql: "CREATE TEMP TABLE IF NOT EXISTS ingestCandidate (path TEXT PRIMARY KEY)")
            try db.execute(sql: "DELETE FROM ingestCandidate")
            let insert = try db.cachedStatement(sql: "INSERT OR IGNORE INTO ingestCandidate (path) VALUES (?)")
            for path in paths { try insert.execute(arguments: [path]) }
            let path = try String.fetchOne(
                db,
                sql: """
                    SELECT path FROM ingestJob
                    WHERE path IN (SELECT path FROM ingestCandidate)
                      AND (state = 'pending' OR (state = 'claimed' AND heartbeatAt < ?))
                    ORDER BY path LIMIT 1
                    """,
                arguments: [nowSeconds - staleAfter]
            )
            try db.execute(sql: "DELETE FROM ingestCandidate")
            guard let path else { return nil }
            try db.execute(
                sql: """
                    UPDATE ingestJob SET state = 'claimed', claimedBy = ?, claimedAt = ?, heartbeatAt = ?,
                        finishedAt = NULL, attempts = attempts + 1, error = NULL
                    WHERE path = ?
                    """,
                arguments: [worker, nowSeconds, nowSeconds, path]
            )
            return try Self.fetchJob(db, path: path)
        }
    }

    public func recordIngestProgress(path: String, worker: String, checkpoint: Int, counts: IngestCounts, now: Date) async throws -> Bool {
        try await updateOwned(
            path: path,
            worker: worker,
            set: "checkpoint = ?, heartbeatAt = ?, " + Self.countAssignments,
            arguments: [checkpoint, now.timeIntervalSince1970] + Self.countArguments(counts)
        )
    }

    public func completeIngestFile(path: String, worker: String, checkpoint: Int, counts: IngestCounts, now: Date) async throws -> Bool {
        try await updateOwned(
            path: path,
            worker: worker,
            set: "state = 'done', checkpoint = ?, heartbeatAt = ?, finishedAt = ?, error = NULL, " + Self.countAssignments,
            arguments: [checkpoint, now.timeIntervalSince1970, now.timeIntervalSince1970] + Self.countArguments(counts)
        )
    }

    public func failIngestFile(path: String, worker: String, counts: IngestCounts, error: String, now: Date) async throws -> Bool {
        try await updateOwned(
            path: path,
            worker: worker,
            set: "state = 'failed', heartbeatAt = ?, finishedAt = ?, error = ?, " + Self.countAssignments,
            arguments: [now.timeIntervalSince1970, now.timeIntervalSince1970, error] + Self.countArguments(counts)
        )
    }

    public func releaseIngestFile(path: String, worker: String, now: Date) async throws -> Bool {
        try await updateOwned(
            path: path,
            worker: worker,
            set: "state = 'pending', heartbeatAt = ?",
            arguments: [now.timeIntervalSince1970]
        )
    }

    public func ingestJobs() async throws -> [IngestJob] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.jobColumns) FROM ingestJob ORDER BY path").map(Self.job)
        }
    }

    // MARK: - Helpers

    private static let countAssignments = "recordsSeen = ?, caseReports = ?, stored = ?, deleted = ?, failed = ?"

    private static func countArguments(_ counts: IngestCounts) -> StatementArguments {
        [counts.recordsSeen, counts.caseReports, counts.stored, counts.deleted, counts.failed]
    }

    /// Updates a row only while `worker` holds it; true when it did.
    private func updateOwned(path: String, worker: String, set assignments: String, arguments: StatementArguments) async throws -> Bool {
        let sql = "UPDATE ingestJob SET \(assignments) WHERE path = ? AND state = 'claimed' AND claimedBy = ?"
        return try await immediateWrite { db in
            try db.execute(sql: sql, arguments: arguments + [path, worker])
            return db.changesCount > 0
        }
    }

    /// A write in a `BEGIN IMMEDIATE` transaction: the write lock is taken before the first
    /// read, so a second process waits on the busy timeout instead of failing to upgrade.
    private func immediateWrite<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let path = path
        let busyTimeout = busyTimeout
        do {
            return try await writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                guard let result else { throw KnowledgeStoreError("the ingest job transaction returned nothing", path: path) }
                return result
            }
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
    }

    private static func fetchJob(_ db: Database, path: String) throws -> IngestJob? {
        try Row.fetchOne(db, sql: "SELECT \(jobColumns) FROM ingestJob WHERE path = ?", arguments: [path]).map(job)
    }

    private static func job(_ row: Row) throws -> IngestJob {
        let stateName: String = row["state"]
        guard let state = IngestJobState(rawValue: stateName) else {
            throw KnowledgeStoreError("an ingest job has the unknown state \"\(stateName)\"", path: nil)
        }
        func date(_ column: String) -> Date? {
            (row[column] as Double?).map { Date(timeIntervalSince1970: $0) }
        }
        return IngestJob(
            identity: IngestFileIdentity(path: row["path"], size: row["size"], modifiedAt: row["modifiedAt"]),
            state: state,
            claimedBy: row["claimedBy"],
            claimedAt: date("claimedAt"),
            heartbeatAt: date("heartbeatAt"),
            finishedAt: date("finishedAt"),
            attempts: row["attempts"],
            checkpoint: row["checkpoint"],
            counts: IngestCounts(
                recordsSeen: row["recordsSeen"],
                caseReports: row["caseReports"],
                stored: row["stored"],
                deleted: row["deleted"],
                failed: row["failed"]
            ),
            error: row["error"]
        )
    }
}
