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

    /// Call after a write so the next match sees it.
    func invalidate() async {
        await matchers.invalidate()
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
                refresh = Task { [vocabularies, store] in
                    let fresh: Matcher? = await {
                        guard let latest = try? await store.snapshotID(), latest != snapshot else { return nil }
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
        if let fresh { matcher = fresh }
        refresh = nil
    }

    /// After a write: check the snapshot on the next request instead of waiting out the second.
    func invalidate() {
        checkedAt = ContinuousClock.now - .seconds(2)
    }
}
