import CaseboardKnowledge
import CaseboardStoreSQLite
import Foundation
import Logging
import Testing

/// The job table contract on the SQLite store. Times are passed in, so no test waits.
struct IngestJobStoreTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func files(_ names: [String], size: Int64 = 100) -> [IngestFileIdentity] {
        names.map { IngestFileIdentity(path: "/data/\($0)", size: size, modifiedAt: 1_700_000_000) }
    }

    @Test func workersClaimDifferentFilesInPathOrder() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let registered = try await store.registerIngestFiles(files(["b.xml", "a.xml"]), now: start)
        #expect(registered.map(\.state) == [.pending, .pending])
        let paths = registered.map(\.path)
        let first = try await store.claimNextIngestFile(worker: "w1", among: paths, staleAfter: 60, now: start)
        let second = try await store.claimNextIngestFile(worker: "w2", among: paths, staleAfter: 60, now: start)
        let third = try await store.claimNextIngestFile(worker: "w3", among: paths, staleAfter: 60, now: start)
        #expect(first?.path == "/data/a.xml")
        #expect(first?.claimedBy == "w1")
        #expect(first?.state == .claimed)
        #expect(first?.attempts == 1)
        #expect(second?.path == "/data/b.xml")
        #expect(third == nil)
    }

    @Test func claimsOnlyAmongTheGivenPaths() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        _ = try await store.registerIngestFiles(files(["a.xml", "b.xml"]), now: start)
        let job = try await store.claimNextIngestFile(worker: "w1", among: ["/data/b.xml"], staleAfter: 60, now: start)
        #expect(job?.path == "/data/b.xml")
        #expect(try await store.claimNextIngestFile(worker: "w1", among: ["/data/b.xml"], staleAfter: 60, now: start) == nil)
    }

    @Test func aStaleClaimIsTakenOverAndTheOldWorkerLosesIt() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let paths = try await store.registerIngestFiles(files(["a.xml"]), now: start).map(\.path)
        _ = try await store.claimNextIngestFile(worker: "w1", among: paths, staleAfter: 60, now: start)
        let early = try await store.claimNextIngestFile(worker: "w2", among: paths, staleAfter: 60, now: start + 59)
        #expect(early == nil)
        let late = try await store.claimNextIngestFile(worker: "w2", among: paths, staleAfter: 60, now: start + 61)
        #expect(late?.claimedBy == "w2")
        #expect(late?.attempts == 2)
        let counts = IngestCounts(recordsSeen: 5)
        #expect(try await store.recordIngestProgress(path: paths[0], worker: "w1", checkpoint: 5, counts: counts, now: start + 62) == false)
        #expect(try await store.completeIngestFile(path: paths[0], worker: "w1", checkpoint: 5, counts: counts, now: start + 62) == false)
        #expect(try await store.ingestJobs().first?.claimedBy == "w2")
    }

    @Test func aHeartbeatKeepsTheClaim() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let paths = try await store.registerIngestFiles(files(["a.xml"]), now: start).map(\.path)
        _ = try await store.claimNextIngestFile(worker: "w1", among: paths, staleAfter: 60, now: start)
        let counts = IngestCounts(recordsSeen: 7, caseReports: 4, stored: 4)
        #expect(try await store.recordIngestProgress(path: paths[0], worker: "w1", checkpoint: 8, counts: counts, now: start + 50))
        #expect(try await store.claimNextIngestFile(worker: "w2", among: paths, staleAfter: 60, now: start + 100) == nil)
        let job = try #require(try await store.ingestJobs().first)
        #expect(job.checkpoint == 8)
        #expect(job.counts == counts)
        #expect(job.heartbeatAt == start + 50)
    }

    @Test func aDoneFileStaysDoneUntilItChanges() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let paths = try await store.registerIngestFiles(files(["a.xml"]), now: start).map(\.path)
        _ = try await store.claimNextIngestFile(worker: "w1", among: paths, staleAfter: 60, now: start)
        let counts = IngestCounts(recordsSeen: 3, caseReports: 2, stored: 2)
        #expect(try await store.completeIngestFile(path: paths[0], worker: "w1", checkpoint: 3, counts: counts, now: start + 1))
        let again = try await store.registerIngestFiles(files(["a.xml"]), now: start + 2)
        #expect(again.first?.state == .done)
        #expect(again.first?.counts == counts)
        #expect(try await store.claimNextIngestFile(worker: "w2", among: paths, staleAfter: 60, now: start + 3) == nil)
        let changed = try await store.registerIngestFiles(files(["a.xml"], size: 200), now: start + 4)
        #expect(changed.first?.state == .pending)
        #expect(changed.first?.checkpoint == 0)
        #expect(changed.first?.counts == IngestCounts())
    }

    @Test func aFailedFileIsRetriedFromItsCheckpoint() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let paths = try await store.registerIngestFiles(files(["a.xml"]), now: start).map(\.path)
        _ = try await store.claimNextIngestFile(worker: "w1", among: paths, staleAfter: 60, now: start)
        let counts = IngestCounts(recordsSeen: 9)
        #expect(try await store.recordIngestProgress(path: paths[0], worker: "w1", checkpoint: 9, counts: counts, now: start + 1))
        #expect(try await store.failIngestFile(path: paths[0], worker: "w1", counts: counts, error: "cut short", now: start + 2))
        let failed = try #require(try await store.ingestJobs().first)
        #expect(failed.state == .failed)
        #expect(failed.error == "cut short")
        #expect(try await store.claimNextIngestFile(worker: "w2", among: paths, staleAfter: 60, now: start + 3) == nil)
        let retried = try await store.registerIngestFiles(files(["a.xml"]), now: start + 4)
        #expect(retried.first?.state == .pending)
        #expect(retried.first?.checkpoint == 9)
        #expect(retried.first?.error == nil)
    }

    @Test func releaseReturnsTheFileToPendingOnlyForItsHolder() async throws {
        let store = try SQLiteKnowledgeStore.inMemory()
        let paths = try await store.registerIngestFiles(files(["a.xml"]), now: start).map(\.path)
        _ = try await store.claimNextIngestFile(worker: "w1", among: paths, staleAfter: 600, now: start)
        #expect(try await store.releaseIngestFile(path: paths[0], worker: "w2", now: start + 1) == false)
        #expect(try await store.releaseIngestFile(path: paths[0], worker: "w1", now: start + 1))
        let job = try await store.claimNextIngestFile(worker: "w2", among: paths, staleAfter: 600, now: start + 2)
        #expect(job?.claimedBy == "w2")
    }

    @Test func theTableSurvivesReopeningTheFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-jobs-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let store = try SQLiteKnowledgeStore.open(path: path, logger: .init(label: "test"))
            _ = try await store.registerIngestFiles(files(["a.xml", "b.xml"]), now: start)
        }
        let reopened = try SQLiteKnowledgeStore.open(path: path, logger: .init(label: "test"))
        #expect(try await reopened.ingestJobs().map(\.path) == ["/data/a.xml", "/data/b.xml"])
    }
}
