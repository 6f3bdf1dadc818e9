import CaseboardKnowledge
import Foundation
import Logging
import PostgresNIO

/// The ingest job table on PostgreSQL (`ingest_job`, migration 2): several workers, on one
/// machine or several, claim files with `SELECT … FOR UPDATE SKIP LOCKED`, so a claim never
/// waits for another worker's and two workers never hold one file. Times are seconds since 1970
/// (`double precision`), so they read back exactly as written.
extension PostgresKnowledgeStore: IngestJobStore {
    private static let columns = """
        path, size, modified_at, state, claimed_by, claimed_at, heartbeat_at, finished_at, attempts, checkpoint, \
        records_seen, case_reports, stored, deleted, failed, error
        """

    private typealias JobRow = (
        String, Int64, Double, String, String?, Double?, Double?, Double?, Int, Int, Int, Int, Int, Int, Int, String?
    )

    private static func job(_ row: JobRow) -> IngestJob {
        IngestJob(
            identity: IngestFileIdentity(path: row.0, size: row.1, modifiedAt: row.2),
            state: IngestJobState(rawValue: row.3) ?? .pending,
            claimedBy: row.4,
            claimedAt: row.5.map(Date.init(timeIntervalSince1970:)),
            heartbeatAt: row.6.map(Date.init(timeIntervalSince1970:)),
            finishedAt: row.7.map(Date.init(timeIntervalSince1970:)),
            attempts: row.8,
            checkpoint: row.9,
            counts: IngestCounts(recordsSeen: row.10, caseReports: row.11, stored: row.12, deleted: row.13, failed: row.14),
            error: row.15
        )
    }

    private static func jobs(_ rows: PostgresRowSequence) async throws -> [IngestJob] {
        var result: [IngestJob] = []
        for try await row in rows.decode(JobRow.self) { result.append(job(row)) }
        return result
    }

    public func registerIngestFiles(_ files: [IngestFileIdentity], now: Date) async throws -> [IngestJob] {
        guard !files.isEmpty else { return [] }
        let paths = files.map(\.path)
        let sizes = files.map(\.size)
        let times = files.map(\.modifiedAt)
        let rows = try await mapErrors {
            try await client.withTransaction(logger: logger) { connection in
                try await connection.query(
                    """
                    INSERT INTO ingest_job (path, size, modified_at) \
                    SELECT * FROM unnest(\(paths)::text[], \(sizes)::bigint[], \(times)::double precision[]) \
                    ON CONFLICT (path) DO UPDATE SET size = excluded.size, modified_at = excluded.modified_at, state = 'pending', \
                    claimed_by = NULL, claimed_at = NULL, heartbeat_at = NULL, finished_at = NULL, error = NULL, \
                    checkpoint = CASE WHEN ingest_job.state = 'failed' AND ingest_job.size = excluded.size \
                    AND ingest_job.modified_at = excluded.modified_at THEN ingest_job.checkpoint ELSE 0 END, \
                    records_seen = CASE WHEN ingest_job.size = excluded.size AND ingest_job.modified_at = excluded.modified_at \
                    THEN ingest_job.records_seen ELSE 0 END, \
                    case_reports = CASE WHEN ingest_job.size = excluded.size AND ingest_job.modified_at = excluded.modified_at \
                    THEN ingest_job.case_reports ELSE 0 END, \
                    stored = CASE WHEN ingest_job.size = excluded.size AND ingest_job.modified_at = excluded.modified_at \
                    THEN ingest_job.stored ELSE 0 END, \
                    deleted = CASE WHEN ingest_job.size = excluded.size AND ingest_job.modified_at = excluded.modified_at \
                    THEN ingest_job.deleted ELSE 0 END, \
                    failed = CASE WHEN ingest_job.size = excluded.size AND ingest_job.modified_at = excluded.modified_at \
                    THEN ingest_job.failed ELSE 0 END \
                    WHERE ingest_job.size <> excluded.size OR ingest_job.modified_at <> excluded.modified_at OR ingest_job.state = 'failed'
                    """,
                    logger: logger
                )
                return try await Self.jobs(
                    try await connection.query(
                        PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM ingest_job WHERE path = ANY($1)", binds: Self.bindings(paths)),
                        logger: logger
                    )
                )
            }
        }
        let byPath = Dictionary(rows.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        return paths.compactMap { byPath[$0] }
    }

    public func claimNextIngestFile(worker: String, among paths: [String], staleAfter: TimeInterval, now: Date) async throws -> IngestJob? {
        guard !paths.isEmpty else { return nil }
        let time = now.timeIntervalSince1970
        let staleBefore = time - staleAfter
        return try await mapErrors {
            try await client.withTransaction(logger: logger) { connection in
                var chosen: String?
                let candidates = try await connection.query(
                    """
                    SELECT path FROM ingest_job WHERE path = ANY(\(paths)) \
                    AND (state = 'pending' OR (state = 'claimed' AND heartbeat_at < \(staleBefore))) \
                    ORDER BY path LIMIT 1 FOR UPDATE SKIP LOCKED
                    """,
                    logger: logger
                )
                for try await path in candidates.decode(String.self) { chosen = path }
                guard let chosen else { return nil }
                var binds = PostgresBindings()
                binds.append(worker)
                binds.append(time)
                binds.append(chosen)
                return try await Self.jobs(
                    try await connection.query(
                        PostgresQuery(
                            unsafeSQL: """
                                UPDATE ingest_job SET state = 'claimed', claimed_by = $1, claimed_at = $2, heartbeat_at = $2, \
                                attempts = attempts + 1, error = NULL WHERE path = $3 RETURNING \(Self.columns)
                                """,
                            binds: binds
                        ),
                        logger: logger
                    )
                ).first
            }
        }
    }

    public func recordIngestProgress(path: String, worker: String, checkpoint: Int, counts: IngestCounts, now: Date) async throws -> Bool {
        try await updateOwned(path: path, worker: worker, set: "checkpoint = $3, heartbeat_at = $4", checkpoint: checkpoint, counts: counts, now: now)
    }

    public func completeIngestFile(path: String, worker: String, checkpoint: Int, counts: IngestCounts, now: Date) async throws -> Bool {
        try await updateOwned(
            path: path,
            worker: worker,
            set: "state = 'done', checkpoint = $3, heartbeat_at = $4, finished_at = $4, error = NULL",
            checkpoint: checkpoint,
            counts: counts,
            now: now
        )
    }

    public func failIngestFile(path: String, worker: String, counts: IngestCounts, error: String, now: Date) async throws -> Bool {
        var binds = PostgresBindings()
        binds.append(path)
        binds.append(worker)
        binds.append(now.timeIntervalSince1970)
        binds.append(error)
        Self.appendCounts(counts, to: &binds)
        return try await ownedUpdate(
            """
            UPDATE ingest_job SET state = 'failed', heartbeat_at = $3, finished_at = $3, error = $4, \
            records_seen = $5, case_reports = $6, stored = $7, deleted = $8, failed = $9 \
            WHERE path = $1 AND state = 'claimed' AND claimed_by = $2 RETURNING path
            """,
            binds
        )
    }

    public func releaseIngestFile(path: String, worker: String, now: Date) async throws -> Bool {
        var binds = PostgresBindings()
        binds.append(path)
        binds.append(worker)
        binds.append(now.timeIntervalSince1970)
        return try await ownedUpdate(
            "UPDATE ingest_job SET state = 'pending', heartbeat_at = $3 WHERE path = $1 AND state = 'claimed' AND claimed_by = $2 RETURNING path",
            binds
        )
    }

    public func ingestJobs() async throws -> [IngestJob] {
        try await single { connection in
            try await Self.jobs(
                try await connection.query(PostgresQuery(unsafeSQL: "SELECT \(Self.columns) FROM ingest_job ORDER BY path"), logger: logger)
            )
        }
    }

    /// Sets `set` (with `$3` the checkpoint and `$4` the time) and the counts, while `worker`
    /// holds the file.
    private func updateOwned(path: String, worker: String, set: String, checkpoint: Int, counts: IngestCounts, now: Date) async throws -> Bool {
        var binds = PostgresBindings()
        binds.append(path)
        binds.append(worker)
        binds.append(checkpoint)
        binds.append(now.timeIntervalSince1970)
        Self.appendCounts(counts, to: &binds)
        return try await ownedUpdate(
            """
            UPDATE ingest_job SET \(set), records_seen = $5, case_reports = $6, stored = $7, deleted = $8, failed = $9 \
            WHERE path = $1 AND state = 'claimed' AND claimed_by = $2 RETURNING path
            """,
            binds
        )
    }

    private func ownedUpdate(_ sql: String, _ binds: PostgresBindings) async throws -> Bool {
        try await single { connection in
            var changed = false
            for try await _ in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).decode(String.self) {
                changed = true
            }
            return changed
        }
    }

    private static func appendCounts(_ counts: IngestCounts, to binds: inout PostgresBindings) {
        binds.append(counts.recordsSeen)
        binds.append(counts.caseReports)
        binds.append(counts.stored)
        binds.append(counts.deleted)
        binds.append(counts.failed)
    }

    private static func bindings(_ paths: [String]) -> PostgresBindings {
        var binds = PostgresBindings()
        binds.append(paths)
        return binds
    }
}
