import CaseboardKnowledge
import Logging
import PostgresNIO

/// The PostgreSQL schema history, recorded in `schema_migrations` (one row per applied step).
///
/// Steps are append-only: never edit or reorder a released step, add the next number. A
/// database that has a step this list lacks comes from a newer Caseboard and is refused. Two
/// processes starting at once take an advisory lock, so each step runs once.
///
/// Naming is snake_case (PostgreSQL's convention); ids and levels are `COLLATE "C"` so they sort
/// byte-wise, as SQLite sorts them.
public enum PostgresMigrations {
    struct Step: Sendable {
        let version: Int
        let name: String
        let statements: [String]
    }

    static let steps: [Step] = [
        Step(
            version: 1,
            name: "initial",
            statements: [
                """
                CREATE TABLE store_state (
                    id INT PRIMARY KEY CHECK (id = 1),
                    generation BIGINT NOT NULL,
                    token TEXT NOT NULL,
                    -- The last generation that changed more than cases: readers behind it reread all.
                    full_generation BIGINT NOT NULL DEFAULT 0
                )
                """,
                "INSERT INTO store_state (id, generation, token) VALUES (1, 0, md5(random()::text || clock_timestamp()::text))",
                "CREATE TABLE meta (key TEXT COLLATE \"C\" PRIMARY KEY, value TEXT NOT NULL)",
                """
                CREATE TABLE cases (
                    seq BIGSERIAL UNIQUE,
                    id TEXT COLLATE "C" PRIMARY KEY,
                    document TEXT NOT NULL,
                    title TEXT,
                    pmid TEXT,
                    disease_codes TEXT NOT NULL,
                    imported_at TEXT COLLATE "C" NOT NULL,
                    record_json TEXT NOT NULL,
                    summary_json TEXT NOT NULL,
                    search_text TEXT NOT NULL,
                    -- The generation of the commit that stored it, for caseChanges(after:).
                    generation BIGINT NOT NULL DEFAULT 0,
                    search tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, coalesce(title, '') || ' ' || search_text)) STORED
                )
                """,
                "CREATE INDEX cases_generation ON cases (generation)",
                // Deleted cases, for caseChanges(after:).
                "CREATE TABLE case_tombstone (id TEXT COLLATE \"C\" NOT NULL, generation BIGINT NOT NULL)",
                "CREATE INDEX case_tombstone_generation ON case_tombstone (generation)",
                "CREATE INDEX cases_search ON cases USING GIN (search)",
                "CREATE INDEX cases_imported ON cases (imported_at DESC, seq DESC)",
                """
                CREATE TABLE case_feature (
                    case_id TEXT COLLATE "C" NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
                    kind TEXT NOT NULL,
                    value TEXT NOT NULL
                )
                """,
                "CREATE INDEX case_feature_kind_value ON case_feature (kind, value)",
                "CREATE INDEX case_feature_case ON case_feature (case_id)",
                """
                CREATE TABLE evidence (
                    id TEXT COLLATE "C" PRIMARY KEY,
                    source TEXT NOT NULL,
                    evidence_type TEXT NOT NULL,
                    level TEXT COLLATE "C" NOT NULL,
                    significance TEXT NOT NULL,
                    disease_name TEXT NOT NULL,
                    oncotree TEXT,
                    case_id TEXT COLLATE "C" REFERENCES cases (id) ON DELETE CASCADE,
                    profile_name TEXT NOT NULL,
                    statement TEXT,
                    search_terms TEXT NOT NULL,
                    item_json TEXT NOT NULL,
                    search tsvector GENERATED ALWAYS AS (
                        to_tsvector('english'::regconfig,
                            coalesce(statement, '') || ' ' || profile_name || ' ' || disease_name || ' ' || search_terms)
                    ) STORED
                )
                """,
                "CREATE INDEX evidence_search ON evidence USING GIN (search)",
                "CREATE INDEX evidence_level ON evidence (level, id)",
                "CREATE INDEX evidence_source ON evidence (source)",
                "CREATE INDEX evidence_oncotree ON evidence (oncotree)",
                "CREATE INDEX evidence_case ON evidence (case_id)",
                """
                CREATE TABLE evidence_gene (
                    evidence_id TEXT COLLATE "C" NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
                    gene TEXT NOT NULL,
                    variant TEXT
                )
                """,
                "CREATE INDEX evidence_gene_gene ON evidence_gene (gene)",
                "CREATE INDEX evidence_gene_evidence ON evidence_gene (evidence_id)",
                """
                CREATE TABLE evidence_drug (
                    evidence_id TEXT COLLATE "C" NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
                    drug TEXT NOT NULL
                )
                """,
                "CREATE INDEX evidence_drug_drug ON evidence_drug (drug)",
                "CREATE INDEX evidence_drug_evidence ON evidence_drug (evidence_id)",
                // Review marks outlive re-imports of an item, so no foreign key.
                "CREATE TABLE evidence_review (evidence_id TEXT COLLATE \"C\" PRIMARY KEY, reviewed_at TEXT NOT NULL)",
            ]
        ),
        Step(
            version: 2,
            name: "ingest-jobs",
            statements: [
                // The `caseboard ingest` job table (IngestJobStore); times in seconds since 1970.
                """
                CREATE TABLE ingest_job (
                    path TEXT COLLATE "C" PRIMARY KEY,
                    size BIGINT NOT NULL,
                    modified_at DOUBLE PRECISION NOT NULL,
                    state TEXT NOT NULL DEFAULT 'pending',
                    claimed_by TEXT,
                    claimed_at DOUBLE PRECISION,
                    heartbeat_at DOUBLE PRECISION,
                    finished_at DOUBLE PRECISION,
                    attempts BIGINT NOT NULL DEFAULT 0,
                    checkpoint BIGINT NOT NULL DEFAULT 0,
                    records_seen BIGINT NOT NULL DEFAULT 0,
                    case_reports BIGINT NOT NULL DEFAULT 0,
                    stored BIGINT NOT NULL DEFAULT 0,
                    deleted BIGINT NOT NULL DEFAULT 0,
                    failed BIGINT NOT NULL DEFAULT 0,
                    error TEXT
                )
                """,
                "CREATE INDEX ingest_job_state ON ingest_job (state, path)",
            ]
        ),
        Step(
            version: 3,
            // Named as SQLite's step of the same change.
            name: "v7-case-documents",
            statements: [
                // A case's document text, so a stored case reopens whole; apart from `cases` so
                // listings and the similar-case index never read texts. Cases stored before
                // this step have no row and show their quoted spans.
                """
                CREATE TABLE case_document (
                    case_id TEXT COLLATE "C" PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,
                    text TEXT NOT NULL
                )
                """
            ]
        ),
        Step(
            version: 4,
            // Named as SQLite's step of the same change.
            name: "v8-case-sources",
            statements: [
                // Per case id, the source (file name, record index) of the revision applied
                // last, deletions included, so a later update file wins over an earlier one
                // whatever order workers commit in (the store contract's revisions). No
                // foreign key: a deletion outlives its case. Its row is also the lock writers
                // of the same case wait on. NULL source: saved without one.
                """
                CREATE TABLE case_source (
                    case_id TEXT COLLATE "C" PRIMARY KEY,
                    source_file TEXT COLLATE "C",
                    source_record BIGINT,
                    deleted BOOLEAN NOT NULL DEFAULT FALSE
                )
                """,
                // The generation of the commit that stored a case, written at commit (case
                // writes take the generation lock only then); replaces `cases.generation`
                // stamps, which cases stored before this step keep.
                "CREATE TABLE case_stamp (id TEXT COLLATE \"C\" NOT NULL, generation BIGINT NOT NULL)",
                "CREATE INDEX case_stamp_generation ON case_stamp (generation)",
            ]
        ),
        Step(
            version: 5,
            // Named as SQLite's step of the same index.
            name: "v2-evidence-by-gene-and-level",
            statements: [
                // One row per evidence item and gene, in level order, so a gene's evidence page
                // reads its first rows in order and counts its total from this key, instead of
                // reading and sorting every item of the gene on every page.
                """
                CREATE TABLE evidence_gene_level (
                    gene TEXT COLLATE "C" NOT NULL,
                    level TEXT COLLATE "C" NOT NULL,
                    evidence_id TEXT COLLATE "C" NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
                    PRIMARY KEY (gene, level, evidence_id)
                )
                """,
                "CREATE INDEX evidence_gene_level_evidence ON evidence_gene_level (evidence_id)",
                """
                INSERT INTO evidence_gene_level (gene, level, evidence_id) \
                SELECT DISTINCT g.gene, e.level, e.id FROM evidence_gene g JOIN evidence e ON e.id = g.evidence_id
                """,
            ]
        ),
        Step(
            version: 6,
            name: "case-stamps-pruned",
            statements: [
                // Case writes now delete an id's older stamps and tombstones as they write its
                // new one (by id), and a write that changes more than cases drops them all, so
                // the two tables hold at most one row per id instead of one per write.
                "CREATE INDEX case_stamp_id ON case_stamp (id)",
                "CREATE INDEX case_tombstone_id ON case_tombstone (id)",
                // What no reader can still need: a stamp or tombstone at or before the last
                // full change (readers behind it reread all), one that a later row of the same
                // id supersedes, a stamp of a case no longer stored (its tombstone tells), and a
                // tombstone of a case stored again (its stamp tells).
                """
                DELETE FROM case_stamp s WHERE s.generation <= (SELECT full_generation FROM store_state WHERE id = 1) \
                OR EXISTS (SELECT 1 FROM case_stamp n WHERE n.id = s.id AND n.generation > s.generation) \
                OR NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = s.id)
                """,
                """
                DELETE FROM case_tombstone t WHERE t.generation <= (SELECT full_generation FROM store_state WHERE id = 1) \
                OR EXISTS (SELECT 1 FROM case_tombstone n WHERE n.id = t.id AND n.generation > t.generation) \
                OR EXISTS (SELECT 1 FROM cases c WHERE c.id = t.id)
                """,
            ]
        ),
    ]

    /// The newest step this Caseboard knows.
    public static var latestVersion: Int { steps.last?.version ?? 0 }

    /// Applies the steps the database lacks, each in its own transaction, under an advisory lock.
    ///
    /// - Throws: ``KnowledgeStoreError`` when the database was migrated by a newer Caseboard.
    static func migrate(client: PostgresClient, logger: Logger) async throws {
        try await client.withConnection { connection in
            // A fixed key: "caseboard" in ASCII, so two servers starting at once wait for each other.
            try await connection.query("SELECT pg_advisory_lock(6361637264216419940)", logger: logger)
            do {
                try await connection.query(
                    """
                    CREATE TABLE IF NOT EXISTS schema_migrations (
                        version INT PRIMARY KEY,
                        name TEXT NOT NULL,
                        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
                    )
                    """,
                    logger: logger
                )
                var applied: Set<Int> = []
                for try await version in try await connection.query("SELECT version FROM schema_migrations", logger: logger).decode(Int.self) {
                    applied.insert(version)
                }
                if let newest = applied.max(), newest > latestVersion {
                    throw KnowledgeStoreError(
                        "the database was migrated by a newer version of Caseboard (schema \(newest), this one knows \(latestVersion)); upgrade Caseboard"
                    )
                }
                for step in steps where !applied.contains(step.version) {
                    logger.info("migrating the PostgreSQL store", metadata: ["version": "\(step.version)", "name": "\(step.name)"])
                    try await connection.query("BEGIN", logger: logger)
                    do {
                        for statement in step.statements {
                            try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                        }
                        try await connection.query(
                            "INSERT INTO schema_migrations (version, name) VALUES (\(step.version), \(step.name))",
                            logger: logger
                        )
                        try await connection.query("COMMIT", logger: logger)
                    } catch {
                        try? await connection.query("ROLLBACK", logger: logger)
                        throw error
                    }
                }
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(6361637264216419940)", logger: logger)
                throw error
            }
            try await connection.query("SELECT pg_advisory_unlock(6361637264216419940)", logger: logger)
        }
    }
}
