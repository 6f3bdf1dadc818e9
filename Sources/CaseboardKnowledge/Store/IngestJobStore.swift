import Foundation

/// The job table of `caseboard ingest`: one row per input file, shared by every worker that
/// ingests into the same database, so that several workers split the files between them and a
/// worker that dies leaves its file to be finished by another.
///
/// A store that keeps cases may also keep the job table; the ingest pipeline asks for it with
/// `store as? any IngestJobStore`.
///
/// ## The table
///
/// One row per input file, keyed by ``IngestFileIdentity/path`` (an absolute path; a file given
/// twice under two names is two rows). Columns, in SQL terms (snake_case on PostgreSQL, as the
/// SQLite store's camelCase names map):
///
/// | Column | Type | Meaning |
/// | --- | --- | --- |
/// | `path` | text, primary key | ``IngestJob/path`` |
/// | `size` | bigint | ``IngestFileIdentity/size`` |
/// | `modified_at` | double / timestamptz | ``IngestFileIdentity/modifiedAt`` |
/// | `state` | text | ``IngestJobState`` raw value |
/// | `claimed_by` | text, null | ``IngestJob/claimedBy`` |
/// | `claimed_at` | timestamp, null | ``IngestJob/claimedAt`` |
/// | `heartbeat_at` | timestamp, null | ``IngestJob/heartbeatAt`` |
/// | `finished_at` | timestamp, null | ``IngestJob/finishedAt`` |
/// | `attempts` | integer | ``IngestJob/attempts`` |
/// | `checkpoint` | bigint | ``IngestJob/checkpoint`` |
/// | `records_seen`, `case_reports`, `stored`, `deleted`, `failed` | bigint | ``IngestCounts`` |
/// | `error` | text, null | ``IngestJob/error`` |
///
/// ## The contract
///
/// - **Claiming** (``claimNextIngestFile(worker:among:staleAfter:now:)``) is atomic: two workers
///   never hold the same file. On PostgreSQL it is one transaction:
///
///   ```sql
///   SELECT path FROM ingest_job
///   WHERE path = ANY($paths)
///     AND (state = 'pending' OR (state = 'claimed' AND heartbeat_at < $now - $staleAfter))
///   ORDER BY path
///   LIMIT 1
///   FOR UPDATE SKIP LOCKED;
///   UPDATE ingest_job SET state = 'claimed', claimed_by = $worker, claimed_at = $now,
///          heartbeat_at = $now, attempts = attempts + 1, error = NULL
///   WHERE path = $path
///   RETURNING *;
///   ```
///
///   On SQLite the same select and update run in one `BEGIN IMMEDIATE` transaction; SQLite has
///   one writer at a time, so no row lock is needed and workers wait on the busy timeout.
/// - **Ownership**: every later call for a file names the worker, and changes the row only
///   while `state = 'claimed' AND claimed_by = $worker` (a plain `UPDATE … WHERE`, no lock held
///   between calls). It returns false when the claim was lost (the file was reclaimed as stale
///   or released); the worker then stops working on that file and leaves it alone.
/// - **Checkpoint**: ``IngestJob/checkpoint`` counts the file's leading items (records and
///   `DeleteCitation` blocks, in file order) whose effect is committed to the store. The
///   counts are those of the same items. A worker that claims a file with a checkpoint skips
///   that many items and carries on with the counts. The store's writes and the checkpoint
///   are separate transactions: after a crash between them the items after the checkpoint are
///   stored again, which replaces the same cases (case ids come from the records), so nothing
///   is lost or duplicated.
/// - **Done** means every item of the file is stored; a done file is skipped until its size or
///   modification time changes.
/// - Times are the `now` the caller passes (workers on several machines need synchronized
///   clocks); a store may keep them at millisecond precision.
public protocol IngestJobStore: Sendable {
    /// Adds a pending row for each file the table does not have; resets to pending, with zero
    /// checkpoint and counts, a file whose size or modification time changed; and returns a
    /// failed file to pending with its checkpoint, so a rerun retries it where it stopped.
    /// Rows of other unchanged files are left as they are, whatever their state. One transaction.
    ///
    /// PostgreSQL: `INSERT … ON CONFLICT (path) DO UPDATE … WHERE` the identity differs or the
    /// state is `failed`.
    ///
    /// - Returns: The rows of `files`, in the order given.
    func registerIngestFiles(_ files: [IngestFileIdentity], now: Date) async throws -> [IngestJob]

    /// Claims one file among `paths` for `worker`: a pending file, or a claimed one whose
    /// heartbeat is older than `staleAfter` seconds before `now` (its worker is taken for
    /// dead). Files are taken in path order.
    ///
    /// - Returns: The claimed row (state ``IngestJobState/claimed``, `claimedBy == worker`,
    ///   with the checkpoint and counts to resume from), or nil when no file is free.
    func claimNextIngestFile(worker: String, among paths: [String], staleAfter: TimeInterval, now: Date) async throws -> IngestJob?

    /// Records progress on a claimed file: the checkpoint, the counts so far, and a heartbeat.
    ///
    /// - Returns: False when `worker` no longer holds the file; nothing is changed then.
    func recordIngestProgress(path: String, worker: String, checkpoint: Int, counts: IngestCounts, now: Date) async throws -> Bool

    /// Marks a claimed file done with its final counts and checkpoint.
    ///
    /// - Returns: False when `worker` no longer holds the file; nothing is changed then.
    func completeIngestFile(path: String, worker: String, checkpoint: Int, counts: IngestCounts, now: Date) async throws -> Bool

    /// Marks a claimed file failed, keeping its checkpoint and counts so a retry resumes.
    ///
    /// - Returns: False when `worker` no longer holds the file; nothing is changed then.
    func failIngestFile(path: String, worker: String, counts: IngestCounts, error: String, now: Date) async throws -> Bool

    /// Returns a claimed file to pending, keeping its checkpoint and counts, when `worker`
    /// holds it: for a worker that stops early, or one known to be dead (a process of this
    /// machine that no longer runs), so its file need not wait out the stale timeout.
    ///
    /// - Returns: False when `worker` did not hold the file.
    func releaseIngestFile(path: String, worker: String, now: Date) async throws -> Bool

    /// Every row of the job table, in path order.
    func ingestJobs() async throws -> [IngestJob]
}

/// The state of one file in the job table.
public enum IngestJobState: String, Sendable, Codable, Hashable, CaseIterable {
    /// Waiting for a worker (new, released, or reset because the file changed or failed).
    case pending
    /// A worker holds the file; see ``IngestJob/claimedBy`` and ``IngestJob/heartbeatAt``.
    case claimed
    /// Every item of the file is stored.
    case done
    /// The file could not be read on; ``IngestJob/error`` says why. A rerun retries it.
    case failed
}

/// Which file a row is about: its path, and its size and modification time, which tell a
/// changed file (a PubMed file fetched again) from the one ingested before.
public struct IngestFileIdentity: Sendable, Codable, Hashable {
    /// Absolute path.
    public var path: String
    /// Bytes.
    public var size: Int64
    /// Modification time, seconds since 1970.
    public var modifiedAt: Double

    public init(path: String, size: Int64, modifiedAt: Double) {
        self.path = path
        self.size = size
        self.modifiedAt = modifiedAt
    }
}

/// What the ingest of one file did so far.
public struct IngestCounts: Sendable, Codable, Hashable {
    /// Documents read (PubMed records, JATS articles, other documents).
    public var recordsSeen: Int
    /// Documents selected: case reports, or every document with `--all`.
    public var caseReports: Int
    /// Cases stored (a replaced case counts again).
    public var stored: Int
    /// Cases removed by `DeleteCitation` blocks.
    public var deleted: Int
    /// Selected documents whose case could not be stored.
    public var failed: Int

    enum CodingKeys: String, CodingKey {
        case stored, deleted, failed
        case recordsSeen = "records_seen"
        case caseReports = "case_reports"
    }

    public init(recordsSeen: Int = 0, caseReports: Int = 0, stored: Int = 0, deleted: Int = 0, failed: Int = 0) {
        self.recordsSeen = recordsSeen
        self.caseReports = caseReports
        self.stored = stored
        self.deleted = deleted
        self.failed = failed
    }

    /// The sum of two counts.
    public static func + (lhs: IngestCounts, rhs: IngestCounts) -> IngestCounts {
        IngestCounts(
            recordsSeen: lhs.recordsSeen + rhs.recordsSeen,
            caseReports: lhs.caseReports + rhs.caseReports,
            stored: lhs.stored + rhs.stored,
            deleted: lhs.deleted + rhs.deleted,
            failed: lhs.failed + rhs.failed
        )
    }
}

/// One row of the job table.
public struct IngestJob: Sendable, Codable, Hashable {
    public var identity: IngestFileIdentity
    public var state: IngestJobState
    /// The worker holding (or that last held) the file: `host:pid:nonce`.
    public var claimedBy: String?
    public var claimedAt: Date?
    /// The holder's last sign of life; a claim whose heartbeat is older than the stale timeout
    /// may be taken over.
    public var heartbeatAt: Date?
    /// When the file was done or failed.
    public var finishedAt: Date?
    /// How many times the file was claimed.
    public var attempts: Int
    /// Leading items of the file (records and `DeleteCitation` blocks) whose effect is stored.
    public var checkpoint: Int
    public var counts: IngestCounts
    /// Why the file failed.
    public var error: String?

    public var path: String { identity.path }

    enum CodingKeys: String, CodingKey {
        case identity, state, attempts, checkpoint, counts, error
        case claimedBy = "claimed_by"
        case claimedAt = "claimed_at"
        case heartbeatAt = "heartbeat_at"
        case finishedAt = "finished_at"
    }

    public init(
        identity: IngestFileIdentity,
        state: IngestJobState = .pending,
        claimedBy: String? = nil,
        claimedAt: Date? = nil,
        heartbeatAt: Date? = nil,
        finishedAt: Date? = nil,
        attempts: Int = 0,
        checkpoint: Int = 0,
        counts: IngestCounts = IngestCounts(),
        error: String? = nil
    ) {
        self.identity = identity
        self.state = state
        self.claimedBy = claimedBy
        self.claimedAt = claimedAt
        self.heartbeatAt = heartbeatAt
        self.finishedAt = finishedAt
        self.attempts = attempts
        self.checkpoint = checkpoint
        self.counts = counts
        self.error = error
    }
}
