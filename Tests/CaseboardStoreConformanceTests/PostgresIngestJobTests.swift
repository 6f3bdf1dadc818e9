import CaseboardKnowledge
import CaseboardStorePostgres
import Foundation
import Testing

/// The ingest job table on PostgreSQL (IngestJobStore's contract).
@Suite(.enabled(if: StoreKind.postgresURL != nil))
struct PostgresIngestJobTests {
    static let files = (1...3).map { IngestFileIdentity(path: "/data/pubmed\($0).xml.gz", size: 100, modifiedAt: 1_700_000_000) }

    @Test func workersNeverHoldTheSameFileAndAStaleClaimIsTakenOver() async throws {
        try await StoreHarness.withStore(.postgres) { store, _ in
            let jobs = try #require(store as? any IngestJobStore)
            let now = Date(timeIntervalSince1970: 1_800_000_000)
            let registered = try await jobs.registerIngestFiles(Self.files, now: now)
            #expect(registered.map(\.state) == [.pending, .pending, .pending])
            let paths = Self.files.map(\.path)
            // Several workers claim at once: each gets a different file.
            let claimed = try await withThrowingTaskGroup(of: String?.self) { group in
                for worker in 0..<3 {
                    group.addTask { try await jobs.claimNextIngestFile(worker: "w\(worker)", among: paths, staleAfter: 60, now: now)?.path }
                }
                var result: [String] = []
                for try await path in group { if let path { result.append(path) } }
                return result
            }
            #expect(Set(claimed) == Set(paths))
            #expect(try await jobs.claimNextIngestFile(worker: "w9", among: paths, staleAfter: 60, now: now) == nil)
            let first = try #require(try await jobs.ingestJobs().first)
            let owner = try #require(first.claimedBy)
            let counts = IngestCounts(recordsSeen: 10, caseReports: 2, stored: 2)
            #expect(try await jobs.recordIngestProgress(path: first.path, worker: owner, checkpoint: 10, counts: counts, now: now))
            #expect(try await jobs.recordIngestProgress(path: first.path, worker: "someone-else", checkpoint: 11, counts: counts, now: now) == false)
            // Past the stale timeout, another worker takes the file over and resumes at the checkpoint.
            let later = now.addingTimeInterval(120)
            let takeover = try #require(try await jobs.claimNextIngestFile(worker: "w9", among: [first.path], staleAfter: 60, now: later))
            #expect(takeover.claimedBy == "w9")
            #expect(takeover.checkpoint == 10)
            #expect(takeover.counts == counts)
            #expect(takeover.attempts == 2)
            #expect(try await jobs.completeIngestFile(path: first.path, worker: owner, checkpoint: 20, counts: counts, now: later) == false)
            #expect(try await jobs.completeIngestFile(path: first.path, worker: "w9", checkpoint: 20, counts: counts, now: later))
            // A done, unchanged file stays done; a changed one starts over.
            var changed = Self.files
            changed[1].size = 200
            let again = try await jobs.registerIngestFiles(changed, now: later)
            #expect(again[0].state == .done)
            #expect(again[1].state == .pending)
            #expect(again[1].checkpoint == 0)
        }
    }
}
