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

    /// A matcher on the current snapshot.
    func matcher() async throws -> Matcher {
        try await matchers.current()
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

    private func enqueue(_ operation: Operation) {
        queue.append(operation)
        guard !draining else { return }
        draining = true
        Task { await drain() }
    }

    private func drain() async {
        while let first = queue.first {
            if case .delete(let id, let continuation) = first {
                queue.removeFirst()
                await runDelete(id, continuation)
                continue
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
/// matcher exists: at most once a second a background task checks the snapshot (so writes by
/// this server or by the CLI show up within about a second) and swaps in a fresh index when
/// the content changed. Only the very first request builds the index in line.
///
/// A lock, not an actor: every match request reads the current matcher, and an actor hop per
/// request cost a thread switch under load.
final class MatcherCache: Sendable {
    private struct State {
        var matcher: Matcher?
        var checkedAt = ContinuousClock.now
        var refreshing = false
        /// Set when another process may have written between our own writes.
        var reloadNeeded = false
        var initial: Task<Matcher, any Error>?
    }

    private let vocabularies: Vocabularies
    private let store: any KnowledgeStore
    private let state = NIOLockedValueBox(State())

    init(vocabularies: Vocabularies, store: any KnowledgeStore) {
        self.vocabularies = vocabularies
        self.store = store
    }

    func current() async throws -> Matcher {
        enum Next {
            case ready(Matcher, refreshFrom: (snapshot: String, force: Bool)?)
            case wait(Task<Matcher, any Error>)
        }
        let next: Next = state.withLockedValue { state in
            if let matcher = state.matcher {
                guard ContinuousClock.now - state.checkedAt >= .seconds(1), !state.refreshing else { return .ready(matcher, refreshFrom: nil) }
                state.checkedAt = ContinuousClock.now
                state.refreshing = true
                defer { state.reloadNeeded = false }
                return .ready(matcher, refreshFrom: (matcher.index.snapshot, state.reloadNeeded))
            }
            if let initial = state.initial { return .wait(initial) }
            let task = Task { [vocabularies, store] in
                Matcher(vocabularies: vocabularies, index: try await KnowledgeIndex.load(from: store, vocabularies: vocabularies))
            }
            state.initial = task
            return .wait(task)
        }
        switch next {
        case .ready(let matcher, let refresh):
            if let refresh { Task { await self.refresh(from: refresh.snapshot, force: refresh.force) } }
            return matcher
        case .wait(let task):
            do {
                let built = try await task.value
                return state.withLockedValue { state in
                    state.initial = nil
                    if state.matcher == nil {
                        state.matcher = built
                        state.checkedAt = ContinuousClock.now
                    }
                    return state.matcher ?? built
                }
            } catch {
                // The next request tries again.
                state.withLockedValue { $0.initial = nil }
                throw error
            }
        }
    }

    private func refresh(from snapshot: String, force: Bool) async {
        var fresh: Matcher?
        if let latest = try? await store.snapshotID(), force || latest != snapshot,
            let index = try? await KnowledgeIndex.load(from: store, vocabularies: vocabularies)
        {
            fresh = Matcher(vocabularies: vocabularies, index: index)
        }
        state.withLockedValue { state in
            // A refresh that read the store before one of our own writes must not undo it.
            if let fresh, Self.counter(fresh.index.snapshot) >= Self.counter(state.matcher?.index.snapshot ?? "") { state.matcher = fresh }
            state.refreshing = false
        }
    }

    /// Applies this server's own committed write, whose commit produced `snapshot`, to the
    /// current index in memory. The writer calls this in commit order; the change is worked
    /// out outside the lock so matches never wait for it.
    func apply(snapshot: String, _ change: (KnowledgeIndex) -> KnowledgeIndex) {
        // Without an index yet, the first build or the next check reads the write from the store.
        guard let current = state.withLockedValue({ $0.matcher }) else { return }
        let written = Self.counter(snapshot)
        let indexed = Self.counter(current.index.snapshot)
        // A reload that read the store after this commit already holds the write.
        guard written > indexed else { return }
        let updated = Matcher(vocabularies: vocabularies, index: change(current.index))
        state.withLockedValue { state in
            guard let now = state.matcher, Self.counter(now.index.snapshot) < written else { return }
            guard now.index.snapshot == current.index.snapshot else {
                // A refresh swapped in an index older than this write meanwhile: reload.
                state.reloadNeeded = true
                state.checkedAt = ContinuousClock.now - .seconds(2)
                return
            }
            state.matcher = updated
            // A gap in the counter means another process wrote too: reload on the next check.
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
