import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import GRDB
import Testing

/// Read-only and damaged files, `kb check` and `kb backup`: a damaged file is never written,
/// a read-only one still serves reads, and a backup is complete or absent.
@Suite("SQLite store: read-only, damaged files, check and backup")
struct MaintenanceTests {
    private func open(_ url: URL, readOnly: Bool = false) throws -> SQLiteKnowledgeStore {
        try SQLiteKnowledgeStore.open(path: url.path, logger: Fixtures.logger, readOnly: readOnly)
    }

    /// A closed store file holding the fixtures' evidence and two cases.
    private func makeStore(_ url: URL) async throws {
        let store = try open(url)
        _ = try await store.upsert(Fixtures.evidence)
        _ = try await store.saveCase(Fixtures.amlCase, evidence: [])
        _ = try await store.saveCase(Fixtures.lungCase, evidence: [])
    }

    /// Overwrites the first page of a table with garbage, as a failing disk might: the header
    /// and schema stay readable, so only an integrity check finds it.
    private func damage(_ url: URL, table: String) async throws {
        let queue = try DatabaseQueue(path: url.path)
        let (page, pageSize) = try await queue.read { db in
            (
                try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [table]) ?? 0,
                try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096
            )
        }
        try queue.close()
        #expect(page > 1)
        let handle = try FileHandle(forWritingTo: url)
        try handle.seek(toOffset: UInt64((page - 1) * pageSize))
        try handle.write(contentsOf: Data((0..<pageSize).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }))
        try handle.close()
    }

    @Test func aSoundFileChecksHealthyWithItsSchemaAndCounts() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("kb.sqlite")
            try await makeStore(url)
            let report = try SQLiteKnowledgeStore.check(path: url.path)
            #expect(report.isHealthy)
            #expect(report.problems.isEmpty)
            #expect(report.schemaVersion == "v8-case-sources")
            #expect(report.pendingMigrations.isEmpty)
            #expect(report.cases == 2)
            #expect(report.evidenceBySource?["civic"] ?? 0 > 0)
        }
    }

    @Test func aDamagedFileIsRefusedOnOpenNamedAndLeftUntouched() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("damaged.sqlite")
            try await makeStore(url)
            try await damage(url, table: "evidence")
            let before = try Data(contentsOf: url)
            let error = #expect(throws: KnowledgeStoreError.self) { try open(url) }
            #expect(error?.path == url.path)
            #expect(error?.message.contains("damaged") == true, "\(String(describing: error))")
            #expect(error?.message.contains("kb backup") == true)
            #expect(try Data(contentsOf: url) == before)

            let report = try SQLiteKnowledgeStore.check(path: url.path)
            #expect(!report.isHealthy)
            #expect(!report.problems.isEmpty)
            #expect(report.cases == nil)
            #expect(try Data(contentsOf: url) == before)
        }
    }

    @Test func aReadOnlyFileServesReadsAndRefusesWritesClearly() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("kb.sqlite")
            try await makeStore(url)
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: url.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path) }
            let before = try Data(contentsOf: url)
            // No flag: the file's permissions say read-only (for root too).
            let store = try open(url)
            #expect(store.isReadOnly)
            #expect(try await store.stats().cases == 2)
            #expect(try await store.allEvidence().count == Fixtures.evidence.count)
            let error = await #expect(throws: KnowledgeStoreError.self) {
                _ = try await store.saveCase(Fixtures.amlCase, evidence: [])
            }
            #expect(error?.path == url.path)
            #expect(error?.message.contains("read-only") == true)
            #expect(try Data(contentsOf: url) == before)
        }
    }

    @Test func readOnlyOnRequestLeavesAWritableFileAlone() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("kb.sqlite")
            try await makeStore(url)
            let store = try open(url, readOnly: true)
            #expect(store.isReadOnly)
            await #expect(throws: KnowledgeStoreError.self) { _ = try await store.deleteCase(id: "anything") }
            #expect(try await store.stats().cases == 2)
        }
    }

    @Test func aReadOnlyFileThatNeedsAnUpgradeIsAClearError() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("old.sqlite")
            try await makeStore(url)
            let queue = try DatabaseQueue(path: url.path)
            try await queue.write { db in try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = 'v4-evidence-review'") }
            try queue.close()
            let error = #expect(throws: KnowledgeStoreError.self) { try open(url, readOnly: true) }
            #expect(error?.path == url.path)
            #expect(error?.message.contains("schema upgrade") == true)
            #expect(try SQLiteKnowledgeStore.check(path: url.path).pendingMigrations == ["v4-evidence-review"])
        }
    }

    @Test func aBackupIsACompleteConsistentCopyMadeWhileWritesGoOn() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("live.sqlite")
            let backup = directory.appendingPathComponent("copy.sqlite")
            // Something already at the destination is replaced whole.
            try Data("an older, unrelated file".utf8).write(to: backup)
            try await makeStore(url)
            let store = try open(url)
            let writes = Task {
                for number in 0..<200 {
                    var record = Fixtures.lungCase
                    record.document = "concurrent-\(number).txt"
                    _ = try await store.saveCase(record, evidence: [])
                }
            }
            try await store.backup(to: backup.path)
            try await writes.value
            let report = try SQLiteKnowledgeStore.check(path: backup.path)
            #expect(report.isHealthy)
            let copied = try #require(report.cases)
            #expect((2...202).contains(copied))
            #expect(try await store.stats().cases == 202)
            // No temporary file is left beside the copy.
            let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            #expect(!names.contains { $0.hasSuffix(".partial") })
        }
    }

    @Test func aBackupOverTheDatabaseItselfIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("kb.sqlite")
            try await makeStore(url)
            let store = try open(url)
            await #expect(throws: KnowledgeStoreError.self) { try await store.backup(to: url.path) }
            #expect(try await store.stats().cases == 2)
        }
    }
}
