import CaseboardCore
import CaseboardKnowledge

/// A test double's base: every read and write goes to `inner`, so a double implements only the
/// calls it counts, holds or changes. The change feed's vouching (``KnowledgeStore/knownSnapshot()``,
/// ``KnowledgeStore/vouchesForSnapshots``, ``KnowledgeStore/caseChanges(after:)``) keeps the
/// protocol's defaults (none) unless a double plays it, so a wrapped store that has a feed
/// does not vouch through a double by accident.
protocol ForwardingStore: KnowledgeStore {
    var inner: any KnowledgeStore { get }
}

extension ForwardingStore {
    func upsert(_ items: [EvidenceItem]) async throws -> Int { try await inner.upsert(items) }
    func replaceEvidence(of source: EvidenceSource, with items: [EvidenceItem], metadata: [String: String]) async throws -> Int {
        try await inner.replaceEvidence(of: source, with: items, metadata: metadata)
    }
    func allEvidence() async throws -> [EvidenceItem] { try await inner.allEvidence() }
    func evidence(matching filter: EvidenceFilter) async throws -> EvidencePage { try await inner.evidence(matching: filter) }
    func evidenceJSON(matching filter: EvidenceFilter) async throws -> EvidenceJSONPage { try await inner.evidenceJSON(matching: filter) }
    func saveCase(_ record: CaseRecord, evidence: [EvidenceItem]) async throws -> StoredCase {
        try await inner.saveCase(record, evidence: evidence)
    }
    func saveCases(_ submissions: [CaseSubmission]) async throws -> CaseBatchResult { try await inner.saveCases(submissions) }
    func storedCase(id: String) async throws -> StoredCase? { try await inner.storedCase(id: id) }
    func deleteCase(id: String) async throws -> Bool { try await inner.deleteCase(id: id) }
    func cases(query: String?, limit: Int, offset: Int) async throws -> [StoredCase] {
        try await inner.cases(query: query, limit: limit, offset: offset)
    }
    func caseSummaries() async throws -> [CaseSummary] { try await inner.caseSummaries() }
    func stats() async throws -> KnowledgeStats { try await inner.stats() }
    func snapshotID() async throws -> String { try await inner.snapshotID() }
    func changes() -> AsyncStream<String> { inner.changes() }
    func metadata(_ key: String) async throws -> String? { try await inner.metadata(key) }
    func setMetadata(_ key: String, _ value: String) async throws { try await inner.setMetadata(key, value) }
    func allMetadata() async throws -> [String: String] { try await inner.allMetadata() }
    func rememberedDeletions() async throws -> [RememberedDeletion] { try await inner.rememberedDeletions() }
    func restore(_ content: KnowledgeContent) async throws { try await inner.restore(content) }
}
