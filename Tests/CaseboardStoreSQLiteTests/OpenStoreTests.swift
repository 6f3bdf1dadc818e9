import CaseboardCore
import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import GRDB
import Testing

@Suite("SQLite store: opening files, migrations, errors")
struct OpenStoreTests {
    private func open(_ url: URL) throws -> SQLiteKnowledgeStore {
        try SQLiteKnowledgeStore.open(path: url.path, logger: Fixtures.logger)
    }

    /// Runs `statements` on the file directly, bypassing the store: to turn it back into what an
    /// older release wrote, or into what another program or a newer Caseboard would write.
    private func rewrite(_ url: URL, _ statements: [String]) async throws {
        let queue = try DatabaseQueue(path: url.path)
        try await queue.write { db in
            for statement in statements { try db.execute(sql: statement) }
        }
        try queue.close()
    }

    private func siblings(of url: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path).sorted()
    }

    @Test func freshInMemoryStoreIsMigratedAndEmpty() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        #expect(try await store.allEvidence() == [])
        #expect(try await store.cases(query: nil, limit: 10, offset: 0) == [])
        #expect(try await store.evidence(matching: EvidenceFilter(query: "anything")).total == 0)
    }

    @Test func freshFileIsCreatedWithParentsAndMigrated() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("nested/deeper/kb.sqlite")
            let store = try open(url)
            _ = try await store.upsert(Fixtures.evidence)
            #expect(FileManager.default.fileExists(atPath: url.path))

            let queue = try DatabaseQueue(path: url.path)
            let (migrations, tables, journal) = try await queue.read { db in
                (
                    try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier"),
                    try String.fetchAll(
                        db,
                        sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%Fts_%' ORDER BY name"
                    ),
                    try String.fetchOne(db, sql: "PRAGMA journal_mode")
                )
            }
            #expect(
                migrations == [
                    "v1", "v2-evidence-by-gene-and-level", "v3-evidence-counts-by-gene-and-level", "v4-evidence-review", "v5-ingest-jobs",
                    "v6-search-significance", "v7-case-documents", "v8-case-sources",
                ]
            )
            #expect(
                tables == [
                    "caseDocument", "caseFeature", "caseFts", "caseSource", "cases", "evidence", "evidenceDrug", "evidenceFts", "evidenceGene",
                    "evidenceGeneLevel",
                    "evidenceGeneLevelCount", "evidenceReview", "grdb_migrations", "ingestJob", "meta",
                ]
            )
            #expect(journal == "wal")
        }
    }

    @Test func aVersionOneDatabaseIsUpgradedWithItsGeneOrderBackfilled() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("kb.sqlite")
            let expected: EvidencePage
            do {
                let store = try open(url)
                _ = try await store.upsert(Fixtures.evidence)
                expected = try await store.evidence(matching: EvidenceFilter(gene: "FLT3"))
            }
            #expect(expected.total > 1)
            // Turn the file back into what the first release wrote.
            try await rewrite(
                url,
                [
                    "DROP TABLE evidenceGeneLevelCount", "DROP TABLE evidenceGeneLevel",
                    "DELETE FROM grdb_migrations WHERE identifier != 'v1'",
                ]
            )
            let upgraded = try open(url)
            #expect(try await upgraded.evidence(matching: EvidenceFilter(gene: "FLT3")) == expected)
            #expect(try await upgraded.evidence(matching: EvidenceFilter(gene: "flt3", limit: 1, offset: 1)).items == [expected.items[1]])
        }
    }

    @Test func aVersionTwoDatabaseIsUpgradedWithItsCountsBackfilled() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("kb.sqlite")
            let expected: [EvidencePage]
            let filters = [EvidenceFilter(gene: "FLT3"), EvidenceFilter(gene: "FLT3", level: .a), EvidenceFilter(gene: "KIT")]
            do {
                let store = try open(url)
                _ = try await store.upsert(Fixtures.evidence + Fixtures.bulkEvidence(prefix: "up", count: 40))
                var pages: [EvidencePage] = []
                for filter in filters { pages.append(try await store.evidence(matching: filter)) }
                expected = pages
            }
            #expect(expected[2].total == 40)
            // Turn the file back into what the second release wrote.
            try await rewrite(
                url,
                [
                    "DROP TRIGGER evidenceGeneLevel_countInsert", "DROP TRIGGER evidenceGeneLevel_countDelete",
                    "DROP TABLE evidenceGeneLevelCount", "DELETE FROM grdb_migrations WHERE identifier LIKE 'v3-%'",
                ]
            )
            let upgraded = try open(url)
            for (filter, page) in zip(filters, expected) { #expect(try await upgraded.evidence(matching: filter) == page) }
            // The triggers work on the upgraded file too.
            _ = try await upgraded.upsert(Fixtures.bulkEvidence(prefix: "more", count: 5))
            #expect(try await upgraded.evidence(matching: EvidenceFilter(gene: "KIT")).total == 45)
        }
    }

    @Test func reopeningKeepsContentAndSnapshot() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("kb.sqlite")
            let snapshot: String
            do {
                let store = try open(url)
                _ = try await store.upsert(Fixtures.evidence)
                _ = try await store.saveCase(Fixtures.amlCase, evidence: [])
                try await store.setMetadata("curated-version", "7")
                snapshot = try await store.snapshotID()
            }
            let reopened = try open(url)
            #expect(try await reopened.allEvidence() == Fixtures.evidence.sorted { $0.id < $1.id })
            #expect(try await reopened.storedCase(id: "pmid:20000001")?.record == Fixtures.amlCase)
            #expect(try await reopened.metadata("curated-version") == "7")
            #expect(try await reopened.snapshotID() == snapshot)
            #expect(try await reopened.evidence(matching: EvidenceFilter(query: "resistant")).total == 2)
        }
    }

    @Test func emptyFileOpensAsANewStore() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("empty.sqlite")
            #expect(FileManager.default.createFile(atPath: url.path, contents: Data()))
            let store = try open(url)
            #expect(try await store.upsert(Fixtures.evidence) == 7)
        }
    }

    @Test func fileThatIsNotSQLiteIsRefusedAndLeftUntouched() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("notes.sqlite")
            let bytes = Data("Patient notes, not a database.\n".utf8) + Data((0..<4_096).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            try bytes.write(to: url)
            let error = #expect(throws: KnowledgeStoreError.self) { try open(url) }
            #expect(error?.message == "file is not a Caseboard database (not SQLite or corrupt)")
            #expect(error?.path == url.path)
            #expect(error?.description == "\(url.path): error: file is not a Caseboard database (not SQLite or corrupt)")
            #expect(try Data(contentsOf: url) == bytes)
            #expect(try siblings(of: url) == ["notes.sqlite"])
        }
    }

    @Test func corruptSQLiteFileIsRefusedAndLeftUntouched() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("corrupt.sqlite")
            // A valid header followed by garbage: SQLite itself must reject it.
            let bytes = Data("SQLite format 3\0".utf8) + Data(repeating: 0xAB, count: 8_192)
            try bytes.write(to: url)
            let error = #expect(throws: KnowledgeStoreError.self) { try open(url) }
            #expect(error?.message == "file is not a Caseboard database (not SQLite or corrupt)")
            #expect(error?.path == url.path)
            #expect(try Data(contentsOf: url) == bytes)
        }
    }

    @Test func sqliteDatabaseOfAnotherProgramIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("other.sqlite")
            try await rewrite(url, ["CREATE TABLE contacts (name TEXT)", "INSERT INTO contacts VALUES ('A. Person')"])
            let before = try Data(contentsOf: url)
            let error = #expect(throws: KnowledgeStoreError.self) { try open(url) }
            #expect(error?.message == "file is not a Caseboard database (a SQLite database of another program)")
            #expect(try Data(contentsOf: url) == before)
        }
    }

    @Test func databaseFromANewerCaseboardIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let url = directory.appendingPathComponent("future.sqlite")
            do {
                let store = try open(url)
                _ = try await store.upsert(Fixtures.evidence)
            }
            try await rewrite(url, ["INSERT INTO grdb_migrations (identifier) VALUES ('v2-from-the-future')"])
            let error = #expect(throws: KnowledgeStoreError.self) { try open(url) }
            #expect(error?.message == "the database was written by a newer version of Caseboard; upgrade Caseboard to open it")
            #expect(error?.path == url.path)
        }
    }

    @Test func pathThroughAFileGivesAClearError() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory.appendingPathComponent("plain.txt")
            try Data("x".utf8).write(to: file)
            let url = file.appendingPathComponent("kb.sqlite")
            let error = #expect(throws: KnowledgeStoreError.self) { try open(url) }
            #expect(error?.message == "cannot create the database: \(file.path) is not a directory")
            #expect(error?.path == url.path)
        }
    }

    @Test func pathThatIsADirectoryGivesAClearError() async throws {
        try await withTemporaryDirectory { directory in
            let error = #expect(throws: KnowledgeStoreError.self) { try open(directory) }
            #expect(error?.message == "the path is a directory, not a Caseboard database file")
        }
    }

    #if os(Linux)
    @Test func directoryThatCannotBeCreatedGivesAClearError() async throws {
        // Not even root can create directories in /proc.
        let url = URL(fileURLWithPath: "/proc/caseboard-\(UUID().uuidString)/kb.sqlite")
        let error = #expect(throws: KnowledgeStoreError.self) { try open(url) }
        #expect(
            error?.message
                == "cannot create the directory \(url.deletingLastPathComponent().path) (check permissions and that no part of the path is a file)"
        )
    }
    #endif

    @Test(.enabled(if: getuid() != 0, "root ignores file permissions"))
    func readOnlyDirectoryGivesAClearError() async throws {
        try await withTemporaryDirectory { directory in
            let locked = directory.appendingPathComponent("locked")
            try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: false)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: locked.path)
            defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: locked.path) }
            let url = locked.appendingPathComponent("kb.sqlite")
            let error = #expect(throws: KnowledgeStoreError.self) { try open(url) }
            #expect(error?.message == "cannot open the database file (check that its directory exists and is writable)")
            #expect(error?.path == url.path)
        }
    }
}
