import CaseboardKnowledge
import Foundation
import GRDB

extension SQLiteKnowledgeStore {
    /// Inserts or replaces evidence items by id, with their gene, drug and full-text rows, in one
    /// transaction.
    ///
    /// When the batch names an id twice, the last occurrence wins. An item whose `caseID` names
    /// a case that is not stored fails the whole batch.
    ///
    /// - Returns: How many distinct items were written.
    /// - Throws: ``KnowledgeStoreError``; nothing is written then.
    public func upsert(_ items: [EvidenceItem]) async throws -> Int {
        let unique = Self.lastOccurrences(items)
        guard !unique.isEmpty else { return 0 }
        return try await write { db in
            let rows = try EvidenceRowWriter(db)
            for item in unique { try rows.write(item) }
            try Self.bumpSnapshot(db)
            return unique.count
        }
    }

    /// Replaces every evidence item of `source` with `items` and sets `metadata`, in one
    /// transaction. Deleting cascades to the items' gene, drug and full-text rows.
    ///
    /// - Returns: How many distinct items were written.
    /// - Throws: ``KnowledgeStoreError`` when an item is of another source, for case evidence,
    ///   or for the reserved key ``snapshotKey``; nothing is written then.
    public func replaceEvidence(of source: EvidenceSource, with items: [EvidenceItem], metadata: [String: String]) async throws -> Int {
        let unique = try StoreContractChecks.evidenceReplacement(of: source, with: items, metadata: metadata, path: path)
        return try await write { db in
            try db.execute(sql: "DELETE FROM evidence WHERE source = ?", arguments: [source.rawValue])
            let rows = try EvidenceRowWriter(db)
            for item in unique { try rows.write(item) }
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    arguments: [key, value]
                )
            }
            try Self.bumpSnapshot(db)
            return unique.count
        }
    }

    /// Every evidence item, ordered by id, decoded from the stored item JSON, with curators'
    /// review marks applied.
    public func allEvidence() async throws -> [EvidenceItem] {
        try await read { db in
            var items = try Self.fetchDecoded(EvidenceItem.self, db, sql: "SELECT itemJSON FROM evidence ORDER BY id")
            let reviewed = try Set(String.fetchAll(db, sql: "SELECT evidenceId FROM evidenceReview"))
            guard !reviewed.isEmpty else { return items }
            for index in items.indices where reviewed.contains(items[index].id) { items[index].reviewed = true }
            return items
        }
    }

    /// Evidence that meets every set field of `filter`, ordered by level then id, one page at a
    /// time, with the total number of matches.
    ///
    /// Empty or blank strings in the filter do not filter. `gene` compares HGNC symbols without
    /// case; `alteration` matches a substring of the profile name or a component's exact variant
    /// (`D835Y`) or label (`FLT3 D835Y`), without case; `disease` matches an OncoTree code or a
    /// substring of the disease name; `drug` matches an INN without case; `query` matches every
    /// word's prefix in the full text, with stemming. A query with no searchable word does not
    /// filter.
    public func evidence(matching filter: EvidenceFilter) async throws -> EvidencePage {
        let query = Self.pageQuery(for: filter)
        return try await read { db in
            let total = try query.total(db)
            guard query.wantsRows(total: total) else { return EvidencePage(items: [], total: total) }
            let items = try Self.fetchDecoded(EvidenceItem.self, db, sql: query.pageSQL, arguments: query.pageArguments)
            return EvidencePage(items: items, total: total)
        }
    }

    /// The page ``evidence(matching:)`` returns, with each item as its stored JSON, read without
    /// decoding: the server passes it through to the client.
    ///
    /// The stored JSON is what this version's `EvidenceItem` encoding writes; a release that
    /// changes that encoding must re-encode stored items in a migration.
    public func evidenceJSON(matching filter: EvidenceFilter) async throws -> EvidenceJSONPage {
        let query = Self.pageQuery(for: filter)
        return try await read { db in
            let total = try query.total(db)
            guard query.wantsRows(total: total) else { return EvidenceJSONPage(items: [], total: total) }
            return EvidenceJSONPage(items: try String.fetchAll(db, sql: query.pageSQL, arguments: query.pageArguments), total: total)
        }
    }

    /// The count and page statements of a filter: fixed SQL text, every user value an argument.
    struct PageQuery: Sendable {
        let countSQL: String
        let pageSQL: String
        /// The count's arguments, when they differ from the page's.
        let countArguments: StatementArguments?
        let arguments: StatementArguments
        let limit: Int
        let offset: Int

        init(countSQL: String, pageSQL: String, countArguments: StatementArguments? = nil, arguments: StatementArguments, limit: Int, offset: Int) {
            self.countSQL = countSQL
            self.pageSQL = pageSQL
            self.countArguments = countArguments
            self.arguments = arguments
            self.limit = limit
            self.offset = offset
        }

        var pageArguments: StatementArguments { arguments + [limit, offset] }

        func total(_ db: Database) throws -> Int {
            try Int.fetchOne(db, sql: countSQL, arguments: countArguments ?? arguments) ?? 0
        }

        func wantsRows(total: Int) -> Bool { limit > 0 && offset < total }
    }

    /// With a gene, the page is read from `evidenceGeneLevel` in (level, id) order, so only the
    /// page's rows are fetched; otherwise from the evidence table's (level, id) index.
    static func pageQuery(for filter: EvidenceFilter) -> PageQuery {
        var rest = filter
        rest.gene = nil
        let others = condition(for: rest)
        let limit = max(filter.limit, 0)
        let offset = max(filter.offset, 0)
        guard let gene = nonBlank(filter.gene) else {
            return PageQuery(
                countSQL: "SELECT COUNT(*) FROM evidence WHERE \(others.sql)",
                pageSQL: "SELECT evidence.itemJSON FROM evidence WHERE \(others.sql) ORDER BY evidence.level, evidence.id LIMIT ? OFFSET ?",
                arguments: others.arguments,
                limit: limit,
                offset: offset
            )
        }
        let source = "evidenceGeneLevel byGene JOIN evidence ON evidence.id = byGene.evidenceId"
        let condition = "byGene.gene = ? AND \(others.sql)"
        let pageSQL = "SELECT evidence.itemJSON FROM \(source) WHERE \(condition) ORDER BY byGene.level, byGene.evidenceId LIMIT ? OFFSET ?"
        // A gene alone, or with a level, is counted from the trigger-kept totals.
        var onlyLevel = rest
        onlyLevel.level = nil
        if Self.condition(for: onlyLevel).sql == "1" {
            var countArguments: StatementArguments = [gene.uppercased()]
            if let level = filter.level { countArguments += [level.rawValue] }
            return PageQuery(
                countSQL: "SELECT COALESCE(SUM(count), 0) FROM evidenceGeneLevelCount WHERE gene = ?" + (filter.level == nil ? "" : " AND level = ?"),
                pageSQL: pageSQL,
                countArguments: countArguments,
                arguments: [gene.uppercased()] + others.arguments,
                limit: limit,
                offset: offset
            )
        }
        return PageQuery(
            countSQL: "SELECT COUNT(*) FROM \(source) WHERE \(condition)",
            pageSQL: pageSQL,
            arguments: [gene.uppercased()] + others.arguments,
            limit: limit,
            offset: offset
        )
    }

    /// The WHERE clause of a filter's fields other than the gene: fixed SQL text, with every user
    /// value as an argument.
    static func condition(for filter: EvidenceFilter) -> (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments = StatementArguments()
        // The gene is joined in by `pageQuery(for:)`, through the (gene, level, id) table.
        if let alteration = nonBlank(filter.alteration)?.lowercased() {
            clauses.append(
                """
                (instr(swiftLowercaseString(evidence.profileName), ?) > 0 \
                OR EXISTS (SELECT 1 FROM evidenceGene g WHERE g.evidenceId = evidence.id AND g.variant IS NOT NULL \
                AND (swiftLowercaseString(g.variant) = ? OR swiftLowercaseString(g.gene || ' ' || g.variant) = ?)))
                """
            )
            arguments += [alteration, alteration, alteration]
        }
        if let disease = nonBlank(filter.disease) {
            clauses.append("(evidence.oncotree = ? OR instr(swiftLowercaseString(evidence.diseaseName), ?) > 0)")
            arguments += [disease.uppercased(), disease.lowercased()]
        }
        if let drug = nonBlank(filter.drug) {
            clauses.append("evidence.id IN (SELECT evidenceId FROM evidenceDrug WHERE drug = ?)")
            arguments += [drug.lowercased()]
        }
        if let level = filter.level {
            clauses.append("evidence.level = ?")
            arguments += [level.rawValue]
        }
        if let source = filter.source {
            clauses.append("evidence.source = ?")
            arguments += [source.rawValue]
        }
        // FTS5Pattern quotes every word, so quotes, stars and parentheses in user text are inert.
        if let query = nonBlank(filter.query), let pattern = FTS5Pattern(matchingAllPrefixesIn: query) {
            clauses.append("evidence.rowid IN (SELECT rowid FROM evidenceFts WHERE evidenceFts MATCH ?)")
            arguments += [pattern]
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), arguments)
    }

    /// The trimmed string, or nil when it is nil or blank.
    static func nonBlank(_ string: String?) -> String? {
        guard let trimmed = string?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// The items with duplicate ids removed, keeping each id's last occurrence at its place.
    static func lastOccurrences(_ items: [EvidenceItem]) -> [EvidenceItem] {
        StoreContractChecks.lastOccurrences(items)
    }

    /// Decodes the JSON in the first column of every row, without copying the bytes out of SQLite.
    static func fetchDecoded<T: Decodable>(
        _ type: T.Type,
        _ db: Database,
        sql: String,
        arguments: StatementArguments = StatementArguments()
    ) throws -> [T] {
        let decoder = JSONDecoder()
        var result: [T] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() {
            let value = try row.withUnsafeData(atIndex: 0) { data -> T in
                guard let data else { throw KnowledgeStoreError("a stored JSON value is missing", path: nil) }
                return try decoder.decode(T.self, from: data)
            }
            result.append(value)
        }
        return result
    }
}

extension SQLiteKnowledgeStore: EvidenceReviewing {
    /// Marks or unmarks an evidence item as reviewed by a curator. The mark outlives re-imports
    /// of the item; the snapshot changes so servers reload their index.
    ///
    /// - Returns: False when no item has the id (nothing is written then).
    public func setReviewed(_ evidenceID: String, _ reviewed: Bool) async throws -> Bool {
        try await write { db in
            guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM evidence WHERE id = ?)", arguments: [evidenceID]) == true else {
                return false
            }
            if reviewed {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO evidenceReview (evidenceId, reviewedAt) VALUES (?, ?)",
                    arguments: [evidenceID, ISO8601DateFormatter().string(from: Date())]
                )
            } else {
                try db.execute(sql: "DELETE FROM evidenceReview WHERE evidenceId = ?", arguments: [evidenceID])
            }
            // The stored item says so too, for evidence pages.
            try db.execute(
                sql: "UPDATE evidence SET itemJSON = json_set(itemJSON, '$.reviewed', json(?)) WHERE id = ?",
                arguments: [reviewed ? "true" : "false", evidenceID]
            )
            try Self.bumpSnapshot(db)
            return true
        }
    }
}

/// Writes evidence rows inside one transaction with statements prepared once per batch.
struct EvidenceRowWriter {
    private let deleteEvidence: Statement
    private let insertEvidence: Statement
    private let insertGene: Statement
    private let insertDrug: Statement
    private let insertGeneLevel: Statement
    private let encoder: JSONEncoder

    init(_ db: Database) throws {
        deleteEvidence = try db.cachedStatement(sql: "DELETE FROM evidence WHERE id = ?")
        // SQLite cuts drugsJSON and profileJSON out of the item JSON (?21): encoding them again in
        // Swift would double the cost of a large import.
        insertEvidence = try db.cachedStatement(
            sql: """
                INSERT INTO evidence (id, source, evidenceType, direction, level, significance, diseaseName, oncotree, \
                doid, tumorAgnostic, interaction, pmid, url, citationLabel, citationKind, rating, statement, \
                caseId, profileName, searchTerms, itemJSON, drugsJSON, profileJSON) \
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, \
                json_extract(?21, '$.drugs'), json_extract(?21, '$.profile'))
                """
        )
        insertGene = try db.cachedStatement(sql: "INSERT INTO evidenceGene (evidenceId, gene, variant) VALUES (?, ?, ?)")
        insertDrug = try db.cachedStatement(sql: "INSERT INTO evidenceDrug (evidenceId, drug) VALUES (?, ?)")
        insertGeneLevel = try db.cachedStatement(
            sql: "INSERT OR IGNORE INTO evidenceGeneLevel (gene, level, evidenceId) VALUES (?, ?, ?)"
        )
        encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
    }

    /// Replaces the item: deleting first cascades to its gene and drug rows and fires the
    /// full-text triggers, which `INSERT OR REPLACE` would skip.
    func write(_ item: EvidenceItem) throws {
        try deleteEvidence.execute(arguments: [item.id])
        let values: [(any DatabaseValueConvertible)?] = [
            item.id,
            item.source.rawValue,
            item.evidenceType.rawValue,
            item.direction.rawValue,
            item.level.rawValue,
            item.significance.rawValue,
            item.disease.name,
            item.disease.oncotree,
            item.disease.doid,
            item.disease.tumorAgnostic,
            item.interaction?.rawValue,
            item.citation.pmid,
            item.citation.url,
            item.citation.label,
            item.citation.kind,
            item.rating,
            item.statement,
            item.caseID,
            item.profile.name,
            Self.searchTerms(item),
            String(decoding: try encoder.encode(item), as: UTF8.self),
        ]
        // The SQL is fixed and the count matches it, so GRDB's argument validation is skipped.
        insertEvidence.setUncheckedArguments(StatementArguments(values))
        try insertEvidence.execute()
        var seenGenes: Set<String> = []
        for component in item.profile.components {
            let gene = component.gene.uppercased()
            seenGenes.insert(gene)
            try insertGene.execute(arguments: [item.id, gene, component.variant])
        }
        for partner in item.profile.components.compactMap(\.partner) where seenGenes.insert(partner.uppercased()).inserted {
            try insertGene.execute(arguments: [item.id, partner.uppercased(), nil])
        }
        for gene in seenGenes {
            try insertGeneLevel.execute(arguments: [gene, item.level.rawValue, item.id])
        }
        for drug in Set(item.drugs.map { $0.lowercased() }) {
            try insertDrug.execute(arguments: [item.id, drug])
        }
    }

    /// The full-text terms the store contract names (``KnowledgeSearchText``).
    static func searchTerms(_ item: EvidenceItem) -> String {
        KnowledgeSearchText.terms(of: item)
    }
}
