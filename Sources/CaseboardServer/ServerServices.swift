import CaseboardCore
import CaseboardDocuments
import CaseboardExtraction
import CaseboardKnowledge
import CaseboardMatching
import CaseboardVocabularies
import Foundation
import Logging

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
            await matchers.apply(snapshot: snapshot) { [additions] in $0.adding(additions, snapshot: snapshot) }
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
                await matchers.apply(snapshot: snapshot) { $0.removing(caseID: id, snapshot: snapshot) }
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
actor MatcherCache {
    private let vocabularies: Vocabularies
    private let store: any KnowledgeStore
    private var matcher: Matcher?
    private var checkedAt = ContinuousClock.now
    private var refresh: Task<Void, Never>?
    /// Set when another process may have written between our own writes.
    private var reloadNeeded = false
    private var initial: Task<Matcher, any Error>?

    init(vocabularies: Vocabularies, store: any KnowledgeStore) {
        self.vocabularies = vocabularies
        self.store = store
    }

    func current() async throws -> Matcher {
        if let matcher {
            if ContinuousClock.now - checkedAt >= .seconds(1), refresh == nil {
                checkedAt = ContinuousClock.now
                let snapshot = matcher.index.snapshot
                let force = reloadNeeded
                reloadNeeded = false
                refresh = Task { [vocabularies, store] in
                    let fresh: Matcher? = await {
                        guard let latest = try? await store.snapshotID(), force || latest != snapshot else { return nil }
                        return try? Matcher(vocabularies: vocabularies, index: await KnowledgeIndex.load(from: store, vocabularies: vocabularies))
                    }()
                    await self.finishRefresh(fresh)
                }
            }
            return matcher
        }
        if let initial { return try await initial.value }
        let task = Task { [vocabularies, store] in
            Matcher(vocabularies: vocabularies, index: try await KnowledgeIndex.load(from: store, vocabularies: vocabularies))
        }
        initial = task
        defer { initial = nil }
        let built = try await task.value
        matcher = built
        checkedAt = ContinuousClock.now
        return built
    }

    private func finishRefresh(_ fresh: Matcher?) {
        // A refresh that read the store before one of our own writes must not undo it.
        if let fresh, Self.counter(fresh.index.snapshot) >= Self.counter(matcher?.index.snapshot ?? "") { matcher = fresh }
        refresh = nil
    }

    /// Applies this server's own committed write, whose commit produced `snapshot`, to the
    /// current index in memory. The writer calls this in commit order.
    func apply(snapshot: String, _ change: @Sendable (KnowledgeIndex) -> KnowledgeIndex) {
        // Without an index yet, the first build or the next check reads the write from the store.
        guard let current = matcher else { return }
        let written = Self.counter(snapshot)
        let indexed = Self.counter(current.index.snapshot)
        // A reload that read the store after this commit already holds the write.
        guard written > indexed else { return }
        matcher = Matcher(vocabularies: vocabularies, index: change(current.index))
        // A gap in the counter means another process wrote too: reload on the next check.
        if written > indexed + 1 {
            reloadNeeded = true
            checkedAt = ContinuousClock.now - .seconds(2)
        }
    }

    /// The change counter at the start of a snapshot id ("12-<uuid>"), or 0.
    static func counter(_ snapshot: String) -> Int {
        Int(snapshot.prefix { $0.isNumber }) ?? 0
    }
}
