import CaseboardCore
import CaseboardKnowledge
import CaseboardStorePostgres
import Foundation
import PostgresNIO
import ServiceLifecycle
import Testing

/// PostgreSQL's change feed: NOTIFY alone tells another store instance of a commit, and that
/// instance's ``KnowledgeStore/knownSnapshot()`` follows without a query of its own.
@Suite(.enabled(if: StoreKind.postgresURL != nil))
struct PostgresChangeFeedTests {
    /// A deadline (the time limit), so a feed that never tells fails instead of hanging. Generous: in
    /// a loaded clean-clone run the whole test took 631 s against a 300 s limit, while CPU-bound
    /// suites held the cooperative threads (another test's 50 ms sleep there once woke after 273 s).
    @Test(.timeLimit(.minutes(30)))
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

/// A case write deletes the id's older generation stamps and tombstones as it writes its new
/// one, and a write that changes more than cases drops them all (issue 14: they were never
/// pruned, one row per write for ever). What the pruning keeps must still tell every reader,
/// whatever generation it is at, what changed since.
@Suite(.enabled(if: StoreKind.postgresURL != nil))
struct PostgresCaseStampPruningTests {
    @Test func stampsAndTombstonesKeepOneRowPerIdAndStillTellEveryReader() async throws {
        let url = try await StoreHarness.createDatabase()
        defer { Task { try? await StoreHarness.dropDatabase(url) } }
        try await StoreHarness.withPostgresStore(url: url) { store in
            let start = try Sample.generation(try await store.snapshotID())
            // Generations start+1...start+3: one case saved three times.
            for drug in ["imatinib", "nilotinib", "dasatinib"] {
                _ = try await store.saveCases([
                    CaseSubmission(record: Sample.record(1, pmid: "80000001", drug: drug), evidence: Sample.caseEvidence(drug, count: 1))
                ])
            }
            // start+4...start+7: another saved, deleted, saved again and deleted again.
            for _ in 0..<2 {
                _ = try await store.saveCase(Sample.record(2, pmid: "80000002"), evidence: [])
                #expect(try await store.deleteCase(id: "pmid:80000002"))
            }
            #expect(try await Self.ids(in: "case_stamp", store) == ["pmid:80000001"])
            #expect(try await Self.ids(in: "case_tombstone", store) == ["pmid:80000002"])
            for generation in start...(start + 7) {
                let changes = try #require(try await store.caseChanges(after: generation))
                #expect(try Sample.generation(changes.snapshot) == start + 7)
                let stored = changes.stored.map(\.stored)
                #expect(stored.map(\.id) == (generation < start + 3 ? ["pmid:80000001"] : []), "after generation \(generation)")
                #expect(stored.first.flatMap { $0.record.therapies.first?.drugs } == (generation < start + 3 ? ["dasatinib"] : nil))
                #expect(changes.stored.first?.evidence.map(\.id) == (generation < start + 3 ? ["case:dasatinib:0"] : nil))
                #expect(changes.deleted == (generation < start + 7 ? ["pmid:80000002"] : []), "after generation \(generation)")
            }
            // A write that changes more than cases: readers behind it reread all, so no stamp
            // or tombstone is needed any more.
            _ = try await store.upsert([Sample.evidence[0]])
            #expect(try await Self.ids(in: "case_stamp", store).isEmpty)
            #expect(try await Self.ids(in: "case_tombstone", store).isEmpty)
            #expect(try await store.caseChanges(after: start + 7) == nil)
            let after = try #require(try await store.caseChanges(after: start + 8))
            #expect(after.stored.isEmpty && after.deleted.isEmpty)
        }
    }

    /// The ids in a stamp table, one row each.
    static func ids(in table: String, _ store: PostgresKnowledgeStore) async throws -> [String] {
        try await store.client.withConnection { connection in
            var ids: [String] = []
            // `table` is one of the two fixed names above.
            for try await id in try await connection.query(
                PostgresQuery(unsafeSQL: "SELECT id FROM \(table) ORDER BY id"),
                logger: StoreHarness.logger
            )
            .decode(String.self) {
                ids.append(id)
            }
            return ids
        }
    }
}
