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

    /// Stores cases in one transaction with a savepoint per case; the snapshot changes once.
    public func saveCases(_ submissions: [CaseSubmission]) async throws -> CaseBatchResult {
        let importedAt = Date().formatted(.iso8601)
        let prepared: [Result<PreparedCase, KnowledgeStoreError>] = submissions.map { submission in
            do {
                return .success(
                    try PreparedCase(submission.record, evidence: submission.evidence, importedAt: importedAt, documentText: submission.documentText)
                )
            } catch {
                return .failure(storeError(error))
            }
        }
        let (outcomes, snapshot) = try await write(onlyCases: true) { connection, generation in
            var outcomes: [Result<CaseSaveOutcome, KnowledgeStoreError>] = []
            for entry in prepared {
                switch entry {
                case .failure(let error):
                    outcomes.append(.failure(error))
                case .success(let item):
                    try await connection.query("SAVEPOINT case_save", logger: logger)
                    do {
                        let replaced = try await Self.insert(item, connection, generation: generation, logger: logger)
                        try await connection.query("RELEASE SAVEPOINT case_save", logger: logger)
                        outcomes.append(.success(CaseSaveOutcome(stored: item.stored, replaced: replaced)))
                    } catch {
                        try await connection.query("ROLLBACK TO SAVEPOINT case_save", logger: logger)
                        outcomes.append(.failure(storeError(error)))
                    }
                }
            }
            let changed = outcomes.contains { if case .success = $0 { true } else { false } }
            return (outcomes, changed)
        }
        return CaseBatchResult(outcomes: outcomes, snapshot: snapshot)
    }

    /// A case encoded for storage.
    struct PreparedCase: Sendable {
        let stored: StoredCase
        let recordJSON: String
        let summaryJSON: String
        let searchText: String
        let features: String
        let evidence: EvidenceRows

        init(_ record: CaseRecord, evidence: [EvidenceItem], importedAt: String, documentText: String?) throws {
            let id = CaseIdentity.id(for: record)
            stored = StoredCase(id: id, record: record, importedAt: importedAt, documentText: documentText)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            recordJSON = String(decoding: try encoder.encode(record), as: UTF8.self)
            summaryJSON = String(decoding: try encoder.encode(CaseSummary(id: id, record: record)), as: UTF8.self)
            searchText = KnowledgeSearchText.text(of: record)
            struct Feature: Encodable {
                let kind: String
                let value: String
            }
            var seen: Set<String> = []
            var features: [Feature] = []
            func add(_ kind: String, _ value: String) {
                guard !value.isEmpty, seen.insert("\(kind)\u{1F}\(value)").inserted else { return }
                features.append(Feature(kind: kind, value: value))
            }
            for alteration in record.alterations {
                add("gene", alteration.gene.uppercased())
                if let partner = alteration.partner { add("gene", partner.uppercased()) }
                add("alteration", alteration.label)
            }
            for drug in record.therapies.flatMap(\.drugs) { add("drug", drug.lowercased()) }
            for code in record.diagnoses.compactMap(\.oncotree) { add("oncotree", code) }
            self.features = String(decoding: try encoder.encode(features), as: UTF8.self)
            self.evidence = try EvidenceRows(
                PostgresKnowledgeStore.lastOccurrences(evidence).map { item in
                    var copy = item
                    copy.caseID = id
                    return copy
                }
            )
        }
    }

    /// Writes one case, replacing an earlier save (cascading to its evidence and features).
    /// - Returns: Whether an earlier save was replaced.
    static func insert(_ prepared: PreparedCase, _ connection: PostgresConnection, generation: Int, logger: Logger) async throws -> Bool {
        let id = prepared.stored.id
        let record = prepared.stored.record
        var replaced = false
        for try await _ in try await connection.query("DELETE FROM cases WHERE id = \(id) RETURNING id", logger: logger).decode(String.self) {
            replaced = true
        }
        let pmid = nonBlank(record.metadata.pmid)
        let codes = record.diagnoses.compactMap(\.oncotree).joined(separator: " ")
        try await connection.query(
            """
            INSERT INTO cases (id, document, title, pmid, disease_codes, imported_at, record_json, summary_json, search_text, \
            generation) VALUES (\(id), \(record.document), \(record.title), \(pmid), \(codes), \(prepared.stored.importedAt), \
            \(prepared.recordJSON), \(prepared.summaryJSON), \(prepared.searchText), \(generation))
            """,
            logger: logger
        )
        if let text = prepared.stored.documentText {
            try await connection.query("INSERT INTO case_document (case_id, text) VALUES (\(id), \(text))", logger: logger)
        }
        try await connection.query(
            """
            INSERT INTO case_feature (case_id, kind, value) SELECT \(id), kind, value \
            FROM jsonb_to_recordset(\(prepared.features)::jsonb) AS x(kind text, value text)
            """,
            logger: logger
        )
        try await prepared.evidence.write(connection, logger: logger)
        return replaced
    }

    public func storedCase(id: String) async throws -> StoredCase? {
        try await single { connection in
            try await Self.fetchCases(
                connection,
                "SELECT id, imported_at, record_json, d.text FROM cases LEFT JOIN case_document d ON d.case_id = cases.id WHERE id = \(id)",
                logger: logger
            ).first
        }
    }

    /// Removes a case with its derived evidence; false (and no change) when there is none.
    public func deleteCase(id: String) async throws -> Bool {
        try await write(onlyCases: true) { connection, generation in
            var found = false
            for try await _ in try await connection.query("DELETE FROM cases WHERE id = \(id) RETURNING id", logger: logger).decode(String.self) {
                found = true
            }
            if found {
                try await connection.query("INSERT INTO case_tombstone (id, generation) VALUES (\(id), \(generation))", logger: logger)
            }
            return (found, found)
        }.value
    }

    /// Cases, most recently imported first; a query keeps those matching every word's prefix.
    public func cases(query: String?, limit: Int, offset: Int) async throws -> [StoredCase] {
        var builder = SQLBuilder()
        var condition = "TRUE"
        if let text = query, let tsquery = Self.prefixQuery(text) {
            condition = "search @@ to_tsquery('english'::regconfig, \(builder.bind(tsquery)))"
        }
        let sql = """
            SELECT id, imported_at, record_json, d.text FROM cases LEFT JOIN case_document d ON d.case_id = cases.id WHERE \(condition) \
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

    static func fetchCases(_ connection: PostgresConnection, _ query: PostgresQuery, logger: Logger) async throws -> [StoredCase] {
        let decoder = JSONDecoder()
        var result: [StoredCase] = []
        for try await (id, importedAt, json, text) in try await connection.query(query, logger: logger).decode((String, String, String, String?).self)
        {
            result.append(
                StoredCase(id: id, record: try decoder.decode(CaseRecord.self, from: Data(json.utf8)), importedAt: importedAt, documentText: text)
            )
        }
        return result
    }

    /// Cases stored and deleted after `generation`, from the cases' generation stamps and the
    /// tombstones, when only case writes happened since; nil otherwise.
    public func caseChanges(after generation: Int) async throws -> CaseChanges? {
        try await read { connection in
            var state: (generation: Int, token: String, full: Int)?
            for try await row in try await connection.query(
                "SELECT generation, token, full_generation FROM store_state WHERE id = 1",
                logger: logger
            ).decode((Int, String, Int).self) {
                state = row
            }
            guard let state, state.full <= generation, state.generation >= generation else { return nil }
            let decoder = JSONDecoder()
            var stored: [StoredCaseContent] = []
            var index: [String: Int] = [:]
            for try await (id, importedAt, json) in try await connection.query(
                "SELECT id, imported_at, record_json FROM cases WHERE generation > \(generation) ORDER BY seq",
                logger: logger
            ).decode((String, String, String).self) {
                index[id] = stored.count
                stored.append(
                    StoredCaseContent(
                        stored: StoredCase(id: id, record: try decoder.decode(CaseRecord.self, from: Data(json.utf8)), importedAt: importedAt),
                        evidence: []
                    )
                )
            }
            if !stored.isEmpty {
                let ids = stored.map(\.stored.id)
                for try await json in try await connection.query(
                    "SELECT item_json FROM evidence WHERE case_id = ANY(\(ids)) ORDER BY id",
                    logger: logger
                ).decode(String.self) {
                    let item = try decoder.decode(EvidenceItem.self, from: Data(json.utf8))
                    if let caseID = item.caseID, let position = index[caseID] { stored[position].evidence.append(item) }
                }
            }
            var deleted: [String] = []
            for try await id in try await connection.query(
                "SELECT DISTINCT t.id FROM case_tombstone t WHERE t.generation > \(generation) AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = t.id) ORDER BY t.id",
                logger: logger
            ).decode(String.self) {
                deleted.append(id)
            }
            return CaseChanges(
                snapshot: KnowledgeSnapshot(generation: state.generation, token: state.token).description,
                stored: stored,
                deleted: deleted
            )
        }
    }

    /// Replaces the whole content in one transaction, keeping import times and review marks.
    public func restore(_ content: KnowledgeContent) async throws {
        guard content.metadata[Self.snapshotKey] == nil else {
            throw KnowledgeStoreError("the metadata key \"\(Self.snapshotKey)\" is reserved for the store", path: displayURL)
        }
        let cases = try content.cases.map {
            try PreparedCase($0.stored.record, evidence: $0.evidence, importedAt: $0.stored.importedAt, documentText: $0.stored.documentText)
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
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                try await Self.putMetadata(key, value, connection, logger: logger)
            }
            for item in cases { _ = try await Self.insert(item, connection, generation: 0, logger: logger) }
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
