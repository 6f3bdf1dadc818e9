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
        let id = CaseIdentity.id(for: record)
        let importedAt = Date().formatted(.iso8601)
        let items = Self.lastOccurrences(evidence).map { item in
            var copy = item
            copy.caseID = id
            return copy
        }
        let recordJSON: String
        let summary: String
        do {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.withoutEscapingSlashes]
            recordJSON = String(decoding: try encoder.encode(record), as: UTF8.self)
            summary = try CaseSummaryCodec.encode(CaseSummary(id: id, record: record))
        } catch {
            throw Self.storeError(error, path: path, busyTimeout: busyTimeout)
        }
        let features = Self.features(of: record)
        let searchText = Self.searchText(of: record)
        try await write { db in
            // Deleting cascades to the old save's evidence and features and fires the FTS triggers.
            try db.execute(sql: "DELETE FROM cases WHERE id = ?", arguments: [id])
            try db.execute(
                sql: """
                    INSERT INTO cases (id, document, title, pmid, diseaseCodes, importedAt, recordJSON, summary, searchText) \
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, record.document, record.title, Self.nonBlank(record.metadata.pmid),
                    record.diagnoses.compactMap(\.oncotree).joined(separator: " "),
                    importedAt, recordJSON, summary, searchText,
                ]
            )
            let insertFeature = try db.cachedStatement(sql: "INSERT INTO caseFeature (caseId, kind, value) VALUES (?, ?, ?)")
            for feature in features {
                try insertFeature.execute(arguments: [id, feature.kind.rawValue, feature.value])
            }
            let rows = try EvidenceRowWriter(db)
            for item in items { try rows.write(item) }
            try Self.bumpSnapshot(db)
        }
        return StoredCase(id: id, record: record, importedAt: importedAt)
    }

    /// The stored case with this id, or nil.
    public func storedCase(id: String) async throws -> StoredCase? {
        try await read { db in
            try Self.fetchCases(
                db,
                sql: "SELECT id, importedAt, recordJSON FROM cases WHERE id = ?",
                arguments: [id]
            ).first
        }
    }

    /// Removes a case with its derived evidence and features.
    ///
    /// - Returns: False when no case has this id (the store is then unchanged).
    public func deleteCase(id: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM cases WHERE id = ?", arguments: [id])
            guard db.changesCount > 0 else { return false }
            try Self.bumpSnapshot(db)
            return true
        }
    }

    /// Stored cases, most recently imported first; a non-blank `query` keeps the cases whose
    /// title, diagnoses, alterations, drugs or resistance match every word's prefix.
    public func cases(query: String?, limit: Int, offset: Int) async throws -> [StoredCase] {
        var condition = "1"
        var arguments = StatementArguments()
        if let query = Self.nonBlank(query), let pattern = FTS5Pattern(matchingAllPrefixesIn: query) {
            condition = "rowid IN (SELECT rowid FROM caseFts WHERE caseFts MATCH ?)"
            arguments += [pattern]
        }
        arguments += [max(limit, 0), max(offset, 0)]
        let sql = """
            SELECT id, importedAt, recordJSON FROM cases WHERE \(condition) \
            ORDER BY importedAt DESC, rowid DESC LIMIT ? OFFSET ?
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
            result.append(StoredCase(id: id, record: record, importedAt: importedAt))
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

    /// Diagnoses, alteration labels, drugs, resistance and the title, for full-text search.
    static func searchText(of record: CaseRecord) -> String {
        var terms: [String] = []
        for diagnosis in record.diagnoses {
            terms += [diagnosis.name, diagnosis.canonicalName]
            if let code = diagnosis.oncotree { terms.append(code) }
        }
        terms += record.alterations.map(\.label)
        terms += record.therapies.flatMap(\.drugs)
        for event in record.resistance {
            terms += ["\(event.gene) \(event.variant) resistance"] + event.drugs
        }
        if let title = record.title { terms.append(title) }
        return terms.joined(separator: " ")
    }
}
