import CaseboardCore
import CaseboardKnowledge
import CaseboardStorePostgres
import Foundation
import ServiceLifecycle
import Testing

/// PostgreSQL's change feed: NOTIFY alone tells another store instance of a commit, and that
/// instance's ``KnowledgeStore/knownSnapshot()`` follows without a query of its own.
@Suite(.enabled(if: StoreKind.postgresURL != nil))
struct PostgresChangeFeedTests {
    /// A deadline (the time limit), so a feed that never tells fails instead of hanging.
    @Test(.timeLimit(.minutes(5)))
    func notifyAloneBringsAnotherInstanceUpToTheCommit() async throws {
        let url = try await StoreHarness.createDatabase()
        defer { Task { try? await StoreHarness.dropDatabase(url) } }
        try await StoreHarness.withPostgresStore(url: url) { writer in
            // The watcher never reads the generation on its own (its check is a day apart), so
            // only a notification can move what it knows.
            let watcher = try PostgresKnowledgeStore(url: url, logger: StoreHarness.logger, maximumConnections: 2, generationCheck: .seconds(86_400))
            #expect(watcher.knownSnapshot() == nil)
            // Subscribed before the session starts, so its first word is not missed.
            var changes = watcher.changes().makeAsyncIterator()
            let service = Task { try await watcher.service.run() }
            defer { service.cancel() }
            // Listening: the session is up once it has told the generation it started from.
            let first = await changes.next()
            let start = try #require(first)
            #expect(watcher.knownSnapshot() == start)
            let written = try await writer.saveCases([CaseSubmission(record: Sample.record(1), evidence: Sample.caseEvidence("n"))]).snapshot
            #expect(try Sample.generation(written) > Sample.generation(start))
            var told: String?
            while let snapshot = await changes.next() {
                told = snapshot
                if try Sample.generation(snapshot) >= Sample.generation(written) { break }
            }
            #expect(told == written)
            #expect(watcher.knownSnapshot() == written)
        }
    }

    /// Without a LISTEN session a store cannot vouch for what it knows: readers must ask.
    @Test func aStoreThatIsNotListeningKnowsNothing() throws {
        let url = try #require(StoreKind.postgresURL)
        let store = try PostgresKnowledgeStore(url: url, logger: StoreHarness.logger)
        #expect(store.knownSnapshot() == nil)
    }
}

/// PostgreSQL writes a batch of cases with one statement per table; a case the server refuses
/// sends the batch down the path of one savepoint per case, which keeps the others.
@Suite(.enabled(if: StoreKind.postgresURL != nil))
struct PostgresCaseBatchTests {
    @Test func aCaseTheServerRefusesLeavesTheRestOfItsBatch() async throws {
        try await StoreHarness.withStore(.postgres) { store, _ in
            var refused = Sample.record(2, pmid: "70000002")
            // PostgreSQL text cannot hold NUL; SQLite can, so this is PostgreSQL's own case.
            refused.title = "A title with a \u{0} in it"
            let before = try Sample.generation(try await store.snapshotID())
            let batch = try await store.saveCases([
                CaseSubmission(record: Sample.record(1, pmid: "70000001"), evidence: Sample.caseEvidence("one", count: 1)),
                CaseSubmission(record: refused, evidence: Sample.caseEvidence("two", count: 1)),
                CaseSubmission(record: Sample.record(3, pmid: "70000003"), evidence: []),
            ])
            #expect(batch.outcomes.map { (try? $0.get())?.stored.id } == ["pmid:70000001", nil, "pmid:70000003"])
            #expect(try Sample.generation(batch.snapshot) == before + 1)
            #expect(try await store.caseSummaries().map(\.id) == ["pmid:70000001", "pmid:70000003"])
            #expect(try await store.allEvidence().map(\.id) == ["case:one:0"])
        }
    }
}
