import CaseboardCore
import Foundation

/// Where Caseboard keeps evidence and the cases it has read. SQLite (one file, one machine) and
/// PostgreSQL (one database shared by several servers and workers) implement it; matching, the
/// server and the CLI see only this protocol.
///
/// ## The store contract
///
/// Every implementation keeps these rules; `CaseboardStoreConformanceTests` runs one suite
/// against each store to hold it to them.
///
/// ### Snapshots and changes
/// - A snapshot id names one committed state of the content (evidence, cases, metadata, review
///   marks). It reads `<generation>-<token>`; ``KnowledgeSnapshot`` parses it, and nothing else
///   may look inside it.
/// - The generation grows by exactly one with every committed transaction that changed content,
///   whoever wrote it: this process, another process, another server on the same database. A
///   write that changes nothing (setting a metadata value it already has, deleting a case that
///   is not there, an empty batch) leaves the snapshot as it was. The token tells stores (or a
///   recreated database) apart, so equal ids mean the same content.
/// - ``snapshotID()`` sees every commit that finished before it was called, in any process.
///   A write's own result (``CaseBatchResult/snapshot``) is the id its commit produced, so a
///   writer that finds `generation == known + 1` knows no one else wrote in between.
/// - ``changes()`` is how a reader learns that someone else wrote without asking on every
///   request: it yields the new snapshot id after commits by any writer, within about a second
///   (PostgreSQL: LISTEN/NOTIFY, sent by the committing transaction; SQLite, which has no
///   notification across processes: a look at the generation every 100 ms). Several commits
///   may be told as one, with the latest id.
/// - ``knownSnapshot()`` is the newest id this store instance has seen without asking again:
///   every id it read or wrote, and every id ``changes()`` told. A store returns it only while it
///   can vouch that its change feed misses no commit (PostgreSQL: while its LISTEN session holds,
///   so other writers' commits are in it once their notification arrives, well under a
///   second); otherwise (SQLite, or PostgreSQL while reconnecting) it returns nil. A reader that
///   must never be behind an id this instance reported (the server, before every match) uses
///   it when there is one and asks ``snapshotID()`` when there is none.
/// - ``vouchesForSnapshots`` says whether ``knownSnapshot()`` can ever return an id. A store
///   that says true (PostgreSQL) lets readers keep copies of its content in memory and answer
///   from them while ``knownSnapshot()`` names the very snapshot the copy holds: the server
///   keeps each gene's evidence page beside its match index (built from ``allEvidence()``,
///   then changed with its own writes and ``caseChanges(after:)``) and so sends PostgreSQL no
///   query for such a page. Such a copy must be what the store's own read returns, so the
///   store's evidence pages follow the rules of the next section. A store that says false
///   (SQLite, the default) is asked for every page; its copies are never kept.
///
/// ### Evidence pages
/// - ``evidenceJSON(matching:)`` lists items in level order, then id, both compared by their
///   bytes (PostgreSQL: `COLLATE "C"`; SQLite: `BINARY`); `total` counts every match.
/// - A gene filter matches the gene, trimmed and upper-cased, against each item's profile
///   genes and fusion partners, upper-cased; an item is listed once under each.
/// - Each item's JSON is the item as stored, encoded as this version encodes ``EvidenceItem``
///   (`JSONEncoder`, slashes not escaped), so decoding it and encoding it again gives the same
///   JSON value (not the same text: `JSONEncoder` writes keys in no fixed order); a release
///   that changes the encoding re-encodes stored items in a migration. The one exception is
///   the review mark: ``allEvidence()`` applies curators' marks kept apart, while
///   the page shows the mark as the item's JSON has it (a re-import may have dropped it there).
///   A copy therefore leaves a gene listing a reviewed item to the store.
///
/// ### Case ids
/// - The store never invents ids. A case's id is ``CaseIdentity/id(for:)`` of its record (the
///   PMID, or the document's name and title), worked out by the store from the record, so every
///   process and every store gives the same case the same id.
///
/// ### Duplicates
/// - Saving a case whose id is stored replaces it, with the evidence derived from it, and says so
///   (``CaseSaveOutcome/replaced``). Evidence items are replaced by id; when one batch names an id
///   twice, the last occurrence wins. Review marks stay with an evidence id across replacements.
///
/// ### Transactions and failures
/// - Every write method is one transaction. When it throws, nothing of it is stored and the
///   snapshot is unchanged: a failed import or save leaves the store as it was.
/// - ``saveCases(_:)`` puts each case in its own savepoint: a case that fails is reported in its
///   outcome and leaves the others, and the snapshot changes once for the batch.
/// - Evidence naming a case that is not stored fails the whole write.
/// - Every read method reads one consistent snapshot.
///
/// ### Revisions from ordered sources (since schema `v8-case-sources`)
/// - A submission may name its ``CaseSource``: the file it was read from and the record's
///   position in it, such as a PubMed update file and the index of the citation in it. Sources
///   are ordered by file name, then record (PubMed names its files so that this is the order
///   they were published in). The store remembers, per case id, the source of the revision it
///   applied last, deletions included, and ``StoredCase/source`` returns it.
/// - A sourced save or deletion applies only when no revision from a later source was applied:
///   a revision from an earlier source is skipped (``CaseSaveOutcome/superseded``), whatever
///   order the writers commit in, so workers may ingest different files concurrently and the
///   latest file's revision wins. An equal source applies again (a resumed file is idempotent).
/// - A sourced deletion (``deleteCases(ids:source:)``, PubMed's `DeleteCitation`) removes the
///   case and is remembered, so an earlier file's revision ingested after it stays out.
/// - A save without a source (the server, `kb import`) always applies and clears the case's
///   source; a later sourced revision then replaces it. ``deleteCase(id:)`` and
///   ``deleteCases(ids:)`` remove the case and forget its source.
/// - Writers of the same case id wait for each other (PostgreSQL: a row lock on the id's source
///   row, taken in id order); writers of different ids do not.
/// - ``content()`` and ``restore(_:)`` carry the cases' sources and the deletions remembered
///   (``rememberedDeletions()``), so a restored store refuses an earlier file's revision of a
///   deleted case just as the dumped one did.
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

    /// Every evidence item, ordered by id, with curators' review marks applied.
    func allEvidence() async throws -> [EvidenceItem]

    /// Evidence filtered and paginated, ordered by level then id; `query` searches the full text:
    /// every word must match the start of a word (with stemming) in the statement, profile,
    /// disease, genes, variants, drugs, significance, evidence type or citation, in any of them.
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

    /// Removes cases and their derived evidence in one transaction (a `DeleteCitation` block of
    /// thousands of PMIDs is one commit, not thousands).
    /// - Returns: The ids that were stored and are now deleted, in the order given.
    func deleteCases(ids: [String]) async throws -> [String]

    /// Deletions read from an ordered source (see the contract's revisions): each id is deleted
    /// and the deletion remembered, unless a revision from a later source was applied. One
    /// transaction.
    /// - Returns: The ids that were stored and are now deleted, in the order given.
    func deleteCases(ids: [String], source: CaseSource) async throws -> [String]

    /// Cases, most recent first; `query` searches their text as `evidence(matching:)` does.
    func cases(query: String?, limit: Int, offset: Int) async throws -> [StoredCase]

    /// Every case as a compact summary, for the similar-case index, in the order stored.
    func caseSummaries() async throws -> [CaseSummary]

    func stats() async throws -> KnowledgeStats

    /// The current snapshot id (see the contract above); match results name it.
    func snapshotID() async throws -> String

    /// Snapshot ids after commits by any writer, until the consuming task is cancelled.
    func changes() -> AsyncStream<String>

    /// The newest snapshot id this instance has read, written or been told, without a query;
    /// nil when the store cannot vouch that its change feed missed no commit (see the contract).
    func knownSnapshot() -> String?

    /// Whether ``knownSnapshot()`` can ever return an id (a change feed that misses no commit
    /// while it holds: PostgreSQL's LISTEN session). A reader keeps copies that follow the
    /// feed (the server's evidence pages) only for such a store, and answers from them only
    /// while ``knownSnapshot()`` names the snapshot they hold (see the contract). A store that
    /// says true must keep ``caseChanges(after:)`` and its evidence pages to the contract's
    /// rules, since the copies are built from them.
    var vouchesForSnapshots: Bool { get }

    /// The cases stored and deleted after `generation`, read in one snapshot, when nothing but
    /// cases changed since then; nil when something else changed (evidence, metadata, review
    /// marks) or the store keeps no such record. A reader then reads everything again.
    func caseChanges(after generation: Int) async throws -> CaseChanges?

    /// A value the store keeps about itself, such as the curated table version it was seeded with.
    func metadata(_ key: String) async throws -> String?

    func setMetadata(_ key: String, _ value: String) async throws

    /// Every metadata value but the store's own bookkeeping, for `kb dump`.
    func allMetadata() async throws -> [String: String]

    /// The sourced deletions the store remembers (see the contract's revisions), ordered by
    /// case id, for `kb dump`.
    func rememberedDeletions() async throws -> [RememberedDeletion]

    /// Replaces the whole content with `content`, in one transaction, keeping the cases' import
    /// times and the review marks: what `kb restore` does.
    func restore(_ content: KnowledgeContent) async throws
}

/// What ``KnowledgeStore/caseChanges(after:)`` reports.
public struct CaseChanges: Sendable {
    /// The snapshot the changes bring a reader to.
    public var snapshot: String
    /// Cases stored (or stored again) since, with their evidence, in the order stored.
    public var stored: [StoredCaseContent]
    /// Ids of cases deleted since and not stored again.
    public var deleted: [String]

    public init(snapshot: String, stored: [StoredCaseContent], deleted: [String]) {
        self.snapshot = snapshot
        self.stored = stored
        self.deleted = deleted
    }
}

/// A parsed snapshot id: `<generation>-<token>`.
public struct KnowledgeSnapshot: Sendable, Hashable, CustomStringConvertible {
    /// Grows by one with every committed change.
    public var generation: Int
    /// Tells stores apart.
    public var token: String

    public init(generation: Int, token: String) {
        self.generation = generation
        self.token = token
    }

    /// Parses an id; nil when it is not of the store contract's form.
    public init?(_ id: String) {
        guard let dash = id.firstIndex(of: "-"), let generation = Int(id[..<dash]), generation >= 0 else { return nil }
        self.generation = generation
        token = String(id[id.index(after: dash)...])
    }

    /// A new id with a fresh random token.
    public static func make(generation: Int) -> KnowledgeSnapshot {
        KnowledgeSnapshot(generation: generation, token: UUID().uuidString.lowercased())
    }

    public var description: String { "\(generation)-\(token)" }
}

/// The whole content of a store, as `kb dump` writes it and `kb restore` reads it.
public struct KnowledgeContent: Sendable, Hashable {
    /// Metadata without the store's bookkeeping keys.
    public var metadata: [String: String]
    /// Cases with the evidence derived from each (`caseID` set).
    public var cases: [StoredCaseContent]
    /// Evidence that belongs to no case.
    public var evidence: [EvidenceItem]
    /// Sourced deletions remembered, so that an earlier revision stays out after a restore.
    public var deletions: [RememberedDeletion]

    public init(metadata: [String: String], cases: [StoredCaseContent], evidence: [EvidenceItem], deletions: [RememberedDeletion] = []) {
        self.metadata = metadata
        self.cases = cases
        self.evidence = evidence
        self.deletions = deletions
    }

    /// Throws when the content could not have come from a store: an id both stored and
    /// remembered as deleted (a deletion removes the case; a later save forgets the deletion).
    public func validate() throws {
        let stored = Set(cases.map(\.stored.id))
        if let both = deletions.first(where: { stored.contains($0.caseID) }) {
            throw KnowledgeStoreError("case \(both.caseID) is both stored and remembered as deleted")
        }
    }
}

/// A sourced deletion a store remembers: the case id and the source that deleted it.
public struct RememberedDeletion: Sendable, Codable, Hashable {
    public var caseID: String
    public var source: CaseSource

    public init(caseID: String, source: CaseSource) {
        self.caseID = caseID
        self.source = source
    }
}

/// A stored case and its evidence.
public struct StoredCaseContent: Sendable, Hashable, Codable {
    public var stored: StoredCase
    public var evidence: [EvidenceItem]

    public init(stored: StoredCase, evidence: [EvidenceItem]) {
        self.stored = stored
        self.evidence = evidence
    }
}

/// What full-text search looks at, the same in every store.
public enum KnowledgeSearchText {
    /// An evidence item's terms besides its statement, profile name and disease name: the
    /// significance and type ("sorafenib resistance" must find resistance rows that say so only
    /// in their significance), genes, partners, variants, drugs and the citation.
    public static func terms(of item: EvidenceItem) -> String {
        var terms: [String] = [item.significance.rawValue, item.evidenceType.rawValue]
        for component in item.profile.components {
            terms.append(component.gene)
            if let partner = component.partner { terms.append(partner) }
            terms.append(component.variant)
        }
        terms += item.drugs
        if let label = item.citation.label { terms.append(label) }
        if let pmid = item.citation.pmid { terms.append(pmid) }
        return terms.joined(separator: " ")
    }

    /// A case's searched text besides its title: diagnoses, alteration labels, drugs and
    /// resistance events.
    public static func text(of record: CaseRecord) -> String {
        var terms: [String] = []
        for diagnosis in record.diagnoses {
            terms += [diagnosis.name, diagnosis.canonicalName]
            if let code = diagnosis.oncotree { terms.append(code) }
        }
        terms += record.alterations.map(\.label)
        terms += record.therapies.flatMap(\.drugs)
        for event in record.resistance {
            terms += ["\(event.gene) \(event.variant) resistance"] + event.drugs
        }
        if let title = record.title { terms.append(title) }
        return terms.joined(separator: " ")
    }

    /// The words of a query as full-text search uses them: split on anything but letters and
    /// digits, lowercased, blanks dropped.
    public static func words(_ query: String) -> [String] {
        query.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }
}

extension KnowledgeStore {
    /// The whole content, sorted (metadata by key, cases and evidence by id), for `kb dump`.
    public func content() async throws -> KnowledgeContent {
        let metadata = try await allMetadata()
        let evidence = try await allEvidence()
        let cases = try await self.cases(query: nil, limit: Int.max, offset: 0)
        var byCase: [String: [EvidenceItem]] = [:]
        var free: [EvidenceItem] = []
        for item in evidence {
            if let id = item.caseID { byCase[id, default: []].append(item) } else { free.append(item) }
        }
        return KnowledgeContent(
            metadata: metadata,
            cases: cases.sorted { $0.id < $1.id }.map { StoredCaseContent(stored: $0, evidence: byCase[$0.id] ?? []) },
            evidence: free.sorted { $0.id < $1.id },
            deletions: try await rememberedDeletions().sorted { $0.caseID < $1.caseID }
        )
    }

    /// For stores that keep no sources: nothing remembered.
    public func rememberedDeletions() async throws -> [RememberedDeletion] { [] }

    /// One transaction per case, for stores without a batched delete.
    public func deleteCases(ids: [String]) async throws -> [String] {
        var deleted: [String] = []
        for id in ids {
            if try await deleteCase(id: id) { deleted.append(id) }
        }
        return deleted
    }

    /// For stores that keep no sources: a plain deletion, the order not checked.
    public func deleteCases(ids: [String], source: CaseSource) async throws -> [String] {
        try await deleteCases(ids: ids)
    }

    /// No change feed to vouch for: readers ask ``snapshotID()``.
    public func knownSnapshot() -> String? { nil }

    /// No change feed to vouch for.
    public var vouchesForSnapshots: Bool { false }

    /// No record of case changes: readers read everything again.
    public func caseChanges(after generation: Int) async throws -> CaseChanges? { nil }

    /// Looks at the snapshot id every `interval` and yields it when it changed: for stores that
    /// have no way to be told.
    public func pollingChanges(every interval: Duration = .milliseconds(100)) -> AsyncStream<String> {
        AsyncStream { continuation in
            let task = Task {
                var last = try? await snapshotID()
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard let now = try? await snapshotID(), now != last else { continue }
                    last = now
                    continuation.yield(now)
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
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
    /// The document's extracted text, which the mentions' own offsets point into, so the
    /// stored case can be shown whole again; nil when the caller has none.
    public var documentText: String?
    /// Where this revision was read, when it comes from an ordered stream of files (the
    /// ingest); nil for a save that always applies (see the store contract).
    public var source: CaseSource?

    public init(record: CaseRecord, evidence: [EvidenceItem], documentText: String? = nil, source: CaseSource? = nil) {
        self.record = record
        self.evidence = evidence
        self.documentText = documentText
        self.source = source
    }
}

/// Where a revision of a case was read: a file, by name, and the record's position in it.
/// Ordered by file name, then record: the later source's revision wins (see the store contract).
public struct CaseSource: Sendable, Codable, Hashable, Comparable, CustomStringConvertible {
    /// The file's name without its folder (`pubmed25n1301.xml.gz`), so workers that see the
    /// file under different paths agree.
    public var file: String
    /// The item's index in the file, from 0 (records and `DeleteCitation` blocks alike).
    public var record: Int

    public init(file: String, record: Int) {
        self.file = file
        self.record = record
    }

    public static func < (lhs: CaseSource, rhs: CaseSource) -> Bool {
        (lhs.file.utf8.lexicographicallyPrecedes(rhs.file.utf8) || lhs.file == rhs.file && lhs.record < rhs.record)
    }

    public var description: String { "\(file)#\(record)" }
}

/// What storing one case of a batch did.
public struct CaseSaveOutcome: Sendable {
    public var stored: StoredCase
    /// Whether an earlier save of the same case was replaced.
    public var replaced: Bool
    /// Whether the case was left as it was because a revision from a later source (or its
    /// deletion) was applied already (see the store contract); `stored` is then the submission.
    public var superseded: Bool

    public init(stored: StoredCase, replaced: Bool, superseded: Bool = false) {
        self.stored = stored
        self.replaced = replaced
        self.superseded = superseded
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
    /// The document's extracted text (``CaseSubmission/documentText``), kept since schema
    /// `v7-case-documents`; nil for cases stored without it or before. ``KnowledgeStore/storedCase(id:)``
    /// and ``KnowledgeStore/cases(query:limit:offset:)`` return it; ``KnowledgeStore/caseChanges(after:)`` does not.
    public var documentText: String?
    /// The source of the revision stored (``CaseSubmission/source``), kept since schema
    /// `v8-case-sources`; nil for a case saved without one. Returned where `documentText` is.
    public var source: CaseSource?

    enum CodingKeys: String, CodingKey {
        case id, record, source
        case importedAt = "imported_at"
        case documentText = "document_text"
    }

    public init(id: String, record: CaseRecord, importedAt: String, documentText: String? = nil, source: CaseSource? = nil) {
        self.id = id
        self.record = record
        self.importedAt = importedAt
        self.documentText = documentText
        self.source = source
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

/// The checks the store contract (``KnowledgeStore``) asks of writes, in one place, so every
/// store refuses the same writes with the same words.
public enum StoreContractChecks {
    /// The metadata key every store keeps for its own snapshot bookkeeping; writers may not set it.
    public static let reservedMetadataKey = "snapshot"

    /// Checks a ``KnowledgeStore/replaceEvidence(of:with:metadata:)`` call and returns the items
    /// to write: the last occurrence of each id, in order.
    ///
    /// - Parameter path: Where the store is, for the error message.
    /// - Throws: ``KnowledgeStoreError`` for case evidence (it belongs to its case), an item of
    ///   another source, or the reserved metadata key; the store must then write nothing.
    public static func evidenceReplacement(
        of source: EvidenceSource,
        with items: [EvidenceItem],
        metadata: [String: String],
        path: String?
    ) throws -> [EvidenceItem] {
        guard source != .caseReport else {
            throw KnowledgeStoreError("case evidence belongs to its case and is replaced by saving the case", path: path)
        }
        if let other = items.first(where: { $0.source != source }) {
            throw KnowledgeStoreError("\(other.id) is \(other.source.rawValue) evidence, not \(source.rawValue)", path: path)
        }
        for key in metadata.keys { try checkMetadataKey(key, path: path) }
        return lastOccurrences(items)
    }

    /// - Throws: ``KnowledgeStoreError`` for the reserved key.
    public static func checkMetadataKey(_ key: String, path: String?) throws {
        guard key != reservedMetadataKey else {
            throw KnowledgeStoreError("the metadata key \"\(key)\" is reserved for the store", path: path)
        }
    }

    /// The items with only the last occurrence of each id, in order: when a write names an id
    /// twice, the last one wins.
    public static func lastOccurrences(_ items: [EvidenceItem]) -> [EvidenceItem] {
        var lastIndex: [String: Int] = [:]
        for (index, item) in items.enumerated() { lastIndex[item.id] = index }
        guard lastIndex.count < items.count else { return items }
        return items.enumerated().filter { lastIndex[$0.element.id] == $0.offset }.map(\.element)
    }
}
