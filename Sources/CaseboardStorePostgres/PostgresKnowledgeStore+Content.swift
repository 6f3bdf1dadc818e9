import CaseboardCore
import CaseboardKnowledge
import Foundation
import Logging
import PostgresNIO

extension PostgresKnowledgeStore {
    /// The metadata key that both stores keep for themselves.
    public static let snapshotKey = StoreContractChecks.reservedMetadataKey

    // MARK: - Evidence

    /// Inserts or replaces evidence items by id; the last occurrence of an id wins.
    public func upsert(_ items: [EvidenceItem]) async throws -> Int {
        let unique = Self.lastOccurrences(items)
        guard !unique.isEmpty else { return 0 }
        let rows = try EvidenceRows(unique)
        return try await write { connection in
            try await rows.write(connection, logger: logger)
            return (unique.count, true)
        }.value
    }

    /// Replaces every item of `source` and sets `metadata`, in one transaction.
    public func replaceEvidence(of source: EvidenceSource, with items: [EvidenceItem], metadata: [String: String]) async throws -> Int {
        let unique = try StoreContractChecks.evidenceReplacement(of: source, with: items, metadata: metadata, path: displayURL)
        let rows = try EvidenceRows(unique)
        return try await write { connection in
            try await connection.query("DELETE FROM evidence WHERE source = \(source.rawValue)", logger: logger)
            try await rows.write(connection, logger: logger)
            for (key, value) in metadata.sorted(by: { $0.key < $1.key }) {
                try await Self.putMetadata(key, value, connection, logger: logger)
            }
            return (unique.count, true)
        }.value
    }

    public func allEvidence() async throws -> [EvidenceItem] {
        try await read { connection in
            let decoder = JSONDecoder()
            var items: [EvidenceItem] = []
            let rows = try await connection.query(
                """
                SELECT e.item_json, r.evidence_id IS NOT NULL FROM evidence e \
                LEFT JOIN evidence_review r ON r.evidence_id = e.id ORDER BY e.id
                """,
                logger: logger
            )
            for try await (json, reviewed) in rows.decode((String, Bool).self) {
                var item = try decoder.decode(EvidenceItem.self, from: Data(json.utf8))
                if reviewed { item.reviewed = true }
                items.append(item)
            }
            return items
        }
    }

    public func evidence(matching filter: EvidenceFilter) async throws -> EvidencePage {
        let page = try await evidenceJSON(matching: filter)
        let decoder = JSONDecoder()
        return EvidencePage(items: try page.items.map { try decoder.decode(EvidenceItem.self, from: Data($0.utf8)) }, total: page.total)
    }

    /// Filters as the SQLite store does; `query` must match every word's prefix (stemmed, in
    /// PostgreSQL's English configuration) in the item's `search` tsvector.
    ///
    /// One statement (one snapshot, one round trip) gives the page and, beside each row, the
    /// total, counted by a subquery of its own: a window count over the page query made
    /// PostgreSQL read and sort every matching row (21 ms against 1.6 ms for a common gene).
    /// Only a page past the end (or of no rows asked) counts on its own.
    public func evidenceJSON(matching filter: EvidenceFilter) async throws -> EvidenceJSONPage {
        var query = SQLBuilder()
        let limit = max(filter.limit, 0)
        let offset = max(filter.offset, 0)
        var rest = filter
        rest.gene = nil
        rest.limit = 0
        rest.offset = 0
        if let gene = Self.nonBlank(filter.gene), limit > 0, rest == EvidenceFilter(limit: 0, offset: 0) {
            // A page of one gene alone (the evidence browser's, and most API calls): prepared.
            return try await single { connection in
                var total = 0
                var items: [String] = []
                let page = GeneEvidencePage(gene: gene.uppercased(), limit: limit, offset: offset)
                for try await (count, json) in try await connection.execute(page, logger: logger) {
                    items.append(json)
                    total = count
                }
                if items.isEmpty, offset > 0 {
                    for try await count in try await connection.execute(GeneEvidenceCount(gene: gene.uppercased()), logger: logger) {
                        total = count
                    }
                }
                return EvidenceJSONPage(items: items, total: total)
            }
        }
        let countSQL: String
        let pageSQL: String
        let countBinds: PostgresBindings
        if let gene = Self.nonBlank(filter.gene) {
            // A gene's page reads `evidence_gene_level` in its key order: the page's first rows
            // at once, and the total from the key alone when nothing else filters (a common
            // gene's items were read and sorted on every page before).
            let geneBind = query.bind(gene.uppercased())
            var rest = filter
            rest.gene = nil
            let condition = Self.condition(for: rest, &query)
            countSQL =
                condition == "TRUE"
                ? "SELECT count(*) FROM evidence_gene_level gl WHERE gl.gene = \(geneBind)"
                : "SELECT count(*) FROM evidence_gene_level gl JOIN evidence e ON e.id = gl.evidence_id WHERE gl.gene = \(geneBind) AND \(condition)"
            countBinds = query.binds
            pageSQL = """
                SELECT (\(countSQL)), p.item_json FROM (SELECT e.item_json, gl.level, gl.evidence_id FROM evidence_gene_level gl \
                JOIN evidence e ON e.id = gl.evidence_id WHERE gl.gene = \(geneBind) AND \(condition) \
                ORDER BY gl.level, gl.evidence_id LIMIT \(query.bind(limit)) OFFSET \(query.bind(offset))) p ORDER BY p.level, p.evidence_id
                """
        } else {
            let condition = Self.condition(for: filter, &query)
            countSQL = "SELECT count(*) FROM evidence e WHERE \(condition)"
            countBinds = query.binds
            pageSQL = """
                SELECT (\(countSQL)), p.item_json FROM (SELECT e.item_json, e.level, e.id FROM evidence e WHERE \(condition) \
                ORDER BY e.level, e.id LIMIT \(query.bind(limit)) OFFSET \(query.bind(offset))) p ORDER BY p.level, p.id
                """
        }
        let pageBinds = query.binds
        return try await single { connection in
            var total: Int?
            var items: [String] = []
            if limit > 0 {
                let rows = try await connection.query(PostgresQuery(unsafeSQL: pageSQL, binds: pageBinds), logger: logger)
                for try await (count, json) in rows.decode((Int, String).self) {
                    items.append(json)
                    total = count
                }
            }
            if total == nil, limit == 0 || offset > 0 {
                let rows = try await connection.query(PostgresQuery(unsafeSQL: countSQL, binds: countBinds), logger: logger)
                for try await count in rows.decode(Int.self) { total = count }
            }
            return EvidenceJSONPage(items: items, total: total ?? 0)
        }
    }

    /// The WHERE clause of a filter: fixed SQL text, every user value bound.
    static func condition(for filter: EvidenceFilter, _ query: inout SQLBuilder) -> String {
        var clauses: [String] = []
        if let gene = nonBlank(filter.gene) {
            clauses.append("EXISTS (SELECT 1 FROM evidence_gene g WHERE g.evidence_id = e.id AND g.gene = \(query.bind(gene.uppercased())))")
        }
        if let alteration = nonBlank(filter.alteration)?.lowercased() {
            let value = query.bind(alteration)
            clauses.append(
                """
                (strpos(lower(e.profile_name), \(value)) > 0 \
                OR EXISTS (SELECT 1 FROM evidence_gene g WHERE g.evidence_id = e.id AND g.variant IS NOT NULL \
                AND (lower(g.variant) = \(value) OR lower(g.gene || ' ' || g.variant) = \(value))))
                """
            )
        }
        if let disease = nonBlank(filter.disease) {
            clauses.append(
                "(e.oncotree = \(query.bind(disease.uppercased())) OR strpos(lower(e.disease_name), \(query.bind(disease.lowercased()))) > 0)"
            )
        }
        if let drug = nonBlank(filter.drug) {
            clauses.append("e.id IN (SELECT evidence_id FROM evidence_drug WHERE drug = \(query.bind(drug.lowercased())))")
        }
        if let level = filter.level { clauses.append("e.level = \(query.bind(level.rawValue))") }
        if let source = filter.source { clauses.append("e.source = \(query.bind(source.rawValue))") }
        if let text = filter.query, let tsquery = prefixQuery(text) {
            clauses.append("e.search @@ to_tsquery('english'::regconfig, \(query.bind(tsquery)))")
        }
        return clauses.isEmpty ? "TRUE" : clauses.joined(separator: " AND ")
    }

    /// `word:* & word:*` for every word, or nil when there is none. Words keep only letters and
    /// digits, so no user text reaches the tsquery syntax.
    static func prefixQuery(_ text: String) -> String? {
        let words = KnowledgeSearchText.words(text)
        return words.isEmpty ? nil : words.map { "\($0):*" }.joined(separator: " & ")
    }

    static func nonBlank(_ string: String?) -> String? {
        guard let trimmed = string?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    static func lastOccurrences(_ items: [EvidenceItem]) -> [EvidenceItem] {
        StoreContractChecks.lastOccurrences(items)
    }

    // MARK: - Metadata and stats

    public func snapshotID() async throws -> String {
        try await single { connection in
            var snapshot = ""
            let rows = try await connection.query("SELECT generation, token FROM store_state WHERE id = 1", logger: logger)
            for try await (generation, token) in rows.decode((Int, String).self) {
                snapshot = KnowledgeSnapshot(generation: generation, token: token).description
            }
            hub.observe(snapshot)
            return snapshot
        }
    }

    public func metadata(_ key: String) async throws -> String? {
        try await single { connection in
            var value: String?
            for try await found in try await connection.query("SELECT value FROM meta WHERE key = \(key)", logger: logger).decode(String.self) {
                value = found
            }
            return value
        }
    }

    /// Sets a value; an unchanged value is no change (the snapshot stays).
    public func setMetadata(_ key: String, _ value: String) async throws {
        guard key != Self.snapshotKey else {
            throw KnowledgeStoreError("the metadata key \"\(key)\" is reserved for the store", path: displayURL)
        }
        _ = try await write { connection in
            var old: String?
            for try await found in try await connection.query("SELECT value FROM meta WHERE key = \(key)", logger: logger).decode(String.self) {
                old = found
            }
            guard old != value else { return ((), false) }
            try await Self.putMetadata(key, value, connection, logger: logger)
            return ((), true)
        }
    }

    public func allMetadata() async throws -> [String: String] {
        try await single { connection in
            var result: [String: String] = [:]
            for try await (key, value) in try await connection.query("SELECT key, value FROM meta", logger: logger).decode((String, String).self) {
                result[key] = value
            }
            return result
        }
    }

    static func putMetadata(_ key: String, _ value: String, _ connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            "INSERT INTO meta (key, value) VALUES (\(key), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            logger: logger
        )
    }

    public func stats() async throws -> KnowledgeStats {
        try await read { connection in
            func counts(_ column: String) async throws -> [String: Int] {
                var result: [String: Int] = [:]
                // `column` is one of the fixed names below, never user input.
                let rows = try await connection.query(
                    PostgresQuery(unsafeSQL: "SELECT \(column), count(*) FROM evidence GROUP BY \(column)"),
                    logger: logger
                )
                for try await (key, count) in rows.decode((String, Int).self) { result[key] = count }
                return result
            }
            var cases = 0
            for try await count in try await connection.query("SELECT count(*) FROM cases", logger: logger).decode(Int.self) { cases = count }
            var snapshot = ""
            let state = try await connection.query("SELECT generation, token FROM store_state WHERE id = 1", logger: logger)
            for try await (generation, token) in state.decode((Int, String).self) {
                snapshot = KnowledgeSnapshot(generation: generation, token: token).description
            }
            hub.observe(snapshot)
            return KnowledgeStats(
                evidenceBySource: try await counts("source"),
                evidenceBySignificance: try await counts("significance"),
                evidenceByLevel: try await counts("level"),
                evidenceByType: try await counts("evidence_type"),
                cases: cases,
                snapshotID: snapshot
            )
        }
    }
}

extension PostgresKnowledgeStore: EvidenceReviewing {
    /// Marks or unmarks an item as reviewed; the mark outlives re-imports of the item.
    public func setReviewed(_ evidenceID: String, _ reviewed: Bool) async throws -> Bool {
        try await write { connection in
            var json: String?
            for try await found in try await connection.query("SELECT item_json FROM evidence WHERE id = \(evidenceID) FOR UPDATE", logger: logger)
                .decode(String.self)
            {
                json = found
            }
            guard let json else { return (false, false) }
            if reviewed {
                let now = ISO8601DateFormatter().string(from: Date())
                try await connection.query(
                    "INSERT INTO evidence_review (evidence_id, reviewed_at) VALUES (\(evidenceID), \(now)) ON CONFLICT (evidence_id) DO UPDATE SET reviewed_at = excluded.reviewed_at",
                    logger: logger
                )
            } else {
                try await connection.query("DELETE FROM evidence_review WHERE evidence_id = \(evidenceID)", logger: logger)
            }
            // The stored item says so too, for evidence pages.
            var item = try JSONDecoder().decode(EvidenceItem.self, from: Data(json.utf8))
            item.reviewed = reviewed
            let updated = try EvidenceRows.encode(item)
            try await connection.query("UPDATE evidence SET item_json = \(updated) WHERE id = \(evidenceID)", logger: logger)
            return (true, true)
        }.value
    }
}

/// SQL text with numbered placeholders and the values bound to them.
struct SQLBuilder {
    var binds = PostgresBindings()
    private var count = 0

    /// Binds `value` and returns its placeholder (`$3`).
    mutating func bind(_ value: String) -> String {
        binds.append(value)
        count += 1
        return "$\(count)"
    }

    mutating func bind(_ value: Int) -> String {
        binds.append(value)
        count += 1
        return "$\(count)"
    }
}

/// Evidence items as rows (with their genes, drugs and `evidence_gene_level` rows), written in two statements per batch (`jsonb_to_recordset`), not
/// one round trip per row.
struct EvidenceRows: Sendable {
    struct Row: Encodable {
        let id: String
        let source: String
        let evidenceType: String
        let level: String
        let significance: String
        let diseaseName: String
        let oncotree: String?
        let caseID: String?
        let profileName: String
        let statement: String?
        let searchTerms: String
        let itemJSON: String
    }

    struct Gene: Encodable {
        let evidenceID: String
        let gene: String
        let variant: String?
        /// The item's level, for `evidence_gene_level`.
        let level: String
    }

    struct Drug: Encodable {
        let evidenceID: String
        let drug: String
    }

    let ids: [String]
    let rows: String
    let genes: String
    let drugs: String

    init(_ items: [EvidenceItem]) throws {
        var rows: [Row] = []
        var genes: [Gene] = []
        var drugs: [Drug] = []
        for item in items {
            rows.append(
                Row(
                    id: item.id,
                    source: item.source.rawValue,
                    evidenceType: item.evidenceType.rawValue,
                    level: item.level.rawValue,
                    significance: item.significance.rawValue,
                    diseaseName: item.disease.name,
                    oncotree: item.disease.oncotree,
                    caseID: item.caseID,
                    profileName: item.profile.name,
                    statement: item.statement,
                    searchTerms: KnowledgeSearchText.terms(of: item),
                    itemJSON: try Self.encode(item)
                )
            )
            var seen: Set<String> = []
            for component in item.profile.components {
                seen.insert(component.gene.uppercased())
                genes.append(Gene(evidenceID: item.id, gene: component.gene.uppercased(), variant: component.variant, level: item.level.rawValue))
            }
            for partner in item.profile.components.compactMap(\.partner) where seen.insert(partner.uppercased()).inserted {
                genes.append(Gene(evidenceID: item.id, gene: partner.uppercased(), variant: nil, level: item.level.rawValue))
            }
            for drug in Set(item.drugs.map { $0.lowercased() }).sorted() {
                drugs.append(Drug(evidenceID: item.id, drug: drug))
            }
        }
        ids = items.map(\.id)
        let encoder = JSONEncoder()
        // Column names: `caseID` -> `case_id`, `itemJSON` -> `item_json`.
        encoder.keyEncodingStrategy = .convertToSnakeCase
        self.rows = String(decoding: try encoder.encode(rows), as: UTF8.self)
        self.genes = String(decoding: try encoder.encode(genes), as: UTF8.self)
        self.drugs = String(decoding: try encoder.encode(drugs), as: UTF8.self)
    }

    static func encode(_ item: EvidenceItem) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return String(decoding: try encoder.encode(item), as: UTF8.self)
    }

    /// Deletes the items' old rows (cascading to genes and drugs), then inserts the new ones.
    func write(_ connection: PostgresConnection, logger: Logger) async throws {
        guard !ids.isEmpty else { return }
        try await connection.query("DELETE FROM evidence WHERE id = ANY(\(ids))", logger: logger)
        // The rows, genes and drugs in one statement (the foreign keys are checked at its end).
        try await connection.query(
            """
            WITH items AS (INSERT INTO evidence (id, source, evidence_type, level, significance, disease_name, oncotree, case_id, \
            profile_name, statement, search_terms, item_json) \
            SELECT id, source, evidence_type, level, significance, disease_name, oncotree, case_id, profile_name, statement, \
            search_terms, item_json FROM jsonb_to_recordset(\(rows)::jsonb) AS x(id text, source text, evidence_type text, \
            level text, significance text, disease_name text, oncotree text, case_id text, profile_name text, statement text, \
            search_terms text, item_json text)), \
            genes AS (INSERT INTO evidence_gene (evidence_id, gene, variant) SELECT evidence_id, gene, variant \
            FROM jsonb_to_recordset(\(genes)::jsonb) AS x(evidence_id text, gene text, variant text)), \
            levels AS (INSERT INTO evidence_gene_level (gene, level, evidence_id) SELECT DISTINCT gene, level, evidence_id \
            FROM jsonb_to_recordset(\(genes)::jsonb) AS x(evidence_id text, gene text, level text)) \
            INSERT INTO evidence_drug (evidence_id, drug) SELECT evidence_id, drug \
            FROM jsonb_to_recordset(\(drugs)::jsonb) AS x(evidence_id text, drug text)
            """,
            logger: logger
        )
    }
}
