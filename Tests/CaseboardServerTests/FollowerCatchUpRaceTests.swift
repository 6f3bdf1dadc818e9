import CaseboardCore
import CaseboardKnowledge
import CaseboardServer
import CaseboardStoreSQLite
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import Testing

/// A store with a change feed the test plays (as PostgreSQL's NOTIFY would tell another server's
/// commits) that lists the cases written past the server, as read when a listing starts; the
/// first listing is held at a gate until the test opens it, as a slow read would be.
final class FeedTellingStore: ForwardingStore {
    let inner: any KnowledgeStore
    /// Yields each time a listing of changes has read its content.
    let readStarted: AsyncStream<Void>
    private let readStartedContinuation: AsyncStream<Void>.Continuation
    private let gate: AsyncStream<Void>
    private let gateContinuation: AsyncStream<Void>.Continuation
    private let feed: AsyncStream<String>
    private let feedContinuation: AsyncStream<String>.Continuation
    private let outside = NIOLockedValueBox<[StoredCaseContent]>([])
    private let known = NIOLockedValueBox<String?>(nil)
    private let holdsNextRead = NIOLockedValueBox(true)

    init(_ inner: any KnowledgeStore) {
        self.inner = inner
        (readStarted, readStartedContinuation) = AsyncStream.makeStream()
        (gate, gateContinuation) = AsyncStream.makeStream()
        // As the PostgreSQL store's feed: a consumer that is busy sees the newest commit next.
        (feed, feedContinuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Stores a case straight into the inner store, as another server would, and returns the
    /// snapshot its commit made (which the store then vouches for).
    func writeElsewhere(_ record: CaseRecord, evidence: [EvidenceItem]) async throws -> String {
        let stored = try await inner.saveCase(record, evidence: evidence)
        outside.withLockedValue { $0.append(StoredCaseContent(stored: stored, evidence: evidence)) }
        let snapshot = try await inner.snapshotID()
        known.withLockedValue { $0 = snapshot }
        return snapshot
    }

    /// The feed tells of a commit.
    func tell(_ snapshot: String) { feedContinuation.yield(snapshot) }

    /// Lets the held listing finish.
    func open() { gateContinuation.finish() }

    var vouchesForSnapshots: Bool { true }
    func knownSnapshot() -> String? { known.withLockedValue { $0 } }
    func changes() -> AsyncStream<String> { feed }

    func caseChanges(after generation: Int) async throws -> CaseChanges? {
        let snapshot = try await inner.snapshotID()
        let stored = outside.withLockedValue { $0 }
        readStartedContinuation.yield()
        let holds = holdsNextRead.withLockedValue { holds in
            defer { holds = false }
            return holds
        }
        if holds { for await _ in gate {} }
        return CaseChanges(snapshot: snapshot, stored: stored, deleted: [])
    }

}

struct FollowerCatchUpRaceTests {
    /// The follower shares a catch-up already under way. When that one read the store before
    /// the commit the feed told of, the follower must look again: before the fix it took the
    /// shared read as done and waited for the next commit, so the index stayed behind (and,
    /// the feed vouching for the newer snapshot, matches answered from it) until someone else
    /// wrote. Two servers in CI showed a second or more before another test's write came.
    @Test
    func aCommitToldDuringAnOlderCatchUpIsStillCaughtUp() async throws {
        let vocabularies = try Harness.vocabularies.get()
        let inner = try SQLiteKnowledgeStore.inMemory(logger: Logger(label: "test"))
        try await KnowledgeSeeding.seedIfNeeded(inner, vocabularies: vocabularies)
        let store = FeedTellingStore(inner)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(token: Harness.token, requestTimeout: 600, logLevel: .warning)
        let services = ServerServices(vocabularies: vocabularies, store: store, logger: logger)
        let app = try buildApplication(configuration: configuration, services: services, version: "test", logger: logger)
        @Sendable func evidence(_ record: CaseRecord) -> [EvidenceItem] {
            CaseEvidence.derive(from: record, caseID: CaseIdentity.id(for: record), vocabularies: vocabularies)
        }
        try await app.test(.router) { client in
            try await withStoreFollower(services) {
                try await IndexFreshnessTests.match(client)
                let first = IndexFreshnessTests.record(11, drug: "crenolanib")
                _ = try await store.writeElsewhere(first, evidence: evidence(first))
                var started = store.readStarted.makeAsyncIterator()
                try await withThrowingTaskGroup(of: Void.self) { group in
                    // `/api/version` catches the index up to the first write: a read held at the gate.
                    group.addTask { try await client.execute(uri: "/api/version", method: .get) { #expect($0.status == .ok) } }
                    _ = await started.next()
                    let second = IndexFreshnessTests.record(12, drug: "crenolanib")
                    let newest = try await store.writeElsewhere(second, evidence: evidence(second))
                    store.tell(newest)
                    // The follower's joining the held read cannot be observed; give it the time
                    // to. A follower slower than this reads on its own after the gate, and the
                    // test then passes without the race: it can pass wrongly, never fail wrongly.
                    try await Task.sleep(for: .milliseconds(300))
                    store.open()
                    try await group.waitForAll()
                    let deadline = ContinuousClock.now + .seconds(30)
                    while services.indexedSnapshot != newest, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
                    #expect(services.indexedSnapshot == newest, "the index stayed behind the commit the feed told of")
                }
                let body = try await IndexFreshnessTests.match(client)
                #expect(try IndexFreshnessTests.caseReports(for: "crenolanib", in: body) == 2)
            }
        }
    }
}
