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

    public init(vocabularies: Vocabularies, store: any KnowledgeStore, logger: Logger) {
        self.vocabularies = vocabularies
        extractor = CaseExtractor(vocabularies: vocabularies, logger: logger)
        self.store = store
        matchers = MatcherCache(vocabularies: vocabularies, store: store)
    }

    /// A matcher on the current snapshot.
    func matcher() async throws -> Matcher {
        try await matchers.current()
    }

    /// After this server stored a case: add it to the match index in memory.
    func caseSaved(_ stored: StoredCase, evidence: [EvidenceItem]) async {
        let snapshot = (try? await store.snapshotID()) ?? ""
        await matchers.apply { $0.adding(CaseSummary(id: stored.id, record: stored.record), evidence: evidence, snapshot: snapshot) }
    }

    /// After this server deleted a case: drop it from the match index in memory.
    func caseDeleted(_ id: String) async {
        let snapshot = (try? await store.snapshotID()) ?? ""
        await matchers.apply { $0.removing(caseID: id, snapshot: snapshot) }
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

    /// Applies this server's own write to the current index in memory.
    func apply(_ change: @Sendable (KnowledgeIndex) -> KnowledgeIndex) {
        guard let current = matcher else { return }
        let updated = change(current.index)
        if Self.counter(updated.snapshot) >= Self.counter(current.index.snapshot) {
            matcher = Matcher(vocabularies: vocabularies, index: updated)
            // A gap in the counter means someone else wrote too: reload on the next check.
            if Self.counter(updated.snapshot) > Self.counter(current.index.snapshot) + 1 {
                reloadNeeded = true
                checkedAt = ContinuousClock.now - .seconds(2)
            }
        } else {
            // Writes finished out of order: let the next check reload from the store.
            checkedAt = ContinuousClock.now - .seconds(2)
        }
    }

    /// The change counter at the start of a snapshot id ("12-<uuid>"), or 0.
    static func counter(_ snapshot: String) -> Int {
        Int(snapshot.prefix { $0.isNumber }) ?? 0
    }
}
