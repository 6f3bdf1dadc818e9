import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies

/// The knowledge base as matching reads it: evidence and case summaries in memory, indexed by
/// gene, built once per snapshot so each match touches only the rows its genes point to.
public struct KnowledgeIndex: Sendable {
    public let snapshot: String
    let evidence: [EvidenceItem]
    let evidenceByGene: [String: [Int]]
    let cases: [CaseSummary]
    let casesByGene: [String: [Int]]
    let classRules: [ClassRule]

    public init(evidence: [EvidenceItem], cases: [CaseSummary], classRules: [ClassRule], snapshot: String) {
        // Only therapy-predictive evidence that supports its claim guides options and alerts.
        let predictive = evidence.filter { $0.evidenceType == .predictive && $0.direction == .supports && !$0.drugs.isEmpty }
        // Substitutes are alternatives: each drug stands on its own, not as a combination.
        let usable = predictive.flatMap { item -> [EvidenceItem] in
            guard item.interaction == .substitutes, item.drugs.count > 1 else { return [item] }
            return item.drugs.map { drug in
                var single = item
                single.drugs = [drug]
                single.interaction = nil
                return single
            }
        }
        self.evidence = usable
        var byGene: [String: [Int]] = [:]
        for (index, item) in usable.enumerated() {
            for gene in Set(item.genes) { byGene[gene, default: []].append(index) }
        }
        evidenceByGene = byGene
        self.cases = cases
        var caseIndex: [String: [Int]] = [:]
        for (index, summary) in cases.enumerated() {
            for gene in Set(summary.alterations.map(\.gene)) { caseIndex[gene, default: []].append(index) }
        }
        casesByGene = caseIndex
        self.classRules = classRules
        self.snapshot = snapshot
    }

    /// Reads everything from a store.
    public static func load(from store: any KnowledgeStore, vocabularies: Vocabularies) async throws -> KnowledgeIndex {
        async let evidence = store.allEvidence()
        async let cases = store.caseSummaries()
        async let snapshot = store.snapshotID()
        return KnowledgeIndex(
            evidence: try await evidence,
            cases: try await cases,
            classRules: try ClassRule.loadBundled(vocabularies: vocabularies),
            snapshot: try await snapshot
        )
    }
}
