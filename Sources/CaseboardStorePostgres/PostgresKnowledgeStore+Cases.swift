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
                return .success(try PreparedCase(submission.record, evidence: submission.evidence, importedAt: importedAt))
            } catch {
                return .failure(storeError(error))
            }
        }
        let (outcomes, snapshot) = try await write { connection in
            var outcomes: [Result<CaseSaveOutcome, KnowledgeStoreError>] = []
            for entry in prepared {
                switch entry {
                case .failure(let error):
                    outcomes.append(.failure(error))
                case .success(let item):
                    try await connection.query("SAVEPOINT case_save", logger: logger)
                    do {
                        let replaced = try await Self.insert(item, connection, logger: logger)
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

        init(_ record: CaseRecord, evidence: [EvidenceItem], importedAt: String) throws {
            let id = CaseIdentity.id(for: record)
            stored = StoredCase(id: id, record: record, importedAt: importedAt)
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
    static func insert(_ prepared: PreparedCase, _ connection: PostgresConnection, logger: Logger) async throws -> Bool {
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
            INSERT INTO cases (id, document, title, pmid, disease_codes, imported_at, record_json, summary_json, search_text) \
            VALUES (\(id), \(record.document), \(record.title), \(pmid), \(codes), \(prepared.stored.importedAt), \
            \(prepared.recordJSON), \(prepared.summaryJSON), \(prepared.searchText))
            """,
            logger: logger
        )
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
                "SELECT id, imported_at, record_json FROM cases WHERE id = \(id)",
                logger: logger
            ).first
        }
    }

    /// Removes a case with its derived evidence; false (and no change) when there is none.
    public func deleteCase(id: String) async throws -> Bool {
        try await write { connection in
            var found = false
            for try await _ in try await connection.query("DELETE FROM cases WHERE id = \(id) RETURNING id", logger: logger).decode(String.self) {
                found = true
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
            SELECT id, imported_at, record_json FROM cases WHERE \(condition) \
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
        for try await (id, importedAt, json) in try await connection.query(query, logger: logger).decode((String, String, String).self) {
            result.append(StoredCase(id: id, record: try decoder.decode(CaseRecord.self, from: Data(json.utf8)), importedAt: importedAt))
        }
        return result
    }

    /// Replaces the whole content in one transaction, keeping import times and review marks.
    public func restore(_ content: KnowledgeContent) async throws {
        guard content.metadata[Self.snapshotKey] == nil else {
            throw KnowledgeStoreError("the metadata key \"\(Self.snapshotKey)\" is reserved for the store", path: displayURL)
        }
        let cases = try content.cases.map { try PreparedCase($0.stored.record, evidence: $0.evidence, importedAt: $0.stored.importedAt) }
        let free = try EvidenceRows(Self.lastOccurrences(content.evidence))
        let reviewed = (content.evidence + content.cases.flatMap(\.evidence)).filter(\.reviewed).map(\.id)
        let metadata = content.metadata
        _ = try await write { connection in
            try await connection.query("DELETE FROM evidence", logger: logger)
            try await connection.query("DELETE FROM cases", logger: logger)
            try await connection.query("DELETE FROM evidence_review", logger: logger)
            try await connection.query("DELETE FROM meta", logger: logger)
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                try await Self.putMetadata(key, value, connection, logger: logger)
            }
            for item in cases { _ = try await Self.insert(item, connection, logger: logger) }
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
