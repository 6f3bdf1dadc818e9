import CaseboardKnowledge
import Foundation

/// Every evidence item by gene, in the order of a gene's evidence page (level, then id, by
/// bytes, as the stores sort them), each encoded as the stores encode it (the same JSON value
/// as the store's page gives, see the store contract's evidence pages): the server answers
/// a gene's page from it instead of a query when the store's change feed vouches for what the
/// server knows (PostgreSQL). There a page was a query per request, and the cluster's largest
/// cost: it counted every item of the gene, case evidence included, on every page.
///
/// Kept beside the match index and changed with it (a full load, a catch-up, this server's
/// own writes), so a page answers from the same content as a match.
struct EvidencePages: Sendable {
    /// An item as a page lists it.
    struct Entry: Sendable {
        let level: String
        let id: String
        let json: String
        let genes: [String]
        let caseID: String?
        /// Marked reviewed in the item read. The store's page shows the mark as its stored JSON
        /// has it, which a re-import may have dropped while the mark stays (``KnowledgeStore/allEvidence()``
        /// applies it): such an item's genes are answered by the store.
        let reviewed: Bool

        /// Level, then id, comparing bytes (`COLLATE "C"`).
        func precedes(_ other: Entry) -> Bool {
            if level != other.level { return level.utf8.lexicographicallyPrecedes(other.level.utf8) }
            return id.utf8.lexicographicallyPrecedes(other.id.utf8)
        }

        init(_ item: EvidenceItem, encoder: JSONEncoder) throws {
            level = item.level.rawValue
            id = item.id
            // As the stores encode `item_json`.
            json = String(decoding: try encoder.encode(item), as: UTF8.self)
            genes = EvidencePages.genes(of: item)
            caseID = item.caseID
            reviewed = item.reviewed
        }
    }

    /// What a write or a catch-up changes, encoded before it is applied (outside any lock).
    struct Change: Sendable {
        var deleted: [String] = []
        /// Cases stored (or stored again): each case's evidence replaces what it had.
        var stored: [(caseID: String, entries: [Entry])] = []

        init(deleted: [String] = [], stored: [(caseID: String, evidence: [EvidenceItem])]) throws {
            self.deleted = deleted
            let encoder = EvidencePages.encoder()
            self.stored = try stored.map { caseID, evidence in
                (
                    caseID,
                    try StoreContractChecks.lastOccurrences(evidence).map { item in
                        var owned = item
                        owned.caseID = caseID
                        return try Entry(owned, encoder: encoder)
                    }
                )
            }
        }
    }

    private var byGene: [String: [Entry]] = [:]
    private var byID: [String: Entry] = [:]
    private var idsByCase: [String: [String]] = [:]
    /// How many reviewed entries each gene lists (see ``Entry/reviewed``).
    private var reviewedByGene: [String: Int] = [:]

    init(evidence: [EvidenceItem]) throws {
        let encoder = Self.encoder()
        for item in StoreContractChecks.lastOccurrences(evidence) { insert(try Entry(item, encoder: encoder)) }
    }

    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }

    /// The genes an item is listed under, as the stores' `evidence_gene_level` rows: its genes
    /// and fusion partners, upper-cased, once each.
    static func genes(of item: EvidenceItem) -> [String] {
        var seen: Set<String> = []
        var genes: [String] = []
        for gene in item.profile.components.map(\.gene) + item.profile.components.compactMap(\.partner) {
            let upper = gene.uppercased()
            if seen.insert(upper).inserted { genes.append(upper) }
        }
        return genes
    }

    mutating func apply(_ change: Change) {
        for caseID in change.deleted { remove(caseID: caseID) }
        for (caseID, entries) in change.stored {
            remove(caseID: caseID)
            for entry in entries { insert(entry) }
        }
    }

    /// A page of one gene's evidence (the gene as the store matches it: trimmed, upper-cased);
    /// nil when the gene lists a reviewed item, whose JSON only the store knows.
    func page(gene: String, limit: Int, offset: Int) -> EvidenceJSONPage? {
        let key = gene.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        guard reviewedByGene[key] == nil else { return nil }
        let entries = byGene[key] ?? []
        let start = min(max(offset, 0), entries.count)
        let end = min(start + max(limit, 0), entries.count)
        return EvidenceJSONPage(items: entries[start..<end].map(\.json), total: entries.count)
    }

    private mutating func insert(_ entry: Entry) {
        remove(id: entry.id)
        byID[entry.id] = entry
        if let caseID = entry.caseID { idsByCase[caseID, default: []].append(entry.id) }
        for gene in entry.genes {
            let position = slot(of: entry, gene: gene)
            byGene[gene, default: []].insert(entry, at: position)
            if entry.reviewed { reviewedByGene[gene, default: 0] += 1 }
        }
    }

    private mutating func remove(caseID: String) {
        for id in idsByCase.removeValue(forKey: caseID) ?? [] { remove(id: id) }
    }

    private mutating func remove(id: String) {
        guard let entry = byID.removeValue(forKey: id) else { return }
        if let caseID = entry.caseID { idsByCase[caseID]?.removeAll { $0 == id } }
        for gene in entry.genes {
            let position = slot(of: entry, gene: gene)
            guard position < byGene[gene]?.count ?? 0, byGene[gene]?[position].id == id else { continue }
            byGene[gene]?.remove(at: position)
            if byGene[gene]?.isEmpty == true { byGene[gene] = nil }
            if entry.reviewed {
                reviewedByGene[gene, default: 0] -= 1
                if reviewedByGene[gene] == 0 { reviewedByGene[gene] = nil }
            }
        }
    }

    /// The first position in `gene`'s entries whose entry does not precede `entry` (binary
    /// search; no copy of the entries is kept, so they are then changed in place).
    private func slot(of entry: Entry, gene: String) -> Int {
        guard let entries = byGene[gene] else { return 0 }
        var low = 0
        var high = entries.count
        while low < high {
            let middle = (low + high) / 2
            if entries[middle].precedes(entry) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
