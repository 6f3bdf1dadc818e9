import Foundation
import PostgresNIO

// The statements every case write, catch-up and gene evidence page sends, prepared once per
// connection (postgres-nio keeps them by name): PostgreSQL then neither parses nor plans them
// again on each request. Values are always bound; JSON arrays come as text and are read with
// `jsonb_to_recordset`.

/// Claims the cases' `case_source` rows in id order (a revision applies unless a later source's
/// was applied; see ``PostgresKnowledgeStore/claimSources(_:_:logger:)``) and, for the ids that
/// apply, deletes the stored case (cascading to its evidence, features and text), the evidence
/// rows of the ids the new save brings, and the id's generation stamps and tombstones (the
/// stamp written at commit supersedes them). Rows: each applied id, and whether it was stored.
/// Every delete finds its rows by `= ANY(ARRAY(...))`: the generic plan of `id IN (SELECT ...)`
/// (a hundred claimed rows guessed) read every stamp, one a stored case, on each write, and on a
/// small store every case and evidence row too.
struct ClaimCases: PostgresPreparedStatement {
    static let sql = """
        WITH claimed AS (INSERT INTO case_source (case_id, source_file, source_record, deleted) \
        SELECT case_id, source_file, source_record, deleted FROM jsonb_to_recordset($1::jsonb) \
        AS x(case_id text, source_file text, source_record bigint, deleted boolean) ORDER BY case_id COLLATE "C" \
        ON CONFLICT (case_id) DO UPDATE SET source_file = excluded.source_file, source_record = excluded.source_record, \
        deleted = excluded.deleted WHERE excluded.source_file IS NULL OR case_source.source_file IS NULL \
        OR (case_source.source_file, case_source.source_record) <= (excluded.source_file, excluded.source_record) \
        RETURNING case_id), \
        removed AS (DELETE FROM cases WHERE id = ANY(ARRAY(SELECT case_id FROM claimed)) RETURNING id), \
        replaced_evidence AS (DELETE FROM evidence WHERE id = ANY(ARRAY(SELECT x.evidence_id \
        FROM jsonb_to_recordset($2::jsonb) AS x(case_id text, evidence_id text) WHERE x.case_id IN (SELECT case_id FROM claimed)))), \
        unstamped AS (DELETE FROM case_stamp WHERE id = ANY(ARRAY(SELECT case_id FROM claimed))), \
        unburied AS (DELETE FROM case_tombstone WHERE id = ANY(ARRAY(SELECT case_id FROM claimed))) \
        SELECT c.case_id, r.id IS NOT NULL FROM claimed c LEFT JOIN removed r ON r.id = c.case_id
        """
    typealias Row = (String, Bool)

    /// ``PostgresKnowledgeStore/Revision`` rows as JSON.
    let revisions: String
    /// ``PostgresKnowledgeStore/EvidenceOwner`` rows as JSON.
    let evidence: String

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: 2)
        binds.append(revisions)
        binds.append(evidence)
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}

/// Inserts cases (in the given order, kept in `seq`), their texts and features, and evidence
/// with its genes, gene levels and drugs, in one statement; the foreign keys are checked at its
/// end. The rows they replace were cleared by ``ClaimCases``.
struct InsertCases: PostgresPreparedStatement {
    static let sql = """
        WITH stored AS (INSERT INTO cases (id, document, title, pmid, disease_codes, imported_at, record_json, summary_json, \
        search_text) SELECT id, document, title, pmid, disease_codes, imported_at, record_json, summary_json, search_text \
        FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, ord), \
        jsonb_to_record(e.value) AS x(id text, document text, title text, pmid text, disease_codes text, \
        imported_at text, record_json text, summary_json text, search_text text) ORDER BY e.ord), \
        texts AS (INSERT INTO case_document (case_id, text) SELECT case_id, text \
        FROM jsonb_to_recordset($2::jsonb) AS x(case_id text, text text)), \
        features AS (INSERT INTO case_feature (case_id, kind, value) SELECT case_id, kind, value \
        FROM jsonb_to_recordset($3::jsonb) AS x(case_id text, kind text, value text)), \
        items AS (INSERT INTO evidence (id, source, evidence_type, level, significance, disease_name, oncotree, case_id, \
        profile_name, statement, search_terms, item_json) \
        SELECT id, source, evidence_type, level, significance, disease_name, oncotree, case_id, profile_name, statement, \
        search_terms, item_json FROM jsonb_to_recordset($4::jsonb) AS x(id text, source text, evidence_type text, \
        level text, significance text, disease_name text, oncotree text, case_id text, profile_name text, statement text, \
        search_terms text, item_json text)), \
        genes AS (INSERT INTO evidence_gene (evidence_id, gene, variant) SELECT evidence_id, gene, variant \
        FROM jsonb_to_recordset($5::jsonb) AS x(evidence_id text, gene text, variant text)), \
        levels AS (INSERT INTO evidence_gene_level (gene, level, evidence_id) SELECT DISTINCT gene, level, evidence_id \
        FROM jsonb_to_recordset($5::jsonb) AS x(evidence_id text, gene text, level text)) \
        INSERT INTO evidence_drug (evidence_id, drug) SELECT evidence_id, drug \
        FROM jsonb_to_recordset($6::jsonb) AS x(evidence_id text, drug text)
        """
    typealias Row = ()

    let cases: String
    let documents: String
    let features: String
    let evidence: String
    let genes: String
    let drugs: String

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: 6)
        for value in [cases, documents, features, evidence, genes, drugs] { binds.append(value) }
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { () }
}

/// Bumps the generation (locking its row until COMMIT), stamps the cases stored and deleted
/// with it and notifies, in one statement. A write that changed more than cases (`$2`) also
/// drops every stamp and tombstone: a reader behind it rereads all, and one at or past it
/// needs only later ones.
struct CommitGeneration: PostgresPreparedStatement {
    static let sql = """
        WITH bumped AS (UPDATE store_state SET generation = generation + 1, token = $1, \
        full_generation = CASE WHEN $2::boolean THEN generation + 1 ELSE full_generation END WHERE id = 1 RETURNING generation), \
        cleared AS (DELETE FROM case_stamp WHERE $2::boolean), \
        forgotten AS (DELETE FROM case_tombstone WHERE $2::boolean), \
        stamped AS (INSERT INTO case_stamp (id, generation) SELECT jsonb_array_elements_text($3::jsonb), generation FROM bumped), \
        buried AS (INSERT INTO case_tombstone (id, generation) SELECT jsonb_array_elements_text($4::jsonb), generation FROM bumped) \
        SELECT generation, pg_notify($5, generation::text || '-' || $1)::text FROM bumped
        """
    typealias Row = (Int, String?)

    let token: String
    let full: Bool
    let stored: [String]
    let deleted: [String]
    let channel: String

    /// The values bound, all text (so the statement also goes out unprepared, see
    /// ``PostgresKnowledgeStore/writeCases(mappingErrors:_:)``).
    var values: [String] {
        get throws {
            let encoder = JSONEncoder()
            return [
                token, full ? "true" : "false", String(decoding: try encoder.encode(stored), as: UTF8.self),
                String(decoding: try encoder.encode(deleted), as: UTF8.self), channel,
            ]
        }
    }

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: 5)
        for value in try values { binds.append(value) }
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}

/// What changed after a generation, in one statement (one snapshot, one round trip), as rows
/// `(kind, number, a, b, c)`, ordered by kind:
/// - 0: the state: generation, token, full generation (as text);
/// - 1: a case stored after it: `seq`, id, imported at, record JSON;
/// - 2: the evidence of those cases: 0, case id, evidence id, item JSON (by evidence id);
/// - 3: a case deleted after it and not stored again: 0, id, id.
///
/// Cases and deletions are read only when cases alone changed since (full generation at or
/// before `$1`); otherwise only the state row comes back.
///
/// Prepared, it runs with a generic plan, which knows nothing of `$1`: an open `generation > $1`
/// is guessed to keep a third of the rows, and `id IN (...)` was planned as a scan of every
/// case (1.3 ms a catch-up at 1,500 cases, growing with the store). The generation range
/// bounded by the state's own (no stamp can be newer in this snapshot) and `= ANY(ARRAY(...))`
/// keep each part an index lookup of the few rows that changed.
struct CaseChangesQuery: PostgresPreparedStatement {
    static let sql = """
        WITH state AS (SELECT generation, token, full_generation FROM store_state WHERE id = 1), \
        listed AS (SELECT NOT EXISTS (SELECT 1 FROM state WHERE full_generation > $1 OR generation < $1) AS ok), \
        changed AS (SELECT c.seq, c.id, c.imported_at, c.record_json FROM cases c \
        WHERE (SELECT ok FROM listed) AND c.id = ANY(ARRAY(SELECT id FROM case_stamp \
        WHERE generation > $1 AND generation <= (SELECT generation FROM state) \
        UNION SELECT id FROM cases WHERE generation > $1))) \
        SELECT kind, number, a, b, c FROM (\
        SELECT 0 AS kind, generation AS number, token COLLATE "C" AS a, full_generation::text COLLATE "C" AS b, NULL::text AS c FROM state \
        UNION ALL SELECT 1, seq, id, imported_at, record_json FROM changed \
        UNION ALL SELECT 2, 0, e.case_id, e.id, e.item_json FROM evidence e WHERE e.case_id IN (SELECT id FROM changed) \
        UNION ALL SELECT DISTINCT 3, 0, t.id, t.id, NULL::text FROM case_tombstone t WHERE (SELECT ok FROM listed) \
        AND t.generation > $1 AND t.generation <= (SELECT generation FROM state) AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = t.id)) AS u \
        ORDER BY kind, number, b
        """
    typealias Row = (Int, Int, String, String?, String?)

    let generation: Int

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: 1)
        binds.append(generation)
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}

/// A page of one gene's evidence in level and id order, read from `evidence_gene_level` in its
/// key order, each row with the gene's total (counted from the key alone).
struct GeneEvidencePage: PostgresPreparedStatement {
    static let sql = """
        SELECT (SELECT count(*) FROM evidence_gene_level c WHERE c.gene = $1), p.item_json FROM (SELECT e.item_json, gl.level, \
        gl.evidence_id FROM evidence_gene_level gl JOIN evidence e ON e.id = gl.evidence_id WHERE gl.gene = $1 \
        ORDER BY gl.level, gl.evidence_id LIMIT $2 OFFSET $3) p ORDER BY p.level, p.evidence_id
        """
    typealias Row = (Int, String)

    let gene: String
    let limit: Int
    let offset: Int

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: 3)
        binds.append(gene)
        binds.append(limit)
        binds.append(offset)
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Row.self) }
}

/// One gene's evidence total, for a page past its end.
struct GeneEvidenceCount: PostgresPreparedStatement {
    static let sql = "SELECT count(*) FROM evidence_gene_level WHERE gene = $1"
    typealias Row = Int

    let gene: String

    func makeBindings() throws -> PostgresBindings {
        var binds = PostgresBindings(capacity: 1)
        binds.append(gene)
        return binds
    }

    func decodeRow(_ row: PostgresRow) throws -> Row { try row.decode(Int.self) }
}
