import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import Testing

@Suite("SQLite store: review marks")
struct EvidenceReviewTests {
    @Test func aReviewMarkLoadsWithTheItemAndOutlivesReimport() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await store.upsert(Fixtures.evidence)
        let id = try #require(Fixtures.evidence.first?.id)
        let before = try await store.snapshotID()
        #expect(try await store.setReviewed(id, true))
        #expect(try await store.snapshotID() != before)
        #expect(try await store.allEvidence().first { $0.id == id }?.reviewed == true)
        // Re-importing the item as its source has it keeps the curator's mark.
        _ = try await store.upsert(Fixtures.evidence)
        #expect(try await store.allEvidence().first { $0.id == id }?.reviewed == true)
        #expect(try await store.setReviewed(id, false))
        #expect(try await store.allEvidence().first { $0.id == id }?.reviewed == false)
        #expect(try await store.setReviewed("curated:no-such-id", true) == false)
    }
}
