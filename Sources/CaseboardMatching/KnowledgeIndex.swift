import CaseboardCore
import CaseboardKnowledge
import CaseboardVocabularies

/// The knowledge base as matching reads it: evidence and case summaries in memory, indexed by
/// gene, built once per snapshot so each match touches only the rows its genes point to.
public struct KnowledgeIndex: Sendable {
    public private(set) var snapshot: String
    /// Evidence behind references, so a match passes one pointer per candidate instead of
    /// copying whole items; nil where a removed or replaced case's evidence was. Chunked and
    /// sharded storage keeps adding or removing a case on a copy cheap.
    private(set) var evidence: ChunkedArray<EvidenceBox?>
    private(set) var evidenceByGene: ShardedDictionary<String, [Int]>
    /// Disease-level rows (no alteration to match) by their OncoTree code.
    private(set) var evidenceByDisease: [String: [Int]]
    /// The OncoTree codes of curated rows by drug, to settle an ambiguous disease abbreviation by
    /// the drugs a patient had ("MM" after lenalidomide is myeloma). Curated rows are never removed.
    private(set) var curatedDiseasesByDrug: [String: Set<String>]
    /// Case summaries behind references; nil where a removed or replaced case was.
    private(set) var cases: ChunkedArray<CaseBox?>
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
    /// Every evidence position of a claim, in order, so a removed representative can be
    /// replaced by the next report of the same claim.
    private var claimPositions: ShardedDictionary<String, [Int]>
    /// Where each stored case and its evidence sit.
    private var casePositions: ShardedDictionary<String, Int>
    private var evidenceByCase: ShardedDictionary<String, [Int]>
    /// Removed entries still taking a slot; the index compacts when they dominate.
    private var removedEntries = 0
    private var removedCases = 0
    let classRules: [ClassRule]

    /// Case reports indexed per claim (the option shows one and states the count).
    public static let caseReportsPerClaim = 1

    public init(evidence: [EvidenceItem], cases: [CaseSummary], classRules: [ClassRule], snapshot: String) {
        self.evidence = ChunkedArray()
        evidenceByGene = ShardedDictionary()
        evidenceByDisease = [:]
        curatedDiseasesByDrug = [:]
        caseClaimCounts = ShardedDictionary()
        claimPositions = ShardedDictionary()
        self.cases = ChunkedArray()
        casesByGene = ShardedDictionary()
        casesByAlteration = ShardedDictionary()
        casesByDisease = ShardedDictionary()
        casesByDrug = ShardedDictionary()
        casePositions = ShardedDictionary()
        evidenceByCase = ShardedDictionary()
        self.classRules = classRules
        self.snapshot = snapshot
        append(evidence: evidence)
        for summary in cases { append(summary) }
    }

    /// A stored case to add to the index, with the evidence derived from it.
    public struct CaseAddition: Sendable {
        public var summary: CaseSummary
        public var evidence: [EvidenceItem]

        public init(summary: CaseSummary, evidence: [EvidenceItem]) {
            self.summary = summary
            self.evidence = evidence
        }
    }

    /// The index with one more stored case and its evidence, replacing an earlier version of
    /// the same case, without reloading anything.
    public func adding(_ summary: CaseSummary, evidence items: [EvidenceItem], snapshot: String) -> KnowledgeIndex {
        adding([CaseAddition(summary: summary, evidence: items)], snapshot: snapshot)
    }

    /// The index with a batch of stored cases added in order, each replacing an earlier version
    /// of itself: the server applies its own writes this way. Only the touched chunks and
    /// shards are copied, so the cost does not grow with the size of the index.
    public func adding(_ additions: [CaseAddition], snapshot: String) -> KnowledgeIndex {
        var copy = self
        copy.snapshot = snapshot
        for addition in additions {
            copy.remove(caseID: addition.summary.id)
            copy.append(
                evidence: addition.evidence.map { item in
                    var owned = item
                    owned.caseID = addition.summary.id
                    return owned
                }
            )
            copy.append(addition.summary)
        }
        return copy.compactedIfSparse()
    }

    /// The index without a stored case and its evidence.
    public func removing(caseID: String, snapshot: String) -> KnowledgeIndex {
        var copy = self
        copy.snapshot = snapshot
        copy.remove(caseID: caseID)
        return copy.compactedIfSparse()
    }

    private mutating func append(evidence items: [EvidenceItem]) {
        // Only therapy-predictive evidence that supports its claim guides options and alerts.
        for item in Self.usable(items) {
            let position = evidence.count
            let box = EvidenceBox(item)
            evidence.append(box)
            if let caseID = item.caseID { evidenceByCase.update(caseID, default: []) { $0.append(position) } }
            if let claim = box.claim {
                claimPositions.update(claim, default: []) { $0.append(position) }
                let reports = caseClaimCounts.update(claim, default: 0) { count -> Int in
                    count += 1
                    return count
                }
                if reports > Self.caseReportsPerClaim { continue }
            }
            indexByGene(position, item)
        }
    }

    private mutating func indexByGene(_ position: Int, _ item: EvidenceItem) {
        if item.isDiseaseLevel, let code = item.disease.oncotree { evidenceByDisease[code, default: []].append(position) }
        if item.source == .curated, !item.disease.tumorAgnostic, let code = item.disease.oncotree {
            for drug in item.drugs { curatedDiseasesByDrug[drug, default: []].insert(code) }
        }
        for gene in Set(item.genes) { evidenceByGene.update(gene, default: []) { $0.append(position) } }
    }

    private mutating func append(_ summary: CaseSummary) {
        let position = cases.count
        cases.append(CaseBox(summary))
        casePositions.update(summary.id, default: position) { $0 = position }
        for gene in Set(summary.alterations.map(\.gene)) { casesByGene.update(gene, default: []) { $0.append(position) } }
        for key in Set(summary.alterations.map(Self.key)) { casesByAlteration.update(key, default: []) { $0.append(position) } }
        for code in Set(summary.diseases) { casesByDisease.update(code, default: []) { $0.append(position) } }
        for drug in Set(summary.drugs) { casesByDrug.update(drug, default: []) { $0.append(position) } }
    }

    /// Leaves a tombstone where the case and its evidence were. Postings keep the positions and
    /// matching skips them; a claim whose indexed report goes promotes its next live report.
    private mutating func remove(caseID: String) {
        if let position = casePositions.removeValue(forKey: caseID) {
            cases[position] = nil
            removedEntries += 1
            removedCases += 1
        }
        for position in evidenceByCase.removeValue(forKey: caseID) ?? [] {
            guard let claim = evidence[position].map({ $0.claim }) else { continue }
            let wasIndexed = claim.map { claimRepresentatives($0).contains(position) } ?? true
            evidence[position] = nil
            removedEntries += 1
            guard let claim else { continue }
            let remaining = caseClaimCounts.update(claim, default: 1) { count -> Int in
                count -= 1
                return count
            }
            if remaining <= 0 {
                caseClaimCounts.removeValue(forKey: claim)
                claimPositions.removeValue(forKey: claim)
            } else if wasIndexed {
                // The next live report of the claim stands in for the removed one.
                let representatives = claimRepresentatives(claim)
                if representatives.count == Self.caseReportsPerClaim, let next = representatives.last, let nextItem = evidence[next]?.item {
                    indexByGene(next, nextItem)
                }
            }
        }
    }

    /// Whether some case position holds a removed case (matching must then check positions).
    var hasRemovedCases: Bool { removedCases > 0 }

    func isLiveCase(at position: Int) -> Bool { cases[position] != nil }

    /// The live positions of a claim that are indexed by gene: its first few live reports.
    private func claimRepresentatives(_ claim: String) -> [Int] {
        var result: [Int] = []
        for position in claimPositions[claim] ?? [] where evidence[position] != nil {
            result.append(position)
            if result.count == Self.caseReportsPerClaim { break }
        }
        return result
    }

    /// Rebuilds from the live entries once tombstones outnumber them, so postings stay short.
    private func compactedIfSparse() -> KnowledgeIndex {
        guard removedEntries > 1_000, removedEntries > (evidence.count + cases.count) / 2 else { return self }
        return KnowledgeIndex(
            evidence: evidence.compactMap { $0?.item },
            cases: cases.compactMap { $0?.summary },
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

    /// The stored cases behind the reports making the same claim as `box` (for a case-report
    /// item), or its own case; at most `limit`, so a claim with thousands of reports is not walked.
    func caseIDs(claimingLike box: EvidenceBox, limit: Int) -> [String] {
        guard let claim = box.claim else { return box.item.caseID.map { [$0] } ?? [] }
        var result: [String] = []
        for position in claimPositions[claim] ?? [] {
            guard let caseID = evidence[position]?.item.caseID, !result.contains(caseID) else { continue }
            result.append(caseID)
            if result.count == limit { break }
        }
        return result
    }

    /// How many case reports in all make the same claim as `item`.
    func caseReports(claimingLike box: EvidenceBox) -> Int {
        box.claim.flatMap { caseClaimCounts[$0] } ?? 0
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

/// One case summary, shared by reference, so copying a chunk of the index or checking a slot
/// retains one object instead of every field.
final class CaseBox: Sendable {
    let summary: CaseSummary

    init(_ summary: CaseSummary) {
        self.summary = summary
    }
}

/// One evidence item, shared by reference.
final class EvidenceBox: Sendable {
    let item: EvidenceItem
    /// The claim of a case-report item, worked out once.
    let claim: String?
    /// The item's drugs, sorted and joined: how options ("a + b") and resistance alerts ("a+b")
    /// group items, worked out once instead of in every match.
    let optionKey: String
    let alertKey: String
    let drugSet: Set<String>
    /// The scope each profile component is matched within.
    let scopes: [AlterationScope]

    init(_ item: EvidenceItem) {
        self.item = item
        claim = KnowledgeIndex.caseClaim(item)
        let sorted = item.drugs.sorted()
        optionKey = sorted.joined(separator: " + ")
        alertKey = sorted.joined(separator: "+")
        drugSet = Set(sorted)
        scopes = item.profile.components.map { item.alterationScope(of: $0) }
    }
}
