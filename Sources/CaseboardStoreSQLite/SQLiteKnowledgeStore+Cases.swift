import CaseboardCore
import CaseboardKnowledge
import Foundation
import GRDB

/// What a `caseFeature` row records about a case, for fast filtering.
public enum CaseFeatureKind: String, Sendable, Hashable, CaseIterable {
    /// An uppercased gene symbol of an alteration or its fusion partner.
    case gene
    /// An alteration label, such as `FLT3 D835H` or `EML4::ALK fusion`.
    case alteration
    /// A lowercased INN given in a therapy line.
    case drug
    /// The OncoTree code of a diagnosis.
    case oncotree
}

extension SQLiteKnowledgeStore {
    /// Stores a case and the evidence derived from it, replacing an earlier save of the same
    /// case (same `CaseIdentity.id(for:)`) and that save's evidence, in one transaction.
    ///
    /// The stored copies of `evidence` have `caseID` set to the case id.
    ///
    /// - Returns: The stored case, with `importedAt` the current time in ISO 8601 (UTC).
    public func saveCase(_ record: CaseRecord, evidence: [EvidenceItem]) async throws -> StoredCase {
        let batch = try await saveCases([CaseSubmission(record: record, evidence: evidence)])
        return try batch.outcomes[0].get().stored
    }

    /// Stores cases as ``saveCase(_:evidence:)`` does, all in one transaction (one commit, one
    /// WAL sync) with a savepoint per case, so a case that fails is rolled back alone and
    /// reported in its outcome. The snapshot changes once, when at least one case was stored.
    ///
    /// - Throws: ``KnowledgeStoreError`` when the transaction itself fails; nothing is stored then.
    public func saveCases(_ submissions: [CaseSubmission]) async throws -> CaseBatchResult {
        let importedAt = Date().formatted(.iso8601)
        let path = path
        let busyTimeout = busyTimeout
        // Encoding happens before the write lock is taken.
        let prepared: [Result<PreparedCase, KnowledgeStoreError>] = submissions.map { submission in
            do {
                return .success(try PreparedCase(submission, importedAt: importedAt))
            } catch {
                return .failure(Self.storeError(error, path: path, busyTimeout: busyTimeout))
            }
        }
        return try await write { db in
            var outcomes: [Result<CaseSaveOutcome, KnowledgeStoreError>] = []
            outcomes.reserveCapacity(prepared.count)
            for entry in prepared {
                guard case .success(let item) = entry else {
                    if case .failure(let error) = entry { outcomes.append(.failure(error)) }
                    continue
                }
                do {
                    var replaced = false
                    var applied = false
                    try db.inSavepoint {
                        applied = try Self.claimSource(item.stored.id, item.stored.source, deleted: false, db)
                        if applied { replaced = try Self.insert(item, db) }
                        return .commit
                    }
                    outcomes.append(.success(CaseSaveOutcome(stored: item.stored, replaced: replaced, superseded: !applied)))
                } catch {
                    outcomes.append(.failure(Self.storeError(error, path: path, busyTimeout: busyTimeout)))
                }
            }
            if outcomes.contains(where: { if case .success(let outcome) = $0 { !outcome.superseded } else { false } }) {
                try Self.bumpSnapshot(db)
            }
            return CaseBatchResult(outcomes: outcomes, snapshot: try Self.readSnapshot(db))
        }
    }

    /// A case encoded for storage.
    struct PreparedCase: Sendable {
        let stored: StoredCase
        let items: [EvidenceItem]
        let recordJSON: String
        let summary: String
        let features: [(kind: CaseFeatureKind, value: String)]
        let searchText: String

        init(_ submission: CaseSubmission, importedAt: String) throws {
            let record = submission.record
            let id = CaseIdentity.id(for: record)
            stored = StoredCase(id: id, record: record, importedAt: importedAt, documentText: submission.documentText, source: submission.source)
            items = SQLiteKnowledgeStore.lastOccurrences(submission.evidence).map { item in
                var copy = item
                copy.caseID = id
                return copy
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            recordJSON = String(decoding: try encoder.encode(record), as: UTF8.self)
            summary = try CaseSummaryCodec.encode(CaseSummary(id: id, record: record))
            features = SQLiteKnowledgeStore.features(of: record)
            searchText = SQLiteKnowledgeStore.searchText(of: record)
        }
    }

    /// Replaces the whole content in one transaction, keeping import times and review marks.
    public func restore(_ content: KnowledgeContent) async throws {
        guard content.metadata[Self.snapshotKey] == nil else {
            throw KnowledgeStoreError("the metadata key \"\(Self.snapshotKey)\" is reserved for the store", path: path)
        }
        do { try content.validate() } catch let error as KnowledgeStoreError { throw KnowledgeStoreError(error.message, path: path) }
        let deletions = content.deletions
        let prepared = try content.cases.map { entry in
            do {
                return try PreparedCase(
                    CaseSubmission(
                        record: entry.stored.record,
                        evidence: entry.evidence,
                        documentText: entry.stored.documentText,
                        source: entry.stored.source
                    ),
                    importedAt: entry.stored.importedAt
                )
            } catch {
                throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
            }
        }
        let evidence = content.evidence
        let metadata = content.metadata
        try await write { db in
            try db.execute(sql: "DELETE FROM evidence")
            try db.execute(sql: "DELETE FROM cases")
            try db.execute(sql: "DELETE FROM evidenceReview")
            try db.execute(sql: "DELETE FROM caseSource")
            try db.execute(sql: "DELETE FROM meta WHERE key != ?", arguments: [Self.snapshotKey])
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
            }
            for item in prepared {
                _ = try Self.claimSource(item.stored.id, item.stored.source, deleted: false, db)
                _ = try Self.insert(item, db)
            }
            for deletion in deletions { _ = try Self.claimSource(deletion.caseID, deletion.source, deleted: true, db) }
            let rows = try EvidenceRowWriter(db)
            for item in Self.lastOccurrences(evidence) { try rows.write(item) }
            let reviewedAt = ISO8601DateFormatter().string(from: Date())
            for item in evidence + prepared.flatMap(\.items) where item.reviewed {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO evidenceReview (evidenceId, reviewedAt) VALUES (?, ?)",
                    arguments: [item.id, reviewedAt]
                )
            }
            try Self.bumpSnapshot(db)
        }
    }

    /// The sourced deletions remembered in `caseSource`, ordered by case id.
    public func rememberedDeletions() async throws -> [RememberedDeletion] {
        try await read { db in
            try Row.fetchAll(
                db,
                sql: "SELECT caseId, sourceFile, sourceRecord FROM caseSource WHERE deleted AND sourceFile IS NOT NULL ORDER BY caseId"
            ).compactMap { row in
                guard let id: String = row[0], let file: String = row[1], let record: Int = row[2] else { return nil }
                return RememberedDeletion(caseID: id, source: CaseSource(file: file, record: record))
            }
        }
    }

    /// Records a revision of a case as its latest unless a later source's revision was applied
    /// (the store contract's revisions): a revision without a source always applies, an
    /// equal source applies again. SQLite has one writer at a time, so no lock is needed.
    /// - Returns: Whether the revision applies.
    static func claimSource(_ id: String, _ source: CaseSource?, deleted: Bool, _ db: Database) throws -> Bool {
        if let source, let row = try Row.fetchOne(db, sql: "SELECT sourceFile, sourceRecord FROM caseSource WHERE caseId = ?", arguments: [id]),
            let file: String = row[0], let record: Int = row[1], source < CaseSource(file: file, record: record)
        {
            return false
        }
        try db.execute(
            sql: "INSERT OR REPLACE INTO caseSource (caseId, sourceFile, sourceRecord, deleted) VALUES (?, ?, ?, ?)",
            arguments: [id, source?.file, source?.record, deleted]
        )
        return true
    }

    /// Writes one prepared case, replacing an earlier save; returns whether one was replaced.
    private static func insert(_ prepared: PreparedCase, _ db: Database) throws -> Bool {
        let record = prepared.stored.record
        let id = prepared.stored.id
        // Deleting cascades to the old save's evidence and features and fires the FTS triggers.
        try db.execute(sql: "DELETE FROM cases WHERE id = ?", arguments: [id])
        let replaced = db.changesCount > 0
        try db.execute(
            sql: """
                INSERT INTO cases (id, document, title, pmid, diseaseCodes, importedAt, recordJSON, summary, searchText) \
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, record.document, record.title, nonBlank(record.metadata.pmid),
                record.diagnoses.compactMap(\.oncotree).joined(separator: " "),
                prepared.stored.importedAt, prepared.recordJSON, prepared.summary, prepared.searchText,
            ]
        )
        if let text = prepared.stored.documentText {
            try db.execute(sql: "INSERT INTO caseDocument (caseId, text) VALUES (?, ?)", arguments: [id, text])
        }
        let insertFeature = try db.cachedStatement(sql: "INSERT INTO caseFeature (caseId, kind, value) VALUES (?, ?, ?)")
        for feature in prepared.features {
            try insertFeature.execute(arguments: [id, feature.kind.rawValue, feature.value])
        }
        let rows = try EvidenceRowWriter(db)
        for item in prepared.items { try rows.write(item) }
        return replaced
    }

    /// The stored case with this id, or nil.
    public func storedCase(id: String) async throws -> StoredCase? {
        try await read { db in
            try Self.fetchCases(
                db,
                sql: "SELECT id, importedAt, recordJSON, d.text, s.sourceFile, s.sourceRecord FROM cases \(Self.caseJoins) WHERE id = ?",
                arguments: [id]
            ).first
        }
    }

    /// Removes a case with its derived evidence and features, forgetting its source.
    ///
    /// - Returns: False when no case has this id (the store is then unchanged).
    public func deleteCase(id: String) async throws -> Bool {
        try await !deleteCases(ids: [id]).isEmpty
    }

    /// Removes cases with their derived evidence in one transaction, forgetting their sources;
    /// the snapshot changes once when any was stored.
    /// - Returns: The ids that were stored and are now deleted, in the order given.
    public func deleteCases(ids: [String]) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        return try await write { db in
            var deleted: [String] = []
            let forget = try db.cachedStatement(sql: "DELETE FROM caseSource WHERE caseId = ?")
            let statement = try db.cachedStatement(sql: "DELETE FROM cases WHERE id = ?")
            for id in ids {
                try forget.execute(arguments: [id])
                try statement.execute(arguments: [id])
                if db.changesCount > 0 { deleted.append(id) }
            }
            if !deleted.isEmpty { try Self.bumpSnapshot(db) }
            return deleted
        }
    }

    /// Deletions from an ordered source: each id is deleted, and the deletion remembered,
    /// unless a later source's revision was applied; one transaction.
    /// - Returns: The ids that were stored and are now deleted, in the order given.
    public func deleteCases(ids: [String], source: CaseSource) async throws -> [String] {
        guard !ids.isEmpty else { return [] }
        return try await write { db in
            var deleted: [String] = []
            let statement = try db.cachedStatement(sql: "DELETE FROM cases WHERE id = ?")
            for id in ids where try Self.claimSource(id, source, deleted: true, db) {
                try statement.execute(arguments: [id])
                if db.changesCount > 0 { deleted.append(id) }
            }
            if !deleted.isEmpty { try Self.bumpSnapshot(db) }
            return deleted
        }
    }

    /// Stored cases, most recently imported first; a non-blank `query` keeps the cases whose
    /// title, diagnoses, alterations, drugs or resistance match every word's prefix.
    public func cases(query: String?, limit: Int, offset: Int) async throws -> [StoredCase] {
        var condition = "1"
        var arguments = StatementArguments()
        if let query = Self.nonBlank(query), let pattern = FTS5Pattern(matchingAllPrefixesIn: query) {
            condition = "cases.rowid IN (SELECT rowid FROM caseFts WHERE caseFts MATCH ?)"
            arguments += [pattern]
        }
        arguments += [max(limit, 0), max(offset, 0)]
        let sql = """
            SELECT id, importedAt, recordJSON, d.text, s.sourceFile, s.sourceRecord FROM cases \(Self.caseJoins) \
            WHERE \(condition) ORDER BY importedAt DESC, cases.rowid DESC LIMIT ? OFFSET ?
            """
        return try await read { [arguments] db in
            try Self.fetchCases(db, sql: sql, arguments: arguments)
        }
    }

    /// Every case's summary, in the order the cases were stored, from one query over the compact
    /// stored summaries (whole records are not decoded).
    public func caseSummaries() async throws -> [CaseSummary] {
        try await read { db in
            var result: [CaseSummary] = []
            result.reserveCapacity(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM cases") ?? 0)
            let rows = try Row.fetchCursor(db, sql: "SELECT id, summary FROM cases ORDER BY rowid")
            while let row = try rows.next() {
                guard let id: String = row[0] else { throw KnowledgeStoreError("a stored case has no id", path: nil) }
                let summary = try row.withUnsafeData(atIndex: 1) { data in
                    guard let data else { throw KnowledgeStoreError("stored case \(id) has no summary", path: nil) }
                    return try CaseSummaryCodec.decode(id: id, from: data)
                }
                result.append(summary)
            }
            return result
        }
    }

    /// Ids of the cases that have a feature, such as every case with a FLT3 alteration.
    ///
    /// Values compare as stored: genes uppercased, drugs lowercased, labels and codes as written.
    public func caseIDs(with kind: CaseFeatureKind, value: String) async throws -> [String] {
        let normalized: String =
            switch kind {
            case .gene: value.uppercased()
            case .drug: value.lowercased()
            case .alteration, .oncotree: value
            }
        return try await read { db in
            try String.fetchAll(
                db,
                sql: "SELECT DISTINCT caseId FROM caseFeature WHERE kind = ? AND value = ? ORDER BY caseId",
                arguments: [kind.rawValue, normalized]
            )
        }
    }

    /// What `fetchCases` joins to `cases`: the document text (`d`) and the source (`s`).
    private static let caseJoins = "LEFT JOIN caseDocument d ON d.caseId = cases.id LEFT JOIN caseSource s ON s.caseId = cases.id"

    /// Reads `id, importedAt, recordJSON[, d.text, s.sourceFile, s.sourceRecord]` rows.
    private static func fetchCases(_ db: Database, sql: String, arguments: StatementArguments) throws -> [StoredCase] {
        let decoder = JSONDecoder()
        var result: [StoredCase] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            guard let id: String = row[0], let importedAt: String = row[1] else {
                throw KnowledgeStoreError("a stored case has no id or import time", path: nil)
            }
            let record = try row.withUnsafeData(atIndex: 2) { data -> CaseRecord in
                guard let data else { throw KnowledgeStoreError("stored case \(id) has no record", path: nil) }
                return try decoder.decode(CaseRecord.self, from: data)
            }
            let text: String? = row.count > 3 ? row[3] : nil
            let file: String? = row.count > 5 ? row[4] : nil
            let position: Int? = row.count > 5 ? row[5] : nil
            let source = file.flatMap { file in position.map { CaseSource(file: file, record: $0) } }
            result.append(StoredCase(id: id, record: record, importedAt: importedAt, documentText: text, source: source))
        }
        return result
    }

    /// The distinct `caseFeature` rows of a record.
    static func features(of record: CaseRecord) -> [(kind: CaseFeatureKind, value: String)] {
        var seen: Set<String> = []
        var result: [(kind: CaseFeatureKind, value: String)] = []
        func add(_ kind: CaseFeatureKind, _ value: String) {
            guard !value.isEmpty, seen.insert("\(kind.rawValue)\u{1F}\(value)").inserted else { return }
            result.append((kind, value))
        }
        for alteration in record.alterations {
            add(.gene, alteration.gene.uppercased())
            if let partner = alteration.partner { add(.gene, partner.uppercased()) }
            add(.alteration, alteration.label)
        }
        for drug in record.therapies.flatMap(\.drugs) { add(.drug, drug.lowercased()) }
        for code in record.diagnoses.compactMap(\.oncotree) { add(.oncotree, code) }
        return result
    }

    /// Diagnoses, alteration labels, drugs, resistance and the title (``KnowledgeSearchText``).
    static func searchText(of record: CaseRecord) -> String {
        KnowledgeSearchText.text(of: record)
    }
}
