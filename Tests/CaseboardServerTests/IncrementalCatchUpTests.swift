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

/// A store that lists the cases changed since a generation (as PostgreSQL does) and holds this
/// server's case writes at a gate until the test opens it, as a slow commit would; or, with
/// `holdingReads`, holds the listing of changes instead, and vouches for its snapshot as a
/// change feed would (`knownSnapshot()`).
final class HeldWriteStore: ForwardingStore {
    let inner: any KnowledgeStore
    /// Yields once each time a case write reaches the store and starts waiting at the gate.
    let entered: AsyncStream<Void>
    private let enteredContinuation: AsyncStream<Void>.Continuation
    private let gate: AsyncStream<Void>
    private let gateContinuation: AsyncStream<Void>.Continuation
    /// The cases written past this server, which `caseChanges(after:)` lists.
    private let outside = NIOLockedValueBox<[StoredCaseContent]>([])
    private let holdingReads: Bool
    private let known = NIOLockedValueBox<String?>(nil)

    init(_ inner: any KnowledgeStore, holdingReads: Bool = false) {
        self.inner = inner
        self.holdingReads = holdingReads
        (entered, enteredContinuation) = AsyncStream.makeStream()
        (gate, gateContinuation) = AsyncStream.makeStream()
    }

    /// Lets the held write (and every later one) through.
    func open() { gateContinuation.finish() }

    /// Stores a case straight into the inner store, as another server would.
    func writeElsewhere(_ record: CaseRecord, evidence: [EvidenceItem]) async throws {
        let stored = try await inner.saveCase(record, evidence: evidence)
        outside.withLockedValue { $0.append(StoredCaseContent(stored: stored, evidence: evidence)) }
        if holdingReads {
            let snapshot = try await inner.snapshotID()
            known.withLockedValue { $0 = snapshot }
        }
    }

    func knownSnapshot() -> String? { known.withLockedValue { $0 } }

    func caseChanges(after generation: Int) async throws -> CaseChanges? {
        if holdingReads { for await _ in gate {} }
        return CaseChanges(snapshot: try await inner.snapshotID(), stored: outside.withLockedValue { $0 }, deleted: [])
    }

    func saveCases(_ submissions: [CaseSubmission]) async throws -> CaseBatchResult {
        enteredContinuation.yield()
        if !holdingReads { for await _ in gate {} }
        return try await inner.saveCases(submissions)
    }

}

struct IncrementalCatchUpTests {
    /// With two PostgreSQL servers, a match that found the other server's write waited for
    /// the catch-up queued behind this server's own commits (their p99 was hundreds of
    /// milliseconds). With a store that lists its changes, the match catches up beside a write
    /// of ours still in flight, and that write is indexed too once it commits.
    /// Before the change the match below waited for the held write (forever: the test hung).
    @Test
    func aMatchCatchesUpWithoutWaitingForOurOwnWriteInFlight() async throws {
        let vocabularies = try Harness.vocabularies.get()
        let inner = try SQLiteKnowledgeStore.inMemory(logger: Logger(label: "test"))
        try await KnowledgeSeeding.seedIfNeeded(inner, vocabularies: vocabularies)
        let store = HeldWriteStore(inner)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(token: Harness.token, requestTimeout: 600, logLevel: .warning)
        let services = ServerServices(vocabularies: vocabularies, store: store, logger: logger)
        let app = try buildApplication(configuration: configuration, services: services, version: "test", logger: logger)
        try await app.test(.router) { client in
            try await IndexFreshnessTests.match(client)
            var entered = store.entered.makeAsyncIterator()
            try await withThrowingTaskGroup(of: Void.self) { group in
                // Our own write, held in the store.
                group.addTask {
                    try await IndexFreshnessTests.store(IndexFreshnessTests.record(1, drug: "crenolanib"), through: client)
                }
                _ = await entered.next()
                // Two cases, as one case report alone shows no option.
                for number in [2, 4] {
                    let record = IndexFreshnessTests.record(number, drug: "crenolanib")
                    let evidence = CaseEvidence.derive(from: record, caseID: CaseIdentity.id(for: record), vocabularies: vocabularies)
                    try await store.writeElsewhere(record, evidence: evidence)
                }
                let body = try await IndexFreshnessTests.match(client)
                // The other server's cases, and not yet ours.
                #expect(try IndexFreshnessTests.caseReports(for: "crenolanib", in: body) == 2)
                store.open()
                try await group.waitForAll()
            }
            let body = try await IndexFreshnessTests.match(client)
            #expect(try IndexFreshnessTests.caseReports(for: "crenolanib", in: body) == 3)
        }
    }

    /// While the change feed vouches for a snapshot the index lacks, a match answers from the
    /// index as it is (the background follower catches it up); `/api/version` waits instead,
    /// so a match after it is not older than the snapshot it named. Before the change the
    /// first match below waited for the held read (forever: the test hung).
    @Test
    func withAChangeFeedAMatchNeverWaitsAndTheVersionDoes() async throws {
        let vocabularies = try Harness.vocabularies.get()
        let inner = try SQLiteKnowledgeStore.inMemory(logger: Logger(label: "test"))
        try await KnowledgeSeeding.seedIfNeeded(inner, vocabularies: vocabularies)
        let store = HeldWriteStore(inner, holdingReads: true)
        var logger = Logger(label: "test")
        logger.logLevel = .warning
        let configuration = ServerConfiguration(token: Harness.token, requestTimeout: 600, logLevel: .warning)
        let services = ServerServices(vocabularies: vocabularies, store: store, logger: logger)
        let app = try buildApplication(configuration: configuration, services: services, version: "test", logger: logger)
        try await app.test(.router) { client in
            try await IndexFreshnessTests.match(client)
            for number in [3, 5] {
                let record = IndexFreshnessTests.record(number, drug: "crenolanib")
                let evidence = CaseEvidence.derive(from: record, caseID: CaseIdentity.id(for: record), vocabularies: vocabularies)
                try await store.writeElsewhere(record, evidence: evidence)
            }
            // The index before the other server's write: the listing of changes is held.
            let before = try await IndexFreshnessTests.match(client)
            #expect(try IndexFreshnessTests.caseReports(for: "crenolanib", in: before) == 0)
            store.open()
            let version = try await client.execute(uri: "/api/version", method: .get) { try Harness.json($0.body)["snapshot"] as? String }
            let after = try await IndexFreshnessTests.match(client)
            #expect(try Harness.json(after)["snapshot"] as? String == version)
            #expect(try IndexFreshnessTests.caseReports(for: "crenolanib", in: after) == 2)
        }
    }
}
