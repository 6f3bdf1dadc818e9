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

/// Rebuilds the in-memory knowledge index when the store's snapshot changes. The snapshot is
/// checked at most once a second, so other processes' writes (the CLI) show up promptly
/// without a database read on every match.
actor MatcherCache {
    private let vocabularies: Vocabularies
    private let store: any KnowledgeStore
    private var matcher: Matcher?
    private var checkedAt = ContinuousClock.now
    private var building: Task<Matcher, any Error>?

    init(vocabularies: Vocabularies, store: any KnowledgeStore) {
        self.vocabularies = vocabularies
        self.store = store
    }

    func current() async throws -> Matcher {
        if let matcher, ContinuousClock.now - checkedAt < .seconds(1) { return matcher }
        let snapshot = try await store.snapshotID()
        checkedAt = ContinuousClock.now
        if let matcher, matcher.index.snapshot == snapshot { return matcher }
        if let building { return try await building.value }
        let task = Task { [vocabularies, store] in
            Matcher(vocabularies: vocabularies, index: try await KnowledgeIndex.load(from: store, vocabularies: vocabularies))
        }
        building = task
        defer { building = nil }
        let fresh = try await task.value
        matcher = fresh
        return fresh
    }

    func invalidate() {
        matcher = nil
    }
}
