import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies

/// The knowledge base as matching reads it: evidence and case summaries in memory, indexed by
/// gene, built once per snapshot so each match touches only the rows its genes point to.
public struct KnowledgeIndex: Sendable {
    public private(set) var snapshot: String
    /// Evidence behind references, so a match passes one pointer per candidate instead of
    /// copying whole items. Chunked and sharded storage keeps adding a case to a copy cheap.
    private(set) var evidence: ChunkedArray<EvidenceBox>
    private(set) var evidenceByGene: ShardedDictionary<String, [Int]>
    private(set) var cases: ChunkedArray<CaseSummary>
    private(set) var casesByGene: ShardedDictionary<String, [Int]>
    /// Cases by exact alteration ("FLT3|D835H"), so similar-case scoring touches each case once
    /// per shared feature instead of comparing every case that shares a gene.
    private(set) var casesByAlteration: ShardedDictionary<String, [Int]>
    /// Cases by OncoTree code, and by drug.
    private(set) var casesByDisease: ShardedDictionary<String, [Int]>
    private(set) var casesByDrug: ShardedDictionary<String, [Int]>
    /// How many case reports make each claim (profile, drugs, significance, disease). Only the
    /// first few of a claim are indexed for matching: a thousand reports of FLT3-ITD AML on
    /// gilteritinib say one thing, and a match should not walk them all.
    private(set) var caseClaimCounts: ShardedDictionary<String, Int>
    let classRules: [ClassRule]

    /// Case reports indexed per claim (the option shows one and states the count).
    public static let caseReportsPerClaim = 1

    public init(evidence: [EvidenceItem], cases: [CaseSummary], classRules: [ClassRule], snapshot: String) {
        self.evidence = ChunkedArray()
        evidenceByGene = ShardedDictionary()
        caseClaimCounts = ShardedDictionary()
        self.cases = ChunkedArray()
        casesByGene = ShardedDictionary()
        casesByAlteration = ShardedDictionary()
        casesByDisease = ShardedDictionary()
        casesByDrug = ShardedDictionary()
        self.classRules = classRules
        self.snapshot = snapshot
        append(evidence: evidence)
        for summary in cases { append(summary) }
    }

    /// A stored case to add to the index, with the evidence derived from it.
    public struct CaseAddition: Sendable {
        public var summary: CaseSummary
        public var evidence: [EvidenceItem]
        /// Whether the store replaced an earlier save of this case; such an addition rebuilds
        /// the index from memory so the old save's evidence goes.
        public var replacesStoredCase: Bool

        public init(summary: CaseSummary, evidence: [EvidenceItem], replacesStoredCase: Bool) {
            self.summary = summary
            self.evidence = evidence
            self.replacesStoredCase = replacesStoredCase
        }
    }

    /// The index with one more stored case and its evidence, without reloading anything. A
    /// case that replaces one already indexed rebuilds the index from memory instead.
    public func adding(_ summary: CaseSummary, evidence items: [EvidenceItem], snapshot: String) -> KnowledgeIndex {
        adding(
            [CaseAddition(summary: summary, evidence: items, replacesStoredCase: cases.contains { $0.id == summary.id })],
            snapshot: snapshot
        )
    }

    /// The index with a batch of stored cases added, in order, without reloading anything: the
    /// server applies its own writes this way. Only the touched chunks and shards are copied,
    /// unless a case replaces an earlier save, which rebuilds the index from memory.
    public func adding(_ additions: [CaseAddition], snapshot: String) -> KnowledgeIndex {
        if additions.contains(where: \.replacesStoredCase) {
            let replaced = Set(additions.map(\.summary.id))
            return KnowledgeIndex(
                evidence: evidence.map(\.item).filter { $0.caseID.map { !replaced.contains($0) } ?? true } + additions.flatMap(\.evidence),
                cases: cases.filter { !replaced.contains($0.id) } + additions.map(\.summary),
                classRules: classRules,
                snapshot: snapshot
            )
        }
        var copy = self
        copy.snapshot = snapshot
        for addition in additions {
            copy.append(evidence: addition.evidence)
            copy.append(addition.summary)
        }
        return copy
    }

    private mutating func append(evidence items: [EvidenceItem]) {
        // Only therapy-predictive evidence that supports its claim guides options and alerts.
        for item in Self.usable(items) {
            let position = evidence.count
            evidence.append(EvidenceBox(item))
            if let claim = Self.caseClaim(item) {
                let reports = caseClaimCounts.update(claim, default: 0) { count -> Int in
                    count += 1
                    return count
                }
                if reports > Self.caseReportsPerClaim { continue }
            }
            for gene in Set(item.genes) { evidenceByGene.update(gene, default: []) { $0.append(position) } }
        }
    }

    private mutating func append(_ summary: CaseSummary) {
        let position = cases.count
        cases.append(summary)
        for gene in Set(summary.alterations.map(\.gene)) { casesByGene.update(gene, default: []) { $0.append(position) } }
        for key in Set(summary.alterations.map(Self.key)) { casesByAlteration.update(key, default: []) { $0.append(position) } }
        for code in Set(summary.diseases) { casesByDisease.update(code, default: []) { $0.append(position) } }
        for drug in Set(summary.drugs) { casesByDrug.update(drug, default: []) { $0.append(position) } }
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
