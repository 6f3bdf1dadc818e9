import Foundation
import GRDB

/// Table and column names follow GRDB's conventions: singular camelCase, except `cases`
/// (`case` is an SQL keyword).
extension SQLiteKnowledgeStore {
    /// The schema history. Steps are append-only: never edit or reorder a released step, add a
    /// new one (`v2-...`). Databases that know a step this list lacks come from a newer
    /// Caseboard and are refused at open.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try createCaseTables(db)
            try createEvidenceTables(db)
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.execute(
                sql: "INSERT INTO meta (key, value) VALUES (?, ?)",
                arguments: [snapshotKey, makeSnapshotID(counter: 0)]
            )
        }
        migrator.registerMigration("v2-evidence-by-gene-and-level") { db in
            // One row per evidence item and gene, kept in level order, so an evidence page for a
            // gene reads its first rows in order instead of sorting every item of the gene.
            try db.create(table: "evidenceGeneLevel", options: [.withoutRowID]) { t in
                t.column("gene", .text).notNull()
                t.column("level", .text).notNull()
                t.column("evidenceId", .text).notNull().references("evidence", onDelete: .cascade)
                t.primaryKey(["gene", "level", "evidenceId"])
            }
            try db.create(index: "evidenceGeneLevel_on_evidenceId", on: "evidenceGeneLevel", columns: ["evidenceId"])
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO evidenceGeneLevel (gene, level, evidenceId) \
                    SELECT DISTINCT g.gene, e.level, e.id FROM evidenceGene g JOIN evidence e ON e.id = g.evidenceId
                    """
            )
        }
        migrator.registerMigration("v3-evidence-counts-by-gene-and-level") { db in
            // How many items each gene has at each level, kept by triggers, so a gene's page
            // states its total without counting thousands of rows on every request.
            try db.create(table: "evidenceGeneLevelCount", options: [.withoutRowID]) { t in
                t.column("gene", .text).notNull()
                t.column("level", .text).notNull()
                t.column("count", .integer).notNull()
                t.primaryKey(["gene", "level"])
            }
            try db.execute(
                sql: """
                    INSERT INTO evidenceGeneLevelCount (gene, level, count)                     SELECT gene, level, COUNT(*) FROM evidenceGeneLevel GROUP BY gene, level
                    """
            )
            // Deletes cascading from `evidence` fire the delete trigger too; an ignored
            // `INSERT OR IGNORE` fires nothing.
            try db.execute(
                sql: """
                    CREATE TRIGGER evidenceGeneLevel_countInsert AFTER INSERT ON evidenceGeneLevel BEGIN
                        INSERT INTO evidenceGeneLevelCount (gene, level, count) VALUES (new.gene, new.level, 1)
                        ON CONFLICT (gene, level) DO UPDATE SET count = count + 1;
                    END;
                    CREATE TRIGGER evidenceGeneLevel_countDelete AFTER DELETE ON evidenceGeneLevel BEGIN
                        UPDATE evidenceGeneLevelCount SET count = count - 1 WHERE gene = old.gene AND level = old.level;
                    END;
                    """
            )
        }
        migrator.registerMigration("v4-evidence-review") { db in
            // Curators' review marks (`caseboard kb review`), kept apart from the items so that
            // re-seeding or re-importing an item keeps its mark. No foreign key for the same reason.
            // If not exists: a file rewound to an older schema by hand may keep the table.
            try db.create(table: "evidenceReview", options: [.withoutRowID, .ifNotExists]) { t in
                t.primaryKey("evidenceId", .text)
                t.column("reviewedAt", .text).notNull()
            }
        }
        migrator.registerMigration("v5-ingest-jobs", migrate: createIngestJobTable)
        migrator.registerMigration("v6-search-significance") { db in
            // The significance and evidence type join the searched terms, as EvidenceRowWriter
            // now writes them; the full-text triggers reindex the updated rows.
            try db.execute(sql: "UPDATE evidence SET searchTerms = significance || ' ' || evidenceType || ' ' || searchTerms")
        }
        migrator.registerMigration("v7-case-documents") { db in
            // A case's document text, so a stored case reopens whole. A table of its own keeps
            // the case listing and the similar-case index from reading texts; cases stored
            // before this step have no row and show their quoted spans. If not exists: a file
            // rewound to an older schema by hand may keep the table.
            try db.create(table: "caseDocument", options: [.withoutRowID, .ifNotExists]) { t in
                t.primaryKey("caseId", .text).references("cases", onDelete: .cascade)
                t.column("text", .text).notNull()
            }
        }
        migrator.registerMigration("v8-case-sources") { db in
            // Per case id, the source (file name, record index) of the revision applied last,
            // deletions included, so a later update file wins over an earlier one whatever
            // order workers commit in (the store contract's revisions). No foreign key: a
            // deletion outlives its case. NULL source: saved without one.
            try db.create(table: "caseSource", options: [.withoutRowID, .ifNotExists]) { t in
                t.primaryKey("caseId", .text)
                t.column("sourceFile", .text)
                t.column("sourceRecord", .integer)
                t.column("deleted", .boolean).notNull().defaults(to: false)
            }
        }
        return migrator
    }

    /// Porter stemming ("resistant" finds "resistance") over Unicode words without diacritics.
    private static var tokenizer: FTS5TokenizerDescriptor {
        .porter(wrapping: .unicode61(diacritics: .remove))
    }

    private static func createCaseTables(_ db: Database) throws {
        try db.create(table: "cases") { t in
            t.primaryKey("id", .text)
            t.column("document", .text).notNull()
            t.column("title", .text)
            t.column("pmid", .text)
            // OncoTree codes, space separated.
            t.column("diseaseCodes", .text).notNull()
            t.column("importedAt", .text).notNull()
            t.column("recordJSON", .text).notNull()
            // The CaseSummary (CaseSummaryCodec), so the similar-case index loads without
            // decoding whole records.
            t.column("summary", .text).notNull()
            // Diagnoses, alteration labels, drugs, resistance and title, for full-text search.
            t.column("searchText", .text).notNull()
        }
        try db.create(index: "cases_on_importedAt", on: "cases", columns: ["importedAt"])
        try db.create(virtualTable: "caseFts", using: FTS5()) { t in
            t.synchronize(withTable: "cases")
            t.tokenizer = tokenizer
            t.column("title")
            t.column("searchText")
        }
        try db.create(table: "caseFeature") { t in
            t.column("caseId", .text).notNull().references("cases", onDelete: .cascade)
            // `gene`, `alteration` ("GENE VARIANT" label), `drug`, `oncotree`.
            t.column("kind", .text).notNull()
            t.column("value", .text).notNull()
        }
        try db.create(index: "caseFeature_on_kind_value", on: "caseFeature", columns: ["kind", "value"])
        try db.create(index: "caseFeature_on_caseId", on: "caseFeature", columns: ["caseId"])
    }

    private static func createEvidenceTables(_ db: Database) throws {
        try db.create(table: "evidence") { t in
            t.primaryKey("id", .text)
            t.column("source", .text).notNull()
            t.column("evidenceType", .text).notNull()
            t.column("direction", .text).notNull()
            t.column("level", .text).notNull()
            t.column("significance", .text).notNull()
            t.column("diseaseName", .text).notNull()
            t.column("oncotree", .text)
            t.column("doid", .text)
            t.column("tumorAgnostic", .boolean).notNull()
            t.column("drugsJSON", .text).notNull()
            t.column("interaction", .text)
            t.column("pmid", .text)
            t.column("url", .text)
            t.column("citationLabel", .text)
            t.column("citationKind", .text)
            t.column("rating", .integer)
            t.column("statement", .text)
            t.column("caseId", .text).references("cases", onDelete: .cascade)
            t.column("profileName", .text).notNull()
            t.column("profileJSON", .text).notNull()
            // Genes, variants, drugs and the citation label and PMID, for full-text search.
            t.column("searchTerms", .text).notNull()
            // The whole item: the source of truth when reading back.
            t.column("itemJSON", .text).notNull()
        }
        try db.create(index: "evidence_on_level", on: "evidence", columns: ["level", "id"])
        try db.create(index: "evidence_on_source", on: "evidence", columns: ["source"])
        try db.create(index: "evidence_on_oncotree", on: "evidence", columns: ["oncotree"])
        try db.create(index: "evidence_on_caseId", on: "evidence", columns: ["caseId"])
        try db.create(virtualTable: "evidenceFts", using: FTS5()) { t in
            t.synchronize(withTable: "evidence")
            t.tokenizer = tokenizer
            t.column("statement")
            t.column("profileName")
            t.column("diseaseName")
            t.column("searchTerms")
        }
        try db.create(table: "evidenceGene") { t in
            t.column("evidenceId", .text).notNull().references("evidence", onDelete: .cascade)
            // Uppercased HGNC symbol of a component or of a fusion partner.
            t.column("gene", .text).notNull()
            // The component's variant; NULL on a fusion-partner row.
            t.column("variant", .text)
        }
        try db.create(index: "evidenceGene_on_gene", on: "evidenceGene", columns: ["gene"])
        try db.create(index: "evidenceGene_on_evidenceId", on: "evidenceGene", columns: ["evidenceId"])
        try db.create(table: "evidenceDrug") { t in
            t.column("evidenceId", .text).notNull().references("evidence", onDelete: .cascade)
            // Lowercased INN.
            t.column("drug", .text).notNull()
        }
        try db.create(index: "evidenceDrug_on_drug", on: "evidenceDrug", columns: ["drug"])
        try db.create(index: "evidenceDrug_on_evidenceId", on: "evidenceDrug", columns: ["evidenceId"])
    }
}
