import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies

/// The knowledge base as matching reads it: evidence and case summaries in memory, indexed by
/// gene, built once per snapshot so each match touches only the rows its genes point to.
public struct KnowledgeIndex: Sendable {
    public private(set) var snapshot: String
    /// Evidence behind references, so a match passes one pointer per candidate instead of
    /// copying whole items.
    private(set) var evidence: [EvidenceBox]
    private(set) var evidenceByGene: [String: [Int]]
    private(set) var cases: [CaseSummary]
    private(set) var casesByGene: [String: [Int]]
    /// Cases by exact alteration ("FLT3|D835H"), so similar-case scoring touches each case once
    /// per shared feature instead of comparing every case that shares a gene.
    private(set) var casesByAlteration: [String: [Int]]
    /// Cases by OncoTree code, and by drug.
    private(set) var casesByDisease: [String: [Int]]
    private(set) var casesByDrug: [String: [Int]]
    /// How many case reports make each claim (profile, drugs, significance, disease). Only the
    /// first few of a claim are indexed for matching: a thousand reports of FLT3-ITD AML on
    /// gilteritinib say one thing, and a match should not walk them all.
    private(set) var caseClaimCounts: [String: Int]
    let classRules: [ClassRule]

    /// Case reports indexed per claim (the option shows one and states the count).
    public static let caseReportsPerClaim = 1

    public init(evidence: [EvidenceItem], cases: [CaseSummary], classRules: [ClassRule], snapshot: String) {
        // Only therapy-predictive evidence that supports its claim guides options and alerts.
        let usable = Self.usable(evidence)
        self.evidence = usable.map(EvidenceBox.init)
        var byGene: [String: [Int]] = [:]
        var claims: [String: Int] = [:]
        for (index, item) in usable.enumerated() {
            if let claim = Self.caseClaim(item) {
                claims[claim, default: 0] += 1
                if claims[claim]! > Self.caseReportsPerClaim { continue }
            }
            for gene in Set(item.genes) { byGene[gene, default: []].append(index) }
        }
        evidenceByGene = byGene
        caseClaimCounts = claims
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

    /// The index with one more stored case and its evidence, without reloading anything:
    /// the server applies its own writes this way. A case that replaces one already indexed
    /// rebuilds the index from memory instead.
    public func adding(_ summary: CaseSummary, evidence items: [EvidenceItem], snapshot: String) -> KnowledgeIndex {
        if cases.contains(where: { $0.id == summary.id }) {
            let kept = evidence.map(\.item).filter { $0.caseID != summary.id } + items
            return KnowledgeIndex(evidence: kept, cases: cases.filter { $0.id != summary.id } + [summary], classRules: classRules, snapshot: snapshot)
        }
        var copy = self
        copy.snapshot = snapshot
        let usable = Self.usable(items)
        for item in usable {
            let position = copy.evidence.count
            copy.evidence.append(EvidenceBox(item))
            if let claim = Self.caseClaim(item) {
                copy.caseClaimCounts[claim, default: 0] += 1
                if copy.caseClaimCounts[claim]! > Self.caseReportsPerClaim { continue }
            }
            for gene in Set(item.genes) { copy.evidenceByGene[gene, default: []].append(position) }
        }
        let position = copy.cases.count
        copy.cases.append(summary)
        for gene in Set(summary.alterations.map(\.gene)) { copy.casesByGene[gene, default: []].append(position) }
        for key in Set(summary.alterations.map(Self.key)) { copy.casesByAlteration[key, default: []].append(position) }
        for code in Set(summary.diseases) { copy.casesByDisease[code, default: []].append(position) }
        for drug in Set(summary.drugs) { copy.casesByDrug[drug, default: []].append(position) }
        return copy
    }

    /// The index without a stored case and its evidence, rebuilt from memory.
    public func removing(caseID: String, snapshot: String) -> KnowledgeIndex {
        KnowledgeIndex(
            evidence: evidence.map(\.item).filter { $0.caseID != caseID },
            cases: cases.filter { $0.id != caseID },
            classRules: classRules,
            snapshot: snapshot
        )
    }

    /// Therapy-predictive evidence that supports its claim; substitutes split into one item per
    /// drug, since they are alternatives, not a combination.
    static func usable(_ evidence: [EvidenceItem]) -> [EvidenceItem] {
        evidence.filter { $0.evidenceType == .predictive && $0.direction == .supports && !$0.drugs.isEmpty }.flatMap { item -> [EvidenceItem] in
            guard item.interaction == .substitutes, item.drugs.count > 1 else { return [item] }
            return item.drugs.map { drug in
                var single = item
                single.drugs = [drug]
                single.interaction = nil
                return single
            }
        }
    }

    /// The claim a case-report item makes, or nil for other sources.
    static func caseClaim(_ item: EvidenceItem) -> String? {
        guard item.source == .caseReport else { return nil }
        let profile = item.profile.components.map(key).joined(separator: "&")
        return "\(profile)#\(item.drugs.sorted().joined(separator: "+"))#\(item.significance.rawValue)#\(item.disease.oncotree ?? item.disease.name)"
    }

    /// How many case reports in all make the same claim as `item`.
    func caseReports(claimingLike item: EvidenceItem) -> Int {
        Self.caseClaim(item).flatMap { caseClaimCounts[$0] } ?? 0
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

/// One evidence item, shared by reference.
final class EvidenceBox: Sendable {
    let item: EvidenceItem

    init(_ item: EvidenceItem) {
        self.item = item
    }
}
