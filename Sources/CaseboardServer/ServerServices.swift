import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Logging
import NIOConcurrencyHelpers
import ServiceLifecycle

/// What the routes work with: vocabularies, the extractor, the store and a matcher kept in step
/// with the store's snapshot.
public struct ServerServices: Sendable {
    public let vocabularies: Vocabularies
    public let extractor: CaseExtractor
    public let store: any KnowledgeStore
    let matchers: MatcherCache
    let writer: CaseWriter

    public init(vocabularies: Vocabularies, store: any KnowledgeStore, logger: Logger) {
        self.vocabularies = vocabularies
        extractor = CaseExtractor(vocabularies: vocabularies, logger: logger)
        self.store = store
        matchers = MatcherCache(vocabularies: vocabularies, store: store)
        writer = CaseWriter(store: store, matchers: matchers)
    }

    /// The matcher for a match request. While the store's change feed vouches for its snapshot
    /// (``KnowledgeStore/knownSnapshot()``: PostgreSQL while LISTENing), the match answers from
    /// the index as it is, with no query and no wait: ``followStoreChanges()`` catches it up on
    /// each NOTIFY in the background (the store contract's snapshot semantics; this server's own
    /// writes are already in it). With two servers, matches waiting for each other's writes were
    /// the p99. Otherwise the store's snapshot is read and the match waits until the index has
    /// it, as ``indexCaughtUp(to:)``.
    func matcher() async throws -> Matcher {
        if store.knownSnapshot() != nil { return try await matchers.current() }
        return try await indexCaughtUp(to: try await store.snapshotID())
    }

    /// A matcher whose index holds at least `snapshot`, waiting for it to catch up if needed:
    /// `/api/version` calls it with the snapshot it reports, so a match never answers from a
    /// snapshot older than the one `/api/version` reported before it. A store that can list its
    /// changed cases (PostgreSQL) is caught up beside this server's own writes; other stores in
    /// the writer's queue, where a full reload cannot take a write of ours in flight for an
    /// outside one.
    func indexCaughtUp(to snapshot: String) async throws -> Matcher {
        var matcher = try await matchers.current()
        // Twice at most: a catch-up already running when we looked may have read before `snapshot`.
        for _ in 0..<2 where matchers.isBehind(snapshot, matcher) {
            guard await matchers.catchUpIncrementally() else { break }
            matcher = try await matchers.current()
        }
        if matchers.isBehind(snapshot, matcher) {
            await writer.catchUp()
            return try await matchers.current()
        }
        return matcher
    }

    /// Follows the store's ``KnowledgeStore/changes()`` (PostgreSQL: LISTEN/NOTIFY; SQLite: a
    /// look at the generation every 100 ms) and brings the index up to date as soon as someone
    /// else writes, so matches rarely wait. Runs until the task is cancelled: `serve` runs it
    /// as a service beside the HTTP server.
    public func followStoreChanges() async {
        for await snapshot in store.changes() {
            // A catch-up already under way is shared, and it may have read the store before this
            // commit: look again until the index holds it, or the next commit alone would bring
            // it (matches answer from the index while the feed vouches for the newer snapshot).
            var incremental = 0
            while let matcher = matchers.built, matchers.isBehind(snapshot, matcher) {
                incremental += 1
                if incremental <= 2, await matchers.catchUpIncrementally() { continue }
                await writer.catchUp()
                break
            }
        }
    }

    /// A page of evidence from memory (``EvidencePages``), when the filter names a gene alone,
    /// the store's change feed vouches for its snapshot (``KnowledgeStore/knownSnapshot()``)
    /// and the pages hold that very snapshot: then they are what the store's query would
    /// return (this server's own writes in them, others' caught up on each NOTIFY). When the
    /// pages are behind a commit the feed told of (ours committed but not applied yet, another
    /// server's being caught up), the page waits for the one shared incremental catch-up (the
    /// follower's, when it is under way) and answers from memory if that brought the pages to
    /// the snapshot known when the request came. With two servers writing, the pages were
    /// behind for about 40% of evidence requests, each then a query of its own (issue 14).
    /// Otherwise nil, and the store answers: no feed to vouch, pages not built, a catch-up
    /// that cannot list changes or still left them behind, any other filter.
    func evidencePage(_ filter: EvidenceFilter) async -> EvidenceJSONPage? {
        var rest = filter
        rest.gene = nil
        rest.limit = 0
        rest.offset = 0
        guard let gene = filter.gene, filter.limit > 0, filter.offset >= 0, rest == EvidenceFilter(limit: 0, offset: 0),
            !gene.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, let known = store.knownSnapshot()
        else { return nil }
        switch matchers.page(gene: gene, limit: filter.limit, offset: filter.offset, at: known) {
        case .page(let page): return page
        case .unavailable: return nil
        case .behind:
            guard await matchers.catchUpIncrementally(),
                case .page(let page) = matchers.page(gene: gene, limit: filter.limit, offset: filter.offset, at: known)
            else { return nil }
            return page
        }
    }

    /// Builds the match index now instead of on the first match request.
    public func prepareMatching() async throws {
        _ = try await matchers.current()
    }

    /// The snapshot the match index holds, nil before it is built.
    public var indexedSnapshot: String? { matchers.built?.index.snapshot }

    /// Stores a case (with its document text, when the submission has it) through the
    /// group-commit writer and adds it to the match index.
    func saveCase(_ submission: CaseSubmission) async throws -> StoredCase {
        try await writer.save(submission)
    }

    /// Deletes a case through the writer, in order with saves; false when there was none.
    func deleteCase(id: String) async throws -> Bool {
        try await writer.delete(id: id)
    }
}

/// Runs ``ServerServices/followStoreChanges()`` as a service of the application, until
/// graceful shutdown.
public struct StoreChangeFollower: Service, CustomStringConvertible {
    public let services: ServerServices

    /// ServiceLifecycle names services by their description when it starts them; the default
    /// one would print every vocabulary (and took a minute to build).
    public var description: String { "StoreChangeFollower" }

    public init(services: ServerServices) {
        self.services = services
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await services.followStoreChanges()
        }
    }
}

/// Serializes this server's case writes and commits them in groups: requests that arrive while
/// a transaction runs are written together in the next one (one commit and WAL sync for all).
/// Each committed group is applied to the match index in commit order, so the index never
/// needs a reload for this server's own writes.
actor CaseWriter {
    private enum Operation {
        case save(CaseSubmission, CheckedContinuation<StoredCase, any Error>)
        case delete(String, CheckedContinuation<Bool, any Error>)
        case catchUp(CheckedContinuation<Void, Never>)
    }

    private let store: any KnowledgeStore
    private let matchers: MatcherCache
    private var queue: [Operation] = []
    private var draining = false
    /// Cases per transaction at most, so one commit never holds the lock for long.
    private static let maximumGroup = 256

    init(store: any KnowledgeStore, matchers: MatcherCache) {
        self.store = store
        self.matchers = matchers
    }

    func save(_ submission: CaseSubmission) async throws -> StoredCase {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(.save(submission, continuation))
        }
    }

    func delete(id: String) async throws -> Bool {
        try await withCheckedThrowingContinuation { continuation in
            enqueue(.delete(id, continuation))
        }
    }

    /// Brings the index up to the store's snapshot, between this server's own commits (so a
    /// snapshot the index lacks can only be another writer's); returns when done.
    func catchUp() async {
        await withCheckedContinuation { continuation in
            enqueue(.catchUp(continuation))
        }
    }

    private func enqueue(_ operation: Operation) {
        queue.append(operation)
        guard !draining else { return }
        draining = true
        Task { await drain() }
    }

    private func drain() async {
        while let first = queue.first {
            switch first {
            case .delete(let id, let continuation):
                queue.removeFirst()
                await runDelete(id, continuation)
                continue
            case .catchUp:
                // Every waiting catch-up at the head of the queue is served by one check.
                var waiting: [CheckedContinuation<Void, Never>] = []
                while case .catchUp(let continuation)? = queue.first {
                    queue.removeFirst()
                    waiting.append(continuation)
                }
                await matchers.reloadIfChangedElsewhere()
                for continuation in waiting { continuation.resume() }
                continue
            case .save:
                break
            }
            var group: [(submission: CaseSubmission, continuation: CheckedContinuation<StoredCase, any Error>)] = []
            while group.count < Self.maximumGroup, case .save(let submission, let continuation)? = queue.first {
                queue.removeFirst()
                group.append((submission, continuation))
            }
            await runSaves(group)
        }
        draining = false
    }

    private func runSaves(_ group: [(submission: CaseSubmission, continuation: CheckedContinuation<StoredCase, any Error>)]) async {
        let result: CaseBatchResult
        do {
            result = try await store.saveCases(group.map(\.submission))
        } catch {
            for entry in group { entry.continuation.resume(throwing: error) }
            return
        }
        var additions: [KnowledgeIndex.CaseAddition] = []
        var written: [(caseID: String, evidence: [EvidenceItem])] = []
        for (outcome, entry) in zip(result.outcomes, group) {
            guard case .success(let saved) = outcome else { continue }
            additions.append(
                .init(
                    summary: CaseSummary(id: saved.stored.id, record: saved.stored.record),
                    evidence: entry.submission.evidence
                )
            )
            written.append((saved.stored.id, entry.submission.evidence))
        }
        if !additions.isEmpty {
            let snapshot = result.snapshot
            let pages = matchers.pagesChange(stored: written)
            matchers.apply(snapshot: snapshot, pages: pages) { $0.adding(additions, snapshot: $1) }
        }
        for (outcome, entry) in zip(result.outcomes, group) {
            entry.continuation.resume(with: outcome.map(\.stored).mapError { $0 as any Error })
        }
    }

    private func runDelete(_ id: String, _ continuation: CheckedContinuation<Bool, any Error>) async {
        do {
            let deleted = try await store.deleteCase(id: id)
            if deleted {
                let snapshot = try await store.snapshotID()
                matchers.apply(snapshot: snapshot, pages: matchers.pagesChange(deleted: [id])) { $0.removing(caseID: id, snapshot: $1) }
            }
            continuation.resume(returning: deleted)
        } catch {
            continuation.resume(throwing: error)
        }
    }
}

/// Keeps a matcher on a recent snapshot of the store. Only the very first request builds the
/// index in line. This server's own writes are applied in memory by the writer; writes by
/// others (the CLI, another server) are found by comparing generations (the store contract's
/// ``KnowledgeSnapshot``): before each match (with the store's known snapshot when it vouches
/// for one, else a read), and as ``KnowledgeStore/changes()`` tells them.
/// Full reloads run in the writer's queue, between our own commits; incremental catch-ups run
/// beside them and install only over the index they were worked out from.
///
/// A lock, not an actor: every match request reads the current matcher, and an actor hop per
/// request cost a thread switch under load.
final class MatcherCache: Sendable {
    private struct State {
        var matcher: Matcher?
        /// The evidence pages of the matcher's content, when kept (``keepsPages``).
        var pages: EvidencePages?
        var initial: Task<(Matcher, EvidencePages?), any Error>?
        /// Counts installed matchers, so a change worked out from one is installed only over it.
        var revision = 0
        /// The incremental catch-up under way, which concurrent callers share.
        var catchingUp: Task<Bool, Never>?
    }

    private let vocabularies: Vocabularies
    private let store: any KnowledgeStore
    /// Whether evidence pages are kept beside the index: only for a store whose change feed can
    /// vouch for its snapshot, the only case they answer from.
    let keepsPages: Bool
    private let state = NIOLockedValueBox(State())
    /// Outlives each matcher: inputs read once stay read while the index changes.
    private let resolutions = ResolutionCache()

    init(vocabularies: Vocabularies, store: any KnowledgeStore) {
        self.vocabularies = vocabularies
        self.store = store
        keepsPages = store.vouchesForSnapshots
    }

    /// What a change does to the evidence pages, encoded before any lock is taken: nil when no
    /// pages are kept, a failure when an item would not encode (the pages are then dropped and
    /// the store answers until the next full load).
    func pagesChange(
        deleted: [String] = [],
        stored: [(caseID: String, evidence: [EvidenceItem])] = []
    ) -> Result<EvidencePages.Change, any Error>? {
        guard keepsPages else { return nil }
        return Result { try EvidencePages.Change(deleted: deleted, stored: stored) }
    }

    private func pagesChange(_ changes: CaseChanges) -> Result<EvidencePages.Change, any Error>? {
        pagesChange(deleted: changes.deleted, stored: changes.stored.map { ($0.stored.id, $0.evidence) })
    }

    private static func apply(_ change: Result<EvidencePages.Change, any Error>?, to state: inout State) {
        switch change {
        case .success(let change)?: state.pages?.apply(change)
        case .failure?: state.pages = nil
        case nil: break
        }
    }

    /// What the pages can say of a gene's evidence page at a snapshot.
    enum PageAnswer {
        /// The page, the pages holding the snapshot (the index they follow is not behind it).
        case page(EvidenceJSONPage)
        /// The pages are behind the snapshot: a catch-up may bring them to it.
        case behind
        /// No pages are kept or built, or the gene lists a reviewed item: only the store knows.
        case unavailable
    }

    /// A gene's evidence page from the pages, when they hold `snapshot`.
    func page(gene: String, limit: Int, offset: Int, at snapshot: String) -> PageAnswer {
        state.withLockedValue { state in
            guard let matcher = state.matcher, let pages = state.pages else { return .unavailable }
            guard !isBehind(snapshot, matcher) else { return .behind }
            return pages.page(gene: gene, limit: limit, offset: offset).map { .page($0) } ?? .unavailable
        }
    }

    /// The matcher, if built.
    var built: Matcher? { state.withLockedValue { $0.matcher } }

    /// Whether the store at `snapshot` is ahead of `matcher`'s index (or a reload is pending).
    func isBehind(_ snapshot: String, _ matcher: Matcher) -> Bool {
        guard let latest = KnowledgeSnapshot(snapshot), let indexed = KnowledgeSnapshot(matcher.index.snapshot) else {
            return snapshot != matcher.index.snapshot
        }
        return latest.generation > indexed.generation || (latest.generation == indexed.generation && latest.token != indexed.token)
    }

    /// The current matcher, building the index on first use.
    func current() async throws -> Matcher {
        let next: Result<Matcher, Never>? = state.withLockedValue { state in state.matcher.map { .success($0) } }
        if case .success(let matcher)? = next { return matcher }
        let task: Task<(Matcher, EvidencePages?), any Error> = state.withLockedValue { state in
            if let initial = state.initial { return initial }
            let task = Task { [vocabularies, store, resolutions, keepsPages] in
                let (index, evidence) = try await Self.load(store, vocabularies)
                return (
                    Matcher(vocabularies: vocabularies, index: index, cache: resolutions),
                    keepsPages ? try? EvidencePages(evidence: evidence) : nil
                )
            }
            state.initial = task
            return task
        }
        do {
            let (built, pages) = try await task.value
            return state.withLockedValue { state in
                state.initial = nil
                if state.matcher == nil {
                    state.matcher = built
                    state.pages = pages
                    state.revision += 1
                }
                return state.matcher ?? built
            }
        } catch {
            // The next request tries again.
            state.withLockedValue { $0.initial = nil }
            throw error
        }
    }

    /// Loads the index, labelled with the snapshot read before the content: the content is then
    /// at least as new as its label, so a label never claims a write the index lacks.
    /// - Returns: The index, and the evidence it was built from (for the evidence pages).
    static func load(_ store: any KnowledgeStore, _ vocabularies: Vocabularies) async throws -> (KnowledgeIndex, [EvidenceItem]) {
        let snapshot = try await store.snapshotID()
        async let evidence = store.allEvidence()
        async let cases = store.caseSummaries()
        let items = try await evidence
        return (
            KnowledgeIndex(
                evidence: items,
                cases: try await cases,
                classRules: try ClassRule.loadBundled(vocabularies: vocabularies),
                snapshot: snapshot
            ),
            items
        )
    }

    /// Brings the index up to the store when the store moved past it without us: with the
    /// cases changed since the index's generation when the store can tell them (PostgreSQL),
    /// else by reading everything again. Only the writer calls this, between its own commits;
    /// a failed read keeps the current index and is retried at the next check.
    func reloadIfChangedElsewhere() async {
        guard let matcher = built, let latest = try? await store.snapshotID(), isBehind(latest, matcher) else { return }
        let index: KnowledgeIndex
        var pages: Result<EvidencePages.Change, any Error>?
        var reloadedPages: EvidencePages?
        if let indexed = KnowledgeSnapshot(matcher.index.snapshot),
            let changes = try? await store.caseChanges(after: indexed.generation)
        {
            pages = pagesChange(changes)
            var updated = matcher.index
            for id in changes.deleted { updated = updated.removing(caseID: id, snapshot: changes.snapshot) }
            updated = updated.adding(
                changes.stored.map { .init(summary: CaseSummary(id: $0.stored.id, record: $0.stored.record), evidence: $0.evidence) },
                snapshot: changes.snapshot
            )
            index = updated
        } else {
            guard let (loaded, evidence) = try? await Self.load(store, vocabularies) else { return }
            index = loaded
            reloadedPages = keepsPages ? try? EvidencePages(evidence: evidence) : nil
        }
        let fresh = Matcher(vocabularies: vocabularies, index: index, cache: resolutions)
        state.withLockedValue { state in
            state.matcher = fresh
            if pages == nil {
                state.pages = reloadedPages
            } else {
                Self.apply(pages, to: &state)
            }
            state.revision += 1
        }
    }

    /// Brings the index up to the store with the cases changed since its generation, outside
    /// the writer's queue: a match waiting for another server's write no longer waits behind
    /// this server's own commits too (with two PostgreSQL servers those waits were the p99).
    /// Concurrent callers share one read. A write of ours committed but not yet applied comes
    /// in the changes as well; ``apply(snapshot:pages:_:)`` then finds it indexed. False when the
    /// store cannot list its changes (or the read failed): the caller falls back to the
    /// writer's ``CaseWriter/catchUp()``.
    func catchUpIncrementally() async -> Bool {
        let task: Task<Bool, Never> = state.withLockedValue { state in
            if let running = state.catchingUp { return running }
            let task = Task { await self.readChanges() }
            state.catchingUp = task
            return task
        }
        return await task.value
    }

    private func readChanges() async -> Bool {
        defer { state.withLockedValue { $0.catchingUp = nil } }
        // An own write applied meanwhile changes the base: read again from the new one.
        for _ in 0..<3 {
            guard let (matcher, revision) = state.withLockedValue({ state in state.matcher.map { ($0, state.revision) } }) else {
                // No index yet: its first build reads the store.
                return true
            }
            guard let indexed = KnowledgeSnapshot(matcher.index.snapshot),
                let changes = try? await store.caseChanges(after: indexed.generation)
            else { return false }
            var updated = matcher.index
            for id in changes.deleted { updated = updated.removing(caseID: id, snapshot: changes.snapshot) }
            updated = updated.adding(
                changes.stored.map { .init(summary: CaseSummary(id: $0.stored.id, record: $0.stored.record), evidence: $0.evidence) },
                snapshot: changes.snapshot
            )
            let fresh = Matcher(vocabularies: vocabularies, index: updated, cache: resolutions)
            let pages = pagesChange(changes)
            let installed = state.withLockedValue { state in
                guard state.revision == revision else { return false }
                state.matcher = fresh
                Self.apply(pages, to: &state)
                state.revision += 1
                return true
            }
            if installed { return true }
        }
        return false
    }

    /// Applies this server's own committed write, whose commit produced `snapshot`, to the
    /// current index in memory. Only the writer calls this, in commit order; the change is
    /// worked out outside the lock so matches never wait for it. `change` gets the snapshot to
    /// label the index with.
    func apply(
        snapshot: String,
        pages: Result<EvidencePages.Change, any Error>?,
        _ change: (KnowledgeIndex, String) -> KnowledgeIndex
    ) {
        // A catch-up may install an index between our read and our install: work it out again
        // over that one, so neither the write nor the catch-up is lost.
        while true {
            // Without an index yet, the first build or the next check reads the write from the store.
            guard let (current, revision) = state.withLockedValue({ state in state.matcher.map { ($0, state.revision) } }) else {
                return
            }
            let written = KnowledgeSnapshot(snapshot)?.generation ?? 0
            let indexed = KnowledgeSnapshot(current.index.snapshot)?.generation ?? 0
            // The first build or a catch-up read the store after this commit and holds the write.
            guard written > indexed else { return }
            // The store contract counts commits: a gap means another writer committed a change the
            // index lacks. The index keeps its old label then, so the next check (before the next
            // match) sees it behind and catches up from there, this write included.
            let label = written == indexed + 1 ? snapshot : current.index.snapshot
            let updated = Matcher(vocabularies: vocabularies, index: change(current.index, label), cache: resolutions)
            let installed = state.withLockedValue { state in
                guard state.revision == revision else { return false }
                state.matcher = updated
                Self.apply(pages, to: &state)
                state.revision += 1
                return true
            }
            if installed { return }
        }
    }
}
