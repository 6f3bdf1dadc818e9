import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import Testing

@Suite("SQLite store: stats, snapshot, metadata")
struct MetaStoreTests {
    @Test func statsCountByEveryDimension() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await store.upsert(Fixtures.evidence)
        _ = try await store.saveCase(
            Fixtures.amlCase,
            evidence: Fixtures.caseEvidence("aml", count: 2, statement: "Remission.")
        )
        _ = try await store.saveCase(Fixtures.lungCase, evidence: [])
        let stats = try await store.stats()
        #expect(stats.evidenceBySource == ["civic": 4, "curated": 3, "case": 2])
        #expect(stats.evidenceBySignificance == ["sensitivity": 6, "resistance": 2, "other": 1])
        #expect(stats.evidenceByLevel == ["A": 4, "B": 2, "C": 3])
        #expect(stats.evidenceByType == ["predictive": 8, "prognostic": 1])
        #expect(stats.cases == 2)
        #expect(stats.snapshotID == (try await store.snapshotID()))
    }

    @Test func emptyStoreStats() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let stats = try await store.stats()
        #expect(stats.evidenceBySource == [:])
        #expect(stats.evidenceByLevel == [:])
        #expect(stats.cases == 0)
        #expect(stats.snapshotID.hasPrefix("0-"))
    }

    @Test func snapshotChangesOnWritesOnly() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let initial = try await store.snapshotID()
        #expect(initial.hasPrefix("0-"))
        #expect(initial.count == 38)  // "0-" and a UUID

        // Reads leave it alone.
        _ = try await store.allEvidence()
        _ = try await store.evidence(matching: EvidenceFilter(query: "anything"))
        _ = try await store.cases(query: nil, limit: 10, offset: 0)
        _ = try await store.caseSummaries()
        _ = try await store.stats()
        _ = try await store.metadata("curated-version")
        #expect(try await store.snapshotID() == initial)

        _ = try await store.upsert(Fixtures.evidence)
        let afterUpsert = try await store.snapshotID()
        #expect(afterUpsert.hasPrefix("1-"))

        let stored = try await store.saveCase(Fixtures.amlCase, evidence: [])
        let afterSave = try await store.snapshotID()
        #expect(afterSave.hasPrefix("2-"))

        #expect(try await store.deleteCase(id: stored.id))
        let afterDelete = try await store.snapshotID()
        #expect(afterDelete.hasPrefix("3-"))

        try await store.setMetadata("curated-version", "2025.1")
        let afterMetadata = try await store.snapshotID()
        #expect(afterMetadata.hasPrefix("4-"))
        // Setting the same value again changes nothing.
        try await store.setMetadata("curated-version", "2025.1")
        #expect(try await store.snapshotID() == afterMetadata)
        #expect(Set([initial, afterUpsert, afterSave, afterDelete, afterMetadata]).count == 5)
    }

    @Test func metadataRoundTrips() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        #expect(try await store.metadata("curated-version") == nil)
        try await store.setMetadata("curated-version", "2025.1")
        try await store.setMetadata("curated-version", "2025.2")
        try await store.setMetadata("civic-release", "01-Jan-2025")
        #expect(try await store.metadata("curated-version") == "2025.2")
        #expect(try await store.metadata("civic-release") == "01-Jan-2025")
    }

    @Test func snapshotKeyIsReserved() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let before = try await store.snapshotID()
        let error = await #expect(throws: KnowledgeStoreError.self) { try await store.setMetadata("snapshot", "mine") }
        #expect(error?.message == "the metadata key \"snapshot\" is reserved for the store")
        #expect(try await store.snapshotID() == before)
        #expect(try await store.metadata("snapshot") == before)
    }
}
