import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import Testing

@Suite("SQLite store: replacing a source's evidence")
struct ReplaceEvidenceTests {
    /// A CIViC-like item with an invented id, gene and drug.
    static func civic(_ number: Int, drug: String = "sorafenib") -> EvidenceItem {
        var item = Fixtures.evidence[1]
        item.id = "civic:EID\(9_000 + number)"
        item.drugs = [drug]
        return item
    }

    @Test func aNewReleaseDropsTheRowsItNoLongerHasAndKeepsOtherSources() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await store.upsert(Fixtures.evidence)
        _ = try await store.saveCase(Fixtures.amlCase, evidence: Fixtures.caseEvidence("aml", count: 2, statement: "Remission."))
        let before = try await store.snapshotID()
        let written = try await store.replaceEvidence(
            of: .civic,
            with: [Self.civic(1), Self.civic(2, drug: "midostaurin")],
            metadata: ["civic_release": "2030-01-01"]
        )
        #expect(written == 2)
        let stats = try await store.stats()
        #expect(stats.evidenceBySource == ["civic": 2, "curated": 3, "case": 2])
        #expect(try await store.metadata("civic_release") == "2030-01-01")
        #expect(try await store.snapshotID() != before)
        // The dropped rows leave the gene, drug and full-text indexes too.
        #expect(try await store.evidence(matching: EvidenceFilter(gene: "BRAF", source: .civic)).total == 0)
        #expect(try await store.evidence(matching: EvidenceFilter(drug: "gilteritinib", source: .civic)).total == 0)
        #expect(try await store.evidence(matching: EvidenceFilter(query: "durable remissions")).total == 0)
        #expect(try await store.evidence(matching: EvidenceFilter(drug: "midostaurin")).items.map(\.id) == ["civic:EID9002"])
        #expect(try await store.evidence(matching: EvidenceFilter(gene: "FLT3", source: .civic)).total == 2)
    }

    @Test func anItemOfAnotherSourceFailsTheWholeReplacement() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await store.upsert(Fixtures.evidence)
        let curated = try #require(Fixtures.evidence.first { $0.source == .curated })
        await #expect(throws: KnowledgeStoreError.self) {
            try await store.replaceEvidence(of: .civic, with: [Self.civic(1), curated], metadata: ["civic_release": "x"])
        }
        #expect(try await store.stats().evidenceBySource["civic"] == 4)
        #expect(try await store.metadata("civic_release") == nil)
    }

    @Test func caseEvidenceAndTheSnapshotKeyCannotBeReplaced() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        await #expect(throws: KnowledgeStoreError.self) { try await store.replaceEvidence(of: .caseReport, with: [], metadata: [:]) }
        await #expect(throws: KnowledgeStoreError.self) {
            try await store.replaceEvidence(of: .civic, with: [], metadata: [SQLiteKnowledgeStore.snapshotKey: "mine"])
        }
        #expect(try await store.snapshotID().hasPrefix("0-"))
    }
}
