import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Logging
import NIOConcurrencyHelpers

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

    /// A matcher on the current snapshot; about once a second this also queues a check for
    /// writes made by other processes.
    func matcher() async throws -> Matcher {
        let (matcher, checkDue) = try await matchers.current()
        if checkDue { Task { [writer] in await writer.checkForOutsideWrites() } }
        return matcher
    }

    /// Builds the match index now instead of on the first match request.
    public func prepareMatching() async throws {
        _ = try await matchers.current()
    }

    /// Stores a case through the group-commit writer and adds it to the match index.
    func saveCase(_ record: CaseRecord, evidence: [EvidenceItem]) async throws -> StoredCase {
        try await writer.save(CaseSubmission(record: record, evidence: evidence))
    }

    /// Deletes a case through the writer, in order with saves; false when there was none.
    func deleteCase(id: String) async throws -> Bool {
        try await writer.delete(id: id)
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
        case checkForOutsideWrites
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

    /// Queues a check for writes by other processes, run between this server's own commits.
    func checkForOutsideWrites() {
        enqueue(.checkForOutsideWrites)
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
            case .checkForOutsideWrites:
                queue.removeFirst()
                await matchers.reloadIfChangedElsewhere()
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
        for (outcome, entry) in zip(result.outcomes, group) {
            guard case .success(let saved) = outcome else { continue }
            additions.append(
                .init(
                    summary: CaseSummary(id: saved.stored.id, record: saved.stored.record),
                    evidence: entry.submission.evidence
                )
            )
        }
        if !additions.isEmpty {
            let snapshot = result.snapshot
            matchers.apply(snapshot: snapshot) { $0.adding(additions, snapshot: snapshot) }
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
                matchers.apply(snapshot: snapshot) { $0.removing(caseID: id, snapshot: snapshot) }
            }
            continuation.resume(returning: deleted)
        } catch {
            continuation.resume(throwing: error)
        }
    }
}

/// Keeps a matcher on a recent snapshot of the store. Requests never wait for a rebuild once a
/// matcher exists; only the very first request builds the index in line. This server's own
/// writes are applied in memory by the writer. At most once a second a match asks the writer to
/// check the store for writes by other processes (the CLI, another server): the check runs in
/// the writer's queue, between our own commits, so a snapshot the index does not have can only
/// be someone else's, and only then is the index read again.
///
/// A lock, not an actor: every match request reads the current matcher, and an actor hop per
/// request cost a thread switch under load.
final class MatcherCache: Sendable {
    private struct State {
        var matcher: Matcher?
        var checkedAt = ContinuousClock.now
        var checking = false
        /// Set when the snapshot counter skipped one of ours: another process wrote in between.
        var reloadNeeded = false
        var initial: Task<Matcher, any Error>?
    }

    private let vocabularies: Vocabularies
    private let store: any KnowledgeStore
    private let state = NIOLockedValueBox(State())
    /// Outlives each matcher: inputs read once stay read while the index changes.
    private let resolutions = ResolutionCache()

    init(vocabularies: Vocabularies, store: any KnowledgeStore) {
        self.vocabularies = vocabularies
        self.store = store
    }

    /// The current matcher, and whether a check for outside writes is due (the caller then
    /// queues one with the writer, and must not be told again until it ran).
    func current() async throws -> (matcher: Matcher, checkDue: Bool) {
        enum Next {
            case ready(Matcher, checkDue: Bool)
            case wait(Task<Matcher, any Error>)
        }
        let next: Next = state.withLockedValue { state in
            if let matcher = state.matcher {
                guard ContinuousClock.now - state.checkedAt >= .seconds(1), !state.checking else { return .ready(matcher, checkDue: false) }
                state.checking = true
                return .ready(matcher, checkDue: true)
            }
            if let initial = state.initial { return .wait(initial) }
            let task = Task { [vocabularies, store, resolutions] in
                Matcher(vocabularies: vocabularies, index: try await KnowledgeIndex.load(from: store, vocabularies: vocabularies), cache: resolutions)
            }
            state.initial = task
            return .wait(task)
        }
        switch next {
        case .ready(let matcher, let checkDue):
            return (matcher, checkDue)
        case .wait(let task):
            do {
                let built = try await task.value
                return state.withLockedValue { state in
                    state.initial = nil
                    if state.matcher == nil {
                        state.matcher = built
                        state.checkedAt = ContinuousClock.now
                    }
                    return (state.matcher ?? built, false)
                }
            } catch {
                // The next request tries again.
                state.withLockedValue { $0.initial = nil }
                throw error
            }
        }
    }

    /// Reads the index again when the store moved past it without us. Only the writer calls
    /// this, between its own commits; a failed read keeps the current index and is retried
    /// at the next check.
    func reloadIfChangedElsewhere() async {
        let (indexed, forced) = state.withLockedValue { ($0.matcher?.index.snapshot, $0.reloadNeeded) }
        if let indexed, let latest = try? await store.snapshotID(), forced || latest != indexed,
            let index = try? await KnowledgeIndex.load(from: store, vocabularies: vocabularies)
        {
            let fresh = Matcher(vocabularies: vocabularies, index: index, cache: resolutions)
            state.withLockedValue { state in
                state.matcher = fresh
                state.reloadNeeded = false
            }
        }
        state.withLockedValue { state in
            state.checking = false
            state.checkedAt = ContinuousClock.now
        }
    }

    /// Applies this server's own committed write, whose commit produced `snapshot`, to the
    /// current index in memory. Only the writer calls this, in commit order; the change is
    /// worked out outside the lock so matches never wait for it.
    func apply(snapshot: String, _ change: (KnowledgeIndex) -> KnowledgeIndex) {
        // Without an index yet, the first build or the next check reads the write from the store.
        guard let current = state.withLockedValue({ $0.matcher }) else { return }
        let written = Self.counter(snapshot)
        let indexed = Self.counter(current.index.snapshot)
        // The first build read the store after this commit and already holds the write.
        guard written > indexed else { return }
        let updated = Matcher(vocabularies: vocabularies, index: change(current.index), cache: resolutions)
        state.withLockedValue { state in
            state.matcher = updated
            // A gap in the counter means another process (or a first build that raced this
            // write) left a change the index lacks: reload at the next check.
            if written > indexed + 1 {
                state.reloadNeeded = true
                state.checkedAt = ContinuousClock.now - .seconds(2)
            }
        }
    }

    /// The change counter at the start of a snapshot id ("12-<uuid>"), or 0.
    static func counter(_ snapshot: String) -> Int {
        Int(snapshot.prefix { $0.isNumber }) ?? 0
    }
}
