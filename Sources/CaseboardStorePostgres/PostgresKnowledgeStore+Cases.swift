import CaseboardCore
import CaseboardKnowledge
import Foundation
import Logging
import PostgresNIO

extension PostgresKnowledgeStore {
    /// Stores a case and its evidence, replacing an earlier save of the same id.
    public func saveCase(_ record: CaseRecord, evidence: [EvidenceItem]) async throws -> StoredCase {
        let batch = try await saveCases([CaseSubmission(record: record, evidence: evidence)])
        return try batch.outcomes[0].get().stored
    }

    /// Stores cases in one transaction; the snapshot changes once. The whole batch is first
    /// written with one statement per table (a few round trips for any number of cases); when
    /// that fails, or the batch names a case twice, each case is written in a savepoint of its
    /// own, so a case that fails is reported in its outcome and leaves the others.
    public func saveCases(_ submissions: [CaseSubmission]) async throws -> CaseBatchResult {
        let importedAt = Date().formatted(.iso8601)
        let prepared: [Result<PreparedCase, KnowledgeStoreError>] = submissions.map { submission in
            do {
                return .success(
                    try PreparedCase(
                        submission.record,
                        evidence: submission.evidence,
                        importedAt: importedAt,
                        documentText: submission.documentText,
                        source: submission.source
                    )
                )
            } catch {
                return .failure(storeError(error))
            }
        }
        let valid = prepared.compactMap { try? $0.get() }
        let distinct = Set(valid.map(\.stored.id)).count == valid.count
        if !valid.isEmpty, distinct {
            // The whole batch at once, with no savepoint: BEGIN, two statements, the generation
            // and COMMIT (a case write took ten round trips with a savepoint per case).
            do {
                let (outcomes, snapshot) = try await writeCases(mappingErrors: false) { connection in
                    let (applied, replaced) = try await Self.claim(valid, connection, logger: logger)
                    let winners = valid.filter { applied.contains($0.stored.id) }
                    try await Self.insert(winners, connection, logger: logger)
                    let outcomes = prepared.map { entry in
                        entry.map {
                            CaseSaveOutcome(
                                stored: $0.stored,
                                replaced: replaced.contains($0.stored.id),
                                superseded: !applied.contains($0.stored.id)
                            )
                        }
                    }
                    return (outcomes, winners.map(\.stored.id), [])
                }
                return CaseBatchResult(outcomes: outcomes, snapshot: snapshot)
            } catch let error as PSQLError where error.serverInfo == nil {
                // Not a refusal (the connection failed): nothing to retry case by case.
                throw storeError(error)
            } catch {
                // Some case cannot be stored (the database refused a statement): that
                // transaction rolled back whole; find the case below, one savepoint per case.
            }
        }
        let (outcomes, snapshot) = try await writeCases { connection in
            var outcomes: [Result<CaseSaveOutcome, KnowledgeStoreError>] = []
            var stored: [String] = []
            for entry in prepared {
                switch entry {
                case .failure(let error):
                    outcomes.append(.failure(error))
                case .success(let item):
                    try await connection.query("SAVEPOINT case_save", logger: logger)
                    do {
                        let (applied, replaced) = try await Self.claim([item], connection, logger: logger)
                        if !applied.isEmpty { try await Self.insert([item], connection, logger: logger) }
                        try await connection.query("RELEASE SAVEPOINT case_save", logger: logger)
                        outcomes.append(.success(CaseSaveOutcome(stored: item.stored, replaced: !replaced.isEmpty, superseded: applied.isEmpty)))
                        if !applied.isEmpty { stored.append(item.stored.id) }
                    } catch {
                        try await connection.query("ROLLBACK TO SAVEPOINT case_save", logger: logger)
                        outcomes.append(.failure(storeError(error)))
                    }
                }
            }
            return (outcomes, stored, [])
        }
        return CaseBatchResult(outcomes: outcomes, snapshot: snapshot)
    }

    /// Claims the cases' sources (``claimSources(_:_:logger:)``) and clears what the winners
    /// replace, in one statement: their earlier save (cascading to its evidence, features and
    /// text), evidence rows of the ids they bring, and their generation stamps and tombstones
    /// (the stamp written at commit supersedes them: no reader needs an older one).
    /// - Returns: The ids whose revision applies, and those of them that replaced a stored case.
    static func claim(
        _ cases: [PreparedCase],
        _ connection: PostgresConnection,
        logger: Logger
    ) async throws -> (applied: Set<String>, replaced: Set<String>) {
        guard !cases.isEmpty else { return ([], []) }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let statement = ClaimCases(
            revisions: String(decoding: try encoder.encode(cases.map(\.revision)), as: UTF8.self),
            evidence: String(
                decoding: try encoder.encode(
                    cases.flatMap { item in item.evidence.map { EvidenceOwner(caseID: item.stored.id, evidenceID: $0.id) } }
                ),
                as: UTF8.self
            )
        )
        var applied: Set<String> = []
        var replaced: Set<String> = []
        for try await (id, wasStored) in try await connection.execute(statement, logger: logger) {
            applied.insert(id)
            if wasStored { replaced.insert(id) }
        }
        return (applied, replaced)
    }

    /// An evidence id a case brings, as `jsonb_to_recordset` reads it (snake_case keys).
    struct EvidenceOwner: Encodable, Sendable {
        let caseID: String
        let evidenceID: String
    }

    /// A `case_source` row, as `jsonb_to_recordset` reads it (snake_case keys).
    struct Revision: Encodable, Sendable {
        let caseID: String
        let sourceFile: String?
        let sourceRecord: Int?
        let deleted: Bool

        init(caseID: String, source: CaseSource?, deleted: Bool) {
            self.caseID = caseID
            sourceFile = source?.file
            sourceRecord = source?.record
            self.deleted = deleted
        }
    }

    /// Records each revision as its case's latest unless a later source's revision was applied
    /// (the store contract's revisions), locking each id's `case_source` row until commit, in
    /// id order, so writers of the same case wait for each other and never deadlock. A
    /// revision without a source always applies; an equal source applies again.
    /// - Returns: The ids whose revision applies.
    static func claimSources(_ revisions: [Revision], _ connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        guard !revisions.isEmpty else { return [] }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        let json = String(decoding: try encoder.encode(revisions), as: UTF8.self)
        var applied: Set<String> = []
        for try await id in try await connection.query(
            """
            INSERT INTO case_source (case_id, source_file, source_record, deleted) \
            SELECT case_id, source_file, source_record, deleted FROM jsonb_to_recordset(\(json)::jsonb) \
            AS x(case_id text, source_file text, source_record bigint, deleted boolean) ORDER BY case_id COLLATE "C" \
            ON CONFLICT (case_id) DO UPDATE SET source_file = excluded.source_file, source_record = excluded.source_record, \
            deleted = excluded.deleted WHERE excluded.source_file IS NULL OR case_source.source_file IS NULL \
            OR (case_source.source_file, case_source.source_record) <= (excluded.source_file, excluded.source_record) \
            RETURNING case_id
            """,
            logger: logger
        ).decode(String.self) {
            applied.insert(id)
        }
        return applied
    }

    /// A `case_document` row, as `jsonb_to_recordset` reads it (snake_case keys).
    struct Document: Encodable, Sendable {
        let caseID: String
        let text: String
    }

    /// A case encoded for storage.
    struct PreparedCase: Sendable {
        struct Feature: Encodable, Sendable {
            let caseID: String
            let kind: String
            let value: String
        }

        /// A `cases` row, as `jsonb_to_recordset` reads it (snake_case keys).
        struct Row: Encodable, Sendable {
            let id: String
            let document: String
            let title: String?
            let pmid: String?
            let diseaseCodes: String
            let importedAt: String
            let recordJSON: String
            let summaryJSON: String
            let searchText: String
        }

        let stored: StoredCase
        let row: Row
        let features: [Feature]
        /// The `case_source` row this save claims.
        var revision: Revision { Revision(caseID: stored.id, source: stored.source, deleted: false) }
        /// The case's evidence, each item's `caseID` set, the last of each id kept.
        let evidence: [EvidenceItem]

        init(_ record: CaseRecord, evidence: [EvidenceItem], importedAt: String, documentText: String?, source: CaseSource?) throws {
            let id = CaseIdentity.id(for: record)
            stored = StoredCase(id: id, record: record, importedAt: importedAt, documentText: documentText, source: source)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            row = Row(
                id: id,
                document: record.document,
                title: record.title,
                pmid: PostgresKnowledgeStore.nonBlank(record.metadata.pmid),
                diseaseCodes: record.diagnoses.compactMap(\.oncotree).joined(separator: " "),
                importedAt: importedAt,
                recordJSON: String(decoding: try encoder.encode(record), as: UTF8.self),
                summaryJSON: String(decoding: try encoder.encode(CaseSummary(id: id, record: record)), as: UTF8.self),
                searchText: KnowledgeSearchText.text(of: record)
            )
            var seen: Set<String> = []
            var features: [Feature] = []
            func add(_ kind: String, _ value: String) {
                guard !value.isEmpty, seen.insert("\(kind)\u{1F}\(value)").inserted else { return }
                features.append(Feature(caseID: id, kind: kind, value: value))
            }
            for alteration in record.alterations {
                add("gene", alteration.gene.uppercased())
                if let partner = alteration.partner { add("gene", partner.uppercased()) }
                add("alteration", alteration.label)
            }
            for drug in record.therapies.flatMap(\.drugs) { add("drug", drug.lowercased()) }
            for code in record.diagnoses.compactMap(\.oncotree) { add("oncotree", code) }
            self.features = features
            self.evidence = PostgresKnowledgeStore.lastOccurrences(evidence).map { item in
                var copy = item
                copy.caseID = id
                return copy
            }
        }
    }

    /// Writes cases of distinct ids whose sources ``claim(_:_:logger:)`` applied (and whose
    /// earlier rows it cleared): the cases, texts, features and evidence with its genes, levels
    /// and drugs, in one prepared statement whatever their number (the foreign keys are checked
    /// at its end, after all of them). The generation is stamped in `case_stamp` at commit (see
    /// ``writeCases(mappingErrors:_:)``).
    static func insert(_ cases: [PreparedCase], _ connection: PostgresConnection, logger: Logger) async throws {
        guard !cases.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        // Documents are inserted beside their cases (a replaced case's text left with it).
        let documents = cases.compactMap { item in item.stored.documentText.map { Document(caseID: item.stored.id, text: $0) } }
        // The last case naming an evidence id keeps it, as saving them one by one would.
        let evidence = try EvidenceRows(lastOccurrences(cases.flatMap(\.evidence)))
        _ = try await connection.execute(
            InsertCases(
                cases: String(decoding: try encoder.encode(cases.map(\.row)), as: UTF8.self),
                documents: String(decoding: try encoder.encode(documents), as: UTF8.self),
                features: String(decoding: try encoder.encode(cases.flatMap(\.features)), as: UTF8.self),
                evidence: evidence.rows,
                genes: evidence.genes,
                drugs: evidence.drugs
            ),
            logger: logger
        )
    }

    public func storedCase(id: String) async throws -> StoredCase? {
        try await single { connection in
            try await Self.fetchCases(
                connection,
                "SELECT id, imported_at, record_json, d.text, s.source_file, s.source_record FROM cases \(unescaped: Self.caseJoins) WHERE id = \(id)",
                logger: logger
            ).first
        }
    }

    /// Removes a case with its derived evidence, forgetting its source; false (and no change)
    /// when there is none.
    public func deleteCase(id: String) async throws -> Bool {
        try await !deleteCases(ids: [id]).isEmpty
    }

    /// Removes cases with their derived evidence in one transaction, forgetting their sources.
    /// - Returns: The ids that were stored (and are now deleted), in the order given.
    public func deleteCases(ids: [String]) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        let found = try await writeCases { connection in
            // The source rows first: the lock writers of the same case wait on.
            try await connection.query("DELETE FROM case_source WHERE case_id = ANY(\(ids))", logger: logger)
            let found = try await Self.deleteRows(ids, connection, logger: logger)
            return (found, [String](), Array(found))
        }.value
        var seen: Set<String> = []
        return ids.filter { found.contains($0) && seen.insert($0).inserted }
    }

    /// Deletions from an ordered source: each id is deleted, and the deletion remembered in
    /// `case_source`, unless a later source's revision was applied.
    /// - Returns: The ids that were stored (and are now deleted), in the order given.
    public func deleteCases(ids: [String], source: CaseSource) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        let distinct = Array(Set(ids))
        let found = try await writeCases { connection in
            let applied = try await Self.claimSources(
                distinct.map { Revision(caseID: $0, source: source, deleted: true) },
                connection,
                logger: logger
            )
            let found = try await Self.deleteRows(Array(applied), connection, logger: logger)
            return (found, [String](), Array(found))
        }.value
        var seen: Set<String> = []
        return ids.filter { found.contains($0) && seen.insert($0).inserted }
    }

    /// Deletes the `cases` rows (cascading to evidence, features and texts), with their
    /// generation stamps and earlier tombstones: the tombstone written at commit supersedes them.
    /// - Returns: The ids that were stored.
    private static func deleteRows(_ ids: [String], _ connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        var found: Set<String> = []
        let rows = try await connection.query(
            """
            WITH gone AS (DELETE FROM cases WHERE id = ANY(\(ids)) RETURNING id), \
            unstamped AS (DELETE FROM case_stamp WHERE id IN (SELECT id FROM gone)), \
            reburied AS (DELETE FROM case_tombstone WHERE id IN (SELECT id FROM gone)) \
            SELECT id FROM gone
            """,
            logger: logger
        )
        for try await id in rows.decode(String.self) {
            found.insert(id)
        }
        return found
    }

    /// Cases, most recently imported first; a query keeps those matching every word's prefix.
    public func cases(query: String?, limit: Int, offset: Int) async throws -> [StoredCase] {
        var builder = SQLBuilder()
        var condition = "TRUE"
        if let text = query, let tsquery = Self.prefixQuery(text) {
            condition = "search @@ to_tsquery('english'::regconfig, \(builder.bind(tsquery)))"
        }
        let sql = """
            SELECT id, imported_at, record_json, d.text, s.source_file, s.source_record FROM cases \(Self.caseJoins) WHERE \(condition) \
            ORDER BY imported_at DESC, seq DESC LIMIT \(builder.bind(max(limit, 0))) OFFSET \(builder.bind(max(offset, 0)))
            """
        let binds = builder.binds
        return try await single { connection in
            try await Self.fetchCases(connection, PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger)
        }
    }

    /// Every case's summary, in the order the cases were stored.
    public func caseSummaries() async throws -> [CaseSummary] {
        try await single { connection in
            let decoder = JSONDecoder()
            var result: [CaseSummary] = []
            for try await (id, json) in try await connection.query("SELECT id, summary_json FROM cases ORDER BY seq", logger: logger).decode(
                (String, String).self
            ) {
                var summary = try decoder.decode(CaseSummary.self, from: Data(json.utf8))
                summary.id = id
                result.append(summary)
            }
            return result
        }
    }

    /// What ``fetchCases(_:_:logger:)`` joins to `cases`: the document text (`d`) and the source (`s`).
    static let caseJoins = "LEFT JOIN case_document d ON d.case_id = cases.id LEFT JOIN case_source s ON s.case_id = cases.id"

    /// Reads `id, imported_at, record_json, d.text, s.source_file, s.source_record` rows.
    static func fetchCases(_ connection: PostgresConnection, _ query: PostgresQuery, logger: Logger) async throws -> [StoredCase] {
        let decoder = JSONDecoder()
        var result: [StoredCase] = []
        for try await (id, importedAt, json, text, file, record) in try await connection.query(query, logger: logger).decode(
            (String, String, String, String?, String?, Int?).self
        ) {
            result.append(
                StoredCase(
                    id: id,
                    record: try decoder.decode(CaseRecord.self, from: Data(json.utf8)),
                    importedAt: importedAt,
                    documentText: text,
                    source: file.flatMap { file in record.map { CaseSource(file: file, record: $0) } }
                )
            )
        }
        return result
    }

    /// Cases stored and deleted after `generation`, from the cases' generation stamps and the
    /// tombstones, when only case writes happened since; nil otherwise.
    public func caseChanges(after generation: Int) async throws -> CaseChanges? {
        // One prepared statement: a catch-up after every other server's write took six round
        // trips (a transaction and four queries) before.
        try await single { connection in
            let decoder = JSONDecoder()
            var state: (generation: Int, token: String, full: Int)?
            var stored: [StoredCaseContent] = []
            var index: [String: Int] = [:]
            var deleted: [String] = []
            for try await (kind, number, a, b, c) in try await connection.execute(CaseChangesQuery(generation: generation), logger: logger) {
                switch kind {
                case 0:
                    state = (number, a, Int(b ?? "") ?? 0)
                case 1:
                    guard let importedAt = b, let json = c else { continue }
                    index[a] = stored.count
                    stored.append(
                        StoredCaseContent(
                            stored: StoredCase(id: a, record: try decoder.decode(CaseRecord.self, from: Data(json.utf8)), importedAt: importedAt),
                            evidence: []
                        )
                    )
                case 2:
                    guard let json = c, let position = index[a] else { continue }
                    stored[position].evidence.append(try decoder.decode(EvidenceItem.self, from: Data(json.utf8)))
                default:
                    deleted.append(a)
                }
            }
            guard let state, state.full <= generation, state.generation >= generation else { return nil }
            return CaseChanges(
                snapshot: KnowledgeSnapshot(generation: state.generation, token: state.token).description,
                stored: stored,
                deleted: deleted
            )
        }
    }

    /// The sourced deletions remembered in `case_source`, ordered by case id.
    public func rememberedDeletions() async throws -> [RememberedDeletion] {
        try await single { connection in
            var result: [RememberedDeletion] = []
            for try await (id, file, record) in try await connection.query(
                "SELECT case_id, source_file, source_record FROM case_source WHERE deleted AND source_file IS NOT NULL ORDER BY case_id COLLATE \"C\"",
                logger: logger
            ).decode((String, String, Int64).self) {
                result.append(RememberedDeletion(caseID: id, source: CaseSource(file: file, record: Int(record))))
            }
            return result
        }
    }

    /// Replaces the whole content in one transaction, keeping import times, review marks and
    /// the deletions remembered.
    public func restore(_ content: KnowledgeContent) async throws {
        guard content.metadata[Self.snapshotKey] == nil else {
            throw KnowledgeStoreError("the metadata key \"\(Self.snapshotKey)\" is reserved for the store", path: displayURL)
        }
        do { try content.validate() } catch let error as KnowledgeStoreError { throw KnowledgeStoreError(error.message, path: displayURL) }
        let deletions = content.deletions.map { Revision(caseID: $0.caseID, source: $0.source, deleted: true) }
        let cases = try content.cases.map {
            try PreparedCase(
                $0.stored.record,
                evidence: $0.evidence,
                importedAt: $0.stored.importedAt,
                documentText: $0.stored.documentText,
                source: $0.stored.source
            )
        }
        let free = try EvidenceRows(Self.lastOccurrences(content.evidence))
        let reviewed = (content.evidence + content.cases.flatMap(\.evidence)).filter(\.reviewed).map(\.id)
        let metadata = content.metadata
        _ = try await write { connection in
            try await connection.query("DELETE FROM evidence", logger: logger)
            try await connection.query("DELETE FROM cases", logger: logger)
            try await connection.query("DELETE FROM evidence_review", logger: logger)
            try await connection.query("DELETE FROM meta", logger: logger)
            try await connection.query("DELETE FROM case_tombstone", logger: logger)
            try await connection.query("DELETE FROM case_stamp", logger: logger)
            try await connection.query("DELETE FROM case_source", logger: logger)
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                try await Self.putMetadata(key, value, connection, logger: logger)
            }
            // Restored content has one case per id; otherwise the last of an id wins, as saves would.
            var last: [String: Int] = [:]
            for (index, item) in cases.enumerated() { last[item.stored.id] = index }
            let distinct = cases.enumerated().filter { last[$0.element.stored.id] == $0.offset }.map(\.element)
            _ = try await Self.claim(distinct, connection, logger: logger)
            _ = try await Self.claimSources(deletions, connection, logger: logger)
            try await Self.insert(distinct, connection, logger: logger)
            try await free.write(connection, logger: logger)
            let now = ISO8601DateFormatter().string(from: Date())
            try await connection.query(
                "INSERT INTO evidence_review (evidence_id, reviewed_at) SELECT unnest(\(reviewed)), \(now) ON CONFLICT DO NOTHING",
                logger: logger
            )
            return ((), true)
        }
    }
}
