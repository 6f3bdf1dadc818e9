import CaseboardCore
import Foundation

/// Where Caseboard keeps evidence and the cases it has read. SQLite is the embedded default;
/// a PostgreSQL store can implement the same protocol, and matching sees only this protocol.
///
/// Every write is one transaction: a failed import or save leaves the store as it was.
public protocol KnowledgeStore: Sendable {
    /// Inserts or replaces evidence items by id.
    func upsert(_ items: [EvidenceItem]) async throws -> Int

    /// Replaces every evidence item of `source` with `items` and sets `metadata`, in one
    /// transaction: a new release of a source leaves none of the rows it dropped behind.
    ///
    /// - Returns: How many distinct items were written.
    /// - Throws: ``KnowledgeStoreError`` when an item is of another source, for case evidence
    ///   (it belongs to its case), or for a reserved metadata key; nothing is written then.
    func replaceEvidence(of source: EvidenceSource, with items: [EvidenceItem], metadata: [String: String]) async throws -> Int

    /// Every evidence item, for building the in-memory match index.
    func allEvidence() async throws -> [EvidenceItem]

    /// Evidence filtered and paginated, newest rules last; `query` searches the full text.
    func evidence(matching filter: EvidenceFilter) async throws -> EvidencePage

    /// The same page as `evidence(matching:)`, each item as its JSON text, for callers that pass
    /// items on as JSON without looking inside them.
    func evidenceJSON(matching filter: EvidenceFilter) async throws -> EvidenceJSONPage

    /// Stores a case (and the evidence derived from it) and returns its id.
    func saveCase(_ record: CaseRecord, evidence: [EvidenceItem]) async throws -> StoredCase

    /// Stores several cases in one transaction, each in its own savepoint: a case that fails
    /// is reported in its outcome and leaves the others in place. The snapshot changes once.
    func saveCases(_ submissions: [CaseSubmission]) async throws -> CaseBatchResult

    func storedCase(id: String) async throws -> StoredCase?

    /// Removes a case and its derived evidence; false if there was no such case.
    func deleteCase(id: String) async throws -> Bool

    /// Cases, most recent first; `query` searches their text.
    func cases(query: String?, limit: Int, offset: Int) async throws -> [StoredCase]

    /// Every case as a compact summary, for the similar-case index.
    func caseSummaries() async throws -> [CaseSummary]

    func stats() async throws -> KnowledgeStats

    /// Changes whenever the store's content changes; match results name it.
    func snapshotID() async throws -> String

    /// A value the store keeps about itself, such as the curated table version it was seeded with.
    func metadata(_ key: String) async throws -> String?

    func setMetadata(_ key: String, _ value: String) async throws
}

extension KnowledgeStore {
    /// One case at a time, for stores without batched writes. Not atomic as a batch, and the
    /// snapshot is read after the last save, so it may include another writer's change.
    public func saveCases(_ submissions: [CaseSubmission]) async throws -> CaseBatchResult {
        var outcomes: [Result<CaseSaveOutcome, KnowledgeStoreError>] = []
        for submission in submissions {
            do {
                let replaced = try await storedCase(id: CaseIdentity.id(for: submission.record)) != nil
                let stored = try await saveCase(submission.record, evidence: submission.evidence)
                outcomes.append(.success(CaseSaveOutcome(stored: stored, replaced: replaced)))
            } catch let error as KnowledgeStoreError {
                outcomes.append(.failure(error))
            } catch {
                outcomes.append(.failure(KnowledgeStoreError("\(error)")))
            }
        }
        return CaseBatchResult(outcomes: outcomes, snapshot: try await snapshotID())
    }
}

extension KnowledgeStore {
    /// Encodes the decoded page, for stores that keep no JSON of their own.
    public func evidenceJSON(matching filter: EvidenceFilter) async throws -> EvidenceJSONPage {
        let page = try await evidence(matching: filter)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return EvidenceJSONPage(items: try page.items.map { String(decoding: try encoder.encode($0), as: UTF8.self) }, total: page.total)
    }
}

/// A page of evidence with each item as the JSON text `EvidenceItem`'s `Codable` writes.
public struct EvidenceJSONPage: Sendable, Hashable {
    public var items: [String]
    /// How many items match in all.
    public var total: Int

    public init(items: [String], total: Int) {
        self.items = items
        self.total = total
    }
}

/// A case to store, with the evidence derived from it.
public struct CaseSubmission: Sendable {
    public var record: CaseRecord
    public var evidence: [EvidenceItem]

    public init(record: CaseRecord, evidence: [EvidenceItem]) {
        self.record = record
        self.evidence = evidence
    }
}

/// What storing one case of a batch did.
public struct CaseSaveOutcome: Sendable {
    public var stored: StoredCase
    /// Whether an earlier save of the same case was replaced.
    public var replaced: Bool

    public init(stored: StoredCase, replaced: Bool) {
        self.stored = stored
        self.replaced = replaced
    }
}

/// The outcomes of a batch of case saves, in submission order, and the store's snapshot id
/// right after the batch committed.
public struct CaseBatchResult: Sendable {
    public var outcomes: [Result<CaseSaveOutcome, KnowledgeStoreError>]
    public var snapshot: String

    public init(outcomes: [Result<CaseSaveOutcome, KnowledgeStoreError>], snapshot: String) {
        self.outcomes = outcomes
        self.snapshot = snapshot
    }
}

/// What to look for in `evidence(matching:)`. Unset fields do not filter.
public struct EvidenceFilter: Sendable, Hashable {
    public var gene: String?
    public var alteration: String?
    /// An OncoTree code or a disease name.
    public var disease: String?
    public var drug: String?
    public var level: EvidenceLevel?
    public var source: EvidenceSource?
    /// Full-text search over statements, genes, variants, diseases, drugs and citations.
    public var query: String?
    public var limit: Int
    public var offset: Int

    public init(
        gene: String? = nil,
        alteration: String? = nil,
        disease: String? = nil,
        drug: String? = nil,
        level: EvidenceLevel? = nil,
        source: EvidenceSource? = nil,
        query: String? = nil,
        limit: Int = 50,
        offset: Int = 0
    ) {
        self.gene = gene
        self.alteration = alteration
        self.disease = disease
        self.drug = drug
        self.level = level
        self.source = source
        self.query = query
        self.limit = limit
        self.offset = offset
    }
}

public struct EvidencePage: Sendable, Codable, Hashable {
    public var items: [EvidenceItem]
    /// How many items match in all.
    public var total: Int

    public init(items: [EvidenceItem], total: Int) {
        self.items = items
        self.total = total
    }
}

/// A case as stored: the record, plus when and from where it came.
public struct StoredCase: Sendable, Codable, Hashable, Identifiable {
    public var id: String
    public var record: CaseRecord
    /// ISO 8601.
    public var importedAt: String

    enum CodingKeys: String, CodingKey {
        case id, record
        case importedAt = "imported_at"
    }

    public init(id: String, record: CaseRecord, importedAt: String) {
        self.id = id
        self.record = record
        self.importedAt = importedAt
    }
}

/// What the similar-case search compares.
public struct CaseSummary: Sendable, Codable, Hashable {
    public var id: String
    public var title: String?
    public var pmid: String?
    /// OncoTree codes of the cancers.
    public var diseases: [String]
    public var alterations: [AlterationPattern]
    /// INNs given, in line order.
    public var drugs: [String]

    public init(id: String, title: String?, pmid: String?, diseases: [String], alterations: [AlterationPattern], drugs: [String]) {
        self.id = id
        self.title = title
        self.pmid = pmid
        self.diseases = diseases
        self.alterations = alterations
        self.drugs = drugs
    }

    /// The summary of a case record.
    public init(id: String, record: CaseRecord) {
        self.init(
            id: id,
            title: record.title,
            pmid: record.metadata.pmid,
            diseases: record.diagnoses.compactMap(\.oncotree),
            alterations: record.alterations.map(AlterationPattern.init),
            drugs: record.therapies.flatMap(\.drugs)
        )
    }
}

public struct KnowledgeStats: Sendable, Codable, Hashable {
    /// Evidence counts by source, then by significance and by level.
    public var evidenceBySource: [String: Int]
    public var evidenceBySignificance: [String: Int]
    public var evidenceByLevel: [String: Int]
    public var evidenceByType: [String: Int]
    public var cases: Int
    public var snapshotID: String

    enum CodingKeys: String, CodingKey {
        case cases
        case evidenceBySource = "evidence_by_source"
        case evidenceBySignificance = "evidence_by_significance"
        case evidenceByLevel = "evidence_by_level"
        case evidenceByType = "evidence_by_type"
        case snapshotID = "snapshot_id"
    }

    public init(
        evidenceBySource: [String: Int],
        evidenceBySignificance: [String: Int],
        evidenceByLevel: [String: Int],
        evidenceByType: [String: Int],
        cases: Int,
        snapshotID: String
    ) {
        self.evidenceBySource = evidenceBySource
        self.evidenceBySignificance = evidenceBySignificance
        self.evidenceByLevel = evidenceByLevel
        self.evidenceByType = evidenceByType
        self.cases = cases
        self.snapshotID = snapshotID
    }
}

/// Store failures, with what the user can do about them.
public struct KnowledgeStoreError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var path: String?

    public init(_ message: String, path: String? = nil) {
        self.message = message
        self.path = path
    }

    public var description: String {
        (path.map { "\($0): " } ?? "") + "error: " + message
    }
}
