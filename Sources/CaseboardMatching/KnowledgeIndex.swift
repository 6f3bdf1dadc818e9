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
    /// Cases by exact alteration ("FLT3|D835H"), so similar-case scoring touches each case once
    /// per shared feature instead of comparing every case that shares a gene.
    let casesByAlteration: [String: [Int]]
    /// Cases by OncoTree code, and by drug.
    let casesByDisease: [String: [Int]]
    let casesByDrug: [String: [Int]]
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
        var byAlteration: [String: [Int]] = [:]
        var byDisease: [String: [Int]] = [:]
        var byDrug: [String: [Int]] = [:]
        for (index, summary) in cases.enumerated() {
            for gene in Set(summary.alterations.map(\.gene)) { caseIndex[gene, default: []].append(index) }
            for key in Set(summary.alterations.map(Self.key)) { byAlteration[key, default: []].append(index) }
            for code in Set(summary.diseases) { byDisease[code, default: []].append(index) }
            for drug in Set(summary.drugs) { byDrug[drug, default: []].append(index) }
        }
        casesByGene = caseIndex
        casesByAlteration = byAlteration
        casesByDisease = byDisease
        casesByDrug = byDrug
        self.classRules = classRules
        self.snapshot = snapshot
    }

    /// The exact-alteration key of a pattern.
    static func key(_ pattern: AlterationPattern) -> String {
        "\(pattern.gene)|\(pattern.kind.rawValue)|\(pattern.variant)|\(pattern.partner ?? "")"
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
