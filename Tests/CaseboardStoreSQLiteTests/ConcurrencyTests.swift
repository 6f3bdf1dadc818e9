import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import GRDB
import Synchronization
import Testing

/// A flag shared between a GRDB writer thread and the test.
private final class Flag: Sendable {
    private let value = Atomic<Bool>(false)
    func set() { value.store(true, ordering: .releasing) }
    var isSet: Bool { value.load(ordering: .acquiring) }
}

@Suite("SQLite store: concurrency")
struct ConcurrencyTests {
    private static func record(_ index: Int) -> CaseRecord {
        CaseRecord(
            document: "concurrent-\(index).txt",
            title: "Concurrent case \(index)",
            metadata: DocumentMetadata(pmid: "\(40_000_000 + index)"),
            diagnoses: [Diagnosis(name: "melanoma", oncotree: "MEL", code: "MEL", canonicalName: "Melanoma")],
            alterations: [Alteration(gene: "BRAF", variant: "V600E", kind: .proteinChange)],
            therapies: [TherapyLine(line: 1, drugs: ["dabrafenib", "trametinib"], response: .partial)]
        )
    }

    @Test func concurrentWritersAndReadersOnOnePoolAllSucceed() async throws {
        try await withTemporaryDirectory { directory in
            let store = try SQLiteKnowledgeStore.open(path: directory.appendingPathComponent("kb.sqlite").path, logger: Fixtures.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    group.addTask {
                        let written = try await store.upsert(Fixtures.bulkEvidence(prefix: "w\(writer)", count: 50))
                        #expect(written == 50)
                        let id = "pmid:\(40_000_000 + writer)"
                        let stored = try await store.saveCase(
                            Self.record(writer),
                            evidence: Fixtures.caseEvidence(id, count: 2, statement: "Writer \(writer) case evidence.")
                        )
                        #expect(stored.id == id)
                    }
                    group.addTask {
                        // Readers run alongside and see consistent snapshots.
                        let page = try await store.evidence(matching: EvidenceFilter(gene: "KIT", limit: 10))
                        #expect(page.total % 50 == 0)
                        _ = try await store.caseSummaries()
                        _ = try await store.stats()
                    }
                }
                try await group.waitForAll()
            }
            let stats = try await store.stats()
            #expect(stats.evidenceBySource == ["civic": 400, "case": 16])
            #expect(stats.cases == 8)
            #expect(stats.snapshotID.hasPrefix("16-"))
            #expect(try await store.caseSummaries().count == 8)
        }
    }

    @Test func twoStoresOnOneFileWaitForEachOther() async throws {
        // Two pools on one file behave like the CLI and the server in two processes: they
        // contend for SQLite's file lock, and the busy timeout makes them wait, not fail.
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("shared.sqlite").path
            let first = try SQLiteKnowledgeStore.open(path: path, logger: Fixtures.logger)
            let second = try SQLiteKnowledgeStore.open(path: path, logger: Fixtures.logger)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<8 {
                    let store = writer.isMultiple(of: 2) ? first : second
                    group.addTask {
                        _ = try await store.upsert(Fixtures.bulkEvidence(prefix: "p\(writer)", count: 200))
                        _ = try await store.saveCase(Self.record(writer), evidence: [])
                        try await store.setMetadata("writer-\(writer)", "done")
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await first.stats().evidenceBySource == ["civic": 1_600])
            #expect(try await second.stats().cases == 8)
            #expect(try await first.snapshotID() == (try await second.snapshotID()))
            #expect(try await second.snapshotID().hasPrefix("24-"))
            for writer in 0..<8 {
                #expect(try await first.metadata("writer-\(writer)") == "done")
            }
        }
    }

    @Test func writeLockedLongerThanTheTimeoutGivesAClearErrorAndWritesNothing() async throws {
        try await withTemporaryDirectory { directory in
            let path = directory.appendingPathComponent("locked.sqlite").path
            let store = try SQLiteKnowledgeStore.open(path: path, logger: Fixtures.logger, busyTimeout: 0.2)
            let before = try await store.snapshotID()
            // Another program holds the write lock until the store has given up.
            let other = try DatabaseQueue(path: path)
            let locked = Flag()
            let attempted = Flag()
            async let holding: Void = other.write { db in
                try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('other', 'program')")
                locked.set()
                // Only a safety net: the loop ends as soon as the store has tried. 180 s was not enough: in a
                // loaded clean-clone run this test's task, starved of the cooperative threads, tried after the
                // lock had been let go, and the write went through.
                let deadline = Date().addingTimeInterval(1_800)
                while !attempted.isSet && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
            }
            while !locked.isSet { try await Task.sleep(for: .milliseconds(10)) }
            let error = await #expect(throws: KnowledgeStoreError.self) {
                try await store.upsert(Fixtures.evidence)
            }
            attempted.set()
            try await holding
            #expect(error?.message == "database is locked by another process; gave up after 0.2 s (is another import running?)")
            #expect(error?.path == path)
            #expect(try await store.allEvidence() == [])
            #expect(try await store.snapshotID() == before)
            // Once the lock is released, writing works again.
            #expect(try await store.upsert(Fixtures.evidence) == 7)
            #expect(try await store.metadata("other") == "program")
        }
    }
}

@Suite("SQLite store: opening a new file from several processes")
struct ConcurrentOpenTests {
    /// Two ingest workers started together on a new file both migrate it. The second used to fail
    /// on a table the first had just created (CI, session 21).
    @Test func openersOfOneNewFileAllGetTheSameSchema() async throws {
        try await withTemporaryDirectory { directory in
            for round in 0..<12 {
                let path = directory.appendingPathComponent("kb-\(round).sqlite").path
                let failures = await withTaskGroup(of: String?.self) { group in
                    // Separate pools are separate connections: SQLite locks between them as between processes.
                    for _ in 0..<4 {
                        group.addTask {
                            do {
                                _ = try SQLiteKnowledgeStore.open(path: path, logger: Fixtures.logger)
                                return nil
                            } catch {
                                return "\(error)"
                            }
                        }
                    }
                    var failures: [String] = []
                    for await failure in group { if let failure { failures.append(failure) } }
                    return failures
                }
                #expect(failures.isEmpty, "round \(round): \(failures)")
                let store = try SQLiteKnowledgeStore.open(path: path, logger: Fixtures.logger)
                #expect(try await store.stats().cases == 0)
            }
        }
    }
}
